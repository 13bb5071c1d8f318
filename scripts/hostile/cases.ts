/**
 * The adversarial cases: each generates its input into its own folder, runs one CLI command on
 * it, and says which exit codes the documented table allows and what else must hold (output
 * listed, files not clobbered, no escape sequence printed). The time and memory limits are the
 * runner's, from `seconds` and the input's size.
 */
import { chmodSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readZipEntries } from "../../packages/parser/src/sources/zip.js";
import {
  corpus,
  deepDocx,
  duplicateEntryBomb,
  ESCAPES,
  fixture,
  ideographs,
  MB,
  manyEntries,
  nextYear,
  paddedReportDocx,
  report,
  reportWith,
  spanBomb,
  tinyParagraphs,
  unknownKeys,
  write,
} from "./inputs.js";

export interface Output {
  stdout: string;
  stderr: string;
}

export interface Case {
  id: string;
  /** The row of the issue's table (or the family) the case belongs to. */
  row: string;
  setup(dir: string): void;
  /** CLI arguments (paths relative to the case folder, which is the working directory). */
  args: string[];
  exit: readonly number[];
  /** Wall-clock limit. */
  seconds: number;
  /**
   * The input size the memory limit is taken from, when it is not the files on disk (a .docx is
   * measured by its inflated XML: the reader's work grows with that, not with the archive).
   */
  memoryBasisBytes?: number;
  /** Run as an unprivileged user (to make a folder unreadable even when the suite runs as root). */
  unprivileged?: boolean;
  /** A failure message, or undefined when the outcome is right. */
  check?(dir: string, out: Output): string | undefined;
}

const has = (out: Output, re: RegExp, what: string) =>
  re.test(out.stdout + out.stderr) ? undefined : `output does not ${what}`;
const firstOf = (...checks: (string | undefined)[]) => checks.find((c) => c !== undefined);
/** The reader refused the input and said which limit (code input.too-large, the limit's name). */
const namesLimit = (limit: string) => (_: string, out: Output) =>
  has(out, new RegExp(`${limit}|input\\.too-large`), `name the limit (${limit})`);
const unchanged = (dir: string, file: string, content: string) =>
  readFileSync(join(dir, file), "utf8") === content ? undefined : `${file} was overwritten`;

/** The three tables of a parsed report are those of the expected one, cell for cell. */
function sameTables(got: Record<string, unknown>, want: Record<string, unknown>): string | undefined {
  const canonical = (v: unknown): string =>
    v && typeof v === "object"
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${k}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(",")}}`
      : JSON.stringify(v);
  for (const key of ["proactiveDisclosure", "applications", "reviewsAndLawsuits"])
    if (canonical(got[key]) !== canonical(want[key])) return `${key} differs from the report's own`;
  return undefined;
}

const KEEP = '{"kept":"this file existed before the run"}\n';

function parseCases(): Case[] {
  return [
    {
      id: "html-span-bomb",
      row: "1.3 MB HTML of <td rowspan=200 colspan=64>",
      setup: (d) => {
        write(join(d, "bomb.html"), spanBomb());
        write(join(d, "out.json"), KEEP);
      },
      args: ["parse", "bomb.html", "-o", "out.json", "--force"],
      exit: [2],
      seconds: 20,
      check: (d, o) => firstOf(namesLimit("maxGridSlots")(d, o), unchanged(d, "out.json", KEEP)),
    },
    {
      id: "docx-duplicate-entries",
      row: "376 KB .docx naming one 60 MB stream 5,000 times",
      setup: (d) => write(join(d, "dup.docx"), duplicateEntryBomb()),
      args: ["parse", "dup.docx"],
      exit: [2],
      seconds: 20,
      check: namesLimit("maxInflatedBytes"),
    },
    {
      id: "docx-tiny-paragraphs-60mb",
      row: "184 KB .docx of tiny paragraphs (60 MB of XML)",
      setup: (d) => write(join(d, "tiny.docx"), tinyParagraphs(60)),
      args: ["parse", "tiny.docx"],
      exit: [2],
      seconds: 20,
      check: namesLimit("maxInflatedBytes"),
    },
    {
      id: "docx-tiny-paragraphs-20mb",
      row: "184 KB .docx of tiny paragraphs (within the inflate budget)",
      setup: (d) => write(join(d, "tiny.docx"), tinyParagraphs(20)),
      args: ["parse", "tiny.docx"],
      exit: [2],
      seconds: 30,
      check: namesLimit("maxElements"),
    },
    ...(["tables", "sdt", "txbx"] as const).map(
      (kind): Case => ({
        id: `docx-nested-${kind}`,
        row: ".docx with tables / w:sdt / text boxes nested 20,000 deep",
        setup: (d) => write(join(d, "deep.docx"), deepDocx(kind)),
        args: ["parse", "deep.docx"],
        exit: [2],
        seconds: 20,
        check: namesLimit("maxXmlDepth"),
      }),
    ),
    {
      id: "docx-20mb-report",
      row: "a report .docx of 20 MB of XML within the limits (peak ≤ 20× the XML, under 600 MB)",
      setup: (d) => write(join(d, "big.docx"), paddedReportDocx(20)),
      args: ["parse", "big.docx", "-o", "big.json"],
      exit: [0, 1],
      seconds: 60,
      memoryBasisBytes: 20 * MB,
      check: (d) => sameTables(JSON.parse(readFileSync(join(d, "big.json"), "utf8")), report("huaian-2024")),
    },
    {
      id: "docx-many-entries",
      row: "zip central directory of 20,000 records",
      setup: (d) => write(join(d, "many.docx"), manyEntries(20_000)),
      args: ["parse", "many.docx"],
      exit: [2],
      seconds: 20,
      check: namesLimit("maxZipEntries"),
    },
    {
      id: "text-ones-after-table-3",
      row: "20 MB text of `1 ` after a 表三 label",
      setup: (d) => write(join(d, "ones.txt"), `三、收到和处理政府信息公开申请情况\n${"1 ".repeat(10 * MB)}`),
      args: ["parse", "ones.txt"],
      exit: [2],
      seconds: 60,
      check: namesLimit("maxLineChars"),
    },
    {
      id: "text-commas-one-line",
      row: "20 MB text of repeated `1,`",
      setup: (d) => write(join(d, "commas.txt"), `${fixture("seed-2020.txt")}\n${"1,".repeat(10 * MB)}`),
      args: ["parse", "commas.txt"],
      exit: [2],
      seconds: 60,
      check: namesLimit("maxLineChars"),
    },
    {
      id: "text-commas-lines",
      row: "20 MB text of `1,` lines",
      setup: (d) => write(join(d, "lines.txt"), "1,\n".repeat(7 * MB)),
      args: ["parse", "lines.txt"],
      exit: [2],
      seconds: 60,
      check: namesLimit("maxLines"),
    },
    {
      id: "text-table-rows",
      row: "20 MB text of table rows",
      setup: (d) => write(join(d, "rows.txt"), "（一）予以公开 1 2 3 4 5 6 21\n".repeat((20 * MB) / 40)),
      args: ["parse", "rows.txt"],
      exit: [2],
      seconds: 60,
      // Eight figures and words a line: the tokens' limit comes before the lines'.
      check: namesLimit("maxTokens"),
    },
    {
      id: "html-less-than",
      row: "20 MB HTML of repeated `<`",
      setup: (d) => write(join(d, "lt.html"), "<".repeat(20 * MB)),
      args: ["parse", "lt.html"],
      exit: [2],
      seconds: 60,
    },
    {
      id: "html-table-rows",
      row: "20 MB HTML of table rows",
      setup: (d) =>
        write(join(d, "rows.html"), `<table>${"<tr><td>1</td><td>2</td></tr>".repeat((20 * MB) / 30)}</table>`),
      args: ["parse", "rows.html"],
      exit: [2],
      seconds: 60,
      check: namesLimit("maxElements"),
    },
    {
      id: "html-nested-divs",
      row: "HTML nested 100,000 deep",
      setup: (d) => write(join(d, "deep.html"), `${"<div>".repeat(100_000)}一、总体情况${"</div>".repeat(100_000)}`),
      args: ["parse", "deep.html"],
      exit: [0, 1, 2],
      seconds: 30,
    },
    {
      id: "text-over-char-limit",
      row: "text of more characters than the reader takes",
      setup: (d) => write(join(d, "huge.txt"), `${fixture("seed-2020.txt")}${" ".repeat(33 * MB)}`),
      args: ["parse", "huge.txt"],
      exit: [2],
      seconds: 60,
      check: namesLimit("maxChars"),
    },
    {
      id: "html-optional-end-tags",
      row: "valid HTML that omits optional end tags",
      setup: (d) =>
        write(join(d, "page.html"), corpus("hongze-2023.rendered.html").replace(/<\/(p|td|tr|li|th|option)>/gi, "")),
      args: ["parse", "page.html", "-o", "out.json"],
      exit: [0, 1],
      seconds: 30,
      check: (d) => sameCells(JSON.parse(readFileSync(join(d, "out.json"), "utf8")), report("hongze-2023")),
    },
  ];
}

/** Every number of the expected report equal in the parsed one (and the year). */
function sameCells(got: unknown, want: unknown, path = ""): string | undefined {
  if (typeof want === "number") return got === want ? undefined : `${path || "value"}: ${String(got)} ≠ ${want}`;
  if (typeof want !== "object" || want === null) return undefined;
  for (const [k, v] of Object.entries(want)) {
    const bad = sameCells((got as Record<string, unknown> | undefined)?.[k], v, path ? `${path}.${k}` : k);
    if (bad) return bad;
  }
  return undefined;
}

const ESC_OR_BEL = /[\u001b\u0007\u009b]/;
const noEscapes = (_: string, o: Output) =>
  ESC_OR_BEL.test(o.stdout + o.stderr) ? "an escape sequence or BEL reached the terminal" : undefined;

function reportCases(): Case[] {
  const long = `${"市".repeat(80_000)}人民政府`;
  const named = (r: Record<string, unknown>, name: string) => ({ ...r, agency: { name } });
  return [
    {
      id: "agency-80k-check",
      row: "agency name of 80,000 characters (check)",
      setup: (d) => {
        const r = named(report("seed-2020"), long);
        write(join(d, "reports/a-2020.json"), JSON.stringify(r));
        write(join(d, "reports/a-2021.json"), JSON.stringify(nextYear(r)));
      },
      args: ["check", "reports"],
      exit: [0, 1],
      seconds: 20,
    },
    {
      id: "agency-80k-validate",
      row: "agency name of 80,000 characters (validate)",
      setup: (d) => write(join(d, "r.json"), JSON.stringify(named(report("seed-2020"), long))),
      args: ["validate", "r.json"],
      exit: [0, 1],
      seconds: 20,
    },
    {
      id: "overview-weishoudao",
      row: "overview of 未收到 × N (5.4 MB)",
      setup: (d) =>
        write(
          join(d, "r.json"),
          reportWith("seed-2020", (r) => (r.overview = "未收到".repeat(1_800_000))),
        ),
      args: ["validate", "r.json"],
      exit: [0, 1],
      seconds: 20,
    },
    {
      id: "unknown-keys-text",
      row: "report with 50k unknown keys, text output",
      setup: (d) => write(join(d, "r.json"), unknownKeys(50_000)),
      args: ["validate", "r.json"],
      exit: [1],
      seconds: 20,
    },
    {
      id: "compare-20mb-narratives",
      row: "compare on two 20 MB narratives",
      setup: (d) => {
        const shared = ideographs(3 * MB, 11);
        const prev = report("hongze-2023");
        prev.overview = shared + ideographs(3.6 * MB, 12);
        const cur = report("hongze-2024");
        cur.overview = shared + ideographs(3.6 * MB, 13);
        write(join(d, "prev.json"), JSON.stringify(prev));
        write(join(d, "cur.json"), JSON.stringify(cur));
      },
      args: ["compare", "prev.json", "cur.json"],
      exit: [0, 1],
      seconds: 30,
    },
    {
      id: "escapes-validate",
      row: "agency name with ESC ]0;…BEL ESC [2J (validate)",
      setup: (d) =>
        write(
          join(d, "r.json"),
          reportWith("seed-2020", (r) => {
            r.agency = { name: `${ESCAPES}某某局` };
            r[`bad${ESCAPES}key`] = 1;
          }),
        ),
      args: ["validate", "r.json"],
      exit: [1],
      seconds: 20,
      check: noEscapes,
    },
    {
      id: "escapes-compare",
      row: "agency name with ESC ]0;…BEL ESC [2J (compare)",
      setup: (d) => {
        const r = named(report("seed-2020"), `${ESCAPES}某某局`);
        write(join(d, "prev.json"), JSON.stringify(r));
        write(join(d, "cur.json"), JSON.stringify(named(nextYear(r), `${ESCAPES}某某局`)));
      },
      args: ["compare", "prev.json", "cur.json"],
      exit: [0, 1],
      seconds: 20,
      check: noEscapes,
    },
    {
      id: "ufffe-validate",
      row: "narrative with U+FFFE / U+FFFF (validate warns at the field)",
      setup: (d) =>
        write(
          join(d, "r.json"),
          reportWith("seed-2020", (r) => (r.overview = `总体\uFFFE情况\uFFFF。`)),
        ),
      args: ["validate", "r.json", "--format", "json"],
      exit: [0, 1],
      seconds: 20,
      check: (_, o) => {
        const issues = (JSON.parse(o.stdout) as { issues: { path: unknown[]; severity: string }[] }[])[0]?.issues ?? [];
        return issues.some((i) => i.path[0] === "overview" && i.severity === "warning")
          ? undefined
          : "no warning at overview for U+FFFE / U+FFFF";
      },
    },
    {
      id: "ufffe-render-docx",
      row: "narrative with U+FFFE / U+FFFF (render --to docx)",
      setup: (d) =>
        write(
          join(d, "r.json"),
          reportWith("seed-2020", (r) => (r.overview = `总体\uFFFE情况\uFFFF。`)),
        ),
      args: ["render", "r.json", "--to", "docx", "-o", "r.docx"],
      exit: [0, 1],
      seconds: 30,
      check: (d) => {
        const xml = readZipEntries(readFileSync(join(d, "r.docx")), ["word/document.xml"]).get("word/document.xml");
        if (!xml) return "no word/document.xml in r.docx";
        return /[\uFFFE\uFFFF]/.test(new TextDecoder().decode(xml))
          ? "U+FFFE / U+FFFF written into document.xml"
          : undefined;
      },
    },
  ];
}

function batchCases(): Case[] {
  return [
    {
      id: "out-dir-duplicate-basenames",
      row: "parse d1/r.txt d2/r.txt d3/r.txt --out-dir out --force",
      setup: (d) => {
        for (const sub of ["d1", "d2", "d3"]) write(join(d, sub, "r.txt"), fixture("seed-2020.txt"));
      },
      args: ["parse", "d1/r.txt", "d2/r.txt", "d3/r.txt", "--out-dir", "out", "--force"],
      exit: [0, 1],
      seconds: 60,
      check: (d) => {
        const n = readdirSync(join(d, "out")).filter((f) => f.endsWith(".json")).length;
        return n === 3 ? undefined : `${n} result files for 3 inputs`;
      },
    },
    {
      id: "check-unreadable-folder",
      row: "check reports/ with one unreadable sub-folder",
      setup: (d) => {
        const r = report("seed-2020");
        write(join(d, "reports/a-2020.json"), JSON.stringify(r));
        write(join(d, "reports/a-2021.json"), JSON.stringify(nextYear(r)));
        write(join(d, "reports/locked/b.json"), JSON.stringify(r));
        chmodSync(join(d, "reports/locked"), 0o000);
      },
      args: ["check", "reports"],
      exit: [1, 2],
      seconds: 30,
      unprivileged: true,
      check: (_, o) =>
        firstOf(has(o, /a-2021\.json/, "list the readable files"), has(o, /locked/, "name the unreadable folder")),
    },
    {
      id: "check-with-span-bomb",
      row: "a folder holding the span bomb (check goes on)",
      setup: (d) => {
        write(join(d, "reports/bomb.html"), spanBomb());
        write(join(d, "reports/a-2020.json"), JSON.stringify(report("seed-2020")));
      },
      args: ["check", "reports"],
      exit: [1, 2],
      seconds: 30,
      check: (_, o) =>
        firstOf(has(o, /a-2020\.json/, "list the readable file"), has(o, /bomb\.html/, "list the refused file")),
    },
    {
      id: "no-clobber",
      row: "an existing output is kept without --force",
      setup: (d) => {
        write(join(d, "r.txt"), fixture("seed-2020.txt"));
        writeFileSync(join(d, "out.json"), KEEP);
      },
      args: ["parse", "r.txt", "-o", "out.json"],
      exit: [2],
      seconds: 30,
      check: (d) => unchanged(d, "out.json", KEEP),
    },
  ];
}

export const CASES: readonly Case[] = [...parseCases(), ...reportCases(), ...batchCases()];
