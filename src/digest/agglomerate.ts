/**
 * Average-linkage agglomeration on the sparse similarity graph. The link of two clusters A and B
 * is W(A, B) / (|A| · |B|), W the sum of the cosines of the edges between them; a pair without an
 * edge counts 0, so a merge needs similarity spread over all pairs of the two clusters and one
 * strong pair cannot glue two stories together (single linkage chains a whole feed into a few
 * giant stories). The best link is merged while it is at least the threshold; W(A ∪ B, C) =
 * W(A, C) + W(B, C) exactly. No number of stories is given; nothing is random.
 *
 * A cluster is named by its lowest document index (the root of a union-find). Neighbour lists are
 * rebuilt only for the merged cluster: the others keep entries for clusters that have since merged,
 * which resolve through the union-find and add up when their own turn comes. A lazy max-heap
 * (heap.ts) holds candidate merges; an entry is stale once either cluster has changed.
 */
import type { Work } from '../schedule.js';
import type { Edges } from './candidates.js';
import { MergeHeap } from './heap.js';

/**
 * Clusters of `count` documents: each document's cluster root. `time[d]` is document d's time in
 * ms (NaN when unknown); when `window` is given, no cluster ever spans more than it.
 */
export function* averageLinkage(count: number, edges: Edges, threshold: number, time: Float64Array, window: number | undefined): Work<Int32Array> {
  const parent = Int32Array.from({ length: count }, (_, d) => d);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const size = new Int32Array(count).fill(1);
  const version = new Int32Array(count);
  const earliest = Float64Array.from(time, (t) => (Number.isNaN(t) ? Infinity : t));
  const latest = Float64Array.from(time, (t) => (Number.isNaN(t) ? -Infinity : t));
  const fits = (a: number, b: number) => window === undefined || Math.max(latest[a]!, latest[b]!) - Math.min(earliest[a]!, earliest[b]!) <= window;

  // Neighbour lists: both directions of every edge, in CSR form; a merged cluster gets a list of its own.
  const degree = new Int32Array(count + 1);
  for (let k = 0; k < edges.count; k++) {
    degree[edges.a[k]! + 1]!++;
    degree[edges.b[k]! + 1]!++;
  }
  for (let d = 0; d < count; d++) degree[d + 1]! += degree[d]!;
  const csrNeighbour = new Int32Array(2 * edges.count);
  const csrWeight = new Float64Array(2 * edges.count);
  const fill = degree.slice(0, count);
  for (let k = 0; k < edges.count; k++) {
    const a = edges.a[k]!;
    const b = edges.b[k]!;
    csrNeighbour[fill[a]!] = b;
    csrWeight[fill[a]!++] = edges.similarity[k]!;
    csrNeighbour[fill[b]!] = a;
    csrWeight[fill[b]!++] = edges.similarity[k]!;
  }
  const ownNeighbour: (Int32Array | undefined)[] = [];
  const ownWeight: (Float64Array | undefined)[] = [];

  const heap = new MergeHeap();
  const offer = (a: number, b: number, w: number) => {
    const link = w / (size[a]! * size[b]!);
    if (link >= threshold && fits(a, b)) heap.push(link, Math.min(a, b), Math.max(a, b), version[Math.min(a, b)]!, version[Math.max(a, b)]!);
  };
  for (let k = 0; k < edges.count; k++) offer(edges.a[k]!, edges.b[k]!, edges.similarity[k]!);
  yield;

  // Scratch for summing a merged cluster's weights per neighbour.
  const summed = new Float64Array(count);
  const seenBy = new Int32Array(count).fill(-1);
  const order: number[] = [];
  let work = 0;
  while (heap.size > 0) {
    const a = heap.a[0]!;
    const b = heap.b[0]!;
    const stale = parent[a] !== a || parent[b] !== b || heap.versionA[0] !== version[a] || heap.versionB[0] !== version[b];
    heap.pop();
    if (stale) continue;
    // Merge b into a (a < b: the root stays the lowest index).
    parent[b] = a;
    size[a]! += size[b]!;
    version[a]!++;
    earliest[a] = Math.min(earliest[a]!, earliest[b]!);
    latest[a] = Math.max(latest[a]!, latest[b]!);
    order.length = 0;
    for (const x of [a, b]) {
      const own = ownNeighbour[x];
      const neighbours = own ?? csrNeighbour.subarray(degree[x]!, degree[x + 1]!);
      const weights = ownWeight[x] ?? csrWeight.subarray(degree[x]!, degree[x + 1]!);
      for (let k = 0; k < neighbours.length; k++) {
        const c = find(neighbours[k]!);
        if (c === a) continue;
        if (seenBy[c] !== a) {
          seenBy[c] = a;
          order.push(c);
        }
        summed[c]! += weights[k]!;
      }
      work += neighbours.length;
    }
    const neighbours = Int32Array.from(order);
    const weights = Float64Array.from(order, (c) => summed[c]!);
    for (const c of order) {
      seenBy[c] = -1;
      summed[c] = 0;
    }
    ownNeighbour[a] = neighbours;
    ownWeight[a] = weights;
    ownNeighbour[b] = undefined;
    ownWeight[b] = undefined;
    for (let k = 0; k < neighbours.length; k++) offer(a, neighbours[k]!, weights[k]!);
    if ((work += 16 + neighbours.length) >= 50_000) {
      work = 0;
      yield;
    }
  }
  for (let d = 0; d < count; d++) find(d);
  return parent;
}
