import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { analyze, sniffKind } from "../src/ingest/analyze.js";
import { ParsePool } from "../src/ingest/pool.js";

const FIXTURES = join(import.meta.dirname, "../../../fixtures");
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

describe("reading one uploaded file", () => {
  it("recognises files by content through the parser's input module", () => {
    expect(sniffKind(fixture("hongze-2024.pdf"), "report.txt")).toBe("pdf");
    expect(sniffKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), "reports.zip")).toBe("zip");
    expect(sniffKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "old.doc")).toBe("docx");
    expect(sniffKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), "scan.png")).toBeUndefined();
  });

  it("reads a report saved in GB 18030, and names an image as no report", async () => {
    // The huaian-2024 fixture saved in GB 18030, as many portals still publish.
    const gbk = new Uint8Array(readFileSync(join(import.meta.dirname, "data", "huaian-2024.gb18030.json")));
    expect((await analyze(gbk, "r.json")).agency).toBe("淮安市人民政府");
    const png = await analyze(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), "scan.png");
    expect(png.error?.zh).toContain("不是报告文件");
  }, 60_000);
});

describe("the parse pool", () => {
  let pool: ParsePool | undefined;
  afterEach(async () => {
    delete process.env.GOV_REPORT_PARSE_TIMEOUT;
    await pool?.close();
  });

  it("stops a file over the time limit, gives it the reason, and reads the next file with a new worker", async () => {
    pool = new ParsePool(1);
    process.env.GOV_REPORT_PARSE_TIMEOUT = "0.001";
    const slow = await pool.run(fixture("huaian-2024.pdf"), "huaian-2024.pdf");
    expect(slow.error?.zh).toBe(
      "读取超时，已停止（文件可能异常；如确是正常的大文件，可用环境变量 GOV_REPORT_PARSE_TIMEOUT 设定时限，单位秒）",
    );
    delete process.env.GOV_REPORT_PARSE_TIMEOUT;
    const next = await pool.run(fixture("hongze-2024.pdf"), "hongze-2024.pdf");
    expect(next.error).toBeUndefined();
    expect(next.agency).toContain("洪泽区");
  }, 180_000);
});
