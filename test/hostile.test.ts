import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { ChorusError, summarize, summarizeSync, toHTML, toMarkdown, toText, type SourceDocument, type Summary } from '../src/index.js';
import type { HostileCase } from './fixtures/hostile/types.js';
import { expectSafeRenderings } from './render-invariants.js';

/**
 * The adversarial corpus (test/fixtures/hostile/, one attack per file): each case must give a
 * sensible summary or the right ChorusError, never a crash or a hang, and its summary must
 * render safely in every format (test/render-invariants.ts). The guard is generous
 * (10 s); the time each case took is printed at the end, and bench figures are elsewhere.
 */
const directory = fileURLToPath(new URL('./fixtures/hostile/', import.meta.url));
const files = readdirSync(directory).filter((file) => file.endsWith('.ts') && file !== 'types.ts').sort();
const timings: [string, number][] = [];

afterAll(() => {
  const sorted = [...timings].sort((a, b) => b[1] - a[1]);
  console.log(`hostile corpus: ${timings.length} cases; slowest ${sorted.slice(0, 3).map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(', ')}`);
});

/** The summary as JSON and in every rendering, made while the case's `arrange` is in force. */
const everything = (summary: Summary) => [JSON.stringify(summary), toMarkdown(summary), toText(summary), toText(summary, { citations: false }), toHTML(summary)];

describe('hostile input', () => {
  test.each(files)('%s', async (file) => {
    const { default: hostile } = (await import(`./fixtures/hostile/${file}`)) as { default: HostileCase };
    const documents = hostile.documents();
    const started = performance.now();
    let summary: Summary | undefined;
    let error: unknown;
    let output: string[] = [];
    const undo = hostile.arrange?.();
    try {
      // Under `arrange` the run is synchronous: nothing else (the test runner) runs while a prototype is polluted.
      summary = undo ? summarizeSync(documents as SourceDocument[], hostile.options as never) : await summarize(documents as SourceDocument[], hostile.options as never);
      if (hostile.sameAs) output = everything(summary);
    } catch (caught) {
      error = caught;
    } finally {
      undo?.();
    }
    timings.push([file.replace(/\.ts$/, ''), performance.now() - started]);
    if (hostile.sameAs) {
      const baseline = await summarize(hostile.sameAs.documents() as SourceDocument[], hostile.sameAs.options as never);
      expect(error, hostile.attack).toBeUndefined();
      expect(output, hostile.attack).toEqual(everything(baseline));
    }

    if (typeof hostile.expect === 'object') {
      expect(error, hostile.attack).toBeInstanceOf(ChorusError);
      expect((error as ChorusError).code).toBe(hostile.expect.error);
      expect((error as ChorusError).message).toMatch(/^chorus-summary: /);
      return;
    }
    if (error) throw error;
    if (hostile.expect === 'summary') expect(summary!.sentences.length, hostile.attack).toBeGreaterThan(0);
    if (hostile.expect === 'empty') expect(summary!.sentences).toEqual([]);
    // Whatever came out is exact and complete.
    const texts = hostile.texts?.();
    const byId = new Map(texts ? Object.entries(texts) : (documents as SourceDocument[]).map((document) => [document.id, document.text]));
    for (const sentence of summary!.sentences) for (const span of sentence.sources) expect(byId.get(span.documentId)!.slice(span.start, span.end)).toBe(span.text);
    expect(summary!.documents.map((report) => report.id).sort()).toEqual([...byId.keys()].sort());
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expectSafeRenderings(summary!);
    hostile.rendered?.({ markdown: toMarkdown(summary!), text: toText(summary!), html: toHTML(summary!) });
  }, 10_000);
});

describe('cancellation', () => {
  test('an abort during a long run rejects with ABORTED within a second', async () => {
    const documents = Array.from({ length: 400 }, (_, i) => ({
      id: `d${i}`,
      text: Array.from({ length: 60 }, (_, k) => `Sentence ${k} of article ${i} reports that the council met on day ${(i * k) % 97} to vote.`).join(' '),
    }));
    const controller = new AbortController();
    const stages: string[] = [];
    const pending = summarize(documents, { signal: controller.signal, onProgress: ({ stage }) => stages.push(stage) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const aborted = performance.now();
    controller.abort(new Error('user left'));
    await expect(pending).rejects.toMatchObject({ name: 'ChorusError', code: 'ABORTED', message: expect.stringContaining('user left') });
    expect(performance.now() - aborted).toBeLessThan(1000);
    expect(stages.length).toBeGreaterThan(0);
  });
});
