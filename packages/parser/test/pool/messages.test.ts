import { describe, expect, it } from "vitest";
import { failureMessage } from "../../src/pool/messages.js";
import type { PoolFailure } from "../../src/pool/protocol.js";

describe("the message of a file the pool could not read", () => {
  it("says why in Chinese and in English, with what the worker said", () => {
    const all: PoolFailure["failure"][] = ["timeout", "memory", "crashed", "error"];
    const messages = all.map((failure) => failureMessage({ failure, detail: "SIGSEGV" }));
    for (const m of messages) {
      expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(m.en).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(new Set(messages.map((m) => m.zh)).size).toBe(all.length);
    expect(failureMessage({ failure: "crashed", detail: "SIGSEGV" })).toEqual({
      zh: "读取进程意外退出（SIGSEGV）",
      en: "the reading worker stopped unexpectedly (SIGSEGV)",
    });
    expect(failureMessage({ failure: "error", detail: "bad xref" })).toEqual({
      zh: "读取时程序出错，未能读取该文件；请将该文件和以下信息报告给维护者（bad xref）",
      en: "the reader failed on this file (a fault of the tool); please report the file with this detail (bad xref)",
    });
    expect(failureMessage({ failure: "timeout" }).zh).toBe(
      "读取超时，已停止（文件可能异常；如确是正常的大文件，可用环境变量 GOV_REPORT_PARSE_TIMEOUT 设定时限，单位秒）",
    );
  });
});
