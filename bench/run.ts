/**
 * npm run bench — speed and memory at 10, 100, 1,000 and 10,000 articles.
 *
 * Each size runs in its own child process (so peak memory is its own): the cluster is
 * generated outside the timed part (bench/generate.ts, fixed seed), one warm-up run, then the
 * median of several runs of `summarize()` from the built package, with the time of each stage
 * (from `onProgress`), peak RSS and heap, and the floor ratio: total time ÷ the time `sbd`
 * alone takes to split the same texts in the same process. At 100 articles it also measures
 * blocking recall (pairs within the duplicate threshold that dedupe groups, against all
 * pairs), and at 1,000 the abort latency.
 *
 *   npm run bench                    all sizes, table on stdout
 *   npm run bench -- --write         also write bench/RESULTS.md
 *   npm run bench -- --sizes 10,100  only these sizes ("1000r": nothing repeated verbatim)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import levenshtein from 'fast-levenshtein';
import sbd from 'sbd';
import { summarize } from 'chorus-summary';
import { analyse } from '../src/analyse.js';
import { dedupe } from '../src/dedupe/index.js';
import { createCaches, Kind } from '../src/model.js';
import { runSync } from '../src/schedule.js';
import { segment } from '../src/segment/index.js';
import { resolveInput } from '../src/validate.js';
import { generateCluster, type GeneratedDocument } from './generate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STAGES = ['segment', 'analyse', 'dedupe', 'conflicts', 'rank', 'select'] as const;
const { values: args } = parseArgs({
  options: {
    child: { type: 'string' },
    // "1000r": 1,000 articles in which no paragraph repeats verbatim.
    sizes: { type: 'string', default: '10,100,1000,10000,1000r' },
    write: { type: 'boolean', default: false },
  },
});

interface SizeResult {
  articles: number;
  /** False for the worst case: no paragraph reprinted verbatim. */
  verbatim: boolean;
  megabytes: number;
  sentences: number;
  runs: number;
  totalMs: number;
  stageMs: Record<string, number>;
  floorMs: number;
  peakRssMb: number;
  peakHeapMb: number;
  recall?: { pairs: number; found: number };
  abortMs?: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Pairs of prose sentences within the threshold by all-pairs comparison, and how many dedupe grouped. */
function blockingRecall(documents: GeneratedDocument[], threshold = 0.3): { pairs: number; found: number } {
  const canonical = [...documents].sort((a, b) => (a.id < b.id ? -1 : 1));
  const { settings } = resolveInput([], { duplicateThreshold: threshold }, false);
  const caches = createCaches();
  const segments = runSync(segment(canonical, settings, caches));
  const analysis = runSync(analyse(segments, canonical.map((document) => document.text), settings, caches));
  const groups = runSync(dedupe(segments, analysis, settings));
  // Distinct keys carry all the information: identical keys are distance 0 and always grouped.
  const groupOfKey = new Map<string, number>();
  for (let i = 0; i < segments.count; i++) if (segments.kind[i] === Kind.PROSE && !groupOfKey.has(analysis.key[i]!)) groupOfKey.set(analysis.key[i]!, groups.groupOf[i]!);
  const keys = [...groupOfKey.keys()];
  let pairs = 0;
  let found = 0;
  for (let a = 0; a < keys.length; a++)
    for (let b = a + 1; b < keys.length; b++) {
      const x = keys[a]!;
      const y = keys[b]!;
      const longer = Math.max(x.length, y.length);
      if (Math.abs(x.length - y.length) > threshold * longer) continue;
      if (levenshtein.get(x, y) / longer > threshold) continue;
      pairs++;
      if (groupOfKey.get(x) === groupOfKey.get(y)) found++;
    }
  return { pairs, found };
}

async function measure(spec: string): Promise<SizeResult> {
  const verbatim = !spec.endsWith('r');
  const articles = Number(spec.replace(/r$/, ''));
  const documents = generateCluster(articles, root, undefined, verbatim);
  const bytes = documents.reduce((sum, document) => sum + Buffer.byteLength(document.text), 0);
  const runs = articles >= 10_000 ? 3 : articles >= 1_000 ? 5 : 7;
  let peakHeap = 0;
  const once = async () => {
    const marks: [string, number][] = [];
    const started = performance.now();
    const summary = await summarize(documents, {
      words: 100,
      onProgress: ({ stage }) => {
        if (marks.length === 0 || marks[marks.length - 1]![0] !== stage) marks.push([stage, performance.now()]);
        const heap = process.memoryUsage().heapUsed;
        if (heap > peakHeap) peakHeap = heap;
      },
    });
    const ended = performance.now();
    const stageMs: Record<string, number> = {};
    marks.forEach(([stage, at], k) => (stageMs[stage] = (k + 1 < marks.length ? marks[k + 1]![1] : ended) - at));
    return { total: ended - started, stageMs, sentences: summary.stats.sentences };
  };
  await once(); // warm-up
  const results: Awaited<ReturnType<typeof once>>[] = [];
  for (let r = 0; r < runs; r++) results.push(await once());
  const floors: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    for (const document of documents) sbd.sentences(document.text, { newline_boundaries: true });
    floors.push(performance.now() - started);
  }
  const result: SizeResult = {
    articles,
    verbatim,
    megabytes: bytes / 1e6,
    sentences: results[0]!.sentences,
    runs,
    totalMs: median(results.map((r) => r.total)),
    stageMs: Object.fromEntries(STAGES.map((stage) => [stage, median(results.map((r) => r.stageMs[stage] ?? 0))])),
    floorMs: median(floors),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 2 ** 20,
  };
  if (articles === 100 && verbatim) result.recall = blockingRecall(documents);
  if (articles === 1_000 && verbatim) {
    const latencies: number[] = [];
    for (let r = 0; r < 5; r++) {
      // Measured from when the abort was due, not from when its timer got to run: a timer can
      // only fire between slices, so the wait for the slice to end is part of the latency.
      const controller = new AbortController();
      const delay = 100 + 60 * r;
      const due = performance.now() + delay;
      setTimeout(() => controller.abort(), delay);
      await summarize(documents, { signal: controller.signal }).catch(() => undefined);
      latencies.push(performance.now() - due);
    }
    result.abortMs = median(latencies);
  }
  return result;
}

if (args.child) {
  process.stdout.write(JSON.stringify(await measure(args.child)));
  process.exit(0);
}

const sizes = args.sizes!.split(',');
const results: SizeResult[] = [];
for (const size of sizes) {
  process.stderr.write(`${size} articles… `);
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', String(size)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`size ${size} failed:\n${child.stderr}`);
  results.push(JSON.parse(child.stdout) as SizeResult);
}
process.stderr.write('\n');

const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const table = [
  '| articles | input MB | sentences | segment | analyse | dedupe | conflicts | rank | select | total (median) | sbd alone | floor ratio | peak RSS | peak heap |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.articles.toLocaleString('en-US')}${r.verbatim ? '' : ' (nothing verbatim)'} | ${r.megabytes.toFixed(1)} | ${r.sentences.toLocaleString('en-US')} | ${STAGES.map((stage) => s(r.stageMs[stage]!)).join(' | ')} | ` +
      `**${s(r.totalMs)}** | ${s(r.floorMs)} | ${(r.totalMs / r.floorMs).toFixed(2)} | ${r.peakRssMb.toFixed(0)} MB | ${r.peakHeapMb.toFixed(0)} MB |`,
  ),
].join('\n');
console.log(table);
const byArticles = new Map(results.filter((r) => r.verbatim).map((r) => [r.articles, r]));
const reworded = results.find((r) => !r.verbatim);
const notes: string[] = [];
const k1 = byArticles.get(1_000);
const k10 = byArticles.get(10_000);
if (k1 && k10) notes.push(`Scaling from 1,000 to 10,000 articles: ${(k10.totalMs / k1.totalMs).toFixed(1)}× the time for 10× the input.`);
const r100 = byArticles.get(100)?.recall;
if (r100) notes.push(`Blocking recall on the 100-article cluster: ${r100.found} of ${r100.pairs} pairs within the duplicate threshold (all-pairs Levenshtein) end up in one group: ${((100 * r100.found) / Math.max(1, r100.pairs)).toFixed(2)}%.`);
const abort = byArticles.get(1_000)?.abortMs;
if (abort !== undefined) notes.push(`Abort latency at 1,000 articles (median of 5, abort at 100–340 ms into the run): ${abort.toFixed(1)} ms from the moment the abort was due to the rejection (target: under 100 ms).`);
if (reworded)
  notes.push(
    `Worst case for the per-call caches (a token unique to each outlet in every paragraph, so nothing repeats verbatim): ${s(reworded.totalMs)} for ${reworded.articles.toLocaleString('en-US')} articles, floor ratio ${(reworded.totalMs / reworded.floorMs).toFixed(2)}. ` +
      'The realistic clusters repeat wire paragraphs verbatim, and the library splits, classifies and analyses each distinct line and sentence once per call.',
  );
for (const note of notes) console.log(note);

if (args.write) {
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
  writeFileSync(
    path.join(root, 'bench/RESULTS.md'),
    `# Speed and memory\n\nWritten by \`npm run bench -- --write\` at commit \`${commit}\` on ${machine}.\n\n` +
      `Generated story clusters (bench/generate.ts, fixed seed: reprinted wire copy with small edits, paraphrases, reordered paragraphs, ` +
      `unrelated sentences, page furniture, articles of very different lengths). \`summarize(documents, { words: 100 })\` from the built package; ` +
      `medians of ${results.map((r) => `${r.runs}`).join('/')} runs after one warm-up; stage times from \`onProgress\`. ` +
      `Floor ratio: total ÷ the time \`sbd\` alone takes to split the same texts in the same process. Peak RSS and heap are per size, each in its own process (including the generated input).\n\n` +
      `${table}\n\n${notes.map((note) => `- ${note}`).join('\n')}\n`,
  );
  console.log('wrote bench/RESULTS.md');
}
