import levenshtein from 'fast-levenshtein';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { boundedLevenshtein } from '../src/bounded-levenshtein.js';

/** Strings over a few letters, so that pairs land at every distance; some past 32 and 64 characters (several bands). */
const text = (most: number) => fc.array(fc.constantFrom('a', 'b', 'c', ' ', 'é', '😀'), { maxLength: most, size: 'max' }).map((letters) => letters.join(''));
const related = fc.tuple(text(150), fc.array(fc.tuple(fc.nat(), fc.constantFrom('a', 'b', 'x', '')), { maxLength: 40 })).map(([a, edits]) => {
  let b = a;
  for (const [at, letter] of edits) {
    const p = b.length === 0 ? 0 : at % b.length;
    b = b.slice(0, p) + letter + b.slice(p + (at % 3 === 0 ? 0 : 1));
  }
  return [a, b] as const;
});

describe('boundedLevenshtein', () => {
  test.each([
    ['', '', 0, 0],
    ['abc', '', 5, 3],
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 2, undefined],
    ['The council voted on Tuesday.', 'The council voted on Wednesday.', 10, 4],
  ])('%j / %j within %i: %j', (a, b, bound, expected) => {
    const distance = boundedLevenshtein(a, b, bound);
    if (expected === undefined) expect(distance).toBeGreaterThan(bound);
    else expect(distance).toBe(expected);
  });

  test('equals the full distance whenever that is within the bound, and says "more" otherwise (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(text(150), text(150)), related), fc.nat({ max: 160 }), ([a, b], bound) => {
        const exact = levenshtein.get(a, b);
        const distance = boundedLevenshtein(a, b, bound);
        if (exact <= bound) expect(distance).toBe(exact);
        else expect(distance).toBeGreaterThan(bound);
      }),
      { numRuns: 3000 },
    );
  });

  test('bounds just around the distance, strings shifted against each other (property)', () => {
    const shifted = fc.tuple(related, text(40), fc.boolean()).map(([[a, b], prefix, front]) => [a, front ? prefix + b : b + prefix] as const);
    fc.assert(
      fc.property(shifted, fc.integer({ min: -4, max: 4 }), ([a, b], offset) => {
        const exact = levenshtein.get(a, b);
        const bound = Math.max(0, exact + offset);
        const distance = boundedLevenshtein(a, b, bound);
        if (exact <= bound) expect(distance).toBe(exact);
        else expect(distance).toBeGreaterThan(bound);
      }),
      { numRuns: 3000 },
    );
  });

  test('long strings, many bands, bounds on either side of the distance', () => {
    const a = 'the quick brown fox jumps over the lazy dog '.repeat(12);
    const b = a.replace(/o/g, '0').slice(7) + 'tail';
    const exact = levenshtein.get(a, b);
    expect(boundedLevenshtein(a, b, exact)).toBe(exact);
    expect(boundedLevenshtein(a, b, exact + 40)).toBe(exact);
    expect(boundedLevenshtein(a, b, exact - 1)).toBeGreaterThan(exact - 1);
  });
});
