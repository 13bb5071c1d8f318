import { describe, expect, it } from "vitest";
import { htmlSource } from "../src/sources/html.js";

/** Each line: its text, "row" for a table row or "block", and (rows) the grid columns of its figures. */
const lines = (html: string) =>
  htmlSource(html).lines.map((l) => [
    l.text,
    l.tableRow ? "row" : "block",
    l.tableRow ? l.tokens.filter((t) => t.kind === "num").map((t) => t.pos) : [],
  ]);

// The page is read as the parser tells it (no tree): a table is kept until it ends (a grid) or
// a table opens inside it (page layout: what was kept is read again as blocks).
describe("HTML read as a stream of tags", () => {
  it("a table whose nested table comes after rows already read is page layout from its start", () => {
    const html =
      "<p>前</p><table><tr><td>1</td><td>2</td></tr>" +
      "<tr><td><table><tr><td>3</td><td>4</td></tr></table></td><td>5</td></tr></table><p>后</p>";
    expect(lines(html)).toEqual([
      ["前", "block", []],
      ["1", "block", []],
      ["2", "block", []],
      ["3 4", "row", [0, 1]],
      ["5", "block", []],
      ["后", "block", []],
    ]);
  });

  it("a table inside skipped content still makes the table around it page layout", () => {
    const html = "<table><tr><td>1</td><td><noscript><table><tr><td>9</td></tr></table></noscript>2</td></tr></table>";
    expect(lines(html)).toEqual([
      ["1", "block", []],
      ["2", "block", []],
    ]);
  });

  it("a grid's rows are its own (through thead/tbody), its cells the td/th of each row", () => {
    const html =
      "<table><caption>表题</caption><thead><tr><th>项目</th><th colspan=2>数量</th></tr></thead>" +
      "<tbody><tr><td rowspan=2>甲</td><td>1</td><td>2</td></tr><tr><td>3<br>说明</td><td>4</td>" +
      "<div>不在格内</div></tr></tbody>外</table>";
    expect(lines(html)).toEqual([
      ["项目 数量", "row", []],
      ["甲 1 2", "row", [1, 2]],
      ["3 说明 4", "row", [1, 2]],
    ]);
  });

  it("a <title> in a grid cell is cell text; in a layout table or the body it is the page title", () => {
    expect(htmlSource("<table><tr><td><title>格</title>1</td></tr></table>").title).toBeUndefined();
    expect(lines("<table><tr><td><title>格</title>1</td></tr></table>")).toEqual([["格1", "row", [0]]]);
    const layout = htmlSource("<table><tr><td><title> 题 </title><table><tr><td>1</td></tr></table></td></tr></table>");
    expect(layout.title).toBe("题");
    expect(layout.lines.map((l) => l.text)).toEqual(["1"]);
  });

  it("only the first <title> child of a <head> counts; an empty title leaves room for a later one", () => {
    expect(htmlSource("<head><meta><title></title><title>二</title></head><title>三</title>").title).toBe("三");
    expect(htmlSource("<head><div><title>深</title></div></head><p>正文</p>").title).toBeUndefined();
  });

  it("block offsets and line numbers are those of the page's own characters", () => {
    const html = "<p>一</p>\n<table>\n<tr><td>甲</td><td>2</td></tr>\n</table>\n<p>&amp;三</p>";
    const doc = htmlSource(html);
    expect(doc.lines.map((l) => [l.text, l.lineNo, l.offset])).toEqual([
      ["一", 1, 3],
      ["甲 2", 3, html.indexOf("<td>")],
      ["&三", 5, html.indexOf("&amp;")],
    ]);
  });
});
