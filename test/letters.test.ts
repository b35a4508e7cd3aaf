/**
 * Character classes behind the furniture rules: `letterProfile` (the letter and upper-case
 * shares that mark noise and shouted headings) counts from a remembered class per code unit,
 * and must count exactly what a pattern test of every character counts.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { letterProfile } from '../src/segment/letters.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);

/** The naive reference: every character (a surrogate pair as one) tested with the patterns. */
function naiveProfile(text: string): { letterShare: number; upperShare: number; mayBeNoise: boolean } {
  let letters = 0;
  let upper = 0;
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // counted with its high surrogate, or alone not at all
    const char = code >= 0xd800 && code <= 0xdbff ? text.slice(i, i + 2) : text[i]!;
    if (/^\s$/.test(char)) continue;
    visible++;
    if (/\p{L}/u.test(char)) letters++;
    if (/\p{Lu}/u.test(char)) upper++;
  }
  const mayBeNoise = /[<\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);
  return { letterShare: visible === 0 ? 0 : letters / visible, upperShare: letters === 0 ? 0 : upper / letters, mayBeNoise };
}

describe('letterProfile', () => {
  // ASCII, accented and other cased scripts, scripts without case, digits, spaces of every
  // kind, typographic punctuation, symbols, emoji and letters beyond the BMP, lone surrogates.
  const pieces = ['a', 'Z', '7', ' ', '\t', '\n', '.', 'é', 'É', 'ß', 'ǅ', 'Ω', 'ж', 'Ж', 'ا', '中', 'カ', '\u00a0', '\u2009', '\u3000', '\ufeff',
    '’', '“', '—', '…', '€', '©', '°', '½', '😀', '𝐀', '𝑎', '𠀀', '\ud800', '\udc00', '\u0301', '\u2060', '\u2028', '<', '>', '\u0000', '\u0008', '\u001f', '\u007f', '\ufffd'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((chosen) => chosen.join(''));

  test('counts what a pattern test of every character counts', () => {
    fc.assert(fc.property(text, (sample) => void expect(letterProfile(sample)).toEqual(naiveProfile(sample))), { numRuns: RUNS });
  });

  test.each([
    ['Plain words', 1, 1 / 10],
    ['ÉTÉ À PARIS', 1, 1],
    ['€ 12 ½', 0, 0],
    ['😀😀 ok', 0.5, 0],
  ])('%s: letter share %d, upper share %d', (sample, letterShare, upperShare) => {
    expect(letterProfile(sample)).toEqual({ letterShare, upperShare, mayBeNoise: false });
  });
});
