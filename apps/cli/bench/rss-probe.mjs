// Preloaded into a benchmarked process (node --import, and through NODE_OPTIONS into its parse
// workers): on exit it appends one JSON line to GOV_REPORT_RSS_FILE with its pid, its parent's,
// its peak memory (maxRSS, KB), its CPU time (ms, all threads), the CPU time of its main thread
// alone, and that of its children that have ended (Linux: /proc; -1 elsewhere).
import { appendFileSync, readFileSync } from "node:fs";

const file = process.env.GOV_REPORT_RSS_FILE;

/** utime+stime (and cutime+cstime) in ms of a /proc stat line; ticks of 10 ms (USER_HZ 100). */
function procTimes(path) {
  try {
    const s = readFileSync(path, "utf8");
    const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
    return { own: (Number(f[11]) + Number(f[12])) * 10, children: (Number(f[13]) + Number(f[14])) * 10 };
  } catch {
    return { own: -1, children: -1 };
  }
}

if (file)
  process.on("exit", () => {
    const cpu = process.cpuUsage();
    const line = {
      pid: process.pid,
      ppid: process.ppid,
      maxRssKb: process.resourceUsage().maxRSS,
      cpuMs: (cpu.user + cpu.system) / 1000,
      mainThreadMs: procTimes(`/proc/self/task/${process.pid}/stat`).own,
      childrenMs: procTimes("/proc/self/stat").children,
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
