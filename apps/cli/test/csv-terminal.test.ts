/**
 * CSV sent to a terminal is cleaned of escape sequences and control characters from file names
 * and report text, as every other output to a terminal is; CSV's own quoting and the formula
 * prefix stay. A CSV written to a file or a pipe keeps the text as it is.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvText } from "../src/util/csv.js";
import { fx, runCli, runCliOnTerminal } from "./helpers.js";

function evil(): string {
  const dir = mkdtempSync(join(tmpdir(), "gr-csv-"));
  const report = JSON.parse(readFileSync(fx("seed-2020"), "utf8"));
  report.agency.name = "=某局\u001b]0;owned\u0007\u001b[2J二处";
  const file = join(dir, "evil\u001b[31mRED\u001b[0m.json");
  writeFileSync(file, JSON.stringify(report));
  return file;
}

const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

describe.runIf(existsSync("/usr/bin/script"))("CSV on a terminal", () => {
  it.each([
    ["export", []],
    ["check", ["--format", "csv"]],
  ])("%s writes no escape sequence or control character to the terminal", (command, extra) => {
    const r = runCliOnTerminal([command, evil(), ...extra]);
    expect(r.stdout).toContain("'=某局二处");
    expect(r.stdout).toContain("evilRED.json");
    expect(r.stdout.replace(/\r\n/g, "")).not.toMatch(CONTROLS);
  });

  it("keeps the text as it is in a file or a pipe", () => {
    const r = runCli(["export", evil()]);
    expect(r.stdout).toContain("'=某局\u001b]0;owned\u0007\u001b[2J二处");
  });
});

describe("csvText", () => {
  it("cleans a field for a terminal, keeping the quoting and the formula prefix", () => {
    expect(csvText('=a\u001b[2J,"b"\u0007', true)).toBe('"\'=a,""b"" "');
    expect(csvText("a\u0007", false)).toBe("a\u0007");
  });
});
