/** Edition, year and agency: the fields above the six sections. */
import { EDITION_INFO, EDITIONS, type Edition, type EditionFormMeta } from "@gov-report/core/lite";
import type { Messages } from "../i18n.js";
import type { CellIssues } from "../model/issues.js";
import type { Lang } from "../model/labels.js";
import { cleanNumberText } from "../model/numbers.js";

export interface HeaderFieldsProps {
  meta: EditionFormMeta;
  year: unknown;
  agencyName: unknown;
  issues: Map<string, CellIssues>;
  lang: Lang;
  t: Messages;
  onEdition(e: Edition): void;
  onYear(year: number | null): void;
  onAgency(name: string): void;
}

export const headerId = (id: string) => `h-${id}`;

function Message({ id, issue }: { id: string; issue: CellIssues | undefined }) {
  return issue ? (
    <span id={`m-${headerId(id)}`} class={`msg ${issue.severity}`}>
      {issue.text}
    </span>
  ) : null;
}

export function HeaderFields(p: HeaderFieldsProps) {
  const label = (id: string) => {
    const h = p.meta.header.find((x) => x.id === id);
    return h ? (p.lang === "en" ? h.labelEn : h.label) : id;
  };
  const attrs = (id: string) => {
    const issue = p.issues.get(id);
    return {
      id: headerId(id),
      class: issue?.severity,
      "aria-invalid": issue?.severity === "error" ? ("true" as const) : undefined,
      "aria-describedby": issue ? `m-${headerId(id)}` : undefined,
    };
  };
  return (
    <div class="head-fields">
      <label class="field">
        <span>{label("edition")}</span>
        <select
          {...attrs("edition")}
          value={p.meta.edition}
          onChange={(e) => p.onEdition((e.currentTarget as HTMLSelectElement).value as Edition)}
        >
          {EDITIONS.map((e) => (
            <option key={e} value={e}>
              {p.t.editionOption(e, EDITION_INFO[e].document)}
            </option>
          ))}
        </select>
        <Message id="edition" issue={p.issues.get("edition")} />
      </label>
      <label class="field year">
        <span>{label("year")}</span>
        <input
          {...attrs("year")}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={typeof p.year === "number" ? String(p.year) : ""}
          onInput={(e) => {
            const el = e.currentTarget as HTMLInputElement;
            const cleaned = cleanNumberText(el.value);
            if (!/^\d{0,4}$/.test(cleaned)) {
              el.value = typeof p.year === "number" ? String(p.year) : "";
              return;
            }
            if (el.value !== cleaned) el.value = cleaned;
            p.onYear(cleaned === "" ? null : Number(cleaned));
          }}
        />
        <Message id="year" issue={p.issues.get("year")} />
      </label>
      <label class="field agency">
        <span>{label("agency.name")}</span>
        <input
          {...attrs("agency.name")}
          type="text"
          autoComplete="organization"
          value={typeof p.agencyName === "string" ? p.agencyName : ""}
          onInput={(e) => p.onAgency((e.currentTarget as HTMLInputElement).value)}
        />
        <Message id="agency.name" issue={p.issues.get("agency.name")} />
      </label>
    </div>
  );
}
