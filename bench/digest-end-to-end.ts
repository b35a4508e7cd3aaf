/**
 * Part 2 of `npm run bench:digest`: the digest end to end on real news. `digest()` of the whole
 * shuffled val feed with `{ words: 100 }`; for each val cluster, the story that holds most of its
 * documents (ties: the story `digest()` ranks first), whose summary is scored with ROUGE as
 * bench/quality.ts scores (one sentence a line, recall at 100 words, ROUGE-1.5.5 options) against
 * the cluster's reference; beside `summarizeSync()` of the true cluster with the same budget
 * (the ceiling: a perfect grouping). A cluster none of whose documents is in a story (all page
 * furniture) scores an empty summary.
 */
import { digest, summarizeSync, type Story, type Summary } from 'chorus-summary';
import type { Cluster as FeedCluster, LabelledFeed } from './digest-feeds.js';
import { mean, rouge, type RougeScores } from './rouge.js';

export interface Cluster extends FeedCluster {
  references: string[];
}

export interface EndToEnd {
  clusters: number;
  digest: RougeScores;
  ceiling: RougeScores;
  /** Clusters whose best story is exactly their documents (the summary is then the ceiling's). */
  exact: number;
  /** Of those, how many summaries differ from `summarizeSync()` of the cluster (should be 0: digest's promise). */
  exactButDifferent: string[];
  /** Clusters whose best story also holds documents of other clusters (merged). */
  merged: number;
  /** Clusters whose best story lacks some of their documents (split), furniture aside. */
  split: number;
  /** Clusters with no story at all. */
  noStory: number;
  /** Per cluster, R1 recall of the digest minus the ceiling's (for the spread). */
  worst: { id: string; delta: number; documents: number; storyDocuments: number; shared: number }[];
  stories: number;
  wallMs: number;
  cpuMs: number;
}

const lines = (summary: Summary | undefined) => (summary ? summary.sentences.map((sentence) => sentence.text.replace(/\s+/g, ' ').trim()) : []);

export async function endToEnd(clusters: readonly Cluster[], feed: LabelledFeed, exceptions: ReadonlyMap<string, string>, words = 100): Promise<EndToEnd> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await digest(feed.documents, { words });
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);

  const storyOf = new Map<string, number>();
  result.stories.forEach((story, k) => story.documentIds.forEach((id) => storyOf.set(id, k)));
  const clusterOf = new Map<string, string>();
  for (const cluster of clusters) for (const document of cluster.documents) clusterOf.set(document.id, cluster.id);

  const ours: RougeScores[] = [];
  const ceilings: RougeScores[] = [];
  const out: EndToEnd = {
    clusters: clusters.length,
    digest: undefined as unknown as RougeScores,
    ceiling: undefined as unknown as RougeScores,
    exact: 0,
    exactButDifferent: [],
    merged: 0,
    split: 0,
    noStory: 0,
    worst: [],
    stories: result.stories.length,
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
  };
  for (const cluster of clusters) {
    const votes = new Map<number, number>();
    for (const document of cluster.documents) {
      const k = storyOf.get(document.id);
      if (k !== undefined) votes.set(k, (votes.get(k) ?? 0) + 1);
    }
    let best: number | undefined;
    for (const [k, count] of votes) if (best === undefined || count > votes.get(best)! || (count === votes.get(best)! && k < best)) best = k;
    const story: Story | undefined = best === undefined ? undefined : result.stories[best];
    const ceilingSummary = summarizeSync(cluster.documents, { words });
    const ceilingLines = lines(ceilingSummary);
    const storyLines = lines(story?.summary);
    const mine = rouge(storyLines, cluster.references, { length: words, exceptions });
    const top = rouge(ceilingLines, cluster.references, { length: words, exceptions });
    ours.push(mine);
    ceilings.push(top);
    if (!story) {
      out.noStory++;
      continue;
    }
    const clusterIds = new Set(cluster.documents.map((document) => document.id));
    const foreign = story.documentIds.filter((id) => clusterOf.get(id) !== cluster.id).length;
    const missing = [...clusterIds].filter((id) => !story.documentIds.includes(id) && feed.gold.get(id) !== null).length;
    if (foreign > 0) out.merged++;
    if (missing > 0) out.split++;
    if (foreign === 0 && story.documentIds.length === clusterIds.size) {
      out.exact++;
      if (JSON.stringify(story.summary) !== JSON.stringify(ceilingSummary)) out.exactButDifferent.push(cluster.id);
    }
    out.worst.push({ id: cluster.id, delta: mine.rouge1.recall - top.rouge1.recall, documents: cluster.documents.length, storyDocuments: story.documentIds.length, shared: story.documentIds.length - foreign });
  }
  out.digest = mean(ours);
  out.ceiling = mean(ceilings);
  out.worst.sort((a, b) => a.delta - b.delta);
  out.worst = out.worst.slice(0, 5);
  return out;
}

const pct = (x: number) => (100 * x).toFixed(2);

export function endToEndTable(e: EndToEnd): string {
  const d1 = 100 * (e.digest.rouge1.recall - e.ceiling.rouge1.recall);
  const d2 = 100 * (e.digest.rouge2.recall - e.ceiling.rouge2.recall);
  const sign = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
  return [
    '| summaries @100 words (recall ×100, mean over 250 clusters) | R1 | R2 | RL | SU4 |',
    '|---|---|---|---|---|',
    `| digest(): the story holding most of the cluster | **${pct(e.digest.rouge1.recall)}** | **${pct(e.digest.rouge2.recall)}** | ${pct(e.digest.rougeL.recall)} | ${pct(e.digest.rougeSU4.recall)} |`,
    `| summarize() of the true cluster (ceiling) | ${pct(e.ceiling.rouge1.recall)} | ${pct(e.ceiling.rouge2.recall)} | ${pct(e.ceiling.rougeL.recall)} | ${pct(e.ceiling.rougeSU4.recall)} |`,
    `| difference | **${sign(d1)}** | ${sign(d2)} | ${sign(100 * (e.digest.rougeL.recall - e.ceiling.rougeL.recall))} | ${sign(100 * (e.digest.rougeSU4.recall - e.ceiling.rougeSU4.recall))} |`,
  ].join('\n');
}
