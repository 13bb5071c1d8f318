/**
 * The form's state and every action on it, framework-free: the Preact components only render
 * `get()` and `derived()` and call these methods. Side effects the store cannot do itself (a
 * confirmation dialog, a download, the renderer, the parser) come in as dependencies, so the
 * store runs unchanged in unit tests.
 */
import { type Edition, type FieldMeta, getAt, type Path, type Report } from "@gov-report/core/lite";
import type { Diagnostic } from "@gov-report/parser";
import { MESSAGES, type Messages } from "../i18n.js";
import type { Rendered } from "../io/render.js";
import { type OpenResult, reportFileName, reportJson } from "../io/report-file.js";
import {
  cellsLostBySwitch,
  type Draft,
  newDraft,
  setHeaderValue,
  setManualTotals,
  setValue,
  switchEdition,
  totalsThatDiffer,
} from "../model/draft.js";
import type { Lang } from "../model/labels.js";
import { META } from "../model/meta.js";
import { endUpdate, startUpdate } from "../perf.js";
import { type CellEdit, dropEntries, type Entries, pasteBlock, settleEntry, typeTexts } from "./cell-edits.js";
import { type Derived, derive } from "./derive.js";
import { History } from "./history.js";
import { type Opened, openedFrom, type Previous, readingsWithout, startedFrom } from "./opening.js";

export type Notice = { kind: "info" | "error"; text: string; list?: string[]; backupKey?: string } | undefined;

export type Offer = { kind: "replace"; opened: Opened } | { kind: "start"; from: Previous } | undefined;

export interface FormState {
  lang: Lang;
  draft: Draft;
  /** Texts as typed into value cells, kept while they differ from how the value prints (or are refused). */
  entries: Entries;
  /** Narrative sections the user has typed in: their empty-text warning may show. */
  touched: ReadonlySet<string>;
  /** The user asked to check, preview, print or save: every warning shows. */
  asked: boolean;
  /** What the parser said about cells of the document this draft was read from. */
  readings: readonly Diagnostic[];
  previous: Previous | undefined;
  offer: Offer;
  notice: Notice;
  /** The rendered report while the preview is open; `print` asks the page to print once shown. */
  preview: (Rendered & { print: boolean }) | undefined;
  /** Another tab stored a newer draft: this tab writes nothing until the user chooses. */
  conflict: boolean;
  busy: boolean;
}

export interface StoreDeps {
  confirm(message: string): boolean;
  download(name: string, data: string | Uint8Array, type: string): void;
  openFile(file: { name: string; bytes: Uint8Array }): Promise<OpenResult>;
  renderHtml(report: Report): Promise<Rendered>;
  renderDocx(report: Report): Promise<Uint8Array>;
  storeLang(lang: Lang): void;
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function initialState(lang: Lang, draft: Draft = newDraft()): FormState {
  return {
    lang,
    draft,
    entries: {},
    touched: new Set(),
    asked: false,
    readings: [],
    previous: undefined,
    offer: undefined,
    notice: undefined,
    preview: undefined,
    conflict: false,
    busy: false,
  };
}

export class FormStore {
  private state: FormState;
  private readonly listeners = new Set<(s: FormState) => void>();
  readonly history = new History();

  constructor(
    private readonly deps: StoreDeps,
    initial: FormState,
  ) {
    this.state = initial;
  }

  get(): FormState {
    return this.state;
  }

  get t(): Messages {
    return MESSAGES[this.state.lang];
  }

  get meta() {
    return META.editions[this.state.draft.report.edition];
  }

  subscribe(fn: (s: FormState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Replaces part of the state and tells every subscriber. */
  set(patch: Partial<FormState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn(this.state);
  }

  derived(): Derived {
    const s = this.state;
    return derive({
      report: s.draft.report,
      previous: s.previous?.report,
      entries: s.entries,
      touched: s.touched,
      asked: s.asked,
      readings: s.readings,
      lang: s.lang,
    });
  }

  /** Marks the start of an edit for the keystroke budget (the page ends it once the form is drawn). */
  private edit(patch: Partial<FormState>): void {
    startUpdate();
    this.set(patch);
  }

  /** Remembers the draft before an edit, for undo. */
  private remember(field?: string): void {
    this.history.record({ draft: this.state.draft, entries: this.state.entries }, field);
  }

  undo(): void {
    const s = this.history.undo({ draft: this.state.draft, entries: this.state.entries });
    if (s) this.edit({ draft: s.draft, entries: s.entries });
  }

  redo(): void {
    const s = this.history.redo({ draft: this.state.draft, entries: this.state.entries });
    if (s) this.edit({ draft: s.draft, entries: s.entries });
  }

  /** The page calls this once the edit is on screen. */
  drawn(): void {
    endUpdate();
  }

  private cellEdit(next: CellEdit, ids: readonly string[]): void {
    this.edit({ ...next, readings: readingsWithout(this.state.readings, ids) });
  }

  // ---- cells ----------------------------------------------------------------------------------

  private field(id: string): FieldMeta | undefined {
    return this.meta.fields[id];
  }

  typeCell(id: string, text: string): void {
    const f = this.field(id);
    if (!f) return;
    this.remember(id);
    this.cellEdit(typeTexts(this.state, [{ field: f, text }]), [id]);
  }

  leaveCell(id: string): void {
    const f = this.field(id);
    if (!f) return;
    this.history.endRun();
    const entries = settleEntry(this.state.entries, f, getAt(this.state.draft.report, f.path));
    if (entries !== this.state.entries) this.set({ entries });
  }

  pasteCells(start: string, text: string): void {
    this.remember();
    const next = pasteBlock(this.state, this.meta, start, text);
    this.cellEdit(next, Object.keys(next.entries));
    if (next.skipped) this.set({ notice: { kind: "error", text: this.t.pasteSkipped(next.skipped) } });
  }

  typeText(field: string, text: string): void {
    this.remember(field);
    const touched = new Set(this.state.touched).add(field);
    this.edit({ draft: setValue(this.state.draft, [field], text), touched });
  }

  setHeader(path: Path, value: string | number | null): void {
    this.remember(path.join("."));
    this.edit({ draft: setHeaderValue(this.state.draft, path, value) });
  }

  setEdition(to: Edition): void {
    const lost = cellsLostBySwitch(this.state.draft, to);
    if (lost.length && !this.deps.confirm(this.t.confirmEdition(lost.length, to))) {
      this.set({ draft: { ...this.state.draft } }); // redrawn: the select shows the edition again
      return;
    }
    this.remember();
    this.edit({ draft: switchEdition(this.state.draft, to), entries: {}, readings: [] });
  }

  setManualTotals(manual: boolean): void {
    const draft = this.state.draft;
    const differ = manual ? 0 : totalsThatDiffer(draft.report).length;
    if (differ && !this.deps.confirm(this.t.confirmAutoTotals(differ))) {
      this.set({ draft: { ...draft } });
      return;
    }
    const totals = Object.values(this.meta.fields)
      .filter((f) => f.sumOf)
      .map((f) => f.id);
    const entries = manual ? this.state.entries : dropEntries(this.state.entries, totals);
    this.remember();
    this.edit({ draft: setManualTotals(draft, manual), entries });
  }

  // ---- whole reports ------------------------------------------------------------------------

  /** Replaces the draft with another one: typed texts, warnings asked for and readings start afresh. */
  private replaceDraft(draft: Draft, readings: readonly Diagnostic[], notice: Notice): void {
    this.remember();
    this.edit({ draft, entries: {}, touched: new Set(), asked: false, readings, offer: undefined, notice });
  }

  newReport(): void {
    if (this.state.draft.dirty && !this.deps.confirm(this.t.confirmNew)) return;
    this.replaceDraft(newDraft(), [], undefined);
    this.set({ previous: undefined });
  }

  private async read(file: { name: string; bytes: Uint8Array }, failed: (name: string, why: string) => string) {
    this.set({ busy: true, notice: { kind: "info", text: this.t.starting(file.name) } });
    const result = await this.deps.openFile(file);
    this.set({ busy: false });
    const opened = openedFrom(result, file.name, this.t, this.state.lang);
    if ("failure" in opened) {
      this.set({ notice: { kind: "error", text: failed(file.name, opened.failure), list: opened.list } });
      return undefined;
    }
    return opened;
  }

  /** Opens a report file (any kind) as a new draft; a draft with unsaved changes is kept until the user agrees. */
  async openFile(file: { name: string; bytes: Uint8Array }): Promise<void> {
    const opened = await this.read(file, this.t.openFailed);
    if (!opened) return;
    if (this.state.draft.dirty)
      this.set({ offer: { kind: "replace", opened }, notice: { kind: "info", text: this.t.offerReplace(file.name) } });
    else this.useOpened(opened);
  }

  private useOpened(o: Opened): void {
    // Totals that do not add up are kept as printed (that is what checking a received report finds).
    const differ = totalsThatDiffer(o.report).length;
    const notice: Notice =
      differ && o.notice ? { ...o.notice, text: `${o.notice.text}${this.t.manualKept(differ)}` } : o.notice;
    this.replaceDraft({ report: o.report, manualTotals: differ > 0, dirty: o.kind !== "json" }, o.readings, notice);
  }

  /** Last year's report (any kind): kept for the cross-year checks, and offered as a start for this year. */
  async loadPrevious(file: { name: string; bytes: Uint8Array }): Promise<void> {
    const opened = await this.read(file, this.t.previousFailed);
    if (!opened) return;
    const from: Previous = { report: opened.report, name: file.name };
    const year = Number(opened.report.year);
    this.set({
      previous: from,
      offer: { kind: "start", from },
      notice: { kind: "info", text: this.t.offerStart(year, year + 1) },
    });
  }

  acceptOffer(): void {
    const offer = this.state.offer;
    if (offer?.kind === "replace") this.useOpened(offer.opened);
    if (offer?.kind === "start") this.startFrom(offer.from);
  }

  dismissOffer(): void {
    this.set({ offer: undefined, notice: undefined });
  }

  private startFrom(from: Previous): void {
    if (this.state.draft.dirty && !this.deps.confirm(this.t.confirmStartOverDirty)) return;
    const started = startedFrom(from, this.t, this.state.lang);
    if ("report" in started)
      this.replaceDraft({ report: started.report, manualTotals: false, dirty: true }, [], started.notice);
    else this.set({ notice: started.notice });
  }

  clearPrevious(): void {
    this.set({ previous: undefined, offer: this.state.offer?.kind === "start" ? undefined : this.state.offer });
  }

  // ---- checking and handing in --------------------------------------------------------------

  /** "Check": every warning shows from now on, and the notice says what was found. */
  check(): void {
    this.set({ asked: true });
    const d = this.derived();
    this.set({
      notice: { kind: "info", text: d.issues.length ? this.t.checked(d.errors, d.warnings) : this.t.checkedNone },
    });
  }

  /** True when the user wants to go on: no own errors, or agreed to hand in with them. */
  private readyToHandIn(ask: (n: number) => string): boolean {
    this.set({ asked: true });
    const errors = this.derived().issues.filter((i) => i.severity === "error" && !i.crossYear).length;
    return !errors || this.deps.confirm(ask(errors));
  }

  saveJson(): void {
    if (!this.readyToHandIn(this.t.saveWithErrors)) return;
    const name = reportFileName(this.state.draft.report);
    this.deps.download(name, reportJson(this.state.draft.report), "application/json");
    this.set({ draft: { ...this.state.draft, dirty: false }, notice: { kind: "info", text: this.t.saved(name) } });
  }

  async downloadDocx(): Promise<void> {
    if (!this.readyToHandIn(this.t.docxWithErrors)) return;
    const name = reportFileName(this.state.draft.report, "docx");
    try {
      const bytes = await this.deps.renderDocx(this.state.draft.report as unknown as Report);
      this.deps.download(name, bytes, DOCX);
      this.set({ notice: { kind: "info", text: this.t.docxSaved(name) } });
    } catch (e) {
      this.set({ notice: { kind: "error", text: this.t.handInFailed(e instanceof Error ? e.message : "?") } });
    }
  }

  async openPreview(print = false): Promise<void> {
    this.set({ asked: true });
    try {
      const rendered = await this.deps.renderHtml(this.state.draft.report as unknown as Report);
      this.set({ preview: { ...rendered, print } });
    } catch (e) {
      this.set({ notice: { kind: "error", text: `${this.t.rendererMissing} ${e instanceof Error ? e.message : ""}` } });
    }
  }

  closePreview(): void {
    this.set({ preview: undefined });
  }

  toggleLang(): void {
    const lang: Lang = this.state.lang === "zh" ? "en" : "zh";
    this.deps.storeLang(lang);
    this.set({ lang });
  }

  dismissNotice(): void {
    this.set({ notice: undefined });
  }
}
