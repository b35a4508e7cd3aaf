/**
 * A day's feed in, one cited summary per story out. The feed is read once (segment, analyse),
 * grouped into stories (group/), and each story is summarised from its part of the read
 * (slice.ts): a story's summary is exactly what `summarize()` of its documents returns.
 * Headlines and key terms come from the documents' own words (story.ts).
 */
import { inCanonicalOrder } from './assemble.js';
import { groupStories, type Grouping } from './group/index.js';
import type { Read } from './model.js';
import type { DigestOptions } from './options.js';
import { Pending, runAsync, runSync, type Work } from './schedule.js';
import { summariseInParts } from './parallel-stories.js';
import { sliceRead } from './slice.js';
import { describeStories, sourceCount, storyId } from './story.js';
import { readDocuments, summaryOf } from './summarize.js';
import { compareCodeUnits, instantOf, sortInPieces } from './text.js';
import type { Digest, SourceDocument, Story, SummaryWarning } from './types.js';
import { checkOptions, resolveDocuments, type CheckedOptions } from './validate.js';

/** Run `work` for its result alone: its progress reports become plain pauses. */
function* quietly<T>(work: Work<T>): Work<T> {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    yield step.value instanceof Pending ? step.value : undefined; // a wait for another thread stays one
  }
}

/** Milliseconds of a validated `publishedAt` (an ISO string since validation), NaN when absent. */
const timeOf = (document: SourceDocument) => (document.publishedAt === undefined ? Number.NaN : instantOf(document.publishedAt as string));

/** The unassigned documents' warnings: why each joined no story (pausing: a feed may hold a million empty documents). */
function* unassignedWarnings(documents: readonly SourceDocument[], grouping: Grouping, minDocuments: number): Work<Map<number, SummaryWarning>> {
  const why = new Map<number, SummaryWarning>();
  const noText = 'the document has no text to compare with the others (it is empty, markup or page furniture only, or furniture found verbatim across the feed); it joined no story.';
  let made = 0;
  for (const d of grouping.unassigned) {
    why.set(d, { code: 'UNASSIGNED', documentId: documents[d]!.id, message: noText });
    if ((++made & 16383) === 0) yield;
  }
  for (const story of grouping.tooSmall) {
    const message = `the document's story has ${story.length} document${story.length === 1 ? '' : 's'}, fewer than minDocuments (${minDocuments}); lower minDocuments to list it.`;
    for (const d of story) {
      why.set(d, { code: 'UNASSIGNED', documentId: documents[d]!.id, message });
      if ((++made & 16383) === 0) yield;
    }
  }
  return why;
}

function* digestWork(given: unknown, checked: CheckedOptions): Work<Digest> {
  const { documents, settings } = yield* resolveDocuments(given, checked);
  const read: Read = yield* readDocuments(documents, settings);
  yield { stage: 'group', done: 0, total: documents.length };
  const grouping = yield* quietly(
    groupStories(documents, read.segments, read.analysis, {
      storySimilarity: settings.storySimilarity,
      minDocuments: settings.minDocuments,
      timeWindowHours: settings.timeWindowHours,
      stopwords: settings.stopwords,
      language: settings.language,
    }),
  );
  yield { stage: 'group', done: documents.length, total: documents.length };

  const members = grouping.stories;
  // Per story, its sources and earliest date, pausing as it goes: a date read twice per document
  // of a 10,000-article feed was one 20 ms turn.
  const sources: number[] = [];
  const earliest: number[] = [];
  let documentsRead = 0; // documents read since the last pause
  for (const story of members) {
    sources.push(sourceCount(documents, story));
    let first = Number.POSITIVE_INFINITY;
    for (const d of story) {
      const time = timeOf(documents[d]!);
      if (time < first) first = time;
    }
    earliest.push(first);
    if ((documentsRead += 16 + story.length) >= 4096) {
      documentsRead = 0;
      yield;
    }
  }
  // Most important first: sources, documents, the earliest date (undated last), then id.
  const rankOf = members.map((_, k) => k);
  rankOf.sort(
    (a, b) =>
      sources[b]! - sources[a]! ||
      members[b]!.length - members[a]!.length ||
      earliest[a]! - earliest[b]! ||
      compareCodeUnits(storyId(documents, members[a]!), storyId(documents, members[b]!)),
  );

  const summarised = rankOf.slice(0, settings.maxStories ?? rankOf.length);
  const tick = (done: number) => ({ stage: 'summarise', done, total: summarised.length }) as const;
  yield tick(0);
  const readOf = (k: number) => sliceRead(read, members[summarised[k]!]!);
  const summaryHere = (story: Read) => quietly(summaryOf(story, settings));
  const sentencesOf = (k: number) => {
    let sentences = 0;
    for (const d of members[summarised[k]!]!) sentences += read.segments.firstOfDoc[d + 1]! - read.segments.firstOfDoc[d]!;
    return sentences;
  };
  // Headlines and key terms are made while the pool takes its first batches of summaries.
  let stories: Story[] = [];
  const describe = function* (): Work<void> {
    stories = yield* describeStories(read, members, settings);
  };
  // With a pool, it summarises the least important stories while this thread does the most important.
  const summaries = yield* summariseInParts(summarised.length, sentencesOf, settings, readOf, summaryHere, tick, { meanwhile: describe() });
  const ordered = rankOf.map((k) => stories[k]!);
  summaries.forEach((summary, k) => (ordered[k]!.summary = summary));
  yield tick(summarised.length);

  const why = yield* unassignedWarnings(documents, grouping, settings.minDocuments);
  const unassigned = yield* sortInPieces([...why.keys()], (a, b) => a - b);
  // The documents' own warnings (an empty article, a cut sentence) and why some joined no story.
  const warnings = yield* inCanonicalOrder([...read.segments.warnings, ...why.values()], documents);
  return {
    stories: ordered,
    unassigned: unassigned.map((d) => documents[d]!.id),
    warnings,
    stats: { documents: documents.length, stories: ordered.length, unassigned: unassigned.length },
  };
}

/**
 * Group a feed of articles on many stories into stories, and summarise each: every story's
 * `summary` is exactly what `summarize()` of its documents returns, with the same options.
 *
 * Deterministic and independent of the order of the documents. Yields to the event loop every
 * few milliseconds; rejects with a `ChorusError` for invalid input (every problem listed) and
 * with code `ABORTED` when `options.signal` aborts.
 */
export async function digest(documents: readonly SourceDocument[], options?: DigestOptions): Promise<Digest> {
  const checked = checkOptions(options, true, true);
  return runAsync(digestWork(documents, checked), checked.signal, checked.onProgress);
}

/** `digest()` without yielding to the event loop: for small feeds and synchronous code. Takes the same options except `signal` and `parallel`. */
export function digestSync(documents: readonly SourceDocument[], options?: Omit<DigestOptions, 'signal' | 'parallel'>): Digest {
  const checked = checkOptions(options, false, true);
  return runSync(digestWork(documents, checked), checked.onProgress);
}
