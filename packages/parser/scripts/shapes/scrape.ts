/**
 * Shape of the existing corpus: the text a crawler takes from a web page (`textContent`), with a
 * newline after each block outside tables and nothing between table cells ("640020470").
 */
import { parseDocument } from "htmlparser2";

type ChildNode = ReturnType<typeof parseDocument>["children"][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;
const isTag = (n: ChildNode): n is Element => n.type === "tag" || n.type === "script" || n.type === "style";
const isText = (n: ChildNode): n is Extract<ChildNode, { data: string }> => n.type === "text";

/** textContent with a newline after each block outside tables, nothing between table cells. */
export function scrape(html: string): string {
  const out: string[] = [];
  let line = "";
  const walk = (nodes: readonly ChildNode[], inTable: boolean) => {
    for (const n of nodes) {
      if (isText(n)) line += n.data.replace(/\s+/g, inTable ? "" : " ");
      else if (isTag(n)) {
        if (n.name === "style" || n.name === "script" || n.name === "head") continue;
        const block = !inTable && ["p", "div", "h1", "h2", "h3", "table", "li", "section"].includes(n.name);
        if (block && line.trim()) {
          out.push(line.trim());
          line = "";
        }
        walk(n.children, inTable || n.name === "table");
        if (block && line.trim()) {
          out.push(line.trim());
          line = "";
        }
      }
    }
  };
  walk(parseDocument(html).children, false);
  if (line.trim()) out.push(line.trim());
  return `${out.join("\n")}\n`;
}
