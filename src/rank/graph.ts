/**
 * The similarity graph of rank and its centrality: a sparse graph from an inverted index, and
 * personalised PageRank over it.
 */
import { cosine } from '../measures.js';
import type { Vectors } from '../model.js';
import type { Work } from '../schedule.js';

export interface RankParameters {
  damping: number;
  similarityFloor: number;
  tolerance: number;
  maxIterations: number;
  maxPostings: number;
  maxNeighbours: number;
}

export const RANK_PARAMETERS: RankParameters = Object.freeze({
  damping: 0.85,
  similarityFloor: 0.1,
  tolerance: 1e-10,
  maxIterations: 200,
  // Below these caps the graph equals the dense one (tested); they bound work at scale.
  maxPostings: 2000,
  maxNeighbours: 100,
});

/** Undirected weighted graph in CSR form: neighbours of g at `start[g] .. start[g + 1]`, by id. */
export interface Graph {
  start: Int32Array;
  neighbour: Int32Array;
  similarity: Float64Array;
}

/** The similarity graph from an inverted index (see the module comment for the caps). */
export function* similarityGraph(vectors: Vectors, parameters: RankParameters): Work<Graph> {
  const groupCount = vectors.norm.length;
  const edgesOf: number[][] = Array.from({ length: groupCount }, () => []); // flat [neighbour, similarity, …]
  const postings = new Map<number, number[]>();
  const touched: number[] = [];
  const marked = new Uint8Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    touched.length = 0;
    for (let p = vectors.start[g]!; p < vectors.start[g + 1]!; p++) {
      const term = vectors.term[p]!;
      let posting = postings.get(term);
      if (posting === undefined) {
        posting = [];
        postings.set(term, posting);
      }
      if (vectors.frequency[term]! <= parameters.maxPostings) {
        for (const other of posting) {
          if (marked[other]) continue;
          marked[other] = 1;
          touched.push(other);
        }
        posting.push(g);
      }
    }
    touched.sort((a, b) => a - b);
    for (const other of touched) {
      marked[other] = 0;
      const similarity = cosine(vectors, g, other);
      if (similarity >= parameters.similarityFloor) {
        edgesOf[g]!.push(other, similarity);
        edgesOf[other]!.push(g, similarity);
      }
    }
    if ((g & 127) === 127) yield { stage: 'rank', done: g + 1, total: groupCount };
  }

  // Keep each group's strongest neighbours, then list them by id.
  const start = new Int32Array(groupCount + 1);
  const neighbours: number[] = [];
  const similarities: number[] = [];
  const order: number[] = [];
  for (let g = 0; g < groupCount; g++) {
    start[g] = neighbours.length;
    const edges = edgesOf[g]!;
    const n = edges.length / 2;
    order.length = 0;
    for (let e = 0; e < n; e++) order.push(e);
    if (n > parameters.maxNeighbours) {
      order.sort((a, b) => edges[2 * b + 1]! - edges[2 * a + 1]! || edges[2 * a]! - edges[2 * b]!);
      order.length = parameters.maxNeighbours;
    }
    order.sort((a, b) => edges[2 * a]! - edges[2 * b]!);
    for (const e of order) {
      neighbours.push(edges[2 * e]!);
      similarities.push(edges[2 * e + 1]!);
    }
    edgesOf[g] = [];
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
    for (let g = 0; g < n; g++) {
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
    yield { stage: 'rank', done: iterations, total: parameters.maxIterations };
    if (change < parameters.tolerance) break;
  }
  return { scores, iterations };
}

