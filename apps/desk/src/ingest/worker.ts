/** A parse worker: receives { id, bytes, filename }, answers { id, analysis }. */
import { parentPort } from "node:worker_threads";
import { analyze } from "./analyze.js";

parentPort?.on("message", async (msg: { id: number; bytes: Uint8Array; filename: string }) => {
  let analysis: Awaited<ReturnType<typeof analyze>>;
  try {
    analysis = await analyze(msg.bytes, msg.filename);
  } catch (e) {
    const m = (e as Error)?.message ?? String(e);
    analysis = { kind: "text", error: { zh: `解析失败：${m}`, en: `parse failed: ${m}` } };
  }
  parentPort?.postMessage({ id: msg.id, analysis });
});
