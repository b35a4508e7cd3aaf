/**
 * A digest's story summaries on several threads (parallel.ts has the reading). This thread
 * summarises from the most important story down while the pool takes batches from the least
 * important up, until they meet. No split is fixed in advance: a batch is taken when a thread
 * is free, and none is larger than this thread's share of what is left, so at the end this
 * thread waits for at most the batches in flight, each a fraction of the work that was left. Which thread summarises a story never changes its
 * summary: a story's read is sent whole, and summarising it is a pure function of it.
 */
import type { Read } from './model.js';
import { partOptions, toPart, type StoryPart } from './parallel.js';
import type { Settings } from './options.js';
import { waitFor, type Work } from './schedule.js';
import type { Parallel, PartRequest, Progress, Summary } from './types.js';

/**
 * Fewer sentences than this in all the stories to summarise (about 8 MB of news): one thread does
 * them all. A worker's first batches run before its compiler has warmed to the summary code, and
 * this thread slices and posts every batch: on a few thousand small stories (a cold worker, 28,000
 * sentences) the pool made the phase 0.45 s where one thread took 0.33 s.
 */
export const PARALLEL_SENTENCES = 60_000;

/** Sentences in one batch for another thread: large enough that posting is cheap beside the work, small enough to balance. */
const BATCH_SENTENCES = 8_000;

/**
 * Summaries of stories `0 .. count − 1`, in that order (most important first): all on this
 * thread without `settings.parallel` or below `minimum` sentences. `sentencesOf(k)` is story k's
 * size; `readOf(k)` its read; `summaryHere` what this thread runs. `meanwhile` is other work of
 * this thread's, run once the pool has its first batches (without a pool: first).
 */
export function* summariseInParts(
  count: number,
  sentencesOf: (story: number) => number,
  settings: Settings,
  readOf: (story: number) => Work<Read>,
  summaryHere: (read: Read) => Work<Summary>,
  tick: (done: number) => Progress,
  { minimum = PARALLEL_SENTENCES, meanwhile }: { minimum?: number; meanwhile?: Work<void> } = {},
): Work<Summary[]> {
  const summaries = new Array<Summary>(count);
  let total = 0;
  for (let k = 0; k < count; k++) total += sentencesOf(k);
  // Without a pool, or with a small digest, this thread does every story.
  const pool: Parallel | undefined = total >= minimum ? settings.parallel : undefined;
  const threads = pool ? Math.floor(pool.threads) : 0;
  let remaining = total; // sentences of the stories nobody has taken yet (front .. back − 1)
  const options = threads > 0 ? partOptions(settings) : {};
  const inFlight = new Map<Promise<void>, AbortController>();
  let failure: { error: unknown } | undefined;
  let front = 0; // this thread's next story
  let back = count; // the pool's stories are back .. count − 1
  let done = 0;

  function* post(): Work<void> {
    // A share no larger than this thread's of what is left: a batch taken near the end must not
    // leave this thread waiting on work it could have done itself.
    const most = Math.min(BATCH_SENTENCES, remaining / (threads + 1));
    const batch: number[] = [];
    let sentences = 0;
    while (back - 1 > front && (batch.length === 0 || sentences + sentencesOf(back - 1) <= most)) {
      back--;
      batch.push(back);
      sentences += sentencesOf(back);
    }
    remaining -= sentences;
    const stories: StoryPart[] = [];
    for (const k of batch) {
      const read = yield* readOf(k);
      stories.push({ ...toPart(read), documents: [...read.documents] });
      // sliceRead pauses by what it copies within one story: a batch of many small stories
      // would otherwise be sliced in one turn.
      yield;
    }
    const request: PartRequest = { task: 'summarise', stories, options };
    const controller = new AbortController(); // one per batch: a shared signal would gather a listener per batch
    const answered = Promise.resolve()
      .then(() => pool!.run(request, { signal: controller.signal }))
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

  // A batch per thread, and a second queued behind it (no thread idles between batches) only
  // while several batches' worth is left.
  const wanted = () => back - 1 > front && (inFlight.size < threads || (inFlight.size < 2 * threads && remaining > 4 * BATCH_SENTENCES * threads));
  /** `meanwhile`, with batches posted at each of its pauses as the pool gets through them. */
  function* alongside(work: Work<void>): Work<void> {
    for (let step = work.next(); !step.done; step = work.next()) {
      yield step.value;
      while (wanted()) yield* post();
    }
  }

  try {
    while (wanted()) yield* post();
    if (meanwhile) yield* alongside(meanwhile);
    while (front < back) {
      while (wanted()) yield* post();
      remaining -= sentencesOf(front);
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
