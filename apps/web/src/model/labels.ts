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

/** The labels that tell a part from its total: where their label paths differ. */
function partName(part: FieldMeta, total: FieldMeta, lang: Lang): string {
  if (lang === "en") {
    const a = part.labelEn.replace(/^Table \d, /, "").split(": ");
    const b = total.labelEn.replace(/^Table \d, /, "").split(": ");
    return a[0] === b[0] ? (a[1] ?? part.labelEn) : (a[0] ?? part.labelEn);
  }
  const same = (i: number) => part.labelPath[i] === total.labelPath[i];
  const differing = part.labelPath.filter((_, i) => !same(i));
  return differing.length ? differing.join(" ") : part.label;
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
