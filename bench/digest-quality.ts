/**
 * Part 1 of the digest benchmark: how well the grouping finds the val clusters in one shuffled
 * feed (and in its short-text emulation).
 */
import { clusterScores, labelsOf, type ClusterScores } from './digest-metrics.js';
import { shortFeed, valFeed, type Cluster, type LabelledFeed } from './digest-feeds.js';
import { group, prepare, type GroupRun, type Prepared } from './digest-run.js';

export interface QualityRow {
  feed: string;
  scores: ClusterScores;
  stories: number;
  goldStories: number;
  unassigned: number;
  largest: number[];
  groupWallMs: number;
  groupCpuMs: number;
}

/** Gold labels in canonical order: furniture alone. */
function goldLabels(prepared: Prepared, feed: LabelledFeed): string[] {
  return prepared.documents.map((document) => feed.gold.get(document.id) ?? `alone:${document.id}`);
}

export function evaluate(name: string, feed: LabelledFeed, prepared: Prepared, run: GroupRun = {}): QualityRow {
  const { value: grouping, wallMs, cpuMs } = group(prepared, run);
  const gold = goldLabels(prepared, feed);
  const goldSizes = new Map<string, number>();
  for (const label of gold) goldSizes.set(label, (goldSizes.get(label) ?? 0) + 1);
  const stories = [...grouping.stories, ...grouping.tooSmall];
  return {
    feed: name,
    scores: clusterScores(labelsOf(prepared.documents.length, stories), gold),
    stories: stories.filter((story) => story.length >= 2).length,
    goldStories: [...goldSizes.values()].filter((size) => size >= 2).length,
    unassigned: grouping.unassigned.length,
    largest: stories.map((story) => story.length).sort((a, b) => b - a).slice(0, 5),
    groupWallMs: wallMs,
    groupCpuMs: cpuMs,
  };
}

export interface Feeds {
  name: string;
  feed: LabelledFeed;
  prepared: Prepared;
}

export function qualityFeeds(clusters: readonly Cluster[]): Feeds[] {
  const full = valFeed(clusters);
  return [
    { name: 'val feed, full text', feed: full },
    { name: 'short text, one lower-case string', feed: shortFeed(full, false) },
    { name: 'short text, title field + snippet', feed: shortFeed(full, true) },
  ].map(({ name, feed }) => ({ name, feed, prepared: prepare(feed.documents).value }));
}

const f3 = (x: number) => x.toFixed(3);

export function qualityTable(rows: readonly QualityRow[]): string {
  const lines = [
    '| feed | B³ P | B³ R | **B³ F1** | **NMI** | pair P | pair R | pair F1 | stories ≥ 2 (gold) | unassigned | largest | grouping wall / CPU |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const s = row.scores;
    lines.push(
      `| ${row.feed} | ${f3(s.bcubedPrecision)} | ${f3(s.bcubedRecall)} | **${f3(s.bcubedF1)}** | **${f3(s.nmi)}** | ${f3(s.pairPrecision)} | ${f3(s.pairRecall)} | ${f3(s.pairF1)} | ${row.stories} (${row.goldStories}) | ${row.unassigned} | ${row.largest.join(', ')} | ${Math.round(row.groupWallMs)} / ${Math.round(row.groupCpuMs)} ms |`,
    );
  }
  return lines.join('\n');
}
