/**
 * Which distinct keys are within the duplicate threshold of each other: candidates from an
 * inverted index over each key's rarest terms (prefix blocking), checked with
 * an edit distance that stops at the threshold, with the work bounded per key and per tick.
 *
 * Pairs that cannot be within the threshold are never computed: their length difference is
 * too large, they share too few content terms (bounded first from 128-bit term signatures, then
 * counted), or they are already one group. What is left is
 * bounded twice: a key is compared with at most `MAX_CANDIDATES_PER_KEY` earlier keys, and it
 * spends at most `WORK_PER_KEY_CHARACTER` units of edit-distance work per character of its own
 * key, a unit being one 32-character step of the bit-parallel Levenshtein. A short sentence
 * keeps its 32 candidates; a 2,000-character run of words from one small vocabulary gets two
 * comparisons instead of 32 (each costing a hundred thousand units), so no input costs more
 * than about a second per megabyte here.
 */
import { filled } from '../filled.js';
import { lengthsTooFar, minSharedTermsFor, postingsOf, rarestFirst, withinThreshold } from '../measures.js';
import type { StringTable } from '../model.js';
import type { Work } from '../schedule.js';
import { lengthAt, stringAt } from '../string-table.js';
import type { Progress } from '../types.js';
import { EXAMINED_BY, RECORD, sharedTermsBound, TERM_COUNT, writeRecord } from './record.js';
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
 * A key examines at most this many earlier keys, taken from its rarest terms' posting lists
 * first and the latest entries of each first (one whose length alone rules it out counts at
 * each list it is met in: that test reads the length stored in the list, not the key). Below
 * it (and with groups of at most `SMALL_GROUP` keys) blocking is exact against all pairs
 * (tested); above it (terms shared by thousands of reprints) the latest entries are the nearest
 * copies, which are grouped already, and work stays linear. (64 found
 * the same pairs as 32 on generated reprints of 300 and 1,000 articles: 99.9% of all pairs.)
 */
export const MAX_CANDIDATES_PER_KEY = 32;

/** Edit-distance work a key may spend per character of its own key, in 32-character steps (see above). */
export const WORK_PER_KEY_CHARACTER = 128;

/** Work between two progress ticks (each a chance to yield to the event loop): a few milliseconds. */
const WORK_PER_TICK = 100_000;

/** What one Levenshtein computation costs in units: the bit-parallel algorithm's 32-character steps. */
function levenshteinCost(a: number, b: number): number {
  return Math.ceil(Math.min(a, b) / 32) * Math.max(a, b) + 16;
}

/**
 * Members of one other group a key is compared with before that group is given up, once the
 * group has more than `SMALL_GROUP` keys. A fact's copies lie close together, so when two of
 * them are too far, the rest mostly are too; without this, a posting list full of one busy
 * fact's reprints would cost a failed comparison each. A small group is tried member by member:
 * two far copies ("also After decades …", "reportedly After decades …") can sit beside the one
 * a third copy is near, and giving up after two lost that pair (the property test against all
 * pairs found it).
 */
const MAX_TRIES_PER_GROUP = 2;
const SMALL_GROUP = 8;


/** Each key's distinct terms, ascending: key d's are `terms[termStart[d] .. termStart[d + 1])`. */
export interface KeyTerms {
  termStart: Int32Array;
  terms: Int32Array;
}

/**
 * Whether key `b` shares at least `need` distinct terms with the key whose terms are stamped
 * `stamp` in `stampOf`. It stops as soon as the answer is known: most candidates of a feed share
 * one or two terms, and a merge of both sorted lists mispredicted a branch at every step.
 */
function sharesEnough({ termStart, terms }: KeyTerms, stampOf: Int32Array, stamp: number, b: number, need: number): boolean {
  let shared = 0;
  const end = termStart[b + 1]!;
  for (let j = termStart[b]!; j < end; j++) {
    if (stampOf[terms[j]!] === stamp && ++shared >= need) return true;
    if (shared + end - j - 1 < need) return false;
  }
  return shared >= need;
}

/**
 * Compare each distinct key with earlier keys that share one of its rarest terms;
 * `keyFrequency[t]` counts the keys holding term t.
 * Returns the groups as a union-find over key indexes and the comparisons made; `tick(d)` is
 * the progress to report once key d is done.
 */
export function* compareKeys(
  keys: StringTable,
  keyTerms: KeyTerms,
  keyFrequency: Int32Array,
  threshold: number,
  tick: (key: number) => Progress,
): Work<{ union: UnionFind; comparisons: number }> {
  const distinctCount = keys.count;
  const termCount = keyFrequency.length;
  const union = new UnionFind(distinctCount);
  yield; // each pass over a million keys (or terms) below pauses within it or is a turn of its own
  let comparisons = 0;
  let workSinceTick = 0;
  // Comparisons this key made with each other group, by the group's root (valid where triedBy is this key).
  const tried = yield* filled(new Uint8Array(distinctCount)); // read and written at random: pages mapped first
  const triedBy = yield* filled(new Int32Array(distinctCount), -1);
  const prefixShare = prefixShareFor(threshold);
  const minShared = minSharedTermsFor(threshold);
  // Terms ranked rarest first (fewest keys, then id): a key's terms sort by this number.
  const { byRarity, rarity } = yield* rarestFirst(keyFrequency);
  yield;
  // Each key's prefix: its rarest terms, rarest first (key d's at prefixStart[d] ..).
  const prefixStart = new Int32Array(distinctCount + 1);
  for (let d = 0; d < distinctCount; d++) {
    const own = keyTerms.termStart[d + 1]! - keyTerms.termStart[d]!;
    prefixStart[d + 1] = prefixStart[d]! + Math.min(own, Math.ceil(own * prefixShare) + 1);
  }
  yield;
  const prefixTerms = new Int32Array(prefixStart[distinctCount]!);
  const ranked = new Int32Array(Math.max(16, termCount));
  for (let d = 0; d < distinctCount; d++) {
    const from = keyTerms.termStart[d]!;
    const own = keyTerms.termStart[d + 1]! - from;
    for (let t = 0; t < own; t++) ranked[t] = rarity[keyTerms.terms[from + t]!]!;
    ranked.subarray(0, own).sort();
    for (let t = prefixStart[d]!; t < prefixStart[d + 1]!; t++) prefixTerms[t] = byRarity[ranked[t - prefixStart[d]!]!]!;
    if ((workSinceTick += 16 + own * 4) >= WORK_PER_TICK) {
      workSinceTick = 0;
      yield;
    }
  }
  // The inverted index over prefixes: key d reads the entries before its own slot (the earlier keys), latest first.
  const { postingStart, postingItem: postingKey, slotOf } = yield* postingsOf(prefixStart, prefixTerms, termCount);
  // Plain loops with pauses: a million keys mapped through Int32Array.from was one long turn.
  const keyLength = new Int32Array(distinctCount);
  const record = new Int32Array(RECORD * distinctCount);
  for (let d = 0; d < distinctCount; d++) {
    keyLength[d] = lengthAt(keys, d);
    writeRecord(record, d, keyTerms.terms, keyTerms.termStart[d]!, keyTerms.termStart[d + 1]!);
    if ((d & 16383) === 16383) yield;
  }
  // Each posting entry's key length beside it: the length bound rejects most candidates of a
  // feed, and read there it costs no look-up in arrays of a million keys.
  const postingLength = new Int32Array(postingKey.length);
  for (let q = 0; q < postingKey.length; q++) {
    postingLength[q] = keyLength[postingKey[q]!]!;
    if ((q & 262143) === 262143) yield;
  }
  const termStamp = yield* filled(new Int32Array(termCount), -1); // the key whose terms are being matched (at random: pages mapped first)
  for (let d = 0; d < distinctCount; d++) {
    const key = stringAt(keys, d); // a slice of its block, alive while d is compared
    let root = d; // d's group so far: it only changes when d joins one
    const own = record[RECORD * d + TERM_COUNT]!;
    for (let p = keyTerms.termStart[d]!; p < keyTerms.termStart[d + 1]!; p++) termStamp[keyTerms.terms[p]!] = d;
    let examined = 0;
    let budget = WORK_PER_KEY_CHARACTER * Math.max(key.length, 32);
    for (let t = prefixStart[d]!; t < prefixStart[d + 1]! && examined < MAX_CANDIDATES_PER_KEY && budget > 0; t++) {
      const first = postingStart[prefixTerms[t]!]!;
      for (let q = slotOf[t]! - 1; q >= first && examined < MAX_CANDIDATES_PER_KEY && budget > 0; q--) {
        // Length bound: the distance is at least the length difference. Checked first, a key
        // too long or too short counts once for every prefix term it shares.
        const otherLength = postingLength[q]!;
        if (lengthsTooFar(key.length, otherLength, threshold)) {
          examined++;
          continue;
        }
        const other = postingKey[q]!;
        const at = RECORD * other;
        if (record[at + EXAMINED_BY] === d) continue;
        record[at + EXAMINED_BY] = d;
        examined++;
        // Too few shared terms rules out most: first by the bound from the record just read.
        const smaller = Math.min(own, record[at + TERM_COUNT]!);
        const need = Math.ceil(minShared * smaller);
        if (need > 0 && sharedTermsBound(record, d, other) < need) continue;
        const otherRoot = union.find(other);
        if (otherRoot === root) continue;
        const tries = triedBy[otherRoot] === d ? tried[otherRoot]! : 0;
        if (tries >= MAX_TRIES_PER_GROUP && union.size[otherRoot]! > SMALL_GROUP) continue;
        workSinceTick += smaller;
        if (need > 0 && !sharesEnough(keyTerms, termStamp, d, other, need)) continue;
        triedBy[otherRoot] = d;
        tried[otherRoot] = Math.min(255, tries + 1);
        comparisons++;
        const cost = levenshteinCost(key.length, otherLength);
        budget -= cost;
        workSinceTick += cost;
        if (withinThreshold(key, stringAt(keys, other), threshold)) {
          union.union(d, other);
          root = union.find(d);
        }
        if (workSinceTick >= WORK_PER_TICK) {
          workSinceTick = 0;
          yield tick(d);
        }
      }
    }
    workSinceTick += 64 + examined;
    if (workSinceTick >= WORK_PER_TICK) {
      workSinceTick = 0;
      yield tick(d + 1);
    }
  }
  return { union, comparisons };
}
