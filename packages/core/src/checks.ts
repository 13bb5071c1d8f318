/**
 * Checks of the optional top-level keys `provenance` and `signature`, as plain findings that
 * validateReport turns into issues. Kept apart from validate.ts so that each key's rules read top
 * to bottom in one place.
 */
import { type Edition, TOP_LEVEL_LABELS } from "./catalog.js";
import { type CellDef, cellById, type Path } from "./cells.js";
import { CELL_STATUSES } from "./provenance.js";
import { RULES, type RuleDef } from "./rules.js";
import { isIsoDate, publicationDeadline } from "./signature.js";

/** One issue found, before validateReport adds its severity and code. */
export interface Finding {
  rule: RuleDef;
  path: Path;
  zh: string;
  en: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const typeName = (v: unknown): { zh: string; en: string } =>
  v === null
    ? { zh: "空白（null）", en: "null" }
    : Array.isArray(v)
      ? { zh: "数组", en: "an array" }
      : typeof v === "object"
        ? { zh: "对象", en: "an object" }
        : typeof v === "string"
          ? { zh: "文本", en: "a string" }
          : typeof v === "number"
            ? { zh: "数字", en: "a number" }
            : { zh: typeof v, en: typeof v };

const PL = TOP_LEVEL_LABELS.provenance;
const ENTRY_KEYS = new Set(["status", "by", "candidates", "note"]);

function wrongType(path: Path, name: string, want: { zh: string; en: string }, v: unknown): Finding {
  const got = typeName(v);
  return {
    rule: RULES.wrongType,
    path,
    zh: `${PL.zh} ${name}：应为${want.zh}，实际为${got.zh}`,
    en: `provenance ${name}: expected ${want.en}, got ${got.en}`,
  };
}

/** Path of a provenance entry, or of one of its keys. */
const entryPath = (id: string, key?: string): Path =>
  key === undefined ? ["provenance", id] : ["provenance", id, key];

/**
 * Structure of one provenance entry (`{ status, by?, candidates?, note? }`), its findings pushed
 * onto `out`. A parsed report has an entry per cell: a well-formed one allocates nothing.
 */
function entryFindings(id: string, entry: unknown, out: Finding[]): void {
  if (!isRecord(entry)) {
    out.push(wrongType(entryPath(id), id, { zh: "对象", en: "an object" }, entry));
    return;
  }
  const status = entry.status;
  if (status === undefined) {
    out.push({
      rule: RULES.missing,
      path: entryPath(id, "status"),
      zh: `${PL.zh} ${id}：缺少 status`,
      en: `provenance ${id}: status missing`,
    });
  } else if (!STATUS_SET.has(status)) {
    const list = CELL_STATUSES.join(", ");
    out.push(
      wrongType(entryPath(id, "status"), `${id}.status`, { zh: `以下之一：${list}`, en: `one of ${list}` }, status),
    );
  }
  for (const k of TEXT_KEYS) {
    if (entry[k] !== undefined && typeof entry[k] !== "string")
      out.push(wrongType(entryPath(id, k), `${id}.${k}`, { zh: "文本", en: "a string" }, entry[k]));
  }
  const cand = entry.candidates;
  if (cand !== undefined && !(Array.isArray(cand) && cand.every((x) => typeof x === "number" && Number.isFinite(x))))
    out.push(
      wrongType(entryPath(id, "candidates"), `${id}.candidates`, { zh: "数字数组", en: "an array of numbers" }, cand),
    );
  // Own enumerable string keys, as Object.keys gives them, without building the array.
  for (const k in entry) {
    if (!Object.hasOwn(entry, k) || ENTRY_KEYS.has(k)) continue;
    out.push({
      rule: RULES.unknownKey,
      path: entryPath(id, k),
      zh: `${PL.zh} ${id}：出现未定义的项 "${k}"`,
      en: `provenance ${id}: unknown key "${k}"`,
    });
  }
}

const STATUS_SET: ReadonlySet<unknown> = new Set(CELL_STATUSES);
const TEXT_KEYS = ["by", "note"] as const;

/**
 * Structural findings of `provenance`: an object keyed by cell ids of the edition, each entry
 * well-formed. `needing`, when given, receives the cells whose well-formed entry is `unread` or
 * `ambiguous` (in the provenance's key order): the same walk finds them.
 */
export function provenanceFindings(provenance: unknown, edition: Edition, needing?: CellDef[]): Finding[] {
  if (provenance === undefined) return [];
  if (!isRecord(provenance)) return [wrongType(["provenance"], "", { zh: "对象", en: "an object" }, provenance)];
  const out: Finding[] = [];
  for (const id of Object.keys(provenance)) {
    const cell = cellById(edition, id);
    if (cell) {
      const entry = provenance[id];
      const found = out.length;
      entryFindings(id, entry, out);
      if (needing && out.length === found) {
        const status = (entry as { status: unknown }).status;
        if (status === "unread" || status === "ambiguous") needing.push(cell);
      }
    } else
      out.push({
        rule: RULES.unknownKey,
        path: ["provenance", id],
        zh: `${PL.zh}："${id}" 不是 ${edition} 版格式的单元格`,
        en: `provenance: "${id}" is not a cell of the ${edition} edition`,
      });
  }
  return out;
}

/** The cell errors of a well-formed provenance: every `unread` or `ambiguous` cell, at the cell. */
export function unreadFindings(provenance: Record<string, unknown>, cells: readonly CellDef[]): Finding[] {
  const out: Finding[] = [];
  for (const cell of cells) {
    if (!Object.hasOwn(provenance, cell.id)) continue;
    const entry = provenance[cell.id] as { status: string; candidates?: number[] };
    if (entry.status === "unread") {
      out.push({
        rule: RULES.cellUnread,
        path: cell.path,
        zh: `${cell.zh}：原文未能读取`,
        en: `${cell.en}: could not be read from the source`,
      });
    } else if (entry.status === "ambiguous") {
      const c = entry.candidates?.length ? entry.candidates : undefined;
      out.push({
        rule: RULES.cellAmbiguous,
        path: cell.path,
        zh: c
          ? `${cell.zh}：原文有多种读法（可能为 ${c.join("、")}），需核对原文`
          : `${cell.zh}：原文读法不唯一，需核对原文`,
        en: c
          ? `${cell.en}: the source can be read several ways (${c.join(", ")}); check the source`
          : `${cell.en}: the source can be read several ways; check the source`,
      });
    }
  }
  return out;
}

const SL = TOP_LEVEL_LABELS;
const SIGNATURE_KEYS = new Set(["agency", "date"]);

function signatureAgencyFindings(agency: unknown): Finding[] {
  const path = ["signature", "agency"];
  if (agency === undefined)
    return [{ rule: RULES.missing, path, zh: `${SL.signatureAgency.zh}：缺少此项`, en: "signature.agency: missing" }];
  if (typeof agency === "string") return [];
  const got = typeName(agency);
  return [
    {
      rule: RULES.wrongType,
      path,
      zh: `${SL.signatureAgency.zh}：应为文本，实际为${got.zh}`,
      en: `signature.agency: expected a string, got ${got.en}`,
    },
  ];
}

function signatureDateFindings(date: unknown): Finding[] {
  const path = ["signature", "date"];
  if (date === undefined)
    return [{ rule: RULES.missing, path, zh: `${SL.signatureDate.zh}：缺少此项`, en: "signature.date: missing" }];
  if (isIsoDate(date)) return [];
  const shown = typeof date === "string" ? `"${date.slice(0, 20)}"` : undefined;
  return [
    {
      rule: RULES.signatureDate,
      path,
      zh: `${SL.signatureDate.zh}：应为真实日期（YYYY-MM-DD），实际为 ${shown ?? typeName(date).zh}`,
      en: `signature.date: expected a real date YYYY-MM-DD, got ${shown ?? typeName(date).en}`,
    },
  ];
}

/** Structural findings of `signature`: `{ agency: string, date: "YYYY-MM-DD" }`, a real date. */
export function signatureFindings(signature: unknown): Finding[] {
  if (signature === undefined) return [];
  if (!isRecord(signature)) {
    const got = typeName(signature);
    return [
      {
        rule: RULES.wrongType,
        path: ["signature"],
        zh: `${SL.signature.zh}：应为对象，实际为${got.zh}`,
        en: `signature: expected an object, got ${got.en}`,
      },
    ];
  }
  const out = [...signatureAgencyFindings(signature.agency), ...signatureDateFindings(signature.date)];
  for (const k of Object.keys(signature)) {
    if (SIGNATURE_KEYS.has(k)) continue;
    out.push({
      rule: RULES.unknownKey,
      path: ["signature", k],
      zh: `${SL.signature.zh}：出现格式中没有的项 "${k}"`,
      en: `signature: unknown key "${k}"`,
    });
  }
  return out;
}

/** The deadline warning of a well-formed signature: its date later than the publication deadline. */
export function lateFindings(signature: { date: string }, year: number, agencyName: string): Finding[] {
  const deadline = publicationDeadline(year, agencyName);
  if (signature.date <= deadline) return [];
  const [y, m, d] = deadline.split("-").map(Number) as [number, number, number];
  return [
    {
      rule: RULES.signatureLate,
      path: ["signature", "date"],
      zh: `${SL.signatureDate.zh}：${signature.date} 晚于发布期限 ${y}年${m}月${d}日`,
      en: `signature.date: ${signature.date} is after the deadline ${deadline}`,
    },
  ];
}
