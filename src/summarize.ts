/**
 * The pipeline: validate → segment → analyse → dedupe → conflicts → rank → select → order →
 * assemble.
 * This is the one file that knows the order of the stages; each is a pure function over the
 * data in model.ts and imports no other stage.
 */
import { analyse } from './analyse.js';
import { assemble } from './assemble.js';
import { findConflicts } from './conflicts/index.js';
import { dedupe } from './dedupe/index.js';
import { createCaches, type Caches } from './caches.js';
import type { ConceptsInput, Groups, Ranking, Read, StageResults } from './model.js';
import type { Settings, SummarizeOptions } from './options.js';
import { order } from './order.js';
import { concepts, conceptsInput, rank } from './rank/index.js';
import { conceptsOnPool } from './parallel-concepts.js';
import { runAsync, runSync, type Work } from './schedule.js';
import { segment } from './segment/index.js';
import { select } from './select/index.js';
import type { PartResult, PartRequest, SourceDocument, Summary } from './types.js';
import { fromPart, readInParts, toPart, type StoryPart } from './parallel.js';
import { checkOptions, resolveDocuments, resolveInput, type CheckedOptions } from './validate.js';
import { noStoryWarning } from './segment/no-story.js';

/**
 * Read validated documents in canonical (id) order: their sentences and what similarity is
 * measured on. `caches` may be shared by runs with the same settings, one run at a time;
 * results never depend on what they hold.
 */
export function* readDocuments(documents: readonly SourceDocument[], settings: Settings, shared?: Caches): Work<Read> {
  if (settings.parallel === undefined) return yield* readHere(documents, settings, shared);
  // A large input in parts on several threads, joined into exactly the read made here (parallel.ts).
  return yield* readInParts(documents, settings, settings.parallel, (part) => readHere(part, settings, shared), (s) => noStoryWarning(s.firstOfDoc, s.start, s.end, s.kind));
}

/** What one thread of a `parallel` pool runs: the read of one part of a large input, or a batch of a digest's story summaries, to be posted back. */
export function runPart(request: PartRequest): PartResult {
  const { documents, settings } = resolveInput(request.documents ?? [], request.options, false, true);
  if (request.task === 'concepts') return runSync(concepts(request.concepts as ConceptsInput));
  if (request.task === 'summarise') {
    // Each story's read, made and checked on the calling thread (parallel-stories.ts).
    const stories = (request.stories ?? []) as StoryPart[];
    return { summaries: stories.map((story) => runSync(summaryOf(fromPart(story), settings))) };
  }
  return { ...toPart(runSync(readHere(documents, settings))) };
}

/** The read on this thread. */
function* readHere(documents: readonly SourceDocument[], settings: Settings, shared?: Caches): Work<Read> {
  let caches: Caches | undefined = shared ?? createCaches();
  // 1. Sentences with exact offsets; furniture marked.
  const segments = yield* segment(documents, settings, caches);
  // 2. Comparison keys, content terms, word counts, how well each sentence stands alone.
  const analysis = yield* analyse(segments, documents.map((document) => document.text), settings, caches);
  // A cache made for this run is garbage now: kept alive, it would slow every later collection.
  caches = undefined;
  return { documents, segments, analysis };
}

/**
 * The stages after reading: what a summary of exactly the read documents is made of. With
 * `share`, a large run's concepts are made on the `parallel` pool (only `summarize()` asks: a
 * digest's pool is busy with its stories).
 */
export function* summariseRead({ documents, segments, analysis }: Read, settings: Settings, share = false): Work<StageResults> {
  // 3. Near-identical sentences grouped into facts.
  const merged = yield* dedupe(segments, analysis, settings);
  // 4. Where the sources of a fact disagree (a number, a date, a name); a fact whose sources
  // do is shown and counted by its most supported version from here on.
  const conflicts = yield* findConflicts(segments, analysis, merged, settings);
  const groups: Groups = { ...merged, representative: conflicts.representative, support: conflicts.support };
  // 5. What each fact is worth: a lead-and-centrality prior, and the words it covers.
  let elsewhere: ReturnType<typeof conceptsOnPool>;
  const onPool = () => (elsewhere = conceptsOnPool(conceptsInput(segments, analysis, groups, settings.supportWeight), settings, documents))?.answer;
  let ranking: Ranking;
  try {
    ranking = yield* rank(segments, analysis, groups, settings, undefined, share ? onPool : undefined);
  } finally {
    elsewhere?.abandon(); // a run aborted or failed meanwhile: the pool drops the part
  }
  // 6. The facts that cover most of the story within the budget, none repeating another.
  const { chosen: selected, budgetNeeded } = yield* select(segments, analysis, groups, ranking, settings);
  // 7. Reading order (or score order).
  const chosen = order(segments, analysis, groups, ranking.score, selected, settings);
  return { documents, segments, analysis, groups, conflicts, ranking, chosen, budgetNeeded };
}

/** All the stages over validated documents in canonical (id) order. */
export function* runStages(documents: readonly SourceDocument[], settings: Settings, shared?: Caches): Work<StageResults> {
  return yield* summariseRead(yield* readDocuments(documents, settings, shared), settings, true);
}

/** A summary of a read, as `summarize()` of its documents gives it. */
export function* summaryOf(read: Read, settings: Settings): Work<Summary> {
  return yield* assemble(yield* summariseRead(read, settings));
}

/** Validation, then the stages, then the Summary. */
function* pipeline(documents: unknown, checked: CheckedOptions): Work<Summary> {
  const { documents: valid, settings } = yield* resolveDocuments(documents, checked);
  return yield* assemble(yield* runStages(valid, settings));
}

/**
 * Summarise many articles about one story into one summary whose every sentence cites the
 * exact spans of the articles that carried it.
 *
 * Resolves to the same `Summary` (byte for byte as JSON) for the same documents and options,
 * whatever order the documents come in. Yields to the event loop every few milliseconds;
 * rejects with a `ChorusError` for invalid input (every problem listed in `error.issues`)
 * and with code `ABORTED` when `options.signal` aborts.
 */
export async function summarize(documents: readonly SourceDocument[], options?: SummarizeOptions): Promise<Summary> {
  const checked = checkOptions(options, true);
  return runAsync(pipeline(documents, checked), checked.signal, checked.onProgress);
}

/**
 * `summarize()` without yielding to the event loop: for small inputs and synchronous code.
 * Takes the same options except `signal` and `parallel`.
 */
export function summarizeSync(documents: readonly SourceDocument[], options?: Omit<SummarizeOptions, 'signal' | 'parallel'>): Summary {
  const checked = checkOptions(options, false);
  return runSync(pipeline(documents, checked), checked.onProgress);
}

/** Segment's confidence signal, for slice.ts to work out again for a story's documents (only this file imports the stages). */
export { noStoryWarning };
