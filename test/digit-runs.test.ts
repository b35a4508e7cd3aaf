/**
 * DigitRuns (src/conflicts/paraphrase.ts): the groups a number conflict's paraphrases are
 * looked for in. It may list more groups than hold the number, never fewer: the test that
 * follows in paraphrasesOf is a plain `key.includes(written)`.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { DigitRuns } from '../src/conflicts/paraphrase.js';
import { runSync } from '../src/schedule.js';
import { DistinctStrings } from '../src/string-table.js';

function runsOver(keys: string[]): DigitRuns {
  const table = new DistinctStrings();
  const keyId = Int32Array.from(keys, (key) => table.idOf(key));
  const representative = Int32Array.from(keys, (_, k) => k);
  return runSync(DigitRuns.of({ keys: table.table(), keyId }, { count: keys.length, representative }));
}

test('every group whose key holds a written number is a candidate, in ascending order', () => {
  const piece = fc.constantFrom('the', 'toll', 'rose', 'to', '1', '7', '17', '170', '2017', '.', ',', '5', '000', 'x');
  // Among 200 keys without a digit, so that a number held by a few is looked up, not scanned for.
  const filler = Array.from({ length: 200 }, (_, k) => `the council met on ${'abcdefghij'[k % 10]}day ${'xyz'[k % 3]}`);
  let checked = 0;
  fc.assert(
    fc.property(fc.array(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')), { minLength: 1, maxLength: 20 }), fc.array(fc.constantFrom('17', '1.5', '17000', '7', '2017', '170', '5'), { minLength: 1, maxLength: 2 }), fc.nat(), (some, written, seed) => {
      const keys = [...filler];
      some.forEach((key, k) => keys.splice((seed + 37 * k) % (keys.length + 1), 0, key));
      const candidates = runsOver(keys).candidates(written);
      const holding = keys.flatMap((key, h) => (written.some((w) => key.includes(w)) ? [h] : []));
      if (candidates === undefined) return; // the plain scan: nothing to check
      checked++;
      expect([...candidates]).toEqual([...candidates].sort((a, b) => a - b));
      expect(new Set(candidates).size).toBe(candidates.length);
      for (const h of holding) expect(candidates).toContain(h);
    }),
    { numRuns: 2000 },
  );
  expect(checked).toBeGreaterThan(1500); // most runs look the number up
});

test('a number found in few groups lists only those; one without a digit, or in most groups, asks for the plain scan', () => {
  const keys = Array.from({ length: 100 }, (_, k) => (k === 40 ? 'the toll rose to 1742 on monday' : k === 7 ? 'about 17 people' : `the council met on day ${k % 5}`));
  const runs = runsOver(keys);
  expect([...runs.candidates(['17'])!]).toEqual([7, 40]);
  expect(runs.candidates(['seventeen'])).toBeUndefined();
  expect(runs.candidates(['3'])).toBeUndefined(); // "day 3" in 20 of 100 groups: an eighth or more
});
