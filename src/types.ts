/**
 * The public vocabulary of chorus-summary. Every type a caller sees is plain data:
 * `JSON.stringify` round-trips a `Summary` exactly.
 */

/** One article. */
export interface SourceDocument {
  /** Unique within one call. Loaded from disk: the path relative to the current directory, `/`-separated. */
  id: string;
  /** The article's text. Offsets in the output are UTF-16 code units into exactly this string. */
  text: string;
  /** Shown by the renderers in the source list. */
  title?: string;
  /** Renderers link the source to it. */
  url?: string;
  publishedAt?: string | Date;
  /** The outlet, e.g. `"Associated Press"`. Shown by the renderers. */
  source?: string;
}

/**
 * One place a sentence was found. `[start, end)` are UTF-16 code-unit offsets into the
 * document's original `text`: `document.text.slice(start, end) === text` always holds.
 */
export interface SourceSpan {
  documentId: string;
  /** Index of the sentence among all sentences the segmenter found in its document (0-based). */
  sentenceIndex: number;
  start: number;
  end: number;
  text: string;
  /**
   * Normalised edit distance between this span's comparison key and the representative's:
   * Levenshtein distance divided by the longer key's length, in `[0, 1]`; 0 for the representative.
   */
  distance: number;
  /**
   * Only on the spans of a sentence whose sources disagree: which version this source gives, an
   * index into the `variants` of the sentence's conflict (the first entry of `Summary.conflicts`
   * whose `sentence` is this sentence's index). Absent on a source that does not state it.
   */
  variant?: number;
}

/** One sentence of the summary: a fact, with every place it was reported. */
export interface SummarySentence {
  /** Exactly the representative span's text (`sources[0].text`). */
  text: string;
  /** Centrality-based score in `(0, 1]`; the best sentence of the input scores 1. Comparable within one summary. */
  score: number;
  /**
   * Number of distinct documents that carry this sentence (itself or a near-identical copy).
   * When its sources disagree, those that give the most supported version (`variant` 0).
   */
  support: number;
  /**
   * The representative span first, then every merged duplicate in `(documentId, start)` order.
   * When the sources disagree, the representative is the earliest source of the most
   * supported version.
   */
  sources: SourceSpan[];
}

/**
 * Sources of one fact that disagree: near-identical sentences that give a different number,
 * date or name ("in the past 17 months" in two reprints, "18 months" in a third).
 */
export interface Conflict {
  /** What differs: a number (with its unit), a date (a day, month, weekday, year or time), a name. `'other'` is reserved. */
  kind: 'number' | 'date' | 'name' | 'other';
  /** Index into `Summary.sentences` when the fact is in the summary. */
  sentence?: number;
  /** Two or more: the most supported (most distinct documents) first, ties by the first span's `(documentId, start)`. */
  variants: ConflictVariant[];
}

/** One version of a disputed fact and every source that gives it. */
export interface ConflictVariant {
  /** The words that differ as the first source writes them, with the unit when it is the next word ("17 months", "Sept. 12", "Putin"): `spans[0]`'s text. */
  text: string;
  /**
   * Every source with this version, by `(documentId, start)`: `document.text.slice(start, end)`
   * is that source's wording of it. Besides the sentence's own sources, a sentence that is no
   * near-identical copy but gives this number for the same thing in much the same words.
   */
  spans: ConflictSpan[];
}

/** Where one source words a version: UTF-16 offsets into the document's `text`. */
export interface ConflictSpan {
  documentId: string;
  start: number;
  end: number;
}

/** Per-document counts, in document id order. */
export interface DocumentReport {
  id: string;
  /** Copied from the document when given, for the renderers' source lists. */
  title?: string;
  url?: string;
  source?: string;
  /** Copied from the document when given; a `Date` becomes its ISO string. */
  publishedAt?: string;
  /** Sentences the segmenter found (prose and not). */
  sentences: number;
  /** Sentences marked as not prose (headlines, captions, bylines, share buttons, link lists, …) and never selected. */
  skipped: number;
  /**
   * Where those sentences are, in text order: `text.slice(start, end)` is one skipped sentence.
   * `toReport` dims them in the article, so a reader sees what the summary could not draw on.
   * Always set by `summarize()`; optional so that a report made by hand needs none.
   */
  skippedSpans?: { start: number; end: number }[];
  /** Summary sentences that cite this document (as representative or as a merged duplicate). */
  contributed: number;
}

/** A problem with the content (not the call): an empty article, a sentence cut for length. */
export interface SummaryWarning {
  /** Stable UPPER_SNAKE code; see `WarningCode`. */
  code: WarningCode;
  documentId?: string;
  start?: number;
  end?: number;
  message: string;
}

/**
 * - `EMPTY_DOCUMENT`: the text is empty or whitespace only.
 * - `NO_PROSE`: the document has text, but every sentence was marked as not prose.
 * - `SENTENCE_TOO_LONG`: a run of text longer than `maxSentenceLength` without a sentence
 *   boundary was cut into pieces for analysis; the pieces are never selected.
 * - `BUDGET_TOO_SMALL`: the documents hold sentences, but none fits the `words` or
 *   `characters` budget; the message names the smallest budget that takes one.
 * - `NO_STORY`: there is prose, but no document reads as an article (in none is at least half
 *   the text prose: pages of navigation, link lists, teasers, notices); the summary is built
 *   from what prose there is and may be page furniture the rules did not recognise.
 * - `UNASSIGNED`: (digest) the document joined no story: it has no comparable text (empty,
 *   markup or furniture only, or page furniture repeated across the feed), or its story had
 *   fewer than `minDocuments` documents; the message says which.
 * - `INVALID_UTF8`, `BINARY_FILE`, `UNREADABLE_FILE`: (Node entry) a file could not be read as
 *   text and was left out; `documentId` is the id it would have had.
 */
export type WarningCode = 'EMPTY_DOCUMENT' | 'NO_PROSE' | 'NO_STORY' | 'SENTENCE_TOO_LONG' | 'BUDGET_TOO_SMALL' | 'UNASSIGNED' | 'INVALID_UTF8' | 'BINARY_FILE' | 'UNREADABLE_FILE';

export interface SummaryStats {
  /** Documents given. */
  documents: number;
  /** Sentences found in all documents (prose and not). */
  sentences: number;
  /** Groups of two or more near-identical prose sentences that were merged into one fact. */
  duplicateGroups: number;
  /** Whitespace-separated words in the summary. */
  words: number;
}

/** The result of `summarize()`. Deterministic: no timings, no randomness. */
export interface Summary {
  /** In output order (reading order by default). */
  sentences: SummarySentence[];
  documents: DocumentReport[];
  stats: SummaryStats;
  warnings: SummaryWarning[];
  /** Every place in the input where the sources of one fact disagree, the most supported fact (most documents carrying it) first. */
  conflicts: Conflict[];
}

/** What `onProgress` receives: the stage running and how far it is. */
export interface Progress {
  stage: Stage;
  /** Units done in this stage; units are the stage's own (characters, sentences, groups). */
  done: number;
  total: number;
}

/**
 * Threads that take part of a large run beside the calling one (the `parallel` option of
 * `summarize()` and `digest()`): reading the documents of a large input, the concepts of its
 * ranking, and a digest's story summaries. `run` must resolve to what `runPart(request)` returns, computed on another thread:
 * the Node entry's `threadPool()` does that with worker threads; in a browser, a Web Worker
 * whose message handler calls `runPart`. The result is the same whatever the number of threads.
 */
export interface Parallel {
  /** Threads besides the calling one. The core may hand `run` more parts than this at once (every piece of a large input); a pool queues them. */
  readonly threads: number;
  /**
   * `signal` aborts when the run gives the part up (its own abort, or a failure elsewhere): drop it, or stop the thread working on it.
   * `transfer`: buffers of the request that the run gives up, to post transferred rather than copied (a pool may copy them anyway).
   */
  run(request: PartRequest, options?: { signal?: AbortSignal; transfer?: readonly ArrayBuffer[] }): Promise<PartResult>;
}

/** One part of a run for another thread: documents to read, stories to summarise, or a large run's concepts to make, with the options that needs. Structured-cloneable. */
export interface PartRequest {
  readonly task: 'read' | 'summarise' | 'concepts';
  readonly options: Readonly<Record<string, unknown>>;
  /** For `read`: documents in canonical order. */
  readonly documents?: readonly { readonly id: string; readonly text: string }[];
  /** For `summarise`: each story's read. */
  readonly stories?: readonly unknown[];
  /** For `concepts`: the typed arrays rank makes its concepts from. */
  readonly concepts?: unknown;
}

/** What `runPart` returns: typed arrays, strings and plain objects (post it back with its buffers transferred). Opaque: pass it on unchanged. */
export interface PartResult {
  readonly [field: string]: unknown;
}

/** `group` and `summarise` are digest()'s: the feed grouped into stories, then each story summarised. */
export type Stage = 'segment' | 'analyse' | 'dedupe' | 'conflicts' | 'rank' | 'select' | 'group' | 'summarise';

/** One story of a feed: the documents that report it, and their summary. */
export interface Story {
  /** Stable: the smallest id (UTF-16 order) of its documents. */
  id: string;
  /** In id order; a document is in one story at most. */
  documentIds: string[];
  /** A short label, never invented: the most central title when titles are given, else a short central sentence. */
  headline: string;
  /** Up to 8 terms that set this story apart from the rest of the feed, as written (the most frequent form of each stem). */
  keyTerms: string[];
  /** Distinct sources: distinct `source` fields, a document without one counting as its own. */
  sources: number;
  /** Exactly what `summarize(these documents, options)` returns; absent only past `maxStories`. */
  summary?: Summary;
  /** ISO dates of the earliest and latest `publishedAt`, when documents have one. */
  publishedFrom?: string;
  publishedTo?: string;
}

/** The result of `digest()`. Deterministic and independent of the order of the documents. */
export interface Digest {
  /** Most important first: more distinct sources, then more documents, then the earliest `publishedAt`, then id. */
  stories: Story[];
  /** Ids of documents in no story (each with an `UNASSIGNED` warning saying why), in id order. */
  unassigned: string[];
  /** About the feed: `UNASSIGNED` per such document, and the documents' own warnings (each story's summary has its own too). */
  warnings: SummaryWarning[];
  stats: { documents: number; stories: number; unassigned: number };
}
