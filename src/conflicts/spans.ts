/**
 * Where each member of a reading words a place found in the reading's text: usually the same
 * offsets within its sentence, or shifted by what was added or dropped on the other side of
 * the place; otherwise the member is read in full and the place found by its phrases, or by
 * aligning its words.
 */
import type { ConflictWords } from '../language/index.js';
import type { Segments } from '../model.js';
import type { Work } from '../schedule.js';
import { isSpaceCode } from '../text.js';
import { align, hunksOf, mapRange } from './align.js';
import { signatureOf } from './classes.js';
import { commonPrefix, commonSuffix } from './diff.js';
import { sameName } from './names.js';
import { classOf, NAME, type GroupText } from './pairs.js';
import { phrasesOf } from './phrases.js';
import { tokenise, type Tokens } from './tokens.js';

/** One place of one sentence: `[start, end)` in its document. */
export interface Span {
  sentence: number;
  start: number;
  end: number;
}

/**
 * A member words the place as the reading does when the characters they share cover it and
 * two more beside it, or one that is a space: no word can run across that edge.
 */
const covers = (common: number, place: number, text: string, beside: number) => common >= place + 2 || (common >= place + 1 && isSpaceCode(text.charCodeAt(beside)));

/** The member's own words at the place, when its whole sentence must be read. */
function placeIn(reading: GroupText, a0: number, a1: number, cls: number, tokens: Tokens, language: ConflictWords | undefined): [number, number] | null {
  const phrases = phrasesOf(tokens, language);
  const end = (from: number, to: number) => {
    if (cls === NAME) return tokens.end[to - 1]!;
    const phrase = phrases.find((p) => classOf(p) === cls && p.from === from && p.to === to);
    return phrase === undefined ? -1 : tokens.end[phrase.spanTo - 1]!;
  };
  if (signatureOf(phrases) === reading.signature) {
    // The same phrases in the same order: the place is the same phrases.
    const first = reading.phrases.findIndex((p) => p.from >= a0 && p.to <= a1);
    let last = first;
    while (last + 1 < reading.phrases.length && reading.phrases[last + 1]!.to <= a1) last++;
    if (first >= 0) {
      const from = phrases[first]!.from;
      const to = phrases[last]!.to;
      if (to - from === a1 - a0 && end(from, to) >= 0) return [tokens.start[from]!, end(from, to)];
    }
  }
  const match = align(reading.tokens.key, tokens.key);
  const mapped = mapRange(match, true, a0, a1) ?? (cls === NAME && language !== undefined ? respelt(reading.tokens, tokens, match, a0, a1, language) : null);
  if (mapped === null || end(mapped[0], mapped[1]) < 0) return null;
  return [tokens.start[mapped[0]]!, end(mapped[0], mapped[1])];
}

/**
 * A name the member spells otherwise ("Ptuin" for "Putin"): its words where the reading's
 * `[a0, a1)` stand, through the hunks of their alignment, when they are capitalised and the
 * same name by `sameName`.
 */
function respelt(ours: Tokens, theirs: Tokens, match: Int32Array, a0: number, a1: number, language: ConflictWords): [number, number] | null {
  const hunks = hunksOf(match, ours.key.length, theirs.key.length);
  let from = -1;
  let to = -1;
  for (let i = a0; i < a1; i++) {
    let lo = match[i]!;
    let hi = lo + 1;
    if (lo < 0) {
      const hunk = hunks.find((h) => h.a0 <= i && i < h.a1)!;
      if (hunk.a1 - hunk.a0 === hunk.b1 - hunk.b0) [lo, hi] = [hunk.b0 + i - hunk.a0, hunk.b0 + i - hunk.a0 + 1];
      else if (a0 <= hunk.a0 && hunk.a1 <= a1 && hunk.b1 > hunk.b0) [lo, hi] = [hunk.b0, hunk.b1];
      else return null;
    }
    if (from < 0) from = lo;
    else if (lo !== to && !(lo >= from && hi <= to)) return null;
    to = Math.max(to, hi);
  }
  for (let k = from; k < to; k++) if (!/^\p{Lu}/u.test(theirs.text.slice(theirs.start[k]!, theirs.end[k]!))) return null;
  return sameName(ours.key.slice(a0, a1), theirs.key.slice(from, to), language) ? [from, to] : null;
}

/** Work between two pauses: a member compared by its edges is a unit per 64 characters, one read in full 50 more. */
const PAUSE_WORK = 2_000;

/**
 * The spans of place `[a0, a1)` (ending at offset `placeEnd`) of a reading, one per member that
 * words it. Pauses by work: a fact reprinted by thousands of documents has as many members.
 */
export function* memberSpans(reading: GroupText, a0: number, a1: number, placeEnd: number, cls: number, segments: Segments, language: ConflictWords | undefined): Work<Span[]> {
  const { text, from: readingFrom, to: readingTo } = reading.tokens;
  const start = reading.tokens.start[a0]! - readingFrom;
  const end = placeEnd - readingFrom;
  const length = readingTo - readingFrom;
  const spans: Span[] = [];
  let work = 0;
  for (const sentence of reading.members) {
    const own = segments.analysisText[segments.doc[sentence]!]!;
    const from = segments.start[sentence]!;
    const to = segments.end[sentence]!;
    const shorter = Math.min(length, to - from);
    // The edges are compared character by character, up to the whole sentence.
    if ((work += 1 + (shorter >> 6)) >= PAUSE_WORK) {
      work = 0;
      yield;
    }
    // What differs lies after the place (or before it): the place is as far from the sentence's
    // start (or end). The nearer edge is tried first.
    const fromStart = () => {
      const prefix = commonPrefix(text, readingFrom, own, from, Math.min(shorter, end + 2));
      return (prefix === length && to - from === length) || covers(prefix, end, text, readingFrom + end);
    };
    const fromEnd = () => covers(commonSuffix(text, readingTo, own, to, Math.min(shorter, length - start + 2)), length - start, text, readingFrom + start - 1);
    const startFirst = end <= length - start;
    if (startFirst ? fromStart() : fromEnd()) spans.push(startFirst ? { sentence, start: from + start, end: from + end } : { sentence, start: to - (length - start), end: to - (length - end) });
    else if (startFirst ? fromEnd() : fromStart()) spans.push(startFirst ? { sentence, start: to - (length - start), end: to - (length - end) } : { sentence, start: from + start, end: from + end });
    else {
      work += 50;
      const place = placeIn(reading, a0, a1, cls, tokenise(own, from, to, language?.abbreviationsWithDot), language);
      if (place !== null) spans.push({ sentence, start: place[0], end: place[1] });
    }
  }
  return spans;
}
