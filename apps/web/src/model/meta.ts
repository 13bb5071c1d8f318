/** Core's form metadata, built once: every table, cell, label and constraint the form draws and reads. */
import { buildFormMetadata } from "@gov-report/core/lite";

export const META = buildFormMetadata();
