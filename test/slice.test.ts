import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sliceRead } from '../src/slice.js';
import { runSync } from '../src/schedule.js';
import { analysisOf, loadExamples } from './helpers.js';

/** A read of some documents cut from a read of more is what reading them alone gives. */
const RUNS = Number(process.env.FC_RUNS ?? 200);
const examples = loadExamples();
const extra = [
  { id: '005_empty.txt', text: '' },
  { id: '006_long.txt', text: `${'word '.repeat(900)}end.` },
  { id: '007_short.txt', text: 'Kim met Putin in Russia on Wednesday. Both leaders smiled for the cameras.' },
];
const all = [...examples, ...extra].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('sliceRead', () => {
  const whole = analysisOf(all, { maxSentenceLength: 200 });
  const read = { documents: all, ...whole };

  test('for every subset of documents, equal to reading only them', () => {
    fc.assert(
      fc.property(fc.subarray(all.map((_, d) => d), { minLength: 1 }), (picked) => {
        const sliced = runSync(sliceRead(read, picked));
        const alone = analysisOf(picked.map((d) => all[d]!), { maxSentenceLength: 200 });
        expect(sliced.documents).toEqual(picked.map((d) => all[d]));
        expect(sliced.segments).toEqual(alone.segments);
        expect(sliced.analysis).toEqual(alone.analysis);
      }),
      { numRuns: RUNS },
    );
  });
});
