/**
 * One line of text → its sentences, as offsets into the line.
 *
 * `sbd` decides where sentences end after `.`, `!` and `?`; other sentence ends (`。`, `।`,
 * `؟`, …) split the line before it sees it. `sbd` returns its sentences re-joined with single
 * spaces, so each is mapped back onto the original token by token: offsets are found in the
 * text, never rebuilt.
 */
import sbd, { type Options as SbdOptions } from 'sbd';
import { CLOSERS, OTHER_SENTENCE_ENDS, type LanguageRules } from '../language/index.js';
import type { LineSplit } from '../model.js';
import type { Work } from '../schedule.js';
import { isSpaceCode, trimSpan } from '../text.js';
import { datelinePrefixLength } from './furniture.js';

/** Lines longer than this are cut (preferably after a full stop) before `sbd` sees them. */
const LINE_CHUNK = 100_000;

/** Characters `sbd` may drop between the words it returns: separator runs, its newline placeholder. */
const DROPPED_BY_SBD = /^[\s\-#=_+*@~]*$/;

const HAS_OTHER_END = new RegExp(`[${OTHER_SENTENCE_ENDS}]`, 'u');
const OTHER_END = new RegExp(`[${OTHER_SENTENCE_ENDS}]+[${CLOSERS.replace(/[\]\\]/g, '\\$&')}]*`, 'gu');

/** An initialism such as "U.N." or "D.C." at the end of a text. */
const ENDS_WITH_INITIALISM = /(?:^|[\s(])(?:\p{Lu}\.){2,}$/u;

/** Closing punctuation `sbd` can leave out of a sentence it split inside a word ("said.Then"). */
function isClosingPunctuation(code: number): boolean {
  return (
    code === 46 || code === 33 || code === 63 || code === 34 || code === 39 || code === 41 || code === 93 ||
    code === 0x2026 || code === 0x201d || code === 0x2019 || code === 0xbb
  );
}

/** Move a cut point off the middle of a surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff && at > 0 ? at - 1 : at;
}

/**
 * sbd ends a sentence after "U.N." whenever a capitalised word follows (its check for names
 * after an abbreviation only looks at the first words of its input). In news the next word
 * nearly always continues the sentence ("U.N. Security Council", "U.S. Embassy"); join the
 * two unless it is a word that opens sentences.
 */
function joinAfterInitialisms(text: string, spans: number[], openers: ReadonlySet<string>): number[] {
  if (spans.length < 4) return spans;
  // One pass building a new list: splicing in place would be quadratic on "U.S. Navy U.S. Navy …".
  const joined: number[] = [spans[0]!, spans[1]!];
  for (let s = 2; s < spans.length; s += 2) {
    const start = spans[s]!;
    const end = spans[s + 1]!;
    const previousEnd = joined[joined.length - 1]!;
    const tail = text.slice(Math.max(joined[joined.length - 2]!, previousEnd - 40), previousEnd);
    const firstWord = /^\S+/.exec(text.slice(start, Math.min(start + 40, end)))?.[0] ?? '';
    if (ENDS_WITH_INITIALISM.test(tail) && /^\p{Lu}/u.test(firstWord) && !firstWord.endsWith(',') && !openers.has(firstWord.replace(/[’'].*$/, ''))) {
      joined[joined.length - 1] = end; // [a, b] + [c, d] → [a, d]
    } else joined.push(start, end);
  }
  return joined;
}

/** A character `sbd` may drop between two words it returns (whitespace and the separators of DROPPED_BY_SBD). */
function isDropped(code: number): boolean {
  return isSpaceCode(code) || code === 45 || code === 35 || code === 61 || code === 95 || code === 43 || code === 42 || code === 64 || code === 126;
}

/**
 * Find an sbd sentence in the text from `cursor` by walking both together: each word of the
 * piece must follow the previous one in the text with only dropped characters between. On
 * success `found` holds the start of its first word (−1 when it has none) and the end of its
 * last, and it returns true. It succeeds only where `searchPiece` finds the same words at the
 * same offsets (tested), and fails where that search must decide (a word that itself starts
 * with a separator, a word sbd changed).
 */
export function walkPiece(text: string, piece: string, cursor: number, to: number, found: Int32Array): boolean {
  let firstWordAt = -1;
  let end = cursor;
  let c = cursor;
  for (let p = 0; p < piece.length; ) {
    if (piece.charCodeAt(p) === 32) {
      p++;
      continue;
    }
    while (c < to && isDropped(text.charCodeAt(c))) c++;
    const wordStart = c;
    for (; p < piece.length && piece.charCodeAt(p) !== 32; p++, c++) if (c >= to || text.charCodeAt(c) !== piece.charCodeAt(p)) return false;
    if (firstWordAt < 0) firstWordAt = wordStart;
    end = c;
  }
  found[0] = firstWordAt;
  found[1] = end;
  return true;
}

/**
 * sbd's options per language, made once. sbd copies them with `for…in`, so they have no
 * prototype: a polluted `Object.prototype` cannot turn on its HTML sanitiser.
 */
const sbdOptionsOf = new WeakMap<LanguageRules, SbdOptions>();
function sbdOptions(rules: LanguageRules): SbdOptions {
  let options = sbdOptionsOf.get(rules);
  if (options === undefined) {
    options = Object.assign(Object.create(null) as SbdOptions, { newline_boundaries: true, abbreviations: [...rules.abbreviations] });
    sbdOptionsOf.set(rules, options);
  }
  return options;
}

/** Append the sentences `sbd` finds in `text[from, to)` (trimmed) to `spans` as start/end pairs. */
function splitChunk(text: string, from: number, to: number, rules: LanguageRules, spans: number[]): void {
  const chunk = text.slice(from, to);
  // No sentence-ending character and nothing sbd treats as a break: one sentence, no sbd call.
  if (!/[.!?]|[-#=_+*]{4}|@~@/.test(chunk)) {
    spans.push(from, to);
    return;
  }
  let pieces: string[] | undefined;
  try {
    pieces = sbd.sentences(chunk, sbdOptions(rules));
  } catch {
    // sbd 1.0.19 throws on a line of only separators ("----"); there is no sentence in it.
    pieces = undefined;
  }
  if (!pieces) {
    if (!DROPPED_BY_SBD.test(chunk)) spans.push(from, to);
    return;
  }
  let cursor = from;
  const found = new Int32Array(2);
  for (const piece of pieces) {
    // The common case is found without allocating; the word-by-word search decides the rest.
    if (!walkPiece(text, piece, cursor, to, found) && !searchPiece(text, piece, cursor, from, to, found)) {
      // Never seen, but offsets must stay exact whatever sbd returns: the rest is one sentence.
      const [restStart, restEnd] = trimSpan(text, cursor, to);
      if (restStart < restEnd) spans.push(restStart, restEnd);
      return;
    }
    const start = found[0]!;
    let end = found[1]!;
    if (start < 0) continue; // a piece with no word
    while (end < to && isClosingPunctuation(text.charCodeAt(end))) end++;
    cursor = end;
    spans.push(start, end);
  }
}

/**
 * Find an sbd sentence word by word from `cursor`: each word at its next occurrence in
 * `text[chunkStart, to)`, with nothing but what sbd drops before it. On success `found` holds
 * the start of its first word (−1 when it has none) and the end of its last. Exported for the
 * test that holds `walkPiece` to it.
 */
export function searchPiece(text: string, piece: string, cursor: number, chunkStart: number, to: number, found: Int32Array): boolean {
  const chunk = text.slice(chunkStart, to);
  let start = -1;
  let end = cursor;
  for (const token of piece.split(' ')) {
    if (token === '') continue;
    // Searched in the chunk, so a token sbd changed costs one chunk scan, not a document scan.
    const index = chunk.indexOf(token, cursor - chunkStart);
    const at = index < 0 ? -1 : index + chunkStart;
    // The gap is nearly always empty or one space; only an unusual gap needs the regex.
    const gap = at - cursor;
    const plainGap = gap === 0 || (gap === 1 && isSpaceCode(text.charCodeAt(cursor)));
    if (at < 0 || at + token.length > to || (!plainGap && !DROPPED_BY_SBD.test(text.slice(cursor, at)))) return false;
    if (start < 0) start = at;
    end = at + token.length;
    cursor = end;
  }
  found[0] = start;
  found[1] = end;
  return true;
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

/** Cut a trimmed line into chunks `sbd` can take in one call, preferring to cut after a full stop. */
function chunkLine(text: string, from: number, to: number): [number, number][] {
  const chunks: [number, number][] = [];
  let position = from;
  while (to - position > LINE_CHUNK) {
    const limit = position + LINE_CHUNK;
    let cut = -1;
    // Only the last tenth is searched: a lastIndexOf over the whole line would be quadratic.
    const windowStart = position + Math.floor(LINE_CHUNK * 0.9);
    const stop = text.slice(windowStart, limit).lastIndexOf('. ');
    if (stop >= 0) cut = windowStart + stop + 1;
    if (cut < 0) for (let i = limit; i > position + LINE_CHUNK / 2; i--) if (isSpaceCode(text.charCodeAt(i))) { cut = i; break; }
    if (cut < 0) cut = safeCut(text, limit);
    const [a, b] = trimSpan(text, position, cut);
    if (a < b) chunks.push([a, b]);
    position = cut;
  }
  const [a, b] = trimSpan(text, position, to);
  if (a < b) chunks.push([a, b]);
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

/**
 * Sentences of one trimmed line of text: sbd, the initialism repair, a dateline split off,
 * over-long runs cut. Yields after each chunk of a long line, so the event loop can run in between.
 */
export function* splitLine(line: string, maxSentenceLength: number, rules: LanguageRules): Work<LineSplit> {
  let found: number[] = [];
  const otherEnds = HAS_OTHER_END.test(line);
  const chunks = chunkLine(line, 0, line.length);
  for (const [a, b] of chunks) {
    if (otherEnds) for (const [c, d] of clauses(line, a, b)) splitChunk(line, c, d, rules, found);
    else splitChunk(line, a, b, rules, found);
    if (chunks.length > 1) yield;
  }
  if (rules.openersAfterInitialism) found = joinAfterInitialisms(line, found, rules.openersAfterInitialism);
  // A dateline ("SEOUL, South Korea —") opening the line becomes a sentence of its own (marked
  // as furniture), so the story's first sentence reads without it and no text is lost.
  if (found.length >= 2) {
    const first = line.slice(found[0]!, found[1]!);
    const prefix = datelinePrefixLength(first, rules.furniture);
    if (prefix > 0 && prefix < first.length) {
      const [datelineStart, datelineEnd] = trimSpan(line, found[0]!, found[0]! + prefix);
      found.splice(0, 1, datelineStart, datelineEnd, found[0]! + prefix);
    }
  }
  const spans: number[] = [];
  const overlong: number[] = [];
  const runs: [number, number][] = [];
  for (let s = 0; s < found.length; s += 2) {
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
