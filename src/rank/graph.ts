/**
 * The similarity graph of rank and its centrality: a sparse graph from an inverted index, and
 * personalised PageRank over it.
 */
import type { Vectors } from '../model.js';
import type { Work } from '../schedule.js';
import type { Progress } from '../types.js';

export interface RankParameters {
  damping: number;
  similarityFloor: number;
  tolerance: number;
  maxIterations: number;
  /** A term held by more groups than this ("said", the story's main name) is not used to find neighbours. */
  maxPostings: number;
  /** Earlier groups a group is compared with: found through its rarest terms first, the nearest in the text first. */
  maxCandidates: number;
  /** Edges a group keeps: its most similar neighbours. */
  maxNeighbours: number;
}

export const RANK_PARAMETERS: RankParameters = Object.freeze({
  damping: 0.85,
  similarityFloor: 0.1,
  tolerance: 1e-10,
  maxIterations: 200,
  // Below these caps the graph equals the dense one (tested); they bound the work per group.
  maxPostings: 2000,
  maxCandidates: 64,
  maxNeighbours: 32,
});

/** Undirected weighted graph in CSR form: neighbours of g at `start[g] .. start[g + 1]`, by id. */
export interface Graph {
  start: Int32Array;
  neighbour: Int32Array;
  similarity: Float64Array;
}

/**
 * Each node's strongest edges, at most `capacity`, kept in a min-heap per node (flat
 * [neighbour, similarity, …], weakest at the root) so a hub that thousands of groups pick never
 * holds more than its best: the same edges as collecting them all and keeping the best,
 * ordered by similarity and then by neighbour id.
 */
class StrongestEdges {
  readonly edgesOf: number[][];
  constructor(
    nodes: number,
    private readonly capacity: number,
  ) {
    this.edgesOf = Array.from({ length: nodes }, () => []);
  }
  /** a ranks below b: weaker, or as strong with a larger neighbour id. */
  private static below(heap: number[], a: number, b: number): boolean {
    const sa = heap[2 * a + 1]!;
    const sb = heap[2 * b + 1]!;
    return sa < sb || (sa === sb && heap[2 * a]! > heap[2 * b]!);
  }
  private static swap(heap: number[], a: number, b: number): void {
    [heap[2 * a], heap[2 * b]] = [heap[2 * b]!, heap[2 * a]!];
    [heap[2 * a + 1], heap[2 * b + 1]] = [heap[2 * b + 1]!, heap[2 * a + 1]!];
  }
  add(node: number, neighbour: number, similarity: number): void {
    const heap = this.edgesOf[node]!;
    let i = heap.length / 2;
    if (i < this.capacity) {
      heap.push(neighbour, similarity);
      while (i > 0 && StrongestEdges.below(heap, i, (i - 1) >> 1)) {
        StrongestEdges.swap(heap, i, (i - 1) >> 1);
        i = (i - 1) >> 1;
      }
      return;
    }
    if (similarity < heap[1]! || (similarity === heap[1]! && neighbour > heap[0]!)) return; // weaker than the weakest kept
    heap[0] = neighbour;
    heap[1] = similarity;
    for (i = 0; ; ) {
      const left = 2 * i + 1;
      let weakest = i;
      if (left < this.capacity && StrongestEdges.below(heap, left, weakest)) weakest = left;
      if (left + 1 < this.capacity && StrongestEdges.below(heap, left + 1, weakest)) weakest = left + 1;
      if (weakest === i) return;
      StrongestEdges.swap(heap, i, weakest);
      i = weakest;
    }
  }
}

/** The similarity graph from an inverted index (see the module comment for the caps). */
export function* similarityGraph(vectors: Vectors, parameters: RankParameters, tick: (group: number) => Progress | undefined = () => undefined): Work<Graph> {
  const groupCount = vectors.norm.length;
  const strongest = new StrongestEdges(groupCount, parameters.maxNeighbours);
  const postings = new Map<number, number[]>();
  const touched: number[] = [];
  const marked = new Uint8Array(groupCount);
  const rarestFirst: number[] = [];
  // g's weight of each of its terms, for the dot products with its candidates.
  const weightOf = new Float64Array(vectors.frequency.length);
  const stampOf = new Int32Array(vectors.frequency.length).fill(-1);
  for (let g = 0; g < groupCount; g++) {
    // Candidates: earlier groups sharing a term, through the rarest terms first (they make the
    // most similar pairs) and the latest entries of each first, up to maxCandidates.
    rarestFirst.length = 0;
    for (let p = vectors.start[g]!; p < vectors.start[g + 1]!; p++) {
      const term = vectors.term[p]!;
      weightOf[term] = vectors.weight[p]!;
      stampOf[term] = g;
      if (vectors.frequency[term]! <= parameters.maxPostings) rarestFirst.push(term);
    }
    rarestFirst.sort((a, b) => vectors.frequency[a]! - vectors.frequency[b]! || a - b);
    touched.length = 0;
    for (let t = 0; t < rarestFirst.length && touched.length < parameters.maxCandidates; t++) {
      const posting = postings.get(rarestFirst[t]!);
      if (posting === undefined) continue;
      for (let q = posting.length - 1; q >= 0 && touched.length < parameters.maxCandidates; q--) {
        const other = posting[q]!;
        if (marked[other]) continue;
        marked[other] = 1;
        touched.push(other);
      }
    }
    for (const term of rarestFirst) {
      let posting = postings.get(term);
      if (posting === undefined) postings.set(term, (posting = []));
      posting.push(g);
    }
    touched.sort((a, b) => a - b);
    for (const other of touched) {
      marked[other] = 0;
      // The cosine, summed over shared terms in ascending term order as cosine() in measures.ts does.
      let dot = 0;
      for (let q = vectors.start[other]!; q < vectors.start[other + 1]!; q++) {
        const term = vectors.term[q]!;
        if (stampOf[term] === g) dot += weightOf[term]! * vectors.weight[q]!;
      }
      const denominator = vectors.norm[g]! * vectors.norm[other]!;
      const similarity = denominator === 0 ? 0 : dot / denominator;
      if (similarity >= parameters.similarityFloor) {
        strongest.add(g, other, similarity);
        strongest.add(other, g, similarity);
      }
    }
    if ((g & 127) === 127) yield tick(g + 1);
  }

  // Each group's strongest neighbours, listed by id.
  const start = new Int32Array(groupCount + 1);
  const neighbours: number[] = [];
  const similarities: number[] = [];
  const order: number[] = [];
  for (let g = 0; g < groupCount; g++) {
    start[g] = neighbours.length;
    const edges = strongest.edgesOf[g]!;
    order.length = 0;
    for (let e = 0; e < edges.length / 2; e++) order.push(e);
    order.sort((a, b) => edges[2 * a]! - edges[2 * b]!);
    for (const e of order) {
      neighbours.push(edges[2 * e]!);
      similarities.push(edges[2 * e + 1]!);
    }
    strongest.edgesOf[g] = [];
  }
  start[groupCount] = neighbours.length;
  return { start, neighbour: Int32Array.from(neighbours), similarity: Float64Array.from(similarities) };
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
  const rowSum = new Float64Array(n);
  for (let g = 0; g < n; g++) {
    let sum = 0;
    for (let e = graph.start[g]!; e < graph.start[g + 1]!; e++) sum += graph.similarity[e]! * nodeWeight[graph.neighbour[e]!]!;
    rowSum[g] = sum;
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
      if (rowSum[g] === 0) {
        dangling += scores[g]!;
        continue;
      }
      const share = scores[g]! / rowSum[g]!;
      for (let e = graph.start[g]!; e < graph.start[g + 1]!; e++) {
        const j = graph.neighbour[e]!;
        next[j] = next[j]! + share * graph.similarity[e]! * nodeWeight[j]!;
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
    if (change < parameters.tolerance) break;
  }
  return { scores, iterations };
}

