/**
 * Table 三's rows as the reader matches them: each row of the edition (or of the 2019 single
 * （六） inside a 2021 report) with its label forms from core's catalog, its cell paths and its
 * row equation, built once per row spec.
 */
import {
  APPLICANT_COLUMNS,
  type ApplicationRowDef,
  applicationRows,
  constraints,
  type Edition,
  labelKeys,
  OUTCOME_CATEGORIES,
} from "@gov-report/core/lite";
import { rememberPaths } from "../../cells/book.js";
import { cellName, rowNameOf, tableTag } from "../../cells/names.js";
import type { ReadContext } from "../../context.js";
import type { Named } from "../../diagnostics.js";
import { bigrams, labelKey } from "../../normalize.js";
import { rowCheck } from "../../solve/rows.js";

export const TABLE = "applications";

export interface RowSpec {
  def: ApplicationRowDef;
  /** Where the values go (the single （六） row goes to other.otherReasons). */
  target: readonly string[];
  /** labelKey of the row's own label. */
  key: string;
  /** Bigrams of the row's own label and of each of its variants (core's catalog). */
  forms: number[][];
  /** The forms as one string: the key of the label similarities memo. */
  formsKey: string;
  single?: boolean;
}

/** The keys of a row's own label: official form first, then its variants. */
function ownForms(def: ApplicationRowDef): string[] {
  const own = def.labels[def.labels.length - 1];
  return own ? [...labelKeys(own)] : [""];
}

/** Row specs depend only on the catalog: built once per (edition, variant). */
const ROW_SPECS = new Map<string, RowSpec[]>();

export function rowSpecs(edition: Edition, singleOther: boolean): RowSpec[] {
  const key = `${edition}:${singleOther}`;
  let specs = ROW_SPECS.get(key);
  if (!specs) {
    specs = buildRowSpecs(edition, singleOther);
    ROW_SPECS.set(key, specs);
  }
  return specs;
}

function buildRowSpecs(edition: Edition, singleOther: boolean): RowSpec[] {
  const defs = singleOther ? applicationRows("2019") : applicationRows(edition);
  return defs.map((def) => {
    const own = def.labels[def.labels.length - 1]?.zh ?? "";
    const single = singleOther && def.path.length === 2 && def.path[1] === "other";
    return {
      def,
      target: single ? ["outcomes", "other", "otherReasons"] : def.path,
      key: labelKey(own),
      forms: ownForms(def).map((k) => bigrams(k)),
      formsKey: ownForms(def).join("|"),
      ...(single ? { single } : {}),
    };
  });
}

export const rowPath = (spec: RowSpec): string[] => [TABLE, ...spec.target];

export function rowName(ctx: ReadContext, spec: RowSpec): Named {
  if (spec.single) {
    const t = tableTag(TABLE);
    return { zh: `${t.zh} ${OUTCOME_CATEGORIES.other.zh}`, en: `${t.en}, ${OUTCOME_CATEGORIES.other.en}` };
  }
  return rowNameOf(cellName(ctx.edition, [...rowPath(spec), "total"]));
}

/** The seven cell paths of a row spec, built once (the cell book keys them by identity). */
const CELL_PATHS = new WeakMap<RowSpec, readonly string[][]>();

export function cellPaths(spec: RowSpec): readonly string[][] {
  let paths = CELL_PATHS.get(spec);
  if (!paths) {
    paths = APPLICANT_COLUMNS.map((c) => [...rowPath(spec), c.key]);
    rememberPaths(paths);
    CELL_PATHS.set(spec, paths);
  }
  return paths;
}

/** Whether seven figures add up as a row of `spec` (core's row equation): built once per row spec. */
const ROW_FITS = new WeakMap<RowSpec, (row: readonly number[]) => boolean>();

export function rowFits(edition: Edition, spec: RowSpec): (row: readonly number[]) => boolean {
  let fits = ROW_FITS.get(spec);
  if (!fits) {
    fits = rowCheck(
      constraints(edition),
      APPLICANT_COLUMNS.map((c) => [...rowPath(spec), c.key]),
    );
    ROW_FITS.set(spec, fits);
  }
  return fits;
}
