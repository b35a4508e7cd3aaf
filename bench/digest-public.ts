/**
 * Part 1 of `npm run bench:digest`: the grouping as `digest()` returns it. Each feed goes through
 * the public `digestSync(documents, { maxStories: 0 })` of the built package (no summaries: the
 * stories are what a caller gets, only their `summary` is left out), and the stories and
 * `unassigned` list it returns are scored against the val clusters. An unassigned document, in
 * the result or in the gold (page furniture found verbatim in two or more clusters), counts as a
 * story of its own.
 *
 * As a check that the internal grouping the colleague's tuning runs measured (bench/digest-run.ts)
 * is the one `digest()` runs, the same feed is grouped that way too and the two partitions are
 * compared document by document.
 */
import { digestSync, type Digest } from 'chorus-summary';
import { clusterScores, labelsOf, type ClusterScores } from './digest-metrics.js';
import type { LabelledFeed } from './digest-feeds.js';
import { group, prepare, timed } from './digest-run.js';

export interface PublicRow {
  feed: string;
  documents: number;
  scores: ClusterScores;
  /** Stories `digest()` returned, and how many of them hold two or more documents. */
  stories: number;
  storiesOfTwoOrMore: number;
  /** Gold stories (val clusters that keep at least one document), and gold-unassigned documents (furniture). */
  goldStories: number;
  goldFurniture: number;
  unassigned: number;
  largest: number[];
  wallMs: number;
  cpuMs: number;
  /** Whether the internal grouping (bench/digest-run.ts) gives the same partition. */
  sameAsInternal: boolean;
}

/** One label per document id from a digest: `story:<id>`, or `alone:<document id>` when unassigned. */
export function digestLabels(result: Digest): Map<string, string> {
  const labels = new Map<string, string>();
  for (const story of result.stories) for (const id of story.documentIds) labels.set(id, `story:${story.id}`);
  for (const id of result.unassigned) labels.set(id, `alone:${id}`);
  return labels;
}

/** A partition as a canonical string: each block's sorted ids, blocks sorted. */
function canonical(blocks: string[][]): string {
  return blocks
    .map((block) => [...block].sort().join('\u0001'))
    .sort()
    .join('\u0002');
}

export function evaluatePublic(name: string, feed: LabelledFeed): PublicRow {
  const run = timed(() => digestSync(feed.documents, { maxStories: 0 }));
  const result = run.value;
  const labels = digestLabels(result);
  const ids = feed.documents.map((document) => document.id);
  for (const id of ids) if (!labels.has(id)) throw new Error(`digest() lost document ${id}: in no story and not unassigned`);
  if (labels.size !== ids.length) throw new Error(`digest() returned ${labels.size} documents for ${ids.length}`);
  const predicted = ids.map((id) => labels.get(id)!);
  const gold = ids.map((id) => feed.gold.get(id) ?? `alone:${id}`);

  // The internal grouping over the same feed (minDocuments 1, default similarity): same partition?
  const prepared = prepare(feed.documents).value;
  const grouping = group(prepared).value;
  const internalLabels = labelsOf(prepared.documents.length, [...grouping.stories, ...grouping.tooSmall]);
  const internalBlocks = new Map<string, string[]>();
  prepared.documents.forEach((document, d) => {
    const block = internalBlocks.get(internalLabels[d]!) ?? [];
    block.push(document.id);
    internalBlocks.set(internalLabels[d]!, block);
  });
  const publicBlocks = [...result.stories.map((story) => story.documentIds), ...result.unassigned.map((id) => [id])];

  const sizes = result.stories.map((story) => story.documentIds.length);
  return {
    feed: name,
    documents: ids.length,
    scores: clusterScores(predicted, gold),
    stories: result.stories.length,
    storiesOfTwoOrMore: sizes.filter((size) => size >= 2).length,
    goldStories: new Set([...feed.gold.values()].filter((label) => label !== null)).size,
    goldFurniture: [...feed.gold.values()].filter((label) => label === null).length,
    unassigned: result.unassigned.length,
    largest: [...sizes].sort((a, b) => b - a).slice(0, 5),
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    sameAsInternal: canonical(publicBlocks) === canonical([...internalBlocks.values()]),
  };
}

const f3 = (x: number) => x.toFixed(3);

export function publicTable(rows: readonly PublicRow[]): string {
  return [
    '| feed | docs | B³ P | B³ R | **B³ F1** | **NMI** | pair P | pair R | pair F1 | stories (≥ 2 docs) | gold stories | unassigned (gold furniture) | largest | digestSync wall / CPU | = internal grouping |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => {
      const s = row.scores;
      return (
        `| ${row.feed} | ${row.documents} | ${f3(s.bcubedPrecision)} | ${f3(s.bcubedRecall)} | **${f3(s.bcubedF1)}** | **${f3(s.nmi)}** | ${f3(s.pairPrecision)} | ${f3(s.pairRecall)} | ${f3(s.pairF1)} | ` +
        `${row.stories} (${row.storiesOfTwoOrMore}) | ${row.goldStories} | ${row.unassigned} (${row.goldFurniture}) | ${row.largest.join(', ')} | ${(row.wallMs / 1000).toFixed(2)} / ${(row.cpuMs / 1000).toFixed(2)} s | ${row.sameAsInternal ? 'yes' : '**no**'} |`
      );
    }),
  ].join('\n');
}
