/**
 * The sum of the unit vectors of each cluster's documents. The average cosine over all pairs of
 * two clusters A and B is exactly S_A · S_B / (|A| · |B|) (cosine of unit vectors is their dot
 * product, and the dot product is bilinear): group-average linkage over every pair, not only the
 * pairs the sparse graph holds, at the cost of one sparse dot product per neighbouring cluster.
 */
import type { DocumentVectors } from './vectors.js';

export class ClusterSums {
  private readonly ownTerm: (Int32Array | undefined)[] = [];
  private readonly ownWeight: (Float64Array | undefined)[] = [];
  private readonly dense: Float64Array;
  /** The terms of the sum in `dense` (ascending). */
  private loaded: Int32Array = new Int32Array(0);
  constructor(private readonly vectors: DocumentVectors, termCount: number) {
    this.dense = new Float64Array(termCount);
  }

  private terms(c: number): Int32Array {
    return this.ownTerm[c] ?? this.vectors.term.subarray(this.vectors.start[c]!, this.vectors.start[c + 1]!);
  }
  private weights(c: number): Float64Array {
    return this.ownWeight[c] ?? this.vectors.weight.subarray(this.vectors.start[c]!, this.vectors.start[c + 1]!);
  }

  /** S_a ← S_a + S_b (sorted merge); S_b is dropped. Returns the work done. */
  merge(a: number, b: number): number {
    const ta = this.terms(a);
    const wa = this.weights(a);
    const tb = this.terms(b);
    const wb = this.weights(b);
    const term = new Int32Array(ta.length + tb.length);
    const weight = new Float64Array(ta.length + tb.length);
    let p = 0;
    let q = 0;
    let n = 0;
    while (p < ta.length || q < tb.length) {
      if (q === tb.length || (p < ta.length && ta[p]! < tb[q]!)) {
        term[n] = ta[p]!;
        weight[n++] = wa[p++]!;
      } else if (p === ta.length || tb[q]! < ta[p]!) {
        term[n] = tb[q]!;
        weight[n++] = wb[q++]!;
      } else {
        term[n] = ta[p]!;
        weight[n++] = wa[p++]! + wb[q++]!;
      }
    }
    this.ownTerm[a] = term.slice(0, n);
    this.ownWeight[a] = weight.slice(0, n);
    this.ownTerm[b] = undefined;
    this.ownWeight[b] = undefined;
    return ta.length + tb.length;
  }

  /** Loads S_a into the dense scratch (for `dot`); `unload(a)` clears it. */
  load(a: number): void {
    const t = this.terms(a);
    const w = this.weights(a);
    this.loaded = t;
    for (let k = 0; k < t.length; k++) this.dense[t[k]!] = w[k]!;
  }
  unload(a: number): void {
    const t = this.terms(a);
    for (let k = 0; k < t.length; k++) this.dense[t[k]!] = 0;
  }
  /**
   * S_c · the loaded sum, over their shared terms in ascending order either way (the same sum to
   * the last bit). A sum much larger than the loaded one is searched rather than read: the big
   * cluster of a story is the neighbour of every document still outside it, and reading all of it
   * for each made the grouping grow with the square of a story's size.
   */
  dot(c: number): number {
    const t = this.terms(c);
    const w = this.weights(c);
    const loaded = this.loaded;
    let sum = 0;
    if (t.length <= 8 * loaded.length) {
      for (let k = 0; k < t.length; k++) sum += this.dense[t[k]!]! * w[k]!;
      return sum;
    }
    let from = 0; // t[from] is the first term not yet passed
    for (let k = 0; k < loaded.length && from < t.length; k++) {
      const term = loaded[k]!;
      // Gallop to the first entry ≥ term, then search the last step by halves.
      let step = 1;
      let hi = from;
      while (hi < t.length && t[hi]! < term) {
        from = hi + 1;
        hi += step;
        step *= 2;
      }
      if (hi > t.length) hi = t.length;
      while (from < hi) {
        const mid = (from + hi) >>> 1;
        if (t[mid]! < term) from = mid + 1;
        else hi = mid;
      }
      if (from < t.length && t[from] === term) sum += this.dense[term]! * w[from]!;
    }
    return sum;
  }
  /** Entries of S_c. */
  size(c: number): number {
    return this.ownTerm[c]?.length ?? this.vectors.start[c + 1]! - this.vectors.start[c]!;
  }
  /** About the work of `dot(c)`: entries read, or searched for. */
  dotWork(c: number): number {
    return Math.min(this.size(c), 8 * this.loaded.length);
  }
}
