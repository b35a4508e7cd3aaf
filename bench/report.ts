/**
 * The tables of bench:quality and the report it writes to bench/QUALITY.md (the notes below
 * the `<!-- notes -->` marker are a person's and are kept as they are).
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SummarizeOptions } from 'chorus-summary';
import type { ReadabilityCounts } from './readability.js';
import type { RougeScores, Score } from './rouge.js';

/** A shape of the data and the lengths it is scored at. */
export interface Shape {
  name: string;
  lengths: number[];
}

/** One system on one shape: per length, every cluster's scores, their mean, words and readability. */
export interface Row {
  name: string;
  lengths: Record<number, { perCluster: RougeScores[]; mean: RougeScores; words: number; readable: ReadabilityCounts }>;
  ms: number;
  empty: number;
}

/** Ablations: each stage of the pipeline turned off in turn. */
export const ABLATIONS: [string, SummarizeOptions][] = [
  ['no dedupe (only identical keys merge)', { duplicateThreshold: 0 }],
  ['no support weighting', { supportWeight: 0 }],
  ['no position prior', { positionWeight: 0 }],
  ['no furniture filter', { skipFurniture: false }],
  ['no redundancy check', { redundancyThreshold: 1 }],
];

/** The figure reported at a length: F1 at 300 words (as Multi-News papers do), recall below (as DUC did). */
export const figureAt = (length: number): keyof Score => (length >= 300 ? 'f' : 'recall');
const pct = (x: number) => (100 * x).toFixed(2);
const METRICS = ['rouge1', 'rouge2', 'rougeL', 'rougeSU4'] as const;
const LABELS = ['R1', 'R2', 'RL', 'SU4'];

export function tableFor(shape: Shape, rows: readonly Row[]): string {
  const columns = shape.lengths.flatMap((length) => LABELS.map((label) => `${label} @${length}`));
  const header = `| system | ${columns.join(' | ')} | words ${shape.lengths.map((l) => `@${l}`).join(' / ')} | ms per summary |`;
  const rule = `|${'---|'.repeat(columns.length + 3)}`;
  const line = (row: Row) =>
    `| ${row.name} | ${shape.lengths.flatMap((length) => METRICS.map((metric) => pct(row.lengths[length]!.mean[metric][figureAt(length)]))).join(' | ')} | ` +
    `${shape.lengths.map((length) => row.lengths[length]!.words.toFixed(0)).join(' / ')} | ${row.ms.toFixed(1)} |`;
  return [header, rule, ...rows.map(line)].join('\n');
}

const difference = (ours: Row, other: Row, length: number, metric: (typeof METRICS)[number]) =>
  (100 * (ours.lengths[length]!.mean[metric][figureAt(length)] - other.lengths[length]!.mean[metric][figureAt(length)])).toFixed(2);

/** chorus − every other system, R1 and R2 at each length. */
export function marginLines(shape: Shape, ours: Row, rows: readonly Row[]): string[] {
  return rows
    .filter((row) => row !== ours)
    .map((other) => `chorus − ${other.name}: ${shape.lengths.map((length) => `R1 @${length} ${difference(ours, other, length, 'rouge1')}, R2 @${length} ${difference(ours, other, length, 'rouge2')}`).join('; ')}`);
}

/** chorus − lead on the clusters at even and at odd positions of the file, R1 at each length. */
export function halfMargins(shape: Shape, ours: Row, lead: Row): string {
  const half = (parity: number, length: number) => {
    const pick = (row: Row) => row.lengths[length]!.perCluster.filter((_, index) => index % 2 === parity);
    const [a, b] = [pick(ours), pick(lead)];
    const sum = (scores: RougeScores[]) => scores.reduce((total, score) => total + score.rouge1[figureAt(length)], 0);
    return ((100 * (sum(a) - sum(b))) / Math.max(1, a.length)).toFixed(2);
  };
  return `chorus − lead, R1 by half (even / odd clusters): ${shape.lengths.map((length) => `@${length} ${half(0, length)} / ${half(1, length)}`).join('; ')}`;
}

export const readableHeader =
  '| words | sentences | furniture | lower-case start | fragments | unresolved opening | unbalanced quotes | unattributed quotation | repeated fact (pairs) |\n|---|---|---|---|---|---|---|---|---|';
export const readableLine = (length: number, r: ReadabilityCounts) =>
  `| ${length} | ${r.sentences} | ${r.furniture} | ${r.lowerStart} | ${r.fragments} | ${r.danglingStart} | ${r.unbalancedQuotes} | ${r.unattributedQuotes} | ${r.repeats} |`;

export function writeReport(root: string, dataName: string, clusterCount: number, results: readonly { shape: Shape; rows: Row[]; ablations: Row[] }[]): void {
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
    } catch {
      return 'unknown';
    }
  })();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const file = path.join(root, 'bench/QUALITY.md');
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const notes = previous.includes('<!-- notes -->') ? previous.slice(previous.indexOf('<!-- notes -->')) : '<!-- notes -->\n';
  const sections = results.map(({ shape, rows, ablations }) => {
    const ours = rows.find((row) => row.name === 'chorus');
    const lead = rows.find((row) => row.name === 'lead');
    const margins = ours ? `\n\n${marginLines(shape, ours, rows).map((line) => `- ${line}`).join('\n')}${lead ? `\n- ${halfMargins(shape, ours, lead)}` : ''}` : '';
    const ablationTable =
      ablations.length > 0 ? `\n\nThe full pipeline, then one stage turned off at a time:\n\n${tableFor(shape, [...(ours ? [{ ...ours, name: 'full pipeline' }] : []), ...ablations])}` : '';
    const readable = ours
      ? `\n\nReadable output (bench/readability.ts), over every summary chorus-summary wrote (empty summaries: ${ours.empty}):\n\n${readableHeader}\n` +
        shape.lengths.map((length) => readableLine(length, ours.lengths[length]!.readable)).join('\n')
      : '';
    return `## ${shape.name[0]!.toUpperCase()}${shape.name.slice(1)}\n\n${tableFor(shape, rows)}${margins}${ablationTable}${readable}`;
  });
  writeFileSync(
    file,
    `# Summary quality\n\nWritten by \`npm run bench:quality -- --ablations --write\` at commit \`${commit}\` on ${machine}, ` +
      `over ${clusterCount} clusters of \`${dataName}\`, in two shapes: the full articles, and excerpts (each document cut to its first ` +
      `sentences, at the sentence end nearest 60 words). ROUGE-1.5.5 figures ×100: recall at 60 and 100 words, F1 at 300 words ` +
      `(bench/rouge.ts; it reproduces the data README's calibration table to ±0.01). Readability counts: furniture (a sentence that is ` +
      `page furniture or carries some, such as a player's "CLOSE" or "Watch:" before the first word), a lower-case start, fragments (no ` +
      `final punctuation, or under four words), an opening that refers to what the summary has not said (a connective anywhere, a pronoun ` +
      `opening the summary), unbalanced quotation marks, a quotation with no one saying it, and pairs of sentences that repeat one fact ` +
      `(at least half of the shorter one's stemmed content words are in the other).\n\n${sections.join('\n\n')}\n\n${notes}`,
  );
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}
