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
export type Work<T> = Generator<Progress | undefined, T, void>;

/**
 * Work between two yields to the event loop, in milliseconds. Abort latency is about this, plus
 * the longest stretch a stage runs between two ticks (stages tick by work done, a few ms apart).
 */
const SLICE_MS = 12;

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/**
 * Reports a tick to `onProgress` when its stage changes or it finishes, and at most once a
 * slice otherwise. Returns whether `onProgress` was called.
 */
function progressReporter(onProgress: ((progress: Progress) => void) | undefined) {
  let lastStage = '';
  return (tick: Progress | undefined, sliceEnded: boolean): boolean => {
    if (!onProgress || tick === undefined) return false;
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
    yielder.close();
  }
}
