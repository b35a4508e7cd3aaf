/**
 * `threadPool()` of the Node entry (src/node/threads.ts), built: its workers load dist/worker.js.
 * A part given up stops its worker, a request that cannot be copied fails alone, `close()` says
 * so to the parts it cuts short, and the core gives a pool's parts up when its run ends early.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { partOptions } from '../src/parallel.js';
import { resolveInput } from '../src/validate.js';
import { summarize, type Parallel, type PartRequest } from '../src/index.js';
import { loadExamples } from './helpers.js';

const { threadPool } = (await import(fileURLToPath(new URL('../dist/node.js', import.meta.url)))) as typeof import('../src/node/index.js');

/** A part that keeps a worker busy for a while: 400 copies of the example articles. */
function slowPart(): PartRequest {
  const documents = Array.from({ length: 400 }, (_, k) => {
    const example = loadExamples()[k % 5]!;
    return { id: `d${String(k).padStart(3, '0')}`, text: `${example.text}\n\nDesk ${k}.` };
  });
  return { task: 'read', documents, options: {} };
}

describe('threadPool()', () => {
  test('a part given up ends its worker at once; the pool goes on with a new one', async () => {
    const pool = threadPool({ threads: 1 });
    try {
      const abandon = new AbortController();
      const started = Date.now();
      const given = pool.run(slowPart(), { signal: abandon.signal });
      setTimeout(() => abandon.abort(), 50); // a worker takes longer than that to start: the part cannot be done
      await expect(given).rejects.toThrow(/abandoned/);
      expect(Date.now() - started).toBeLessThan(1000);
      const small: PartRequest = { task: 'read', documents: loadExamples(), options: {} };
      expect(await pool.run(small)).toHaveProperty('segments');
    } finally {
      await pool.close();
    }
  });

  test('a request that cannot be copied fails alone, whether it was waiting or not', async () => {
    const pool = threadPool({ threads: 1 });
    try {
      const uncloneable = { task: 'read', documents: [], options: { f: () => 1 } } as unknown as PartRequest;
      await expect(pool.run(uncloneable)).rejects.toThrow(/could not be cloned/);
      const busy = pool.run(slowPart());
      const queued = pool.run(uncloneable);
      await expect(queued).rejects.toThrow(/could not be cloned/);
      expect(await busy).toHaveProperty('analysis');
    } finally {
      await pool.close();
    }
  }, 30_000);

  test('close() rejects the parts it cuts short, saying why', async () => {
    const pool = threadPool({ threads: 1 });
    const outcome = (part: Promise<unknown>) => part.then(() => 'answered', (error: Error) => error.message);
    const running = outcome(pool.run(slowPart()));
    const waiting = outcome(pool.run(slowPart()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pool.close();
    expect(await running).toMatch(/pool was closed/);
    expect(await waiting).toMatch(/pool was closed/);
  });

  test('threads must be an integer from 0 to 256', () => {
    for (const threads of [-1, 1.5, 257, Number.NaN]) expect(() => threadPool({ threads })).toThrow(RangeError);
  });
});

describe('the core and a pool', () => {
  test("a run that ends early gives up the parts it handed out", async () => {
    const signals: AbortSignal[] = [];
    const pool: Parallel = { threads: 2, run: (_request, options) => (signals.push(options!.signal!), new Promise(() => undefined)) };
    const documents = Array.from({ length: 60 }, (_, k) => ({ id: `d${k}`, text: `${loadExamples()[k % 5]!.text}\n`.repeat(8) }));
    const controller = new AbortController();
    const run = summarize(documents, { parallel: pool, signal: controller.signal });
    setTimeout(() => controller.abort(), 2000);
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
    expect(signals.length).toBeGreaterThan(1);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    // A signal of its own per part: one shared by a feed's hundred parts gathers a hundred listeners (Node warns past 10).
    expect(new Set(signals).size).toBe(signals.length);
  }, 20_000);

  test("a part is read with the run's limits lifted: the whole input passed them", () => {
    const options = partOptions(resolveInput([], { maxDocuments: 3_000_000, words: 50, language: 'fra', stopwords: ['le'] }, false).settings);
    expect(options).toMatchObject({ maxDocuments: Number.MAX_SAFE_INTEGER, maxInputLength: Number.MAX_SAFE_INTEGER, words: 50, language: 'fra', stopwords: ['le'] });
    expect(options).not.toHaveProperty('parallel');
    expect(() => structuredClone(options)).not.toThrow();
  });
});
