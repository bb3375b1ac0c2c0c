/**
 * A one-line progress bar for terminals: pages done, pages per second, the current file. Redrawn at
 * most every 100 ms so a fast import does not spend its time drawing.
 */

export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  /** Erases the bar. */
  done(): void;
}

/** A bar drawn on `stream` (a TTY: it relies on carriage return and erase-line). */
export function createProgressBar(stream: NodeJS.WriteStream, width = 28): ProgressBar {
  const started = performance.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total, label) {
      const now = performance.now();
      if (done < total && now - lastDraw < 100) return;
      lastDraw = now;
      const filled = total ? Math.round((done / total) * width) : width;
      const rate = done / Math.max((now - started) / 1000, 0.001);
      const columns = stream.columns || 100;
      const text = `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total} pages · ${rate.toFixed(0)} pages/s · ${label}`;
      stream.write(`\r\x1b[2K${[...text].slice(0, columns - 1).join("")}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}
