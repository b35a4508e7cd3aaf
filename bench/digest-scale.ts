/**
 * Part 3 of the digest benchmark: the grouping on the generated feed (bench/feed.ts) at 10,000
 * and 100,000 articles, one size per child process so that peak memory is its own. Generation is
 * outside the timed part; segment + analyse are timed apart (digest() runs them for the
 * summaries anyway); the grouping is timed alone, in wall and CPU time, with the memory it adds
 * (heap + array buffers, sampled as it runs), its longest stretch between two pauses, and B-cubed
 * and NMI against the feed's story labels.
 */
import sbd from 'sbd';
import { runSync } from '../src/schedule.js';
import { groupStories } from '../src/group/index.js';
import { GROUP_PARAMETERS, type GroupParameters } from '../src/group/parameters.js';
import { resolveInput } from '../src/validate.js';
import { clusterScores, labelsOf, type ClusterScores } from './digest-metrics.js';
import { DEFAULT_STORY_SIMILARITY, prepare, timed } from './digest-run.js';
import { feedDocuments, type FeedDocument } from './feed.js';

export interface ScaleResult {
  articles: number;
  megabytes: number;
  sentences: number;
  prepareWallMs: number;
  prepareCpuMs: number;
  groupWallMs: number;
  groupCpuMs: number;
  /** Longest stretch of the grouping between two pauses, wall and CPU time (CPU time counts every thread: garbage collection too). */
  longestBlockMs: number;
  longestBlockCpuMs: number;
  /** Most memory the grouping added (heap used + array buffers), above what was there before. */
  groupMemoryMb: number;
  sbdWallMs: number;
  sbdCpuMs: number;
  peakRssMb: number;
  stories: number;
  unassigned: number;
  largest: number[];
  goldStories: number;
  scores: ClusterScores;
}

const memory = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

export function measureScale(articles: number, dataPath: string, timeWindowHours?: number, parameters: Partial<GroupParameters> = {}): ScaleResult {
  const feed: FeedDocument[] = [];
  for (const document of feedDocuments(articles, dataPath)) feed.push(document);
  const storyOf = new Map(feed.map((document) => [document.id, document.story]));
  const megabytes = feed.reduce((sum, document) => sum + document.text.length, 0) / 1e6;
  const documents = feed.map(({ id, text, title, source, publishedAt }) => ({ id, text, title, source, publishedAt }));
  feed.length = 0;

  const sbdRun = timed(() => {
    for (const document of documents) sbd.sentences(document.text, { newline_boundaries: true });
  });
  const prepared = prepare(documents);
  const { settings } = resolveInput([], {}, false);
  (globalThis as { gc?: () => void }).gc?.();
  const before = memory();
  let peak = before;
  let longest = 0;
  let longestCpu = 0;
  const grouping = timed(() => {
    const work = groupStories(
      prepared.value.documents,
      prepared.value.segments,
      prepared.value.analysis,
      { storySimilarity: DEFAULT_STORY_SIMILARITY, minDocuments: 1, timeWindowHours, stopwords: settings.stopwords, language: settings.language },
      { ...GROUP_PARAMETERS, ...parameters },
    );
    let last = performance.now();
    let lastCpu = process.cpuUsage();
    for (let k = 0; ; k++) {
      const step = work.next();
      const now = performance.now();
      const cpu = process.cpuUsage(lastCpu);
      longest = Math.max(longest, now - last);
      longestCpu = Math.max(longestCpu, (cpu.user + cpu.system) / 1000);
      last = now;
      lastCpu = process.cpuUsage();
      if ((k & 31) === 0) peak = Math.max(peak, memory());
      if (step.done) return step.value;
    }
  });
  peak = Math.max(peak, memory());
  void runSync; // (the grouping is driven by hand above, to time each stretch)

  const canonical = prepared.value.documents;
  const gold = canonical.map((document) => storyOf.get(document.id)!);
  const stories = [...grouping.value.stories, ...grouping.value.tooSmall];
  return {
    articles,
    megabytes,
    sentences: prepared.value.segments.count,
    prepareWallMs: prepared.wallMs,
    prepareCpuMs: prepared.cpuMs,
    groupWallMs: grouping.wallMs,
    groupCpuMs: grouping.cpuMs,
    longestBlockMs: longest,
    longestBlockCpuMs: longestCpu,
    groupMemoryMb: (peak - before) / 2 ** 20,
    sbdWallMs: sbdRun.wallMs,
    sbdCpuMs: sbdRun.cpuMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    stories: stories.length,
    unassigned: grouping.value.unassigned.length,
    largest: stories.map((story) => story.length).sort((a, b) => b - a).slice(0, 5),
    goldStories: new Set(gold).size,
    scores: clusterScores(labelsOf(canonical.length, stories), gold),
  };
}

const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const f3 = (x: number) => x.toFixed(3);

export function scaleTable(results: readonly ScaleResult[]): string {
  return [
    '| articles | MB | sentences | segment + analyse wall / CPU | **grouping wall / CPU** | longest stretch between pauses wall / CPU | grouping memory | sbd floor wall / CPU | grouping ÷ floor (CPU) | peak RSS (whole process) | stories (gold) | largest | B³ P / R / **F1** | **NMI** |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.articles.toLocaleString('en-US')} | ${r.megabytes.toFixed(0)} | ${r.sentences.toLocaleString('en-US')} | ${s(r.prepareWallMs)} / ${s(r.prepareCpuMs)} | **${s(r.groupWallMs)} / ${s(r.groupCpuMs)}** | ${r.longestBlockMs.toFixed(0)} / ${r.longestBlockCpuMs.toFixed(0)} ms | ${r.groupMemoryMb.toFixed(0)} MB | ` +
        `${s(r.sbdWallMs)} / ${s(r.sbdCpuMs)} | ${(r.groupCpuMs / r.sbdCpuMs).toFixed(2)} | ${r.peakRssMb.toFixed(0)} MB | ${r.stories.toLocaleString('en-US')} (${r.goldStories}) | ${r.largest.join(', ')} | ` +
        `${f3(r.scores.bcubedPrecision)} / ${f3(r.scores.bcubedRecall)} / **${f3(r.scores.bcubedF1)}** | **${f3(r.scores.nmi)}** |`,
    ),
  ].join('\n');
}
