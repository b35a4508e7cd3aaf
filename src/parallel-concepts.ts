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
  const request: PartRequest = { task: 'concepts', options: partOptions(settings), concepts: input };
  const controller = new AbortController();
  let settled = false;
  // Handed over in a task of its own: copying the arrays to another thread is a turn's work.
  const answer = new Promise((resolve) => setTimeout(resolve, 0))
    .then(() => pool.run(request, { signal: controller.signal }))
    .finally(() => (settled = true))
    .then((made) => checkConcepts(made, input.groups.count, input.analysis.termCount));
  answer.catch(() => undefined); // given up unread when the run ends first: nobody's to report
  return { answer, abandon: () => settled || controller.abort() };
}
