import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { languageRules } from '../src/language/index.js';
import { chunkShape, Shape, splitBySbd, splitChunk } from '../src/segment/sbd.js';
import { trimSpan } from '../src/text.js';

/** Property runs: FC_RUNS=N for more; the timeout grows with them. */
const RUNS = Number(process.env.FC_RUNS ?? 2000);
const PROPERTY_TIMEOUT = Math.max(30_000, RUNS * 25);

const english = languageRules('eng');

// Words, stops and closers in every place, whitespace of every kind, and what sbd treats specially.
const piece = fc.oneof(
  fc.constantFrom(
    'Kim', 'arrived', 'said', 'Mr.', 'U.S.', 'e.g.', '3.5', 'end.Then', 'a.m.', '.', '!', '?', '?!', '...', '…', '"', '“', '”', '’', "'", ')', '(', ']', '»',
    '」', ' ', '  ', '\t', '\u00a0', '\u2003', '\u3000', '-', '--', '----', '#', '=', '_', '+', '*', '@', '~', '@~@', '😀', 'é', 'x-ray', 'www.a.com', '1.',
  ),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const chunk = fc.array(piece, { minLength: 1, maxLength: 24 }).map((pieces) => pieces.join(''));

describe('chunkShape: what a chunk holds, without sbd', () => {
  test.each([
    ['The mayor said the vote was a victory.', 'ONE_SENTENCE'],
    ['He asked: “Is it over?”', 'ONE_SENTENCE'],
    ['Really?! (Yes.)', 'OTHER'],
    ['The Latest on the flood', 'NO_END'],
    ['It rose 3.5 percent.', 'OTHER'],
    ['He met Mr. Smith.', 'OTHER'],
    ['It ended.Then it began', 'OTHER'],
    ['-- The vote passed.', 'OTHER'],
    ['Votes ---- counted.', 'BREAKS'],
    ['A @~@ B', 'BREAKS'],
  ] as const)('%j is %s', (text, shape) => expect(chunkShape(text, 0, text.length)).toBe(Shape[shape]));

  test('splitChunk gives what sbd gives; for one sentence or no end, the whole chunk', () => {
    fc.assert(
      fc.property(chunk, (raw) => {
        const [from, to] = trimSpan(raw, 0, raw.length);
        if (from === to) return;
        const shape = chunkShape(raw, from, to);
        const bySbd: number[] = [];
        splitBySbd(raw, from, to, english, shape === Shape.BREAKS, bySbd);
        if (shape === Shape.ONE_SENTENCE || shape === Shape.NO_END) expect(bySbd).toEqual([from, to]);
        const spans: number[] = [];
        splitChunk(raw, from, to, english, spans);
        expect(spans).toEqual(bySbd);
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  test('break marks are found exactly where sbd would act on them', () => {
    fc.assert(
      fc.property(chunk, (text) => {
        expect(chunkShape(text, 0, text.length) === Shape.BREAKS).toBe(/\n|[-#=_+*]{4}|@~@/.test(text));
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);
});
