/**
 * Group-average linkage, the candidate merges taken from the sparse similarity graph. The link of
 * two clusters A and B is the average cosine over all their pairs, S_A · S_B / (|A| · |B|) with S
 * the sum of a cluster's document vectors (sums.ts): exact, not only over the pairs the graph holds.
 * One strong pair cannot glue two stories together: the similarity must be spread over all pairs
 * (single linkage chains a whole feed into a few giant stories). The best link is merged while it
 * is at least the threshold. Only clusters joined by an edge are candidates. No number of stories
 * is given; nothing is random.
 *
 * A cluster is named by its lowest document index (the root of a union-find). Neighbour lists are
 * rebuilt only for the merged cluster: the others keep entries for clusters that have since merged,
 * which resolve through the union-find. A lazy max-heap (heap.ts) holds candidate merges; an entry
 * is stale once either cluster has changed. Ties break by cluster ids, i.e. canonical order.
 */
import type { Work } from '../schedule.js';
import type { Edges } from './candidates.js';
import { MergeHeap } from './heap.js';
import { ClusterSums } from './sums.js';
import type { DocumentVectors } from './vectors.js';

/** Work (vector entries read, heap entries) between two pauses. */
const WORK_PER_PAUSE = 50_000;

/**
 * Clusters of the documents: each document's cluster root. `time[d]` is document d's time in ms
 * (NaN when unknown); when `window` is given, no cluster ever spans more than it.
 */
export function* averageLinkage(
  vectors: DocumentVectors,
  termCount: number,
  edges: Edges,
  threshold: number,
  time: Float64Array,
  window: number | undefined,
): Work<Int32Array> {
  const count = time.length;
  // Filled by plain loops: typed arrays `from` a mapping function took tens of milliseconds a million.
  const parent = new Int32Array(count);
  const earliest = new Float64Array(count);
  const latest = new Float64Array(count);
  for (let d = 0; d < count; d++) {
    parent[d] = d;
    earliest[d] = Number.isNaN(time[d]!) ? Infinity : time[d]!;
    latest[d] = Number.isNaN(time[d]!) ? -Infinity : time[d]!;
  }
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const size = new Int32Array(count).fill(1);
  const version = new Int32Array(count);
  const fits = (a: number, b: number) => window === undefined || Math.max(latest[a]!, latest[b]!) - Math.min(earliest[a]!, earliest[b]!) <= window;
  const sums = new ClusterSums(vectors, termCount);

  // Neighbour lists: both directions of every edge, in CSR form; a merged cluster gets a list of its own.
  const degree = new Int32Array(count + 1);
  for (let k = 0; k < edges.count; k++) {
    degree[edges.a[k]! + 1]!++;
    degree[edges.b[k]! + 1]!++;
    if ((k & 65535) === 65535) yield;
  }
  for (let d = 0; d < count; d++) degree[d + 1]! += degree[d]!;
  const csr = new Int32Array(2 * edges.count);
  const fill = degree.slice(0, count);
  for (let k = 0; k < edges.count; k++) {
    csr[fill[edges.a[k]!]!++] = edges.b[k]!;
    csr[fill[edges.b[k]!]!++] = edges.a[k]!;
    if ((k & 65535) === 65535) yield;
  }
  // A merged cluster's neighbours, in a buffer that only grows (ownCount entries used).
  const own: (Int32Array | undefined)[] = [];
  const ownCount = new Int32Array(count);
  yield;

  const heap = new MergeHeap();
  const offer = (a: number, b: number, sum: number) => {
    const link = sum / (size[a]! * size[b]!);
    if (link >= threshold && fits(a, b)) heap.push(link, Math.min(a, b), Math.max(a, b), version[Math.min(a, b)]!, version[Math.max(a, b)]!);
  };
  // Between two documents the link is the edge's cosine.
  for (let k = 0; k < edges.count; k++) {
    offer(edges.a[k]!, edges.b[k]!, edges.similarity[k]!);
    if ((k & 16383) === 16383) yield;
  }

  const seenBy = new Int32Array(count).fill(-1);
  const neighbours: number[] = [];
  let work = 0;
  while (heap.size > 0) {
    // Checked on every pop: a run of millions of stale entries, or of merges into a story with
    // few neighbours, never reached the check in the loop over neighbours below.
    if (work >= WORK_PER_PAUSE) {
      work = 0;
      yield;
    }
    const a = heap.a[0]!;
    const b = heap.b[0]!;
    const stale = parent[a] !== a || parent[b] !== b || heap.versionA[0] !== version[a] || heap.versionB[0] !== version[b];
    heap.pop();
    work += 16; // a pop sifts through a heap of millions: about as long as reading 16 entries
    if (stale) continue;
    // Merge b into a (a < b: the root stays the lowest index).
    parent[b] = a;
    size[a]! += size[b]!;
    version[a]!++;
    earliest[a] = Math.min(earliest[a]!, earliest[b]!);
    latest[a] = Math.max(latest[a]!, latest[b]!);
    neighbours.length = 0;
    for (const x of [a, b]) {
      const list = own[x] !== undefined ? own[x].subarray(0, ownCount[x]!) : csr.subarray(degree[x]!, degree[x + 1]!);
      for (let k = 0; k < list.length; k++) {
        const c = find(list[k]!);
        if (c === a || seenBy[c] === a) continue;
        seenBy[c] = a;
        neighbours.push(c);
      }
      work += list.length;
    }
    for (const c of neighbours) seenBy[c] = -1;
    // (A new array per merge made the collector run full collections of a large heap.)
    let list = own[a];
    if (own[b] !== undefined && (list === undefined || own[b].length > list.length)) list = own[b];
    if (list === undefined || list.length < neighbours.length) list = new Int32Array(Math.max(16, neighbours.length, 2 * (list?.length ?? 0)));
    for (let k = 0; k < neighbours.length; k++) list[k] = neighbours[k]!;
    own[a] = list;
    ownCount[a] = neighbours.length;
    own[b] = undefined;
    work += sums.merge(a, b);
    // The merged cluster's link with each neighbour: one sparse dot product each.
    sums.load(a);
    for (const c of neighbours) {
      offer(a, c, sums.dot(c));
      if ((work += 8 + sums.dotWork(c)) >= WORK_PER_PAUSE) {
        work = 0;
        yield;
      }
    }
    sums.unload(a);
  }
  for (let d = 0; d < count; d++) find(d);
  return parent;
}
