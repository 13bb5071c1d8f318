/**
 * A progress bar on stderr for batches; silent when stderr is not a terminal (a log file or a
 * pipe gets only the summary line each command prints at the end).
 */
import { clean } from "./sanitize.js";

export interface Progress {
  tick(label?: string): void;
  done(): void;
}

export function progress(total: number, title: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = Boolean(stream.isTTY) && total > 1;
  let n = 0;
  let lastDraw = 0;
  const draw = (label: string) => {
    const width = 24;
    const filled = Math.round((n / total) * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    const shown = clean(label);
    const tail = shown.length > 40 ? `…${shown.slice(-39)}` : shown;
    stream.write(`\r\u001b[2K${title} ${bar} ${n}/${total} ${tail}`);
  };
  if (live) draw("");
  return {
    tick(label = "") {
      n++;
      if (!live) return;
      const now = Date.now();
      if (now - lastDraw < 50 && n < total) return;
      lastDraw = now;
      draw(label);
    },
    done() {
      if (live) stream.write("\r\u001b[2K");
    },
  };
}
