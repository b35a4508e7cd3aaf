/**
 * Stage 3, dedupe: prose sentences → groups of near-identical sentences (one fact each).
 *
 * Two sentences are duplicates when the Levenshtein distance between their comparison keys
 * is at most `threshold × (length of the longer key)`; groups are the transitive closure
 * (union-find). A sentence that contains another with a few words added ("SHARE North
 * Korea's leader is in Russia…") is within that distance: for a contained key the distance
 * is exactly the length difference.
 *
 * Never all pairs: identical keys collapse first (wire copy reprinted verbatim costs
 * nothing), and `fast-levenshtein` runs only on candidate pairs that pass a length bound no
 * pair within the threshold can violate and share one of their rarest terms (prefix
 * blocking). Pairs already in one group are never compared again. Layout: `Groups` in model.ts.
 */
import { keyDistance, lengthsTooFar } from '../measures.js';
import { Kind, type Analysis, type Groups, type Segments } from '../model.js';
import type { Work } from '../schedule.js';
import { UnionFind } from './union-find.js';

export interface DedupeSettings {
  duplicateThreshold: number;
}

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

export function* dedupe(segments: Segments, analysis: Analysis, settings: DedupeSettings): Work<Groups> {
  const threshold = settings.duplicateThreshold;
  const { count } = segments;
  const groupOf = new Int32Array(count).fill(-1);

  // 1. Identical keys collapse: `distinctOf[sentence]`, and per distinct key its first sentence.
  const distinctOfKey = new Map<string, number>();
  const distinctOf = new Int32Array(count).fill(-1);
  const firstSentence: number[] = [];
  for (let i = 0; i < count; i++) {
    if (segments.kind[i] !== Kind.PROSE) continue;
    const key = analysis.key[i]!;
    let distinct = distinctOfKey.get(key);
    if (distinct === undefined) {
      distinct = firstSentence.length;
      distinctOfKey.set(key, distinct);
      firstSentence.push(i);
    }
    distinctOf[i] = distinct;
  }
  const distinctCount = firstSentence.length;
  yield { stage: 'dedupe', done: 0, total: distinctCount };

  // 2. Distinct terms per distinct key, and how many distinct keys hold each term.
  const termsOf: Int32Array[] = new Array<Int32Array>(distinctCount);
  const keyFrequency = new Int32Array(analysis.termCount);
  const seen = new Int32Array(analysis.termCount).fill(-1);
  for (let d = 0; d < distinctCount; d++) {
    const sentence = firstSentence[d]!;
    const unique: number[] = [];
    for (let p = analysis.termStart[sentence]!; p < analysis.termStart[sentence + 1]!; p++) {
      const term = analysis.terms[p]!;
      if (seen[term] === d) continue;
      seen[term] = d;
      unique.push(term);
      keyFrequency[term]!++;
    }
    termsOf[d] = Int32Array.from(unique).sort();
  }

  // 3. Compare each key with earlier keys that share one of its rarest terms.
  const union = new UnionFind(distinctCount);
  const postings = new Map<number, number[]>();
  const stamp = new Int32Array(distinctCount).fill(-1);
  let comparisons = 0;
  const keyOf = firstSentence.map((sentence) => analysis.key[sentence]!);
  const keyLength = Int32Array.from(keyOf, (key) => key.length);
  const triedRoot = new Map<number, number>(); // other group's root → comparisons made for this key
  const prefixShare = prefixShareFor(threshold);
  for (let d = 0; d < distinctCount; d++) {
    const key = keyOf[d]!;
    let root = d; // d's group so far: it only changes when d joins one
    const terms = Array.from(termsOf[d]!).sort((a, b) => keyFrequency[a]! - keyFrequency[b]! || a - b);
    const prefix = Math.min(terms.length, Math.ceil(terms.length * prefixShare) + 1);
    let examined = 0;
    triedRoot.clear();
    for (let t = 0; t < prefix && examined < MAX_CANDIDATES_PER_KEY; t++) {
      const posting = postings.get(terms[t]!);
      if (posting === undefined) continue;
      for (let q = posting.length - 1; q >= 0 && examined < MAX_CANDIDATES_PER_KEY; q--) {
        const other = posting[q]!;
        if (stamp[other] === d) continue;
        stamp[other] = d;
        examined++;
        const otherLength = keyLength[other]!;
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
        if (keyDistance(key, keyOf[other]!) <= threshold) {
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
    if ((d & 127) === 127) yield { stage: 'dedupe', done: d + 1, total: distinctCount };
  }

  // 4. Groups, numbered by first member; members in sentence order.
  const groupOfRoot = new Int32Array(distinctCount).fill(-1);
  const groupSizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const distinct = distinctOf[i]!;
    if (distinct < 0) continue;
    const root = union.find(distinct);
    let group = groupOfRoot[root]!;
    if (group < 0) {
      group = groupSizes.length;
      groupOfRoot[root] = group;
      groupSizes.push(0);
    }
    groupOf[i] = group;
    groupSizes[group]!++;
  }
  const groupCount = groupSizes.length;
  const memberStart = new Int32Array(groupCount + 1);
  for (let g = 0; g < groupCount; g++) memberStart[g + 1] = memberStart[g]! + groupSizes[g]!;
  const members = new Int32Array(memberStart[groupCount]!);
  const fill = memberStart.slice(0, groupCount);
  for (let i = 0; i < count; i++) {
    const group = groupOf[i]!;
    if (group >= 0) members[fill[group]!++] = i;
  }

  // 5. Representative (most common key, earliest on a tie) and support (distinct documents).
  const representative = new Int32Array(groupCount);
  const support = new Int32Array(groupCount);
  let duplicateGroups = 0;
  const keyCount = new Map<number, number>();
  for (let g = 0; g < groupCount; g++) {
    const from = memberStart[g]!;
    const to = memberStart[g + 1]!;
    if (to - from > 1) duplicateGroups++;
    let best = members[from]!;
    let documents = 0;
    let lastDocument = -1;
    if (to - from > 1) {
      keyCount.clear();
      let bestCount = 0;
      for (let p = from; p < to; p++) {
        const distinct = distinctOf[members[p]!]!;
        const n = (keyCount.get(distinct) ?? 0) + 1;
        keyCount.set(distinct, n);
        if (n > bestCount) bestCount = n;
      }
      // The earliest member (by documentId, start) whose key is among the most common.
      for (let p = from; p < to; p++) {
        if (keyCount.get(distinctOf[members[p]!]!) === bestCount) {
          best = members[p]!;
          break;
        }
      }
    }
    for (let p = from; p < to; p++) {
      const document = segments.doc[members[p]!]!;
      if (document !== lastDocument) {
        documents++;
        lastDocument = document;
      }
    }
    representative[g] = best;
    support[g] = documents;
  }
  yield { stage: 'dedupe', done: distinctCount, total: distinctCount };
  return { count: groupCount, groupOf, keyId: distinctOf, memberStart, members, representative, support, duplicateGroups, comparisons };
}
