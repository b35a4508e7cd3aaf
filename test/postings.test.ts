import fc from 'fast-check';
import { expect, test } from 'vitest';
import { postingsOf } from '../src/measures.js';
import { runSync } from '../src/schedule.js';

test('postingsOf: each entry finds, before its own slot, exactly the earlier items holding its term, ascending (property)', () => {
  const TERMS = 12;
  fc.assert(
    fc.property(fc.array(fc.uniqueArray(fc.nat({ max: TERMS - 1 }), { maxLength: 6 }), { maxLength: 30 }), fc.nat({ max: TERMS - 1 }), (items, skipped) => {
      const entryStart = Int32Array.from([0, ...items.map((_, i) => items.slice(0, i + 1).flat().length)]);
      const entryTerm = Int32Array.from(items.flat());
      const { postingStart, postingItem, slotOf } = runSync(postingsOf(entryStart, entryTerm, TERMS, (term) => term === skipped));
      items.forEach((terms, i) =>
        terms.forEach((term, k) => {
          const slot = slotOf[entryStart[i]! + k]!;
          if (term === skipped) return expect(slot).toBe(-1);
          expect(postingItem[slot]).toBe(i);
          const earlier = items.flatMap((other, j) => (j < i && other.includes(term) ? [j] : []));
          expect(Array.from(postingItem.subarray(postingStart[term]!, slot))).toEqual(earlier);
        }),
      );
      expect(postingStart[skipped + 1]! - postingStart[skipped]!).toBe(0);
    }),
    { numRuns: 300 },
  );
});
