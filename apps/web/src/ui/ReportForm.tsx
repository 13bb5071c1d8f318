/** The report itself: its title, the header fields, the six sections in printed order and the signature. */
import { getAt } from "@gov-report/core/lite";
import { useMemo } from "preact/hooks";
import { accessibleName, formulaText } from "../model/labels.js";
import type { Derived } from "../store/derive.js";
import type { FormState, FormStore } from "../store/form-store.js";
import { HeaderFields } from "./HeaderFields.js";
import type { CellHandlers } from "./NumberCell.js";
import { TableView } from "./TableView.js";
import { TextSection } from "./TextSection.js";

export interface ReportFormProps {
  store: FormStore;
  s: FormState;
  derived: Derived;
  handlers: CellHandlers;
  heading: string;
}

function useNames(store: FormStore, s: FormState) {
  const meta = store.meta;
  return useMemo(() => {
    const names: Record<string, string> = {};
    const formulas: Record<string, string> = {};
    for (const f of Object.values(meta.fields)) {
      names[f.id] = accessibleName(f, s.lang);
      if (f.sumOf) formulas[f.id] = formulaText(f, meta.fields, s.lang);
    }
    return { names, formulas };
  }, [meta, s.lang]);
}

export function ReportForm({ store, s, derived, handlers, heading }: ReportFormProps) {
  const meta = store.meta;
  const t = store.t;
  const { names, formulas } = useNames(store, s);
  const header = (part: "top" | "signature") => (
    <HeaderFields
      meta={meta}
      report={s.draft.report}
      issues={derived.byCell}
      lang={s.lang}
      t={t}
      part={part}
      onEdition={(e) => store.setEdition(e)}
      onChange={(path, v) => store.setHeader(path, v)}
    />
  );
  return (
    <form class="report" onSubmit={(e) => e.preventDefault()} aria-labelledby="report-heading">
      <h1 id="report-heading" class="doc-title">
        {heading}
      </h1>
      <p class="doc-format">{s.lang === "en" ? meta.titleEn : `${meta.title}（${meta.document}）`}</p>
      {header("top")}
      <label class="switch" title={t.manualTotalsHint}>
        <input
          type="checkbox"
          checked={s.draft.manualTotals}
          onChange={(e) => store.setManualTotals((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>{t.manualTotals}</span>
        <small>{t.manualTotalsHint}</small>
      </label>
      {meta.sections.map((sec) =>
        sec.table ? (
          <section key={sec.key} class="table-section">
            <h2>{s.lang === "en" ? `${sec.number}. ${sec.headingEn}` : sec.heading}</h2>
            <div class="table-wrap">
              <TableView
                table={sec.table}
                meta={meta}
                report={s.draft.report}
                issues={derived.byCell}
                marks={derived.marks}
                entries={s.entries}
                manualTotals={s.draft.manualTotals}
                lang={s.lang}
                names={names}
                formulas={formulas}
                handlers={handlers}
              />
            </div>
          </section>
        ) : (
          <TextSection
            key={sec.key}
            field={sec.field ?? sec.key}
            heading={s.lang === "en" ? `${sec.number}. ${sec.headingEn}` : sec.heading}
            value={getAt(s.draft.report, [sec.field ?? sec.key])}
            issue={derived.byCell.get(sec.field ?? sec.key)}
            onChange={(f, v) => store.typeText(f, v)}
          />
        ),
      )}
      {header("signature")}
    </form>
  );
}
