/** Wires the store to the browser: stored draft, storage, downloads, lazy renderer and parser. */
import { render } from "preact";
import "./styles.css";
import { MESSAGES } from "./i18n.js";
import { download } from "./io/download.js";
import { renderReport, renderReportDocx } from "./io/render.js";
import { readReportFile } from "./io/report-file.js";
import { loadLang, storeLang } from "./lang.js";
import { DraftStorage } from "./store/draft-storage.js";
import { FormStore, initialState } from "./store/form-store.js";
import { DraftSync } from "./store/persist.js";
import { App } from "./ui/App.js";

const lang = loadLang();
const storage = new DraftStorage(localStorage);
const loaded = storage.load();
const t = MESSAGES[lang];
const state = initialState(lang, loaded.kind === "ok" ? loaded.stored.draft : undefined);
if (loaded.kind === "ok") {
  state.entries = loaded.stored.entries;
  state.notice = { kind: "info", text: t.draftRestored };
} else if (loaded.kind === "corrupt")
  state.notice = {
    kind: "error",
    text: t.draftCorruptBackup,
    ...(loaded.backupKey ? { backupKey: loaded.backupKey } : {}),
  };

const store = new FormStore(
  {
    confirm: (m) => window.confirm(m),
    download,
    openFile: (f) => readReportFile(f),
    renderHtml: renderReport,
    renderDocx: renderReportDocx,
    storeLang,
  },
  state,
);
const sync = new DraftSync(store, storage, (name, text) => download(name, text, "application/json"));
sync.attach(window, document);

const root = document.getElementById("app");
if (root) render(<App store={store} sync={sync} />, root);
