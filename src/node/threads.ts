/**
 * A pool of worker threads for the `parallel` option: each worker runs `runPart` (worker.ts)
 * on one part of a large run at a time. Workers start on first use and hold the process
 * open only while they work, so a script that forgets `close()` still exits.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Parallel, PartResult, PartRequest } from 'chorus-summary';

export interface ThreadPoolOptions {
  /** Worker threads, besides the calling one. Default: the cores there are, less one, at most 3 (0 on one core: then every read stays on the calling thread). */
  threads?: number;
}

export interface ThreadPool extends Parallel {
  /** Stop the workers; a later run starts them again. */
  close(): Promise<void>;
}

interface Job {
  request: PartRequest;
  resolve: (result: PartResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

const WORKER_FILE = new URL('./worker.js', import.meta.url);

/** The default number of workers for this machine. */
export function defaultThreads(): number {
  return Math.max(0, Math.min(3, availableParallelism() - 1));
}

/** A pool of worker threads for `summarize(documents, { parallel: pool })` and `digest()`. */
export function threadPool(options: ThreadPoolOptions = {}): ThreadPool {
  const threads = options.threads ?? defaultThreads();
  if (!Number.isInteger(threads) || threads < 0 || threads > 256) throw new RangeError(`threadPool: threads must be an integer from 0 to 256, not ${String(threads)}.`);
  const slots: Slot[] = [];
  const queue: Job[] = [];

  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(WORKER_FILE), job: undefined };
    slot.worker.unref();
    slot.worker.on('message', (message: { result?: PartResult; error?: string }) => {
      const job = slot.job;
      slot.job = undefined;
      slot.worker.unref();
      if (job) {
        if (message.error !== undefined) job.reject(new Error(`chorus-summary: a worker thread failed: ${message.error}`));
        else job.resolve(message.result!);
      }
      next();
    });
    // A worker that dies takes its job with it: the run rejects, and the next job gets a new worker.
    const fail = (error: Error) => {
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      slot.job?.reject(error);
      slot.job = undefined;
      next();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`chorus-summary: a worker thread exited (code ${code}) before it answered.`)));
    slots.push(slot);
    return slot;
  };

  const next = () => {
    while (queue.length > 0) {
      const slot = slots.find((candidate) => candidate.job === undefined) ?? (slots.length < threads ? start() : undefined);
      if (slot === undefined) return;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref(); // a job in flight keeps the process alive until it answers
      slot.worker.postMessage(job.request);
    }
  };

  return {
    threads,
    run(request: PartRequest): Promise<PartResult> {
      if (threads === 0) return Promise.reject(new Error('chorus-summary: a pool of 0 threads cannot run a part.'));
      return new Promise<PartResult>((resolve, reject) => {
        queue.push({ request, resolve, reject });
        next();
      });
    },
    async close(): Promise<void> {
      const closing = slots.splice(0);
      await Promise.all(closing.map((slot) => slot.worker.terminate()));
    },
  };
}

let shared: ThreadPool | undefined;

/** The pool `summarizeFiles`, `digestFiles` and the CLI use unless given one: started on first use, idle workers never hold the process open. */
export function sharedPool(): ThreadPool {
  return (shared ??= threadPool());
}
