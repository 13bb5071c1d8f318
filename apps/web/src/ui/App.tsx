/**
 * The page: renders the store's state (toolbar, notices, the report form, the checks, the preview)
 * and wires page-wide events (dropping a file, Ctrl+P). No state of the report is kept here.
 */
import { getAt } from "@gov-report/core/lite";
import { useEffect, useLayoutEffect, useMemo, useRef } from "preact/hooks";
import { pathId } from "../model/issues.js";
import { reportHeading } from "../model/title.js";
import { lastTextOverlap } from "../store/derive.js";
import type { FormState, FormStore } from "../store/form-store.js";
import type { DraftSync } from "../store/persist.js";
import { Banner } from "./Banner.js";
import { headerId } from "./HeaderFields.js";
import { IssuePanel } from "./IssuePanel.js";
import { KeyMoves } from "./keys.js";
import { type CellHandlers, inputId } from "./NumberCell.js";
import { PreviewDialog } from "./PreviewDialog.js";
import { ReportForm } from "./ReportForm.js";
import { textId } from "./TextSection.js";
import { Toolbar } from "./Toolbar.js";
import { useTopbarHeight } from "./topbar-height.js";
import { useStore } from "./use-store.js";

function focusPath(path: readonly (string | number)[]): void {
  const id = pathId(path[0] === "agency" ? ["agency", "name"] : path);
  const el =
    document.getElementById(inputId(id)) ??
    document.getElementById(textId(id)) ??
    document.getElementById(headerId(id));
  if (el) {
    el.scrollIntoView({ block: "center" });
    el.focus();
  }
}

function useCellHandlers(store: FormStore): CellHandlers {
  return useMemo(() => {
    const moves = new KeyMoves(() => store.get().draft.report.edition);
    return {
      type: (f, text) => store.typeCell(f, text),
      paste: (f, text) => store.pasteCells(f, text),
      leave: (f) => store.leaveCell(f),
      key: (f, e) => moves.key(f, e),
      focus: (f) => moves.focus(f),
    };
  }, [store]);
}

/** Dropping a file anywhere on the page opens it; Ctrl+P prints the report, not the form. */
function usePageEvents(store: FormStore): void {
  useEffect(() => {
    const onDragOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    };
    const onDrop = async (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      await store.openFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    };
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      // Undo and redo are the form's own (a step per field's run of typing), not the input's.
      if (key === "z" || key === "y") {
        e.preventDefault();
        if (key === "y" || e.shiftKey) store.redo();
        else store.undo();
        return;
      }
      if (key !== "p" || store.get().preview) return;
      // With the preview open the browser prints it as it is; otherwise open it and print.
      e.preventDefault();
      void store.openPreview(true);
    };
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("drop", onDrop);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("drop", onDrop);
      window.removeEventListener("keydown", onKey);
    };
  }, [store]);
}

function previousInfo(store: FormStore, s: FormState): string | undefined {
  if (!s.previous) return undefined;
  const r = s.previous.report;
  const overlap = lastTextOverlap();
  return [
    store.t.previousLoaded(getAt(r, ["year"]), String(getAt(r, ["agency", "name"]) ?? "")),
    overlap !== undefined ? store.t.textOverlap(Math.round(overlap * 100)) : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

export function App({ store, sync }: { store: FormStore; sync: DraftSync }) {
  const s = useStore(store);
  const derived = store.derived();
  const handlers = useCellHandlers(store);
  const heading = reportHeading(s.draft.report, s.lang);
  usePageEvents(store);
  const topbar = useRef<HTMLElement>(null);
  useTopbarHeight(topbar);
  useLayoutEffect(() => store.drawn(), [s.draft, s.entries]);
  useEffect(() => {
    document.documentElement.lang = s.lang === "zh" ? "zh-CN" : "en";
    document.title = `${heading} · ${store.t.appTitle}`;
  }, [s.lang, heading, store]);
  return (
    <div class={`app${s.preview ? " previewing" : ""}`}>
      <header class="topbar" ref={topbar}>
        <p class="app-name">{store.t.appTitle}</p>
        <Toolbar store={store} s={s} />
        <a class={`counts-chip${derived.errors ? "" : derived.warnings ? " warnings" : " none"}`} href="#issues">
          {derived.issues.length ? store.t.errorsWarnings(derived.errors, derived.warnings) : store.t.noIssues}
        </a>
      </header>
      <Banner store={store} sync={sync} s={s} />
      <main class="layout">
        <ReportForm store={store} s={s} derived={derived} handlers={handlers} heading={heading} />
        <aside class="side">
          <IssuePanel
            derived={derived}
            lang={s.lang}
            t={store.t}
            previousInfo={previousInfo(store, s)}
            onSelect={focusPath}
          />
        </aside>
      </main>
      {s.preview ? (
        <PreviewDialog
          rendered={s.preview}
          t={store.t}
          printOnOpen={s.preview.print}
          onClose={() => store.closePreview()}
        />
      ) : null}
    </div>
  );
}
