/**
 * The longest time the event loop was blocked while an async call ran: how long a server
 * calling `summarize()` would leave every other request waiting at worst.
 *
 * The probe is a chain of `setImmediate` callbacks, started just before the call: each records
 * the time since the previous one, so each gap is one turn of the event loop, i.e. the work
 * that ran between two chances for anything else to run (a slice of the call, or a GC pause).
 * The gap that contains the call's synchronous start is measured too (the chain starts first),
 * and the last gap ends when the call settles.
 *
 * Why not the alternatives (compared on busy-wait slices of known length that yield with
 * `setImmediate`, as the library does in Node; Node 20, medians of 9 runs on a shared 2-core
 * machine):
 *   - `perf_hooks.monitorEventLoopDelay({ resolution })` samples the interval between two of its
 *     own libuv timer callbacks. The first callback only starts its clock, so a block before it
 *     is not recorded: a call that blocks 200 ms at once and then yields twice read 7.8 ms
 *     (resolution 1) and 11.8 ms (resolution 10) where this probe read 200.5 ms. A call shorter
 *     than two periods gives no sample at all (a single 7 ms block: max 0). Every sample also
 *     contains the timer period, so nothing reads below the resolution.
 *   - a `setInterval(…, 1)` probe reads the same blocks (200.1 ms, 7.1 ms) but only sees a turn
 *     when its timer is due, so slices under a millisecond merge and every gap is rounded up to
 *     the timer's granularity.
 * The immediate chain sees every turn, including the synchronous start of the call. Its cost:
 * while it runs the loop never waits for I/O (poll with zero timeout), so it spins a core when
 * the measured call is idle; fine for CPU-bound calls like `summarize()`. On a loaded machine
 * every probe also counts time the process was descheduled between turns.
 */

export interface LongestBlock<T> {
  result: T;
  /** Longest event-loop turn while the call ran, in milliseconds. */
  longestBlockMs: number;
  /** Event-loop turns the call took (gaps measured). */
  turns: number;
  /** Wall time of the call, in milliseconds. */
  totalMs: number;
}

/** Runs `run()` and measures the longest event-loop block until it settles (rejects as `run` does). */
export async function measureLongestBlock<T>(run: () => Promise<T>): Promise<LongestBlock<T>> {
  const started = performance.now();
  let last = started;
  let longest = 0;
  let turns = 0;
  let running = true;
  const gap = () => {
    const now = performance.now();
    if (now - last > longest) longest = now - last;
    last = now;
    return now;
  };
  const tick = () => {
    gap();
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    const result = await run();
    const ended = gap();
    return { result, longestBlockMs: longest, turns: turns + 1, totalMs: ended - started };
  } finally {
    running = false;
  }
}
