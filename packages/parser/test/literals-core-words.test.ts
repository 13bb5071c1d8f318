/** The words the parser looks for outside the tables are core's: title, preamble, period, signature, table marks. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BODY_NAME_ENDINGS, PREAMBLE_WORDS, TABLE_MARKS, TITLE_WORDS } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";
import { findLayout } from "../src/sections.js";
import { isBodyName } from "../src/signature.js";
import { textSource } from "../src/sources/text.js";
import { FIXTURES } from "./helpers.js";

const seed = readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8");
const body = seed.slice(seed.indexOf("一、总体情况"));

describe("title and preamble words (core's TITLE_WORDS, PREAMBLE_WORDS)", () => {
  it.each(TITLE_WORDS.noticePrefixes.filter((p) => p.startsWith("关于")))("a notice title %s《…》的通知", (prefix) => {
    const r = parseText(`${prefix}《某某县人民政府2020年度政府信息公开工作年度报告》的通知\n\n${body}`);
    expect(r.report.agency.name).toBe("某某县人民政府");
    expect(r.report.year).toBe(2020);
  });

  it.each(["办公室", "办公厅"])("the government's %s compiles its report: the agency is the government", (office) => {
    const preamble = `${PREAMBLE_WORDS.start}某某市人民政府${office}根据《条例》要求编制。\n\n`;
    const r = parseText(`${preamble}${body}`);
    expect(r.report.agency.name).toBe("某某市人民政府");
  });

  it("a line saying 本报告 is not the title", () => {
    const r = parseText(`${TITLE_WORDS.selfReference}是某某局2020年度报告的说明\n\n${body}`);
    expect(r.report.agency.name).not.toContain(TITLE_WORDS.selfReference);
  });
});

describe("signature words (core's BODY_NAME_ENDINGS, printedDate)", () => {
  it("a body name ends with one of core's endings", () => {
    for (const e of BODY_NAME_ENDINGS) expect(isBodyName(`某某某${e}`), e).toBe(true);
    expect(isBodyName("某某某公司")).toBe(false);
  });

  it("the signature names the agency when nothing else does; the date in Chinese numerals", () => {
    const r = parseText(`${body.trimEnd()}\n\n某某县人民政府办公室\n二〇二一年一月二十日\n`);
    expect(r.report.signature).toEqual({ agency: "某某县人民政府办公室", date: "2021-01-20" });
    expect(r.report.agency.name).toBe("某某县人民政府");
  });
});

describe("table marks (core's TABLE_MARKS)", () => {
  it.each(TABLE_MARKS.applications)("table 三 is found by %s when its heading is lost", (mark) => {
    const text = ["一、总体情况", "正文。", "说明", mark, "自然人 商业企业", "二、其他"].join("\n");
    const layout = findLayout(textSource(text));
    expect(layout.applications?.[0]).toBe(3);
  });

  it("table 二 is found by the article its captions cite", () => {
    const text = [
      "二、主动公开政府信息情况",
      "说明",
      `${TABLE_MARKS.proactiveDisclosure[0]}第（一）项`,
      "规章 1 2 3",
    ].join("\n");
    expect(findLayout(textSource(text)).proactive?.[0]).toBe(2);
  });
});
