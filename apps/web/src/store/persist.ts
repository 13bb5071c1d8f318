/**
 * Keeps the store's draft in browser storage: written shortly after each change and at once when
 * the page is hidden or left; a newer draft written by another tab (seen on write or by the
 * `storage` event) stops this tab's writes until the user chooses which draft to keep.
 */
import { MESSAGES } from "../i18n.js";
import { DRAFT_KEY, type DraftStorage } from "./draft-storage.js";
import type { FormState, FormStore } from "./form-store.js";

export interface PageEvents {
  addEventListener(type: string, fn: (e: Event) => void): void;
  removeEventListener(type: string, fn: (e: Event) => void): void;
}

export class DraftSync {
  private pending = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private warned = false;
  private last: FormState;

  constructor(
    private readonly store: FormStore,
    private readonly storage: DraftStorage,
    private readonly download: (name: string, text: string) => void,
  ) {
    this.last = store.get();
    store.subscribe((s) => this.changed(s));
  }

  private changed(s: FormState): void {
    if (s.draft === this.last.draft && s.entries === this.last.entries) return;
    this.last = s;
    this.pending = true;
    // Written after the keystroke is drawn, so storage never counts against the keystroke budget.
    this.timer ??= setTimeout(() => this.flush(), 0);
  }

  /** Writes a pending change; never over a newer draft of another tab. */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending || this.store.get().conflict) return;
    const s = this.store.get();
    const result = this.storage.write(s.draft, s.entries);
    if (result === "newer-elsewhere") this.store.set({ conflict: true });
    else this.pending = false;
    if (result === "failed" && !this.warned) {
      this.warned = true;
      this.store.set({ notice: { kind: "error", text: MESSAGES[s.lang].storageFailed } });
    }
  }

  /** Another tab wrote the draft key. */
  external(key: string | null): void {
    if (key !== DRAFT_KEY && key !== null) return;
    if (this.storage.storedRevision() > this.storage.revision) this.store.set({ conflict: true });
  }

  /** The user chose the other tab's newer draft. */
  loadNewer(): void {
    const stored = this.storage.adopt();
    this.pending = false;
    if (!stored) {
      this.store.set({ conflict: false });
      return;
    }
    this.last = { ...this.store.get(), draft: stored.draft, entries: stored.entries };
    this.store.set({ draft: stored.draft, entries: stored.entries, readings: [], conflict: false });
  }

  /** The user chose this tab's draft: it replaces the other one. */
  keepMine(): void {
    const s = this.store.get();
    this.storage.write(s.draft, s.entries, true);
    this.pending = false;
    this.store.set({ conflict: false });
  }

  /** The unreadable draft kept under a backup key, as a file. */
  downloadBackup(key: string): void {
    const text = this.storage.backupText(key);
    if (text !== undefined) this.download(`${key.replace(/[^\w-]+/g, "_")}.json`, text);
  }

  /** Listens to the page: hidden or left → flush; another tab's write → conflict; unsaved → ask before leaving. */
  attach(win: PageEvents, doc: { visibilityState: string } & PageEvents): () => void {
    const onHide = () => this.flush();
    const onVisibility = () => {
      if (doc.visibilityState === "hidden") this.flush();
    };
    const onStorage = (e: Event) => this.external((e as StorageEvent).key);
    const onBeforeUnload = (e: Event) => {
      if (!this.store.get().draft.dirty) return;
      e.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      (e as BeforeUnloadEvent).returnValue = "";
    };
    win.addEventListener("pagehide", onHide);
    win.addEventListener("storage", onStorage);
    win.addEventListener("beforeunload", onBeforeUnload);
    doc.addEventListener("visibilitychange", onVisibility);
    return () => {
      win.removeEventListener("pagehide", onHide);
      win.removeEventListener("storage", onStorage);
      win.removeEventListener("beforeunload", onBeforeUnload);
      doc.removeEventListener("visibilitychange", onVisibility);
    };
  }
}
