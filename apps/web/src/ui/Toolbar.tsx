/** The toolbar: new, open (any report file), last year's report, check, save JSON, Word, preview, print, language. */
import { INPUT_EXTENSIONS } from "@gov-report/parser/input";
import { useRef } from "preact/hooks";
import type { FormState, FormStore } from "../store/form-store.js";

/**
 * Any report file the form reads: the parser decides by content, the list (the parser's input
 * extensions and their media types) only helps the picker.
 */
export const ACCEPT = [
  ...Object.keys(INPUT_EXTENSIONS),
  "application/json",
  "application/pdf",
  "text/html",
  "text/plain",
].join(",");

export async function pickedFile(input: HTMLInputElement): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  const file = input.files?.[0];
  input.value = "";
  return file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : undefined;
}

export function Toolbar({ store, s }: { store: FormStore; s: FormState }) {
  const t = store.t;
  const openInput = useRef<HTMLInputElement>(null);
  const previousInput = useRef<HTMLInputElement>(null);
  const onPick = async (input: HTMLInputElement, previous: boolean) => {
    const file = await pickedFile(input);
    if (file) await (previous ? store.loadPrevious(file) : store.openFile(file));
  };
  return (
    <nav class="toolbar" aria-label="toolbar">
      <button type="button" onClick={() => store.newReport()}>
        {t.newReport}
      </button>
      <button type="button" onClick={() => openInput.current?.click()} disabled={s.busy}>
        {t.open}
      </button>
      <input
        ref={openInput}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="open-file"
        onChange={(e) => onPick(e.currentTarget as HTMLInputElement, false)}
      />
      <button type="button" onClick={() => previousInput.current?.click()} disabled={s.busy}>
        {t.loadPrevious}
      </button>
      <input
        ref={previousInput}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="previous-file"
        onChange={(e) => onPick(e.currentTarget as HTMLInputElement, true)}
      />
      {s.previous ? (
        <button type="button" onClick={() => store.clearPrevious()}>
          {t.clearPrevious}
        </button>
      ) : null}
      <button type="button" onClick={() => store.undo()} disabled={!store.history.canUndo} title="Ctrl+Z">
        {t.undo}
      </button>
      <button type="button" onClick={() => store.redo()} disabled={!store.history.canRedo} title="Ctrl+Y">
        {t.redo}
      </button>
      <button type="button" onClick={() => store.check()}>
        {t.check}
      </button>
      <button type="button" onClick={() => store.saveJson()}>
        {t.save}
      </button>
      <button type="button" onClick={() => store.downloadDocx()}>
        {t.saveDocx}
      </button>
      <button type="button" onClick={() => store.openPreview(false)}>
        {t.preview}
      </button>
      <button type="button" onClick={() => store.openPreview(true)}>
        {t.print}
      </button>
      <span class={`save-state ${s.draft.dirty ? "dirty" : ""}`}>{s.draft.dirty ? t.unsaved : t.allSaved}</span>
      <button type="button" class="lang" aria-label={t.languageName} onClick={() => store.toggleLang()}>
        {t.language}
      </button>
    </nav>
  );
}
