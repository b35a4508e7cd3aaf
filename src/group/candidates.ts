/**
 * The similarity graph, never from all pairs. Each document is indexed under its `signatureTerms`
 * heaviest terms; two documents are candidates when they share indexed terms, scored by the part
 * of their dot product on those terms. A term indexed for more than `maxPostings` documents is too
 * common to propose them all: it proposes only the few beside the document in its posting list
 * (a story of thousands of near-copies shares nothing rarer). Each document computes the exact
 * cosine with its `candidates` best candidates, and keeps an edge when the two share at least
 * `minSharedTerms` terms (one shared word alone is never evidence) and the cosine is at least
 * `edgeFloor`. Work per document is bounded by signatureTerms × maxPostings accumulations and
 * `candidates` cosines.
 */
import type { Work } from '../schedule.js';
import type { GroupParameters } from './parameters.js';
import { IntChunks, IntList, RealChunks } from '../int-list.js';
import type { DocumentVectors } from './vectors.js';

/** Undirected edges `a[k] < b[k]` with their cosine, in the order found. */
export interface Edges {
  count: number;
  a: Int32Array;
  b: Int32Array;
  similarity: Float64Array;
}

/**
 * Edges between the documents flagged in `joins` (vector k is document k). `apart(i, j)` says
 * two documents may never be one story (too far apart in time): they are never candidates.
 */
export function* similarityEdges(
  vectors: DocumentVectors,
  joins: Uint8Array,
  termCount: number,
  apart: ((i: number, j: number) => boolean) | undefined,
  parameters: GroupParameters,
): Work<Edges> {
  const { signatureTerms, maxPostings, candidates: most, minSharedTerms, edgeFloor } = parameters;
  const count = joins.length;
  const { start, term, weight } = vectors;
  // Signatures: each document's heaviest terms (ties by term id), as positions into its vector.
  const signatureStart = new Int32Array(count + 1);
  const signature = new IntList(count * 8);
  const top = new Int32Array(signatureTerms);
  let work = 0;
  for (let d = 0; d < count; d++) {
    signatureStart[d] = signature.length;
    if (!joins[d]) continue;
    let kept = 0;
    for (let p = start[d]!; p < start[d + 1]!; p++) {
      // Insert p into `top` (heaviest first; an equal weight keeps the lower term, which comes first).
      if (kept === signatureTerms && weight[p]! <= weight[top[kept - 1]!]!) continue;
      let at = kept < signatureTerms ? kept++ : kept - 1;
      while (at > 0 && weight[top[at - 1]!]! < weight[p]!) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = p;
    }
    for (let k = 0; k < kept; k++) signature.push(top[k]!);
    if ((work += 16 + start[d + 1]! - start[d]!) >= 50_000) {
      work = 0;
      yield;
    }
  }
  signatureStart[count] = signature.length;
  const signatures = signature.toArray();

  // The inverted index: for each term, the documents whose signature holds it (ascending) and their weight.
  // (Pausing as it goes: millions of entries written all over arrays of a million terms.)
  const postingStart = new Int32Array(termCount + 1);
  for (let k = 0; k < signatures.length; k++) {
    postingStart[term[signatures[k]!]! + 1]!++;
    if ((k & 65535) === 65535) yield;
  }
  for (let t = 0; t < termCount; t++) postingStart[t + 1]! += postingStart[t]!;
  const postingDocument = new Int32Array(signatures.length);
  const postingWeight = new Float64Array(signatures.length);
  const fill = postingStart.slice(0, termCount);
  for (let d = 0; d < count; d++) {
    for (let k = signatureStart[d]!; k < signatureStart[d + 1]!; k++) {
      const p = signatures[k]!;
      const at = fill[term[p]!]!++;
      postingDocument[at] = d;
      postingWeight[at] = weight[p]!;
    }
    if ((d & 2047) === 2047) yield;
  }
  yield;

  const score = new Float64Array(count);
  const touched = new IntList(1024);
  const best = new Int32Array(most);
  const candidateStart = new Int32Array(count + 1);
  const candidates = new IntList(count * 4);
  const dense = new Float64Array(termCount);
  // In chunks: a feed of 100,000 articles has millions of edges (see IntChunks).
  const edgeA = new IntChunks();
  const edgeB = new IntChunks();
  const similarity = new RealChunks();
  for (let i = 0; i < count; i++) {
    candidateStart[i] = candidates.length;
    if (!joins[i]) continue;
    for (let k = signatureStart[i]!; k < signatureStart[i + 1]!; k++) {
      const p = signatures[k]!;
      const t = term[p]!;
      const from = postingStart[t]!;
      const to = postingStart[t + 1]!;
      const w = weight[p]!;
      // A term too common to propose everyone proposes the documents nearest i in its posting list
      // (canonical order) on each side, so a story of thousands of near-copies still has edges to
      // merge on; documents outside the time window are passed over, a bounded number of them.
      const common = to - from > maxPostings;
      const at = common ? positionOf(postingDocument, from, to, i) : from;
      for (let side = common ? -1 : 1; side <= 1; side += 2) {
        let found = 0;
        let q = side < 0 ? at - 1 : at;
        for (let seen = 0; q >= from && q < to && (!common || (found < COMMON_TERM_NEIGHBOURS && seen < COMMON_TERM_SCAN)); q += side, seen++) {
          const j = postingDocument[q]!;
          if (j === i) continue;
          if (score[j] === 0) {
            if (apart?.(i, j)) continue;
            touched.push(j);
          }
          score[j]! += w * postingWeight[q]!;
          found++;
        }
        work += Math.abs(q - at);
      }
    }
    // The `most` best scores, ties by the lower index.
    let kept = 0;
    for (let k = 0; k < touched.length; k++) {
      const j = touched.data[k]!;
      const s = score[j]!;
      if (kept === most && !better(s, j, score[best[kept - 1]!]!, best[kept - 1]!)) continue;
      let at = kept < most ? kept++ : kept - 1;
      while (at > 0 && better(s, j, score[best[at - 1]!]!, best[at - 1]!)) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = j;
    }
    for (let k = 0; k < touched.length; k++) score[touched.data[k]!] = 0;
    work += touched.length;
    touched.length = 0;
    // Exact cosines, i loaded once into a dense array; a pair both sides proposed is computed once.
    for (let p = start[i]!; p < start[i + 1]!; p++) dense[term[p]!] = weight[p]!;
    for (let k = 0; k < kept; k++) {
      const j = best[k]!;
      candidates.push(j);
      if (j < i && proposed(candidates.data, candidateStart[j]!, candidateStart[j + 1]!, i)) continue;
      let dot = 0;
      let common = 0;
      for (let p = start[j]!; p < start[j + 1]!; p++) {
        const x = dense[term[p]!]!;
        if (x !== 0) {
          dot += x * weight[p]!;
          common++;
        }
      }
      work += start[j + 1]! - start[j]!;
      if (common >= minSharedTerms && dot >= edgeFloor) {
        edgeA.push(Math.min(i, j));
        edgeB.push(Math.max(i, j));
        similarity.push(dot);
      }
    }
    for (let p = start[i]!; p < start[i + 1]!; p++) dense[term[p]!] = 0;
    if ((work += 16) >= 50_000) {
      work = 0;
      yield;
    }
  }
  return { count: similarity.length, a: yield* edgeA.toArray(), b: yield* edgeB.toArray(), similarity: yield* similarity.toArray() };
}

/** Documents a term held by more than `maxPostings` documents proposes on each side of one of them … */
const COMMON_TERM_NEIGHBOURS = 4;
/** … looking at most at this many entries on each side (those outside the time window are passed over). */
const COMMON_TERM_SCAN = 64;

/** Where `value` is (or would be) in the ascending `list[from .. to)`. */
function positionOf(list: Int32Array, from: number, to: number, value: number): number {
  while (from < to) {
    const middle = (from + to) >>> 1;
    if (list[middle]! < value) from = middle + 1;
    else to = middle;
  }
  return from;
}

/** Score s of document j ranks before score t of document k. */
function better(s: number, j: number, t: number, k: number): boolean {
  return s > t || (s === t && j < k);
}

function proposed(list: Int32Array, from: number, to: number, value: number): boolean {
  for (let k = from; k < to; k++) if (list[k] === value) return true;
  return false;
}
