/** The report's TypeScript types, inferred from the zod schemas (type-only: no zod at run time). */
export type {
  Agency,
  Applications2019,
  Applications2021,
  Counts,
  Outcomes,
  ProactiveDisclosure2019,
  ProactiveDisclosure2021,
  Report,
  Report2019,
  Report2021,
  ReviewsAndLawsuits,
} from "./schema.js";
