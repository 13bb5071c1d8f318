/**
 * zod schemas of the canonical report (docs/report-model.md), both editions, discriminated on
 * `edition`. Titles and descriptions come from the catalog, so the generated JSON Schema speaks the
 * printed labels.
 */
import { z } from "zod";
import {
  APPLICANT_COLUMNS,
  APPLICATION_L1,
  EDITION_INFO,
  type Edition,
  type Label,
  OUTCOME_CATEGORIES,
  OUTCOME_ITEMS,
  PROACTIVE_BLOCKS,
  REPORT_NAME,
  REVIEW_GROUPS,
  REVIEW_OUTCOMES,
  SECTIONS,
  type SectionKey,
  TOP_LEVEL_LABELS,
} from "./catalog.js";
import { cellsOf } from "./cells.js";
import { CELL_STATUSES, type CellStatus } from "./provenance.js";

const meta = (l: Label, extra?: string) => ({
  title: l.zh,
  description: extra ? `${l.en}. ${extra}` : l.en,
});

export const countSchema = z.int().min(0);
export const signedCountSchema = z.int();
export const amountSchema = z.number().min(0);

const labelOf = (list: readonly (Label & { key: string })[], key: string): Label => {
  const found = list.find((x) => x.key === key);
  if (!found) throw new Error(`catalog has no ${key}`);
  return found;
};

const applicant = (key: string) => countSchema.meta(meta(labelOf(APPLICANT_COLUMNS, key)));

/** One row of table 三: a count per applicant column. */
export const countsSchema = z
  .strictObject({
    naturalPerson: applicant("naturalPerson"),
    business: applicant("business"),
    research: applicant("research"),
    nonprofit: applicant("nonprofit"),
    legalServices: applicant("legalServices"),
    otherOrganization: applicant("otherOrganization"),
    total: applicant("total"),
  })
  .meta({ id: "Counts", title: "申请人情况", description: "One row of table 三: a count per applicant column" });

const row = (l: Label) => countsSchema.meta(meta(l));
const item = (cat: keyof typeof OUTCOME_ITEMS, key: string) => row(labelOf(OUTCOME_ITEMS[cat], key));

const outcome = (key: string) => countSchema.meta(meta(labelOf(REVIEW_OUTCOMES, key)));
export const outcomesSchema = z
  .strictObject({
    upheld: outcome("upheld"),
    corrected: outcome("corrected"),
    other: outcome("other"),
    pending: outcome("pending"),
    total: outcome("total"),
  })
  .meta({ id: "Outcomes", title: "结果", description: "Outcomes of one group of table 四" });

const group = (key: string) => outcomesSchema.meta(meta(labelOf(REVIEW_GROUPS, key)));

const sectionLabel = (key: SectionKey): Label => {
  const s = SECTIONS.find((x) => x.key === key);
  if (!s) throw new Error(`catalog has no section ${key}`);
  return { zh: s.heading, en: s.en };
};

export const reviewsAndLawsuitsSchema = z
  .strictObject({
    administrativeReview: group("administrativeReview"),
    lawsuitWithoutReview: group("lawsuitWithoutReview"),
    lawsuitAfterReview: group("lawsuitAfterReview"),
  })
  .meta(meta(sectionLabel("reviewsAndLawsuits")));

const C = OUTCOME_CATEGORIES;
const sharedOutcomes = {
  disclosed: row(C.disclosed),
  partiallyDisclosed: row(C.partiallyDisclosed),
  withheld: z
    .strictObject({
      stateSecret: item("withheld", "stateSecret"),
      prohibitedByLaw: item("withheld", "prohibitedByLaw"),
      securityAndStability: item("withheld", "securityAndStability"),
      thirdPartyRights: item("withheld", "thirdPartyRights"),
      internalAffairs: item("withheld", "internalAffairs"),
      deliberativeProcess: item("withheld", "deliberativeProcess"),
      lawEnforcementFiles: item("withheld", "lawEnforcementFiles"),
      administrativeQueries: item("withheld", "administrativeQueries"),
    })
    .meta(meta(C.withheld)),
  unavailable: z
    .strictObject({
      notHeld: item("unavailable", "notHeld"),
      requiresCreation: item("unavailable", "requiresCreation"),
      unclearAfterCorrection: item("unavailable", "unclearAfterCorrection"),
    })
    .meta(meta(C.unavailable)),
  notProcessed: z
    .strictObject({
      petitionsAndComplaints: item("notProcessed", "petitionsAndComplaints"),
      repeated: item("notProcessed", "repeated"),
      publications: item("notProcessed", "publications"),
      excessiveRequests: item("notProcessed", "excessiveRequests"),
      confirmationRequests: item("notProcessed", "confirmationRequests"),
    })
    .meta(meta(C.notProcessed)),
};

const other2021 = z
  .strictObject({
    overdueCorrection: item("other", "overdueCorrection"),
    unpaidFees: item("other", "unpaidFees"),
    otherReasons: item("other", "otherReasons"),
  })
  .meta(meta(C.other));

const applications = (other: z.ZodType) =>
  z
    .strictObject({
      received: row(APPLICATION_L1.received),
      carriedOver: row(APPLICATION_L1.carriedOver),
      outcomes: z.strictObject({ ...sharedOutcomes, other, total: row(C.total) }).meta(meta(APPLICATION_L1.outcomes)),
      carriedForward: row(APPLICATION_L1.carriedForward),
    })
    .meta(meta(sectionLabel("applications")));

export const applications2019Schema = applications(row(C.other)) as z.ZodObject<{
  received: typeof countsSchema;
  carriedOver: typeof countsSchema;
  outcomes: z.ZodObject<typeof sharedOutcomes & { other: typeof countsSchema; total: typeof countsSchema }>;
  carriedForward: typeof countsSchema;
}>;
export const applications2021Schema = applications(other2021) as z.ZodObject<{
  received: typeof countsSchema;
  carriedOver: typeof countsSchema;
  outcomes: z.ZodObject<typeof sharedOutcomes & { other: typeof other2021; total: typeof countsSchema }>;
  carriedForward: typeof countsSchema;
}>;

// Table 二: cell schemas by column kind, labels from the catalog.
function proactiveCell(edition: Edition, rowKey: string, colKey: string) {
  for (const block of PROACTIVE_BLOCKS[edition]) {
    const r = block.rows.find((x) => x.key === rowKey);
    const c = block.columns.find((x) => x.key === colKey);
    if (!r || !c) continue;
    const m = { title: `${r.zh} · ${c.zh}`, description: `${r.en}: ${c.en}` };
    if (c.kind === "signedCount") return signedCountSchema.meta(m);
    if (c.kind === "amountWanYuan") return amountSchema.meta(m);
    return countSchema.meta(m);
  }
  throw new Error(`catalog has no 表二 cell ${edition} ${rowKey}.${colKey}`);
}
function proactiveRowLabel(edition: Edition, rowKey: string): Label {
  for (const block of PROACTIVE_BLOCKS[edition]) {
    const r = block.rows.find((x) => x.key === rowKey);
    if (r) return { zh: `${block.caption.zh} ${r.zh}`, en: `${block.caption.en}: ${r.en}` };
  }
  throw new Error(`catalog has no 表二 row ${edition} ${rowKey}`);
}

const p19 = (rowKey: string, cols: readonly string[]) =>
  z
    .strictObject(Object.fromEntries(cols.map((c) => [c, proactiveCell("2019", rowKey, c)])))
    .meta(meta(proactiveRowLabel("2019", rowKey)));
const p21 = (rowKey: string, cols: readonly string[]) =>
  z
    .strictObject(Object.fromEntries(cols.map((c) => [c, proactiveCell("2021", rowKey, c)])))
    .meta(meta(proactiveRowLabel("2021", rowKey)));

type Obj<K extends string, V extends z.ZodType> = z.ZodObject<{ [P in K]: V }>;
type Made = Obj<"newlyMade" | "newlyPublished" | "totalPublished", typeof countSchema>;
type Project = z.ZodObject<{
  previousCount: typeof countSchema;
  change: typeof signedCountSchema;
  decisions: typeof countSchema;
}>;

const made = ["newlyMade", "newlyPublished", "totalPublished"] as const;
const project = ["previousCount", "change", "decisions"] as const;

export const proactiveDisclosure2019Schema = z
  .strictObject({
    rules: p19("rules", made) as unknown as Made,
    normativeDocuments: p19("normativeDocuments", made) as unknown as Made,
    licensing: p19("licensing", project) as unknown as Project,
    otherServices: p19("otherServices", project) as unknown as Project,
    penalties: p19("penalties", project) as unknown as Project,
    coercion: p19("coercion", project) as unknown as Project,
    fees: p19("fees", ["previousCount", "change"]) as unknown as z.ZodObject<{
      previousCount: typeof countSchema;
      change: typeof signedCountSchema;
    }>,
    procurement: p19("procurement", ["projects", "amountWanYuan"]) as unknown as z.ZodObject<{
      projects: typeof countSchema;
      amountWanYuan: typeof amountSchema;
    }>,
  })
  .meta(meta(sectionLabel("proactiveDisclosure")));

type Docs = Obj<"issued" | "repealed" | "inForce", typeof countSchema>;
type Decisions = Obj<"decisions", typeof countSchema>;
const docs = ["issued", "repealed", "inForce"] as const;

export const proactiveDisclosure2021Schema = z
  .strictObject({
    rules: p21("rules", docs) as unknown as Docs,
    normativeDocuments: p21("normativeDocuments", docs) as unknown as Docs,
    licensing: p21("licensing", ["decisions"]) as unknown as Decisions,
    penalties: p21("penalties", ["decisions"]) as unknown as Decisions,
    coercion: p21("coercion", ["decisions"]) as unknown as Decisions,
    fees: p21("fees", ["amountWanYuan"]) as unknown as Obj<"amountWanYuan", typeof amountSchema>,
  })
  .meta(meta(sectionLabel("proactiveDisclosure")));

const text = (key: SectionKey) => z.string().meta(meta(sectionLabel(key)));

export const agencySchema = z
  .looseObject({ name: z.string().meta(meta(TOP_LEVEL_LABELS.agencyName)) })
  .meta(meta(TOP_LEVEL_LABELS.agency, "More optional fields may be added"));

/** How one cell's value was obtained (see provenance.ts). */
export const cellProvenanceSchema = z
  .strictObject({
    status: z.enum(CELL_STATUSES as [CellStatus, ...CellStatus[]]).meta({
      description: "printed, blank (empty in the source), inferred, ambiguous or unread",
    }),
    by: z.string().optional().meta({ description: "For inferred: the rule code or evidence that decided it" }),
    candidates: z.array(z.number()).optional().meta({ description: "For ambiguous: the values the cell could have" }),
    note: z.string().optional().meta({ description: "A note printed in the cell, e.g. 其中修订5件" }),
  })
  .meta({ id: "CellProvenance", title: "单元格来源", description: "How one cell's value was obtained" });

/** The optional `provenance` of an edition: keys are the edition's cell ids. */
const provenanceSchema = (edition: Edition) =>
  z
    .partialRecord(z.enum(cellsOf(edition).map((c) => c.id) as [string, ...string[]]), cellProvenanceSchema)
    .optional()
    .meta(
      meta(
        TOP_LEVEL_LABELS.provenance,
        "Optional, set by readers of documents: per cell id, how the value was obtained. An unread or ambiguous cell holds a placeholder and is a validation error",
      ),
    );

/** The optional `signature` (落款) at the end of a published report. */
export const signatureSchema = z
  .strictObject({
    agency: z.string().meta(meta(TOP_LEVEL_LABELS.signatureAgency, "The body as signed")),
    date: z.iso.date().meta(meta(TOP_LEVEL_LABELS.signatureDate, "ISO 8601 date YYYY-MM-DD")),
  })
  .optional()
  .meta(meta(TOP_LEVEL_LABELS.signature, "Optional"));

export const yearSchema = z.int().min(2008).max(2100).meta(meta(TOP_LEVEL_LABELS.year));

const common = {
  year: yearSchema,
  agency: agencySchema,
  overview: text("overview"),
  reviewsAndLawsuits: reviewsAndLawsuitsSchema,
  problemsAndImprovements: text("problemsAndImprovements"),
  otherMatters: text("otherMatters"),
};

export const report2019Schema = z
  .strictObject({
    edition: z.literal("2019").meta({ title: TOP_LEVEL_LABELS.edition.zh, description: EDITION_INFO["2019"].document }),
    ...common,
    proactiveDisclosure: proactiveDisclosure2019Schema,
    applications: applications2019Schema,
    signature: signatureSchema,
    provenance: provenanceSchema("2019"),
  })
  .meta({
    id: "Report2019",
    title: `${REPORT_NAME.zh}（${EDITION_INFO["2019"].document}）`,
    description: `Annual report, ${EDITION_INFO["2019"].en}, ${EDITION_INFO["2019"].document}, report years ${EDITION_INFO["2019"].years}`,
  });

export const report2021Schema = z
  .strictObject({
    edition: z.literal("2021").meta({ title: TOP_LEVEL_LABELS.edition.zh, description: EDITION_INFO["2021"].document }),
    ...common,
    proactiveDisclosure: proactiveDisclosure2021Schema,
    applications: applications2021Schema,
    signature: signatureSchema,
    provenance: provenanceSchema("2021"),
  })
  .meta({
    id: "Report2021",
    title: `${REPORT_NAME.zh}（${EDITION_INFO["2021"].document}）`,
    description: `Annual report, ${EDITION_INFO["2021"].en}, ${EDITION_INFO["2021"].document}, report years ${EDITION_INFO["2021"].years}`,
  });

export const reportSchema = z.discriminatedUnion("edition", [report2019Schema, report2021Schema]).meta({
  title: REPORT_NAME.zh,
  description: `${REPORT_NAME.en} (${REPORT_NAME.zh}), edition 2019 or 2021`,
});

export type Counts = z.infer<typeof countsSchema>;
export type Outcomes = z.infer<typeof outcomesSchema>;
export type ReviewsAndLawsuits = z.infer<typeof reviewsAndLawsuitsSchema>;
export type ProactiveDisclosure2019 = z.infer<typeof proactiveDisclosure2019Schema>;
export type ProactiveDisclosure2021 = z.infer<typeof proactiveDisclosure2021Schema>;
export type Applications2019 = z.infer<typeof applications2019Schema>;
export type Applications2021 = z.infer<typeof applications2021Schema>;
export type Report2019 = z.infer<typeof report2019Schema>;
export type Report2021 = z.infer<typeof report2021Schema>;
export type Report = Report2019 | Report2021;
export type Agency = z.infer<typeof agencySchema>;
