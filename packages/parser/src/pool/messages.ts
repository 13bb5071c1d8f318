/**
 * Why a file has no result, in both languages a user of the tools reads: one wording for the
 * command line and the review desk (each picks its language).
 */
import type { PoolFailure } from "./protocol.js";

export interface FailureMessage {
  zh: string;
  en: string;
}

/** The user's message for a job the pool could not finish (a file that could not be read). */
export function failureMessage(f: PoolFailure): FailureMessage {
  const detail = f.detail ?? "";
  switch (f.failure) {
    case "timeout":
      return {
        zh: "读取超时，已停止（文件可能异常；如确是正常的大文件，可用环境变量 GOV_REPORT_PARSE_TIMEOUT 设定时限，单位秒）",
        en: "reading took too long and was stopped (the file may be malformed; for a large file that is sound, set the limit in seconds with GOV_REPORT_PARSE_TIMEOUT)",
      };
    case "memory":
      return {
        zh: "读取时超出内存限制（文件过大或异常）",
        en: "reading ran out of memory (the file is too large or malformed)",
      };
    case "crashed":
      return { zh: `读取进程意外退出（${detail}）`, en: `the reading worker stopped unexpectedly (${detail})` };
    default:
      // The reader threw: a fault of the tool, not of the file. The detail is the program's own
      // (English) words, kept in brackets for the report a user sends.
      return {
        zh: `读取时程序出错，未能读取该文件；请将该文件和以下信息报告给维护者（${detail}）`,
        en: `the reader failed on this file (a fault of the tool); please report the file with this detail (${detail})`,
      };
  }
}
