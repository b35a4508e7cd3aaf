/**
 * A document as a tf-idf vector of its headline and lead. Term frequencies are weighted by
 * place: headline terms count `headlineWeight` each; body terms, in reading order, 1 for the
 * first `leadWeighted` and `bodyWeight` after, and nothing after `bodyMost` (news puts the event
 * first; live blogs, comment threads and newsletters wander). Weight = (1 + ln tf) · idf^`idfPower`
 * with idf = ln((N + idfPseudoDocuments) / df): rare names and places count far more than topic
 * words. Terms found in one document only are left out of the vector (they link nothing) but
 * count in its norm, at a share of their weight that fades as the feed grows; vectors are sorted
 * by term, and the dot
 * product of two is their cosine.
 */
import { ln, pow } from '../math.js';
import { Kind, type Analysis, type Segments } from '../model.js';
import type { Work } from '../schedule.js';
import type { GroupParameters } from './parameters.js';
import type { Shared } from './shared.js';
import type { DocumentTerms } from './terms.js';
import { IntChunks, RealChunks } from '../int-list.js';

/** Sparse vectors: document k's terms are `term[start[k] .. start[k + 1])`, ascending; each the shared-term part of a unit vector (its other terms, one document's own, are left out), so the dot product of two is the cosine of the whole vectors. */
export interface DocumentVectors {
  start: Int32Array;
  term: Int32Array;
  weight: Float64Array;
}

/** What to leave out of a document: sentences of flagged classes, positions covered by runs of flagged classes. */
export interface Cleaning {
  sentences: Uint8Array | undefined;
  runs: Uint8Array | undefined;
}

/** Weighted term frequencies of one document at a time, in a dense scratch array. */
export class TermCounter {
  readonly tf: Float64Array;
  private readonly masked: Uint8Array;
  /** Terms of the last document counted, ascending. */
  touched: Int32Array;
  touchedCount = 0;
  /** Term occurrences counted in the last document. */
  occurrences = 0;
  constructor(
    private readonly segments: Segments,
    private readonly analysis: Analysis,
    private readonly terms: DocumentTerms,
    private readonly shared: Shared,
    private readonly parameters: GroupParameters,
  ) {
    this.tf = new Float64Array(terms.termCount);
    this.masked = new Uint8Array(parameters.leadTerms);
    this.touched = new Int32Array(1024);
  }

  /** Clears the last document's counts. */
  clear(): void {
    for (let k = 0; k < this.touchedCount; k++) this.tf[this.touched[k]!] = 0;
    this.touchedCount = 0;
    this.occurrences = 0;
  }

  /** Counts document d (clearing the last one); returns the work done. */
  count(d: number, cleaning: Cleaning): number {
    this.clear();
    const { terms, analysis, segments, shared, masked } = this;
    const { leadTerms, runTerms, headlineWeight } = this.parameters;
    const weak = terms.weak;
    masked.fill(0);
    if (cleaning.runs) {
      const from = shared.leadStart[d]!;
      for (let p = from; p < shared.leadStart[d + 1]!; p++) if (shared.runClass[p]! >= 0 && cleaning.runs[shared.runClass[p]!]) masked.fill(1, p - from, p - from + runTerms);
    }
    this.at = 0;
    this.body = 0;
    for (let p = terms.headStart[d]!; p < terms.headStart[d + 1]!; p++) {
      const term = terms.head[p]!;
      if (weak[term]) continue;
      if (!(this.at < leadTerms && masked[this.at])) this.add(term, headlineWeight);
      this.at++;
    }
    let work = 16 + terms.headStart[d + 1]! - terms.headStart[d]!;
    const end = segments.firstOfDoc[d + 1]!;
    for (let s = segments.firstOfDoc[d]!; s < end; s++) {
      if (segments.kind[s] !== Kind.PROSE) continue;
      const dropped = cleaning.sentences !== undefined && shared.sentenceClass[s]! >= 0 && cleaning.sentences[shared.sentenceClass[s]!] === 1;
      work += analysis.termStart[s + 1]! - analysis.termStart[s]!;
      if (!this.readBody(analysis.terms, analysis.termStart[s]!, analysis.termStart[s + 1]!, dropped)) break;
    }
    work += terms.extraStart[d + 1]! - terms.extraStart[d]!;
    this.readBody(terms.extra, terms.extraStart[d]!, terms.extraStart[d + 1]!, false);
    this.touched.subarray(0, this.touchedCount).sort();
    return work + this.touchedCount;
  }

  /** Position among the document's terms (weak ones left out), for the lead's runs; body terms counted. */
  private at = 0;
  private body = 0;

  /** Adds body terms `list[from .. to)` in order; false once the body is full. */
  private readBody(list: Int32Array, from: number, to: number, dropped: boolean): boolean {
    const { leadTerms, leadWeighted, bodyWeight, bodyMost } = this.parameters;
    const { weak } = this.terms;
    for (let p = from; p < to; p++) {
      const term = list[p]!;
      if (weak[term]) continue;
      const hidden = dropped || (this.at < leadTerms && this.masked[this.at] === 1);
      this.at++;
      if (hidden) continue;
      if (this.body >= bodyMost) return false;
      this.add(term, this.body < leadWeighted ? 1 : bodyWeight);
      this.body++;
    }
    return true;
  }

  private add(term: number, weight: number): void {
    if (this.tf[term] === 0) {
      if (this.touchedCount === this.touched.length) {
        const grown = new Int32Array(this.touched.length * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.touchedCount++] = term;
    }
    this.tf[term]! += weight;
    this.occurrences++;
  }
}

/** Documents holding each term, over the documents flagged in `counted`. */
export function* documentFrequencies(counter: TermCounter, counted: Uint8Array, cleaning: Cleaning): Work<Int32Array> {
  const df = new Int32Array(counter.tf.length);
  let work = 0;
  for (let d = 0; d < counted.length; d++) {
    if (!counted[d]) continue;
    work += counter.count(d, cleaning);
    for (let k = 0; k < counter.touchedCount; k++) df[counter.touched[k]!]!++;
    if (work >= 50_000) {
      work = 0;
      yield;
    }
  }
  counter.clear();
  return df;
}

/** `(1 + ln tf)` for tf = k/2, k < LN_TABLE (term frequencies are multiples of one half). */
const LN_TABLE = 4096;
const onePlusLn = Float64Array.from({ length: LN_TABLE }, (_, k) => 1 + ln(Math.max(k / 2, 1)));

/**
 * Vectors of the documents `which` (in that order), idf from `df` over `total` documents. Also
 * returns each document's term occurrences (after cleaning).
 */
export function* vectorsOf(
  counter: TermCounter,
  which: ArrayLike<number>,
  df: Int32Array,
  total: number,
  cleaning: Cleaning,
  weighting: Pick<GroupParameters, 'idfPower' | 'idfPseudoDocuments' | 'uniqueTermShare'>,
): Work<{ vectors: DocumentVectors; occurrences: Int32Array }> {
  const idfOf = (f: number) => pow(ln((total + weighting.idfPseudoDocuments) / f), weighting.idfPower);
  // idf depends on df alone: computed once per distinct df (0 marks not yet).
  const idfOfFrequency = new Float64Array(total + 1);
  const idf = new Float64Array(df.length);
  for (let t = 0; t < df.length; t++) {
    const f = df[t]!;
    if (f < 2) continue;
    if (idfOfFrequency[f] === 0) idfOfFrequency[f] = idfOf(f);
    idf[t] = idfOfFrequency[f]!;
  }
  // The weight of a term one document has, in its norm: faded as the feed grows (see parameters.ts).
  const uniqueIdf = ((weighting.uniqueTermShare * weighting.idfPseudoDocuments) / (total + weighting.idfPseudoDocuments)) * idfOf(1);
  yield;
  const start = new Int32Array(which.length + 1);
  // In chunks, assembled with pauses at the end: doubling one buffer of tens of millions of
  // entries (a 100,000-article feed) was a long turn of the event loop, and set off a collection.
  const term = new IntChunks();
  const weight = new RealChunks();
  let own = new Float64Array(1024); // this document's weights, until its norm is known
  const occurrences = new Int32Array(which.length);
  let work = 0;
  for (let k = 0; k < which.length; k++) {
    start[k] = term.length;
    work += counter.count(which[k]!, cleaning);
    occurrences[k] = counter.occurrences;
    if (own.length < counter.touchedCount) own = new Float64Array(2 * counter.touchedCount);
    let squares = 0;
    let kept = 0;
    for (let i = 0; i < counter.touchedCount; i++) {
      const t = counter.touched[i]!;
      const f = counter.tf[t]!;
      const tfWeight = 2 * f < LN_TABLE ? onePlusLn[2 * f]! : 1 + ln(f);
      const x = idf[t]! * tfWeight;
      if (x <= 0) {
        // Not in the vector (it matches nothing), but in its norm.
        if (df[t] === 1) squares += (uniqueIdf * tfWeight) ** 2;
        continue;
      }
      term.push(t);
      own[kept++] = x;
      squares += x * x;
    }
    const norm = Math.sqrt(squares);
    for (let i = 0; i < kept; i++) weight.push(own[i]! / norm);
    if (work >= 50_000) {
      work = 0;
      yield;
    }
  }
  start[which.length] = term.length;
  counter.clear();
  return { vectors: { start, term: yield* term.toArray(), weight: yield* weight.toArray() }, occurrences };
}

/** Dot product of vectors a and b (the cosine of the whole vectors), and how many terms they share. */
export function cosineOf(vectors: DocumentVectors, a: number, b: number): number {
  const { start, term, weight } = vectors;
  let p = start[a]!;
  let q = start[b]!;
  const pEnd = start[a + 1]!;
  const qEnd = start[b + 1]!;
  let dot = 0;
  while (p < pEnd && q < qEnd) {
    const x = term[p]!;
    const y = term[q]!;
    if (x === y) dot += weight[p++]! * weight[q++]!;
    else if (x < y) p++;
    else q++;
  }
  return dot;
}
