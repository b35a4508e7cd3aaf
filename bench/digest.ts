/**
 * npm run bench:digest — `digest()` measured as a caller gets it (the built package):
 *   1. grouping quality: the 690 val documents shuffled into one feed (250 stories), through
 *      `digestSync(feed, { maxStories: 0 })`, scored against the clusters (B-cubed, NMI,
 *      pairwise); also the short-text emulation (titles and snippets, lower-cased, no
 *      punctuation) of bench/digest-feeds.ts;
 *   2. end to end: `digest(feed, { words: 100 })`, each cluster's main story's summary scored
 *      with ROUGE beside `summarize()` of the true cluster (the ceiling);
 *   3. scale: the whole `digest()` (default options, every story summarised) on the generated
 *      feed of bench/feed.ts at 10,000 and 100,000 articles, each in its own child process.
 * The val data is licensed for research only: read here at run time, never copied; only
 * numbers are printed or written.
 *
 *   npm run bench:digest                          everything, tables on stdout
 *   npm run bench:digest -- --write               also write bench/DIGEST.md
 *   npm run bench:digest -- --parts quality,end   only some parts (quality, end, scale)
 *   npm run bench:digest -- --sizes 10000,10000@2 scale sizes; "@2": on 2 threads (default 10000,10000@2,100000@2)
 *   npm run bench:digest -- --timeout 20          minutes a scale child may run (default 20)
 *   npm run bench:digest -- --reuse               take a scale size's outcome from bench/out/ when an
 *                                                 earlier run saved it there (each run saves its own)
 *   npm run bench:digest -- --data FILE           clusters, as bench:quality reads them
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { endToEnd, endToEndTable, type Cluster, type EndToEnd } from './digest-end-to-end.js';
import { shortFeed, valFeed } from './digest-feeds.js';
import { evaluatePublic, publicTable, type PublicRow } from './digest-public.js';
import { measureWhole, phaseTable, wholeTable, type WholeResult } from './digest-whole.js';
import { parseExceptions } from './rouge.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve(root, '../shared/benchmarks/multinews-val.jsonl') },
    exceptions: { type: 'string' },
    parts: { type: 'string', default: 'quality,end,scale' },
    sizes: { type: 'string', default: '10000,10000@2,100000@2' },
    timeout: { type: 'string', default: '20' },
    child: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
  },
});

if (!existsSync(args.data!)) {
  console.error(
    `bench:digest: the benchmark data is missing: ${args.data}\n` +
      'It lives in ../shared/benchmarks/ beside the project checkout (research licence: it is never copied into the project).\n' +
      'Pass another file in the same format with --data FILE.',
  );
  process.exit(1);
}

if (args.child) {
  const [articles, threads] = args.child.split('@').map(Number) as [number, number | undefined];
  const result = await measureWhole(articles, args.data!, (line) => process.stderr.write(`[${args.child}] ${line}\n`), threads ?? 1);
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

const parts = new Set(args.parts!.split(',').map((part) => part.trim()));
for (const part of parts) if (!['quality', 'end', 'scale'].includes(part)) throw new Error(`unknown part ${part}; known: quality, end, scale`);
const clusters: Cluster[] = readFileSync(args.data!, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Cluster);
const feed = valFeed(clusters);

let quality: PublicRow[] | undefined;
if (parts.has('quality')) {
  quality = [];
  for (const [name, shaped] of [
    ['val feed, full text', feed],
    ['short text, one lower-case string', shortFeed(feed, false)],
    ['short text, title field + snippet', shortFeed(feed, true)],
  ] as const) {
    process.stderr.write(`quality: ${name}… `);
    quality.push(evaluatePublic(name, shaped));
  }
  process.stderr.write('\n');
  console.log(`\n1. Grouping quality (digestSync, maxStories: 0)\n${publicTable(quality)}`);
}

let end: EndToEnd | undefined;
if (parts.has('end')) {
  const exceptionsPath = args.exceptions ?? path.join(path.dirname(args.data!), 'rouge/wordnet-2.0-exceptions.tsv');
  if (!existsSync(exceptionsPath)) throw new Error(`ROUGE's exceptions table is missing: ${exceptionsPath} (pass --exceptions FILE)`);
  process.stderr.write('end to end: digest() of the val feed, words 100… ');
  end = await endToEnd(clusters, feed, parseExceptions(readFileSync(exceptionsPath, 'utf8')));
  process.stderr.write('\n');
  console.log(`\n2. End to end (ROUGE recall @100 words)\n${endToEndTable(end)}\n${endNotes(end).join('\n')}`);
}

interface Failure {
  articles: number;
  how: string;
  log: string[];
}
const scale: WholeResult[] = [];
const failures: Failure[] = [];
const reused: string[] = [];
if (parts.has('scale')) {
  for (const size of args.sizes!.split(',')) {
    // Each outcome is saved (bench/out/ is not committed) so that --write can reuse a long run.
    const saved = path.join(root, `bench/out/digest-scale-${size}.json`);
    let outcome: { result: WholeResult } | Failure;
    if (args.reuse && existsSync(saved)) {
      process.stderr.write(`scale: ${size} articles: reusing ${path.relative(root, saved)}\n`);
      outcome = JSON.parse(readFileSync(saved, 'utf8')) as { result: WholeResult } | Failure;
      reused.push(size);
    } else {
      process.stderr.write(`scale: ${size} articles (own process)…\n`);
      outcome = await child(size, Number(args.timeout) * 60_000);
      mkdirSync(path.dirname(saved), { recursive: true });
      writeFileSync(saved, JSON.stringify({ ...outcome, commit: commitOf(), at: new Date().toISOString() }));
    }
    if ('result' in outcome) scale.push(outcome.result);
    else failures.push(outcome);
  }
  console.log(`\n3. Scale: the whole digest() on the generated feed\n${scale.length ? `${wholeTable(scale)}\n\nWhere the time goes (onProgress stage timestamps)\n${phaseTable(scale)}` : ''}`);
  for (const failure of failures) console.log(`\n${failure.articles.toLocaleString('en-US')} articles did not finish: ${failure.how}\n${failure.log.slice(-12).join('\n')}`);
}

/** One scale size in its own process; its stage log goes to our stderr as it happens. */
function child(size: string, timeoutMs: number): Promise<{ result: WholeResult } | Failure> {
  return new Promise((resolve) => {
    const started = performance.now();
    const run = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', size, '--data', args.data!], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const log: string[] = [];
    run.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    run.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      log.push(...chunk.toString().split('\n').filter(Boolean));
    });
    const timer = setTimeout(() => run.kill('SIGKILL'), timeoutMs);
    run.on('close', (code, signal) => {
      clearTimeout(timer);
      const minutes = ((performance.now() - started) / 60_000).toFixed(1);
      if (code === 0) resolve({ result: JSON.parse(stdout) as WholeResult });
      else resolve({ articles: Number(size.split('@')[0]), how: signal === 'SIGKILL' ? `stopped after ${minutes} min (the --timeout)` : `exited with ${code ?? signal} after ${minutes} min`, log });
    });
  });
}

function endNotes(e: EndToEnd): string[] {
  return [
    `- ${e.stories} stories in the digest; digest() took ${(e.wallMs / 1000).toFixed(1)} s wall, ${(e.cpuMs / 1000).toFixed(1)} s CPU.`,
    `- Of ${e.clusters} clusters: ${e.exact} found exactly (their main story is their documents, no more, no fewer), ${e.merged} share their main story with documents of other clusters, ${e.split} have documents outside their main story (furniture aside), ${e.noStory} have no story.`,
    `- Exactly found clusters whose story summary differs from summarize() of the cluster: ${e.exactButDifferent.length}${e.exactButDifferent.length ? ` (${e.exactButDifferent.join(', ')})` : ' (as promised: a story\'s summary is summarize() of its documents)'}.`,
    `- Largest per-cluster ROUGE-1 losses against the ceiling: ${e.worst.map((w) => `${(100 * w.delta).toFixed(1)} (a cluster of ${w.documents} whose main story holds ${w.shared} of them and ${w.storyDocuments - w.shared} other${w.storyDocuments - w.shared === 1 ? '' : 's'})`).join('; ')}.`,
  ];
}

function git(...command: string[]): string {
  try {
    return execFileSync('git', command, { cwd: root, encoding: 'utf8' }).trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}
/** The commit checked out, and the last one that changed the library (src/): benchmark commits leave it alone. */
function commitOf(): string {
  return `${git('rev-parse', '--short', 'HEAD')}, src/ as of ${git('log', '-1', '--format=%h', '--', 'src')}`;
}

if (args.write) {
  const commit = commitOf();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
  const target = path.join(root, 'bench/DIGEST.md');
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : '';
  // The reading below the marker is written by hand and kept across runs.
  const marker = '<!-- reading -->';
  const reading = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : `${marker}\n\n## Reading\n\n(to be written)\n`;
  const sections = [
    '# digest(): grouping quality, end to end, scale\n',
    `Written by \`npm run bench:digest -- --write\` (parts: ${[...parts].join(', ')}) at commit \`${commit}\` on ${machine}. The machine is shared and noisy: timings move by tens of percent from run to run; each scale figure is one run.\n`,
    'The data: the 250 Multi-News val clusters (../shared/benchmarks/, research licence: read at run time, never copied here). Only numbers appear below.\n',
  ];
  if (quality)
    sections.push(
      '## 1. Grouping quality\n',
      'The 690 val documents shuffled into one feed (bench/digest-feeds.ts), given to the public `digestSync(feed, { maxStories: 0 })`: the stories and `unassigned` list a caller gets, scored against the clusters. A document unassigned by digest(), or in the gold (page furniture found verbatim in two or more clusters), counts as a story of its own. The short-text rows give each document as a pseudo-title and a 25-word snippet, lower-cased without punctuation. "= internal grouping": the internal grouping the tuning runs measured (bench/digest-run.ts) gives the same partition. Targets: B³ F1 ≥ 0.90, NMI ≥ 0.95 (val feed).\n',
      publicTable(quality),
      '',
    );
  if (end)
    sections.push(
      '## 2. End to end\n',
      '`digest(feed, { words: 100 })` of the same feed; for each cluster, the story holding most of its documents, its summary scored with ROUGE-1.5.5 options as bench/quality.ts scores (one sentence a line, recall at 100 words) against the cluster\'s reference; beside `summarize(cluster, { words: 100 })` of the true cluster (the ceiling). Target: ROUGE-1 within 1.0 of the ceiling.\n',
      endToEndTable(end),
      '',
      ...endNotes(end),
      '',
    );
  if (scale.length || failures.length)
    sections.push(
      '## 3. Scale\n',
      'The generated feed of bench/feed.ts (articles on many stories made from the val clusters at bench time, no verbatim repeats; for speed only), each size in its own child process with Node\'s default heap (no flags). One run of the async `digest(feed)` with default options (every story summarised, 100 words each), the event-loop probe of bench/event-loop.ts running alongside (it also notes the phase each long block began in). CPU counts every thread (GC helpers too). The floor: `sbd.sentences` over every text, once, as bench/run.ts measures it. Peak RSS is the whole process, generated feed included. Targets: 10,000 articles < 20 s and ≤ 6× the floor; 100,000 in < 4 min within the default heap.\n',
      reused.length ? `(Sizes ${reused.join(', ')} reused from an earlier run of this driver, saved in bench/out/: ${reused.map((n) => { const o = JSON.parse(readFileSync(path.join(root, `bench/out/digest-scale-${n}.json`), 'utf8')) as { commit?: string; at?: string }; return `${n} at commit \`${o.commit ?? '?'}\`, ${o.at ?? '?'}`; }).join('; ')}.)\n` : '',
      scale.length ? wholeTable(scale) : '',
      '',
      scale.length ? `Where the time goes (from \`onProgress\` stage timestamps; heap used at the end of each phase):\n\n${phaseTable(scale)}\n` : '',
      ...failures.map((failure) => `**${failure.articles.toLocaleString('en-US')} articles did not finish**: ${failure.how}. Its last stage log lines:\n\n\`\`\`\n${failure.log.slice(-12).join('\n')}\n\`\`\`\n`),
    );
  sections.push(
    '## Commands\n',
    '```\nnpm ci\nnpm run bench:digest -- --write                       # all three parts\nnpm run bench:digest -- --parts quality,end            # parts 1 and 2 only (about a minute)\nnpm run bench:digest -- --parts scale --sizes 10000    # one scale size\nnpm run bench:digest -- --write --reuse               # parts 1 and 2 afresh, scale sizes from bench/out/ (how this file was written)\n```\n',
    reading,
  );
  writeFileSync(target, sections.join('\n'));
  console.log('wrote bench/DIGEST.md');
}
