import { describe, expect, it } from "vitest";
import { parseHtml } from "../src/index.js";
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
