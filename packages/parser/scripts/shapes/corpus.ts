/**
 * The generated part of test/corpus/: for each shape, documents derived from two of the four
 * fixtures (the 2019 seed report where the shape applies to 2019, and a 2021 report taken in turn)
 * with random figures that keep every invariant, each with the report it must be read back as
 * (`<stem>.<shape>.expected.json`). Seeded: the same code always writes the same files, which
 * test/corpus-shapes.test.ts checks.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Report } from "@gov-report/core";
import { randomReport } from "./figures.js";
import { SHAPES, type Shape } from "./index.js";
import { prng } from "./random.js";

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = resolve(here, "../../../../fixtures");
export const CORPUS_SEED = 20261201;
const RECENT = ["huaian-2024", "hongze-2023", "hongze-2024"] as const;

export interface CorpusDocument {
  /** File name in test/corpus/, e.g. "seed-2020.pipe.txt". */
  file: string;
  /** File name of the expected report next to it. */
  expectedFile: string;
  content: string;
  expected: Report;
  shape: Shape;
  stem: string;
}

export const template = (stem: string): Report =>
  JSON.parse(readFileSync(join(FIXTURES, `${stem}.expected.json`), "utf8")) as Report;

function stemsFor(shape: Shape, index: number): string[] {
  const recent = RECENT[index % RECENT.length] as string;
  if (shape.editions && !shape.editions.includes("2019"))
    return [recent, RECENT[(index + 1) % RECENT.length] as string];
  return ["seed-2020", recent];
}

/** Every generated corpus document, in a fixed order. */
export function corpusDocuments(): CorpusDocument[] {
  const out: CorpusDocument[] = [];
  for (const [i, shape] of SHAPES.entries()) {
    for (const [j, stem] of stemsFor(shape, i).entries()) {
      const rand = prng(CORPUS_SEED + 100 * i + j);
      const { expected, content } = shape.make(randomReport(template(stem), rand), rand);
      const base = `${stem}.${shape.key}`;
      out.push({ file: `${base}.${shape.ext}`, expectedFile: `${base}.expected.json`, content, expected, shape, stem });
    }
  }
  return out;
}

/** The expected report as written to the corpus: two-space JSON and a final newline. */
export const expectedJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;
