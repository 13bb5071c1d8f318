/**
 * The parser speaks no Chinese of its own: every label and word of the format it looks for is
 * read from core. This walks the syntax tree of the parser's reading modules (TypeScript's own
 * parser, so comments are skipped and every literal is seen) for CJK ideographs in literals.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = join(dirname(fileURLToPath(import.meta.url)), "../src");

/**
 * Modules that may hold Chinese literals, and why: the messages a user reads (diagnostics,
 * reader limits, files the parse pool could not read), and website chrome (not words of the format: see the comment of chrome.ts).
 */
const MESSAGES_AND_CHROME = new Set(["diagnostics.ts", "limits.ts", "chrome.ts", "pool/messages.ts"]);
/** Every module of src/ (recursively) except those above: the readers, tables, strategies and evidence too. */
const CHECKED = (readdirSync(SRC, { recursive: true }) as string[])
  .map((f) => f.split("\\").join("/"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .sort();

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

const LITERALS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  // Identifiers are code too: a Chinese property key ("零: 0") is a literal of its own.
  ts.SyntaxKind.Identifier,
]);

/** The literals, template pieces and identifiers of a module that hold a CJK ideograph. */
function chineseLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(SRC, file), "utf8"), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (LITERALS.has(node.kind)) {
      const text = node.getText(source);
      if (CJK.test(text)) out.push(text);
    }
    node.forEachChild(visit);
  };
  visit(source);
  return out;
}

describe("no Chinese literal in the parser's reading modules", () => {
  it("the scanner finds Chinese literals where there are some (the check can fail)", () => {
    expect(chineseLiterals("chrome.ts").length).toBeGreaterThan(5);
    expect(chineseLiterals("diagnostics.ts").length).toBeGreaterThan(5);
  });

  it("checks every module of the parser", () => {
    expect(CHECKED).toContain("tables/proactive.ts");
    expect(CHECKED).toContain("sources/html.ts");
  });

  it.each(CHECKED.filter((f) => !MESSAGES_AND_CHROME.has(f)))("%s reads its words from core", (file) => {
    expect(chineseLiterals(file), relative(SRC, join(SRC, file))).toEqual([]);
  });
});
