import { describe, expect, it } from "vitest";
import { newDraft, setValue } from "../src/model/draft.js";
import { BACKUP_PREFIX, DRAFT_KEY, DraftStorage, type KeyValue } from "../src/store/draft-storage.js";

class MemoryStorage implements KeyValue {
  readonly map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const draft = (n: number) => setValue(newDraft(2024), ["applications", "received", "business"], n);

describe("drafts in browser storage", () => {
  it("an unreadable stored draft is moved to a backup key, never dropped", () => {
    const kv = new MemoryStorage();
    kv.setItem(DRAFT_KEY, '{"report": {"edition": "2030"}}');
    const loaded = new DraftStorage(kv, () => new Date("2026-01-02T03:04:05Z")).load();
    expect(loaded.kind).toBe("corrupt");
    if (loaded.kind !== "corrupt") return;
    expect(loaded.backupKey).toBe(`${BACKUP_PREFIX}2026-01-02T03:04:05.000Z`);
    expect(kv.getItem(loaded.backupKey as string)).toBe('{"report": {"edition": "2030"}}');
    expect(kv.getItem(DRAFT_KEY)).toBeNull();
    expect(new DraftStorage(kv).backupText(loaded.backupKey as string)).toBe('{"report": {"edition": "2030"}}');
  });

  it("reads the first format (a bare draft) as revision 0", () => {
    const kv = new MemoryStorage();
    kv.setItem(DRAFT_KEY, JSON.stringify(draft(3)));
    const loaded = new DraftStorage(kv).load();
    expect(loaded.kind === "ok" && loaded.stored.revision).toBe(0);
  });

  it("two tabs: the older one never overwrites the newer draft unless told to", () => {
    const kv = new MemoryStorage();
    const a = new DraftStorage(kv);
    const b = new DraftStorage(kv);
    a.load();
    b.load();
    expect(a.write(draft(1), {})).toBe("written");
    expect(b.write(draft(2), {})).toBe("newer-elsewhere");
    expect(b.storedRevision()).toBe(1);
    const stored = b.adopt();
    expect(stored?.draft).toEqual(draft(1));
    expect(b.write(draft(3), { x: "1.5" })).toBe("written");
    expect(a.write(draft(4), {})).toBe("newer-elsewhere");
    expect(a.write(draft(4), {}, true)).toBe("written");
    expect(a.revision).toBe(3);
    const back = new DraftStorage(kv).load();
    expect(back.kind === "ok" && back.stored.draft).toEqual(draft(4));
  });

  it("says when the browser refuses to store", () => {
    const kv = new MemoryStorage();
    kv.setItem = () => {
      throw new Error("quota");
    };
    expect(new DraftStorage(kv).write(draft(1), {})).toBe("failed");
  });
});
