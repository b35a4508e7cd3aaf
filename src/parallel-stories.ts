/**
 * A digest's story summaries on several threads (parallel.ts has the reading). This thread
 * summarises from the most important story down while the pool takes batches from the least
 * important up, until they meet: a slow batch never holds the run up by more than one batch,
 * and nothing waits on a fixed split. Which thread summarises a story never changes its
 * summary: a story's read is sent whole, and summarising it is a pure function of it.
 */
import type { Read } from './model.js';
import { partOptions, toPart, type StoryPart } from './parallel.js';
import type { Settings } from './options.js';
import { waitFor, type Work } from './schedule.js';
import type { Parallel, PartRequest, Progress, Summary } from './types.js';

/** Fewer sentences than this in all the stories to summarise (about 2 MB of news): one thread does them all. */
export const PARALLEL_SENTENCES = 15_000;

/** Sentences in one batch for another thread: large enough that posting is cheap beside the work, small enough to balance. */
const BATCH_SENTENCES = 8_000;

/**
 * Summaries of stories `0 .. count − 1`, in that order (most important first). `sentencesOf(k)`
 * is story k's size; `readOf(k)` its read; `summaryHere` what this thread runs.
 */
export function* summariseInParts(
  count: number,
  sentencesOf: (story: number) => number,
  settings: Settings & { parallel: Parallel },
  readOf: (story: number) => Work<Read>,
  summaryHere: (read: Read) => Work<Summary>,
  tick: (done: number) => Progress,
  minimum = PARALLEL_SENTENCES,
): Work<Summary[]> {
  const summaries = new Array<Summary>(count);
  let total = 0;
  for (let k = 0; k < count; k++) total += sentencesOf(k);
  const slots = total >= minimum ? Math.floor(settings.parallel.threads) * 2 : 0; // two batches queued per thread: none idles between them
  const options = partOptions(settings);
  const inFlight = new Map<Promise<void>, AbortController>();
  let failure: { error: unknown } | undefined;
  let front = 0; // this thread's next story
  let back = count; // the pool's stories are back .. count − 1
  let done = 0;

  function* post(): Work<void> {
    const batch: number[] = [];
    let sentences = 0;
    while (back - 1 > front && (batch.length === 0 || sentences + sentencesOf(back - 1) <= BATCH_SENTENCES)) {
      back--;
      batch.push(back);
      sentences += sentencesOf(back);
    }
    const stories: StoryPart[] = [];
    for (const k of batch) {
      const read = yield* readOf(k);
      stories.push({ ...toPart(read), documents: [...read.documents] });
    }
    const request: PartRequest = { task: 'summarise', stories, options };
    const controller = new AbortController(); // one per batch: a shared signal would gather a listener per batch
    const answered = Promise.resolve()
      .then(() => settings.parallel.run(request, { signal: controller.signal }))
      .then(
        (result) => {
          const got = (result as { summaries?: Summary[] } | undefined)?.summaries;
          if (!Array.isArray(got) || got.length !== batch.length) throw new Error('chorus-summary: a parallel pool answered with something other than what runPart() returns for its request.');
          batch.forEach((k, j) => (summaries[k] = got[j]!));
          done += batch.length;
        },
      )
      .catch((error: unknown) => void (failure ??= { error }))
      .finally(() => inFlight.delete(answered));
    inFlight.set(answered, controller);
  }

  try {
    while (front < back) {
      while (inFlight.size < slots && back - 1 > front) yield* post();
      summaries[front] = yield* summaryHere(yield* readOf(front));
      front++;
      done++;
      if (failure) throw failure.error;
      yield tick(done);
    }
    while (inFlight.size > 0) {
      yield* waitFor(Promise.race(inFlight.keys()));
      if (failure) throw failure.error;
      yield tick(done);
    }
    return summaries;
  } finally {
    // Batches in flight when this run gives up (its own abort, a failure): the pool stops on them.
    for (const controller of inFlight.values()) controller.abort();
  }
}
