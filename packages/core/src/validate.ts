/**
 * validateReport: structural checks and the 勾稽 invariants of one report. It never throws: any
 * input gives `{ ok, report?, issues }`, each issue with a stable code, the path of the cell it is
 * reported at, the cells it involves, and messages in Chinese (by printed labels) and English.
 */

import { editionForYear } from "./builders.js";
import {
  APPLICATION_L1,
  APPLICATION_ROWS,
  type Edition,
  type Label,
  OUTCOME_CATEGORIES,
  PROACTIVE_BLOCKS,
  REVIEW_GROUPS,
  SECTIONS,
  sectionDef,
  TEXT_SECTIONS,
  TOP_LEVEL_LABELS,
} from "./catalog.js";
import { type CellDef, cellsOf, getAt, type Path } from "./cells.js";
import { type Finding, lateFindings, provenanceFindings, signatureFindings, unreadFindings } from "./checks.js";
import {
  type Constraint,
  constraints,
  RULE_BALANCE,
  RULE_COLUMN_TOTAL,
  RULE_REVIEW_TOTAL,
  RULE_ROW_TOTAL,
} from "./constraints.js";
import { cellStatus } from "./provenance.js";
import { extractQuotedFigures, QUOTED_METRICS, type QuotedMetric } from "./quoted.js";
import { RULES, type RuleDef, type Severity } from "./rules.js";
import type { Report } from "./schema.js";
import { safeDescribe } from "./text.js";

export interface ValidationIssue {
  /** Stable rule code, e.g. "applications.row-total". */
  code: string;
  severity: Severity;
  /** Path of the cell the issue is reported at. */
  path: (string | number)[];
  /** Paths of the other cells the rule involves (e.g. the parts of a broken total). */
  related: (string | number)[][];
  /** Chinese message naming the cell by its printed labels. */
  message: string;
  /** English message. */
  messageEn: string;
  expected?: number;
  actual?: number;
}

export interface ValidationResult {
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  /** The input, typed, when it is structurally a report (even if invariants fail). */
  report?: Report;
  issues: ValidationIssue[];
}

// ---------------------------------------------------------------------------------------------
// Shape: the expected tree of keys per edition, built once from the cell list.
// ---------------------------------------------------------------------------------------------

interface ObjectNode {
  type: "object";
  path: Path;
  name: Label;
  keys: string[];
  children: Map<string, Node>;
}
interface LeafNode {
  type: "leaf";
  cell: CellDef;
  /** Position of the cell in cellsOf(edition): where its value is recorded during the walk. */
  index: number;
}
type Node = ObjectNode | LeafNode;

function objectName(path: Path): Label {
  if (path.length === 0) return { zh: "报告", en: "Report" };
  const section = sectionDef(path[0] as never);
  const table = section.table ?? section.heading;
  if (path.length === 1) return { zh: `${table} ${section.zh}`, en: section.en };
  if (path[0] === "applications") {
    const row = APPLICATION_ROWS.find((r) => r.path.join(".") === path.slice(1).join("."));
    if (row) return { zh: `${table} ${row.labels.map((l) => l.zh).join(" ")}`, en: `Table 3, ${row.en}` };
    const last = path[path.length - 1] as string;
    const cat = (OUTCOME_CATEGORIES as Record<string, Label>)[last];
    if (cat) return { zh: `${table} ${cat.zh}`, en: `Table 3, ${cat.en}` };
    if (last === "outcomes") return { zh: `${table} ${APPLICATION_L1.outcomes.zh}`, en: APPLICATION_L1.outcomes.en };
  }
  if (path[0] === "reviewsAndLawsuits") {
    const g = REVIEW_GROUPS.find((x) => x.key === path[1]);
    if (g) return { zh: `${table} ${g.parent ? `${g.parent.zh} ` : ""}${g.zh}`, en: `Table 4, ${g.en}` };
  }
  if (path[0] === "proactiveDisclosure") {
    for (const b of [...PROACTIVE_BLOCKS["2019"], ...PROACTIVE_BLOCKS["2021"]]) {
      const r = b.rows.find((x) => x.key === path[1]);
      if (r) return { zh: `${table} ${r.zh}`, en: `Table 2, ${r.en}` };
    }
  }
  return { zh: path.join("."), en: path.join(".") };
}

function buildShape(edition: Edition): ObjectNode {
  const root: ObjectNode = { type: "object", path: [], name: objectName([]), keys: [], children: new Map() };
  cellsOf(edition).forEach((cell, index) => {
    let node = root;
    for (let i = 0; i < cell.path.length - 1; i++) {
      const k = cell.path[i] as string;
      let next = node.children.get(k);
      if (!next) {
        const p = cell.path.slice(0, i + 1);
        next = { type: "object", path: p, name: objectName(p), keys: [], children: new Map() };
        node.children.set(k, next);
        node.keys.push(k);
      }
      node = next as ObjectNode;
    }
    const leafKey = cell.path[cell.path.length - 1] as string;
    node.children.set(leafKey, { type: "leaf", cell, index });
    node.keys.push(leafKey);
  });
  return root;
}

/** A constraint of `constraints(edition)` with its terms as positions in the values array. */
interface ConstraintPlan {
  constraint: Constraint;
  rule: RuleDef;
  /** The cell the issue is reported at: the total of a sum, 四、结转下年度继续办理 for the balance. */
  cell: CellDef;
  index: readonly number[];
  coef: readonly number[];
}
interface Plan {
  shape: ObjectNode;
  cells: readonly CellDef[];
  /** Position of each cell id in `cells`. */
  indexOf: ReadonlyMap<string, number>;
  constraints: ConstraintPlan[];
}

const RULE_BY_CODE: Record<string, RuleDef> = {
  [RULE_ROW_TOTAL]: RULES.rowTotal,
  [RULE_COLUMN_TOTAL]: RULES.columnTotal,
  [RULE_BALANCE]: RULES.balance,
  [RULE_REVIEW_TOTAL]: RULES.reviewTotal,
};

function buildPlan(edition: Edition): Plan {
  const cells = cellsOf(edition);
  const indexOf = new Map(cells.map((c, i) => [c.id, i]));
  const at = (p: Path) => indexOf.get(p.join(".")) as number;
  const plans = constraints(edition).map((constraint) => {
    const reportedAt = constraint.total ?? (constraint.terms[constraint.terms.length - 1]?.path as Path);
    return {
      constraint,
      rule: RULE_BY_CODE[constraint.code] as RuleDef,
      cell: cells[at(reportedAt)] as CellDef,
      index: constraint.terms.map((t) => at(t.path)),
      coef: constraint.terms.map((t) => t.coef),
    };
  });
  return { shape: buildShape(edition), cells, indexOf, constraints: plans };
}

const TOP_KEYS = new Set(["edition", "year", "agency", ...SECTIONS.map((s) => s.key), "provenance", "signature"]);

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

function describe(v: unknown): { zh: string; en: string } {
  if (v === null) return { zh: "空白（null）", en: "null (blank)" };
  if (Array.isArray(v)) return { zh: "数组", en: "an array" };
  if (typeof v === "string") {
    const s = v.length > 20 ? `${v.slice(0, 20)}…` : v;
    return { zh: `文本 "${s}"`, en: `the string "${s}"` };
  }
  if (typeof v === "number") return { zh: String(v), en: String(v) };
  if (typeof v === "object") return { zh: "对象", en: "an object" };
  return { zh: typeof v, en: typeof v };
}

const KIND_TEXT: Record<CellDef["kind"], { zh: string; en: string }> = {
  count: { zh: "非负整数", en: "a non-negative integer" },
  signedCount: { zh: "整数（可为负）", en: "an integer (may be negative)" },
  amountWanYuan: { zh: "以万元计的非负数", en: "a non-negative amount in 10,000 yuan" },
  text: { zh: "文本", en: "a string" },
};

class Collector {
  issues: ValidationIssue[] = [];
  errors = 0;
  add(
    rule: RuleDef,
    path: Path,
    zh: string,
    en: string,
    related: readonly Path[] = [],
    numbers?: { expected: number; actual: number },
  ): void {
    if (rule.severity === "error") this.errors++;
    const issue: ValidationIssue = {
      code: rule.code,
      severity: rule.severity,
      path: [...path],
      related: related.map((p) => [...p]),
      message: zh,
      messageEn: en,
    };
    if (numbers) {
      issue.expected = numbers.expected;
      issue.actual = numbers.actual;
    }
    this.issues.push(issue);
  }
}

// ---------------------------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function checkLeaf(c: Collector, cell: CellDef, v: unknown, values: (number | undefined)[], index: number): void {
  if (cell.kind === "text") {
    if (typeof v !== "string") {
      const d = describe(v);
      c.add(
        RULES.wrongType,
        cell.path,
        `${cell.zh}：应为文本，实际为${d.zh}`,
        `${cell.en}: expected a string, got ${d.en}`,
      );
    }
    return;
  }
  if (typeof v !== "number" || !Number.isFinite(v)) {
    const d = describe(v);
    const k = KIND_TEXT[cell.kind];
    c.add(
      RULES.wrongType,
      cell.path,
      `${cell.zh}：应为${k.zh}，实际为${d.zh}`,
      `${cell.en}: expected ${k.en}, got ${d.en}`,
    );
    return;
  }
  if (cell.kind !== "amountWanYuan" && !Number.isSafeInteger(v)) {
    c.add(
      RULES.notInteger,
      cell.path,
      `${cell.zh}：应为整数，实际为 ${v}`,
      `${cell.en}: expected an integer, got ${v}`,
    );
    return;
  }
  values[index] = v;
  if (cell.kind !== "signedCount" && v < 0) {
    c.add(
      RULES.negative,
      cell.path,
      `${cell.zh}：不能为负数，实际为 ${v}`,
      `${cell.en}: must not be negative, got ${v}`,
    );
  }
}

function checkObject(c: Collector, node: ObjectNode, value: unknown, values: (number | undefined)[]): void {
  if (!isObject(value)) {
    const d = describe(value);
    c.add(
      RULES.wrongType,
      node.path,
      `${node.name.zh}：应为对象，实际为${d.zh}`,
      `${node.name.en}: expected an object, got ${d.en}`,
    );
    return;
  }
  for (const k of node.keys) {
    const child = node.children.get(k) as Node;
    const v = Object.hasOwn(value, k) ? value[k] : undefined;
    if (v === undefined) {
      const name = child.type === "leaf" ? child.cell : { zh: child.name.zh, en: child.name.en };
      const path = child.type === "leaf" ? child.cell.path : child.path;
      c.add(RULES.missing, path, `${name.zh}：缺少此项`, `${name.en}: missing`);
      continue;
    }
    if (child.type === "leaf") checkLeaf(c, child.cell, v, values, child.index);
    else checkObject(c, child, v, values);
  }
  if (node.path.length === 0) return; // top-level keys are checked separately
  // Own enumerable keys in Object.keys order, without building the array (a walk per object node).
  for (const k in value) {
    if (Object.hasOwn(value, k) && !node.children.has(k)) {
      c.add(
        RULES.unknownKey,
        [...node.path, k],
        `${node.name.zh}：出现格式中没有的项 "${k}"`,
        `${node.name.en}: unknown key "${k}"`,
      );
    }
  }
}

function guessEdition(input: Record<string, unknown>): Edition {
  const issued = getAt(input, ["proactiveDisclosure", "rules", "issued"]);
  const other = getAt(input, ["applications", "outcomes", "other"]);
  if (issued !== undefined || (isObject(other) && "otherReasons" in other)) return "2021";
  const y = input.year;
  return typeof y === "number" && Number.isFinite(y) ? editionForYear(y) : "2021";
}

function checkTop(c: Collector, input: Record<string, unknown>): Edition {
  let edition: Edition;
  const ed = input.edition;
  if (ed === "2019" || ed === "2021") edition = ed;
  else {
    edition = guessEdition(input);
    const d = describe(ed);
    c.add(
      ed === undefined ? RULES.missing : RULES.edition,
      ["edition"],
      ed === undefined
        ? `${TOP_LEVEL_LABELS.edition.zh}：缺少此项（应为 "2019" 或 "2021"），按 ${edition} 版核对`
        : `${TOP_LEVEL_LABELS.edition.zh}：应为 "2019" 或 "2021"，实际为${d.zh}，按 ${edition} 版核对`,
      ed === undefined
        ? `edition: missing (must be "2019" or "2021"); checked as ${edition}`
        : `edition: must be "2019" or "2021", got ${d.en}; checked as ${edition}`,
    );
  }
  const year = input.year;
  const yl = TOP_LEVEL_LABELS.year;
  if (year === undefined) c.add(RULES.missing, ["year"], `${yl.zh}：缺少此项`, "year: missing");
  else if (typeof year !== "number" || !Number.isFinite(year)) {
    const d = describe(year);
    c.add(RULES.wrongType, ["year"], `${yl.zh}：应为整数年份，实际为${d.zh}`, `year: expected an integer, got ${d.en}`);
  } else if (!Number.isInteger(year)) {
    c.add(RULES.notInteger, ["year"], `${yl.zh}：应为整数，实际为 ${year}`, `year: expected an integer, got ${year}`);
  } else if (year < 2008 || year > 2100) {
    c.add(
      RULES.outOfRange,
      ["year"],
      `${yl.zh}：${year} 超出范围（2008–2100）`,
      `year: ${year} is out of range (2008–2100)`,
    );
  }
  const agency = input.agency;
  const al = TOP_LEVEL_LABELS.agency;
  if (agency === undefined) c.add(RULES.missing, ["agency"], `${al.zh}：缺少此项`, "agency: missing");
  else if (!isObject(agency)) {
    const d = describe(agency);
    c.add(RULES.wrongType, ["agency"], `${al.zh}：应为对象，实际为${d.zh}`, `agency: expected an object, got ${d.en}`);
  } else if (agency.name === undefined) {
    c.add(RULES.missing, ["agency", "name"], `${TOP_LEVEL_LABELS.agencyName.zh}：缺少此项`, "agency.name: missing");
  } else if (typeof agency.name !== "string") {
    const d = describe(agency.name);
    c.add(
      RULES.wrongType,
      ["agency", "name"],
      `${TOP_LEVEL_LABELS.agencyName.zh}：应为文本，实际为${d.zh}`,
      `agency.name: expected a string, got ${d.en}`,
    );
  }
  for (const k of Object.keys(input)) {
    if (!TOP_KEYS.has(k))
      c.add(RULES.unknownKey, [k], `报告中出现格式中没有的项 "${k}"`, `unknown top-level key "${k}"`);
  }
  return edition;
}

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

/** A cell's number; undefined when it is not a number or holds a placeholder (unread/ambiguous). */
const num = (obj: unknown, p: Path): number | undefined => {
  const v = getAt(obj, p);
  if (typeof v !== "number" || !Number.isFinite(v)) return undefined;
  const status = cellStatus(obj, p.join("."));
  return status === "unread" || status === "ambiguous" ? undefined : v;
};

function sumOf(obj: unknown, paths: readonly Path[]): number | undefined {
  let s = 0;
  for (const p of paths) {
    const v = num(obj, p);
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

/** Σ coef · value of a constraint's terms, or undefined when a term is not a known number. */
function residual(p: ConstraintPlan, values: readonly (number | undefined)[]): number | undefined {
  let r = 0;
  for (let i = 0; i < p.index.length; i++) {
    const v = values[p.index[i] as number];
    if (v === undefined) return undefined;
    r += (p.coef[i] as number) * v;
  }
  return r;
}

/** Invariants 3, 4, 5: a 总计 that is not the sum of its parts, reported at the total. */
function reportSum(c: Collector, p: ConstraintPlan, values: readonly (number | undefined)[], r: number): void {
  const actual = values[p.index[0] as number] as number;
  const expected = actual + r;
  c.add(
    p.rule,
    p.cell.path,
    `${p.cell.zh}：各项之和为 ${expected}，报告填写 ${actual}`,
    `${p.cell.en}: the parts add up to ${expected}, the report says ${actual}`,
    p.constraint.parts ?? [],
    { expected, actual },
  );
}

/** Invariant 1: per column, 一 + 二 = 三（七）总计 + 四. Reported at 四、结转下年度继续办理. */
function reportBalance(c: Collector, p: ConstraintPlan, values: readonly (number | undefined)[]): void {
  const [received, carriedOver, total, forward] = p.index.map((i) => values[i] as number) as [
    number,
    number,
    number,
    number,
  ];
  const left = received + carriedOver;
  const cell = p.cell;
  const colZh = cell.zh.split(" · ")[1] ?? String(cell.path[cell.path.length - 1]);
  c.add(
    p.rule,
    cell.path,
    `${cell.zh}：第一项加第二项之和为 ${left}，第三项（七）总计加第四项之和为 ${total + forward}（${colZh}列）`,
    `${cell.en}: received + carried over = ${left}, but (7) total + carried forward = ${total + forward}`,
    p.constraint.terms.slice(0, -1).map((t) => t.path),
    { expected: left - total, actual: forward },
  );
}

/**
 * Invariants 1, 3, 4, 5: every constraint of the edition. A constraint with a term that is not a
 * known number (wrong type, or unread/ambiguous in the provenance) cannot be checked and is skipped.
 */
function checkConstraints(c: Collector, plan: Plan, values: readonly (number | undefined)[]): void {
  for (const p of plan.constraints) {
    const r = residual(p, values);
    if (r === undefined || r === 0) continue;
    if (p.constraint.total) reportSum(c, p, values, r);
    else reportBalance(c, p, values);
  }
}

function checkAmountDecimals(c: Collector, report: unknown, cells: readonly CellDef[]): void {
  for (const cell of cells) {
    if (cell.maxDecimals === undefined) continue;
    const v = num(report, cell.path);
    if (v === undefined) continue;
    const scaled = v * 10 ** cell.maxDecimals;
    if (Math.abs(scaled - Math.round(scaled)) > 1e-6) {
      c.add(
        RULES.decimals,
        cell.path,
        `${cell.zh}：${v} 超过 ${cell.maxDecimals} 位小数`,
        `${cell.en}: ${v} has more than ${cell.maxDecimals} decimals`,
      );
    }
  }
}

/** Invariant 10: figures quoted in 一、总体情况 against the tables. */
function checkQuotedFigures(c: Collector, report: Report): void {
  if (!report.overview) return;
  const figures = extractQuotedFigures(report.overview);
  const byMetric = new Map<QuotedMetric, typeof figures>();
  for (const f of figures) byMetric.set(f.metric, [...(byMetric.get(f.metric) ?? []), f]);
  for (const [metric, list] of byMetric) {
    const q = QUOTED_METRICS[metric];
    const candidates = q.cells[report.edition] ?? [];
    if (!candidates.length) continue;
    const sums = candidates.map((ps) => sumOf(report, ps));
    if (sums.some((s) => s === undefined)) continue;
    if (list.some((f) => sums.includes(f.value))) continue;
    const f = list[0] as (typeof list)[number];
    const primary = candidates[0] as Path[];
    const expected = sums[0] as number;
    c.add(
      RULES.textFigure,
      ["overview"],
      `一、总体情况：“${f.excerpt}” 与表格不一致（${q.zh}，表格为 ${expected}）`,
      `Overview: "${f.excerpt}" quotes ${f.value} ${q.en}, the table says ${expected}`,
      primary,
      { expected, actual: f.value },
    );
  }
}

/** Invariant 11: unpaid fee notices in 三（六）2 should come with 信息处理费 in 六. */
function checkFeesReported(c: Collector, report: Report): void {
  if (report.edition !== "2021" || !report.otherMatters) return;
  const unpaid = num(report, ["applications", "outcomes", "other", "unpaidFees", "total"]);
  if (!unpaid || report.otherMatters.includes("信息处理费")) return;
  c.add(
    RULES.feesNotReported,
    ["otherMatters"],
    `六、其他需要报告的事项：表三（六）2 有 ${unpaid} 件逾期未缴费，但未报告信息处理费收取情况`,
    `Other matters: table 3 (6)2 counts ${unpaid} unpaid fee notices, but 信息处理费 is not reported`,
    [["applications", "outcomes", "other", "unpaidFees", "total"]],
  );
}

function checkWarnings(c: Collector, report: Report, cells: readonly CellDef[]): void {
  if (typeof report.year === "number" && Number.isInteger(report.year)) {
    const want = editionForYear(report.year);
    if (want !== report.edition) {
      c.add(
        RULES.editionYear,
        ["edition"],
        `${TOP_LEVEL_LABELS.edition.zh}：${report.year} 年度报告应使用 ${want} 版格式，报告为 ${report.edition} 版`,
        `edition: a ${report.year} report uses the ${want} edition, this one is ${report.edition}`,
      );
    }
  }
  for (const s of SECTIONS) {
    if (s.kind !== "text") continue;
    const v = (report as unknown as Record<string, unknown>)[s.key];
    if (typeof v === "string" && v.trim() === "") {
      c.add(RULES.emptySection, [s.key], `${s.heading}：内容为空`, `${s.en}: the section is empty`);
    }
  }
  checkXmlChars(c, report);
  checkAmountDecimals(c, report, cells);
  if (typeof report.overview === "string") checkQuotedFigures(c, report);
  if (typeof report.otherMatters === "string") checkFeesReported(c, report);
}

/** Index of the first character XML 1.0 does not allow (C0 controls but tab/LF/CR, U+FFFE/F, lone surrogates), or -1. */
export function firstInvalidXmlChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== 0x09 && c !== 0x0a && c !== 0x0d : c === 0xfffe || c === 0xffff) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

/** Every text field that reaches a document: the three narratives, the agency and the signature. */
function checkXmlChars(c: Collector, report: Report): void {
  const r = report as unknown as Record<string, unknown>;
  const fields: { path: Path; zh: string; en: string; value: unknown }[] = [
    ...TEXT_SECTIONS.map((s) => ({ path: [s.key], zh: s.heading, en: s.en, value: r[s.key] })),
    { path: ["agency", "name"], ...TOP_LEVEL_LABELS.agencyName, value: getAt(r, ["agency", "name"]) },
    { path: ["signature", "agency"], ...TOP_LEVEL_LABELS.signatureAgency, value: getAt(r, ["signature", "agency"]) },
  ];
  for (const f of fields) {
    if (typeof f.value !== "string") continue;
    const at = firstInvalidXmlChar(f.value);
    if (at < 0) continue;
    const code = `U+${f.value.charCodeAt(at).toString(16).toUpperCase().padStart(4, "0")}`;
    c.add(
      RULES.invalidChar,
      [...f.path],
      `${f.zh}：第 ${at + 1} 个字符 ${code} 不能写入 Word 等文档，输出时以 � 代替`,
      `${f.en}: character ${at + 1} (${code}) cannot be written to Word and other XML documents; outputs replace it with U+FFFD`,
    );
  }
}

/**
 * Validates any value as a report. Never throws. `ok` is true when no error was found; `report`
 * is set when the value has the report's structure (its invariants may still fail).
 */
export function validateReport(input: unknown): ValidationResult {
  try {
    return run(input);
  } catch (e) {
    // Only a host failure (e.g. a getter that throws on a non-JSON object) gets here; the error
    // itself may be hostile (a Symbol message, a throwing toString), so it is only described.
    const why = safeDescribe(e);
    return {
      ok: false,
      issues: [
        {
          code: RULES.wrongType.code,
          severity: "error",
          path: [],
          related: [],
          message: `报告无法读取：${why}`,
          messageEn: `The value cannot be read: ${why}`,
        },
      ],
    };
  }
}

function addFindings(c: Collector, findings: readonly Finding[]): void {
  for (const f of findings) c.add(f.rule, f.path, f.zh, f.en);
}

/**
 * Unread and ambiguous cells are errors, and their placeholder values take part in no check.
 * `needing`: the cells provenanceFindings saw marked so; reported in the edition's cell order.
 */
function checkPlaceholders(
  c: Collector,
  plan: Plan,
  provenance: Record<string, unknown>,
  needing: CellDef[],
  values: (number | undefined)[],
): void {
  const order = (cell: CellDef) => plan.indexOf.get(cell.id) as number;
  needing.sort((a, b) => order(a) - order(b));
  const findings = unreadFindings(provenance, needing);
  addFindings(c, findings);
  for (const f of findings) values[plan.indexOf.get(f.path.join(".")) as number] = undefined;
}

const PLANS: Record<Edition, Plan> = { "2019": buildPlan("2019"), "2021": buildPlan("2021") };

function run(input: unknown): ValidationResult {
  const c = new Collector();
  if (!isObject(input)) {
    const d = describe(input);
    c.add(RULES.notObject, [], `报告应为 JSON 对象，实际为${d.zh}`, `The report must be a JSON object, got ${d.en}`);
    return { ok: false, issues: c.issues };
  }
  const edition = checkTop(c, input);
  const plan = PLANS[edition];
  const values: (number | undefined)[] = new Array(plan.cells.length);
  checkObject(c, plan.shape, input, values);
  const needing: CellDef[] = [];
  const provenance = provenanceFindings(input.provenance, edition, needing);
  addFindings(c, [...provenance, ...signatureFindings(input.signature)]);
  const structural = c.errors;
  // A well-formed provenance is read even when other cells are broken: its placeholders are never figures.
  if (!provenance.length && isObject(input.provenance)) checkPlaceholders(c, plan, input.provenance, needing, values);
  checkConstraints(c, plan, values);
  const report = structural === 0 ? (input as unknown as Report) : undefined;
  if (report) checkWarnings(c, report, plan.cells);
  if (report?.signature) addFindings(c, lateFindings(report.signature, report.year, report.agency.name));
  return report ? { ok: c.errors === 0, report, issues: c.issues } : { ok: false, issues: c.issues };
}
