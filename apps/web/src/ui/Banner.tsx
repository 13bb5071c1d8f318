/** The line under the toolbar: the last notice, a choice the user is offered, or a conflict with another tab. */
import type { FormState, FormStore } from "../store/form-store.js";
import type { DraftSync } from "../store/persist.js";

function Choice({
  text,
  yes,
  no,
  onYes,
  onNo,
}: {
  text: string;
  yes: string;
  no: string;
  onYes(): void;
  onNo(): void;
}) {
  return (
    <div class="notice offer" role="alert">
      <span>{text}</span>
      <span class="choices">
        <button type="button" class="primary" onClick={onYes}>
          {yes}
        </button>
        <button type="button" onClick={onNo}>
          {no}
        </button>
      </span>
    </div>
  );
}

export function Banner({ store, sync, s }: { store: FormStore; sync: DraftSync; s: FormState }) {
  const t = store.t;
  if (s.conflict)
    return (
      <Choice
        text={t.conflict}
        yes={t.loadNewer}
        no={t.keepMine}
        onYes={() => sync.loadNewer()}
        onNo={() => sync.keepMine()}
      />
    );
  const n = s.notice;
  const offer = s.offer;
  const offerButtons =
    offer?.kind === "replace"
      ? { yes: t.replaceDraft, no: t.keepDraft }
      : offer?.kind === "start"
        ? { yes: t.startFrom(Number(offer.from.report.year) + 1), no: t.onlyCompare }
        : undefined;
  return (
    <div class={`notice ${n?.kind ?? ""}${offer ? " offer" : ""}`} role="status" aria-live="polite">
      {n ? (
        <>
          <span>{n.text}</span>
          {n.list?.length ? (
            <ul>
              {n.list.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          ) : null}
          {n.backupKey ? (
            <button type="button" onClick={() => sync.downloadBackup(n.backupKey as string)}>
              {t.downloadBackup}
            </button>
          ) : null}
          {offerButtons ? (
            <span class="choices">
              <button type="button" class="primary" onClick={() => store.acceptOffer()}>
                {offerButtons.yes}
              </button>
              <button type="button" onClick={() => store.dismissOffer()}>
                {offerButtons.no}
              </button>
            </span>
          ) : (
            <button type="button" class="dismiss" aria-label="×" onClick={() => store.dismissNotice()}>
              ×
            </button>
          )}
        </>
      ) : null}
    </div>
  );
}
