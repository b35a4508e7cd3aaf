/** The similarity graph of rank (sparse, from an inverted index) and personalised PageRank over it. */
import { filled } from '../filled.js';
import { postingsOf, rarestFirst } from '../measures.js';
import type { Vectors } from '../model.js';
import { StrongestEdges } from './strongest.js';
import type { Work } from '../schedule.js';
import type { Progress } from '../types.js';

export interface RankParameters {
  damping: number;
  similarityFloor: number;
  tolerance: number;
  maxIterations: number;
  /** A term held by more groups than this ("said") is not used to find neighbours. */
  maxPostings: number;
  /** Earlier groups a group is compared with: found through its rarest terms first, the nearest in the text first. */
  maxCandidates: number;
  maxNeighbours: number; // edges a group keeps: its most similar neighbours
  /** Graphs of at most this many groups (a story, not a feed) are built whole: no candidate or neighbour cap. */
  exactUpTo: number;
}

export const RANK_PARAMETERS: RankParameters = Object.freeze({
  damping: 0.85,
  similarityFloor: 0.1,
  // The scores enter the prior as a fourth root, and no selection of the 500 val summaries or of
  // the val feed changes between 1e-10 and 1e-6; the 262,000 facts of the 10,000-article feed
  // took 68 iterations at 1e-10 and take 21 (power iteration 1.7 s before, in a profile).
  tolerance: 1e-6,
  maxIterations: 200,
  // Up to exactUpTo groups the graph equals the dense one (tested); above, the caps bound the work per group.
  // 250, not 1,000: a digest summarises stories of hundreds of articles one by one, and all pairs
  // of 1,000 facts cost it 18% more; on the 250 val clusters R1 moved by 0.02 (bench/QUALITY.md).
  maxPostings: 2000,
  // 8, not 32: with the caps applied to every val cluster over 40 facts, R1 @100 was 41.12 at 32,
  // 41.02 at 16 and 41.10 at 8 (centrality enters the prior as a fourth root); rank of the
  // 10,000-article feed took 2.8 s at 8 and 4.9 s at 32 (candidates' vectors miss the cache).
  maxCandidates: 8,
  maxNeighbours: 16,
  exactUpTo: 250,
});

/** Weighted graph in CSR form: neighbours of g at `start[g] .. start[g + 1]`, by id. */
export interface Graph {
  start: Int32Array;
  neighbour: Int32Array;
  similarity: Float64Array;
}

/** The similarity graph from an inverted index (see the module comment for the caps). */
export function* similarityGraph(vectors: Vectors, parameters: RankParameters, tick: (group: number) => Progress | undefined = () => undefined): Work<Graph> {
  const groupCount = vectors.norm.length;
  const termCount = vectors.frequency.length;
  const whole = groupCount <= parameters.exactUpTo;
  const maxCandidates = whole ? groupCount : parameters.maxCandidates;
  const strongest = new StrongestEdges(groupCount, whole ? groupCount : parameters.maxNeighbours);
  // Terms ranked rarest first (fewest groups, then id): a group's terms sort by this number.
  const { byRarity, rarity } = yield* rarestFirst(vectors.frequency);
  yield;
  // Terms of more than maxPostings groups find no neighbours.
  const { postingStart, postingItem: postingGroup, slotOf } = yield* postingsOf(vectors.start, vectors.term, termCount, (term) => vectors.frequency[term]! > parameters.maxPostings);
  const rarest = new Int32Array(Math.max(16, termCount));
  const touched = new Int32Array(Math.max(1, maxCandidates));
  // Read and written at random: every page mapped first (`filled`).
  const marked = yield* filled(new Uint8Array(groupCount));
  // g's weight of each of its terms, for the dot products with its candidates; its slot in the posting.
  const weightOf = yield* filled(new Float64Array(termCount));
  const stampOf = yield* filled(new Int32Array(termCount), -1);
  const slotNow = yield* filled(new Int32Array(termCount));
  // Each group's vector packed in one run of 16-byte cells (a header of its norm, then term and
  // weight side by side): a candidate's vector lies anywhere in tens of megabytes, and reading its
  // terms, weights and norm from three arrays missed the cache three times.
  const cells = new ArrayBuffer(16 * (vectors.term.length + groupCount));
  const cellReal = new Float64Array(cells);
  const cellInt = new Int32Array(cells);
  for (let g = 0; g < groupCount; g++) {
    const base = vectors.start[g]! + g;
    cellReal[2 * base] = vectors.norm[g]!;
    for (let p = vectors.start[g]!; p < vectors.start[g + 1]!; p++) {
      const cell = p + g + 1;
      cellReal[2 * cell] = vectors.weight[p]!;
      cellInt[4 * cell + 2] = vectors.term[p]!;
    }
    if ((g & 16383) === 16383) yield;
  }
  let workSinceTick = 0; // vector entries read since the last tick
  for (let g = 0; g < groupCount; g++) {
    // Candidates: earlier groups sharing a term, through the rarest terms first (they make the
    // most similar pairs) and the latest entries of each first, up to maxCandidates.
    let terms = 0;
    for (let p = vectors.start[g]!; p < vectors.start[g + 1]!; p++) {
      const term = vectors.term[p]!;
      weightOf[term] = vectors.weight[p]!;
      stampOf[term] = g;
      if (vectors.frequency[term]! <= parameters.maxPostings) {
        rarest[terms++] = rarity[term]!;
        slotNow[term] = slotOf[p]!;
      }
    }
    rarest.subarray(0, terms).sort();
    let found = 0;
    for (let t = 0; t < terms && found < maxCandidates; t++) {
      const term = byRarity[rarest[t]!]!;
      const first = postingStart[term]!;
      for (let q = slotNow[term]! - 1; q >= first && found < maxCandidates; q--) {
        const other = postingGroup[q]!;
        if (marked[other]) continue;
        marked[other] = 1;
        touched[found++] = other;
      }
    }
    // In the order found: what a heap keeps does not depend on the order edges arrive in.
    for (let c = 0; c < found; c++) {
      const other = touched[c]!;
      marked[other] = 0;
      // The cosine, summed over shared terms in ascending term order as cosine() in measures.ts does.
      let dot = 0;
      const from = vectors.start[other]!;
      const to = vectors.start[other + 1]!;
      for (let cell = from + other + 1; cell <= to + other; cell++) {
        const term = cellInt[4 * cell + 2]!;
        if (stampOf[term] === g) dot += weightOf[term]! * cellReal[2 * cell]!;
      }
      workSinceTick += to - from;
      const denominator = vectors.norm[g]! * cellReal[2 * (from + other)]!;
      const similarity = denominator === 0 ? 0 : dot / denominator;
      if (similarity >= parameters.similarityFloor) {
        strongest.add(g, other, similarity);
        strongest.offer(other, g, similarity);
      }
    }
    workSinceTick += 16 + terms;
    if (workSinceTick >= 50_000) {
      workSinceTick = 0;
      yield tick(g + 1);
    }
  }

  // Each group's strongest neighbours, listed by id.
  return yield* strongest.toGraph();
}

/**
 * Personalised PageRank with node weights: a walker at i moves to neighbour j with
 * probability ∝ similarity(i, j) × nodeWeight[j], and teleports (probability 1 − damping,
 * or always from a group without neighbours) to j with probability ∝ teleport[j].
 */
export function* powerIteration(
  graph: Graph,
  nodeWeight: Float64Array,
  teleport: Float64Array,
  parameters: RankParameters,
  tick: (iterations: number) => Progress | undefined = () => undefined,
): Work<{ scores: Float64Array; iterations: number }> {
  const n = nodeWeight.length;
  const personal = new Float64Array(n);
  let teleportSum = 0;
  for (let g = 0; g < n; g++) teleportSum += teleport[g]!;
  for (let g = 0; g < n; g++) personal[g] = teleportSum > 0 ? teleport[g]! / teleportSum : 1 / n;
  // The walker's step from g along edge e, once: similarity × weight of the neighbour ÷ g's row sum.
  const step = new Float64Array(graph.neighbour.length);
  const hasEdges = new Uint8Array(n);
  for (let g = 0; g < n; g++) {
    let sum = 0;
    for (let e = graph.start[g]!; e < graph.start[g + 1]!; e++) sum += graph.similarity[e]! * nodeWeight[graph.neighbour[e]!]!;
    if (sum === 0) continue;
    hasEdges[g] = 1;
    for (let e = graph.start[g]!; e < graph.start[g + 1]!; e++) step[e] = (graph.similarity[e]! * nodeWeight[graph.neighbour[e]!]!) / sum;
    if ((g & 4095) === 4095) yield;
  }
  let scores = Float64Array.from(personal);
  let next = new Float64Array(n);
  const d = parameters.damping;
  let iterations = 0;
  while (iterations < parameters.maxIterations) {
    iterations++;
    next.fill(0);
    let dangling = 0;
    let edgesSincePause = 0;
    for (let g = 0; g < n; g++) {
      // One pass over a graph of millions of edges takes longer than a slice: pause within it.
      edgesSincePause += 8 + graph.start[g + 1]! - graph.start[g]!;
      if (edgesSincePause >= 1 << 20) {
        edgesSincePause = 0;
        yield;
      }
      const score = scores[g]!;
      if (!hasEdges[g]) {
        dangling += score;
        continue;
      }
      for (let e = graph.start[g]!; e < graph.start[g + 1]!; e++) {
        const j = graph.neighbour[e]!;
        next[j] = next[j]! + score * step[e]!;
      }
    }
    let change = 0;
    for (let g = 0; g < n; g++) {
      const value = (1 - d) * personal[g]! + d * (next[g]! + dangling * personal[g]!);
      change += Math.abs(value - scores[g]!);
      next[g] = value;
    }
    [scores, next] = [next, scores];
    yield tick(iterations);
    // The tolerance is for a story of up to a thousand facts; a feed of many more sums as many
    // more differences, so the bar grows with it (the prior uses only the fourth root anyway).
    if (change < parameters.tolerance * Math.max(1, n / 1000)) break;
  }
  return { scores, iterations };
}

