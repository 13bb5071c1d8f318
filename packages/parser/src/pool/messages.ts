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
        zh: "读取超时，已停止（文件可能异常）",
        en: "reading took too long and was stopped (the file may be malformed)",
      };
    case "memory":
      return {
        zh: "读取时超出内存限制（文件过大或异常）",
        en: "reading ran out of memory (the file is too large or malformed)",
      };
    case "crashed":
      return { zh: `读取进程意外退出（${detail}）`, en: `the reading worker stopped unexpectedly (${detail})` };
    default:
      return { zh: `读取出错：${detail}`, en: `cannot parse: ${detail}` };
  }
}
