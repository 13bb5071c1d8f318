/** Printed names of tables, rows and cells for messages, all from core's catalog. */
import { cellAt, type Edition, type Path, type SectionKey, sectionDef } from "@gov-report/core/lite";
import type { Named } from "../diagnostics.js";

const TABLE_EN: Partial<Record<SectionKey, string>> = {
  proactiveDisclosure: "Table 2",
  applications: "Table 3",
  reviewsAndLawsuits: "Table 4",
};

/** "表三（收到和处理政府信息公开申请情况）" / "Table 3 (Applications received and handled)". */
export function tableName(key: SectionKey): Named {
  const s = sectionDef(key);
  return { zh: `${s.table ?? s.heading}（${s.zh}）`, en: `${TABLE_EN[key] ?? s.en} (${s.en})` };
}

/** Short form for the start of a message: "表三" / "Table 3". */
export function tableTag(key: SectionKey): Named {
  const s = sectionDef(key);
  return { zh: s.table ?? s.heading, en: TABLE_EN[key] ?? s.en };
}

/** The cell's printed labels ("表三 （七）总计 · 自然人"); the path when the catalog has no such cell. */
export function cellName(edition: Edition, path: Path): Named {
  const c = cellAt(edition, path);
  return c ? { zh: c.zh, en: c.en } : { zh: path.join("."), en: path.join(".") };
}

/** A row's name: its cell name without the column part ("表三 （七）总计" from "表三 （七）总计 · 自然人"). */
export function rowNameOf(cell: Named): Named {
  const cut = (s: string, sep: string) => (s.includes(sep) ? s.slice(0, s.lastIndexOf(sep)) : s);
  return { zh: cut(cell.zh, " · "), en: cut(cell.en, ": ") };
}
