/** What `aggregate` tells the user on stderr: files summed, left out, refused, and the roll-up's checks. */
import {
  type AggregateIssue,
  cellAt,
  type Edition,
  editionForYear,
  type ReportSum,
  type SumReportsResult,
  TEXT_SECTIONS,
  type ValidationIssue,
} from "@gov-report/core/lite";
import type { CellToRead } from "../util/checked.js";
import { count, lang, t } from "../util/i18n.js";
import { displayName } from "../util/io.js";
import { formatIssues, summaryLine } from "../util/report-output.js";
import { clean } from "../util/sanitize.js";
import type { Sink } from "../util/sink.js";
import { bold, red, yellow } from "../util/style.js";

/** The names of the narrative sections, as printed (总体情况、存在的主要问题及改进情况…). */
const textSections = (language: "zh" | "en", separator: string) =>
  TEXT_SECTIONS.map((s) => (language === "zh" ? s.zh : s.en.toLowerCase())).join(separator);

export interface Group {
  sum: ReportSum;
  /** Files offered to `sum`, in order: `AggregateIssue.input` indexes this list. */
  files: string[];
  /** Indices in `files` of the inputs the sum refused (listed with the skipped files). */
  refused: Set<number>;
  /** Inputs with unread or ambiguous cells. */
  unread: { file: string; cells: CellToRead[]; value: unknown }[];
  /** Second reports of an agency and year already in the group (`index`: the second's in `files`). */
  duplicates: { first: string; second: string; index: number }[];
  /** The parser's warnings of how a summed document was read (`index`: its place in `files`). */
  reading: { index: number; issues: ValidationIssue[] }[];
}

export interface Skipped {
  file: string;
  /** Starts with the file name. */
  reason: string;
  /** Unreadable or not a report (a fault), as opposed to left out by --year / --edition. */
  fault: boolean;
}

export const groupName = (year: number, edition: string) =>
  t(`${year} 年度（${edition} 版格式）`, `${year} (${edition} edition)`);

const err = process.stderr;
/** Cells named per file before the rest are counted. */
const CELLS_SHOWN = 12;

export function writeSkipped(out: Sink, skipped: readonly Skipped[]): void {
  if (!skipped.length) return;
  out.write(`${t(`未计入 ${skipped.length} 个文件：`, `Left out ${count(skipped.length, "file")}:`)}\n`);
  for (const s of skipped) out.write(`  ${s.fault ? red("✗", err) : "-"} ${clean(s.reason)}\n`);
}

/** The name of a cell as printed (表三 （七）总计 · 自然人), from core's catalog. */
function cellName(edition: Edition, c: CellToRead): string {
  const def = cellAt(edition, c.path);
  const name = def ? (lang() === "zh" ? def.zh : def.en) : c.id;
  return c.status === "ambiguous" ? t(`${name}（存疑）`, `${name} (ambiguous)`) : name;
}

function writeUnread(out: Sink, group: Group): void {
  out.write(`${bold(t("含未能读取或存疑单元格的报告：", "Reports with unread or ambiguous cells:"), err)}\n`);
  for (const u of group.unread) {
    const names = u.cells.slice(0, CELLS_SHOWN).map((c) => cellName(group.sum.edition, c));
    const more =
      u.cells.length > CELLS_SHOWN
        ? t(`…另有 ${u.cells.length - CELLS_SHOWN} 个`, `… ${u.cells.length - CELLS_SHOWN} more`)
        : "";
    out.write(`  ${red("✗", err)} ${displayName(u.file)}: ${[...names, more].filter(Boolean).join(t("；", "; "))}\n`);
  }
}

/**
 * Lists what stops the sum (duplicates unless --allow-duplicates, unread cells unless
 * --allow-unread) and returns the refusal message; undefined when the sum goes ahead.
 */
export function writeRefusal(
  out: Sink,
  group: Group,
  opts: { allowDuplicates?: boolean; allowUnread?: boolean },
): string | undefined {
  const reasons: string[] = [];
  if (group.duplicates.length && !opts.allowDuplicates) {
    out.write(`${bold(t("同一机关同一年度的报告出现了两次：", "Two reports of one agency and year:"), err)}\n`);
    for (const d of group.duplicates)
      out.write(`  ${red("✗", err)} ${displayName(d.first)} ${t("与", "and")} ${displayName(d.second)}\n`);
    reasons.push(
      t(
        "有重复的报告（只保留一份，或加 --allow-duplicates 全部计入）",
        "duplicate reports (keep one, or add --allow-duplicates to sum all)",
      ),
    );
  }
  if (group.unread.length && !opts.allowUnread) {
    writeUnread(out, group);
    reasons.push(
      t(
        "有报告含未能读取或存疑的单元格（请核实后填写，或加 --allow-unread 按 0 计入）",
        "reports with unread or ambiguous cells (check and fill them in, or add --allow-unread to count them as 0)",
      ),
    );
  }
  if (!reasons.length) return undefined;
  return `${t("未汇总：", "not summed: ")}${reasons.join(t("；", "; "))}${t("。未写入任何文件", ". Nothing written")}`;
}

/**
 * The notes under each summed file: the sum's warnings about it, the parser's warnings of how it
 * was read (a table inferred from a sentence, all blank: figures summed all the same), and for a second report of one
 * agency and year the other file (core's note counts inputs, "第 4 份报告", and would be printed
 * under the very file it is about).
 */
function notesOf(group: Group, issues: readonly AggregateIssue[]): Map<number, string[]> {
  const notes = new Map<number, string[]>();
  const add = (index: number, text: string) => {
    const list = notes.get(index);
    if (list) list.push(text);
    else notes.set(index, [text]);
  };
  for (const i of issues) {
    if (i.input === undefined || i.severity === "error" || i.code === "aggregate.duplicate-agency") continue;
    add(i.input, clean(lang() === "zh" ? i.message : i.messageEn));
  }
  for (const { index, issues: said } of group.reading)
    for (const i of said) add(index, clean(lang() === "zh" ? i.message : i.messageEn));
  for (const { first, second, index } of group.duplicates) {
    add(
      index,
      first === second
        ? t(
            "这个文件被指定了不止一次，已重复计入（--allow-duplicates）",
            "this file was named more than once and summed again (--allow-duplicates)",
          )
        : t(
            `与 ${displayName(first)} 是同一机关同一年度的报告：是否重复？已一并计入（--allow-duplicates）`,
            `same agency and year as ${displayName(first)}: a duplicate? Summed all the same (--allow-duplicates)`,
          ),
    );
  }
  return notes;
}

export function writeSummary(
  out: Sink,
  group: Group,
  result: SumReportsResult,
  skipped: readonly Skipped[],
  opts: { agency?: string; recomputeTotals?: boolean; output?: string; allowUnread?: boolean },
): void {
  const { sum, files, refused } = group;
  out.write(
    `${bold(t(`已汇总 ${sum.count} 份报告，${groupName(sum.year, sum.edition)}:`, `Summed ${count(sum.count, "report")}, ${groupName(sum.year, sum.edition)}:`), err)}\n`,
  );
  const notes = notesOf(group, result.issues);
  files.forEach((file, index) => {
    if (refused.has(index)) return;
    out.write(`  ${displayName(file)}\n`);
    for (const n of notes.get(index) ?? []) out.write(`    ${yellow("!", err)} ${n}\n`);
  });
  writeSkipped(out, skipped);
  if (group.unread.length && opts.allowUnread) {
    writeUnread(out, group);
    out.write(
      `${t("以上单元格按 0 计入（--allow-unread），汇总数只是下限", "these cells were counted as 0 (--allow-unread): the sums are lower bounds")}\n`,
    );
  }
  if (sum.edition !== editionForYear(sum.year))
    out.write(
      `${t(`注意：${sum.year} 年度应使用 ${editionForYear(sum.year)} 版格式`, `Note: a ${sum.year} report uses the ${editionForYear(sum.year)} edition`)}\n`,
    );
  const own = result.issues.filter((i) => i.input === undefined && i.code !== "text.empty-section");
  out.write(`${bold(t("汇总结果核对：", "Checks of the roll-up:"), err)}\n`);
  out.write(`${[...formatIssues(own, lang(), err), summaryLine(own, lang(), err)].join("\n")}\n`);
  const agency = opts.agency
    ? ""
    : t("；未指定 --agency，机关名称为空", "; no --agency given, so the agency name is empty");
  const totals = opts.recomputeTotals
    ? t("；各总计已按分项重新计算", "; every total was recomputed from its parts")
    : "";
  out.write(
    `${t(
      `文字部分（${textSections("zh", "、")}）留空，须由汇总机关撰写${agency}${totals}`,
      `The narrative sections (${textSections("en", ", ")}) are left empty for the consolidating office to write${agency}${totals}`,
    )}\n`,
  );
  if (opts.output) out.write(`${t("已写入", "Written to")} ${clean(opts.output)}\n`);
}
