/** pdf.js's worker module, loaded on the main thread in Node (pdf.js looks for it on `globalThis.pdfjsWorker`). */
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
