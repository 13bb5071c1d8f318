/** Batch imports from a .zip, with their progress. */
import { ZipError, zipEntries } from "../../ingest/zip.js";
import type { BatchItem, BatchStarted, BatchStatus } from "../api-types.js";
import type { Desk } from "../desk.js";
import { idParam } from "../params.js";
import { badField, HttpError, notFound, readBody, sendJson } from "../respond.js";
import type { Router } from "../router.js";
import { uploadName } from "./reports.js";

export function importRoutes(r: Router, desk: Desk): void {
  r.post("/api/imports", async ({ req, res, url, actor }) => {
    const filename = uploadName(url);
    const bytes = await readBody(req, desk.limits.zipBytes);
    let entries: ReturnType<typeof zipEntries>;
    try {
      entries = zipEntries(new Uint8Array(bytes), {
        maxEntryBytes: desk.limits.fileBytes,
        maxTotalBytes: desk.limits.zipTotalBytes,
        maxEntries: desk.limits.zipEntries,
      });
    } catch (e) {
      if (!(e instanceof ZipError)) throw e;
      throw new HttpError(
        422,
        "zip.unreadable",
        "body",
        `无法读取压缩包：${e.message}`,
        `cannot read the zip: ${e.message}`,
      );
    }
    if (entries.length === 0)
      throw badField(
        "body",
        "压缩包中没有可导入的文件（PDF、Word、HTML、文本、JSON）",
        "the zip holds no importable file",
        422,
      );
    const id = await desk.importer.startBatch(filename, entries, actor.name);
    sendJson(res, 202, { id, total: entries.length } satisfies BatchStarted);
  });

  r.get("/api/imports", async ({ res }) => {
    const rows = await desk.store.db.selectFrom("imports").selectAll().orderBy("id", "desc").limit(50).execute();
    sendJson(res, 200, rows);
  });

  r.get("/api/imports/{id}", async ({ res, params }) => {
    const id = idParam(params.id);
    const head = await desk.store.db.selectFrom("imports").selectAll().where("id", "=", id).executeTakeFirst();
    if (!head) throw notFound("import");
    const items = await desk.store.db
      .selectFrom("import_items")
      .select(["filename", "status", "reason", "report_id as reportId"])
      .where("import_id", "=", id)
      .orderBy("id", "asc")
      .execute();
    const body: BatchStatus = {
      ...head,
      items: items.map((i) => ({
        ...i,
        // The importer writes only an outcome's status in this column.
        status: i.status as BatchItem["status"],
        reason: i.reason ? (JSON.parse(i.reason) as { zh: string; en: string }) : null,
      })),
    };
    sendJson(res, 200, body);
  });
}
