/** Names of inputs and formulas, built from core's labels (never retyped here). */
import type { FieldMeta } from "@gov-report/core/lite";

export type Lang = "zh" | "en";

/**
 * The accessible name of a value cell: its row labels, then its column label, without the table
 * number — "三、本年度办理结果 （一）予以公开 · 自然人". English uses core's English label.
 */
export function accessibleName(field: FieldMeta, lang: Lang): string {
  if (lang === "en") return field.labelEn.replace(/^Table \d, /, "");
  const parts = field.labelPath.slice(1);
  if (parts.length < 2) return parts.join("") || field.label;
  return `${parts.slice(0, -1).join(" ")} · ${parts[parts.length - 1]}`;
}

/**
 * The labels of a part that its total does not share: what is left once the labels both begin
 * with (table, row) and both end with (the column, for a column total) are taken away.
 */
export function distinctLabels(part: readonly string[], total: readonly string[]): string[] {
  let start = 0;
  while (start < part.length && start < total.length && part[start] === total[start]) start++;
  let end = 0;
  while (
    end < part.length - start &&
    end < total.length - start &&
    part[part.length - 1 - end] === total[total.length - 1 - end]
  )
    end++;
  return part.slice(start, part.length - end);
}

/** core's English label as its levels: "Table 3, (3) Not disclosed: State secret: Natural persons" → 3 levels. */
const englishLevels = (f: FieldMeta) => f.labelEn.replace(/^Table \d, /, "").split(": ");

/** The name that tells a part from its total: "（三）不予公开 1.属于国家秘密", "Businesses". */
function partName(part: FieldMeta, total: FieldMeta, lang: Lang): string {
  if (lang === "en") return distinctLabels(englishLevels(part), englishLevels(total)).join(": ") || part.labelEn;
  return distinctLabels(part.labelPath, total.labelPath).join(" ") || part.label;
}

/** "= 自然人 + 商业企业 + …" for a 总计 cell: its first formula, the one the form computes. */
export function formulaText(total: FieldMeta, fields: Record<string, FieldMeta>, lang: Lang): string {
  const formula = total.sumOf?.[0];
  if (!formula) return "";
  const names = formula.of.map((id) => {
    const part = fields[id];
    return part ? partName(part, total, lang) : id;
  });
  return `= ${names.join(" + ")}`;
}
