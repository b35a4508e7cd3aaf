/**
 * Part 3 of `npm run bench:digest`: the whole `digest()` call (every story summarised, default
 * options) on the generated feed of bench/feed.ts, one size per child process so that peak RSS
 * is its own. Generation is outside the timed part. Measured in one run of the async `digest()`
 * of the built package:
 *   - wall and CPU time of the call (CPU counts every thread of the process: GC helpers too);
 *   - where the time goes, from `onProgress` stage timestamps: validation (call → first
 *     `segment` tick), read (segment + analyse), group (`group` start → first `summarise` tick),
 *     stories (headlines, key terms and summaries: digest() makes the headlines while the pool
 *     takes its first batches of summaries, so the two are one phase; → settled);
 *   - the longest event-loop blocks while it ran, and the phase each began in (bench/event-loop.ts's
 *     probe, run alongside);
 *   - peak RSS of the whole process (the generated feed included), the heap used at each stage
 *     boundary and its peak (sampled at every progress tick), and V8's heap limit;
 *   - the sbd floor: `sbd.sentences` over every text, as bench/run.ts measures it, once;
 *   - stories, and B-cubed and NMI of the stories (unassigned documents alone) against the
 *     generator's story labels.
 * Each stage boundary is also written to stderr as it happens, so a run that dies (out of heap)
 * or is stopped still says where it was.
 */
import v8 from 'node:v8';
import sbd from 'sbd';
import { digest, type Progress } from 'chorus-summary';
import { threadPool } from 'chorus-summary/node';
import { clusterScores, type ClusterScores } from './digest-metrics.js';
import { feedDocuments } from './feed.js';
import { timed } from './digest-run.js';

export interface Phase {
  name: string;
  ms: number;
  /** Heap used when the phase ended, MB. */
  heapMb: number;
}

export interface WholeResult {
  articles: number;
  /** Threads the call ran on (1: the calling one alone). */
  threads?: number;
  megabytes: number;
  generateMs: number;
  wallMs: number;
  cpuMs: number;
  phases: Phase[];
  longestBlockMs: number;
  turns: number;
  /** The longest event-loop blocks, longest first, each with the phase it began in. */
  blocks: { ms: number; phase: string }[];
  sbdWallMs: number;
  sbdCpuMs: number;
  peakRssMb: number;
  peakHeapMb: number;
  heapLimitMb: number;
  stories: number;
  summarised: number;
  storiesOfTwoOrMore: number;
  unassigned: number;
  largest: number[];
  goldStories: number;
  scores: ClusterScores;
}

const mb = (bytes: number) => bytes / 2 ** 20;
/** A row's name: its size, and its threads when more than one. */
const label = (r: WholeResult) => `${r.articles.toLocaleString('en-US')}${(r.threads ?? 1) > 1 ? ` (${r.threads} threads)` : ''}`;

/** `threads` above 1: digest() with a pool of `threads − 1` worker threads (the `parallel` option). */
export async function measureWhole(articles: number, dataPath: string, log: (line: string) => void, threads = 1): Promise<WholeResult> {
  const generation = timed(() => {
    const storyOf = new Map<string, string>();
    const documents: { id: string; text: string; title?: string; source?: string; publishedAt?: string }[] = [];
    for (const { id, text, title, source, publishedAt, story } of feedDocuments(articles, dataPath)) {
      documents.push({ id, text, title, source, publishedAt });
      storyOf.set(id, story);
    }
    return { documents, storyOf };
  });
  const { documents, storyOf } = generation.value;
  const megabytes = documents.reduce((sum, document) => sum + Buffer.byteLength(document.text), 0) / 1e6;
  log(`generated ${articles} articles (${megabytes.toFixed(0)} MB) in ${(generation.wallMs / 1000).toFixed(1)} s; heap ${mb(process.memoryUsage().heapUsed).toFixed(0)} MB`);

  const floor = timed(() => {
    for (const document of documents) sbd.sentences(document.text, { newline_boundaries: true });
  });
  log(`sbd floor ${(floor.wallMs / 1000).toFixed(2)} s`);
  (globalThis as { gc?: () => void }).gc?.();

  // Phase boundaries from onProgress: the first tick of each stage.
  const marks: { name: string; at: number; heapMb: number }[] = [];
  let peakHeap = 0;
  let summarisedTenths = 0;
  const mark = (name: string) => {
    const heapMb = mb(process.memoryUsage().heapUsed);
    marks.push({ name, at: performance.now(), heapMb });
    log(`  ${name} at ${((marks.at(-1)!.at - marks[0]!.at) / 1000).toFixed(2)} s, heap ${heapMb.toFixed(0)} MB`);
  };
  const onProgress = ({ stage, done, total }: Progress) => {
    const heap = process.memoryUsage().heapUsed;
    if (heap > peakHeap) peakHeap = heap;
    const last = marks.at(-1)!.name;
    if (stage === 'segment' && last === 'call') mark('segment');
    else if (stage === 'analyse' && last === 'segment') mark('analyse');
    else if (stage === 'group' && last === 'analyse') mark('group');
    else if (stage === 'summarise' && last === 'group') mark('summarise');
    // How far the summaries are, every tenth of the stories: a run stopped in this stage says so.
    if (stage === 'summarise' && total > 0 && Math.floor((10 * done) / total) > summarisedTenths) {
      summarisedTenths = Math.floor((10 * done) / total);
      log(`    summarised ${done} of ${total} stories at ${((performance.now() - marks[0]!.at) / 1000).toFixed(2)} s, heap ${mb(heap).toFixed(0)} MB`);
    }
  };

  const cpu = process.cpuUsage();
  marks.push({ name: 'call', at: performance.now(), heapMb: mb(process.memoryUsage().heapUsed) });
  log('digest() called');
  const pool = threads > 1 ? threadPool({ threads: threads - 1 }) : undefined;
  const { result, longestBlockMs, turns, blocks } = await withBlocks(() => digest(documents, { onProgress, ...(pool ? { parallel: pool } : {}) }));
  await pool?.close();
  const ended = performance.now();
  const used = process.cpuUsage(cpu);
  mark('end');

  const names: Record<string, string> = { call: 'validate', segment: 'segment', analyse: 'analyse', group: 'group', summarise: 'headlines, key terms, summaries' };
  const phases: Phase[] = marks.slice(0, -1).map((m, k) => ({ name: names[m.name] ?? m.name, ms: marks[k + 1]!.at - m.at, heapMb: marks[k + 1]!.heapMb }));
  const phaseAt = (at: number) => {
    let name = 'call';
    for (const m of marks) if (m.at <= at) name = m.name;
    return names[name] ?? name;
  };

  const labels = new Map<string, string>();
  for (const story of result.stories) for (const id of story.documentIds) labels.set(id, `story:${story.id}`);
  for (const id of result.unassigned) labels.set(id, `alone:${id}`);
  const ids = documents.map((document) => document.id);
  const sizes = result.stories.map((story) => story.documentIds.length);
  return {
    articles,
    threads,
    megabytes,
    generateMs: generation.wallMs,
    wallMs: ended - marks[0]!.at,
    cpuMs: (used.user + used.system) / 1000,
    phases,
    longestBlockMs,
    turns,
    blocks: blocks.map((block) => ({ ms: block.ms, phase: phaseAt(block.from) })),
    sbdWallMs: floor.wallMs,
    sbdCpuMs: floor.cpuMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: mb(peakHeap),
    heapLimitMb: mb(v8.getHeapStatistics().heap_size_limit),
    stories: result.stories.length,
    summarised: result.stories.filter((story) => story.summary !== undefined).length,
    storiesOfTwoOrMore: sizes.filter((size) => size >= 2).length,
    unassigned: result.unassigned.length,
    largest: [...sizes].sort((a, b) => b - a).slice(0, 5),
    goldStories: new Set(storyOf.values()).size,
    scores: clusterScores(
      ids.map((id) => labels.get(id)!),
      ids.map((id) => storyOf.get(id)!),
    ),
  };
}

/**
 * bench/event-loop.ts's probe (a chain of setImmediate callbacks started just before the call;
 * each gap between two is one turn of the event loop), keeping the five longest gaps and when
 * each began, so a block can be put in its phase.
 */
async function withBlocks<T>(run: () => Promise<T>): Promise<{ result: T; longestBlockMs: number; turns: number; blocks: { ms: number; from: number }[] }> {
  let last = performance.now();
  let turns = 0;
  let running = true;
  const blocks: { ms: number; from: number }[] = [];
  const gap = () => {
    const now = performance.now();
    const ms = now - last;
    if (blocks.length < 5 || ms > blocks[blocks.length - 1]!.ms) {
      blocks.push({ ms, from: last });
      blocks.sort((a, b) => b.ms - a.ms);
      blocks.length = Math.min(blocks.length, 5);
    }
    last = now;
  };
  const tick = () => {
    gap();
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    const result = await run();
    gap();
    return { result, longestBlockMs: blocks[0]?.ms ?? 0, turns: turns + 1, blocks };
  } finally {
    running = false;
  }
}

const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const f3 = (x: number) => x.toFixed(3);

export function wholeTable(results: readonly WholeResult[]): string {
  return [
    '| articles | MB | **digest() wall** | CPU | sbd floor wall / CPU | **÷ floor (wall)** | ÷ floor (CPU) | longest event-loop block | peak RSS | peak heap (limit) | stories (≥ 2 docs) | gold stories | unassigned | largest | B³ P / R / **F1** | **NMI** |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${label(r)} | ${r.megabytes.toFixed(0)} | **${s(r.wallMs)}** | ${s(r.cpuMs)} | ${s(r.sbdWallMs)} / ${s(r.sbdCpuMs)} | **${(r.wallMs / r.sbdWallMs).toFixed(2)}** | ${(r.cpuMs / r.sbdCpuMs).toFixed(2)} | ${r.longestBlockMs.toFixed(0)} ms${r.blocks?.[0] ? ` (${r.blocks[0].phase})` : ''} | ${r.peakRssMb.toFixed(0)} MB | ${r.peakHeapMb.toFixed(0)} MB (${r.heapLimitMb.toFixed(0)}) | ` +
        `${r.stories.toLocaleString('en-US')} (${r.storiesOfTwoOrMore.toLocaleString('en-US')}) | ${r.goldStories} | ${r.unassigned} | ${r.largest.join(', ')} | ${f3(r.scores.bcubedPrecision)} / ${f3(r.scores.bcubedRecall)} / **${f3(r.scores.bcubedF1)}** | **${f3(r.scores.nmi)}** |`,
    ),
  ].join('\n');
}

export function phaseTable(results: readonly WholeResult[]): string {
  const names = [...new Set(results.flatMap((r) => r.phases.map((phase) => phase.name)))];
  return [
    `| articles | ${names.join(' | ')} | total |`,
    `|---|${names.map(() => '---|').join('')}---|`,
    ...results.map((r) => {
      const cells = names.map((name) => {
        const phase = r.phases.find((p) => p.name === name);
        return phase ? `${s(phase.ms)} (${((100 * phase.ms) / r.wallMs).toFixed(0)}%, heap after ${phase.heapMb.toFixed(0)} MB)` : '–';
      });
      return `| ${label(r)} | ${cells.join(' | ')} | ${s(r.wallMs)} |`;
    }),
    '',
    ...results.map((r) =>
      r.blocks
        ? `- ${label(r)} articles, the longest event-loop blocks and the phase each began in: ${r.blocks.map((block) => `${s(block.ms)} (${block.phase})`).join(', ')}; ${r.turns.toLocaleString('en-US')} turns in all.`
        : `- ${label(r)} articles: the phase of the longest event-loop block was not recorded in this run.`,
    ),
  ].join('\n');
}
