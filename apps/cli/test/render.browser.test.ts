import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, runCli } from "./helpers.js";

const fx = (name: string) => join(FIXTURES, `${name}.expected.json`);
const tmp = () => mkdtempSync(join(tmpdir(), "gr-render-"));

// Needs Chromium: run with `npm run test:browser`.
describe("gov-report render --to pdf", () => {
  it("renders PDFs with one browser into --out-dir", () => {
    const dir = tmp();
    const r = runCli(["render", fx("seed-2020"), fx("huaian-2024"), "--to", "pdf", "--out-dir", dir]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    for (const f of ["seed-2020.expected.pdf", "huaian-2024.expected.pdf"]) {
      expect(readFileSync(join(dir, f)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
  }, 180_000);
});
