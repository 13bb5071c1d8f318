/** The summary of checks: counts, then every issue, errors first; choosing one moves focus to its cell. */
import type { Messages } from "../i18n.js";
import { issueMessage } from "../model/issues.js";
import type { Lang } from "../model/labels.js";
import type { Derived } from "../store/derive.js";

export interface IssuePanelProps {
  derived: Derived;
  lang: Lang;
  t: Messages;
  previousInfo: string | undefined;
  onSelect(path: readonly (string | number)[]): void;
}

export function IssuePanel({ derived, lang, t, previousInfo, onSelect }: IssuePanelProps) {
  const { issues, errors, warnings } = derived;
  return (
    <section class="panel" aria-labelledby="issues-heading" id="issues">
      <h2 id="issues-heading">
        {t.issues} <span class="counts">{issues.length ? t.errorsWarnings(errors, warnings) : t.noIssues}</span>
      </h2>
      {previousInfo ? <p class="previous">{previousInfo}</p> : null}
      <ul class="issue-list">
        {issues.map((i, n) => (
          <li key={n} class={i.severity}>
            <button
              type="button"
              class="issue"
              data-code={i.code}
              data-path={i.path.join(".")}
              onClick={() => onSelect(i.path)}
            >
              <span class="sev">{i.severity === "error" ? t.error : t.warning}</span>
              {i.crossYear ? <span class="tag">{t.crossYear}</span> : null}
              {i.read ? <span class="tag read">{t.readTag}</span> : null}
              <span class="text">{issueMessage(i, lang)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
