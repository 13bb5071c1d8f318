/** A desk in its own process, for the crash test: prints its URL on the first line. */
import { startDesk } from "../src/index.js";

const d = await startDesk({ db: process.argv[2]!, port: 0, workers: 2, log: () => undefined });
process.stdout.write(`${d.url}\n`);
