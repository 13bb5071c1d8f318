/**
 * Peak memory per input megabyte of each reader (text, HTML, Word, PDF), alone and through
 * parseReport. Every measurement runs in a fresh child process: its peak resident set size
 * (process.resourceUsage().maxRSS) minus the same process's size just before parsing, after the
 * modules are loaded and the input is read — the memory the parse itself takes.
 *
 *   npx tsx --conditions=@gov-report/source packages/parser/bench/memory.bench.ts
 *   (MEMBENCH_MB=1,4 for fewer sizes)
 *
 * Inputs: a report with its narrative repeated up to 1, 4 and 16 MB (text, HTML; Word XML up to
 * 8 MB, as 16 MB of one-run paragraphs is over the element limit), and the three fixture PDFs.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { docx } from "../test/sources-zip.js";

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, "../../../fixtures");
const CORPUS = resolve(here, "../test/corpus");
const MB = 1024 * 1024;

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
  const before = process.memoryUsage().rss;
  if (whole) {
    if (reader === "text") parser.parseText(text);
    else if (reader === "html") parser.parseHtml(text);
    else if (reader === "docx") parser.parseDocx(bytes);
    else await parser.parseReport({ pdf: bytes });
  } else if (reader === "text") sources.text.textSource(text);
  else if (reader === "html") sources.html.htmlSource(text);
  else if (reader === "docx") sources.docx.docxSource(bytes);
  else sources.pdf.pdfSource(await sources.pdf.readPdfContent(bytes));
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ extra: Math.max(0, peak - before) }));
}

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
  return (JSON.parse(out) as { extra: number }).extra;
}

/** The narrative paragraph repeated until the input is `mb` megabytes. */
function inputs(dir: string, mb: number): Record<Exclude<Reader, "pdf">, { file: string; bytes: number }> {
  const seed = readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8");
  const para =
    "本年度，我局依法做好政府信息主动公开工作，通过政府网站、政务新媒体和政务公开栏公开各类信息，及时回应社会关切。";
  const repeat = (unit: string) => unit.repeat(Math.ceil((mb * MB) / Buffer.byteLength(unit)));
  const html = readFileSync(join(CORPUS, "seed-2020.rendered.html"), "utf8");
  const files = {
    text: `${seed}\n${repeat(`${para}\n`)}`,
    html: html.replace("</body>", `${repeat(`<p>${para}</p>\n`)}</body>`),
  };
  const xmlPara = `<w:p><w:r><w:t>${para}</w:t></w:r></w:p>`;
  const body = `<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>${repeat(xmlPara)}`;
  const word = docx(body);
  const out = {} as Record<Exclude<Reader, "pdf">, { file: string; bytes: number }>;
  for (const [k, v] of Object.entries(files)) {
    const file = join(dir, `${k}-${mb}.${k === "text" ? "txt" : "html"}`);
    writeFileSync(file, v);
    out[k as "text" | "html"] = { file, bytes: Buffer.byteLength(v) };
  }
  const file = join(dir, `docx-${mb}.docx`);
  writeFileSync(file, word);
  out.docx = { file, bytes: Buffer.byteLength(body) };
  return out;
}

function row(reader: string, input: string, bytes: number, file: string, r: Reader): string {
  const alone = measure(r, file, false) / MB;
  const whole = measure(r, file, true) / MB;
  const perMB = (x: number) => (x / (bytes / MB)).toFixed(1);
  return `| ${reader} | ${input} | ${(bytes / MB).toFixed(2)} | ${alone.toFixed(0)} | ${perMB(alone)} | ${whole.toFixed(0)} | ${perMB(whole)} |`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "gov-report-membench-"));
  const lines = [
    "| reader | input | input MB | reader MB | reader MB/MB | parseReport MB | parseReport MB/MB |",
    "|---|---|---:|---:|---:|---:|---:|",
  ];
  try {
    const sizes = (process.env.MEMBENCH_MB ?? "1,4,8,16").split(",").map(Number);
    for (const mb of sizes) {
      const ins = inputs(dir, mb);
      lines.push(row("text", `narrative to ${mb} MB`, ins.text.bytes, ins.text.file, "text"));
      lines.push(row("HTML", `narrative to ${mb} MB`, ins.html.bytes, ins.html.file, "html"));
      if (mb <= 8) lines.push(row("Word", `${mb} MB of document.xml`, ins.docx.bytes, ins.docx.file, "docx"));
    }
    for (const stem of ["hongze-2023", "hongze-2024", "huaian-2024"]) {
      const file = join(FIXTURES, `${stem}.pdf`);
      lines.push(row("PDF", `fixtures/${stem}.pdf`, readFileSync(file).length, file, "pdf"));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

const args = process.argv.slice(2);
if (args[0] === "--child") await child(args[1] as Reader, args[2] as string, args[3] === "true");
else await main();
