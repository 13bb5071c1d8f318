import { describe, expect, it } from "vitest";
import { parseHtml, parseText } from "../src/index.js";
import { htmlSource } from "../src/sources/html.js";

const PAGE = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe("the page title", () => {
  it("is read from <title> inside <head>, which is no body text", () => {
    const doc = htmlSource(
      PAGE("<meta charset=utf-8><title> 某某县人民政府 2024年政府信息公开工作年度报告 </title>", "<p>一、总体情况</p>"),
    );
    expect(doc.title).toBe("某某县人民政府 2024年政府信息公开工作年度报告");
    expect(doc.lines.map((l) => l.text).join("\n")).not.toContain("某某县人民政府");
  });

  it("gives the agency and year of a page whose body prints neither", () => {
    const result = parseHtml(
      PAGE("<title>某某县人民政府2024年政府信息公开工作年度报告</title>", "<p>一、总体情况</p><p>本年度，我县……</p>"),
    );
    expect(result.report.year).toBe(2024);
    expect(result.report.agency.name).toBe("某某县人民政府");
  });
});

describe("a title block that lists other reports", () => {
  const LINKS =
    "<ul><li>某某县人民政府2023年政府信息公开工作年度报告</li><li>某某县教育局2024年政府信息公开工作年度报告</li>" +
    "<li>某某县人民政府2022年政府信息公开工作年度报告</li></ul>";
  const BODY = (title: string) =>
    `${LINKS}<p>索引号：001/2025-00012 发布日期：2025-01-24</p><h1>${title}</h1><p>一、总体情况</p><p>本年度，我县……</p>`;

  it("takes the report's own: the one the page title agrees with, right above the text (info only)", () => {
    const r = parseHtml(
      PAGE(
        "<title>某某县人民政府2024年政府信息公开工作年度报告</title>",
        BODY("某某县人民政府2024年政府信息公开工作年度报告"),
      ),
    );
    expect([r.report.year, r.report.agency.name]).toEqual([2024, "某某县人民政府"]);
    expect(r.diagnostics.find((d) => d.code.startsWith("meta."))?.code).toBe("meta.other-titles");
  });

  it("with no page title, takes the one right above the text and warns", () => {
    const r = parseHtml(PAGE("", BODY("某某县人民政府2024年政府信息公开工作年度报告")));
    expect([r.report.year, r.report.agency.name]).toEqual([2024, "某某县人民政府"]);
    const d = r.diagnostics.find((x) => x.code === "meta.titles-differ");
    expect(d?.severity).toBe("warning");
    expect(d?.message).toContain("某某县教育局 2024");
  });

  it("does not take a title quoted in the report's text", () => {
    const r = parseHtml(
      PAGE(
        "",
        "<h1>某某县人民政府2024年政府信息公开工作年度报告</h1><p>本年度按照要求发布。</p><p>某某县人民政府2023年政府信息公开工作年度报告</p><p>一、总体情况</p>",
      ),
    );
    expect(r.report.year).toBe(2024);
    expect(r.diagnostics.some((d) => d.code.startsWith("meta."))).toBe(false);
  });

  it("ignores a print header's date and time in front of the title", () => {
    const r = parseHtml(
      PAGE(
        "",
        "<p>12/2/26, 2:31 PM 某某县人民政府2024年政府信息公开工作年度报告</p><h1>某某县人民政府2024年政府信息公开工作年度报告</h1><p>一、总体情况</p>",
      ),
    );
    expect([r.report.year, r.report.agency.name]).toEqual([2024, "某某县人民政府"]);
  });
});

describe("a title with the year in Chinese numerals", () => {
  it.each(["二〇二四年度", "二零二四年", "二〇二四年"])("reads %s as 2024, not a year from the text", (year) => {
    const r = parseText(
      `某某县人民政府${year}政府信息公开工作年度报告\n一、总体情况\n根据2019年修订的《条例》，现发布本报告。\n某某县人民政府\n2025年1月20日`,
    );
    expect([r.report.year, r.report.agency.name]).toEqual([2024, "某某县人民政府"]);
    expect(r.diagnostics.some((d) => d.code === "year.inferred")).toBe(false);
  });
});

describe("a title split after its year", () => {
  it("reads the agency and year from both lines", () => {
    const r = parseText("某某县人民政府2024年\n政府信息公开工作年度报告\n一、总体情况\n本年度，我县依法公开政府信息。");
    expect([r.report.year, r.report.agency.name]).toEqual([2024, "某某县人民政府"]);
  });
});
