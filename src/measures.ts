/**
 * Measures more than one stage uses, defined once: the normalised edit distance that decides
 * whether two sentences are the same fact, and tf-idf vectors with their cosine similarity.
 */
import levenshtein from 'fast-levenshtein';
import { boundedLevenshtein } from './bounded-levenshtein.js';
import { copied, filled } from './filled.js';
import { ln } from './math.js';
import type { Analysis, Groups, Vectors } from './model.js';
import type { Work } from './schedule.js';

/** Normalised edit distance: Levenshtein distance over the longer length, in [0, 1]. */
export function keyDistance(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 0;
  if (a === b) return 0;
  // A contained key differs by exactly the length difference; no need for the full computation.
  // (Only for short keys: on long repetitive ones the substring search can cost more than it saves.)
  if (Math.min(a.length, b.length) <= 256 && (a.length < b.length ? b.includes(a) : a.includes(b))) return Math.abs(a.length - b.length) / longer;
  return levenshtein.get(a, b) / longer;
}

/** The length difference alone already puts two keys past `threshold`. */
export function lengthsTooFar(a: number, b: number, threshold: number): boolean {
  return Math.abs(a - b) > threshold * Math.max(a, b);
}

/**
 * Two sentences sharing less than this share of the smaller one's content terms are never
 * compared by edit distance at `threshold`: they say different things. At the default 0.3, on
 * 250 real news clusters every pair within the threshold shared at least half, and 0.4 keeps a
 * margin; a looser threshold lets pairs reword more, so the bar falls with it (0.2 at 0.5, none
 * from 0.7), as the property test against all pairs requires. Dedupe's blocking and select's
 * near-identical check both apply it.
 */
export function minSharedTermsFor(threshold: number): number {
  return Math.max(0, 0.7 - threshold);
}

/**
 * The duplicate test: keys within `threshold` of each other (`keyDistance(a, b) <= threshold`),
 * the cheap length bound first, then an edit distance that stops once it must exceed the most
 * edits the threshold allows.
 */
export function withinThreshold(a: string, b: string, threshold: number): boolean {
  if (lengthsTooFar(a.length, b.length, threshold)) return false;
  if (a === b) return true;
  const longer = Math.max(a.length, b.length);
  // The most edits d with d / longer <= threshold, as the division itself rounds.
  let most = Math.floor(threshold * longer);
  while (most + 1 <= longer && (most + 1) / longer <= threshold) most++;
  while (most >= 0 && most / longer > threshold) most--;
  return most >= 0 && boundedLevenshtein(a, b, most) <= most;
}

/**
 * Term ids ordered rarest first (`byRarity`): by `frequency`, ties by id; and each term's place
 * in that order (`rarity`). A counting sort, linear in the vocabulary, pausing every 65,536
 * terms (a vocabulary of a million numbers is several passes of milliseconds each): blocking in
 * dedupe and rank walks each item's rarest terms first.
 */
export function* rarestFirst(frequency: Int32Array): Work<{ byRarity: Int32Array; rarity: Int32Array }> {
  const n = frequency.length;
  let most = 0;
  for (let t = 0; t < n; t++) if (frequency[t]! > most) most = frequency[t]!;
  yield;
  const slot = new Int32Array(most + 2);
  for (let t = 0; t < n; t++) {
    slot[frequency[t]! + 1]!++;
    if ((t & 65535) === 65535) yield;
  }
  for (let f = 1; f < slot.length; f++) slot[f]! += slot[f - 1]!;
  yield;
  const byRarity = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    byRarity[slot[frequency[t]!]!++] = t;
    if ((t & 65535) === 65535) yield;
  }
  const rarity = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    rarity[byRarity[r]!] = r;
    if ((r & 65535) === 65535) yield;
  }
  return { byRarity, rarity };
}

/** The tf-idf vector of each group's representative (idf over groups). */
export function* buildVectors(analysis: Analysis, groups: Groups): Work<Vectors> {
  const groupCount = groups.count;
  const start = new Int32Array(groupCount + 1);
  // Sized once from the representatives' lengths: arrays of millions of entries growing as they
  // fill were copied whole, each copy a long pause.
  let most = 0;
  for (let g = 0; g < groupCount; g++) most += analysis.termStart[groups.representative[g]! + 1]! - analysis.termStart[groups.representative[g]!]!;
  const terms = new Int32Array(most);
  const counts = new Int32Array(most);
  let entries = 0;
  const frequency = yield* filled(new Int32Array(analysis.termCount)); // counted at random: pages mapped first
  const scratch: number[] = [];
  let workSinceTick = 0; // terms read since the last pause
  for (let g = 0; g < groupCount; g++) {
    if (workSinceTick >= 50_000) {
      workSinceTick = 0;
      yield;
    }
    start[g] = entries;
    const sentence = groups.representative[g]!;
    scratch.length = 0;
    for (let p = analysis.termStart[sentence]!; p < analysis.termStart[sentence + 1]!; p++) scratch.push(analysis.terms[p]!);
    workSinceTick += 8 + scratch.length * 4; // the sort counts too
    scratch.sort((a, b) => a - b);
    for (let p = 0; p < scratch.length; p++) {
      const term = scratch[p]!;
      if (p > 0 && scratch[p - 1] === term) counts[entries - 1]!++;
      else {
        terms[entries] = term;
        counts[entries++] = 1;
        frequency[term]!++;
      }
    }
  }
  start[groupCount] = entries;
  yield;
  // Each term's idf once (our own ln costs about 50 ns: once per entry, a feed of 275,000 facts
  // spent 0.3 s here without a pause).
  const idf = new Float64Array(frequency.length);
  for (let t = 0; t < frequency.length; t++) {
    if (frequency[t]! > 0) idf[t] = ln((groupCount + 1) / frequency[t]!);
    if ((t & 65535) === 65535) yield;
  }
  yield;
  const term = yield* copied(terms, 0, entries);
  const weight = new Float64Array(entries);
  const norm = new Float64Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    let squares = 0;
    for (let p = start[g]!; p < start[g + 1]!; p++) {
      const w = counts[p]! * idf[term[p]!]!;
      weight[p] = w;
      squares += w * w;
    }
    norm[g] = Math.sqrt(squares);
    if ((g & 16383) === 16383) yield;
  }
  return { start, term, weight, norm, frequency };
}

/** Cosine similarity of two groups' vectors (a merge of their sorted term lists). */
export function cosine(vectors: Vectors, a: number, b: number): number {
  const denominator = vectors.norm[a]! * vectors.norm[b]!;
  if (denominator === 0) return 0;
  let p = vectors.start[a]!;
  let q = vectors.start[b]!;
  const pEnd = vectors.start[a + 1]!;
  const qEnd = vectors.start[b + 1]!;
  let dot = 0;
  while (p < pEnd && q < qEnd) {
    const tp = vectors.term[p]!;
    const tq = vectors.term[q]!;
    if (tp === tq) {
      dot += vectors.weight[p]! * vectors.weight[q]!;
      p++;
      q++;
    } else if (tp < tq) p++;
    else q++;
  }
  return dot / denominator;
}

/** An inverted index in CSR form: item i's entries at `slot[e]` of `postingItem`, postings ascending. */
export interface Postings {
  /** Term t's posting at `postingItem[postingStart[t] .. postingStart[t + 1])`, items ascending. */
  postingStart: Int32Array;
  postingItem: Int32Array;
  /** Each entry's slot in its term's posting: the entries before it are the earlier items. */
  slotOf: Int32Array;
}

/**
 * The inverted index of items whose entries are `entryTerm[entryStart[i] .. entryStart[i + 1])`,
 * leaving out entries whose term `skip` says. Built once, in flat arrays (an array per term
 * cost the collector dearly on large inputs): an item walking its terms reads the entries before
 * its own slot, i.e. the earlier items, as an index filled item by item would hold them.
 */
export function* postingsOf(entryStart: Int32Array, entryTerm: Int32Array, termCount: number, skip: (term: number) => boolean = () => false): Work<Postings> {
  const itemCount = entryStart.length - 1;
  const postingStart = new Int32Array(termCount + 1);
  for (let i = 0; i < itemCount; i++) {
    for (let e = entryStart[i]!; e < entryStart[i + 1]!; e++) if (!skip(entryTerm[e]!)) postingStart[entryTerm[e]! + 1]!++;
    if ((i & 16383) === 16383) yield;
  }
  for (let t = 0; t < termCount; t++) {
    postingStart[t + 1]! += postingStart[t]!;
    if ((t & 65535) === 65535) yield;
  }
  yield; // tens of megabytes on a large input: pauses within each part
  const postingItem = yield* filled(new Int32Array(postingStart[termCount]!)); // written at each term's next slot: pages mapped first
  const slotOf = yield* filled(new Int32Array(entryStart[itemCount]!), -1);
  const fill = yield* copied(postingStart, 0, termCount);
  yield;
  for (let i = 0; i < itemCount; i++) {
    for (let e = entryStart[i]!; e < entryStart[i + 1]!; e++) {
      const term = entryTerm[e]!;
      if (skip(term)) continue;
      slotOf[e] = fill[term]!;
      postingItem[fill[term]!++] = i;
    }
    if ((i & 16383) === 16383) yield;
  }
  return { postingStart, postingItem, slotOf };
}
