/** Test helpers: fixture paths and a tiny writer of image-only ("scanned") PDFs. */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { expect } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = resolve(here, "../../../fixtures");
export const CORPUS = join(here, "corpus");
export const STEMS = ["seed-2020", "huaian-2024", "hongze-2023", "hongze-2024"] as const;
export const PDF_STEMS = ["huaian-2024", "hongze-2023", "hongze-2024"] as const;

export const expected = (stem: string) =>
  JSON.parse(readFileSync(join(FIXTURES, `${stem}.expected.json`), "utf8")) as Record<string, unknown>;
/** The three tables (二, 三, 四) of a parsed report against those of a fixture's expected JSON. */
export function expectFixtureTables(report: unknown, stem: string): void {
  const want = expected(stem);
  const got = report as Record<string, unknown>;
  for (const key of ["proactiveDisclosure", "applications", "reviewsAndLawsuits"]) {
    expect(got[key], key).toEqual(want[key]);
  }
}
export const pdfBytes = (stem: string) => new Uint8Array(readFileSync(join(FIXTURES, `${stem}.pdf`)));

/**
 * A one-page PDF whose only content is a grayscale image: what a scanner produces. Objects are
 * written in order and the xref table is computed from their byte offsets.
 */
export function imageOnlyPdf(gray: Uint8Array, width: number, height: number): Uint8Array {
  const data = deflateSync(gray);
  const parts: (string | Uint8Array)[] = [];
  const offsets: number[] = [];
  let size = 0;
  const add = (p: string | Uint8Array) => {
    parts.push(p);
    size += typeof p === "string" ? Buffer.byteLength(p, "latin1") : p.length;
  };
  const obj = (n: number, body: string | (string | Uint8Array)[]) => {
    offsets[n] = size;
    add(`${n} 0 obj\n`);
    for (const b of Array.isArray(body) ? body : [body]) add(b);
    add("\nendobj\n");
  };
  add("%PDF-1.4\n");
  obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
  obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  obj(
    3,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
  );
  obj(4, [
    `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
    data,
    "\nendstream",
  ]);
  const content = "q 595 0 0 842 0 0 cm /Im0 Do Q";
  obj(5, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  const xref = size;
  let table = `xref\n0 6\n0000000000 65535 f \n`;
  for (let i = 1; i <= 5; i++) table += `${String(offsets[i]).padStart(10, "0")} 00000 n \n`;
  add(`${table}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(
    Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p)))),
  );
}

/** Reads a binary PGM (P5) as written by `pdftoppm -gray`. */
export function readPgm(buf: Buffer): { gray: Uint8Array; width: number; height: number } {
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (buf[pos] === 0x20 || buf[pos] === 0x0a || buf[pos] === 0x0d || buf[pos] === 0x09) pos++;
    let f = "";
    while (pos < buf.length && buf[pos] !== 0x20 && buf[pos] !== 0x0a && buf[pos] !== 0x0d && buf[pos] !== 0x09)
      f += String.fromCharCode(buf[pos++] as number);
    fields.push(f);
  }
  pos++;
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { gray: new Uint8Array(buf.subarray(pos, pos + width * height)), width, height };
}
