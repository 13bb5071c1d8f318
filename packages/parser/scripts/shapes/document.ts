/**
 * What a generated document says around its tables: the title in one of the forms agencies use,
 * a narrative (optionally stating figures of the tables, as 一、总体情况 usually does), the six
 * section headings and a signature. The generator knows the truth, so the expected report is the
 * input report with the agency and narratives it printed.
 */
import {
  type ApplicantKey,
  getAt,
  PROACTIVE_BLOCKS,
  REPORT_NAME,
  type Report,
  SECTIONS,
  type SectionKey,
} from "@gov-report/core";
import { type GridTable, gridOf } from "./grid.js";
import { between, pick, type Rand } from "./random.js";

/** Agency names in the forms published titles use (format reference, "How reports reach a reader"). */
export const AGENCY_NAMES = ["某某综合实验区", "XX县人民政府", "XX市发展和改革委员会"] as const;

export type TitleForm = "plain" | "annual" | "notice" | "signature-only";
export const TITLE_FORMS: readonly TitleForm[] = ["plain", "annual", "notice", "signature-only"];

export interface Framing {
  title: string;
  /** Lines after 六 (the signature: agency and date), possibly none. */
  signature: string[];
}

/** The title and signature of a report in one of the published forms. */
export function framing(report: Report, form: TitleForm, rand: Rand): Framing {
  const name = report.agency.name;
  const date = `${report.year + 1}年${between(rand, 1, 3)}月${between(rand, 1, 28)}日`;
  const signed = [name, date];
  switch (form) {
    case "plain":
      return { title: `${name}${report.year}年${REPORT_NAME.zh}`, signature: [] };
    case "annual":
      return { title: `${name}${report.year}年度${REPORT_NAME.zh}`, signature: signed };
    case "notice":
      return { title: `关于公布${name}${report.year}年度${REPORT_NAME.zh}的通知`, signature: signed };
    case "signature-only":
      return { title: `${report.year}年${REPORT_NAME.zh}`, signature: signed };
  }
}

const n = (report: Report, path: (string | number)[]) => getAt(report, path) as number;
const total = (key: string, col: ApplicantKey = "total") => ["applications", key, col];

/** Sentences of 一、总体情况 that state figures of the tables (rule 10 of the format reference). */
export function statedFigures(report: Report): string {
  const block = PROACTIVE_BLOCKS[report.edition][0];
  const row = block?.rows[1];
  const first = block?.columns[0];
  const last = block?.columns[2];
  const parts: string[] = [];
  if (row && first && last) {
    const p = ["proactiveDisclosure", row.key];
    parts.push(
      `本年度制发${row.zh}${n(report, [...p, first.key])}件，现行有效${row.zh}${n(report, [...p, last.key])}件。`,
    );
  }
  parts.push(
    `全年共受理政府信息公开申请${n(report, total("received"))}件，上年结转${n(report, total("carriedOver"))}件。`,
  );
  const lawsuits =
    n(report, ["reviewsAndLawsuits", "lawsuitWithoutReview", "total"]) +
    n(report, ["reviewsAndLawsuits", "lawsuitAfterReview", "total"]);
  parts.push(
    `全年发生政府信息公开行政复议${n(report, ["reviewsAndLawsuits", "administrativeReview", "total"])}件，行政诉讼${lawsuits}件。`,
  );
  return parts.join("");
}

const OPENINGS = [
  "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开标准化规范化建设。",
  "本年度，本机关坚持以公开为常态、不公开为例外，不断提升政府信息公开质量。",
];

/**
 * The report with narratives a generated document prints: 一 a short generic text (a template's
 * own 一 quotes its own figures, which the random ones would contradict), with `stated` followed by
 * figures of the tables; 五 and 六 the template's own when it has them.
 */
export function narrated(report: Report, rand: Rand, stated: boolean): Report {
  const out = structuredClone(report);
  const opening = pick(rand, OPENINGS);
  out.overview = stated ? `${opening}\n${statedFigures(out)}` : opening;
  if (!out.problemsAndImprovements.trim())
    out.problemsAndImprovements = "政府信息公开的及时性还有待提高。下一步将加强业务培训，提升公开质量。";
  if (!out.otherMatters.trim()) out.otherMatters = "本年度未收取信息处理费。";
  return out;
}

/** The report under another agency name (the truth of a document whose title names it). */
export function renamed(report: Report, name: string): Report {
  const out = structuredClone(report);
  out.agency = { ...out.agency, name };
  return out;
}

export interface Layout {
  title?: (text: string) => string;
  heading: (text: string) => string;
  tables: (tables: GridTable[], section: SectionKey) => string[];
  paragraph?: (text: string) => string;
}

/** The whole document as lines: title, 一 … 六 with their tables, signature. */
export function documentLines(report: Report, frame: Framing, layout: Layout): string[] {
  const grid = gridOf(report);
  const para = layout.paragraph ?? ((t: string) => t);
  const lines = [(layout.title ?? layout.heading)(frame.title), ""];
  for (const s of SECTIONS) {
    lines.push(layout.heading(s.heading), "");
    if (s.kind === "table")
      lines.push(
        ...layout.tables(
          grid.filter((t) => t.section === s.key),
          s.key,
        ),
        "",
      );
    else {
      const text = report[s.key as "overview" | "problemsAndImprovements" | "otherMatters"];
      for (const p of text.split("\n").filter((x) => x.trim())) lines.push(para(p.trim()), "");
    }
  }
  lines.push(...frame.signature);
  return lines;
}
