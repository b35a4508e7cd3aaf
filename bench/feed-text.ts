/**
 * Text helpers for the feed generator and the near-duplicate measure: a simple sentence
 * splitter, comparison keys and the duplicate test. Our own, on purpose: the library's
 * internals (src/) are not imported by these benchmark tools.
 */
import levenshtein from 'fast-levenshtein';

/** The library's duplicate threshold: normalised Levenshtein distance on comparison keys. */
export const DUPLICATE_THRESHOLD = 0.3;

/** Plain text: ASCII and the typographic quotes and dashes news uses, unchanged by NFKC. */
export const PLAIN = /^[\u0000-\u007f\u2018\u2019\u201c\u201d\u2013\u2014]*$/;

/** The comparison key: NFKC, lower-cased, letters and digits only (what the library's dedupe compares). */
export function comparisonKey(text: string): string {
  return PLAIN.test(text) ? text.toLowerCase().replace(/[^a-z0-9]+/g, '') : text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Lower-case word tokens (runs of letters and digits) of a text. */
export function wordsOf(text: string): string[] {
  return (PLAIN.test(text) ? text.toLowerCase().match(/[a-z0-9]+/g) : text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu)) ?? [];
}

/** Words before a full stop that do not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr st jr sr gov sen rep gen lt col sgt capt cmdr adm prof rev hon pres vs etc inc co corp ltd bros mt ft ave no ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo'
  ).split(' '),
);
const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]*[\p{Lu}\p{N}])/gu;
const WORD_BEFORE = /([\p{L}.]+)$/u;

/**
 * A simple regular-expression sentence splitter for one paragraph: a boundary is [.!?] (then
 * any closing quotes or brackets) followed by white space and an upper-case letter or digit
 * (maybe after an opening quote), except after a common abbreviation ("Dr.", "Calif."), an
 * initial ("J.") or a dotted acronym ("U.S."). Enough to make and measure a feed; the
 * library's segmenter is deliberately not used.
 */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(paragraph); match; match = BOUNDARY.exec(paragraph)) {
    if (match[0][0] === '.') {
      const before = WORD_BEFORE.exec(paragraph.slice(Math.max(start, match.index - 12), match.index))?.[1] ?? '';
      if (before.length === 1 || before.includes('.') || ABBREVIATIONS.has(before.toLowerCase())) continue;
    }
    const end = match.index + match[0].length;
    const sentence = paragraph.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

const FINAL = /[.!?]["'”’)\]]*$/;
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * A prose sentence: a final . ! or ? (before any closing quotes) and at least four words with
 * a letter or digit. Page furniture (a headline line, a byline, "Advertisement") is not.
 */
export function isProse(sentence: string): boolean {
  if (!FINAL.test(sentence)) return false;
  let words = 0;
  let at = 0;
  while (at < sentence.length) {
    let next = sentence.indexOf(' ', at);
    if (next < 0) next = sentence.length;
    if (next > at && HAS_WORD.test(sentence.slice(at, next)) && ++words >= 4) return true;
    at = next + 1;
  }
  return false;
}

/** The prose sentences of an article: lines split at sentence ends, furniture left out. */
export function proseSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) if (line) for (const sentence of splitSentences(line)) if (isProse(sentence)) out.push(sentence);
  return out;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The duplicate test on two comparison keys: Levenshtein distance at most `threshold` × the
 * longer length (the library's rule). The length bound first (no pair within the threshold
 * can break it), then fast-levenshtein on what is left after the common prefix and suffix
 * (removing them does not change the distance, and variants share much of both).
 */
export function withinThreshold(a: string, b: string, threshold = DUPLICATE_THRESHOLD): boolean {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return true;
  if (Math.abs(a.length - b.length) > threshold * longer) return false;
  let start = 0;
  const shorter = Math.min(a.length, b.length);
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  if (start + end === shorter) return longer - shorter <= threshold * longer;
  return levenshtein.get(a.slice(start, a.length - end), b.slice(start, b.length - end)) <= threshold * longer;
}

/** Character bins: a–z, the digits in pairs (0 and 5, 1 and 6, …), and one for everything else. */
export const HISTOGRAM_BINS = 32;

/** Adds the character histogram of `key` into `out` at `offset` (HISTOGRAM_BINS counts). */
export function keyHistogram(key: string, out: Int16Array | Int32Array, offset = 0): void {
  for (let i = 0; i < key.length; i++) out[offset + bin(key.charCodeAt(i))]!++;
}

/**
 * A lower bound on the Levenshtein distance of two keys from their histograms: one edit moves
 * at most one count up and one down, so the distance is at least the larger of the total
 * surplus and the total deficit. Binning only weakens the bound; it stays a bound.
 */
export function histogramBound(a: Int16Array | Int32Array, aOffset: number, b: Int16Array | Int32Array, bOffset: number): number {
  let plus = 0;
  let minus = 0;
  for (let i = 0; i < HISTOGRAM_BINS; i++) {
    const d = a[aOffset + i]! - b[bOffset + i]!;
    if (d > 0) plus += d;
    else minus -= d;
  }
  return plus > minus ? plus : minus;
}

/** The bin of a key character (see HISTOGRAM_BINS). */
function bin(c: number): number {
  return c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + ((c - 48) % 5) : 31;
}

/** Positions above this are not kept in q-gram codes (keys longer than this are compared without them). */
const POSITION_BITS = 11;
const POSITIONS = 1 << POSITION_BITS;

/** The binned q-grams of a key (q = 2 or 3), each as (q-gram code × 2048 + position), ascending (binned as for histograms). */
export function keyGrams(key: string, q: 2 | 3): Uint32Array {
  const codes = new Uint32Array(Math.max(0, key.length - q + 1));
  for (let i = 0; i < codes.length; i++) {
    let code = 0;
    for (let j = 0; j < q; j++) code = code * HISTOGRAM_BINS + bin(key.charCodeAt(i + j));
    codes[i] = code * POSITIONS + (i & (POSITIONS - 1));
  }
  return codes.sort();
}

/**
 * Whether two keys can be within `limit` edits, by their q-grams (the q-gram lemma, Ukkonen
 * 1992, with positions): one edit destroys at most q q-grams of a string, and a q-gram kept
 * by an alignment with at most `limit` edits moves by at most `limit` places. So the longer
 * key (n q-grams) must have at least n − q × limit q-grams matched one-to-one to equal q-grams
 * of the other at most `limit` places away. The largest such matching is found greedily per
 * q-gram (positions ascending). False only when the distance is certainly above `limit`;
 * binning characters keeps it so. Far stronger than the character histogram on unrelated
 * sentences, which share many bigrams but few at nearby positions.
 */
export function gramsAllow(a: Uint32Array, b: Uint32Array, q: number, limit: number): boolean {
  const longer = Math.max(a.length, b.length);
  const needed = longer - q * limit;
  if (needed <= 0) return true;
  const positional = longer + q - 1 < POSITIONS;
  let matched = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const gx = x >>> POSITION_BITS;
    const gy = y >>> POSITION_BITS;
    if (gx < gy) i++;
    else if (gx > gy) j++;
    else if (!positional) {
      matched++;
      i++;
      j++;
    } else {
      const px = x & (POSITIONS - 1);
      const py = y & (POSITIONS - 1);
      if (px - py > limit) j++;
      else if (py - px > limit) i++;
      else {
        matched++;
        i++;
        j++;
      }
    }
  }
  return matched >= needed;
}
