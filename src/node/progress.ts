/** A one-line progress bar on a terminal's standard error, shown only once a run has taken a second. */
export function progressBar(stderr: NodeJS.WritableStream, enabled: boolean) {
  const started = Date.now();
  let shown = false;
  return {
    update(stage: string, done: number, total: number) {
      if (!enabled || Date.now() - started < 1000) return;
      shown = true;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const width = 24;
      const filled = Math.round(share * width);
      stderr.write(`\r${stage.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}%  `);
    },
    clear() {
      if (shown) stderr.write(`\r${' '.repeat(50)}\r`);
    },
  };
}
