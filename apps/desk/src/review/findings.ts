/**
 * Findings and the decisions on them. A finding's fingerprint is a hash of what makes it the same
 * finding to a reviewer: the rule code, the cell path, the other cells involved and the values
 * (expected / actual). It does not depend on the version, the message wording or the order of the
 * issues, so a decision taken once survives re-checks, restarts and new versions; a finding whose
 * fingerprint the latest version no longer has is resolved in the first version without it.
 */
import { createHash } from "node:crypto";
import type { ValidationIssue } from "@gov-report/core/lite";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

export type DecisionKind = "confirmed" | "dismissed";

export interface Decision {
  decision: DecisionKind | null;
  reason: string | null;
  note: string | null;
  by: string;
  at: string;
  version: number;
}

export interface Finding {
  /** `<report id>.<fingerprint>`: stable across versions. */
  id: string;
  fingerprint: string;
  code: string;
  severity: "error" | "warning";
  path: (string | number)[];
  message: string;
  messageEn: string;
  expected?: number;
  actual?: number;
  decision: Decision | null;
  /** Set when the latest version no longer has this finding: the version that resolved it. */
  resolvedIn?: number;
  /** The versions that have it. */
  versions: number[];
}

export function fingerprint(issue: ValidationIssue): string {
  const key = JSON.stringify([
    issue.code,
    issue.path,
    [...(issue.related ?? [])].map((p) => p.join(".")).sort(),
    issue.expected ?? null,
    issue.actual ?? null,
  ]);
  return createHash("sha256").update(key).digest("hex").slice(0, 20);
}

/** Records the distinct fingerprints of a version's issues (what the review status counts). */
export async function insertVersionFindings(
  db: Kysely<Database>,
  versionId: number,
  issues: readonly ValidationIssue[],
): Promise<void> {
  const fps = [...new Set(issues.map(fingerprint))];
  // Pages keep each statement under the databases' bound-parameter limits.
  for (let i = 0; i < fps.length; i += 200) {
    const rows = fps.slice(i, i + 200).map((fp) => ({ version_id: versionId, fingerprint: fp }));
    await db.insertInto("version_findings").values(rows).execute();
  }
}

export const findingId = (reportId: number, fp: string) => `${reportId}.${fp}`;

/** `<report id>.<fingerprint>` back into its parts, or undefined when malformed. */
export function parseFindingId(id: string): { reportId: number; fingerprint: string } | undefined {
  const m = /^(\d{1,12})\.([0-9a-f]{20})$/.exec(id);
  return m ? { reportId: Number(m[1]), fingerprint: m[2]! } : undefined;
}

/** Every finding of every version of a report, latest first, with its decision. */
export async function findingsOf(db: Kysely<Database>, reportId: number): Promise<Finding[]> {
  const versions = await db
    .selectFrom("versions")
    .select(["version", "issues_json"])
    .where("report_id", "=", reportId)
    .orderBy("version", "asc")
    .execute();
  const decisions = await db.selectFrom("decisions").selectAll().where("report_id", "=", reportId).execute();
  const byFp = new Map(decisions.map((d) => [d.fingerprint, d]));
  const found = new Map<string, Finding>();
  const latest = versions.at(-1)?.version ?? 0;
  for (const v of versions) {
    for (const issue of JSON.parse(v.issues_json) as ValidationIssue[]) {
      const fp = fingerprint(issue);
      const known = found.get(fp);
      if (known) {
        if (!known.versions.includes(v.version)) known.versions.push(v.version);
        // The latest wording and values win.
        Object.assign(known, { message: issue.message, messageEn: issue.messageEn });
        continue;
      }
      const d = byFp.get(fp);
      found.set(fp, {
        id: findingId(reportId, fp),
        fingerprint: fp,
        code: issue.code,
        severity: issue.severity === "error" ? "error" : "warning",
        path: issue.path,
        message: issue.message,
        messageEn: issue.messageEn,
        ...(issue.expected === undefined ? {} : { expected: issue.expected }),
        ...(issue.actual === undefined ? {} : { actual: issue.actual }),
        decision: d
          ? {
              decision: (d.decision as DecisionKind | null) ?? null,
              reason: d.reason,
              note: d.note,
              by: d.decided_by,
              at: d.decided_at,
              version: d.version,
            }
          : null,
        versions: [v.version],
      });
    }
  }
  const out = [...found.values()];
  for (const f of out) {
    const last = Math.max(...f.versions);
    if (last < latest) f.resolvedIn = versions.find((v) => v.version > last)!.version;
  }
  // Open findings first (errors before warnings), then the resolved ones.
  const rank = (f: Finding) => (f.resolvedIn ? 2 : 0) + (f.severity === "error" ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b));
}

export interface DecisionInput {
  decision?: DecisionKind;
  reason?: string;
  note?: string;
}

/**
 * Records a decision (or a note) on a finding, with its audit entry, in one transaction. Returns
 * false when the report does not have this finding in any version.
 */
export async function decide(
  db: Kysely<Database>,
  reportId: number,
  fp: string,
  input: DecisionInput,
  actor: string,
): Promise<boolean> {
  const findings = await findingsOf(db, reportId);
  if (!findings.some((f) => f.fingerprint === fp)) return false;
  const report = await db.selectFrom("reports").select("latest_version").where("id", "=", reportId).executeTakeFirst();
  if (!report) return false;
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const prev = await trx
      .selectFrom("decisions")
      .selectAll()
      .where("report_id", "=", reportId)
      .where("fingerprint", "=", fp)
      .executeTakeFirst();
    const row = {
      decision: input.decision ?? (prev?.decision as DecisionKind | null | undefined) ?? null,
      reason: input.decision ? (input.reason ?? null) : (prev?.reason ?? null),
      note: input.note ?? prev?.note ?? null,
      decided_by: actor,
      decided_at: at,
      version: report.latest_version,
    };
    if (prev)
      await trx
        .updateTable("decisions")
        .set(row)
        .where("report_id", "=", reportId)
        .where("fingerprint", "=", fp)
        .execute();
    else
      await trx
        .insertInto("decisions")
        .values({ report_id: reportId, fingerprint: fp, ...row })
        .execute();
    await trx
      .insertInto("audit")
      .values({
        at,
        actor,
        action: input.decision ? `decision.${input.decision}` : "note",
        report_id: reportId,
        fingerprint: fp,
        detail_json: JSON.stringify({ ...input, previous: prev?.decision ?? null }),
      })
      .execute();
  });
  return true;
}
