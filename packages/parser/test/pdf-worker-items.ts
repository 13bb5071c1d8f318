/**
 * Run by pdf-worker-code.test.ts in a process of its own (pdf.js keeps the first worker code it
 * is given): reads the PDFs named on the command line and prints, as JSON, whether font programs
 * were left out and the text items of every page.
 */
import { readFileSync } from "node:fs";
import { readPdfContent } from "../src/sources/pdf.js";
import { loadWorkerCode } from "../src/sources/pdf-worker-code.js";

const { changed } = await loadWorkerCode();
const contents = [];
for (const file of process.argv.slice(2)) contents.push(await readPdfContent(readFileSync(file)));
process.stdout.write(JSON.stringify({ changed, contents }));
