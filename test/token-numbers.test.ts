/**
 * Plain tokens by number (src/token-numbers.ts): the scan finds the tokens the pattern finds,
 * every short token has its own number, and the table keeps what it is given as it grows.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isTokenCode, plainTokenEnd, TokenNumbers, tokenNumber } from '../src/token-numbers.js';

/** The tokens' spans as the scan finds them. */
function scan(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < text.length; ) {
    if (!isTokenCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = plainTokenEnd(text, i);
    spans.push([i, end]);
    i = end;
  }
  return spans;
}

describe('plain tokens', () => {
  test('the scan finds exactly the spans of the plain token pattern', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(..."ab9z0'' .-’“A".split('')), { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        const expected = [...text.matchAll(/[a-z0-9]+(?:'[a-z0-9]+)*/g)].map((match) => [match.index, match.index + match[0].length]);
        expect(scan(text)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  test('tokens of up to ten characters have distinct numbers; longer ones have none', () => {
    const tokens = ['a', 'b', 'z', 'aa', 'a0', '0a', "a'b", "ab'", 'zzzzzzzzzz', '9999999999', "'''''''''z", "d'oh", 'doh'];
    const numbers = tokens.map((token) => tokenNumber(token, 0, token.length));
    expect(new Set(numbers).size).toBe(tokens.length);
    expect(Math.max(...numbers)).toBeLessThan(Number.MAX_SAFE_INTEGER);
    expect(tokenNumber('abcdefghijk', 0, 11)).toBe(-1);
    expect(tokenNumber('xxabcxx', 2, 5)).toBe(tokenNumber('abc', 0, 3));
  });
});

describe('the table of token numbers', () => {
  test('keeps every entry through its growth, and answers undefined for what it was not given', () => {
    const table = new TokenNumbers();
    const numbers = Array.from({ length: 100_000 }, (_, k) => 1 + k * 7919 + (k % 3) * 2 ** 40);
    numbers.forEach((number, k) => table.set(number, k % 5 === 0 ? -1 : k));
    numbers.forEach((number, k) => expect(table.get(number)).toBe(k % 5 === 0 ? -1 : k));
    expect(table.get(2)).toBeUndefined();
    expect(table.get(2 ** 52 + 1)).toBeUndefined();
  });

  test('once full it takes no more, and what it holds stays right', () => {
    const table = new TokenNumbers();
    for (let k = 1; k <= 400_000; k++) table.set(k, k);
    let held = 0;
    for (let k = 1; k <= 400_000; k++) {
      const term = table.get(k);
      if (term !== undefined) {
        expect(term).toBe(k);
        held++;
      }
    }
    expect(held).toBe(1 << 18); // half of its 2^19 slots
  });
});
