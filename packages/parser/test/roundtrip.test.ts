import { validateReport } from "@gov-report/core";
import { describe, expect, it } from "vitest";
import { FORMS, generate, roundTrip } from "../scripts/roundtrip.js";
import { SHAPES, shapeFor } from "../scripts/shapes/index.js";
import { prng } from "../scripts/shapes/random.js";
import { parseText } from "../src/index.js";

// Parsing every report in several forms is heavy on a loaded 2-core machine: each test that does it
// has its own generous timeout, and the large runs are in `npm run roundtrip`.
const HEAVY = 120_000;

describe("round trip over generated figures", () => {
  const reports = generate(8, 20261201);

  it("generates reports that keep every invariant, from all four fixtures", () => {
    expect(reports.map((r) => r.edition)).toContain("2019");
    expect(reports.map((r) => r.edition)).toContain("2021");
    for (const r of reports) expect(validateReport(r).issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it(
    "reads back every cell of the HTML page, plain text, Markdown and Word renderings",
    async () => {
      const results = await roundTrip(reports, ["html", "text", "markdown", "docx"]);
      for (const r of results)
        expect({ form: r.form, index: r.index, right: r.right }).toEqual({
          form: r.form,
          index: r.index,
          right: r.total,
        });
    },
    HEAVY,
  );

  it(
    "never reads a cell of scraped text wrong without a diagnostic at its row",
    async () => {
      const results = await roundTrip(reports, ["scraped"]);
      expect(results.flatMap((r) => r.silent.map((m) => `#${r.index} ${m}`))).toEqual([]);
      const right = results.reduce((a, r) => a + r.right, 0);
      const total = results.reduce((a, r) => a + r.total, 0);
      // Table 二 has no totals to split its runs by; 三 and 四 are mostly decided by their totals.
      expect(right / total).toBeGreaterThan(0.95);
    },
    HEAVY,
  );

  // OCR Markdown still has wrong cells without a flag (see docs/benchmarks.md, npm run eval:parser);
  // every other generated shape must flag whatever it gets wrong.
  it(
    "never reads a cell of pipe text, crawler text, noted cells, portal pages or label variants wrong without a flag",
    async () => {
      const forms = ["pipe", "crawler", "crawler-stated", "notes", "web", "variants", "variants-pipe"];
      const results = await roundTrip(reports.slice(0, 4), forms);
      expect(results.flatMap((r) => r.silent.map((m) => `${r.form} #${r.index} ${m}`))).toEqual([]);
      for (const r of results.filter((x) => x.form === "notes" || x.form === "web"))
        expect({ form: r.form, index: r.index, right: r.right }).toEqual({
          form: r.form,
          index: r.index,
          right: r.total,
        });
    },
    HEAVY,
  );

  it("lists the forms it can produce, the generated shapes among them", () => {
    expect(FORMS).toEqual(expect.arrayContaining(["html", "scraped", "pdf", "pdftotext", ...SHAPES.map((s) => s.key)]));
  });
});

describe("generated shapes", () => {
  const [seed, huaian] = generate(2, 7) as [ReturnType<typeof generate>[number], ReturnType<typeof generate>[number]];
  const make = (key: string, report = huaian, stream = 1) => {
    const shape = shapeFor(key);
    if (!shape) throw new Error(key);
    return shape.make(report, prng(stream));
  };

  it("writes the same document for the same seed, another for another seed", () => {
    for (const s of SHAPES) {
      expect(make(s.key).content).toBe(make(s.key).content);
      expect(make(s.key, huaian, 2).content).not.toBe(make(s.key).content);
    }
  });

  it("keeps the figures: every expected report is the generated one with its agency and narratives", () => {
    for (const s of SHAPES) {
      const { expected } = make(s.key);
      expect(expected.applications).toEqual(huaian.applications);
      expect(expected.proactiveDisclosure).toEqual(huaian.proactiveDisclosure);
      expect(validateReport(expected).issues.filter((i) => i.severity === "error")).toEqual([]);
    }
  });

  it("pipe text: blank cells empty between separators", () => {
    const texts = [1, 2, 3, 4].map((n) => make("pipe", seed, n).content);
    expect(texts.some((t) => /\| \d+ \| {2}\|/.test(t))).toBe(true);
    expect(texts.join("\n")).not.toMatch(/<|\t/);
  });

  it("OCR Markdown: generic headers, page footers and small tables", () => {
    const text = [1, 2, 3].map((n) => make("ocr", huaian, n).content).join("\n");
    expect(text).toContain("| 类别 | 数据1 |");
    expect(text).toMatch(/^— \d+ —$/m);
    expect(text.match(/^\| --- \|/gm)?.length).toBeGreaterThan(8);
  });

  it("crawler text: no markup, 表二 run together, site chrome after the report; stated figures when asked", () => {
    const bare = make("crawler").content;
    expect(bare).not.toMatch(/<\/?(div|p|td|table)\b/);
    expect(bare).toMatch(/第二十条第（一）项信息内容本年制发件数/);
    expect(bare).toContain("扫一扫在手机上查看当前页面");
    const stated = make("crawler-stated");
    const issued = huaian.proactiveDisclosure.normativeDocuments as { issued: number };
    expect(stated.content).toContain(`本年度制发行政规范性文件${issued.issued}件`);
    expect(stated.expected.overview).toContain(`${issued.issued}件`);
  });

  it("label variants: 2021 only, printing the 2019 label of 行政规范性文件", () => {
    expect(shapeFor("variants")?.editions).toEqual(["2021"]);
    const html = make("variants").content;
    expect(html).toContain(">规范性文件<");
    expect(html).not.toContain(">行政规范性文件<");
  });
});

describe("run-together figures with a minus sign", () => {
  const edition2019 = (row: string) =>
    `2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量${row}\n`;

  it("gives a dash glued between digits both readings: a blank cell, or a negative change", async () => {
    const { report, diagnostics } = await parseText(edition2019("行政许可7-129其他对外管理服务事项000"));
    const d = diagnostics.find(
      (x) => x.code === "split.ambiguous" && x.path?.join(".") === "proactiveDisclosure.licensing",
    );
    expect(d?.candidates).toEqual(
      expect.arrayContaining([
        [7, 0, 129],
        [7, -12, 9],
        [7, -1, 29],
      ]),
    );
    expect(report.proactiveDisclosure).toMatchObject({ otherServices: { previousCount: 0, change: 0, decisions: 0 } });
  });

  it("keeps a spaced dash a blank cell", async () => {
    const { report, diagnostics } = await parseText(edition2019("行政许可 7 - 129 其他对外管理服务事项 0 0 0"));
    expect(report.proactiveDisclosure).toMatchObject({ licensing: { previousCount: 7, change: 0, decisions: 129 } });
    expect(diagnostics.some((x) => x.code === "split.ambiguous")).toBe(false);
  });
});
