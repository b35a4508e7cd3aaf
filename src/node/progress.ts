/**
 * One progress bar for the whole run on a terminal's standard error: reading files, then each
 * stage of the library, every one with a fixed share of the bar, so it only ever moves
 * forward (a stage that reports in phases, as rank does, cannot pull it back). It appears
 * once a run has taken a quarter of a second, fits the terminal's width (a line longer than
 * the terminal wraps, and `\r` then leaves the first part behind), and is erased at the end.
 */

/** Each step's share of the bar, from what it takes on the benchmark's clusters. */
const SHARES = { load: 0.2, segment: 0.3, analyse: 0.2, dedupe: 0.13, conflicts: 0.02, rank: 0.1, select: 0.05, group: 0.15, summarise: 0.3 } as const;
/** The steps a digest reports: it reads the feed once, groups it, then summarises story by story. */
const DIGEST_STEPS = new Set(['load', 'segment', 'analyse', 'group', 'summarise']);
export type Step = keyof typeof SHARES;
const STEPS = Object.keys(SHARES) as Step[];
const LABELS: Record<Step, string> = { load: 'reading', segment: 'splitting', analyse: 'analysing', dedupe: 'merging', conflicts: 'comparing', rank: 'ranking', select: 'selecting', group: 'grouping', summarise: 'summarising' };

export interface BarOptions {
  /** Whether to draw at all (a terminal, not --quiet). */
  enabled: boolean;
  /** Whether files are read first (else the bar starts at the library's first stage). */
  reading: boolean;
  /** A digest's steps instead of a summary's. */
  digest?: boolean;
  /** The terminal's width now. @default stream.columns, else 80 */
  columns?: () => number;
  /** The clock, in milliseconds. @default Date.now */
  now?: () => number;
  /** How long a run goes before the bar appears. @default 250 */
  delay?: number;
}

export interface ProgressBar {
  update(step: Step, done: number, total: number): void;
  /** Erase the bar (safe to call when none was drawn). */
  clear(): void;
}

export function progressBar(stream: NodeJS.WritableStream & { columns?: number }, options: BarOptions): ProgressBar {
  const now = options.now ?? Date.now;
  const started = now();
  const delay = options.delay ?? 250;
  const ofRun = options.digest ? (step: Step) => DIGEST_STEPS.has(step) : (step: Step) => step !== 'group' && step !== 'summarise';
  const steps = STEPS.filter((step) => ofRun(step) && (options.reading || step !== 'load'));
  const whole = steps.reduce((sum, step) => sum + SHARES[step], 0);
  let shown = 0; // characters on the line now
  let share = 0; // of the whole bar, never less than before
  let drawnAt = -Infinity;
  let drawn = '';
  return {
    update(step, done, total) {
      if (!options.enabled || !steps.includes(step)) return;
      const before = steps.slice(0, steps.indexOf(step)).reduce((sum, s) => sum + SHARES[s], 0);
      const within = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
      share = Math.max(share, (before + SHARES[step] * within) / whole);
      const time = now();
      if (time - started < delay || time - drawnAt < 80) return;
      const columns = Math.max(0, (options.columns?.() ?? stream.columns ?? 80) - 1); // never the last column: some terminals wrap there
      const percent = `${Math.floor(share * 100)}%`;
      const label = `chorus: ${LABELS[step]}`;
      const room = columns - label.length - percent.length - 4;
      const width = Math.min(40, room);
      const line =
        width >= 10
          ? `${label} [${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] ${percent}`
          : columns >= label.length + percent.length + 1
            ? `${label} ${percent}`
            : columns >= percent.length
              ? percent
              : '';
      if (line === drawn || line === '') return;
      const written = line.padEnd(Math.min(shown, columns)); // spaces over what is left of a longer line
      stream.write(`\r${written}`);
      shown = written.length;
      drawn = line;
      drawnAt = time;
    },
    clear() {
      if (shown > 0) stream.write(`\r${' '.repeat(shown)}\r`);
      shown = 0;
      drawn = '';
    },
  };
}
