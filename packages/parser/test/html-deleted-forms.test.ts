/**
 * What a browser shows of a page, where it differs from the page's text: struck-through text is
 * deleted (an editor's old figure next to the new one, a Word export's unaccepted tracked
 * deletion), a form control shows its value (a reporting system prints every figure in a
 * read-only field), and a table's <thead> is shown first and its <tfoot> last wherever they are
 * written (HTML 4 wrote <tfoot> before <tbody>).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHtml } from "../src/index.js";
import { htmlSource } from "../src/sources/html.js";
import { CORPUS, expectFixtureTables } from "./helpers.js";

const STEM = "huaian-2024";
const page = readFileSync(join(CORPUS, `${STEM}.rendered.html`), "utf8");

function expectTables(html: string) {
  expectFixtureTables(parseHtml(html).report, STEM);
}

/** The page with every value cell's figure written by `write` (the figure, its index). */
function everyFigure(write: (figure: string, n: number) => string): string {
  let n = 0;
  const html = page.replace(
    /(<td class="gr-v"[^>]*>)(\d+(?:\.\d+)?)<\/td>/g,
    (_, open: string, figure: string) => `${open}${write(figure, n++)}</td>`,
  );
  expect(n).toBeGreaterThan(190);
  return html;
}

const cellTexts = (html: string) => htmlSource(html).lines.map((l) => l.text);

/** Ways a page strikes out an old figure before the new one. */
const STRUCK = [
  (old: string, d: string) => `<del>${old}</del>${d}`,
  (old: string, d: string) => `<s>${old}</s>${d}`,
  (old: string, d: string) => `<strike>${old}</strike> ${d}`,
  (old: string, d: string) =>
    `<p class=MsoNormal><del cite="mailto:admin" datetime="2025-01-10T10:00"><span lang=EN-US>${old}</span></del><ins cite="mailto:admin" datetime="2025-01-10T10:00"><span lang=EN-US>${d}</span></ins></p>`,
  (old: string, d: string) => `<span style="text-decoration: line-through">${old}</span>${d}`,
  (old: string, d: string) => `<span style="color:red; TEXT-DECORATION-LINE : line-through">${old}</span>${d}`,
  (old: string, d: string) => `<font style="text-decoration: underline line-through red"><b>${old}</b></font>${d}`,
];

describe("HTML: struck-through text is deleted text", () => {
  it("an old figure struck out before every figure: every cell as printed", () => {
    expectTables(
      everyFigure((d, n) => (STRUCK[n % STRUCK.length] as (old: string, d: string) => string)(String(+d + 3), d)),
    );
  });

  it("outside tables too; <ins> is kept; a later text-decoration overrides an earlier one", () => {
    expect(cellTexts("<p>本年度制发<del>3</del><ins>6</ins>件</p><p><s>旧段落</s>新段落</p>")).toEqual([
      "本年度制发6件",
      "新段落",
    ]);
    expect(cellTexts('<p>a<span style="text-decoration:line-through;text-decoration:none">b</span>c</p>')).toEqual([
      "abc",
    ]);
    expect(cellTexts('<p>a<span style="text-decoration:underline">b</span>c</p>')).toEqual(["abc"]);
  });

  it("a struck cell keeps its column, and nothing inside it is read, whatever it sets", () => {
    const doc = htmlSource(
      '<table><tr><td>规章</td><td style="text-decoration:line-through">5<span style="text-decoration:none">6</span></td><td>7</td></tr>' +
        '<tr style="text-decoration: line-through"><td>规章</td><td>8</td><td>9</td></tr></table>',
    );
    expect(doc.lines.map((l) => l.tokens.filter((t) => t.kind === "num").map((t) => [t.value, t.pos]))).toEqual([
      [[7, 2]],
    ]);
  });
});

/** Ways a reporting system prints a figure in a form control. */
const CONTROLS = [
  (d: string) => `<input type="text" class="num" readonly value="${d}" style="width:40px;border:none">`,
  (d: string) => `<input readonly value=${d}>`,
  (d: string) => `<input type="NUMBER" value="${d}" disabled>`,
  (d: string) => `<textarea readonly rows="1">${d}</textarea>`,
  (d: string) => `<select disabled><option value="0">0</option><option value="${d}" selected>${d}</option></select>`,
  (d: string) => `<select><option>${d}</option><option>999</option></select>`,
];

describe("HTML: a form control shows its value", () => {
  it("every figure in a read-only field: every cell as printed", () => {
    expectTables(everyFigure((d, n) => (CONTROLS[n % CONTROLS.length] as (d: string) => string)(d)));
  });

  it("hidden, password and button fields show no figure; a field's value joins the text around it", () => {
    const doc = htmlSource(
      '<table><tr><td>规章</td><td><input type="hidden" value="5"><input type="password" value="6">' +
        '<input type="submit" value="7"><input type="checkbox" value="1" checked>8</td><td><input value="9"></td></tr></table>' +
        '<p>本年度制发<input value="45" readonly>件</p>',
    );
    expect(doc.lines[0]?.tokens.filter((t) => t.kind === "num").map((t) => [t.value, t.pos])).toEqual([
      [8, 1],
      [9, 2],
    ]);
    expect(doc.lines[1]?.text).toBe("本年度制发 45 件");
  });

  it("a <select> shows its last selected option, all of them in a list, or its first; an option's label", () => {
    expect(cellTexts("<p><select><option selected>1</option><option selected>2</option></select></p>")).toEqual(["2"]);
    expect(
      cellTexts(
        "<p><select multiple><option selected>1</option><option>2</option><option selected>3</option></select></p>",
      ),
    ).toEqual(["1 3"]);
    expect(cellTexts('<p>共<select><option label="12">十二</option><option>13</option></select>件</p>')).toEqual([
      "共 12 件",
    ]);
  });
});

describe("HTML: a table's rows in the order they are shown", () => {
  it("表三's last row in a <tfoot> and 表四's figures in one, written before the body: every cell", () => {
    let tables = 0;
    const html = page.replace(/<table class="gr-table gr-(applications|reviewsAndLawsuits)"[\s\S]*?<\/table>/g, (t) => {
      tables++;
      const body = /<tbody>([\s\S]*)<\/tbody>/.exec(t)?.[1] as string;
      const rows = body.match(/<tr[\s\S]*?<\/tr>/g) as string[];
      const foot = `<tfoot>${rows.slice(-1).join("")}</tfoot>`;
      const rest = rows.slice(0, -1).join("");
      // 表三: thead, tfoot, tbody; 表四 (one row of figures): tfoot before thead, no tbody.
      return rest
        ? t.replace(/<\/thead>[\s\S]*<\/tbody>/, `</thead>${foot}<tbody>${rest}</tbody>`)
        : t.replace(/<thead>[\s\S]*<\/tbody>/, (m) => `${foot}${m.replace(/<tbody>[\s\S]*<\/tbody>/, "")}`);
    });
    expect(tables).toBe(2);
    expectTables(html);
  });

  it("only the first <thead> goes first and the first <tfoot> last; others stay where they are", () => {
    const doc = htmlSource(
      "<table><tfoot><tr><td>尾</td></tr></tfoot><tbody><tr><td>一</td></tr></tbody><thead><tr><td>头</td></tr></thead>" +
        "<thead><tr><td>二</td></tr></thead><tfoot><tr><td>三</td></tr></tfoot><tr><td>四</td></tr></table>",
    );
    expect(doc.lines.map((l) => l.text)).toEqual(["头", "一", "二", "三", "四", "尾"]);
  });
});
