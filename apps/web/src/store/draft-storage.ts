/**
 * The draft in localStorage, never lost: each write carries a revision number, so a tab never
 * overwrites a newer draft another tab wrote (it asks first), and a stored draft that cannot be
 * read is moved to a backup key before a blank one starts. Framework-free: the key-value store is
 * passed in (localStorage in the page, a Map in tests).
 */
import { type Draft, restoreDraft } from "../model/draft.js";

export const DRAFT_KEY = "gov-report:web:draft:v1";
export const BACKUP_PREFIX = "gov-report:web:draft:backup:";

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What is stored: the draft, the texts typed into cells, and the revision that wrote it. */
export interface Stored {
  revision: number;
  draft: Draft;
  entries: Record<string, string>;
}

export type Loaded =
  | { kind: "none" }
  | { kind: "ok"; stored: Stored }
  | { kind: "corrupt"; backupKey: string | undefined; text: string };

export type WriteResult = "written" | "newer-elsewhere" | "failed";

function restoreEntries(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof v !== "object" || v === null) return out;
  for (const [k, t] of Object.entries(v)) if (typeof t === "string" && t.length <= 64) out[k] = t;
  return out;
}

/** A stored text read back; the first format (a bare draft, no revision) reads as revision 0. */
export function decodeStored(text: string): Stored | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const o = data as Record<string, unknown>;
  const enveloped = typeof o.revision === "number" && Number.isSafeInteger(o.revision) && o.revision >= 0;
  const draft = restoreDraft(enveloped ? o.draft : o);
  if (!draft) return undefined;
  return { revision: enveloped ? (o.revision as number) : 0, draft, entries: restoreEntries(o.entries) };
}

export class DraftStorage {
  /** The revision this tab last read or wrote: a stored revision above it was written elsewhere. */
  private base = 0;

  constructor(
    private readonly kv: KeyValue,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get revision(): number {
    return this.base;
  }

  load(): Loaded {
    let text: string | null;
    try {
      text = this.kv.getItem(DRAFT_KEY);
    } catch {
      return { kind: "none" };
    }
    if (text === null) return { kind: "none" };
    const stored = decodeStored(text);
    if (stored) {
      this.base = stored.revision;
      return { kind: "ok", stored };
    }
    return { kind: "corrupt", backupKey: this.backup(text), text };
  }

  /** Moves an unreadable text to a backup key of its own; undefined when the browser refused. */
  private backup(text: string): string | undefined {
    const key = `${BACKUP_PREFIX}${this.now().toISOString()}`;
    try {
      this.kv.setItem(key, text);
      this.kv.removeItem(DRAFT_KEY);
      return key;
    } catch {
      return undefined;
    }
  }

  /** The revision stored now (another tab may have written since). */
  storedRevision(): number {
    try {
      const text = this.kv.getItem(DRAFT_KEY);
      if (text === null) return 0;
      // Written first by `write`, so read without parsing the whole draft on every keystroke.
      const head = /^\{"revision":(\d{1,15}),/.exec(text);
      return head ? Number(head[1]) : (decodeStored(text)?.revision ?? 0);
    } catch {
      return 0;
    }
  }

  /** Writes unless a newer revision is stored (then nothing is written), or always with `force`. */
  write(draft: Draft, entries: Record<string, string>, force = false): WriteResult {
    const stored = this.storedRevision();
    if (stored > this.base && !force) return "newer-elsewhere";
    const revision = Math.max(stored, this.base) + 1;
    try {
      this.kv.setItem(DRAFT_KEY, JSON.stringify({ revision, draft, entries }));
    } catch {
      return "failed";
    }
    this.base = revision;
    return "written";
  }

  backupText(key: string): string | undefined {
    try {
      return key.startsWith(BACKUP_PREFIX) ? (this.kv.getItem(key) ?? undefined) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The newer draft another tab stored, taken as this tab's own. */
  adopt(): Stored | undefined {
    const loaded = this.load();
    return loaded.kind === "ok" ? loaded.stored : undefined;
  }
}
