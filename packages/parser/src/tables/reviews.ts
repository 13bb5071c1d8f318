/**
 * Table 四 政府信息公开行政复议、行政诉讼情况: one data row of 15 figures after the header
 * (行政复议 · 行政诉讼 / 未经复议直接起诉 · 复议后起诉 / 结果维持 … 总计). The header is searched
 * from table 三 to the end of the document, since extraction can float the table after 六.
 */
import { REVIEW_GROUPS, REVIEW_OUTCOMES } from "@gov-report/core/lite";
import type { Diagnostics } from "../diagnostics.js";
import { groupsOfFivePrefix, groupsOfFiveSum, splitRuns } from "../digits.js";
import { refOf, type SourceDoc, type Token } from "../doc.js";
import { headingOf } from "../sections.js";
import { isValue, placeByPosition, put, stackColumns, tokenValue } from "./common.js";

const WIDTH = REVIEW_GROUPS.length * REVIEW_OUTCOMES.length;
const HEADER_WORDS = ["维持", "纠正", "其他", "审结", "总计"];

export interface ReviewsResult {
  /** Last line of the table (the data row), so narrative can skip it. */
  end: number;
  found: boolean;
}

export function readReviews(
  doc: SourceDoc,
  header: number | undefined,
  report: Record<string, unknown>,
  diags: Diagnostics,
): ReviewsResult {
  const paths = REVIEW_GROUPS.flatMap((g) =>
    REVIEW_OUTCOMES.map((o) => ({
      path: ["reviewsAndLawsuits", g.key, o.key],
      zh: `表四 ${g.parent ? `${g.parent.zh} ` : ""}${g.zh} · ${o.zh}`,
      en: `Table 4, ${g.en}: ${o.en}`,
    })),
  );
  const zero = () => {
    for (const p of paths) put(report, p.path, 0);
  };
  if (header === undefined) {
    zero();
    diags.add(
      "table.missing",
      "error",
      "未找到表四（政府信息公开行政复议、行政诉讼情况），其数值按 0 处理",
      "Table 4 not found; its cells are 0",
      { path: ["reviewsAndLawsuits"] },
    );
    return { end: -1, found: false };
  }
  const values: Token[] = [];
  // Runs of figures with words between them (index of the run of each figure).
  const runOf: number[] = [];
  let run = 0;
  let wordsSince = false;
  const headerTokens: Token[] = [];
  let end = header;
  let firstValueLine = -1;
  for (let i = header; i < doc.lines.length && values.length < WIDTH; i++) {
    const l = doc.lines[i];
    if (!l) continue;
    if (i > header && (headingOf(l.key) || (l.key.length > 60 && !l.tableRow))) break;
    // Figures of one row: once they started, a line of words ends them — except a stray column
    // header (plain PDF-to-text output can print "总计" between the 14th and the 15th figure).
    const vals = l.tokens.filter(isValue);
    if (!vals.length && firstValueLine >= 0) {
      if (values.length < WIDTH && isHeaderWordsOnly(l.key)) {
        wordsSince = true;
        continue;
      }
      break;
    }
    if (vals.length && firstValueLine < 0) firstValueLine = i;
    for (const t of l.tokens) {
      if (isValue(t)) {
        if (wordsSince && values.length) run++;
        wordsSince = false;
        values.push(t);
        runOf.push(run);
      } else {
        if (t.pos !== undefined) headerTokens.push(t);
        wordsSince = true;
      }
    }
    end = i;
  }
  const source = refOf(doc, firstValueLine >= 0 ? firstValueLine : header);
  let placed: (Token | undefined)[] | undefined;
  let numbers: number[] | undefined;
  const band = doc.positional ? wrappedRow(doc, firstValueLine, values, headerTokens) : undefined;
  if (band) {
    end = Math.max(end, band.end);
    diags.add(
      "cell.wrapped",
      "info",
      `表四 的数字印在 ${band.lines} 行里，折行的数字已接上（${band.wrapped.join("，")}），接上后各组合计相符`,
      `Table 4: the figures are printed over ${band.lines} lines; figures wrapped in their cells were joined (${band.wrapped.join(", ")}) and every group then adds up`,
      { path: ["reviewsAndLawsuits"], source },
    );
  }
  const reordered = values.length === WIDTH && !doc.positional ? reorderRuns(values, runOf) : undefined;
  if (band) placed = band.tokens;
  else if (reordered) {
    numbers = reordered.candidates[0];
    const list = reordered.candidates.map((c) => c.join("|"));
    diags.add(
      reordered.candidates.length === 1 ? "row.reordered" : "split.ambiguous",
      "warning",
      reordered.candidates.length === 1
        ? `表四 的数字分 ${reordered.runs} 段印出、顺序被打乱，按“总计=各项之和”还原为 ${list[0]}`
        : `表四 的数字分 ${reordered.runs} 段印出、顺序被打乱，有多种还原方式符合合计关系，暂取第一种：${list.join("；")}`,
      reordered.candidates.length === 1
        ? `Table 4: figures printed in ${reordered.runs} pieces out of order; restored by the group totals as ${list[0]}`
        : `Table 4: figures printed in ${reordered.runs} pieces out of order admit several orders that satisfy the totals; the first is used: ${list.join("; ")}`,
      {
        path: ["reviewsAndLawsuits"],
        source,
        ...(reordered.candidates.length > 1 ? { candidates: reordered.candidates } : {}),
      },
    );
  } else if (values.length === WIDTH) placed = values;
  else if (values.length > WIDTH) placed = values.slice(0, WIDTH);
  else {
    const centres = headerCentres(headerTokens) ?? leafCentres(headerTokens);
    if (centres && values.length) placed = placeByPosition(values, centres);
    if (!placed && values.some((t) => t.digits)) {
      const pieces = values.map((t) => ({ value: t.value ?? 0, digits: t.digits, signed: t.signed, frac: t.frac }));
      const split = splitRuns(pieces, WIDTH, groupsOfFiveSum, 16, undefined, groupsOfFivePrefix);
      // When no split adds up (the document's own totals may be wrong), list the plain splits.
      const loose = split.candidates.length ? undefined : splitRuns(pieces, WIDTH, () => true, 8);
      const list = split.candidates.map((c) => c.join("|"));
      if (split.candidates.length === 1) {
        numbers = split.candidates[0];
        diags.add(
          "split.run-together",
          "info",
          `表四 的数字无分隔，按“总计=各项之和”拆分为 ${list[0]}`,
          `Table 4: figures with no separator split by the group totals as ${list[0]}`,
          { path: ["reviewsAndLawsuits"], source },
        );
      } else if (split.candidates.length > 1) {
        numbers = split.candidates[0];
        diags.add(
          "split.ambiguous",
          "warning",
          `表四 的数字连在一起，有多种拆分符合合计关系，暂取第一种：${list.join("；")}`,
          `Table 4: figures run together admit several splits that satisfy the totals; the first is used: ${list.join("; ")}`,
          { path: ["reviewsAndLawsuits"], source, candidates: split.candidates },
        );
      } else if (loose?.candidates.length && !loose.truncated) {
        numbers = loose.candidates[0];
        const all = loose.candidates.map((c) => c.join("|"));
        diags.add(
          "split.ambiguous",
          "warning",
          `表四 的数字连在一起，且没有一种拆分符合“总计=各项之和”（原表合计可能有误）；可能的读法：${all.join("；")}，暂取第一种`,
          `Table 4: figures run together and no split satisfies the group totals (the printed totals may be wrong); possible readings: ${all.join("; ")}; the first is used`,
          { path: ["reviewsAndLawsuits"], source, candidates: loose.candidates },
        );
      } else {
        diags.add(
          "split.impossible",
          "error",
          "表四 的数字无分隔，找不到合理的拆分，数值按 0 处理",
          "Table 4: figures with no separator admit no reasonable split; cells read as 0",
          { path: ["reviewsAndLawsuits"], source },
        );
        numbers = new Array<number>(WIDTH).fill(0);
      }
    }
    if (!placed && !numbers) {
      placed = [...values, ...new Array<Token | undefined>(WIDTH - values.length).fill(undefined)];
      diags.add(
        values.length ? "cell.position-unknown" : "row.missing",
        values.length ? "warning" : "error",
        values.length
          ? `表四 只找到 ${values.length} 个数字（应为 15 个），按顺序填入，其余按 0 处理`
          : "表四 未找到数据行，数值按 0 处理",
        values.length
          ? `Table 4: only ${values.length} of 15 figures found; placed in order, the rest read as 0`
          : "Table 4: no data row found; cells read as 0",
        { path: ["reviewsAndLawsuits"], source },
      );
    }
  }
  paths.forEach((p, i) => {
    const v = numbers ? (numbers[i] as number) : tokenValue(placed?.[i], { doc, diags, ...p });
    put(report, p.path, v);
  });
  return { end, found: values.length > 0 };
}

/**
 * Figures too wide for table 四's narrow cells wrap ("100" over "6"), the other cells centred
 * between: the data row then spans up to six lines (a figure can wrap twice). When the figures as
 * read do not make three groups that add up, the lines from the first figure on are stacked
 * column by column (by the header's positions) and taken if they do.
 */
function wrappedRow(
  doc: SourceDoc,
  first: number,
  values: readonly Token[],
  headerTokens: readonly Token[],
): { tokens: (Token | undefined)[]; wrapped: string[]; lines: number; end: number } | undefined {
  if (first < 0 || (values.length === WIDTH && groupsOfFiveSum(values.map((t) => t.value ?? 0)))) return undefined;
  const header = headerCentres(headerTokens) ?? leafCentres(headerTokens);
  const lines: Token[][] = [];
  for (let i = first; i < doc.lines.length && lines.length < 6; i++) {
    const l = doc.lines[i];
    if (!l) continue;
    const vals = l.tokens.filter(isValue);
    if (!vals.length) {
      if (isHeaderWordsOnly(l.key) || !l.key) continue;
      break;
    }
    lines.push(vals);
    if (lines.length < 2) continue;
    const centres = header ?? clusterCentres(lines.flat());
    if (!centres) continue;
    const stacked = stackColumns(lines, centres, true);
    if (stacked?.wrapped.length && groupsOfFiveSum(stacked.tokens.map((t) => t?.value ?? 0)))
      return { ...stacked, lines: lines.length, end: i };
  }
  return undefined;
}

/**
 * Column positions from the figures themselves when the header's are not known (a header printed
 * one character per line): positions closer than CLUSTER_GAP are one column; 15 columns or none.
 */
function clusterCentres(tokens: readonly Token[]): number[] | undefined {
  const xs = tokens.map((t) => t.pos).filter((x): x is number => x !== undefined);
  xs.sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (last && x - (last[last.length - 1] as number) < CLUSTER_GAP) last.push(x);
    else out.push([x]);
  }
  if (out.length !== WIDTH) return undefined;
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

/** Characters of the fifteen leaf headers (结果维持 … 总计), from the catalog. */
const LEAF_CHARS = new Set(REVIEW_OUTCOMES.flatMap((o) => [...o.zh]));

/**
 * Column positions from the leaf headers when they are printed one or two characters per line
 * ("结" / "果" / "维" / "持"): their pieces cluster into the fifteen columns.
 */
function leafCentres(tokens: readonly Token[]): number[] | undefined {
  const leaf = tokens.filter((t) => {
    const k = t.text.replace(/\s/g, "");
    if (!k || k.length > 4) return false;
    for (const ch of k) if (!LEAF_CHARS.has(ch)) return false;
    return true;
  });
  return clusterCentres(leaf);
}

/** Points between the centres of two figures of one column (half a digit apart at most when wrapped). */
const CLUSTER_GAP = 12;

/** The characters of table 四's header (行政复议, 未经复议直接起诉, 结果维持, 尚未审结, 总计…). */
const HEADER_CHARS = new Set("行政复议诉讼未经直接起后结果维持纠正其他尚审总计");

/**
 * A short line made only of table 四's header characters: plain PDF-to-text output breaks the
 * header into pieces ("结 果", "尚未审", "复议后起诉") and prints them between the figures.
 */
function isHeaderWordsOnly(key: string): boolean {
  if (!key || key.length > 16) return false;
  for (const ch of key) if (!HEADER_CHARS.has(ch)) return false;
  return true;
}

/** Most runs whose orders are tried (7! = 5,040 orders). */
const MAX_RUNS = 7;

/**
 * Plain PDF-to-text output can print table 四's 15 figures in pieces and out of order (each
 * group's four results, then its total, apart). When the figures as printed do not make three
 * groups whose 总计 is the sum of the other four, the pieces are put in every order: the orders
 * that do, fewest pieces moved first, are the candidates. Undefined when the order as printed
 * adds up, there is one piece, or no order adds up (the totals may really be wrong).
 */
function reorderRuns(
  values: readonly Token[],
  runOf: readonly number[],
): { candidates: number[][]; runs: number } | undefined {
  const nums = values.map((t) => t.value);
  if (nums.some((v) => typeof v !== "number")) return undefined;
  const flat = nums as number[];
  if (groupsOfFiveSum(flat)) return undefined;
  const runs: number[][] = [];
  flat.forEach((v, i) => {
    const r = runOf[i] as number;
    if (!runs[r]) runs[r] = [];
    (runs[r] as number[]).push(v);
  });
  if (runs.length < 2 || runs.length > MAX_RUNS) return undefined;
  const found: { order: number[]; moved: number; values: number[] }[] = [];
  const order: number[] = [];
  const used = new Array<boolean>(runs.length).fill(false);
  const permute = () => {
    if (order.length === runs.length) {
      const v = order.flatMap((r) => runs[r] as number[]);
      if (!groupsOfFiveSum(v)) return;
      let moved = 0;
      for (let i = 0; i < order.length; i++)
        for (let j = i + 1; j < order.length; j++) if ((order[i] as number) > (order[j] as number)) moved++;
      if (!found.some((f) => f.values.every((x, i) => x === v[i]))) found.push({ order: [...order], moved, values: v });
      return;
    }
    for (let r = 0; r < runs.length; r++) {
      if (used[r]) continue;
      used[r] = true;
      order.push(r);
      permute();
      order.pop();
      used[r] = false;
    }
  };
  permute();
  if (!found.length) return undefined;
  found.sort((a, b) => a.moved - b.moved);
  return { candidates: found.slice(0, 8).map((f) => f.values), runs: runs.length };
}

/** x of the 15 sub-headers when each of 维持/纠正/其他/审结/总计 is found three times. */
function headerCentres(tokens: readonly Token[]): number[] | undefined {
  const xs: number[] = [];
  for (const w of HEADER_WORDS) {
    const hits = tokens.filter((t) => t.text.replace(/\s/g, "").includes(w)).map((t) => t.pos as number);
    if (hits.length !== REVIEW_GROUPS.length) return undefined;
    xs.push(...hits);
  }
  xs.sort((a, b) => a - b);
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) <= (xs[i - 1] as number)) return undefined;
  return xs;
}
