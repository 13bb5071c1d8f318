import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validateReport } from "@gov-report/core";
import { describe, expect, it } from "vitest";
import { shapeOf } from "../scripts/eval.js";
import { corpusDocuments, expectedJson } from "../scripts/shapes/corpus.js";
import { SHAPES } from "../scripts/shapes/index.js";
import { CORPUS } from "./helpers.js";

// The generated part of the corpus is committed; it must be what the generators write, so that a
// change to a generator shows in the corpus files (regenerate: scripts/make-corpus.ts --shapes).
// Documents built on the renderer's HTML page are compared by their truth only: a change of the
// renderer's markup leaves the committed page a valid document of the same report.
describe("generated corpus documents", () => {
  const docs = corpusDocuments();

  it("covers every shape, both editions where the shape applies to both", () => {
    for (const s of SHAPES) {
      const editions = new Set(docs.filter((d) => d.shape === s).map((d) => d.expected.edition));
      expect([...editions].sort(), s.key).toEqual(s.editions ? [...s.editions] : ["2019", "2021"]);
    }
  });

  it("are committed as the generators write them, each with its expected report", () => {
    for (const d of docs) {
      if (!d.shape.rendered) expect(readFileSync(join(CORPUS, d.file), "utf8"), d.file).toBe(d.content);
      expect(readFileSync(join(CORPUS, d.expectedFile), "utf8"), d.expectedFile).toBe(expectedJson(d.expected));
    }
  });

  it("expect reports that keep every rule of the format", () => {
    for (const d of docs) {
      const errors = validateReport(d.expected).issues.filter((i) => i.severity === "error");
      expect(errors, d.file).toEqual([]);
    }
  });

  it("are each documented in the corpus README and scored as a shape of their own", () => {
    const readme = readFileSync(join(CORPUS, "README.md"), "utf8");
    for (const f of readdirSync(CORPUS)) {
      if (f === "README.md") continue;
      const variant = f
        .split(".")
        .slice(1, -1)
        .join(".")
        .replace(/\.expected$/, "");
      expect(readme, f).toContain(`.${variant}.`);
      if (!f.endsWith(".expected.json")) expect(shapeOf(f), f).not.toBe(variant);
    }
  });
});
