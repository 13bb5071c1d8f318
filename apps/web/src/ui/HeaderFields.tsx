/**
 * The fields outside the tables, as core's form metadata lists them (`header`): edition, year and
 * agency above the sections, and the signature (落款: signing body and date) after them, where a
 * published report prints it. Each field is drawn by its kind; labels come from the metadata.
 */
import { EDITION_INFO, EDITIONS, type Edition, type EditionFormMeta, getAt } from "@gov-report/core/lite";
import type { Messages } from "../i18n.js";
import type { DraftReport } from "../model/draft.js";
import type { CellIssues } from "../model/issues.js";
import type { Lang } from "../model/labels.js";
import { cleanNumberText } from "../model/numbers.js";

type HeaderMeta = EditionFormMeta["header"][number];

export interface HeaderFieldsProps {
  meta: EditionFormMeta;
  report: DraftReport;
  issues: Map<string, CellIssues>;
  lang: Lang;
  t: Messages;
  /** "top": edition, year, agency; "signature": the 落款 fields. */
  part: "top" | "signature";
  onEdition(e: Edition): void;
  onChange(path: readonly string[], value: string | number | null): void;
}

export const headerId = (id: string) => `h-${id}`;

const isSignature = (h: HeaderMeta) => h.path[0] === "signature";
const isDate = (h: HeaderMeta) => (h.kind as string) === "date" || h.path[h.path.length - 1] === "date";

function Message({ id, issue }: { id: string; issue: CellIssues | undefined }) {
  return issue ? (
    <span id={`m-${headerId(id)}`} class={`msg ${issue.severity}`}>
      {issue.text}
    </span>
  ) : null;
}

function Input({ h, p }: { h: HeaderMeta; p: HeaderFieldsProps }) {
  const issue = p.issues.get(h.id);
  const value = getAt(p.report, h.path);
  const common = {
    id: headerId(h.id),
    class: issue?.severity,
    "aria-invalid": issue?.severity === "error" ? ("true" as const) : undefined,
    "aria-describedby": issue ? `m-${headerId(h.id)}` : undefined,
  };
  if (h.kind === "edition")
    return (
      <select
        {...common}
        value={p.meta.edition}
        onChange={(e) => p.onEdition((e.currentTarget as HTMLSelectElement).value as Edition)}
      >
        {EDITIONS.map((e) => (
          <option key={e} value={e}>
            {p.t.editionOption(e, EDITION_INFO[e].document)}
          </option>
        ))}
      </select>
    );
  if (h.kind === "integer")
    return (
      <input
        {...common}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={typeof value === "number" ? String(value) : ""}
        onInput={(e) => {
          const el = e.currentTarget as HTMLInputElement;
          const cleaned = cleanNumberText(el.value);
          // A year is four digits: anything else is not taken (the field shows the year it holds).
          if (!/^\d{0,4}$/.test(cleaned)) el.value = typeof value === "number" ? String(value) : "";
          else p.onChange(h.path, cleaned === "" ? null : Number(cleaned));
        }}
      />
    );
  const text = typeof value === "string" ? value : "";
  const onInput = (e: Event) => p.onChange(h.path, (e.currentTarget as HTMLInputElement).value);
  if (isDate(h)) return <input {...common} type="date" value={text} onInput={onInput} />;
  return (
    <input
      {...common}
      type="text"
      autoComplete={h.id === "agency.name" ? "organization" : "off"}
      value={text}
      onInput={onInput}
    />
  );
}

export function HeaderFields(p: HeaderFieldsProps) {
  const fields = p.meta.header.filter((h) => isSignature(h) === (p.part === "signature"));
  if (!fields.length) return null;
  return (
    <div class={p.part === "top" ? "head-fields" : "head-fields signature"}>
      {fields.map((h) => (
        <label key={h.id} for={headerId(h.id)} class={`field f-${h.id.replace(/\./g, "-")}`}>
          <span>{p.lang === "en" ? h.labelEn : h.label}</span>
          <Input h={h} p={p} />
          <Message id={h.id} issue={p.issues.get(h.id)} />
        </label>
      ))}
    </div>
  );
}
