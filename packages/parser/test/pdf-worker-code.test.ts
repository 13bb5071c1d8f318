import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadWorkerCode, PDFJS_WORKER_MODULE, withoutFontPrograms } from "../src/sources/pdf-worker-code.js";

const require = createRequire(import.meta.url);
const workerSource = () => readFileSync(require.resolve(PDFJS_WORKER_MODULE), "utf8");
const CALL = "return new Font(a.name,b,c,this.options)";
const IDENTITY = "class IdentityToUnicodeMap{}";
// Two processes, each loading pdf.js and reading PDFs: slow on a loaded machine.
const SLOW = 180_000;

describe("pdf.js's worker code without font programs", () => {
  it("changes the one call that makes a font in the installed build", () => {
    const changed = withoutFontPrograms(workerSource());
    expect(changed).toBeDefined();
    expect(changed?.match(/govReportFontProgram\(/g)).toHaveLength(2);
  });

  it("leaves a build it was not written for alone", () => {
    expect(withoutFontPrograms(`${IDENTITY}${CALL}`)).toContain("govReportFontProgram(b,c)");
    expect(withoutFontPrograms(IDENTITY)).toBeUndefined();
    expect(withoutFontPrograms(`${IDENTITY}${CALL}${CALL}`)).toBeUndefined();
    expect(withoutFontPrograms(CALL)).toBeUndefined();
  });

  it(
    "is what a Node reader loads",
    async () => {
      const code = await loadWorkerCode();
      expect(code.changed).toBe(true);
      expect(Object.keys(code.module as object)).toContain("WorkerMessageHandler");
    },
    SLOW,
  );

  it(
    "gives every PDF of the fixtures and the corpus the same text items as every font program read",
    async () => {
      const corpus = new URL("./corpus/", import.meta.url);
      const pdfs = [
        ...["hongze-2023", "hongze-2024", "huaian-2024"].map(
          (n) => new URL(`../../../fixtures/${n}.pdf`, import.meta.url),
        ),
        ...readdirSync(corpus)
          .filter((f) => f.endsWith(".pdf"))
          .map((f) => new URL(f, corpus)),
      ].map((u) => u.pathname);
      const read = async (env: NodeJS.ProcessEnv) => {
        const tsx = pathToFileURL(require.resolve("tsx/esm")).href;
        const script = new URL("./pdf-worker-items.ts", import.meta.url).pathname;
        const args = ["--import", tsx, "--conditions=@gov-report/source", script, ...pdfs];
        const { stdout } = await promisify(execFile)(process.execPath, args, { env, maxBuffer: 1 << 28 });
        return JSON.parse(stdout) as { changed: boolean; contents: unknown[] };
      };
      const [without, every] = await Promise.all([
        read({ ...process.env, GOV_REPORT_PDF_FONT_PROGRAMS: undefined }),
        read({ ...process.env, GOV_REPORT_PDF_FONT_PROGRAMS: "all" }),
      ]);
      expect([without.changed, every.changed]).toEqual([true, false]);
      expect(pdfs.length).toBeGreaterThan(10);
      expect(without.contents).toEqual(every.contents);
    },
    SLOW,
  );
});
