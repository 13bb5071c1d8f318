/**
 * Imports: one file (the API's POST /api/reports) or a batch (a .zip, POST /api/imports) whose
 * progress is kept in the database. Each file is its own transaction, so a crash mid-batch leaves
 * every finished file imported and no file half-imported.
 */
import type { Db } from "../db/connect.js";
import { type Analysis, analyze, sniffKind } from "./analyze.js";
import type { ParsePool } from "./pool.js";
import { findBySha, type ImportSummary, sha256Hex, storeVersion } from "./store.js";
import type { ZipEntry } from "./zip.js";

/** JSON files up to this size are analysed on the main thread. */
const INLINE_JSON_BYTES = 512 * 1024;

export type ImportOutcome =
  | { status: "created" | "existing"; summary: ImportSummary }
  | { status: "unreadable"; reason: { zh: string; en: string } };

export class Importer {
  constructor(
    private readonly store: Db,
    private readonly pool: ParsePool,
  ) {}

  async importFile(bytes: Uint8Array, filename: string, actor: string): Promise<ImportOutcome> {
    const sha = sha256Hex(bytes);
    const known = await findBySha(this.store.db, sha);
    if (known) return { status: "existing", summary: known };
    // A small JSON report is read and validated here (well under a millisecond); a round trip to a
    // worker would cost more than the work. Documents and large files go to the pool.
    const analysis: Analysis =
      bytes.length <= INLINE_JSON_BYTES && sniffKind(bytes, filename) === "json"
        ? await analyze(bytes, filename)
        : await this.pool.run(bytes, filename);
    if (analysis.error || !analysis.agency || analysis.year === undefined || !analysis.reportJson || !analysis.issues)
      return { status: "unreadable", reason: analysis.error ?? { zh: "无法读取", en: "unreadable" } };
    const { created, summary } = await storeVersion(this.store, {
      bytes,
      sha,
      filename,
      actor,
      analysis: {
        ...analysis,
        agency: analysis.agency,
        year: analysis.year,
        reportJson: analysis.reportJson,
        issues: analysis.issues,
      },
    });
    return { status: created ? "created" : "existing", summary };
  }

  /** Starts a batch import and returns its id at once; the files are imported in the background. */
  async startBatch(filename: string, entries: ZipEntry[], actor: string): Promise<number> {
    const at = new Date().toISOString();
    const row = await this.store.db
      .insertInto("imports")
      .values({
        filename,
        total: entries.length,
        done: 0,
        failed: 0,
        status: "running",
        started_at: at,
        finished_at: null,
        started_by: actor,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    void this.runBatch(row.id, entries, actor);
    return row.id;
  }

  private async runBatch(importId: number, entries: ZipEntry[], actor: string): Promise<void> {
    const { db } = this.store;
    // As many files in flight as the pool has workers, so every core parses.
    let next = 0;
    const one = async (): Promise<void> => {
      while (next < entries.length) {
        const e = entries[next++]!;
        let outcome: ImportOutcome;
        try {
          outcome = await this.importFile(e.bytes, e.name, actor);
        } catch (err) {
          outcome = {
            status: "unreadable",
            reason: { zh: `导入失败：${(err as Error).message}`, en: `import failed: ${(err as Error).message}` },
          };
        }
        await this.record(importId, e.name, outcome).catch(() => undefined);
        // SQLite answers through resolved promises only: without this the batch would run from
        // microtask to microtask and no other request would be served until it ends.
        await new Promise((r) => setImmediate(r));
      }
    };
    await Promise.all(Array.from({ length: Math.min(entries.length, 4) }, one));
    await db
      .updateTable("imports")
      .set({ status: "finished", finished_at: new Date().toISOString() })
      .where("id", "=", importId)
      .execute()
      .catch(() => undefined);
  }

  private async record(importId: number, name: string, outcome: ImportOutcome): Promise<void> {
    const failed = outcome.status === "unreadable";
    await this.store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("import_items")
        .values({
          import_id: importId,
          filename: name,
          status: outcome.status,
          reason: failed ? JSON.stringify(outcome.reason) : null,
          report_id: failed ? null : outcome.summary.id,
        })
        .execute();
      await trx
        .updateTable("imports")
        .set((eb) => ({ done: eb("done", "+", 1), failed: eb("failed", "+", failed ? 1 : 0) }))
        .where("id", "=", importId)
        .execute();
    });
  }

  /** Batches left running by a server that stopped (or was killed) are marked interrupted. */
  async markInterrupted(): Promise<void> {
    await this.store.db.updateTable("imports").set({ status: "interrupted" }).where("status", "=", "running").execute();
  }
}
