/**
 * The adapter to `sbd`: it decides where sentences end after `.`, `!` and `?`, and returns
 * them re-joined with single spaces, so each is found again in the original text: offsets are
 * found, never rebuilt.
 */
import sbd, { type Options as SbdOptions } from 'sbd';
import type { LanguageRules } from '../language/index.js';
import { isSpaceCode, trimSpan } from '../text.js';

/** Characters `sbd` may drop between the words it returns: separator runs, its newline placeholder. */
const DROPPED_BY_SBD = /^[\s\-#=_+*@~]*$/;

/** Closing punctuation: what `sbd` can leave out of a sentence it split inside a word ("said.Then"), and what may follow a stop in a one-sentence chunk (`chunkShape`). */
function isClosingPunctuation(code: number): boolean {
  return (
    code === 46 || code === 33 || code === 63 || code === 34 || code === 39 || code === 41 || code === 93 ||
    code === 0x2026 || code === 0x201d || code === 0x2019 || code === 0xbb
  );
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
  // Most pieces are the text itself, words and single spaces as written: one comparison, from
  // the first character sbd keeps (a piece that opens with a dropped one cannot match there). A
  // piece that ends in a space takes the walk below: its end is its last word's.
  let c = cursor;
  while (c < to && isDropped(text.charCodeAt(c))) c++;
  const n = piece.length;
  if (n > 0 && c + n <= to && piece.charCodeAt(n - 1) !== 32 && text.startsWith(piece, c)) {
    found[0] = c;
    found[1] = c + n;
    return true;
  }
  let firstWordAt = -1;
  let end = cursor;
  c = cursor;
  for (let p = 0; p < n; ) {
    if (piece.charCodeAt(p) === 32) {
      p++;
      continue;
    }
    while (c < to && isDropped(text.charCodeAt(c))) c++;
    const wordStart = c;
    for (; p < n && piece.charCodeAt(p) !== 32; p++, c++) if (c >= to || text.charCodeAt(c) !== piece.charCodeAt(p)) return false;
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
const sbdOptionsOf = new WeakMap<LanguageRules, [SbdOptions, SbdOptions]>();
function sbdOptions(rules: LanguageRules, breaks: boolean): SbdOptions {
  let options = sbdOptionsOf.get(rules);
  if (options === undefined) {
    const made = (newline_boundaries: boolean) => Object.assign(Object.create(null) as SbdOptions, { newline_boundaries, abbreviations: [...rules.abbreviations] });
    options = [made(false), made(true)];
    sbdOptionsOf.set(rules, options);
  }
  return options[breaks ? 1 : 0];
}

/** Per ASCII code: what `chunkShape` looks for (0: nothing). */
const SEPARATOR = 1;
const NEWLINE = 2;
const AT = 3; // maybe the start of "@~@"
const TERMINATOR = 4; // . ! ?
const MARK = new Uint8Array(128);
for (const mark of '-#=_+*') MARK[mark.charCodeAt(0)] = SEPARATOR;
for (const mark of '.!?') MARK[mark.charCodeAt(0)] = TERMINATOR;
MARK[10] = NEWLINE;
MARK[64] = AT;

/** What `chunkShape` finds. */
export const Shape = {
  /** A newline, a run of four separators or sbd's placeholder for them (`@~@`): what sbd's `newline_boundaries` acts on. */
  BREAKS: 1,
  /** No `.`, `!` or `?`, and no break: one sentence. */
  NO_END: 2,
  /**
   * Every `.`, `!` and `?` in the last word, with nothing after the first of them but more of
   * them and closing punctuation (`isClosingPunctuation`), and no break: sbd finds one sentence, the whole chunk
   * (no word before the last can end one, and no letter follows a stop for sbd to split at).
   */
  ONE_SENTENCE: 3,
  /** Anything else: sbd decides. */
  OTHER: 0,
} as const;

/**
 * The shape of `text[from, to)` (trimmed) in one pass over its char codes, by a table for
 * ASCII: most lines of news are one sentence or a heading, and need no call to sbd; a chunk
 * without break marks gets the same sentences without sbd's `newline_boundaries`, which
 * saves sbd a pass with its expression (`/\n+|[-#=_+*]{4,}/`).
 */
export function chunkShape(text: string, from: number, to: number): number {
  // Native searches for the single characters and the placeholder (a copy-free slice first: a
  // search in the line would run on past the chunk).
  const chunk = text.slice(from, to);
  if (chunk.indexOf('\n') >= 0 || chunk.indexOf('@~@') >= 0) return Shape.BREAKS;
  // A run of four separators covers a position 3 mod 4: only those are looked at first.
  for (let i = 3; i < chunk.length; i += 4) {
    const code = chunk.charCodeAt(i);
    if (code >= 128 || MARK[code] !== SEPARATOR) continue;
    let start = i;
    while (start > 0 && start > i - 3 && isSeparator(chunk.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < chunk.length && end < start + 4 && isSeparator(chunk.charCodeAt(end))) end++;
    if (end - start >= 4) return Shape.BREAKS;
  }
  let firstEnd = chunk.indexOf('.');
  for (const stop of ['!', '?']) {
    const at = chunk.indexOf(stop);
    if (at >= 0 && (firstEnd < 0 || at < firstEnd)) firstEnd = at;
  }
  if (firstEnd < 0) return Shape.NO_END;
  let tail = chunk.length; // where the run of stops and closers ending the chunk starts
  while (tail > firstEnd && isClosingPunctuation(chunk.charCodeAt(tail - 1))) tail--;
  // A first word sbd's words and the text do not start alike ("--The …") is left to sbd and the walk.
  return tail <= firstEnd && !isDropped(chunk.charCodeAt(0)) ? Shape.ONE_SENTENCE : Shape.OTHER;
}

const isSeparator = (code: number): boolean => code < 128 && MARK[code] === SEPARATOR;

/** Whether `text` holds what sbd's `newline_boundaries` acts on (`chunkShape`'s BREAKS). */
export function hasBreakMarks(text: string): boolean {
  return chunkShape(text, 0, text.length) === Shape.BREAKS;
}

/** Append the sentences `sbd` finds in `text[from, to)` (trimmed) to `spans` as start/end pairs. */
export function splitChunk(text: string, from: number, to: number, rules: LanguageRules, spans: number[]): void {
  const shape = chunkShape(text, from, to);
  if (shape === Shape.NO_END || shape === Shape.ONE_SENTENCE) spans.push(from, to); // what splitBySbd gives (tested), without the call
  else splitBySbd(text, from, to, rules, shape === Shape.BREAKS, spans);
}

/** `splitChunk` by a call to sbd, whatever the chunk's shape; `breaks`: sbd is to act on break marks. Exported for the test that holds the shortcuts to it. */
export function splitBySbd(text: string, from: number, to: number, rules: LanguageRules, breaks: boolean, spans: number[]): void {
  const chunk = text.slice(from, to);
  let pieces: string[] | undefined;
  try {
    pieces = sbd.sentences(chunk, sbdOptions(rules, breaks));
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
  const first = spans.length; // this chunk's spans start here
  let lastOpen = -1; // brackets the last span leaves open, once counted (−1: not yet)
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
    if (spans.length > first && spans[spans.length - 1] === start) {
      // sbd ended a sentence at a stop inside brackets with no space after it ("Grimm (R-N." +
      // "Y.), also…", "(KORS.N)"): an abbreviation or ticker, not the sentence's end.
      if (lastOpen < 0) lastOpen = bracketsOpen(text, spans[spans.length - 2]!, start, 0);
      if (lastOpen > 0) {
        spans[spans.length - 1] = end;
        lastOpen = bracketsOpen(text, start, end, lastOpen);
        continue;
      }
    }
    spans.push(start, end);
    lastOpen = -1;
  }
}

/**
 * Round and square brackets left open after `text[from, to)`, `open` being open before it.
 * Counted only where a piece follows with no space, and each span at most once: a run of
 * such pieces joins in one pass, not one per piece.
 */
function bracketsOpen(text: string, from: number, to: number, open: number): number {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 40 || code === 91) open++;
    else if ((code === 41 || code === 93) && open > 0) open--;
  }
  return open;
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

