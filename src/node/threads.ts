/**
 * A pool of worker threads for the `parallel` option: each worker runs `runPart` (worker.ts)
 * on one part of a large run at a time. Workers start on first use, hold the process open only
 * while they work (a script that forgets `close()` still exits), end after a few idle seconds,
 * and are ended when the run that asked for their part gives it up (an abort).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Parallel, PartResult, PartRequest } from 'chorus-summary';

export interface ThreadPoolOptions {
  /** Worker threads, besides the calling one, that read parts of a large input and summarise batches of a digest's stories. Default: the cores there are, less one, at most 3 (0 on one core: then everything stays on the calling thread). */
  threads?: number;
  /**
   * Most megabytes of heap a worker may use (V8's old generation). A part that needs more ends
   * its worker, the run that sent it rejects, and the next part gets a new worker. Default:
   * Node's own limit for a worker.
   */
  maxWorkerMemoryMb?: number;
}

export interface ThreadPool extends Parallel {
  /** Stop the workers; a later run starts them again. */
  close(): Promise<void>;
}

interface Job {
  request: PartRequest;
  /** Buffers of the request to post transferred: the caller's copies, given up. */
  transfer: readonly ArrayBuffer[] | undefined;
  resolve: (result: PartResult) => void;
  reject: (error: Error) => void;
  signal: AbortSignal | undefined;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  /** Ends an idle worker: its heap, hundreds of megabytes after a large part, is given back. */
  idle: ReturnType<typeof setTimeout> | undefined;
}

const WORKER_FILE = new URL('./worker.js', import.meta.url);

/** An idle worker is ended after this long: long enough to serve a digest's next phase, short enough not to hold its memory. */
const IDLE_MS = 5_000;

/** The default number of workers for this machine. */
export function defaultThreads(): number {
  return Math.max(0, Math.min(3, availableParallelism() - 1));
}

/** Whether the worker script is where the built package puts it (not when run from source or bundled). */
const workerFileExists = () => {
  try {
    return existsSync(fileURLToPath(WORKER_FILE));
  } catch {
    return false;
  }
};

const failure = (message: string) => new Error(`chorus-summary: ${message}`);

/** A pool of worker threads for `summarize(documents, { parallel: pool })` and `digest()`. */
export function threadPool(options: ThreadPoolOptions = {}): ThreadPool {
  const threads = options.threads ?? defaultThreads();
  if (!Number.isInteger(threads) || threads < 0 || threads > 256) throw new RangeError(`threadPool: threads must be an integer from 0 to 256, not ${String(threads)}.`);
  const memory = options.maxWorkerMemoryMb;
  if (memory !== undefined && !(Number.isInteger(memory) && memory >= 8)) throw new RangeError(`threadPool: maxWorkerMemoryMb must be an integer of at least 8, not ${String(memory)}.`);
  if (threads > 0 && !workerFileExists())
    throw failure(`threadPool() needs ${fileURLToPath(WORKER_FILE)}, the worker script built beside this file; run the built package (not its source or a bundle without it), or use threadPool({ threads: 0 }).`);
  const slots: Slot[] = [];
  const queue: Job[] = [];

  /** The job leaves its slot or the queue: its abort listener goes, its promise settles. */
  const settle = (job: Job, outcome: { result: PartResult } | { error: Error }) => {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    if ('error' in outcome) job.reject(outcome.error);
    else job.resolve(outcome.result);
  };

  /** End a worker (idle, aborted or closed); its job, if any, fails with `error`. */
  const end = (slot: Slot, error: Error) => {
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    clearTimeout(slot.idle);
    const job = slot.job;
    slot.job = undefined;
    if (job) settle(job, { error });
    void slot.worker.terminate();
  };

  const start = (): Slot => {
    const worker = new Worker(WORKER_FILE, memory === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: memory } });
    const slot: Slot = { worker, job: undefined, idle: undefined };
    slot.worker.unref();
    slot.worker.on('message', (message: { result?: PartResult; error?: string }) => {
      const job = slot.job;
      slot.job = undefined;
      slot.worker.unref();
      if (job) settle(job, message.error !== undefined ? { error: failure(`a worker thread failed: ${message.error}`) } : { result: message.result! });
      next();
    });
    // A worker that dies takes its job with it: the run rejects, and the next job gets a new worker.
    slot.worker.on('error', (error) => (end(slot, error), next()));
    slot.worker.on('exit', (code) => {
      if (slots.includes(slot)) end(slot, failure(`a worker thread exited (code ${code}) before it answered.`));
      next();
    });
    slots.push(slot);
    return slot;
  };

  const next = () => {
    while (queue.length > 0) {
      const slot = slots.find((candidate) => candidate.job === undefined) ?? (slots.length < threads ? start() : undefined);
      if (slot === undefined) break;
      const job = queue.shift()!;
      clearTimeout(slot.idle);
      slot.idle = undefined;
      // The slot holds the job before it is posted: an abort raised while the request is being
      // copied finds it there (and ends this worker), and the idle timer leaves the worker alone.
      slot.job = job;
      slot.worker.ref(); // a job in flight keeps the process alive until it answers
      try {
        slot.worker.postMessage(job.request, job.transfer as ArrayBuffer[] | undefined);
      } catch (error) {
        // Not cloneable: this job fails, the worker stays free for the next.
        if (slot.job === job) {
          slot.job = undefined;
          slot.worker.unref();
        }
        settle(job, { error: error instanceof Error ? error : failure(String(error)) });
        continue;
      }
    }
    for (const slot of slots) {
      if (slot.job !== undefined || slot.idle !== undefined) continue;
      slot.idle = setTimeout(() => {
        slot.idle = undefined;
        if (slot.job === undefined) end(slot, failure('idle'));
      }, IDLE_MS);
      slot.idle.unref();
    }
  };

  return {
    threads,
    run(request: PartRequest, { signal, transfer }: { signal?: AbortSignal; transfer?: readonly ArrayBuffer[] } = {}): Promise<PartResult> {
      if (threads === 0) return Promise.reject(failure('a pool of 0 threads cannot run a part.'));
      if (signal?.aborted) return Promise.reject(failure('the part was abandoned before it started.'));
      return new Promise<PartResult>((resolve, reject) => {
        const job: Job = { request, transfer, resolve, reject, signal };
        if (signal) {
          // An abandoned part is dropped from the queue, or its worker ended: nothing works on for nobody.
          job.onAbort = () => {
            const waiting = queue.indexOf(job);
            if (waiting >= 0) {
              queue.splice(waiting, 1);
              settle(job, { error: failure('the part was abandoned.') });
            }
            const working = slots.find((slot) => slot.job === job);
            if (working) end(working, failure('the part was abandoned.'));
            next();
          };
          signal.addEventListener('abort', job.onAbort, { once: true });
        }
        queue.push(job);
        next();
      });
    },
    async close(): Promise<void> {
      const closed = failure('the thread pool was closed before the part was done.');
      for (const job of queue.splice(0)) settle(job, { error: closed });
      const closing = slots.splice(0);
      for (const slot of closing) {
        clearTimeout(slot.idle);
        if (slot.job) settle(slot.job, { error: closed });
        slot.job = undefined;
      }
      await Promise.all(closing.map((slot) => slot.worker.terminate()));
    },
  };
}

let shared: ThreadPool | undefined;

/**
 * The pool `summarizeFiles`, `digestFiles` and the CLI use unless given one: started on first
 * use; idle workers never hold the process open and end after a few seconds. Without the
 * worker script beside this file (a bundle, the source), none: every read stays on this thread.
 */
export function sharedPool(): ThreadPool | undefined {
  if (shared === undefined && defaultThreads() > 0 && workerFileExists()) shared = threadPool();
  return shared;
}
