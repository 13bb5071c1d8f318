import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getAt, type Report } from "@gov-report/core/lite";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDocument } from "../src/io/read-document.js";
import { readReportFile } from "../src/io/report-file.js";
import { readCellText } from "../src/model/numbers.js";
import { FormStore, initialState, type StoreDeps } from "../src/store/form-store.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const file = (p: string) => ({
  name: p.split("/").pop() as string,
  bytes: new Uint8Array(readFileSync(join(ROOT, p))),
});

function makeStore(over: Partial<StoreDeps> = {}) {
  const downloads: { name: string; data: string | Uint8Array }[] = [];
  const deps: StoreDeps = {
    confirm: () => true,
    download: (name, data) => downloads.push({ name, data }),
    openFile: (f) => readReportFile(f, readDocument),
    renderHtml: async () => ({ page: "", fragment: "", css: "" }),
    renderDocx: async () => new Uint8Array([1]),
    storeLang: () => {},
    ...over,
  };
  return { store: new FormStore(deps, initialState("zh")), downloads };
}

const CELL = "applications.received.naturalPerson";
const path = CELL.split(".");

describe("the draft store: cells and checks", () => {
  it("property: what is typed is stored as the number it denotes, or as nothing with a message at the cell", () => {
    const { store } = makeStore();
    const constraints = store.meta.fields[CELL]!.constraints;
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[-+]?[0-9.,]{0,8}$/)), (text) => {
        store.typeCell(CELL, text);
        const stored = getAt(store.get().draft.report, path);
        const r = readCellText(text, constraints);
        if (r.ok) return stored === r.value && !store.derived().byCell.get(CELL)?.text.includes("不");
        const msg = store.derived().byCell.get(CELL);
        return stored === null && msg?.severity === "error" && msg.text.includes("只能填写");
      }),
      { numRuns: 500 },
    );
  });

  it("keeps a refused text visible and its total unchanged; a valid text settles as printed", () => {
    const { store } = makeStore();
    store.typeCell(CELL, "1.5");
    expect(store.get().entries[CELL]).toBe("1.5");
    expect(getAt(store.get().draft.report, [...path.slice(0, -1), "total"])).toBe(0);
    store.typeCell("applications.received.business", "1,234");
    store.leaveCell("applications.received.business");
    expect(store.get().entries["applications.received.business"]).toBeUndefined();
    expect(getAt(store.get().draft.report, ["applications", "received", "total"])).toBe(1234);
  });

  it("is quiet until asked: empty narratives warn once typed in or once a check is asked for", () => {
    const { store } = makeStore();
    const empty = () =>
      store
        .derived()
        .issues.filter((i) => i.code === "text.empty-section")
        .map((i) => i.path[0]);
    expect(empty()).toEqual([]);
    store.typeText("overview", "x");
    store.typeText("overview", "");
    expect(empty()).toEqual(["overview"]);
    store.check();
    expect(empty().sort()).toEqual(["otherMatters", "overview", "problemsAndImprovements"]);
  });

  it("pastes a spreadsheet row; a refused figure in it stays as typed", () => {
    const { store } = makeStore();
    store.pasteCells("applications.carriedOver.naturalPerson", "3\t1.5\t1\t0\t0\t2\t999\n");
    const s = store.get();
    expect(getAt(s.draft.report, ["applications", "carriedOver", "naturalPerson"])).toBe(3);
    expect(getAt(s.draft.report, ["applications", "carriedOver", "business"])).toBeNull();
    expect(s.entries["applications.carriedOver.business"]).toBe("1.5");
    expect(getAt(s.draft.report, ["applications", "carriedOver", "total"])).toBe(6);
  });
});

describe("the draft store: files in and out", () => {
  it("opens a Word report as a new draft, keeping a changed draft until the user agrees", async () => {
    const { store } = makeStore();
    store.typeCell(CELL, "7");
    await store.openFile(file("packages/parser/test/corpus/huaian-2024.rendered.docx"));
    expect(store.get().offer?.kind).toBe("replace");
    expect(getAt(store.get().draft.report, path)).toBe(7);
    store.acceptOffer();
    expect(getAt(store.get().draft.report, ["agency", "name"])).toBe("淮安市人民政府");
    expect(store.get().draft.report.year).toBe(2024);
  }, 60_000);

  it("starts this year's report from last year's PDF: year + 1, agency, 上年结转 = 结转下年度", async () => {
    const { store } = makeStore();
    await store.loadPrevious(file("fixtures/hongze-2023.pdf"));
    expect(store.get().offer?.kind).toBe("start");
    store.acceptOffer();
    const r = store.get().draft.report;
    const last = JSON.parse(readFileSync(join(ROOT, "fixtures/hongze-2023.expected.json"), "utf8")) as Report;
    expect(r.year).toBe(2024);
    expect(getAt(r, ["agency", "name"])).toBe("洪泽区人民政府");
    expect(getAt(r, ["applications", "carriedOver"])).toEqual(last.applications.carriedForward);
    expect(getAt(r, ["proactiveDisclosure", "normativeDocuments", "inForce"])).toBe(
      getAt(last, ["proactiveDisclosure", "normativeDocuments", "inForce"]),
    );
    expect(store.derived().issues.filter((i) => i.code === "years.carried-forward")).toEqual([]);
  }, 60_000);

  it("refuses a file that is no report, saying why, and leaves the draft", async () => {
    const { store } = makeStore();
    store.typeCell(CELL, "4");
    await store.openFile({ name: "x.json", bytes: new TextEncoder().encode('{"edition":') });
    expect(store.get().notice?.kind).toBe("error");
    expect(getAt(store.get().draft.report, path)).toBe(4);
  });

  it("hands in JSON and Word under the report's name", async () => {
    const { store, downloads } = makeStore();
    store.setHeader(["agency", "name"], "某县人民政府");
    store.saveJson();
    await store.downloadDocx();
    expect(downloads.map((d) => d.name)).toEqual([
      `某县人民政府-${store.get().draft.report.year}.json`,
      `某县人民政府-${store.get().draft.report.year}.docx`,
    ]);
    expect(store.get().draft.dirty).toBe(false);
  });
});

describe("the draft store: undo and redo", () => {
  it("undoes a run of typing in one cell as one step, and redoes it", () => {
    const { store } = makeStore();
    store.typeCell(CELL, "1");
    store.typeCell(CELL, "12");
    store.leaveCell(CELL);
    store.typeCell("applications.received.business", "1.5");
    expect(store.history.canUndo).toBe(true);
    store.undo();
    expect(store.get().entries["applications.received.business"]).toBeUndefined();
    expect(getAt(store.get().draft.report, path)).toBe(12);
    store.undo();
    expect(getAt(store.get().draft.report, path)).toBe(0);
    expect(store.history.canUndo).toBe(false);
    store.redo();
    store.redo();
    expect(store.get().entries["applications.received.business"]).toBe("1.5");
    expect(store.history.canRedo).toBe(false);
  });
});

describe("the draft store: read cells", () => {
  it("typing a cell the document left unread clears its provenance, even with the placeholder's value", () => {
    const { store } = makeStore();
    const report = structuredClone(store.get().draft.report);
    report.provenance = { [CELL]: { status: "unread" } };
    store.set({ draft: { ...store.get().draft, report } });
    expect(store.derived().marks.get(CELL)?.status).toBe("unread");
    store.typeCell(CELL, "0");
    expect(store.get().draft.report.provenance).toBeUndefined();
    expect(store.derived().marks.get(CELL)).toBeUndefined();
  });
});
