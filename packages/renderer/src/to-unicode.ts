/**
 * Chromium maps a glyph that a CJK font shares between a radical and an ideograph (⼯/工, ⻔/门)
 * to the radical in the PDF's ToUnicode map, so text copied from or extracted out of the PDF reads
 * "部⻔" for 部门 — a fault the format reference lists for real reports. This rewrites those
 * ToUnicode entries to the ideographs, so our PDFs extract as the text they show.
 */
import { ideographForRadical } from "@gov-report/core/lite";
import { decodePDFRawStream, PDFDict, type PDFDocument, PDFName, PDFRawStream, PDFRef } from "pdf-lib";

/** UTF-16BE hex of a string, as ToUnicode destinations are written (surrogate pairs beyond the BMP). */
const hex4 = (s: string) => {
  let out = "";
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0");
  return out;
};

/** Destination hex (UTF-16BE) with a radical replaced by its ideograph; other values unchanged. */
function fixDestination(hex: string): string {
  if (hex.length !== 4) return hex;
  const ideograph = ideographForRadical(Number.parseInt(hex, 16));
  return ideograph ? hex4(ideograph) : hex;
}

/** Rewrites a ToUnicode CMap program; bfrange entries that reach a radical become bfchar entries. */
export function fixCMap(cmap: string): string {
  const lines = cmap.split("\n");
  const out: string[] = [];
  let mode: "none" | "char" | "range" = "none";
  let extraChars: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (t.endsWith("beginbfchar")) mode = "char";
    else if (t.endsWith("beginbfrange")) mode = "range";
    else if (t === "endbfchar" || t === "endbfrange") mode = "none";
    else if (mode === "char") {
      const m = /^<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>$/.exec(t);
      if (m) {
        out.push(`<${m[1]}> <${fixDestination(m[2] as string)}>`);
        continue;
      }
    } else if (mode === "range") {
      const m = /^<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>$/.exec(t);
      if (m) {
        const [lo, hi, dst] = [m[1] as string, m[2] as string, m[3] as string].map((h) => Number.parseInt(h, 16)) as [
          number,
          number,
          number,
        ];
        const touches = Array.from({ length: hi - lo + 1 }, (_, k) => ideographForRadical(dst + k)).some(Boolean);
        if (touches) {
          const width = (m[1] as string).length;
          for (let k = 0; k <= hi - lo; k++) {
            const src = (lo + k).toString(16).toUpperCase().padStart(width, "0");
            extraChars.push(`<${src}> <${fixDestination((dst + k).toString(16).toUpperCase().padStart(4, "0"))}>`);
          }
          continue;
        }
      }
    }
    if (t === "endcmap" && extraChars.length) {
      // bfchar blocks hold at most 100 entries.
      for (let i = 0; i < extraChars.length; i += 100) {
        const chunk = extraChars.slice(i, i + 100);
        out.push(`${chunk.length} beginbfchar`, ...chunk, "endbfchar");
      }
      extraChars = [];
    }
    out.push(line);
  }
  return out.join("\n");
}

/** Fixes every font's ToUnicode map in a PDF document. */
export function fixToUnicodeMaps(doc: PDFDocument): void {
  const done = new Set<string>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    const ref = obj.get(PDFName.of("ToUnicode"));
    if (!(ref instanceof PDFRef) || done.has(ref.toString())) continue;
    done.add(ref.toString());
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const cmap = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
    const fixed = fixCMap(cmap);
    if (fixed !== cmap) doc.context.assign(ref, doc.context.flateStream(fixed));
  }
}
