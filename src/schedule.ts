/**
 * Running the pipeline. Each stage is a generator that does its work in plain loops and
 * yields a `Progress` tick every few dozen items; it returns its result. The same generators
 * run to completion without pause in `summarizeSync()`, and in `summarize()` they are driven
 * in time slices with a macrotask between slices, so the event loop (a UI, a server) keeps
 * running, `onProgress` can paint and an abort is seen within one slice.
 */
import { abortError } from './errors.js';
import type { Progress } from './types.js';

/**
 * A stage's work: it yields a `Progress` tick (a chance to report and to pause) or `undefined`
 * (only a chance to pause: a long computation inside a phase), every few milliseconds of work
 * whatever the input, and returns its result.
 */
export type Work<T> = Generator<Progress | Pending | undefined, T, void>;

/**
 * Yielded by work that waits for another thread (a `parallel` pool): `runAsync` stops driving
 * it until the promise settles, while the event loop runs on. `runSync` cannot wait: the
 * synchronous entry points refuse the option that leads here.
 */
export class Pending {
  constructor(readonly settled: Promise<void>) {}
}

/** Wait for `promise` inside work: its value, or its rejection thrown here. */
export function* waitFor<T>(promise: Promise<T>): Work<T> {
  let outcome: { value: T } | { error: unknown } | undefined;
  const settled = promise.then(
    (value) => void (outcome = { value }),
    (error: unknown) => void (outcome = { error }),
  );
  while (outcome === undefined) yield new Pending(settled);
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

/**
 * Work between two yields to the event loop, in milliseconds. Abort latency is about this, plus
 * the longest stretch a stage runs between two ticks (stages tick by work done, a few ms apart).
 * A turn of the event loop costs a microsecond or two, so a short slice is nearly free; it leaves
 * room under 50 ms for a full garbage collection that lands in a turn (tens of ms on a heap of
 * hundreds of megabytes).
 */
const SLICE_MS = 8;

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/**
 * Reports a tick to `onProgress` when its stage changes or it finishes, and at most once a
 * slice otherwise. Returns whether `onProgress` was called.
 */
function progressReporter(onProgress: ((progress: Progress) => void) | undefined) {
  let lastStage = '';
  return (tick: Progress | Pending | undefined, sliceEnded: boolean): boolean => {
    if (!onProgress || tick === undefined || tick instanceof Pending) return false;
    if (sliceEnded || tick.stage !== lastStage || tick.done === tick.total) {
      lastStage = tick.stage;
      onProgress({ stage: tick.stage, done: tick.done, total: tick.total });
      return true;
    }
    return false;
  };
}

/** Run work to completion without yielding to the event loop. */
export function runSync<T>(work: Work<T>, onProgress?: (progress: Progress) => void): T {
  const report = progressReporter(onProgress);
  let deadline = now() + SLICE_MS;
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (step.value instanceof Pending) throw new Error('chorus-summary: work that waits for another thread cannot run synchronously.');
    const sliceEnded = onProgress !== undefined && now() >= deadline;
    if (sliceEnded) deadline = now() + SLICE_MS;
    report(step.value, sliceEnded);
  }
}

interface Yielder {
  next(): Promise<void>;
  close(): void;
}

/**
 * A macrotask, not a microtask: a bare `await` would let no timer, I/O or abort in.
 * `setImmediate` (Node, Bun) and `MessageChannel` (browsers, Deno, workers) are not clamped
 * to 4 ms the way nested `setTimeout(0)` is in browsers.
 */
function createYielder(): Yielder {
  const scope = globalThis as {
    setImmediate?: (callback: () => void) => unknown;
    MessageChannel?: typeof MessageChannel;
  };
  if (typeof scope.setImmediate === 'function') {
    const setImmediate = scope.setImmediate;
    return { next: () => new Promise<void>((resolve) => void setImmediate(resolve)), close() {} };
  }
  if (typeof scope.MessageChannel === 'function') {
    const channel = new scope.MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return {
      next: () =>
        new Promise<void>((resolve) => {
          waiting.push(resolve);
          channel.port2.postMessage(null);
        }),
      close: () => {
        channel.port1.close();
        channel.port2.close();
      },
    };
  }
  return { next: () => new Promise<void>((resolve) => setTimeout(resolve, 0)), close() {} };
}

/** Run work in time slices, yielding to the event loop between them and stopping on abort. */
export async function runAsync<T>(
  work: Work<T>,
  signal: AbortSignal | undefined,
  onProgress?: (progress: Progress) => void,
): Promise<T> {
  if (signal?.aborted) throw abortError(signal.reason);
  const report = progressReporter(onProgress);
  const yielder = createYielder();
  let aborted: Promise<void> | undefined;
  let onAbort: (() => void) | undefined;
  try {
    const stopIfAborted = () => {
      if (!signal?.aborted) return;
      work.return(undefined as never);
      throw abortError(signal.reason);
    };
    let deadline = now() + SLICE_MS;
    for (;;) {
      const step = work.next();
      if (step.done) return step.value;
      if (step.value instanceof Pending) {
        // A wait for another thread ends at an abort too (the listener made once, removed below).
        aborted ??= new Promise<void>((resolve) => {
          onAbort = () => resolve();
          signal?.addEventListener('abort', onAbort, { once: true });
        });
        await Promise.race([step.value.settled, aborted]);
        stopIfAborted();
        deadline = now() + SLICE_MS;
        continue;
      }
      const sliceEnded = now() >= deadline;
      // onProgress may abort (a cancel button, a deadline): seen before any more work is done.
      if (report(step.value, sliceEnded)) stopIfAborted();
      if (sliceEnded) {
        await yielder.next();
        stopIfAborted();
        deadline = now() + SLICE_MS;
      }
    }
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    yielder.close();
  }
}
