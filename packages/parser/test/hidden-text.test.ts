/**
 * Hidden text is no content: portal pages and Word copies of reports hide digits among the
 * figures against copying ("133" printed as 13<7>3). HTML elements hidden by the `hidden`
 * attribute or an inline display:none / visibility:hidden, and Word runs marked w:vanish,
 * w:specVanish or w:webHidden, are skipped entirely.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseDocx, parseHtml } from "../src/index.js";
import { docxSource } from "../src/sources/docx.js";
import { htmlSource } from "../src/sources/html.js";
import { CORPUS, expected } from "./helpers.js";
import { docx } from "./sources-zip.js";

const STEM = "hongze-2023";
const TABLES = ["proactiveDisclosure", "applications", "reviewsAndLawsuits"] as const;

function expectTables(report: Record<string, unknown>) {
  const want = expected(STEM);
  for (const key of TABLES) expect(report[key], key).toEqual(want[key]);
}

/** Ways a page hides an element, one per value cell in turn (spacing, case, !important vary). */
const HIDDEN_HTML = [
  (d: string) => `<span style="display:none">${d}</span>`,
  (d: string) => `<span style="color:red; DISPLAY : None !important">${d}</span>`,
  (d: string) => `<font hidden>${d}</font>`,
  (d: string) => `<i style="visibility:hidden;">${d}</i>`,
  (d: string) => `<span style="font-size:12px;visibility: HIDDEN ! important"><b>${d}</b></span>`,
  (d: string) => `<em hidden="hidden"><span style="display:inline">${d}</span></em>`,
];

describe("HTML: hidden elements are not read", () => {
  it("a digit hidden in every value cell, a hidden cell before some: every cell as printed", () => {
    let n = 0;
    const html = readFileSync(join(CORPUS, `${STEM}.rendered.html`), "utf8").replace(
      /(<td class="gr-v"[^>]*>)(\d+(?:\.\d+)?)<\/td>/g,
      (_, open: string, figure: string) => {
        const hide = HIDDEN_HTML[n % HIDDEN_HTML.length] as (d: string) => string;
        // Every fifth cell has a hidden cell before it: display:none takes no column.
        const extra = n % 5 === 0 ? '<td style="display: none;">9</td>' : "";
        n++;
        return `${extra}${open}${figure}${hide(String(n % 10))}</td>`;
      },
    );
    expect(n).toBe(200);
    const r = parseHtml(html);
    expectTables(r.report as unknown as Record<string, unknown>);
  });

  it("hidden text outside tables is not read either; visibility:visible inside shows again", () => {
    const doc = htmlSource(
      '<p>总体<span style="display:none">隐藏</span>情况</p><div hidden><p>整段隐藏</p></div>' +
        '<p style="visibility:hidden">看不见<b style="visibility:visible">看得见</b></p><p>后文</p>',
    );
    expect(doc.lines.map((l) => l.text)).toEqual(["总体情况", "看得见", "后文"]);
  });

  it("a visibility:hidden cell keeps its column, its text is not read; display:block is shown", () => {
    const doc = htmlSource(
      '<table><tr><td>规章</td><td style="visibility:hidden">5</td><td style="display:block">7</td></tr></table>',
    );
    const tokens = doc.lines[0]?.tokens.filter((t) => t.kind === "num");
    expect(tokens?.map((t) => [t.value, t.pos])).toEqual([[7, 2]]);
  });

  it("a later declaration overrides an earlier one, unless only the earlier is !important", () => {
    const text = (style: string) => htmlSource(`<p>a<span style="${style}">b</span>c</p>`).lines[0]?.text;
    expect(text("display:none;display:inline")).toBe("abc");
    expect(text("display:none !important;display:inline")).toBe("ac");
    expect(text("visibility:hidden;visibility:visible")).toBe("abc");
  });
});

/** Ways Word hides a run, one per value cell in turn. */
const HIDDEN_RUN = [
  "<w:vanish/>",
  '<w:vanish w:val="true"/>',
  "<w:specVanish/>",
  "<w:webHidden/>",
  '<w:vanish w:val="1"/>',
];

describe("Word: hidden runs are not read", () => {
  it("a hidden digit after every figure: every cell as printed", () => {
    const files = unzipSync(new Uint8Array(readFileSync(join(CORPUS, `${STEM}.rendered.docx`))));
    let n = 0;
    const xml = strFromU8(files["word/document.xml"] as Uint8Array).replace(
      /(<w:t[^>]*>\d+(?:\.\d+)?<\/w:t><\/w:r>)/g,
      (run: string) => {
        const hide = HIDDEN_RUN[n % HIDDEN_RUN.length] as string;
        n++;
        return `${run}<w:r><w:rPr><w:sz w:val="19"/>${hide}</w:rPr><w:t>${n % 10}</w:t></w:r>`;
      },
    );
    expect(n).toBe(200);
    files["word/document.xml"] = strToU8(xml);
    const r = parseDocx(zipSync(files));
    expectTables(r.report as unknown as Record<string, unknown>);
  });

  it("a run whose w:vanish is off is read; a hidden run's tab and break are not", () => {
    const body =
      '<w:p><w:r><w:t>13</w:t></w:r><w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>3</w:t></w:r>' +
      "<w:r><w:rPr><w:vanish/></w:rPr><w:tab/><w:t>7</w:t><w:br/><w:t>8</w:t></w:r>" +
      '<w:r><w:rPr><w:vanish w:val="off"/></w:rPr><w:t>件</w:t></w:r></w:p>';
    expect(docxSource(docx(body)).lines.map((l) => l.text)).toEqual(["133件"]);
  });
});
