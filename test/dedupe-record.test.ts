/**
 * Dedupe's candidate records (src/dedupe/record.ts): the signature bound never falls below the
 * terms two keys really share (else dedupe would lose duplicates), and it is low for keys that
 * share little (else it would rule out nothing).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EXAMINED_BY, RECORD, sharedTermsBound, TERM_COUNT, writeRecord } from '../src/dedupe/record.js';

/** Records for keys given as lists of distinct term ids. */
function records(keys: number[][]): Int32Array {
  const record = new Int32Array(RECORD * keys.length);
  keys.forEach((terms, key) => writeRecord(record, key, Int32Array.from(terms), 0, terms.length));
  return record;
}

const termSet = (most: number) => fc.uniqueArray(fc.integer({ min: 0, max: most }), { maxLength: 60 });

describe('dedupe records', () => {
  test('the bound is at least the shared terms, whatever the collisions', () => {
    // Few term ids (many collisions in 128 bits) and many, sets small and large.
    for (const most of [40, 300, 1_000_000]) {
      fc.assert(
        fc.property(termSet(most), termSet(most), (a, b) => {
          const record = records([a, b]);
          const shared = a.filter((term) => b.includes(term)).length;
          expect(sharedTermsBound(record, 0, 1)).toBeGreaterThanOrEqual(shared);
          expect(sharedTermsBound(record, 1, 0)).toBe(sharedTermsBound(record, 0, 1));
          expect(sharedTermsBound(record, 0, 0)).toBe(a.length);
        }),
        { numRuns: 1000 },
      );
    }
  });

  test('keys of a dozen terms that share none mostly get a bound below four', () => {
    // The filter's point: dedupe needs 40% of the smaller key's terms (5 of 12) to compare.
    const keys = Array.from({ length: 200 }, (_, key) => Array.from({ length: 12 }, (_, t) => 7919 * key + 13 * t + 1));
    const record = records(keys);
    let low = 0;
    for (let key = 0; key + 1 < keys.length; key += 2) if (sharedTermsBound(record, key, key + 1) < 4) low++;
    expect(low).toBeGreaterThan(90);
  });

  test('a record starts unexamined and holds its term count', () => {
    const record = records([[3, 5, 8], []]);
    expect([record[EXAMINED_BY], record[TERM_COUNT], record[RECORD + EXAMINED_BY], record[RECORD + TERM_COUNT]]).toEqual([-1, 3, -1, 0]);
  });
});
