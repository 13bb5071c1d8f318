import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Report } from "../src/index.js";

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../../fixtures");
export const FIXTURE_NAMES = ["seed-2020", "huaian-2024", "hongze-2023", "hongze-2024"] as const;

export function fixture(name: (typeof FIXTURE_NAMES)[number]): Report {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), "utf8")) as Report;
}

export const clone = <T>(v: T): T => structuredClone(v);

/** Errors as "code path" strings, for compact assertions. */
export const errorsOf = (issues: { severity: string; code: string; path: (string | number)[] }[]) =>
  issues.filter((i) => i.severity === "error").map((i) => `${i.code} ${i.path.join(".")}`);
