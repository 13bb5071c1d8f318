/**
 * Section text: the lines between a heading and the next boundary, hard line breaks removed,
 * paragraphs joined with "\n". A paragraph ends at a line ending in a space (PDF-extracted text),
 * before an indented line (PDF pages, layout text), or at a block boundary (HTML).
 */

import { replaceRadicals } from "@gov-report/core/lite";
import type { SourceDoc } from "./doc.js";

export function narrative(doc: SourceDoc, from: number, to: number, skip: (i: number) => boolean): string {
  const paras: string[] = [];
  let cur = "";
  const end = () => {
    const t = cur.trim();
    if (t) paras.push(t);
    cur = "";
  };
  for (let i = from; i < to; i++) {
    const l = doc.lines[i];
    if (!l || skip(i) || l.tableRow) continue;
    if (l.block || l.indent) end();
    cur += replaceRadicals(l.text.trim());
    if (l.trailingSpace || l.block) end();
  }
  end();
  return paras.join("\n");
}
