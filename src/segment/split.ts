/**
 * One line of text → its sentences, as offsets into the line: long lines cut into chunks,
 * sentence ends other than `.!?` (`。`, `।`, `؟`, …) cut before `sbd` sees a chunk (sbd.ts),
 * initialisms repaired, a dateline split off, over-long runs cut into pieces.
 */
import { CLOSERS, OTHER_SENTENCE_ENDS, type LanguageRules } from '../language/index.js';
import type { LineSplit } from '../caches.js';
import type { Work } from '../schedule.js';
import { isSpaceCode, trimSpan } from '../text.js';
import { datelinePrefixLength, openingFurnitureLength } from './furniture.js';
import { splitChunk } from './sbd.js';

/**
 * Lines longer than this are cut (preferably after a full stop) before `sbd` sees them. One sbd
 * call cannot be paused, and its cost per character varies 30-fold: a word such as "x1.x1.x1…"
 * sends it through a URL pattern that backtracks up to 256 characters at each position (1–1.5 µs
 * a character, against 0.04 µs for prose), so a chunk of this size costs up to about 12 ms.
 */
export const LINE_CHUNK = 8_000;

const HAS_OTHER_END = new RegExp(`[${OTHER_SENTENCE_ENDS}]`, 'u');
const OTHER_END = new RegExp(`[${OTHER_SENTENCE_ENDS}]+[${CLOSERS.replace(/[\]\\]/g, '\\$&')}]*`, 'gu');

/** An initialism such as "U.N." or "D.C." at the end of a text. */
const ENDS_WITH_INITIALISM = /(?:^|[\s(])(?:\p{Lu}\.){2,}$/u;
/** A time of day ("3 p.m.", "10:30 a.m.") at the end of a text. */
const ENDS_WITH_TIME = /\d\s?[ap]\.m\.$/;

/** Move a cut point off the middle of a surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff && at > 0 ? at - 1 : at;
}

/**
 * sbd ends a sentence after "U.N." or "3 p.m." whenever a capitalised word follows (its check
 * for names after an abbreviation only looks at the first words of its input). After an
 * initialism the next word nearly always continues the sentence ("U.N. Security Council"):
 * join the two unless it is a word that opens sentences. After a time it continues only when
 * it is a time zone, a weekday or a month ("3 p.m. Eastern time", not "at 11 a.m. Rubble fell").
 */
function* joinAfterInitialisms(text: string, spans: number[], rules: LanguageRules): Work<number[]> {
  const openers = rules.openersAfterInitialism!;
  const continuations = rules.continuationsAfterTime;
  if (spans.length < 4) return spans;
  // One pass building a new list: splicing in place would be quadratic on "U.S. Navy U.S. Navy …".
  const joined: number[] = [spans[0]!, spans[1]!];
  for (let s = 2; s < spans.length; s += 2) {
    if ((s & 32767) === 0) yield; // a line of megabytes ("U.S. U.S. …") has a million spans
    const start = spans[s]!;
    const end = spans[s + 1]!;
    const previousEnd = joined[joined.length - 1]!;
    // An initialism ends ".X." (cheap to rule out first: this runs on every sentence of a line).
    if (text.charCodeAt(previousEnd - 1) !== 46 || text.charCodeAt(previousEnd - 3) !== 46) {
      joined.push(start, end);
      continue;
    }
    const tail = text.slice(Math.max(joined[joined.length - 2]!, previousEnd - 40), previousEnd);
    const firstWord = /^\S+/.exec(text.slice(start, Math.min(start + 40, end)))?.[0] ?? '';
    const continues = ENDS_WITH_INITIALISM.test(tail)
      ? /^\p{Lu}/u.test(firstWord) && !firstWord.endsWith(',') && !openers.has(firstWord.replace(/[’'].*$/, ''))
      : continuations !== undefined && ENDS_WITH_TIME.test(tail) && continuations.has(firstWord.replace(/[.,;:!?]+$/, ''));
    if (continues) {
      joined[joined.length - 1] = end; // [a, b] + [c, d] → [a, d]
    } else joined.push(start, end);
  }
  return joined;
}

/** `[from, to)` cut after each sentence end that is not `.!?` (with its closing quotes), trimmed. */
function clauses(text: string, from: number, to: number): [number, number][] {
  const found: [number, number][] = [];
  let position = from;
  OTHER_END.lastIndex = from;
  for (let match = OTHER_END.exec(text); match !== null && match.index < to; match = OTHER_END.exec(text)) {
    const end = Math.min(match.index + match[0].length, to);
    const [a, b] = trimSpan(text, position, end);
    if (a < b) found.push([a, b]);
    position = end;
  }
  const [a, b] = trimSpan(text, position, to);
  if (a < b) found.push([a, b]);
  return found;
}

/**
 * The last full stop in `text[from, to)` that ends a sentence as sbd would read it: followed by
 * whitespace and a capital, a digit or an opening quote, after a word that is no abbreviation
 * ("Mr. Smith") and no single letter ("J. Smith"). Returns the position after the stop, or −1.
 */
function lastSentenceStop(text: string, from: number, to: number, abbreviations: ReadonlySet<string>): number {
  // Searched in a copy of the window: a lastIndexOf in the line would go on to its start.
  const window = text.slice(from, to);
  for (let found = window.lastIndexOf('. '); found >= 0; found = found === 0 ? -1 : window.lastIndexOf('. ', found - 1)) {
    const at = from + found;
    let next = at + 2;
    while (next < to && isSpaceCode(text.charCodeAt(next))) next++;
    if (next >= to || !STARTS_SENTENCE.test(text[next]!)) continue;
    let wordStart = at;
    while (wordStart > from && !isSpaceCode(text.charCodeAt(wordStart - 1))) wordStart--;
    // As sbd reads a word before its abbreviation list: without brackets, quotes and other symbols.
    const word = text.slice(wordStart, at).replace(SYMBOLS, '');
    if (word.length > 1 && !word.includes('.') && !abbreviations.has(word)) return at + 1;
  }
  return -1;
}
const STARTS_SENTENCE = /["“‘'(\p{Lu}\p{N}]/u;
const SYMBOLS = /[-'`~!@#$%^&*()_|+=?;:",<>{}[\]\\/]/g;

/** Each language's abbreviations as a set, made once. */
const abbreviationSets = new WeakMap<LanguageRules, ReadonlySet<string>>();
function abbreviationsOf(rules: LanguageRules): ReadonlySet<string> {
  let set = abbreviationSets.get(rules);
  if (set === undefined) abbreviationSets.set(rules, (set = new Set(rules.abbreviations)));
  return set;
}

/**
 * Cut a trimmed line into chunks `sbd` can take in one call, preferring to cut after a full
 * stop. A chunk is `[start, end, cutAtStop]`: whether the cut after it follows a full stop
 * (else it fell inside a run of words, which the caller joins again).
 */
function chunkLine(text: string, from: number, to: number, abbreviations: ReadonlySet<string>): [number, number, boolean][] {
  const chunks: [number, number, boolean][] = [];
  let position = from;
  while (to - position > LINE_CHUNK) {
    const limit = position + LINE_CHUNK;
    // Only the last tenth is searched: a lastIndexOf over the whole line would be quadratic.
    let cut = lastSentenceStop(text, position + Math.floor(LINE_CHUNK * 0.9), limit, abbreviations);
    const atStop = cut >= 0;
    if (cut < 0) for (let i = limit; i > position + LINE_CHUNK / 2; i--) if (isSpaceCode(text.charCodeAt(i))) { cut = i; break; }
    if (cut < 0) cut = safeCut(text, limit);
    const [a, b] = trimSpan(text, position, cut);
    if (a < b) chunks.push([a, b, atStop]);
    position = cut;
  }
  const [a, b] = trimSpan(text, position, to);
  if (a < b) chunks.push([a, b, true]);
  return chunks;
}

/** Cut `[from, to)` into pieces of at most `max` code units, at whitespace where there is some. */
function cutOverlong(text: string, from: number, to: number, max: number): number[] {
  const pieces: number[] = [];
  let position = from;
  while (to - position > max) {
    let cut = -1;
    for (let i = position + max; i > position + max / 2; i--) if (isSpaceCode(text.charCodeAt(i))) { cut = i; break; }
    if (cut < 0) cut = safeCut(text, position + max);
    const [a, b] = trimSpan(text, position, cut);
    if (a < b) pieces.push(a, b);
    position = cut;
  }
  const [a, b] = trimSpan(text, position, to);
  if (a < b) pieces.push(a, b);
  return pieces;
}

/** Length of the credit and dash opening `sentence` ("(Reuters) -"), when the story follows; else 0. */
function creditLength(sentence: string, rules: LanguageRules): number {
  if (sentence.charCodeAt(0) !== 0x28 /* ( */) return 0;
  const prefix = datelinePrefixLength(sentence, rules.furniture);
  // With a dash only: "(LAUGHTER) Thank you" in a transcript is no credit.
  return prefix < sentence.length && /^\([^)]*\)\s*[—–-]/.test(sentence) ? prefix : 0;
}

/** `found` with the outlet's credits opening any sentence after the first made sentences of their own. */
function* splitCredits(line: string, found: number[], rules: LanguageRules): Work<number[]> {
  let out: number[] | undefined;
  for (let s = 2; s < found.length; s += 2) {
    if ((s & 65535) === 0) yield;
    let a = found[s]!;
    const b = found[s + 1]!;
    // Credits one after another ("(Reuters) -- (AP) — The …") each become a sentence.
    // A window, not the whole sentence: a sentence of a hundred thousand credits is read once.
    const window = () => line.slice(a, Math.min(b, a + 256));
    for (let prefix = creditLength(window(), rules); prefix > 0; prefix = creditLength(window(), rules)) {
      out ??= found.slice(0, s);
      const [creditStart, creditEnd] = trimSpan(line, a, a + prefix);
      out.push(creditStart, creditEnd);
      a += prefix;
    }
    if (out) out.push(a, b);
  }
  return out ?? found;
}

/**
 * Sentences of one trimmed line of text: sbd, the initialism repair, a dateline split off,
 * over-long runs cut. Yields after each chunk of a long line, so the event loop can run in between.
 */
export function* splitLine(line: string, maxSentenceLength: number, rules: LanguageRules): Work<LineSplit> {
  let found: number[] = [];
  let joinNext = false; // the previous chunk ended inside a run of words
  const otherEnds = HAS_OTHER_END.test(line);
  const chunks = chunkLine(line, 0, line.length, abbreviationsOf(rules));
  for (const [a, b, cutAtStop] of chunks) {
    const first = found.length;
    if (otherEnds) for (const [c, d] of clauses(line, a, b)) splitChunk(line, c, d, rules, found);
    else splitChunk(line, a, b, rules, found);
    // A cut inside a run of words is no sentence end: the run goes on into the next chunk.
    if (joinNext && first < found.length) found.splice(first - 1, 2);
    joinNext = !cutAtStop && found.length > 0;
    if (chunks.length > 1) yield;
  }
  if (rules.openersAfterInitialism) found = yield* joinAfterInitialisms(line, found, rules);
  // A dateline ("SEOUL, South Korea —") opening the line becomes a sentence of its own (marked
  // as furniture), so the story's first sentence reads without it and no text is lost.
  if (found.length >= 2) {
    const first = line.slice(found[0]!, found[1]!);
    const prefix = openingFurnitureLength(first, rules.furniture);
    if (prefix > 0 && prefix < first.length) {
      const [datelineStart, datelineEnd] = trimSpan(line, found[0]!, found[0]! + prefix);
      found.splice(0, 1, datelineStart, datelineEnd, found[0]! + prefix);
    }
  }
  // An outlet's credit ("(Reuters) -") can open a later sentence too, when a subheading and the
  // story were scraped onto one line: only a bracketed credit and a dash are looked for there.
  if (found.length >= 4 && rules.furniture.datelinePrefix) found = yield* splitCredits(line, found, rules);
  const spans: number[] = [];
  const overlong: number[] = [];
  const runs: [number, number][] = [];
  for (let s = 0; s < found.length; s += 2) {
    if (s > 0 && (s & 65535) === 0) yield;
    const a = found[s]!;
    const b = found[s + 1]!;
    if (b - a <= maxSentenceLength) {
      spans.push(a, b);
      overlong.push(0);
      continue;
    }
    const pieces = cutOverlong(line, a, b, maxSentenceLength);
    for (let p = 0; p < pieces.length; p += 2) {
      spans.push(pieces[p]!, pieces[p + 1]!);
      overlong.push(1);
    }
    runs.push([a, b]);
  }
  return { spans, overlong: Uint8Array.from(overlong), runs };
}
