// Preloaded into a benchmarked child (node --import): writes its peak memory (maxRSS, KB) on exit.
import { writeFileSync } from "node:fs";

const file = process.env.GOV_REPORT_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
