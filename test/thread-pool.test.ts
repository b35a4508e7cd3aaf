/**
 * `threadPool()` of the Node entry (src/node/threads.ts), built: its workers load dist/worker.js.
 * A part given up stops its worker, a request that cannot be copied fails alone, `close()` says
 * so to the parts it cuts short, and the core gives a pool's parts up when its run ends early.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { partOptions, toPart } from '../src/parallel.js';
import { summariseInParts } from '../src/parallel-stories.js';
import { runAsync, runSync } from '../src/schedule.js';
import { sliceRead } from '../src/slice.js';
import { readDocuments, runPart, summaryOf } from '../src/summarize.js';
import { resolveInput } from '../src/validate.js';
import { CHESS, FLOOD } from './digest-feed.js';
import { summarize, type Parallel, type PartRequest } from '../src/index.js';
import { loadExamples } from './helpers.js';

const { threadPool } = (await import(fileURLToPath(new URL('../dist/node.js', import.meta.url)))) as typeof import('../src/node/index.js');

/** A part no cache helps with: the example articles, every longer word marked with its copy's number (6 MB: over a second of work). */
function distinctPart(characters: number): PartRequest {
  const examples = loadExamples();
  const documents: { id: string; text: string }[] = [];
  for (let length = 0, k = 0; length < characters; k++) {
    const tag = String.fromCharCode(97 + (k % 26), 97 + (Math.floor(k / 26) % 26), 97 + (Math.floor(k / 676) % 26));
    const text = examples[k % examples.length]!.text.replace(/\b\w{4,}\b/g, (word) => word + tag);
    documents.push({ id: `x${String(k).padStart(5, '0')}`, text });
    length += text.length;
  }
  return { task: 'read', documents, options: {} };
}

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
      const given = pool.run(distinctPart(12_000_000), { signal: abandon.signal }); // about three seconds of work
      await new Promise((resolve) => setTimeout(resolve, 500)); // started, far from done
      const abandoned = Date.now();
      abandon.abort();
      await expect(given).rejects.toThrow(/abandoned/);
      // A worker left reading the abandoned part would hold the next one up for seconds.
      const small: PartRequest = { task: 'read', documents: loadExamples(), options: {} };
      expect(await pool.run(small)).toHaveProperty('segments');
      expect(Date.now() - abandoned).toBeLessThan(1500);
    } finally {
      await pool.close();
    }
  }, 30_000);

  test('a script that forgets close() exits when its parts are done, not when the idle workers end', () => {
    const script = `import { threadPool } from ${JSON.stringify(new URL('../dist/node.js', import.meta.url).href)};
const pool = threadPool({ threads: 1 });
await pool.run({ task: 'read', documents: [{ id: 'a', text: 'One sentence here. Another one there.' }], options: {} });`;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'chorus-pool-')), 'forget-close.mjs');
    writeFileSync(file, script);
    const started = Date.now();
    const child = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 20_000 });
    expect(child.status, child.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(4000); // idle workers end after 5 s
  });

  test("a batch of a digest's stories is summarised on a worker exactly as here", async () => {
    const pool = threadPool({ threads: 1 });
    try {
      const { documents, settings } = resolveInput([...FLOOD, ...CHESS], { words: 40 }, false, true);
      const read = runSync(readDocuments(documents, settings));
      const stories = [[0, 1, 2], [3, 4, 5]].map((picked) => {
        const story = runSync(sliceRead(read, picked));
        return { ...toPart(story), documents: [...story.documents] };
      });
      const request: PartRequest = { task: 'summarise', stories, options: partOptions(settings) };
      const there = (await pool.run(request)) as { summaries: unknown[] };
      expect(there.summaries).toHaveLength(2);
      expect(JSON.stringify(there)).toBe(JSON.stringify(runPart(request)));
      expect(JSON.stringify(there.summaries[0])).toBe(JSON.stringify(runSync(summaryOf(runSync(sliceRead(read, [0, 1, 2])), settings))));
    } finally {
      await pool.close();
    }
  });

  test("buffers given as `transfer` are posted transferred (the caller's copies are detached), and the part runs on them", async () => {
    const pool = threadPool({ threads: 1 });
    try {
      const { documents, settings } = resolveInput([...FLOOD, ...CHESS], { words: 40 }, false, true);
      const read = runSync(readDocuments(documents, settings));
      const story = runSync(sliceRead(read, [0, 1, 2]));
      const part = toPart(story);
      const request: PartRequest = { task: 'summarise', stories: [{ ...part, documents: [...story.documents] }], options: partOptions(settings) };
      const expected = JSON.stringify(runPart(structuredClone(request)));
      const terms = part.analysis.terms;
      const there = await pool.run(request, { transfer: [terms.buffer as ArrayBuffer] });
      expect(terms.byteLength).toBe(0); // moved, not copied
      expect(JSON.stringify(there)).toBe(expected);
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

  test('an abort raised while the request is being copied ends the part at once', async () => {
    const pool = threadPool({ threads: 1 });
    try {
      const abandon = new AbortController();
      // postMessage reads the getter while it copies: the abort lands mid-post.
      const options = Object.defineProperty({}, 'words', { enumerable: true, get: () => (abandon.abort(), 100) });
      const started = Date.now();
      await expect(pool.run({ task: 'read', documents: loadExamples(), options }, { signal: abandon.signal })).rejects.toThrow(/abandoned/);
      expect(Date.now() - started).toBeLessThan(2000); // not the idle timer's 5 s
      expect(await pool.run({ task: 'read', documents: loadExamples(), options: {} })).toHaveProperty('segments');
    } finally {
      await pool.close();
    }
  });

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

  test('a worker that runs out of its memory fails its run alone; the next part gets a new worker', async () => {
    const pool = threadPool({ threads: 1, maxWorkerMemoryMb: 16 });
    try {
      await expect(pool.run(distinctPart(12_000_000))).rejects.toThrow(/memory|exited/i);
      expect(await pool.run({ task: 'read', documents: loadExamples(), options: {} })).toHaveProperty('segments');
    } finally {
      await pool.close();
    }
  }, 30_000);

  test('threads must be an integer from 0 to 256; a worker needs at least 8 MB', () => {
    for (const threads of [-1, 1.5, 257, Number.NaN]) expect(() => threadPool({ threads })).toThrow(RangeError);
    for (const maxWorkerMemoryMb of [0, 4, 10.5]) expect(() => threadPool({ threads: 1, maxWorkerMemoryMb })).toThrow(RangeError);
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

  test("a digest that ends early gives up the story batches it handed out", async () => {
    const { documents, settings } = resolveInput([...FLOOD, ...CHESS], { words: 40 }, false, true);
    const read = runSync(readDocuments(documents, settings));
    const stories = [[0, 1, 2], [3, 4, 5]];
    const signals: AbortSignal[] = [];
    const pool: Parallel = { threads: 1, run: (_request, options) => (signals.push(options!.signal!), new Promise(() => undefined)) };
    const controller = new AbortController();
    const run = runAsync(
      summariseInParts(2, () => 10, { ...settings, parallel: pool }, (k) => sliceRead(read, stories[k]!), (story) => summaryOf(story, settings), (done) => ({ stage: 'summarise', done, total: 2 }), { minimum: 0 }),
      controller.signal,
    );
    setTimeout(() => controller.abort(), 200); // this thread has done its story; it waits for the pool's
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
  });

  test("a part is read with the run's limits lifted: the whole input passed them", () => {
    const options = partOptions(resolveInput([], { maxDocuments: 3_000_000, words: 50, language: 'fra', stopwords: ['le'] }, false).settings);
    expect(options).toMatchObject({ maxDocuments: Number.MAX_SAFE_INTEGER, maxInputLength: Number.MAX_SAFE_INTEGER, words: 50, language: 'fra', stopwords: ['le'] });
    expect(options).not.toHaveProperty('parallel');
    expect(() => structuredClone(options)).not.toThrow();
  });
});
