/** A parse worker of the desk (a process started by the pool, pool.ts): analyses one upload at a time. */
import { serve } from "@gov-report/parser/pool";
import { analyze } from "./analyze.js";

serve((job: { bytes: Uint8Array; filename: string }) => analyze(job.bytes, job.filename));
