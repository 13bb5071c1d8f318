/**
 * Typing and pasting into value cells, as pure functions of the draft and the typed texts: the
 * text a person typed is kept as typed (so a refused "1.5" stays visible), and the report gets the
 * number it denotes, or a blank (null) when it denotes none — never another number.
 */
import { type EditionFormMeta, type FieldMeta, getAt, type Path } from "@gov-report/core/lite";
import { type Draft, setValues, withoutProvenance } from "../model/draft.js";
import { neighbours, offsetField } from "../model/layout.js";
import { META } from "../model/meta.js";
import { formatCellValue, readCellText, splitPastedGrid } from "../model/numbers.js";

export type Entries = Readonly<Record<string, string>>;

export interface CellEdit {
  draft: Draft;
  entries: Entries;
}

const NAV = {
  "2019": neighbours(META.editions["2019"]),
  "2021": neighbours(META.editions["2021"]),
};

/** The value a typed text gives the report: its number, or null when it is blank or refused. */
const figureOf = (text: string, f: FieldMeta) => {
  const r = readCellText(text, f.constraints);
  return r.ok ? r.value : null;
};

/** Applies typed texts to fields (one keystroke, or every cell of a pasted block). */
export function typeTexts(state: CellEdit, texts: readonly { field: FieldMeta; text: string }[]): CellEdit {
  const entries: Record<string, string> = { ...state.entries };
  const edits: { path: Path; value: unknown }[] = [];
  const report = state.draft.report;
  for (const { field, text } of texts) {
    entries[field.id] = text;
    const value = figureOf(text, field);
    if (value !== getAt(report, field.path)) edits.push({ path: field.path, value });
  }
  // Typing a cell is the user's reading of it, even when it equals the placeholder: its provenance goes.
  const ids = texts.map((t) => t.field.id);
  const draft = edits.length ? setValues(state.draft, edits) : state.draft;
  const read = withoutProvenance(draft.report, ids);
  if (read === draft.report) return { draft, entries };
  return { draft: { ...draft, report: read, dirty: true }, entries };
}

/**
 * Leaving a cell: a text that denotes its value shows again as the value is printed ("3" in a
 * signed cell becomes "+3", "1,234" becomes "1234"); a refused text stays as typed.
 */
export function settleEntry(entries: Entries, field: FieldMeta, value: unknown): Entries {
  const text = entries[field.id];
  if (text === undefined) return entries;
  const r = readCellText(text, field.constraints);
  if (!r.ok) return entries;
  if (r.value === null && formatCellValue(value, field.constraints) !== "") return entries;
  const { [field.id]: _, ...rest } = entries;
  return rest;
}

/** Entries of fields whose value is now set from outside (computed totals): their text is the value's. */
export function dropEntries(entries: Entries, ids: readonly string[]): Entries {
  if (!ids.some((id) => id in entries)) return entries;
  const out = { ...entries };
  for (const id of ids) delete out[id];
  return out;
}

/**
 * A block pasted from a spreadsheet, from a start cell: each pasted text goes to the cell at its
 * offset in the printed table (rows down, cells along the row). Computed totals take no pasted
 * text (they follow their parts); texts beyond the table are counted as skipped.
 */
export function pasteBlock(
  state: CellEdit,
  meta: EditionFormMeta,
  start: string,
  text: string,
): CellEdit & { skipped: number } {
  const nav = NAV[meta.edition];
  const texts: { field: FieldMeta; text: string }[] = [];
  let skipped = 0;
  splitPastedGrid(text).forEach((cells, r) => {
    cells.forEach((raw, c) => {
      const target = offsetField(nav, start, r, c);
      const f = target ? meta.fields[target] : undefined;
      if (!f) {
        if (raw.trim()) skipped++;
        return;
      }
      if (f.sumOf && !state.draft.manualTotals) return;
      texts.push({ field: f, text: raw.trim() });
    });
  });
  const next = typeTexts(state, texts);
  // A pasted figure that reads cleanly shows as its value at once, as a typed one does on leaving.
  let entries = next.entries;
  for (const t of texts) entries = settleEntry(entries, t.field, figureOf(t.text, t.field));
  return { ...next, entries, skipped };
}

export { NAV };
