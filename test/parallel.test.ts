/**
 * The `parallel` option: a large input read in parts on several threads must give exactly the
 * read one thread makes (parallel.ts joins the parts), so every summary and digest is byte for
 * byte the same with or without a pool. The join is checked against the one-thread read on
 * small inputs of every awkward kind, with the size floor lowered and the "other threads"
 * played by `runPart` behind a structured clone; then the real worker threads of the Node entry
 * run on an input above the floor.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { PARALLEL_CHARACTERS, readInParts } from '../src/parallel.js';
import { runAsync, runSync } from '../src/schedule.js';
import type { Read } from '../src/model.js';
import { summariseInParts } from '../src/parallel-stories.js';
import { sliceRead } from '../src/slice.js';
import { noStoryWarning, readDocuments, runPart, summaryOf } from '../src/summarize.js';
import { resolveInput } from '../src/validate.js';
import { digest, summarize, summarizeSync, type Parallel, type SourceDocument, type SummarizeOptions } from '../src/index.js';
import { FLOOD, CHESS } from './digest-feed.js';
import { expectExactProvenance, loadExamples } from './helpers.js';

/** A pool whose "threads" are this one: what crosses is cloned (and what is given to transfer moved), as postMessage does. */
const inThread = (threads: number): Parallel => ({
  threads,
  run: async (request, options) => structuredClone(runPart(structuredClone(request, { transfer: [...(options?.transfer ?? [])] }))),
});

const HTML = '<html><body><h1>Council votes</h1><p>The city council voted on Monday to fund the new bridge. Work starts in May.</p><script>var x = "<p>not text</p>";</script></body></html>';
/** A page of links around one line of news: no document reads as an article (NO_STORY). */
const NAVIGATION = 'Home\nWorld news and analysis\nSports results and fixtures\nWeather forecast for the week\nContact the newsroom\nThe mayor opened a new PLACE in the town centre on Friday.\nPrivacy policy and terms';
const LONG_RUN = `The report ran to ${'many '.repeat(700)}pages. The minister said it was fair.`;

const INPUTS: [string, SourceDocument[], Omit<SummarizeOptions, 'signal'>][] = [
  ['the example articles', loadExamples(), {}],
  ['two stories', [...FLOOD, ...CHESS], {}],
  ['an empty document, whitespace, HTML and an over-long run', [{ id: 'a', text: '' }, { id: 'b', text: ' \n\t ' }, { id: 'c', text: HTML }, { id: 'd', text: LONG_RUN }, ...FLOOD], {}],
  ['navigation pages: the confidence warning once', ['library', 'school', 'park'].map((place, k) => ({ id: `nav${k}`, text: NAVIGATION.replace('PLACE', place) })), {}],
  ['French, with its stopwords, no furniture rules', [...FLOOD, ...CHESS].map((d, k) => ({ id: `fr${k}`, text: d.text.replace(/the/g, 'le') })), { language: 'fra', stopwords: ['le', 'la', 'les', 'de'] }],
  ['furniture kept as prose, short sentences', loadExamples(), { skipFurniture: false, maxSentenceLength: 100 }],
];

describe('parts joined are the one-thread read', () => {
  test.each(INPUTS)('%s, with 1, 2 and 3 other threads', async (_, given, options) => {
    const { documents, settings } = resolveInput(given, options, false);
    const alone = runSync(readDocuments(documents, settings));
    for (const threads of [1, 2, 3]) {
      const joined = await runAsync(
        readInParts(documents, settings, inThread(threads), (part) => readDocuments(part, settings), (s) => noStoryWarning(s.firstOfDoc, s.start, s.end, s.kind), 0),
        undefined,
      );
      expect(joined).toEqual(alone);
      expect(joined.segments.warnings.filter((w) => w.code === 'NO_STORY').length).toBe(_.startsWith('navigation') ? 1 : 0);
    }
  });

  test('a small input stays on this thread: the pool is not asked', async () => {
    let asked = 0;
    const pool: Parallel = { threads: 1, run: async (request) => (asked++, runPart(request)) };
    const summary = await summarize(loadExamples(), { parallel: pool });
    expect(asked).toBe(0);
    expect(summary).toEqual(summarizeSync(loadExamples()));
  });
});

/** About 3 MB of text (20,000 sentences in 30 stories; below the size at which a digest's summaries are shared): each example article rewritten per outlet (numbers and a name changed), so nothing repeats verbatim. */
function largeInput(): SourceDocument[] {
  const examples = loadExamples();
  const documents: SourceDocument[] = [];
  let length = 0;
  for (let k = 0; length < PARALLEL_CHARACTERS * 1.5; k++) {
    const example = examples[k % examples.length]!;
    const text = example.text.replace(/\d+/g, (digits) => String(Number(digits) + (k % 7))).replace(/\bThe\b/g, k % 2 ? 'The' : 'This');
    documents.push({ id: `outlet-${String(k).padStart(4, '0')}`, text: `${text}\n\nReported by desk ${k}.` });
    length += text.length;
  }
  return documents;
}

describe('story summaries on other threads are the ones made here', () => {
  test.each([1, 2, 3])('a digest of four stories, with %i other threads', async (threads) => {
    const stories = [FLOOD, CHESS, FLOOD.map((d) => ({ ...d, id: `again-${d.id}` })), loadExamples()];
    const { documents, settings } = resolveInput(stories.flat(), { words: 40 }, false, true);
    const read = runSync(readDocuments(documents, settings));
    const index = new Map(documents.map((document, d) => [document.id, d]));
    const members = stories.map((story) => story.map((document) => index.get(document.id)!).sort((a, b) => a - b));
    const summaryHere = (story: Read) => summaryOf(story, settings);
    const alone = members.map((picked) => runSync(summaryHere(runSync(sliceRead(read, picked)))));
    const sizes = members.map((picked) => picked.reduce((sum, d) => sum + read.segments.firstOfDoc[d + 1]! - read.segments.firstOfDoc[d]!, 0));
    let asked = 0;
    const pool: Parallel = { threads, run: async (request) => (asked++, structuredClone(runPart(structuredClone(request)))) };
    const ticks: number[] = [];
    const together = await runAsync(
      summariseInParts(members.length, (k) => sizes[k]!, { ...settings, parallel: pool }, (k) => sliceRead(read, members[k]!), summaryHere, (done) => (ticks.push(done), { stage: 'summarise', done, total: members.length }), { minimum: 0 }),
      undefined,
    );
    expect(asked).toBeGreaterThan(0);
    expect(JSON.stringify(together)).toBe(JSON.stringify(alone));
    expect(ticks[ticks.length - 1]).toBe(members.length);
  });
});

describe('work of its own while the pool summarises (a digest\'s headlines)', () => {
  test.each([
    // The pool's first batch is the least important story (2), read to be posted.
    ['with a pool: after the first batches are posted, once', 1, ['read 2', 'meanwhile 1', 'meanwhile 2', 'read 0', 'here']],
    ['without a pool: first, once', 0, ['meanwhile 1', 'meanwhile 2', 'read 0', 'here']],
  ])('%s', async (_name, threads, expected) => {
    const { documents, settings } = resolveInput([...FLOOD, ...CHESS], { words: 40 }, false, true);
    const read = runSync(readDocuments(documents, settings));
    const members = [[0, 1], [2, 3], [4]].map((story) => story.filter((d) => d < documents.length));
    const events: string[] = [];
    const pool: Parallel = { threads: 1, run: async (request) => structuredClone(runPart(structuredClone(request))) };
    const meanwhile = function* () {
      events.push('meanwhile 1');
      yield;
      events.push('meanwhile 2');
    };
    await runAsync(
      summariseInParts(
        members.length,
        () => 10,
        { ...settings, parallel: threads > 0 ? pool : undefined },
        (k) => (events.push(`read ${k}`), sliceRead(read, members[k]!)),
        (story) => (events.push('here'), summaryOf(story, settings)),
        (done) => ({ stage: 'summarise', done, total: members.length }),
        { minimum: 0, meanwhile: meanwhile() },
      ),
      undefined,
    );
    expect(events.slice(0, expected.length)).toEqual(expected);
    expect(events.filter((event) => event.startsWith('meanwhile'))).toHaveLength(2);
  });
});

describe('a pool that fails or is too slow', () => {
  test('a pool that rejects rejects the run with its error', async () => {
    const pool: Parallel = { threads: 1, run: () => Promise.reject(new Error('worker crashed')) };
    await expect(summarize(largeInput(), { parallel: pool })).rejects.toThrow('worker crashed');
  });

  test('an answer that is not a part read is reported, not summarised', async () => {
    const pool = { threads: 1, run: async () => ({ segments: {}, analysis: {} }) } as unknown as Parallel;
    await expect(summarize(largeInput(), { parallel: pool })).rejects.toThrow(/parallel pool answered/);
  });

  test('concepts that do not fit the run are reported, not ranked with', async () => {
    let concepts = 0;
    const pool: Parallel = {
      threads: 1,
      run: async (request) => {
        if (request.task !== 'concepts') return structuredClone(runPart(structuredClone(request)));
        concepts++;
        const made = runPart(structuredClone(request)) as unknown as { conceptStart: Int32Array };
        return { ...made, conceptStart: made.conceptStart.subarray(1) };
      },
    };
    await expect(summarize(largeInput(), { parallel: pool })).rejects.toThrow(/parallel pool answered/);
    expect(concepts).toBe(1);
  });

  test('a large run asks the pool for its concepts, and ranks with exactly the ones made here', async () => {
    const tasks: string[] = [];
    let given: readonly ArrayBuffer[] = [];
    const pool: Parallel = {
      threads: 1,
      run: async (request, options) => {
        tasks.push(request.task);
        if (request.task === 'concepts') given = options?.transfer ?? [];
        // Moved as postMessage moves them: the run must not read them again.
        return structuredClone(runPart(structuredClone(request, { transfer: [...(options?.transfer ?? [])] })));
      },
    };
    const documents = largeInput();
    const together = await summarize(documents, { words: 120, parallel: pool });
    expect(tasks.filter((task) => task === 'concepts')).toHaveLength(1);
    // Its five arrays are sent as copies of their own, transferred (posting them cloned held the event loop).
    expect(given).toHaveLength(5);
    expect(given.every((buffer) => buffer.byteLength === 0)).toBe(true);
    expect(JSON.stringify(together)).toBe(JSON.stringify(summarizeSync(documents, { words: 120 })));
    expectExactProvenance(together, documents);
    // A digest's pool is busy with its stories: it is never asked for concepts.
    tasks.length = 0;
    await digest(documents, { words: 60, parallel: pool });
    expect(tasks).not.toContain('concepts');
  });

  test('an abort while the pool makes the concepts rejects, and the pool is told to drop them', async () => {
    const controller = new AbortController();
    let dropped: AbortSignal | undefined;
    const pool: Parallel = {
      threads: 1,
      run: async (request, options) => {
        if (request.task !== 'concepts') return structuredClone(runPart(structuredClone(request)));
        dropped = options?.signal;
        setTimeout(() => controller.abort(), 10);
        return new Promise(() => undefined); // never answers
      },
    };
    await expect(summarize(largeInput(), { parallel: pool, signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    expect(dropped?.aborted).toBe(true);
  });

  test('an abort while waiting for another thread rejects at once', async () => {
    const pool: Parallel = { threads: 1, run: () => new Promise(() => undefined) }; // never answers
    const controller = new AbortController();
    const run = summarize(largeInput(), { parallel: pool, signal: controller.signal });
    setTimeout(() => controller.abort(), 3000); // after this thread's part: the run waits
    const started = Date.now();
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 20_000);

  test('the synchronous calls refuse the option', () => {
    expect(() => summarizeSync(loadExamples(), { parallel: inThread(1) } as never)).toThrow(/parallel is only for summarize\(\) and digest\(\)/);
  });

  test.each<[unknown]>([[{ threads: 1 }], [{ run: () => undefined }], [{ threads: -1, run: () => undefined }], [{ threads: 1.5, run: () => undefined }]])('%o is not a pool', async (pool) => {
    await expect(summarize(loadExamples(), { parallel: pool as never })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });
});

describe('worker threads (the Node entry)', () => {
  test('summarize() and digest() give the same result on 2 threads as on 1', async () => {
    // The built entry: its worker thread loads dist/worker.js, which Node runs without vitest.
    const { threadPool } = (await import(fileURLToPath(new URL('../dist/node.js', import.meta.url)))) as typeof import('../src/node/index.js');
    const threads = threadPool({ threads: 1 });
    const tasks = new Set<string>();
    const pool: Parallel = { threads: 1, run: (request, options) => (tasks.add(request.task), threads.run(request, options)) };
    try {
      const documents = largeInput();
      const alone = await summarize(documents, { words: 120 });
      const together = await summarize([...documents].reverse(), { words: 120, parallel: pool });
      expect(JSON.stringify(together)).toBe(JSON.stringify(alone));
      expectExactProvenance(together, documents);
      const none = threadPool({ threads: 0 }); // reads on the calling thread
      expect(JSON.stringify(await summarize(documents, { words: 120, parallel: none }))).toBe(JSON.stringify(alone));
      const grouped = await digest(documents, { words: 60, parallel: pool });
      expect(JSON.stringify(grouped)).toBe(JSON.stringify(await digest(documents, { words: 60 })));
      // summarize()'s reading and concepts; the digest's reading (its summaries' share: test/thread-pool.test.ts).
      expect([...tasks].sort()).toEqual(['concepts', 'read']);
    } finally {
      await threads.close();
    }
  }, 60_000);
});
