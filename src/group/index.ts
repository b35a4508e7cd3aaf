/**
 * Grouping a feed into stories, for `digest()`: many articles on many stories in, the documents
 * of each story out. Not a pipeline stage: it reads the segments and analysis the stages made of
 * the whole feed (once, reused for each story's summary) and imports no stage.
 *
 *   1. terms.ts        each document as content terms: headline, then prose in reading order
 *                      (the analysis's terms), or its snippet when it has no prose
 *   2. shared.ts       what documents share verbatim: whole texts, sentences, runs at the top
 *   3. boilerplate.ts  which shared sentences and runs are page furniture (left out everywhere);
 *                      a whole text found verbatim in `maxCopies` documents or more is furniture,
 *                      and so is a notice of long lines without prose found twice
 *   4. vectors.ts      tf-idf of headline and lead, rare terms weighted up
 *   5. candidates.ts   a sparse similarity graph from an inverted index (never all pairs)
 *   6. agglomerate.ts  average linkage until the best link is under `storySimilarity`
 *
 * Everything runs in canonical order and breaks ties by index: the grouping depends on the set of
 * documents, never on the order they came in, and nothing is random. Every loop pauses by work
 * done, and the work per document is bounded (terms read, postings, candidates).
 */
import type { LanguageRules } from '../language/index.js';
import { Kind, type Analysis, type Segments } from '../model.js';
import type { Work } from '../schedule.js';
import { countWords, instantOf } from '../text.js';
import type { SourceDocument } from '../types.js';
import { averageLinkage } from './agglomerate.js';
import { findBoilerplate } from './boilerplate.js';
import { similarityEdges } from './candidates.js';
import { GROUP_PARAMETERS, type GroupParameters } from './parameters.js';
import { findShared } from './shared.js';
import { documentTerms, type DocumentTerms } from './terms.js';
import { documentFrequencies, TermCounter, vectorsOf } from './vectors.js';

export interface GroupSettings {
  /** Average-link cosine a cluster needs to join another (0.175: chosen on the val feed when the grouping was tuned). */
  storySimilarity: number;
  /** Stories with fewer documents are returned apart, in `tooSmall`. */
  minDocuments: number;
  /** Two documents further apart than this (publishedAt) are never in one story; undefined: no limit. */
  timeWindowHours: number | undefined;
  stopwords: ReadonlySet<string>;
  language: LanguageRules;
}

/** Document indexes (canonical order); every index is in exactly one place. */
export interface Grouping {
  /** Stories of at least `minDocuments` documents: each ascending, stories in order of their first document. */
  stories: number[][];
  /** Documents with no comparable text: empty, markup only, only boilerplate, or page furniture repeated verbatim across the feed. Ascending. */
  unassigned: number[];
  /** Stories found with fewer than `minDocuments` documents, as `stories` are listed. */
  tooSmall: number[][];
}

/** Milliseconds since the epoch of each document's `publishedAt`, NaN when absent or not a date. */
function* timesOf(documents: readonly SourceDocument[]): Work<Float64Array> {
  const time = new Float64Array(documents.length);
  for (let d = 0; d < documents.length; d++) {
    const at = documents[d]!.publishedAt;
    time[d] = at === undefined ? Number.NaN : at instanceof Date ? at.getTime() : instantOf(at);
    if ((d & 4095) === 4095) yield; // reading a date costs about a microsecond
  }
  return time;
}

/** Content terms of document d (headline, prose, snippet). */
function contentTerms(d: number, segments: Segments, analysis: Analysis, terms: DocumentTerms): number {
  const { termStart } = analysis;
  const prose = termStart[segments.firstOfDoc[d + 1]!]! - termStart[segments.firstOfDoc[d]!]!;
  return prose + terms.headStart[d + 1]! - terms.headStart[d]! + terms.extraStart[d + 1]! - terms.extraStart[d]!;
}

/** Words a line of a notice has at least: a headline, a byline, a credit or a score line has fewer. */
const NOTICE_LINE_WORDS = 8;

/**
 * Whether document d has no prose and at least `least` lines of `NOTICE_LINE_WORDS` words or
 * more: a page's notice or list of long items, not a headline with its byline and credit, a
 * table of results or a poem.
 */
function noticeWithoutProse(d: number, segments: Segments, least: number): boolean {
  const from = segments.firstOfDoc[d]!;
  const to = segments.firstOfDoc[d + 1]!;
  if (least <= 0 || to - from < least) return false;
  const text = segments.analysisText[d]!;
  let long = 0;
  for (let s = from; s < to; s++) {
    if (segments.kind[s] === Kind.PROSE) return false;
    if (countWords(text.slice(segments.start[s]!, segments.end[s]!)) >= NOTICE_LINE_WORDS) long++;
  }
  return long >= least;
}

/**
 * Group `documents` (validated, in canonical id order) into stories; `segments` and `analysis` are
 * the stages' output for exactly these documents.
 */
export function* groupStories(
  documents: readonly SourceDocument[],
  segments: Segments,
  analysis: Analysis,
  settings: GroupSettings,
  parameters: GroupParameters = GROUP_PARAMETERS,
): Work<Grouping> {
  const count = documents.length;
  const terms = yield* documentTerms(documents, segments, analysis, settings);
  const shared = yield* findShared(segments, analysis, terms, parameters);
  // Verbatim furniture: a short text repeated in maxCopies documents or more (a longer one is
  // syndicated copy), or a notice of long lines without prose found twice (an archive's crawl
  // notice scraped into two stories; a wire story always has prose).
  const counted = new Uint8Array(count);
  for (let d = 0; d < count; d++) {
    const copies = shared.copies[shared.textOf[d]!]!;
    const repeated = parameters.maxCopies > 0 && copies >= parameters.maxCopies;
    const furniture =
      (repeated && contentTerms(d, segments, analysis, terms) < parameters.furnitureMostTerms) ||
      (copies >= 2 && noticeWithoutProse(d, segments, parameters.furnitureListSentences));
    counted[d] = furniture ? 0 : 1;
  }
  const counter = new TermCounter(segments, analysis, terms, shared, parameters);
  const cleaning = yield* findBoilerplate(counter, segments, analysis, shared, counted, count, parameters);
  const df = yield* documentFrequencies(counter, counted, cleaning);
  const all = new Int32Array(count);
  for (let d = 0; d < count; d++) all[d] = d;
  const { vectors, occurrences } = yield* vectorsOf(counter, all, df, count, cleaning, parameters);

  const joins = new Uint8Array(count);
  for (let d = 0; d < count; d++) joins[d] = counted[d] && occurrences[d]! >= parameters.minTerms && vectors.start[d + 1]! > vectors.start[d]! ? 1 : 0;
  const time = yield* timesOf(documents);
  const window = settings.timeWindowHours === undefined ? undefined : settings.timeWindowHours * 3_600_000;
  const apart = window === undefined ? undefined : (i: number, j: number) => Math.abs(time[i]! - time[j]!) > window;
  const edges = yield* similarityEdges(vectors, joins, terms.termCount, apart, parameters);
  const root = yield* averageLinkage(vectors, terms.termCount, edges, settings.storySimilarity, time, window);

  const grouping: Grouping = { stories: [], unassigned: [], tooSmall: [] };
  const clusterOf = new Map<number, number[]>(); // filled in canonical order: iteration order is that too
  for (let d = 0; d < count; d++) {
    if (!counted[d] || occurrences[d] === 0) {
      grouping.unassigned.push(d);
      continue;
    }
    const members = clusterOf.get(root[d]!);
    if (members) members.push(d);
    else clusterOf.set(root[d]!, [d]);
  }
  for (const members of clusterOf.values()) (members.length >= settings.minDocuments ? grouping.stories : grouping.tooSmall).push(members);
  return grouping;
}
