/**
 * npm run bench — speed, memory and responsiveness on three kinds of input:
 *   feed      a day's feed of distinct articles on many stories (bench/feed.ts, from the val
 *             clusters: no verbatim repeats, so no cache helps): 1,000, 10,000, 100,000;
 *   reprint   one story reprinted by many outlets (bench/generate.ts), with paragraphs on lines
 *             and with half the articles written as one line: 10 to 10,000;
 *   hostile   inputs that cost far more than their size (bench/hostile.ts).
 * Each case runs in its own child process (peak memory is its own) with the input generated
 * outside the timed part: three warm-up runs (not at 100,000), then the median of several runs
 * of `summarize()` from the built package, the time of each stage (from `onProgress`), the first
 * (cold) run's time, peak RSS and heap; the floor ratio: median total ÷ the time `sbd` alone
 * takes to split the same texts (measured last, when sbd is as warm); the longest
 * event-loop block of one run (bench/event-loop.ts); and for some, how soon an abort rejects.
 *
 *   npm run bench                         every case, tables on stdout
 *   npm run bench -- --write              also write bench/RESULTS.md
 *   npm run bench -- --cases feed:1000,reprint:100,hostile
 *   npm run bench -- --cases feed:10000@2         a case on 2 threads (the `parallel` option)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sbd from 'sbd';
import { summarize, type SummarizeOptions } from 'chorus-summary';
import { threadPool } from 'chorus-summary/node';
import { measureLongestBlock } from './event-loop.js';
import { benchmarkDataPath, generateFeed } from './feed.js';
import { generateCluster } from './generate.js';
import { HOSTILE_INPUTS } from './hostile.js';
import { blockingRecall } from './recall.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STAGES = ['segment', 'analyse', 'dedupe', 'conflicts', 'rank', 'select'] as const;
const DEFAULT_CASES = 'feed:1000,feed:10000,feed:100000,feed:1000@2,feed:10000@2,reprint:10,reprint:100,reprint:1000,reprint:10000,oneline:1000,oneline:10000,hostile';
const { values: args } = parseArgs({
  options: { child: { type: 'string' }, cases: { type: 'string', default: DEFAULT_CASES }, write: { type: 'boolean', default: false } },
});

interface Result {
  label: string;
  megabytes: number;
  sentences: number;
  runs: number;
  totalMs: number;
  /** The process's first run, before any warm-up: what a script that summarises once waits. */
  firstMs: number;
  cpuMs: number;
  stageMs: Record<string, number>;
  floorMs: number;
  peakRssMb: number;
  peakHeapMb: number;
  longestBlockMs: number;
  abortMs?: number;
  recall?: { pairs: number; found: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const cpu = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/** The documents and options of a case ("feed:1000", "reprint:100", "oneline:1000", "hostile:3"). */
function input(spec: string): { label: string; documents: { id: string; text: string }[]; options: SummarizeOptions } {
  const [kind, size] = spec.split(':') as [string, string];
  const n = Number(size);
  if (kind === 'feed') return { label: `feed ${n.toLocaleString('en-US')}`, documents: generateFeed(n, benchmarkDataPath(root)).map(({ id, text }) => ({ id, text })), options: {} };
  if (kind === 'reprint') return { label: `reprints ${n.toLocaleString('en-US')}`, documents: generateCluster(n, root), options: {} };
  if (kind === 'oneline') return { label: `reprints ${n.toLocaleString('en-US')}, half one-line`, documents: generateCluster(n, root, undefined, true, { oneLine: 'half' }), options: {} };
  const hostile = HOSTILE_INPUTS[n]!;
  return { label: hostile.name, documents: hostile.documents(), options: (hostile.options ?? {}) as SummarizeOptions };
}

async function measure(given: string): Promise<Result> {
  // "feed:10000@2": the same case on 2 threads (the `parallel` option, a pool of 1 worker).
  const [spec, threads = 1] = given.split('@').map((part, k) => (k === 0 ? part : Number(part))) as [string, number?];
  const input_ = input(spec);
  const pool = threads > 1 ? threadPool({ threads: threads - 1 }) : undefined;
  const { documents } = input_;
  const label = threads > 1 ? `${input_.label} (${threads} threads)` : input_.label;
  const options: SummarizeOptions = pool ? { ...input_.options, parallel: pool } : input_.options;
  const bytes = documents.reduce((sum, document) => sum + Buffer.byteLength(document.text), 0);
  const huge = bytes > 100e6;
  const runs = huge ? 1 : bytes > 10e6 ? 3 : 5;
  let peakHeap = 0;
  const once = async () => {
    const marks: [string, number][] = [];
    const started = performance.now();
    const cpuStarted = cpu();
    const summary = await summarize(documents, {
      words: 100,
      ...options,
      onProgress: ({ stage }) => {
        if (marks.length === 0 || marks[marks.length - 1]![0] !== stage) marks.push([stage, performance.now()]);
        const heap = process.memoryUsage().heapUsed;
        if (heap > peakHeap) peakHeap = heap;
      },
    });
    const ended = performance.now();
    const stageMs: Record<string, number> = {};
    marks.forEach(([stage, at], k) => (stageMs[stage] = (k + 1 < marks.length ? marks[k + 1]![1] : ended) - at));
    return { total: ended - started, cpu: cpu() - cpuStarted, stageMs, sentences: summary.stats.sentences };
  };
  // Warm-up: the first runs of a process are slower while V8 optimises (on the 1,000-article
  // feed 1.3 s, 1.2 s, 0.94 s, then 0.80–0.83 s from the fourth on), and the floor it is divided
  // by is measured after all of them; the first run is reported beside the median.
  const first = await once();
  if (!huge) for (let w = 1; w < 3; w++) await once();
  const results: Awaited<ReturnType<typeof once>>[] = huge ? [first] : [];
  if (!huge) for (let r = 0; r < runs; r++) results.push(await once());
  const { longestBlockMs } = await measureLongestBlock(() => summarize(documents, { words: 100, ...options }));
  const floors: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    for (const document of documents) sbd.sentences(document.text, { newline_boundaries: true });
    floors.push(performance.now() - started);
  }
  const result: Result = {
    label,
    megabytes: bytes / 1e6,
    sentences: results[0]!.sentences,
    runs,
    totalMs: median(results.map((r) => r.total)),
    firstMs: first.total,
    cpuMs: median(results.map((r) => r.cpu)),
    stageMs: Object.fromEntries(STAGES.map((stage) => [stage, median(results.map((r) => r.stageMs[stage] ?? 0))])),
    floorMs: median(floors),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 2 ** 20,
    longestBlockMs,
  };
  if (given === 'reprint:100') result.recall = blockingRecall(documents);
  if (!huge && (spec.startsWith('hostile') || spec === 'reprint:1000' || spec === 'feed:1000')) {
    // From the moment the abort was due (a timer fires only between slices) to the rejection.
    const latencies: number[] = [];
    for (const share of [0.2, 0.5, 0.8]) {
      const controller = new AbortController();
      const delay = result.totalMs * share;
      const due = performance.now() + delay;
      setTimeout(() => controller.abort(), delay);
      const rejected = await summarize(documents, { words: 100, ...options, signal: controller.signal }).then(
        () => false,
        () => true,
      );
      // A run that ends before its abort is due (a warmer run is faster) measures nothing.
      if (rejected) latencies.push(performance.now() - due);
    }
    if (latencies.length > 0) result.abortMs = median(latencies);
  }
  await pool?.close();
  return result;
}

if (args.child) {
  process.stdout.write(JSON.stringify(await measure(args.child)));
  process.exit(0);
}

const specs = args.cases!.split(',').flatMap((spec) => (spec === 'hostile' ? HOSTILE_INPUTS.map((_, k) => `hostile:${k}`) : [spec]));
const results: Result[] = [];
for (const spec of specs) {
  process.stderr.write(`${spec}… `);
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', spec], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`${spec} failed:\n${child.stderr}`);
  results.push(JSON.parse(child.stdout) as Result);
}
process.stderr.write('\n');
console.log(report(results));
if (args.write) {
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
  writeFileSync(path.join(root, 'bench/RESULTS.md'), `# Speed, memory and responsiveness\n\nWritten by \`npm run bench -- --write\` at commit \`${commit}\` on ${machine}.\n\n${report(results)}\n`);
  console.log('wrote bench/RESULTS.md');
}

/** The tables and notes, as Markdown. */
function report(all: Result[]): string {
  const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
  const table = (rows: Result[]) =>
    [
      `| input | MB | sentences | ${STAGES.join(' | ')} | total (median) | first run | CPU | sbd alone | floor ratio | longest block | peak RSS | peak heap |`,
      `|${'---|'.repeat(STAGES.length + 11)}`,
      ...rows.map(
        (r) =>
          `| ${r.label} | ${r.megabytes.toFixed(1)} | ${r.sentences.toLocaleString('en-US')} | ${STAGES.map((stage) => s(r.stageMs[stage]!)).join(' | ')} | **${s(r.totalMs)}** | ${s(r.firstMs)} | ${s(r.cpuMs)} | ${s(r.floorMs)} | ${(r.totalMs / r.floorMs).toFixed(2)} | ${s(r.longestBlockMs)} | ${r.peakRssMb.toFixed(0)} MB | ${r.peakHeapMb.toFixed(0)} MB |`,
      ),
    ].join('\n');
  const feed = all.filter((r) => r.label.startsWith('feed'));
  const reprints = all.filter((r) => r.label.startsWith('reprints'));
  const hostile = all.filter((r) => !r.label.startsWith('feed') && !r.label.startsWith('reprints'));
  const notes: string[] = [];
  const byLabel = new Map(all.map((r) => [r.label, r]));
  const ratio = (a: string, b: string) => (byLabel.has(a) && byLabel.has(b) ? byLabel.get(b)!.totalMs / byLabel.get(a)!.totalMs : undefined);
  for (const [a, b] of [['feed 1,000', 'feed 10,000'], ['feed 10,000', 'feed 100,000'], ['feed 1,000 (2 threads)', 'feed 10,000 (2 threads)'], ['reprints 1,000', 'reprints 10,000']]) {
    const r = ratio(a!, b!);
    if (r !== undefined) notes.push(`${a} → ${b}: ${r.toFixed(1)}× the time for 10× the articles.`);
  }
  const recall = all.find((r) => r.recall)?.recall;
  if (recall) notes.push(`Blocking recall on the 100-article reprint cluster: ${recall.found} of ${recall.pairs} pairs within the duplicate threshold (all-pairs Levenshtein) end up in one group.`);
  for (const r of all) if (r.abortMs !== undefined) notes.push(`Abort, ${r.label}: rejected ${r.abortMs.toFixed(1)} ms after the abort was due (median of the runs aborted at 20, 50 and 80% of the run; a run that ends first is left out).`);
  const hostileRows = hostile.map((r) => `| ${r.label} | ${r.megabytes.toFixed(1)} | **${s(r.totalMs)}** | ${(r.totalMs / 1000 / Math.max(r.megabytes, 0.001)).toFixed(2)} s | ${s(r.cpuMs)} | ${s(r.longestBlockMs)} | ${r.abortMs === undefined ? '–' : `${r.abortMs.toFixed(0)} ms`} | ${r.peakRssMb.toFixed(0)} MB |`);
  return [
    '## A feed of distinct articles\n',
    'bench/feed.ts: articles on many stories made from the val clusters at bench time, every sentence used again changed beyond the duplicate threshold (no verbatim repeats).\n',
    table(feed),
    '\n## Reprint clusters\n',
    'bench/generate.ts: one story reprinted by many outlets (wire copy with small edits, paraphrases, furniture); "half one-line": every other article written as one line, so no line repeats verbatim.\n',
    table(reprints),
    '\n## Inputs that cost more than their size\n',
    'bench/hostile.ts. Time per MB is wall time ÷ UTF-8 megabytes.\n',
    '| input | MB | total | per MB | CPU | longest block | abort | peak RSS |\n|---|---|---|---|---|---|---|---|',
    ...hostileRows,
    '',
    ...notes.map((note) => `- ${note}`),
  ].join('\n');
}
