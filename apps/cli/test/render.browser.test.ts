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
    expect(r.code).toBe(0);
    // The batch ends with its summary line (and nothing else: no warning, no stack trace).
    expect(r.stderr.trim()).toBe(`共 2 个文件：已输出 2 个 pdf 文件到 ${dir}，其中 0 份有错误`);
    for (const f of ["seed-2020.expected.pdf", "huaian-2024.expected.pdf"]) {
      expect(readFileSync(join(dir, f)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
  }, 180_000);
});
