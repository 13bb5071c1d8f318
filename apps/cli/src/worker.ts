/** A parse worker (a process started by the pool, pool.ts): reads documents, one job at a time. */
import { serve } from "@gov-report/parser/pool";
import { loadParser, runParseJob } from "./parse-job.js";

// Ready once the parser is loaded: the pool's time limit is for reading a document, not for
// starting a worker on a busy machine.
serve(runParseJob, loadParser);
