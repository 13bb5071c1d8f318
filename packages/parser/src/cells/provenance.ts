/** The provenance types of the shared contract, from core (the report model carries them). */
export type { CellProvenance, CellStatus, Provenance } from "@gov-report/core/lite";
