/**
 * The form: holds the draft, validates it on every change, and wires files, preview, storage and
 * keyboard moves. Layout comes from core's form metadata; no cell is written by hand here.
 */
import {
  buildFormMetadata,
  compareYears,
  type Edition,
  getAt,
  type Path,
  type Report,
  type ValidationIssue,
  validateReport,
} from "@gov-report/core/lite";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { download, parseReportFile, reportFileName, reportJson } from "../files.js";
import { MESSAGES, type Messages } from "../i18n.js";
import {
  cellsLostBySwitch,
  type Draft,
  type DraftReport,
  newDraft,
  setManualTotals,
  setValue,
  setValues,
  switchEdition,
  totalsThatDiffer,
} from "../model/draft.js";
import { indexIssues, pathId, sortIssues } from "../model/issues.js";
import { accessibleName, formulaText, type Lang } from "../model/labels.js";
import { neighbours, offsetField } from "../model/layout.js";
import { type NumericKind, parseNumberText, splitPastedGrid } from "../model/numbers.js";
import { endUpdate, startUpdate } from "../perf.js";
import { renderPreview } from "../preview.js";
import { loadDraft, loadLang, storeDraft, storeLang } from "../storage.js";
import { HeaderFields, headerId } from "./HeaderFields.js";
import { IssuePanel, type PanelIssue } from "./IssuePanel.js";
import { type CellHandlers, inputId } from "./NumberCell.js";
import { PreviewDialog } from "./PreviewDialog.js";
import { TableView } from "./TableView.js";
import { TextSection, textId } from "./TextSection.js";

const META = buildFormMetadata();

type Notice = { kind: "info" | "error"; text: string; issues?: ValidationIssue[] } | undefined;

interface Previous {
  report: unknown;
  name: string;
}

function initialState(t: Messages): { draft: Draft; notice: Notice } {
  const stored = loadDraft();
  if (stored.kind === "ok") return { draft: stored.draft, notice: { kind: "info", text: t.draftRestored } };
  return {
    draft: newDraft(),
    notice: stored.kind === "corrupt" ? { kind: "error", text: t.draftCorrupt } : undefined,
  };
}

/** Core reports a blank cell as "expected a number, got null"; the form says it plainly. */
function explainBlanks(issues: readonly ValidationIssue[], report: DraftReport): ValidationIssue[] {
  const fields = META.editions[report.edition].fields;
  return issues.map((i) => {
    if (i.code !== "structure.wrong-type" || getAt(report, i.path) !== null) return i;
    const f = fields[pathId(i.path)];
    const header = META.editions[report.edition].header.find((h) => pathId(h.path) === pathId(i.path));
    const zh = f?.label ?? header?.label ?? pathId(i.path);
    const en = f?.labelEn ?? header?.labelEn ?? pathId(i.path);
    return { ...i, message: MESSAGES.zh.blank(zh), messageEn: MESSAGES.en.blank(en) };
  });
}

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

export function App() {
  const [lang, setLang] = useState<Lang>(loadLang);
  const t = MESSAGES[lang];
  const [init] = useState(() => initialState(MESSAGES[lang]));
  const [draft, setDraft] = useState<Draft>(init.draft);
  const [notice, setNotice] = useState<Notice>(init.notice);
  const [previous, setPrevious] = useState<Previous | undefined>();
  const [preview, setPreview] = useState<{ html: string; print: boolean } | undefined>();
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const storageWarned = useRef(false);

  const edition = draft.report.edition;
  const meta = META.editions[edition];
  const nav = useMemo(() => neighbours(meta), [meta]);
  const names = useMemo(() => {
    const out: Record<string, string> = {};
    for (const f of Object.values(meta.fields)) out[f.id] = accessibleName(f, lang);
    return out;
  }, [meta, lang]);
  const formulas = useMemo(() => {
    const out: Record<string, string> = {};
    for (const f of Object.values(meta.fields)) if (f.sumOf) out[f.id] = formulaText(f, meta.fields, lang);
    return out;
  }, [meta, lang]);

  const validation = useMemo(() => validateReport(draft.report), [draft.report]);
  const cross = useMemo(
    () => (previous ? compareYears(previous.report, draft.report) : undefined),
    [previous, draft.report],
  );
  const issues: PanelIssue[] = useMemo(() => {
    const own = explainBlanks(validation.issues, draft.report);
    const crossIssues = (cross?.issues ?? []).map((i) => ({ ...i, crossYear: true }));
    return sortIssues([...own, ...crossIssues]);
  }, [validation, cross, draft.report]);
  const byCell = useMemo(() => indexIssues(issues, lang), [issues, lang]);

  useLayoutEffect(() => endUpdate(), [draft]);

  useEffect(() => {
    if (!storeDraft(draft) && !storageWarned.current) {
      storageWarned.current = true;
      setNotice({ kind: "error", text: t.storageFailed });
    }
  }, [draft, t]);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!draftRef.current.dirty) return;
      e.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      e.returnValue = "";
    };
    // Effects run after the next paint; a reload or close straight after typing must not lose that last change.
    const flush = () => {
      storeDraft(draftRef.current);
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden") flush();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onHidden);
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = t.appTitle;
  }, [lang, t]);

  const update = useCallback((fn: (d: Draft) => Draft) => {
    startUpdate();
    setDraft(fn);
  }, []);

  // Keyboard moves: Tab starts a run along a row; Enter then goes to the row below where the run began (as spreadsheets do).
  const tabAnchor = useRef<string | undefined>(undefined);
  const navRef = useRef(nav);
  navRef.current = nav;
  const metaRef = useRef(meta);
  metaRef.current = meta;

  const handlers: CellHandlers = useMemo(
    () => ({
      commit(field, value) {
        const f = metaRef.current.fields[field];
        if (f) update((d) => setValue(d, f.path, value));
      },
      pasteGrid(field, text) {
        const d = draftRef.current;
        const fields = metaRef.current.fields;
        const edits: { path: Path; value: unknown }[] = [];
        let skipped = 0;
        splitPastedGrid(text).forEach((cells, r) => {
          cells.forEach((raw, c) => {
            const target = offsetField(navRef.current, field, r, c);
            const f = target ? fields[target] : undefined;
            if (!f) {
              if (raw.trim()) skipped++;
              return;
            }
            if (f.sumOf && !d.manualTotals) return; // a computed total: its pasted figure is not needed
            const parsed = parseNumberText(raw, f.kind as NumericKind);
            if (parsed.ok) edits.push({ path: f.path, value: parsed.value });
            else skipped++;
          });
        });
        if (edits.length) update((x) => setValues(x, edits));
        if (skipped) setNotice({ kind: "error", text: MESSAGES[lang].pasteSkipped(skipped) });
      },
      key(field, e) {
        const n = navRef.current.get(field);
        if (!n) return;
        const input = e.currentTarget as HTMLInputElement;
        const allSelected = input.selectionStart === 0 && input.selectionEnd === input.value.length;
        let target: string | undefined;
        switch (e.key) {
          case "Enter": {
            const anchor = tabAnchor.current ? navRef.current.get(tabAnchor.current) : undefined;
            target = e.shiftKey ? n.up : (anchor ?? n).down;
            tabAnchor.current = undefined;
            break;
          }
          case "ArrowDown":
            target = n.down;
            break;
          case "ArrowUp":
            target = n.up;
            break;
          case "ArrowLeft":
            if (allSelected || (input.selectionStart === 0 && input.selectionEnd === 0)) target = n.left;
            break;
          case "ArrowRight":
            if (allSelected || input.selectionStart === input.value.length) target = n.right;
            break;
          case "Tab":
            if (!e.shiftKey && !tabAnchor.current) tabAnchor.current = field;
            return;
          default:
            return;
        }
        if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") tabAnchor.current = undefined;
        if (!target) return;
        e.preventDefault();
        document.getElementById(inputId(target))?.focus();
      },
      focus(field) {
        const anchor = tabAnchor.current ? navRef.current.get(tabAnchor.current) : undefined;
        const here = navRef.current.get(field);
        if (anchor && (!here || here.table !== anchor.table || here.pos.row !== anchor.pos.row))
          tabAnchor.current = undefined;
      },
      rejected() {
        setNotice({ kind: "error", text: MESSAGES[lang].notANumber });
      },
    }),
    [update, lang],
  );

  const onText = useCallback((field: string, value: string) => update((d) => setValue(d, [field], value)), [update]);

  const onEdition = (to: Edition) => {
    const lost = cellsLostBySwitch(draft, to);
    if (lost.length && !window.confirm(t.confirmEdition(lost.length, to))) {
      setDraft({ ...draft }); // re-render puts the select back
      return;
    }
    update((d) => switchEdition(d, to));
  };

  const onManualTotals = (manual: boolean) => {
    const differ = manual ? 0 : totalsThatDiffer(draft.report).length;
    if (differ && !window.confirm(t.confirmAutoTotals(differ))) {
      setDraft({ ...draft });
      return;
    }
    update((d) => setManualTotals(d, manual));
  };

  const onNew = () => {
    if (draft.dirty && !window.confirm(t.confirmNew)) return;
    setPrevious(undefined);
    update(() => newDraft());
    setNotice(undefined);
  };

  /** The report in the file picked in `input`, or undefined after saying why it cannot be used. */
  const readPicked = async (input: HTMLInputElement, failed: (name: string, why: string) => string) => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return undefined;
    const result = parseReportFile(await file.text());
    if (!result.ok) {
      const why = result.reason === "json" ? t.notJson(result.detail) : t.notReport(result.issues.length);
      setNotice({
        kind: "error",
        text: failed(file.name, why),
        ...(result.reason === "structure" ? { issues: result.issues } : {}),
      });
      return undefined;
    }
    return { file, result };
  };

  const openFile = async (input: HTMLInputElement) => {
    const picked = await readPicked(input, t.openFailed);
    if (!picked) return;
    const { file, result } = picked;
    if (draftRef.current.dirty && !window.confirm(t.confirmOpenOverDirty)) return;
    const differ = totalsThatDiffer(result.report).length;
    update(() => ({ report: result.report, manualTotals: differ > 0, dirty: false }));
    setNotice({ kind: "info", text: differ ? t.openedManual(file.name, differ) : t.opened(file.name) });
  };

  const loadPrevious = async (input: HTMLInputElement) => {
    const picked = await readPicked(input, t.previousFailed);
    if (!picked) return;
    const { file, result } = picked;
    setPrevious({ report: result.report, name: file.name });
    setNotice(undefined);
  };

  const onSave = () => {
    const errors = issues.filter((i) => i.severity === "error" && !i.crossYear).length;
    if (errors && !window.confirm(t.saveWithErrors(errors))) return;
    const name = reportFileName(draft.report);
    download(name, reportJson(draft.report));
    setDraft((d) => ({ ...d, dirty: false }));
    setNotice({ kind: "info", text: t.saved(name) });
  };

  const onPreview = async (print: boolean) => {
    try {
      const html = await renderPreview(draft.report as unknown as Report);
      setPreview({ html, print });
    } catch (e) {
      setNotice({ kind: "error", text: `${t.rendererMissing} ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const closePreview = useCallback(() => setPreview(undefined), []);

  const toggleLang = () => {
    const next: Lang = lang === "zh" ? "en" : "zh";
    setLang(next);
    storeLang(next);
  };

  const openInput = useRef<HTMLInputElement>(null);
  const previousInput = useRef<HTMLInputElement>(null);
  const previousInfo = previous
    ? [
        t.previousLoaded(getAt(previous.report, ["year"]), String(getAt(previous.report, ["agency", "name"]) ?? "")),
        cross?.textOverlap !== undefined ? t.textOverlap(Math.round(cross.textOverlap * 100)) : "",
      ]
        .filter(Boolean)
        .join(" · ")
    : undefined;

  return (
    <div class="app">
      <header class="topbar">
        <h1>{t.appTitle}</h1>
        <nav class="toolbar" aria-label="toolbar">
          <button type="button" onClick={onNew}>
            {t.newReport}
          </button>
          <button type="button" onClick={() => openInput.current?.click()}>
            {t.open}
          </button>
          <input
            ref={openInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="open-file"
            onChange={(e) => openFile(e.currentTarget as HTMLInputElement)}
          />
          <button type="button" onClick={onSave}>
            {t.save}
          </button>
          <button type="button" onClick={() => onPreview(false)}>
            {t.preview}
          </button>
          <button type="button" onClick={() => onPreview(true)}>
            {t.print}
          </button>
          <button type="button" onClick={() => previousInput.current?.click()}>
            {t.loadPrevious}
          </button>
          <input
            ref={previousInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="previous-file"
            onChange={(e) => loadPrevious(e.currentTarget as HTMLInputElement)}
          />
          {previous ? (
            <button type="button" onClick={() => setPrevious(undefined)}>
              {t.clearPrevious}
            </button>
          ) : null}
          <span class={`save-state ${draft.dirty ? "dirty" : ""}`}>{draft.dirty ? t.unsaved : t.allSaved}</span>
          <button type="button" class="lang" aria-label={t.languageName} onClick={toggleLang}>
            {t.language}
          </button>
        </nav>
      </header>
      <div class={`notice ${notice?.kind ?? ""}`} role="status" aria-live="polite">
        {notice ? (
          <>
            <span>{notice.text}</span>
            {notice.issues?.length ? (
              <ul>
                {notice.issues.slice(0, 20).map((i, n) => (
                  <li key={n}>{lang === "en" ? i.messageEn : i.message}</li>
                ))}
                {notice.issues.length > 20 ? <li>…</li> : null}
              </ul>
            ) : null}
            <button type="button" class="dismiss" aria-label="×" onClick={() => setNotice(undefined)}>
              ×
            </button>
          </>
        ) : null}
      </div>
      <main class="layout">
        <form
          class="report"
          onSubmit={(e) => e.preventDefault()}
          aria-label={lang === "en" ? meta.titleEn : meta.title}
        >
          <p class="doc-title">{lang === "en" ? meta.titleEn : meta.title}</p>
          <HeaderFields
            meta={meta}
            year={draft.report.year}
            agencyName={getAt(draft.report, ["agency", "name"])}
            issues={byCell}
            lang={lang}
            t={t}
            onEdition={onEdition}
            onYear={(y) => update((d) => setValue(d, ["year"], y))}
            onAgency={(name) => update((d) => setValue(d, ["agency", "name"], name))}
          />
          <label class="switch" title={t.manualTotalsHint}>
            <input
              type="checkbox"
              checked={draft.manualTotals}
              onChange={(e) => onManualTotals((e.currentTarget as HTMLInputElement).checked)}
            />
            <span>{t.manualTotals}</span>
            <small>{t.manualTotalsHint}</small>
          </label>
          {meta.sections.map((s) =>
            s.table ? (
              <section key={s.key} class="table-section">
                <h2>{lang === "en" ? `${s.number}. ${s.headingEn}` : s.heading}</h2>
                <div class="table-wrap">
                  <TableView
                    table={s.table}
                    meta={meta}
                    report={draft.report}
                    issues={byCell}
                    manualTotals={draft.manualTotals}
                    lang={lang}
                    names={names}
                    formulas={formulas}
                    handlers={handlers}
                  />
                </div>
              </section>
            ) : (
              <TextSection
                key={s.key}
                field={s.field ?? s.key}
                heading={lang === "en" ? `${s.number}. ${s.headingEn}` : s.heading}
                value={getAt(draft.report, [s.field ?? s.key])}
                issue={byCell.get(s.field ?? s.key)}
                onChange={onText}
              />
            ),
          )}
        </form>
        <aside class="side">
          <IssuePanel issues={issues} lang={lang} t={t} previousInfo={previousInfo} onSelect={focusPath} />
        </aside>
      </main>
      {preview ? <PreviewDialog html={preview.html} printOnLoad={preview.print} t={t} onClose={closePreview} /> : null}
    </div>
  );
}
