/**
 * What a member says where its characters differ from its group's representative's: nothing
 * that matters (a word without a number, date or name in it, spacing, hyphens), a name spelt
 * otherwise ("Ptuin"), or something else. Only the last makes the member a reading of its own.
 */
import type { ConflictWords } from '../language/index.js';
import { isSpaceCode } from '../text.js';
import { respelling } from './names.js';
import { readNumber } from './numbers.js';
import { tokenise, wordAt, type Tokens } from './tokens.js';

const space = (text: string, at: number) => isSpaceCode(text.charCodeAt(at));
const CAPITAL = /^[$£€¥]?\p{Lu}/u;

/** Word k could be part of a phrase: a capital (a name, a month), a number, "half", "a.m.". */
function salientWord(tokens: Tokens, k: number, language: ConflictWords | undefined): boolean {
  const key = tokens.key[k]!;
  if (readNumber(wordAt(tokens, k), key, language) !== null) return true;
  return language !== undefined && (CAPITAL.test(wordAt(tokens, k)) || key === language.half || language.timeWords.has(key));
}

/** Characters from `at` back to the start of the word it is in (0 when `at` starts a word or is a space). */
function wordBefore(text: string, start: number, at: number, end: number): number {
  if (at <= start || at >= end || space(text, at - 1) || space(text, at)) return 0;
  let from = at;
  while (from > start && !space(text, from - 1)) from--;
  return at - from;
}

/** Characters from `at` on to the end of the word that runs across it (0 when none does). */
function wordAfter(text: string, start: number, at: number, end: number): number {
  if (at <= start || at >= end || space(text, at - 1) || space(text, at)) return 0;
  let to = at;
  while (to < end && !space(text, to)) to++;
  return to - at;
}

/** Texts being compared: the representative `a` and a member `b`, each its sentence `[from, to)`. */
export interface Pair {
  a: string;
  aFrom: number;
  aTo: number;
  b: string;
  bFrom: number;
  bTo: number;
}

const NON_ASCII_SALIENT = /[\p{Lu}\p{N}]/u;
/** Each language's salient words in lower case ("seventeen", "million", "half", "a.m."), as one pattern. */
const lowerSalient = new WeakMap<ConflictWords, RegExp>();
function lowerSalientOf(language: ConflictWords): RegExp {
  let pattern = lowerSalient.get(language);
  if (pattern === undefined) {
    const words = [...Object.keys(language.numbers), ...Object.keys(language.ordinals), ...Object.keys(language.magnitudes).filter((word) => word.length > 2), ...language.vague, language.half, ...language.timeWords];
    const alternatives = words.map((word) => (language.timeWords.has(word) ? `${word[0]}\\.?${word.slice(1).split('').join('\\.?')}\\.?` : word));
    lowerSalient.set(language, (pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu')));
  }
  return pattern;
}

/**
 * `text[from, to)` may hold a word that could be part of a phrase: a capital or a digit, or a
 * number word. A cheap look first; most places where reprints differ hold neither (a typo, an
 * adverb added, a synonym) and need not be split into words.
 */
function maySay(text: string, from: number, to: number, language: ConflictWords | undefined): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code > 127 && NON_ASCII_SALIENT.test(text[i]!))) return true;
  }
  return language !== undefined && lowerSalientOf(language).test(text.slice(from, to));
}

/** What a member says where it differs from the representative: nothing that matters, a name spelt otherwise, something else. */
const SAME = 0;
const RESPELT = 1;
export const OTHERWISE = 2;

/**
 * What the member says where it differs from the representative at `[a0, a1)` / `[b0, b1)`,
 * grown to whole words (by as much on both sides, the characters around being the same):
 * something else when the words differ other than in spacing and hyphens and the member's hold
 * a word that could be part of a phrase (a capital, a number, "half", "a.m."); a name spelt
 * otherwise when those are capitals only, the same names by `sameName`. What the member only
 * leaves out, or words without such a word, cannot disagree with anything.
 */
export function saysOtherwise({ a, aFrom, aTo, b, bFrom, bTo }: Pair, a0: number, a1: number, b0: number, b1: number, language: ConflictWords | undefined): number {
  const left = Math.min(Math.max(wordBefore(a, aFrom, a0, aTo), wordBefore(b, bFrom, b0, bTo)), a0 - aFrom, b0 - bFrom);
  const right = Math.min(Math.max(wordAfter(a, aFrom, a1, aTo), wordAfter(b, bFrom, b1, bTo)), aTo - a1, bTo - b1);
  if (!maySay(b, b0 - left, b1 + right, language)) return SAME;
  const withDot = language?.abbreviationsWithDot;
  const theirs = tokenise(b, b0 - left, b1 + right, withDot);
  let salient = false;
  for (let k = 0; k < theirs.key.length && !salient; k++) salient = salientWord(theirs, k, language);
  if (!salient) return SAME;
  const ours = tokenise(a, a0 - left, a1 + right, withDot);
  if (ours.key.join('') === theirs.key.join('')) return SAME;
  // Names: capitals that are no number, month or weekday (a date spelt otherwise is another date).
  const capitals = (tokens: Tokens) =>
    tokens.key.filter((key, k) => CAPITAL.test(wordAt(tokens, k)) && readNumber(wordAt(tokens, k), key, language) === null && language?.months[key] === undefined && language?.weekdays[key] === undefined);
  const names = capitals(theirs);
  const before = capitals(ours);
  // Word for word the same names, each spelt otherwise at most ("Ptuin", "Zelenskyy"): not "Sanders" for "Sarah Huckabee Sanders".
  const respelt =
    language !== undefined && before.length > 0 && before.length === names.length && names.length === theirs.key.filter((_, k) => salientWord(theirs, k, language)).length && before.every((name, k) => name === names[k] || respelling(name, names[k]!));
  return respelt ? RESPELT : OTHERWISE;
}
