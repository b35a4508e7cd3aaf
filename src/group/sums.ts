/**
 * The sum of the vectors of each cluster's documents. The average cosine over all pairs of two
 * clusters A and B is exactly S_A · S_B / (|A| · |B|) (the cosine of two documents is the dot
 * product of their vectors, vectors.ts, and the dot product is bilinear): group-average linkage
 * over every pair, not only the pairs the sparse graph holds, at the cost of one sparse dot
 * product per neighbouring cluster.
 */
import type { DocumentVectors } from './vectors.js';

export class ClusterSums {
  /** A merged cluster's sum: terms and weights in buffers that only grow (ownLength entries used). */
  private readonly ownTerm: (Int32Array | undefined)[] = [];
  private readonly ownWeight: (Float64Array | undefined)[] = [];
  private readonly ownLength: Int32Array;
  /** Where a merge is written before it is copied to its cluster: reused, never reallocated per merge. */
  private scratchTerm = new Int32Array(1024);
  private scratchWeight = new Float64Array(1024);
  private readonly dense: Float64Array;
  /** The terms of the sum in `dense` (ascending). */
  private loaded: Int32Array = new Int32Array(0);
  constructor(
    private readonly vectors: DocumentVectors,
    termCount: number,
  ) {
    this.dense = new Float64Array(termCount);
    this.ownLength = new Int32Array(vectors.start.length);
  }

  private terms(c: number): Int32Array {
    const own = this.ownTerm[c];
    return own ? own.subarray(0, this.ownLength[c]!) : this.vectors.term.subarray(this.vectors.start[c]!, this.vectors.start[c + 1]!);
  }
  private weights(c: number): Float64Array {
    const own = this.ownWeight[c];
    return own ? own.subarray(0, this.ownLength[c]!) : this.vectors.weight.subarray(this.vectors.start[c]!, this.vectors.start[c + 1]!);
  }

  /**
   * S_a ← S_a + S_b (sorted merge); S_b is dropped. Returns the work done. A new array per merge
   * (tens of thousands of entries for a big story's sum) made the collector run full collections
   * of a gigabyte heap every second on a 100,000-article feed; buffers now grow by doubling, and
   * S_a takes over S_b's when those are the larger.
   */
  merge(a: number, b: number): number {
    const ta = this.terms(a);
    const wa = this.weights(a);
    const tb = this.terms(b);
    const wb = this.weights(b);
    const most = ta.length + tb.length;
    if (this.scratchTerm.length < most) {
      this.scratchTerm = new Int32Array(2 * most);
      this.scratchWeight = new Float64Array(2 * most);
    }
    const term = this.scratchTerm;
    const weight = this.scratchWeight;
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
    let ownTerm = this.ownTerm[a];
    let ownWeight = this.ownWeight[a];
    const theirs = this.ownTerm[b];
    if (theirs !== undefined && (ownTerm === undefined || theirs.length > ownTerm.length)) {
      ownTerm = theirs;
      ownWeight = this.ownWeight[b];
    }
    if (ownTerm === undefined || ownWeight === undefined || ownTerm.length < n) {
      const capacity = Math.max(16, n, 2 * (ownTerm?.length ?? 0));
      ownTerm = new Int32Array(capacity);
      ownWeight = new Float64Array(capacity);
    }
    ownTerm.set(term.subarray(0, n));
    ownWeight.set(weight.subarray(0, n));
    this.ownTerm[a] = ownTerm;
    this.ownWeight[a] = ownWeight;
    this.ownLength[a] = n;
    this.ownTerm[b] = undefined;
    this.ownWeight[b] = undefined;
    this.ownLength[b] = 0;
    return most;
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
    return this.ownTerm[c] !== undefined ? this.ownLength[c]! : this.vectors.start[c + 1]! - this.vectors.start[c]!;
  }
  /** About the work of `dot(c)`: entries read, or searched for. */
  dotWork(c: number): number {
    return Math.min(this.size(c), 8 * this.loaded.length);
  }
}
