/**
 * npm run bench:quality — summary quality on real news clusters, measured with ROUGE.
 *
 * Reads ../shared/benchmarks/multinews-val.jsonl (or --data FILE, same format) and summarises
 * every cluster with chorus-summary, lead, a seeded random baseline, a support-weighted
 * centroid and two npm peers, in two shapes: the full articles, scored at 100 words (recall)
 * and 300 (F1); and excerpts, each document cut to its first sentences up to about 60 words,
 * scored at 60 (recall), as an aggregator shows short items from several outlets. Scores are
 * ROUGE-1.5.5's (bench/rouge.ts); bench/readability.ts counts what a reader would notice.
 * The data is licensed for research only: it is read here at run time and never copied.
 *
 *   --data FILE          clusters, one JSON object a line: { id, documents: [{id, text}], references: [text] }
 *   --exceptions FILE    ROUGE's WordNet exceptions table (default: beside the data)
 *   --limit N            only the first N clusters (quick experiments)
 *   --half even|odd      only the clusters at even (odd) positions: a setting must help on both
 *   --systems a,b        only these systems (chorus, lead, random, centroid, lexrank, ts-textrank)
 *   --excerpts           the excerpt shape only (default: the full articles only)
 *   --shapes             both shapes (--write always runs both)
 *   --ablations          also run the pipeline with each stage turned off in turn
 *   --calibrate          print the "first N words" table the data's README gives, and stop
 *   --read K             print K seeded-random summaries beside their references (to read; not saved)
 *   --write              write the report to bench/QUALITY.md
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { summarizeSync, type SummarizeOptions } from 'chorus-summary';
import { centroidSummary, excerpt, leadSummary, lexrankSummary, randomSummary, textrankSummary, wordCount } from './baselines.js';
import { emptyCounts, readability } from './readability.js';
import { ABLATIONS, halfMargins, marginLines, readableLine, readableHeader, tableFor, writeReport, type Row, type Shape } from './report.js';
import { mean, parseExceptions, rouge, type RougeScores } from './rouge.js';

interface Cluster {
  id: string;
  documents: { id: string; text: string }[];
  references: string[];
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve(root, '../shared/benchmarks/multinews-val.jsonl') },
    exceptions: { type: 'string' },
    limit: { type: 'string' },
    half: { type: 'string' },
    systems: { type: 'string', default: 'chorus,lead,random,centroid,lexrank,ts-textrank' },
    excerpts: { type: 'boolean', default: false },
    shapes: { type: 'boolean', default: false },
    ablations: { type: 'boolean', default: false },
    calibrate: { type: 'boolean', default: false },
    read: { type: 'string' },
    write: { type: 'boolean', default: false },
  },
});

if (!existsSync(args.data!)) {
  console.error(
    `bench:quality: the benchmark data is missing: ${args.data}\n` +
      'It lives in ../shared/benchmarks/ beside the project checkout (research licence: it is never copied into the project).\n' +
      'Pass another file in the same format with --data FILE.',
  );
  process.exit(1);
}
const exceptionsPath = args.exceptions ?? path.join(path.dirname(args.data!), 'rouge/wordnet-2.0-exceptions.tsv');
if (!existsSync(exceptionsPath)) {
  console.error(`bench:quality: ROUGE's exceptions table is missing: ${exceptionsPath} (pass --exceptions FILE)`);
  process.exit(1);
}
const exceptions = parseExceptions(readFileSync(exceptionsPath, 'utf8'));
let clusters: Cluster[] = readFileSync(args.data!, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Cluster);
if (args.limit) clusters = clusters.slice(0, Number(args.limit));
if (args.half) clusters = clusters.filter((_, index) => index % 2 === (args.half === 'odd' ? 1 : 0));

const pct = (x: number) => (100 * x).toFixed(2);

if (args.calibrate) {
  console.log('First N words of documents[0] (compare with the calibration table in the data README):');
  for (const length of [100, 300]) {
    const m = mean(clusters.map((cluster) => rouge([cluster.documents[0]!.text], cluster.references, { length, exceptions })));
    const triple = (s: { recall: number; precision: number; f: number }) => `${pct(s.recall)} / ${pct(s.precision)} / ${pct(s.f)}`;
    console.log(`| ${length} | ${triple(m.rouge1)} | ${triple(m.rouge2)} | ${triple(m.rougeL)} | ${triple(m.rougeSU4)} |`);
  }
  process.exit(0);
}

const FULL: Shape = { name: 'full articles', lengths: [100, 300] };
const EXCERPTS: Shape = { name: 'excerpts of about 60 words', lengths: [60] };
const shapes = args.write || args.shapes ? [FULL, EXCERPTS] : args.excerpts ? [EXCERPTS] : [FULL];
/** The clusters of a shape: excerpts cut every document, references stay whole (ROUGE cuts them to the length). */
const clustersOf = (shape: Shape): Cluster[] =>
  shape === EXCERPTS ? clusters.map((cluster) => ({ ...cluster, documents: cluster.documents.map((d) => ({ ...d, text: excerpt(d.text) })) })) : clusters;

type Summariser = (cluster: Cluster, words: number) => string[];

/** Our library: one sentence per line, as ROUGE-L wants. */
const chorus =
  (options: SummarizeOptions = {}): Summariser =>
  (cluster, words) =>
    summarizeSync(cluster.documents, { ...options, words }).sentences.map((sentence) => sentence.text.replace(/\s+/g, ' ').trim());

const systems = new Map<string, Summariser>([
  ['chorus', chorus()],
  ['lead', (cluster, words) => leadSummary(cluster.documents, words)],
  ['random', (cluster, words) => randomSummary(cluster.id, cluster.documents, words)],
  ['centroid', (cluster, words) => centroidSummary(cluster.documents, words)],
  ['lexrank', (cluster, words) => lexrankSummary(cluster.documents, words)],
  ['ts-textrank', (cluster, words) => textrankSummary(cluster.documents, words)],
]);
const selected = args.systems!.split(',').map((name) => name.trim());
for (const name of selected) if (!systems.has(name)) throw new Error(`unknown system ${name}; known: ${[...systems.keys()].join(', ')}`);

function evaluate(name: string, summarise: Summariser, shape: Shape, shapeClusters: readonly Cluster[]): Row {
  const row: Row = { name, lengths: {}, ms: 0, empty: 0 };
  let elapsed = 0;
  for (const length of shape.lengths) {
    const perCluster: RougeScores[] = [];
    const counts = emptyCounts();
    let words = 0;
    for (const cluster of shapeClusters) {
      const started = performance.now();
      const lines = summarise(cluster, length);
      elapsed += performance.now() - started;
      if (lines.length === 0) row.empty++;
      words += lines.reduce((sum, line) => sum + wordCount(line), 0);
      perCluster.push(rouge(lines, cluster.references, { length, exceptions }));
      const r = readability(lines);
      for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += r[key];
    }
    row.lengths[length] = { perCluster, mean: mean(perCluster), words: words / shapeClusters.length, readable: counts };
  }
  row.ms = elapsed / (shapeClusters.length * shape.lengths.length);
  return row;
}

const results: { shape: Shape; rows: Row[]; ablations: Row[] }[] = [];
for (const shape of shapes) {
  const shapeClusters = clustersOf(shape);
  const rows: Row[] = [];
  const ablations: Row[] = [];
  for (const name of selected) {
    process.stderr.write(`${shape.name}: ${name}… `);
    rows.push(evaluate(name, systems.get(name)!, shape, shapeClusters));
  }
  if (args.ablations)
    for (const [name, options] of ABLATIONS) {
      process.stderr.write(`${shape.name}: ${name}… `);
      ablations.push(evaluate(name, chorus(options), shape, shapeClusters));
    }
  process.stderr.write('\n');
  results.push({ shape, rows, ablations });

  console.log(`\n${shape.name}\n${tableFor(shape, rows)}`);
  if (ablations.length > 0) {
    const full = rows.find((row) => row.name === 'chorus');
    console.log(`\nAblations\n${tableFor(shape, [...(full ? [{ ...full, name: 'full pipeline' }] : []), ...ablations])}`);
  }
  const ours = rows.find((row) => row.name === 'chorus');
  if (ours) {
    console.log(`\n${marginLines(shape, ours, rows).join('\n')}`);
    const lead = rows.find((row) => row.name === 'lead');
    if (lead) console.log(halfMargins(shape, ours, lead));
    console.log(`\n${readableHeader}\n${shape.lengths.map((length) => readableLine(length, ours.lengths[length]!.readable)).join('\n')}`);
    console.log(`empty summaries: ${ours.empty}`);
  }
}

if (args.read) {
  // Seeded choice, so the same clusters come back for the next reader.
  const count = Number(args.read);
  const picked = new Set<number>();
  let seed = 20261123;
  while (picked.size < Math.min(count, clusters.length)) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    picked.add(seed % clusters.length);
  }
  const shape = shapes[0]!;
  const shapeClusters = clustersOf(shape);
  for (const index of [...picked].sort((a, b) => a - b)) {
    const cluster = shapeClusters[index]!;
    const length = shape.lengths[0]!;
    console.log(`\n=== ${cluster.id} (${cluster.documents.length} documents)\n--- chorus @${length}:\n${chorus()(cluster, length).join('\n')}\n--- reference:\n${cluster.references[0]}`);
  }
}

if (args.write) writeReport(root, path.basename(args.data!), clusters.length, results);
