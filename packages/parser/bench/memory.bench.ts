/**
 * Peak memory per input megabyte of each reader (text, HTML, Word, PDF), alone and through
 * parseReport. Every measurement runs in a fresh child process: its peak resident set size while
 * parsing minus its size just before, after the modules are loaded and the input is read — the
 * memory the parse itself takes. On Linux the child resets its peak (`/proc/self/clear_refs`)
 * just before parsing and reads it back (`VmHWM`), so a peak reached while loading the modules
 * does not count; elsewhere it falls back to the process's lifetime peak (`maxRSS`), which can
 * add the loading's own peak to small inputs.
 *
 *   npx tsx --conditions=@gov-report/source packages/parser/bench/memory.bench.ts
 *   (MEMBENCH_MB=1,4 for fewer sizes, MEMBENCH_READERS=docx,html for fewer readers)
 *
 * Inputs: a report with its narrative repeated up to 1, 4 and 16 MB (text, HTML, and HTML with the
 * narrative inside a layout table whose inner table comes last); Word XML of
 * one-sentence paragraphs up to 1, 4 and 8 MB, 16 MB of three-sentence paragraphs (16 MB of
 * one-sentence ones is over the element limit) and tiny paragraphs up to the element limit (the
 * most elements per megabyte the reader accepts); the three fixture PDFs.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LIMITS } from "../src/limits.js";
import { docx } from "../test/sources-zip.js";

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, "../../../fixtures");
const CORPUS = resolve(here, "../test/corpus");
const MB = 1024 * 1024;
const STATUS = "/proc/self/status";

/** Resets the peak resident size (Linux); false when the system cannot. */
function resetPeak(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** A "VmRSS" / "VmHWM" figure of /proc/self/status, in bytes. */
function status(field: "VmRSS" | "VmHWM"): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(STATUS, "utf8"));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

type Reader = "text" | "html" | "docx" | "pdf";

/** In the child: read the file, note the size, parse, print the peak. */
async function child(reader: Reader, file: string, whole: boolean): Promise<void> {
  const parser = await import("@gov-report/parser");
  const sources = {
    text: await import("../src/sources/text.js"),
    html: await import("../src/sources/html.js"),
    docx: await import("../src/sources/docx.js"),
    pdf: await import("../src/sources/pdf.js"),
  };
  const bytes = new Uint8Array(readFileSync(file));
  const text = reader === "text" || reader === "html" ? new TextDecoder().decode(bytes) : "";
  await sources.pdf.loadPdfJs();
  const reset = resetPeak();
  const before = reset ? status("VmRSS") : process.memoryUsage().rss;
  if (whole) {
    if (reader === "text") parser.parseText(text);
    else if (reader === "html") parser.parseHtml(text);
    else if (reader === "docx") parser.parseDocx(bytes);
    else await parser.parseReport({ pdf: bytes });
  } else if (reader === "text") sources.text.textSource(text);
  else if (reader === "html") sources.html.htmlSource(text);
  else if (reader === "docx") sources.docx.docxSource(bytes);
  else sources.pdf.pdfSource(await sources.pdf.readPdfContent(bytes));
  const peak = reset ? status("VmHWM") : process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ extra: Math.max(0, peak - before), method: reset ? "VmHWM" : "maxRSS" }));
}

const methods = new Set<string>();

function measure(reader: Reader, file: string, whole: boolean): number {
  const out = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=@gov-report/source",
      fileURLToPath(import.meta.url),
      "--child",
      reader,
      file,
      String(whole),
    ],
    { encoding: "utf8", maxBuffer: 16 * MB },
  );
  const r = JSON.parse(out) as { extra: number; method: string };
  methods.add(r.method);
  return r.extra;
}

const PARA =
  "本年度，我局依法做好政府信息主动公开工作，通过政府网站、政务新媒体和政务公开栏公开各类信息，及时回应社会关切。";
const repeat = (unit: string, mb: number) => unit.repeat(Math.ceil((mb * MB) / Buffer.byteLength(unit)));

interface Input {
  file: string;
  bytes: number;
}

type PageInput = "text" | "html" | "wrapped";

/**
 * The narrative paragraph repeated until the text or HTML input is `mb` megabytes; "wrapped": the
 * repeated narrative inside a layout table whose only inner table comes last (the HTML reader keeps
 * a table's content until it knows it is layout: here, the whole narrative).
 */
function pageInputs(dir: string, mb: number): Record<PageInput, Input> {
  const seed = readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8");
  const html = readFileSync(join(CORPUS, "seed-2020.rendered.html"), "utf8");
  const narrative = repeat(`<p>${PARA}</p>\n`, mb);
  const files = {
    text: `${seed}\n${repeat(`${PARA}\n`, mb)}`,
    html: html.replace("</body>", `${narrative}</body>`),
    wrapped: html.replace(
      "</body>",
      `<table><tr><td>${narrative}<table><tr><td>1</td></tr></table></td></tr></table></body>`,
    ),
  };
  const out = {} as Record<PageInput, Input>;
  for (const [k, v] of Object.entries(files)) {
    const file = join(dir, `${k}-${mb}.${k === "text" ? "txt" : "html"}`);
    writeFileSync(file, v);
    out[k as PageInput] = { file, bytes: Buffer.byteLength(v) };
  }
  return out;
}

/** A .docx of this body XML; its size is the body's (the XML the reader inflates and reads). */
function wordInput(dir: string, name: string, body: string): Input {
  const file = join(dir, `${name}.docx`);
  writeFileSync(file, docx(body));
  return { file, bytes: Buffer.byteLength(body) };
}

const wordPara = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** Paragraphs of `sentences` narrative sentences after a heading, to `mb` megabytes of XML. */
function wordNarrative(dir: string, mb: number, sentences: number): Input {
  const body = `${wordPara("一、总体情况")}${repeat(wordPara(PARA.repeat(sentences)), mb)}`;
  return wordInput(dir, `docx-${mb}-${sentences}`, body);
}

/** Paragraphs of one figure, as many as the element limit allows (3 elements each). */
function wordTiny(dir: string): Input {
  const body = wordPara("1").repeat(Math.floor(LIMITS.maxElements / 3) - 2);
  return wordInput(dir, "docx-tiny", body);
}

function row(reader: string, input: string, { bytes, file }: Input, r: Reader): string {
  const alone = measure(r, file, false) / MB;
  const whole = measure(r, file, true) / MB;
  const perMB = (x: number) => (x / (bytes / MB)).toFixed(1);
  return `| ${reader} | ${input} | ${(bytes / MB).toFixed(2)} | ${alone.toFixed(0)} | ${perMB(alone)} | ${whole.toFixed(0)} | ${perMB(whole)} |`;
}

function wordRows(dir: string, sizes: readonly number[]): string[] {
  const rows: string[] = [];
  for (const mb of sizes) {
    if (mb <= 8) rows.push(row("Word", `${mb} MB of document.xml`, wordNarrative(dir, mb, 1), "docx"));
    else rows.push(row("Word", `${mb} MB of document.xml, 3-sentence paragraphs`, wordNarrative(dir, mb, 3), "docx"));
  }
  rows.push(row("Word", "one-figure paragraphs to the element limit", wordTiny(dir), "docx"));
  return rows;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "gov-report-membench-"));
  const lines = [
    "| reader | input | input MB | reader MB | reader MB/MB | parseReport MB | parseReport MB/MB |",
    "|---|---|---:|---:|---:|---:|---:|",
  ];
  const only = process.env.MEMBENCH_READERS?.split(",");
  const wanted = (r: Reader) => !only || only.includes(r);
  try {
    const sizes = (process.env.MEMBENCH_MB ?? "1,4,8,16").split(",").map(Number);
    const pages = sizes.map((mb) => ({ mb, ...pageInputs(dir, mb) }));
    for (const [r, name] of [
      ["text", "text"],
      ["html", "HTML"],
    ] as const)
      if (wanted(r)) for (const p of pages) lines.push(row(name, `narrative to ${p.mb} MB`, p[r], r));
    if (wanted("html"))
      for (const p of pages) lines.push(row("HTML", `narrative to ${p.mb} MB in a layout table`, p.wrapped, "html"));
    if (wanted("docx")) lines.push(...wordRows(dir, sizes));
    for (const stem of ["hongze-2023", "hongze-2024", "huaian-2024"]) {
      const file = join(FIXTURES, `${stem}.pdf`);
      if (wanted("pdf"))
        lines.push(row("PDF", `fixtures/${stem}.pdf`, { file, bytes: readFileSync(file).length }, "pdf"));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${lines.join("\n")}\npeak measured by ${[...methods].join(", ")}\n`);
}

const args = process.argv.slice(2);
if (args[0] === "--child") await child(args[1] as Reader, args[2] as string, args[3] === "true");
else await main();
