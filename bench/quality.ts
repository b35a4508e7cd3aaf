/**
 * npm run bench:quality — summary quality on real news clusters, measured with ROUGE.
 *
 * Reads ../shared/benchmarks/multinews-val.jsonl (or --data FILE, same format), summarises
 * every cluster at 100 and 300 words with chorus-summary, lead, a seeded random baseline and
 * two npm peers, scores each as ROUGE-1.5.5 does (bench/rouge.ts) and prints one table.
 * The data is licensed for research only: it is read here at run time and never copied.
 *
 *   --data FILE          clusters, one JSON object a line: { id, documents: [{id, text}], references: [text] }
 *   --exceptions FILE    ROUGE's WordNet exceptions table (default: beside the data)
 *   --limit N            only the first N clusters (quick experiments)
 *   --systems a,b        only these systems (chorus, lead, random, lexrank, ts-textrank)
 *   --ablations          also run the pipeline with each stage turned off in turn
 *   --calibrate          print the "first N words" table the data's README gives, and stop
 *   --read K             print K seeded-random summaries beside their references (to read; not saved)
 *   --write              write the report to bench/QUALITY.md
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { summarizeSync, type SummarizeOptions } from 'chorus-summary';
import { leadSummary, lexrankSummary, randomSummary, textrankSummary, wordCount } from './baselines.js';
import { mean, parseExceptions, rouge, type RougeScores } from './rouge.js';
import { readability, type ReadabilityCounts } from './readability.js';

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
    systems: { type: 'string', default: 'chorus,lead,random,lexrank,ts-textrank' },
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

const LENGTHS = [100, 300] as const;
const pct = (x: number) => (100 * x).toFixed(2);

if (args.calibrate) {
  console.log('First N words of documents[0] (compare with the calibration table in the data README):');
  for (const length of LENGTHS) {
    const scores = clusters.map((cluster) => rouge([cluster.documents[0]!.text], cluster.references, { length, exceptions }));
    const m = mean(scores);
    const triple = (s: { recall: number; precision: number; f: number }) => `${pct(s.recall)} / ${pct(s.precision)} / ${pct(s.f)}`;
    console.log(`| ${length} | ${triple(m.rouge1)} | ${triple(m.rouge2)} | ${triple(m.rougeL)} | ${triple(m.rougeSU4)} |`);
  }
  process.exit(0);
}

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
  ['lexrank', (cluster, words) => lexrankSummary(cluster.documents, words)],
  ['ts-textrank', (cluster, words) => textrankSummary(cluster.documents, words)],
]);
const selected = args.systems!.split(',').map((name) => name.trim());
for (const name of selected) if (!systems.has(name)) throw new Error(`unknown system ${name}; known: ${[...systems.keys()].join(', ')}`);

/** Ablations: each stage of the pipeline turned off in turn (see the README of bench/QUALITY.md). */
const ABLATIONS: [string, SummarizeOptions][] = [
  ['no dedupe (only identical keys merge)', { duplicateThreshold: 0 }],
  ['no support weighting', { supportWeight: 0 }],
  ['no position prior', { positionWeight: 0 }],
  ['no furniture filter', { skipFurniture: false }],
  ['no redundancy check', { redundancyThreshold: 1 }],
];

interface Row {
  name: string;
  at100: RougeScores;
  at300: RougeScores;
  words100: number;
  words300: number;
  ms: number;
  empty: number;
  readable: Record<number, ReadabilityCounts>;
}

function evaluate(name: string, summarise: Summariser): Row {
  const scores: Record<number, RougeScores[]> = { 100: [], 300: [] };
  const words: Record<number, number> = { 100: 0, 300: 0 };
  const readable: Record<number, ReadabilityCounts> = {};
  let empty = 0;
  let elapsed = 0;
  for (const length of LENGTHS) {
    const counts: ReadabilityCounts = { sentences: 0, furniture: 0, fragments: 0, danglingStart: 0 };
    for (const cluster of clusters) {
      const started = performance.now();
      const lines = summarise(cluster, length);
      elapsed += performance.now() - started;
      if (lines.length === 0) empty++;
      words[length]! += lines.reduce((sum, line) => sum + wordCount(line), 0);
      scores[length]!.push(rouge(lines, cluster.references, { length, exceptions }));
      const r = readability(lines);
      for (const key of Object.keys(counts) as (keyof ReadabilityCounts)[]) counts[key] += r[key];
    }
    readable[length] = counts;
  }
  return {
    name,
    at100: mean(scores[100]!),
    at300: mean(scores[300]!),
    words100: words[100]! / clusters.length,
    words300: words[300]! / clusters.length,
    ms: elapsed / (clusters.length * LENGTHS.length),
    empty,
    readable,
  };
}

const rows: Row[] = [];
for (const name of selected) {
  process.stderr.write(`${name}… `);
  rows.push(evaluate(name, systems.get(name)!));
}
const ablationRows: Row[] = [];
if (args.ablations) {
  for (const [name, options] of ABLATIONS) {
    process.stderr.write(`${name}… `);
    ablationRows.push(evaluate(name, chorus(options)));
  }
}
process.stderr.write('\n');

const header =
  '| system | R1 @100 | R2 @100 | RL @100 | SU4 @100 | R1 @300 | R2 @300 | RL @300 | SU4 @300 | words @100 / @300 | ms per summary |\n' +
  '|---|---|---|---|---|---|---|---|---|---|---|';
const line = (row: Row) =>
  `| ${row.name} | ${pct(row.at100.rouge1.recall)} | ${pct(row.at100.rouge2.recall)} | ${pct(row.at100.rougeL.recall)} | ${pct(row.at100.rougeSU4.recall)} | ` +
  `${pct(row.at300.rouge1.f)} | ${pct(row.at300.rouge2.f)} | ${pct(row.at300.rougeL.f)} | ${pct(row.at300.rougeSU4.f)} | ` +
  `${row.words100.toFixed(0)} / ${row.words300.toFixed(0)} | ${row.ms.toFixed(1)} |`;
const table = [header, ...rows.map(line)].join('\n');
console.log(table);
if (ablationRows.length > 0) {
  const full = rows.find((row) => row.name === 'chorus') ?? evaluate('chorus', chorus());
  console.log(`\nAblations\n${[header, line({ ...full, name: 'full pipeline' }), ...ablationRows.map(line)].join('\n')}`);
}
const lead = rows.find((row) => row.name === 'lead');
const ours = rows.find((row) => row.name === 'chorus');
if (lead && ours)
  console.log(
    `\nchorus − lead: R1 @100 ${(100 * (ours.at100.rouge1.recall - lead.at100.rouge1.recall)).toFixed(2)}, ` +
      `R2 @100 ${(100 * (ours.at100.rouge2.recall - lead.at100.rouge2.recall)).toFixed(2)}, ` +
      `R1 @300 ${(100 * (ours.at300.rouge1.f - lead.at300.rouge1.f)).toFixed(2)}, ` +
      `R2 @300 ${(100 * (ours.at300.rouge2.f - lead.at300.rouge2.f)).toFixed(2)}`,
  );
if (ours) {
  for (const length of LENGTHS) {
    const r = ours.readable[length]!;
    console.log(
      `chorus @${length}: ${r.sentences} sentences; furniture ${r.furniture}, fragments ${r.fragments}, opening with an unresolved reference ${r.danglingStart}; empty summaries ${ours.empty}`,
    );
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
  for (const index of [...picked].sort((a, b) => a - b)) {
    const cluster = clusters[index]!;
    console.log(`\n=== ${cluster.id} (${cluster.documents.length} documents)\n--- chorus @100:\n${chorus()(cluster, 100).join('\n')}\n--- reference:\n${cluster.references[0]}`);
  }
}

if (args.write) {
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
  const readableTable = ours
    ? LENGTHS.map((length) => {
        const r = ours.readable[length]!;
        return `| ${length} | ${r.sentences} | ${r.furniture} | ${r.fragments} | ${r.danglingStart} |`;
      }).join('\n')
    : '';
  writeFileSync(
    file,
    `# Summary quality\n\nWritten by \`npm run bench:quality -- --ablations --write\` at commit \`${commit}\` on ${machine}, ` +
      `over ${clusters.length} clusters of \`${path.basename(args.data!)}\`. ROUGE-1.5.5 figures ×100: recall at 100 words, ` +
      `F1 at 300 words (bench/rouge.ts; it reproduces the data README's calibration table to ±0.01).\n\n` +
      `${table}\n\n## Ablations\n\nThe full pipeline, then one stage turned off at a time.\n\n` +
      `${[header, ...(ours ? [line({ ...ours, name: 'full pipeline' })] : []), ...ablationRows.map(line)].join('\n')}\n\n` +
      `## Readable output\n\nOver every summary chorus-summary wrote here (bench/readability.ts): sentences that look like page furniture, ` +
      `fragments (no final punctuation, or under four words), and sentences opening with a reference to something not in the summary ` +
      `(a connective such as "But", "However", "Then" anywhere, or a pronoun opening the summary). Empty summaries: ${ours?.empty ?? 0}.\n\n| words | sentences | furniture | fragments | unresolved opening |\n|---|---|---|---|---|\n${readableTable}\n\n${notes}`,
  );
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}
