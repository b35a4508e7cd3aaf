/**
 * The words of one sentence as the conflict finder compares them: each with its exact offsets
 * in the document's text and a key that ignores what is only house style (case, curly or
 * straight apostrophes, a possessive, the full stops of "U.S.").
 */
import { isCjkCode } from '../text.js';

/**
 * One sentence's words, as parallel arrays: word k is `text.slice(start[k], end[k])` and
 * compares by `key[k]`. `text` is the whole document's text; the sentence is `[from, to)`.
 */
export interface Tokens {
  text: string;
  from: number;
  to: number;
  start: number[];
  end: number[];
  key: string[];
}

/**
 * An initialism ("U.S.", "a.m."), or letters, marks and digits joined by an apostrophe, and
 * by `. , : /` between digits ("1.6", "1,000", "10:30", "9/11"), with an optional currency sign
 * before and "%" after. Hyphens and dashes always separate ("Jong-un", "17-month"): a number
 * and its unit stay two words.
 */
const WORD = /[$£€¥]?(?:\p{L}\.){2,}|[$£€¥]?[\p{L}\p{M}\p{N}]+(?:(?:['’](?=\p{L})|(?<=\p{N})[.,:/](?=\p{N}))[\p{L}\p{M}\p{N}]+)*%?/gu;
const ASCII = /^[\x00-\x7f]*$/;
const NOT_KEY = /[^\p{L}\p{M}\p{N}]+/gu;
const NOT_KEY_ASCII = /[^a-z0-9]+/g;

const PLAIN_WORD = /^[a-z0-9]*$/;

/** The comparison key of one word: NFKC, lower case, letters, marks and digits only, a possessive "'s" dropped. */
export function tokenKey(word: string): string {
  if (ASCII.test(word)) {
    const lower = word.toLowerCase();
    if (PLAIN_WORD.test(lower)) return lower;
    return (lower.endsWith("'s") ? lower.slice(0, -2) : lower).replace(NOT_KEY_ASCII, '');
  }
  let folded = word.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'");
  if (folded.endsWith("'s")) folded = folded.slice(0, -2);
  return folded.replace(ASCII.test(folded) ? NOT_KEY_ASCII : NOT_KEY, '');
}

function hasCjk(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isCjkCode(word.charCodeAt(i))) return true;
  return false;
}

function push(tokens: Tokens, start: number, end: number, key: string): void {
  if (key === '') return;
  tokens.start.push(start);
  tokens.end.push(end);
  tokens.key.push(key);
}

/** Han, Hiragana and Katakana have no spaces: each character is a word, and a run of other characters (digits) between them is one. */
function pushCjk(tokens: Tokens, word: string, at: number): void {
  let run = -1;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (!isCjkCode(code)) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0) push(tokens, at + run, at + i, tokenKey(word.slice(run, i)));
    run = -1;
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    push(tokens, at + i, at + i + width, word.slice(i, i + width));
    i += width - 1;
  }
  if (run >= 0) push(tokens, at + run, at + word.length, tokenKey(word.slice(run)));
}

/** Text of ASCII and the typographic quotes and dashes news uses: read by `plainWords`, not the regular expression. */
const PLAIN = /^[\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014]*$/;
const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * `WORD` by hand, for plain text (most news, about four times faster): the same words with the
 * same offsets. Pushes `[start, end)` pairs relative to `sentence`.
 */
function plainWords(sentence: string, spans: number[]): void {
  const n = sentence.length;
  for (let i = 0; i < n; ) {
    const c = sentence.charCodeAt(i);
    const currency = c === 36 && i + 1 < n && isAlnum(sentence.charCodeAt(i + 1)) ? 1 : 0;
    if (!currency && !isAlnum(c)) {
      i++;
      continue;
    }
    const start = i;
    let j = i + currency;
    // An initialism: a letter and a full stop, twice or more ("U.S.", "a.m.").
    let k = j;
    while (k + 1 < n && isLetter(sentence.charCodeAt(k)) && sentence.charCodeAt(k + 1) === 46) k += 2;
    if (k - j >= 4) {
      spans.push(start, k);
      i = k;
      continue;
    }
    while (j < n && isAlnum(sentence.charCodeAt(j))) j++;
    for (;;) {
      const joiner = sentence.charCodeAt(j);
      const next = sentence.charCodeAt(j + 1);
      const apostrophe = (joiner === 39 || joiner === 0x2019) && isLetter(next);
      const separator = (joiner === 46 || joiner === 44 || joiner === 58 || joiner === 47) && isDigit(sentence.charCodeAt(j - 1)) && isDigit(next);
      if (j + 1 >= n || !(apostrophe || separator)) break;
      j++;
      while (j < n && isAlnum(sentence.charCodeAt(j))) j++;
    }
    if (j < n && sentence.charCodeAt(j) === 37) j++;
    spans.push(start, j);
    i = j;
  }
}

/** `[start, end)` of each word of a sentence, by hand when it is plain (`byHand` is for tests). */
export function wordSpans(sentence: string, byHand = PLAIN.test(sentence)): number[] {
  const spans: number[] = [];
  if (byHand) plainWords(sentence, spans);
  else {
    WORD.lastIndex = 0;
    for (let match = WORD.exec(sentence); match !== null; match = WORD.exec(sentence)) spans.push(match.index, match.index + match[0].length);
  }
  return spans;
}

/**
 * The words of `text[from, to)`. An abbreviation in `withDot` keeps its full stop ("Sept.",
 * "Mr."): the span is the word as written. A possessive's "'s" is left out of the span (not
 * only the key), so "Anna's" and "Maria's" differ in exactly "Anna" / "Maria".
 */
export function tokenise(text: string, from: number, to: number, withDot: ReadonlySet<string> | undefined): Tokens {
  const tokens: Tokens = { text, from, to, start: [], end: [], key: [] };
  const sentence = text.slice(from, to);
  const spans = wordSpans(sentence);
  for (let p = 0; p < spans.length; p += 2) {
    const start = from + spans[p]!;
    let end = from + spans[p + 1]!;
    let word = sentence.slice(spans[p]!, spans[p + 1]!);
    if (hasCjk(word)) {
      pushCjk(tokens, word, start);
      continue;
    }
    if (withDot !== undefined && end < to && text.charCodeAt(end) === 46 && withDot.has(word.toLowerCase())) {
      end++;
      word += '.';
    }
    const key = tokenKey(word);
    const last = word.charCodeAt(word.length - 1);
    const before = word.charCodeAt(word.length - 2);
    // A possessive: "'s" after at least one character.
    if (word.length >= 3 && (last === 115 || last === 83) && (before === 39 || before === 0x2019)) end -= 2;
    push(tokens, start, end, key);
  }
  return tokens;
}

/** The text between word k and the one before it (or the sentence's start). */
export function gapBefore(tokens: Tokens, k: number): string {
  return tokens.text.slice(k === 0 ? tokens.from : tokens.end[k - 1]!, tokens.start[k]!);
}

/** Word k as written. */
export function wordAt(tokens: Tokens, k: number): string {
  return tokens.text.slice(tokens.start[k]!, tokens.end[k]!);
}
