import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHtml, parseReport, parseText } from "../src/index.js";
import { FIXTURES, imageOnlyPdf, pdfBytes, readPgm } from "./helpers.js";

const codes = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((d) => d.code);

describe("robustness", () => {
  it("arbitrary text never throws and always gives a report", () => {
    const alphabet = fc.constantFrom(
      ..."0123456789 \n+-.、（）一二三四五六七总计其他第二十条行政复议诉讼申请人情况本年新收结转规章元万".split(""),
    );
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 400 }), fc.string({ maxLength: 200 }), (a, b) => {
        const r = parseText(a + b);
        expect(typeof r.report.year).toBe("number");
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("arbitrary markup never throws", () => {
    const piece = fc.constantFrom(
      "<table>",
      "</table>",
      "<tr>",
      "<td rowspan=3>",
      '<td colspan="999999">',
      "</td>",
      "<p>",
      "&nbsp;",
      "三、收到和处理政府信息公开申请情况",
      "行政复议",
      "0",
      "12",
      "<!--",
      "<script>",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), (parts) => {
        const r = parseHtml(parts.join(""));
        expect(r.report).toBeDefined();
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("a report followed by 3 MB of filler on one line is read (time is linear: no backtracking, bounded searches)", () => {
    const seed = readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8");
    const filler = "依申请公开工作 0 1 2 3 45 6789 行政复议 2023 年 ".repeat(Math.ceil((3 * 1024 * 1024) / 60));
    const r = parseText(seed + filler);
    expect(r.report.proactiveDisclosure).toMatchObject({ licensing: { previousCount: 22 } });
  }, 120_000);

  it("a 20 MB line is refused whole, naming the limit", () => {
    const seed = readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8");
    const r = parseText(seed + "依申请公开工作 0 1 2 3 45 6789 ".repeat((20 * 1024 * 1024) / 40));
    expect(r.diagnostics.map((d) => d.code)).toContain("input.too-large");
    expect(r.confidence).toBe(0);
  }, 120_000);

  it("a 20 MB run of digits and a deeply nested page complete", () => {
    expect(parseText(`一、本年新收政府信息公开申请数量${"7".repeat(20 * 1024 * 1024)}`).report).toBeDefined();
    expect(parseHtml(`${"<div>".repeat(200000)}x${"</div>".repeat(200000)}`).report).toBeDefined();
  }, 120_000);

  it("a truncated PDF (first half of a fixture) gives input.unreadable or a partial read, never a throw", async () => {
    const bytes = pdfBytes("hongze-2023");
    const r = await parseReport({ pdf: bytes.subarray(0, bytes.length >> 1) });
    const c = codes(r);
    expect(c.some((x) => x === "input.unreadable" || x === "table.missing" || x === "row.missing")).toBe(true);
    expect(r.confidence).toBeLessThan(0.8);
  }, 60_000);

  it("bytes that are not a PDF: input.unreadable", async () => {
    const r = await parseReport({ pdf: new TextEncoder().encode("hello, not a pdf") });
    expect(codes(r)).toEqual(["input.unreadable"]);
    expect(r.confidence).toBe(0);
  });

  it("a scanned PDF (a page image, no text layer): input.no-text-layer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gr-scan-"));
    const run = spawnSync("pdftoppm", [
      "-gray",
      "-r",
      "20",
      "-f",
      "1",
      "-l",
      "1",
      join(FIXTURES, "huaian-2024.pdf"),
      join(dir, "p"),
    ]);
    let image: { gray: Uint8Array; width: number; height: number };
    if (run.status === 0) image = readPgm(readFileSync(join(dir, "p-1.pgm")));
    else {
      // poppler-utils missing: a synthetic page image does as well.
      const width = 165;
      const height = 234;
      const gray = new Uint8Array(width * height).map((_, i) => (i % 7 === 0 ? 0 : 255));
      image = { gray, width, height };
    }
    const r = await parseReport({ pdf: imageOnlyPdf(image.gray, image.width, image.height) });
    expect(codes(r)).toEqual(["input.no-text-layer"]);
    expect(r.diagnostics[0]?.message).toContain("扫描件");
    expect(r.confidence).toBe(0);
  }, 60_000);
});
