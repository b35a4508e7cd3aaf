/**
 * Rank's concepts of a large `summarize()` run, made on the pool while this thread works out
 * the centrality (neither depends on the other); after the reading, the pool would otherwise
 * wait. Concepts are a pure function of the typed arrays sent, so the summary is the one a
 * single thread makes. Rank asks once its similarity graph is built: asked before, the pool's
 * concepts (a table of tens of megabytes, written fresh) slowed the graph's building here and
 * lengthened its longest turns from about 50 to 60–100 ms on the 10,000-article feed.
 */
import type { Concepts, ConceptsInput } from './model.js';
import type { Settings } from './options.js';
import { partOptions, shares } from './parallel.js';
import type { PartRequest, SourceDocument } from './types.js';

/** Concepts on their way from the pool, and how to give them up (a run that ends first). */
export interface ConceptsOnPool {
  answer: Promise<Concepts>;
  abandon(): void;
}

/** An answer that is not concepts of this run is a pool's defect: say so rather than rank with it. */
function checkConcepts(answer: unknown, groupCount: number, termCount: number): Concepts {
  const made = answer as Partial<Concepts> | undefined;
  const ok =
    made?.conceptStart instanceof Int32Array &&
    made.conceptStart.length === groupCount + 1 &&
    made.concept instanceof Int32Array &&
    made.concept.length === made.conceptStart[groupCount] &&
    made.conceptWeight instanceof Float64Array &&
    made.termDocuments instanceof Int32Array &&
    made.termDocuments.length === termCount;
  if (!ok) throw new Error('chorus-summary: a parallel pool answered with something other than what runPart() returns for its request.');
  return made as Concepts;
}

/**
 * Ask the pool for the concepts of a run over `documents`, or `undefined` when there is no pool
 * or the run is too small for another thread to pay (where the reading stays on this thread too).
 */
export function conceptsOnPool(input: ConceptsInput, settings: Settings, documents: readonly SourceDocument[]): ConceptsOnPool | undefined {
  const pool = settings.parallel;
  if (!shares(documents, pool)) return undefined;
  const controller = new AbortController();
  let settled = false;
  // The arrays (tens of megabytes on a large feed) are copied here a slice per task and the
  // copies transferred: posted as they are, copying them held the event loop 40–80 ms.
  const answer = transferableCopy(input, controller.signal)
    .then(({ copy, buffers }) => pool.run({ task: 'concepts', options: partOptions(settings), concepts: copy } satisfies PartRequest, { signal: controller.signal, transfer: buffers }))
    .finally(() => (settled = true))
    .then((made) => checkConcepts(made, input.groups.count, input.analysis.termCount));
  answer.catch(() => undefined); // given up unread when the run ends first: nobody's to report
  return { answer, abandon: () => settled || controller.abort() };
}

/** Elements copied between two pauses: a few megabytes, a millisecond or two. */
const COPY_SLICE = 1 << 19;

/** A copy of one array made a slice per task (an abort stops it between slices). */
async function copied<T extends Int32Array>(array: T, signal: AbortSignal): Promise<T> {
  const copy = new (array.constructor as new (length: number) => T)(array.length);
  for (let from = 0; from < array.length; from += COPY_SLICE) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (signal.aborted) throw new Error('chorus-summary: the concepts were given up.');
    copy.set(array.subarray(from, from + COPY_SLICE), from);
  }
  return copy;
}

/** The input with its arrays copied into buffers of their own, and those buffers, to transfer. */
async function transferableCopy(input: ConceptsInput, signal: AbortSignal): Promise<{ copy: ConceptsInput; buffers: ArrayBuffer[] }> {
  const [doc, termStart, terms, groupOf, representative] = [
    await copied(input.segments.doc, signal),
    await copied(input.analysis.termStart, signal),
    await copied(input.analysis.terms, signal),
    await copied(input.groups.groupOf, signal),
    await copied(input.groups.representative, signal),
  ];
  const copy: ConceptsInput = {
    segments: { count: input.segments.count, doc },
    analysis: { termCount: input.analysis.termCount, termStart, terms },
    groups: { count: input.groups.count, groupOf, representative },
    supportWeight: input.supportWeight,
  };
  return { copy, buffers: [doc.buffer, termStart.buffer, terms.buffer, groupOf.buffer, representative.buffer] as ArrayBuffer[] };
}
