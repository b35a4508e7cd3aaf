/**
 * The per-call caches the stages share: each distinct line and sentence of wire copy is split,
 * classified and analysed once. Data only, like model.ts; stages read and fill them.
 */
import type { KindCode } from './model.js';
import { DistinctStrings } from './string-table.js';
import { hashSpan } from './text.js';
import { TokenNumbers } from './token-numbers.js';

/** How segment split one line: spans relative to the line, and which are pieces of an over-long run. */
export interface LineSplit {
  /** `[start0, end0, start1, end1, …]`. */
  spans: number[];
  /** Per span: 1 when it is a piece of an over-long run. */
  overlong: Uint8Array;
  /** Over-long runs that were cut, relative to the line. */
  runs: [number, number][];
}

/** What analyse keeps of one distinct sentence text. */
export interface AnalysedText {
  key: string;
  /** Term ids of `Caches.stems` (not of one run), in text order. (A plain array: tens of thousands of tiny typed arrays cost the garbage collector more.) */
  terms: readonly number[];
  standalone: number;
}

/**
 * Work one run may reuse from another: every entry is a function of a text alone (under one
 * language, stopword list and `maxSentenceLength`), so results never depend on what was cached.
 * Wire copy repeats lines and sentences verbatim; each distinct one is split, classified and
 * analysed once. One `Caches` serves one settings at a time and one run at a time.
 */
export interface Caches {
  /** A line's text → how it splits into sentences. */
  lineSplits: Map<string, LineSplit>;
  /** A sentence's text, prefixed "1" when alone on its line and "0" otherwise → its kind. */
  kinds: Map<string, KindCode>;
  /** A prose sentence's analysis text → its key, terms and stand-alone factor. */
  analysed: Map<string, AnalysedText>;
  /** A raw token → its term id in `stems`, or −1 for a stopword or a single character. */
  termOfToken: Map<string, number>;
  /** The same for plain tokens of up to ten characters, by number (token-numbers.ts). */
  tokenNumbers: TokenNumbers;
  /** The vocabulary itself: stems under their term ids (never capped: a stem keeps its id; no string each, as a million stems grow). */
  stems: DistinctStrings;
  /** Texts seen once: a cache is consulted only for a text seen before (see `SeenTexts`). */
  seen: SeenTexts;
}

/**
 * Most entries a cache takes. Reprints repeat early and often, so the first quarter-million
 * distinct lines and sentences catch them; a feed of millions of distinct sentences would
 * otherwise keep every one alive, for nothing but garbage-collection time.
 */
const CACHE_LIMIT = 1 << 18;

/** Remember a value unless the cache is full (a later lookup then simply misses). */
export function remember<K, V>(cache: Map<K, V>, key: K, value: V): void {
  if (cache.size < CACHE_LIMIT) cache.set(key, value);
}

export function createCaches(): Caches {
  return { lineSplits: new Map(), kinds: new Map(), analysed: new Map(), termOfToken: new Map(), tokenNumbers: new TokenNumbers(), stems: new DistinctStrings(), seen: new SeenTexts() };
}

/** One salt per kind of text fingerprinted: a line, a sentence alone on its line or not, an analysis text. */
export const SEEN = Object.freeze({ line: 1, sentenceAlone: 2, sentence: 3, analysed: 4 });

/** Words (of 32 bits) of the fingerprint table: it starts at 2^23 bits and doubles up to 2^26. */
const FIRST_WORDS = 1 << 18;
const MOST_WORDS = 1 << 21;

/**
 * Fingerprints of the texts seen so far (`hashSpan`: a text's length and first and last 32
 * characters). A cache is looked up, and filled, only for a text whose fingerprint was seen
 * before: on a feed of distinct articles the caches never hit, and hashing every line and
 * sentence into them cost about a tenth of segment's time; a reprinted text is now worked out
 * twice, not once. A false "seen" only costs a lookup that misses, and a cache entry: results
 * never depend on the fingerprints.
 *
 * The table doubles once a sixteenth of its bits have been marked, dropping what it held (a
 * text seen before looks new once more): 2.4 million fingerprints (a 50 MB file of template
 * lines) marked a quarter of 2^23 bits, so a quarter of its distinct texts looked seen, and the
 * caches kept half a million entries of them alive, each a few objects for every full
 * collection to mark.
 */
export class SeenTexts {
  private bits = new Int32Array(FIRST_WORDS);
  /** Fingerprints marked in `bits`. */
  private marked = 0;

  /** Whether `text[start, end)` (under `salt`, one per kind of cache) may have been seen; marks it seen. */
  again(text: string, start: number, end: number, salt: number): boolean {
    if (this.marked >= 2 * this.bits.length && this.bits.length < MOST_WORDS) {
      this.bits = new Int32Array(2 * this.bits.length);
      this.marked = 0;
    }
    let h = hashSpan(text, start, end, Math.imul(salt, 0x9e3779b1));
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    const bit = h & (32 * this.bits.length - 1);
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    const seen = (this.bits[word]! & mask) !== 0;
    this.bits[word]! |= mask;
    if (!seen) this.marked++;
    return seen;
  }
}
