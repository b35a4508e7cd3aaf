/**
 * Concepts: the words and word pairs selection covers, each weighted by how many articles
 * carry it.
 */
import type { Analysis, Concepts, ConceptsInput, Groups, Segments } from '../model.js';
import { filled } from '../filled.js';
import type { Work } from '../schedule.js';

/**
 * Dense ids for ordered pairs of term ids, in order of first appearance, and the articles that
 * carry each: an open-addressing hash table over one typed array (a Map keyed by numbers would
 * cost a feed of millions of pairs far more time and memory). A slot holds the pair, its id and
 * the last article counted for it side by side: a feed's table is tens of megabytes, and a
 * look-up that read four arrays missed the cache four times.
 */
class PairTable {
  /**
   * Per slot: first term + 1 (0 when empty: a new array is all empty without being written,
   * where filling a feed's 128 MB with a sentinel held the event loop 100 ms), second term, id,
   * last article counted.
   */
  private slots: Int32Array;
  size = 0;
  /** Articles per pair id. */
  documents: Int32Array;
  /**
   * Room for `most` pairs from the start (rehashing millions of pairs at once was a long pause):
   * the caller counts every pair it will look up, so there are never more.
   */
  constructor(most: number) {
    let capacity = 16; // a one-sentence story needs a few slots, not a thousand
    while (3 * capacity < 4 * (most + 1)) capacity *= 2; // at most three quarters full
    this.slots = new Int32Array(4 * capacity);
    this.documents = new Int32Array(most);
  }
  /**
   * Map every page of the table before the look-ups (`filled`): met at random by them, the
   * page faults held the event loop 40–80 ms on a 13 MB line and an 8 MB page.
   */
  *touch(): Work<void> {
    yield* filled(this.slots);
  }
  /** The pair's id, counting `document` for it once; a new pair gets the next id (the number of pairs before it). */
  count(first: number, second: number, document: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    let slot = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & mask;
    for (;;) {
      const at = slot << 2;
      const stored = slots[at]! - 1;
      if (stored === -1) {
        slots[at] = first + 1;
        slots[at + 1] = second;
        slots[at + 2] = this.size;
        slots[at + 3] = document;
        this.documents[this.size] = 1;
        return this.size++;
      }
      if (stored === first && slots[at + 1] === second) {
        const id = slots[at + 2]!;
        if (slots[at + 3] !== document) {
          slots[at + 3] = document;
          this.documents[id]!++;
        }
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }
}

/** The fields of a run's data that concepts read, and nothing else. */
export function conceptsInput(segments: Segments, analysis: Analysis, groups: Groups, supportWeight: number): ConceptsInput {
  return {
    segments: { count: segments.count, doc: segments.doc },
    analysis: { termCount: analysis.termCount, termStart: analysis.termStart, terms: analysis.terms },
    groups: { count: groups.count, groupOf: groups.groupOf, representative: groups.representative },
    supportWeight,
  };
}

/** Weight of a concept only one article has, and of a fact's private concept. */
const CONCEPT_FLOOR = 0.1;

/**
 * Concepts: per group, the distinct content terms and adjacent term pairs of its
 * representative, plus one private concept; each weighted by the articles that carry it
 * (counted over every prose sentence, so a reprinted fact's words count once per outlet).
 * Also returns the articles per term (typical.ts reads them).
 */
export function* concepts({ segments, analysis, groups, supportWeight }: ConceptsInput): Work<Concepts> {
  const termCount = analysis.termCount;
  // Distinct articles per term and per pair: sentences come in document order, so a
  // "last document seen" stamp counts each article once.
  const termDocuments = yield* filled(new Int32Array(termCount)); // counted at random: pages mapped first
  const termLastDocument = yield* filled(new Int32Array(termCount), -1);
  // At most one new pair per term after the first of each sentence.
  let mostPairs = 0;
  for (let i = 0; i < segments.count; i++) {
    if (groups.groupOf[i]! >= 0) mostPairs += Math.max(0, analysis.termStart[i + 1]! - analysis.termStart[i]! - 1);
    if ((i & 65535) === 65535) yield;
  }
  yield;
  const pairs = new PairTable(mostPairs);
  yield* pairs.touch(); // tens of megabytes on a large feed: pauses within
  // The pair id ending at each term position, kept for the representatives' lists below: a
  // second lookup in a table of millions of pairs missed the cache as often as the first.
  const pairAt = new Int32Array(analysis.terms.length);
  yield;
  let workSinceTick = 0; // terms read since the last pause
  for (let i = 0; i < segments.count; i++) {
    workSinceTick += 8 + analysis.termStart[i + 1]! - analysis.termStart[i]!;
    if (workSinceTick >= 50_000) {
      workSinceTick = 0;
      yield;
    }
    if (groups.groupOf[i]! < 0) continue;
    const document = segments.doc[i]!;
    let previous = -1;
    for (let p = analysis.termStart[i]!; p < analysis.termStart[i + 1]!; p++) {
      const term = analysis.terms[p]!;
      if (termLastDocument[term] !== document) {
        termLastDocument[term] = document;
        termDocuments[term]!++;
      }
      if (previous >= 0) pairAt[p] = pairs.count(previous, term, document);
      previous = term;
    }
  }
  // Concept ids: terms first, then pairs, then one private concept per group.
  const pairBase = termCount;
  const pairCount = pairs.size;
  const privateBase = pairBase + pairCount;
  const conceptWeight = new Float64Array(privateBase + groups.count);
  const weigh = (documents: number) => CONCEPT_FLOOR + supportWeight * (documents - 1);
  // Millions of terms and pairs on a large input: a pause every 65,536.
  for (let t = 0; t < termCount; t++) {
    conceptWeight[t] = termDocuments[t]! > 0 ? weigh(termDocuments[t]!) : 0;
    if ((t & 65535) === 65535) yield;
  }
  for (let q = 0; q < pairCount; q++) {
    conceptWeight[pairBase + q] = weigh(pairs.documents[q]!);
    if ((q & 65535) === 65535) yield;
  }
  yield;
  const conceptStart = new Int32Array(groups.count + 1);
  // Each term and pair of a representative at most once, and its private concept.
  let mostConcepts = 0;
  for (let g = 0; g < groups.count; g++) mostConcepts += 2 * (analysis.termStart[groups.representative[g]! + 1]! - analysis.termStart[groups.representative[g]!]!) + 1;
  const list = new Int32Array(mostConcepts);
  let listed = 0;
  yield;
  const seenBy = yield* filled(new Int32Array(conceptWeight.length), -1); // the group that listed each concept last
  for (let g = 0; g < groups.count; g++) {
    workSinceTick += 8 + analysis.termStart[groups.representative[g]! + 1]! - analysis.termStart[groups.representative[g]!]!;
    if (workSinceTick >= 50_000) {
      workSinceTick = 0;
      yield;
    }
    conceptStart[g] = listed;
    conceptWeight[privateBase + g] = CONCEPT_FLOOR;
    const r = groups.representative[g]!;
    let previous = -1;
    for (let p = analysis.termStart[r]!; p < analysis.termStart[r + 1]!; p++) {
      const term = analysis.terms[p]!;
      if (seenBy[term] !== g) {
        seenBy[term] = g;
        list[listed++] = term;
      }
      if (previous >= 0) {
        const concept = pairBase + pairAt[p]!;
        if (seenBy[concept] !== g) {
          seenBy[concept] = g;
          list[listed++] = concept;
        }
      }
      previous = term;
    }
    list[listed++] = privateBase + g;
  }
  conceptStart[groups.count] = listed;
  return { conceptStart, concept: list.subarray(0, listed), conceptWeight, termDocuments };
}

