/** What every route handler can reach. */
import type { Db } from "../db/connect.js";
import type { Importer } from "../ingest/importer.js";
import type { Ctx } from "./router.js";

export interface Limits {
  /** One uploaded file. */
  fileBytes: number;
  /** One uploaded .zip. */
  zipBytes: number;
  /** All files inside one .zip together. */
  zipTotalBytes: number;
  zipEntries: number;
}

export const DEFAULT_LIMITS: Limits = {
  fileBytes: 64 * 1024 * 1024,
  zipBytes: 512 * 1024 * 1024,
  zipTotalBytes: 1024 * 1024 * 1024,
  zipEntries: 5000,
};

export interface Desk {
  store: Db;
  importer: Importer;
  limits: Limits;
}

/** A route handler that needs the desk. */
export type DeskHandler = (desk: Desk, ctx: Ctx) => Promise<void>;

/** Binds desk handlers to one desk, for a router. */
export const handlersOf =
  (desk: Desk) =>
  (h: DeskHandler) =>
  (ctx: Ctx): Promise<void> =>
    h(desk, ctx);
