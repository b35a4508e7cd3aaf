/**
 * node bench/dist/feed-check.js — what the generated feed (bench/feed.ts) looks like at each
 * size, and what making it costs.
 *
 * Per size, in its own child process (so peak RSS is that size's alone): generate the feed as
 * an array (as the scale benchmark holds it) and time it (wall and CPU: on a shared machine the
 * wall time includes waiting for a core); peak RSS right after; then articles, MB (UTF-8),
 * stories, prose sentences (bench/feed-text.ts's splitter; furniture lines left out), distinct
 * sentences and the share repeated verbatim (by 64-bit hashes of comparison keys), and the
 * near-duplicate share (bench/near-duplicates.ts, sampled).
 *
 *   --sizes 1000,10000   sizes (articles)
 *   --sample N           sentences sampled for the near-duplicate share (default 2000)
 *   --seed N             feed seed (default: bench/feed.ts's)
 *   --data FILE          the val clusters (default ../shared/benchmarks/multinews-val.jsonl)
 *   --exact              also the exact all-pairs share, and the indexed measure with every
 *                        sentence as a query (they must agree); quadratic, small sizes only
 *   --stream             generate without keeping the articles: the generator's own memory
 *                        (peak RSS includes the statistics' 8 bytes a sentence); no
 *                        near-duplicate share
 *   --reference          the near-duplicate share of the val file itself, as a feed of its 690
 *                        articles (what "small, as in a real feed" compares with)
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { benchmarkDataPath, DEFAULT_SEED, feedDocuments, type FeedDocument } from './feed.js';
import { comparisonKey, hash32, proseSentences } from './feed-text.js';
import { exactNearDuplicateShare, nearDuplicateShare, type NearDuplicateEstimate } from './near-duplicates.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    child: { type: 'string' },
    sizes: { type: 'string', default: '1000,10000' },
    sample: { type: 'string', default: '2000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    data: { type: 'string', default: benchmarkDataPath(root) },
    exact: { type: 'boolean', default: false },
    stream: { type: 'boolean', default: false },
    reference: { type: 'boolean', default: false },
  },
});

interface SizeReport {
  articles: number;
  megabytes: number;
  stories: number;
  sentences: number;
  distinct: number;
  /** Sentences whose comparison key occurs more than once. */
  repeated: number;
  wordsPerArticle: { min: number; median: number; max: number };
  furnitureLines: number;
  generationMs: number;
  generationCpuMs: number;
  peakRssMb: number;
  nearDuplicates?: NearDuplicateEstimate & { ms: number };
  exact?: { share: number; withNeighbour: number; sentences: number; indexedShare: number; minimumTermShare: number; ms: number };
}

/** A second 32-bit hash (FNV-1a with another offset basis), for 64-bit keys. */
function hash32b(text: string): number {
  let h = 0x01000193;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995) ^ (h >>> 15);
  return h >>> 0;
}

/** Statistics of the articles; `documents` is walked once. */
function describe(documents: Iterable<FeedDocument>): Omit<SizeReport, 'generationMs' | 'generationCpuMs' | 'peakRssMb'> {
  let articles = 0;
  let bytes = 0;
  let sentences = 0;
  let furnitureLines = 0;
  const stories = new Set<string>();
  const words: number[] = [];
  let hashes = new BigUint64Array(1 << 16);
  for (const document of documents) {
    articles++;
    bytes += Buffer.byteLength(document.text);
    stories.add(document.story);
    words.push(document.text.split(/\s+/).length);
    for (const line of document.text.split('\n')) if (line && proseSentences(line).length === 0) furnitureLines++;
    for (const sentence of proseSentences(document.text)) {
      if (sentences === hashes.length) {
        const grown = new BigUint64Array(hashes.length * 2);
        grown.set(hashes);
        hashes = grown;
      }
      const key = comparisonKey(sentence);
      hashes[sentences++] = (BigInt(hash32(key)) << 32n) | BigInt(hash32b(key));
    }
  }
  const sorted = hashes.subarray(0, sentences).sort();
  let distinct = 0;
  let repeated = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    distinct++;
    if (j - i > 1) repeated += j - i;
    i = j;
  }
  words.sort((a, b) => a - b);
  return {
    articles,
    megabytes: bytes / 1e6,
    stories: stories.size,
    sentences,
    distinct,
    repeated,
    wordsPerArticle: { min: words[0] ?? 0, median: words[words.length >> 1] ?? 0, max: words[words.length - 1] ?? 0 },
    furnitureLines,
  };
}

function measure(size: number): SizeReport {
  const seed = Number(args.seed);
  if (args.stream) {
    // Statistics on the fly: each article is dropped once counted. Only the time spent in the
    // generator counts as generation time.
    const generator = feedDocuments(size, args.data!, { seed });
    let generationMs = 0;
    let generationCpuMs = 0;
    const timed: Iterable<FeedDocument> = {
      [Symbol.iterator]: () => ({
        next: () => {
          const wall = performance.now();
          const used = process.cpuUsage();
          const result = generator.next();
          generationMs += performance.now() - wall;
          generationCpuMs += process.cpuUsage(used).user / 1000;
          return result;
        },
      }),
    };
    const stats = describe(timed);
    return { ...stats, generationMs, generationCpuMs, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  }
  const cpu = process.cpuUsage();
  const started = performance.now();
  const documents = [...feedDocuments(size, args.data!, { seed })];
  const generationMs = performance.now() - started;
  const generationCpuMs = process.cpuUsage(cpu).user / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const report: SizeReport = { ...describe(documents), generationMs, generationCpuMs, peakRssMb };
  let at = performance.now();
  report.nearDuplicates = { ...nearDuplicateShare(documents, { sample: Number(args.sample) }), ms: performance.now() - at };
  if (args.exact) {
    at = performance.now();
    const exact = exactNearDuplicateShare(documents);
    const indexed = nearDuplicateShare(documents, { sample: Infinity });
    report.exact = { share: exact.share, withNeighbour: exact.withNeighbour, sentences: exact.sentences, indexedShare: indexed.share, minimumTermShare: exact.minimumTermShare, ms: performance.now() - at };
  }
  return report;
}

if (args.child) {
  process.stdout.write(JSON.stringify(measure(Number(args.child))));
  process.exit(0);
}

const passThrough = process.argv.slice(2).filter((arg, k, all) => arg !== '--sizes' && all[k - 1] !== '--sizes' && !arg.startsWith('--sizes='));
const reports: SizeReport[] = [];
for (const size of args.sizes!.split(',').map(Number)) {
  process.stderr.write(`${size.toLocaleString('en-US')} articles… `);
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(size), ...passThrough], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) {
    process.stderr.write(`\n${child.stderr}`);
    process.exit(1);
  }
  reports.push(JSON.parse(child.stdout) as SizeReport);
}
process.stderr.write('\n');

const int = (n: number) => n.toLocaleString('en-US');
const pct = (share: number) => `${(100 * share).toFixed(2)} %`;
const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
console.log('| articles | MB | stories | sentences | distinct | repeated verbatim | near-duplicates (sampled) | generation (wall / CPU) | peak RSS |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of reports) {
  const near = r.nearDuplicates ? `${pct(r.nearDuplicates.share)} ± ${pct(r.nearDuplicates.standardError)} (${r.nearDuplicates.withNeighbour} of ${int(r.nearDuplicates.sample)})` : '–';
  console.log(
    `| ${int(r.articles)} | ${r.megabytes.toFixed(1)} | ${r.stories} | ${int(r.sentences)} | ${int(r.distinct)} | ${pct(r.repeated / Math.max(1, r.sentences))} | ${near} | ` +
      `${s(r.generationMs)} / ${s(r.generationCpuMs)} | ${r.peakRssMb.toFixed(0)} MB${args.stream ? ' (streamed)' : ''} |`,
  );
}
for (const r of reports) {
  const notes = [
    `words per article ${r.wordsPerArticle.min}–${r.wordsPerArticle.max} (median ${r.wordsPerArticle.median}), ${(r.megabytes * 1000 / r.articles).toFixed(1)} KB on average`,
    `${(r.furnitureLines / r.articles).toFixed(2)} furniture lines per article`,
  ];
  if (r.nearDuplicates) notes.push(`near-duplicate measure: ${s(r.nearDuplicates.ms)}, ${int(r.nearDuplicates.comparisons)} Levenshtein comparisons`);
  if (r.exact)
    notes.push(
      `exact all-pairs: ${pct(r.exact.share)} (${r.exact.withNeighbour} of ${int(r.exact.sentences)}), indexed with every sentence a query: ${pct(r.exact.indexedShare)}` +
        `${r.exact.share === r.exact.indexedShare ? ' (equal)' : ' (DIFFERENT)'}; pairs within the threshold share at least ${pct(r.exact.minimumTermShare)} of their words; ${s(r.exact.ms)}`,
    );
  console.log(`- ${int(r.articles)} articles: ${notes.join('; ')}.`);
}

if (args.reference) {
  // The val file as a feed: each of its articles once, as it is (no generator involved).
  const documents: { text: string }[] = [];
  for (const line of readFileSync(args.data!, 'utf8').split('\n'))
    if (line.trim()) for (const document of (JSON.parse(line) as { documents: { text: string }[] }).documents) documents.push({ text: document.text });
  const estimate = nearDuplicateShare(documents, { sample: Number(args.sample) });
  const all = nearDuplicateShare(documents, { sample: Infinity });
  console.log(
    `- The val file itself (${documents.length} articles, ${int(all.sentences)} sentences): near-duplicate share ${pct(all.share)} with every sentence a query ` +
      `(${all.withNeighbour} sentences), sampled ${pct(estimate.share)} ± ${pct(estimate.standardError)}.`,
  );
}
