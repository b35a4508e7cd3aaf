/**
 * Which distinct keys are within the duplicate threshold of each other: candidates from an
 * inverted index over each key's rarest terms (prefix blocking), checked with
 * `fast-levenshtein`, with the work bounded per key and per tick.
 *
 * Pairs that cannot be within the threshold are never computed: their length difference is
 * too large, they share too few content terms, or they are already one group. What is left is
 * bounded twice: a key is compared with at most `MAX_CANDIDATES_PER_KEY` earlier keys, and it
 * spends at most `WORK_PER_KEY_CHARACTER` units of edit-distance work per character of its own
 * key, a unit being one 32-character step of the bit-parallel Levenshtein. A short sentence
 * keeps its 64 candidates; a 2,000-character run of words from one small vocabulary gets two
 * comparisons instead of 64 (each costing a hundred thousand units), so no input costs more
 * than about a second per megabyte here.
 */
import { keyDistance, lengthsTooFar } from '../measures.js';
import type { Work } from '../schedule.js';
import type { Progress } from '../types.js';
import { UnionFind } from './union-find.js';

/**
 * Share of a key's rarest distinct terms indexed for blocking (prefix filtering). A looser
 * threshold lets pairs that reword more count as duplicates, so more terms must be indexed
 * for two of them to meet: half at the default 0.3, all from 0.55 up.
 */
function prefixShareFor(threshold: number): number {
  return Math.min(1, Math.max(0.5, 2 * threshold - 0.1));
}

/**
 * A key is compared with at most this many distinct earlier keys, taken from its rarest
 * terms' posting lists first and the latest entries of each first. Below it blocking is exact
 * against all pairs (tested); above it (terms shared by thousands of reprints) the latest
 * entries are the nearest copies, which are grouped already, and work stays linear.
 */
export const MAX_CANDIDATES_PER_KEY = 64;

/** Edit-distance work a key may spend per character of its own key, in 32-character steps (see above). */
export const WORK_PER_KEY_CHARACTER = 128;

/** Work between two progress ticks (each a chance to yield to the event loop): a few milliseconds. */
const WORK_PER_TICK = 400_000;

/** What one Levenshtein computation costs in units: the bit-parallel algorithm's 32-character steps. */
function levenshteinCost(a: number, b: number): number {
  return Math.ceil(Math.min(a, b) / 32) * Math.max(a, b) + 16;
}

/**
 * Members of one other group a key is compared with before that group is given up. A fact's
 * copies lie close together, so when two of them are too far, the rest are too; without this,
 * a posting list full of one busy fact's reprints would cost a failed comparison each.
 */
const MAX_TRIES_PER_GROUP = 2;

/**
 * Pairs sharing less than this share of the smaller sentence's content terms are not
 * compared: they say different things. Measured on 250 real news clusters, every pair within
 * the duplicate threshold shared at least half its terms; the tests hold blocking equal to
 * all pairs on generated reprints with typos and edits.
 */
const MIN_TERM_OVERLAP = 0.25;

/** Distinct terms two sorted term lists share. */
function sharedTerms(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/**
 * Compare each distinct key with earlier keys that share one of its rarest terms; `termsOf[d]`
 * are key d's distinct terms, sorted; `keyFrequency[t]` counts the keys holding term t.
 * Returns the groups as a union-find over key indexes and the comparisons made; `tick(d)` is
 * the progress to report once key d is done.
 */
export function* compareKeys(
  keys: readonly string[],
  termsOf: readonly Int32Array[],
  keyFrequency: Int32Array,
  threshold: number,
  tick: (key: number) => Progress,
): Work<{ union: UnionFind; comparisons: number }> {
  const distinctCount = keys.length;
  const union = new UnionFind(distinctCount);
  const postings = new Map<number, number[]>();
  const stamp = new Int32Array(distinctCount).fill(-1);
  let comparisons = 0;
  let workSinceTick = 0;
  const triedRoot = new Map<number, number>(); // other group's root → comparisons made for this key
  const prefixShare = prefixShareFor(threshold);
  for (let d = 0; d < distinctCount; d++) {
    const key = keys[d]!;
    let root = d; // d's group so far: it only changes when d joins one
    const terms = Array.from(termsOf[d]!).sort((a, b) => keyFrequency[a]! - keyFrequency[b]! || a - b);
    const prefix = Math.min(terms.length, Math.ceil(terms.length * prefixShare) + 1);
    let examined = 0;
    let budget = WORK_PER_KEY_CHARACTER * Math.max(key.length, 32);
    triedRoot.clear();
    for (let t = 0; t < prefix && examined < MAX_CANDIDATES_PER_KEY && budget > 0; t++) {
      const posting = postings.get(terms[t]!);
      if (posting === undefined) continue;
      for (let q = posting.length - 1; q >= 0 && examined < MAX_CANDIDATES_PER_KEY && budget > 0; q--) {
        const other = posting[q]!;
        if (stamp[other] === d) continue;
        stamp[other] = d;
        examined++;
        const otherLength = keys[other]!.length;
        // Length bound: the distance is at least the length difference.
        if (lengthsTooFar(key.length, otherLength, threshold)) continue;
        const otherRoot = union.find(other);
        if (otherRoot === root) continue;
        const tries = triedRoot.get(otherRoot) ?? 0;
        if (tries >= MAX_TRIES_PER_GROUP) continue;
        const smaller = Math.min(termsOf[d]!.length, termsOf[other]!.length);
        if (smaller > 0 && sharedTerms(termsOf[d]!, termsOf[other]!) < MIN_TERM_OVERLAP * smaller) continue;
        triedRoot.set(otherRoot, tries + 1);
        comparisons++;
        const cost = levenshteinCost(key.length, otherLength);
        budget -= cost;
        workSinceTick += cost;
        if (keyDistance(key, keys[other]!) <= threshold) {
          union.union(d, other);
          root = union.find(d);
        }
      }
    }
    for (let t = 0; t < prefix; t++) {
      let posting = postings.get(terms[t]!);
      if (posting === undefined) postings.set(terms[t]!, (posting = []));
      posting.push(d);
    }
    workSinceTick += 64 + examined;
    if (workSinceTick >= WORK_PER_TICK) {
      workSinceTick = 0;
      yield tick(d + 1);
    }
  }
  return { union, comparisons };
}
