/**
 * Each node's strongest edges, at most `capacity`, kept in a min-heap per node (weakest at the
 * root) so a hub that thousands of groups pick never holds more than its best: the same edges as
 * collecting them all and keeping the best, ordered by similarity and then by neighbour id.
 *
 * The heaps live in two flat typed arrays, node n's slots at `n × capacity`: a feed of 275,000
 * facts made as many small arrays before, whose collection alone blocked for a third of a second.
 */
import type { Work } from '../schedule.js';

/**
 * Edges offered to other nodes wait in a buffer per block of 2^11 nodes and are added a block
 * at a time. The node a graph is building keeps its heap in the cache; its candidates' heaps lie
 * anywhere in tens of megabytes, and adding to them one by one missed the cache each time (at
 * 260,000 facts that was a quarter of the graph's time). What a heap keeps does not depend on the
 * order edges arrive in: the strongest by similarity and then id, a total order. The buffers
 * cost 64 bytes a node, a third of the heaps.
 */
const BLOCK_SHIFT = 11;
const PENDING_PER_BLOCK = 8192;

export class StrongestEdges {
  private readonly neighbour: Int32Array;
  private readonly similarity: Float64Array;
  private readonly count: Int32Array;
  private readonly pendingRoom: number;
  private readonly pendingCount: Int32Array;
  private readonly pendingNode: Int32Array;
  private readonly pendingNeighbour: Int32Array;
  private readonly pendingSimilarity: Float64Array;
  constructor(
    private readonly nodes: number,
    private readonly capacity: number,
    private readonly blockShift = BLOCK_SHIFT,
  ) {
    this.neighbour = new Int32Array(nodes * capacity);
    this.similarity = new Float64Array(nodes * capacity);
    this.count = new Int32Array(nodes);
    const blocks = (Math.max(0, nodes - 1) >>> blockShift) + 1;
    this.pendingRoom = Math.min(PENDING_PER_BLOCK, Math.max(16, nodes));
    this.pendingCount = new Int32Array(blocks);
    this.pendingNode = new Int32Array(blocks * this.pendingRoom);
    this.pendingNeighbour = new Int32Array(blocks * this.pendingRoom);
    this.pendingSimilarity = new Float64Array(blocks * this.pendingRoom);
  }

  /** An edge for a node's heap, added with the rest of its block's (see BLOCK_SHIFT); the same heaps as `add`. */
  offer(node: number, neighbour: number, similarity: number): void {
    const block = node >>> this.blockShift;
    const k = this.pendingCount[block]!;
    const at = block * this.pendingRoom + k;
    this.pendingNode[at] = node;
    this.pendingNeighbour[at] = neighbour;
    this.pendingSimilarity[at] = similarity;
    this.pendingCount[block] = k + 1;
    if (k + 1 === this.pendingRoom) this.addPending(block);
  }

  private addPending(block: number): void {
    const from = block * this.pendingRoom;
    const to = from + this.pendingCount[block]!;
    for (let at = from; at < to; at++) this.add(this.pendingNode[at]!, this.pendingNeighbour[at]!, this.pendingSimilarity[at]!);
    this.pendingCount[block] = 0;
  }

  add(node: number, neighbour: number, similarity: number): void {
    const ids = this.neighbour;
    const sims = this.similarity;
    const base = node * this.capacity;
    let i = this.count[node]!;
    if (i < this.capacity) {
      // Sift up: a slot below its parent (weaker, or as strong with a larger id) swaps with it.
      this.count[node] = i + 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const ps = sims[base + parent]!;
        if (!(similarity < ps || (similarity === ps && neighbour > ids[base + parent]!))) break;
        ids[base + i] = ids[base + parent]!;
        sims[base + i] = ps;
        i = parent;
      }
      ids[base + i] = neighbour;
      sims[base + i] = similarity;
      return;
    }
    if (similarity < sims[base]! || (similarity === sims[base]! && neighbour > ids[base]!)) return; // weaker than the weakest kept
    // Sift down from the root: the weaker child moves up while it is below the new edge.
    i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.capacity) break;
      if (child + 1 < this.capacity) {
        const a = sims[base + child]!;
        const b = sims[base + child + 1]!;
        if (b < a || (b === a && ids[base + child + 1]! > ids[base + child]!)) child++;
      }
      const cs = sims[base + child]!;
      if (!(cs < similarity || (cs === similarity && ids[base + child]! > neighbour))) break;
      ids[base + i] = ids[base + child]!;
      sims[base + i] = cs;
      i = child;
    }
    ids[base + i] = neighbour;
    sims[base + i] = similarity;
  }

  /** Each node's edges listed by neighbour id, in CSR form: node n's at `start[n] .. start[n + 1]`. */
  *toGraph(): Work<{ start: Int32Array; neighbour: Int32Array; similarity: Float64Array }> {
    for (let block = 0; block < this.pendingCount.length; block++) {
      this.addPending(block);
      if ((block & 15) === 15) yield;
    }
    let edgeCount = 0;
    for (let n = 0; n < this.nodes; n++) edgeCount += this.count[n]!;
    const start = new Int32Array(this.nodes + 1);
    const neighbour = new Int32Array(edgeCount);
    const similarity = new Float64Array(edgeCount);
    let e = 0;
    let sorted = 0; // slots sorted since the last pause
    for (let n = 0; n < this.nodes; n++) {
      start[n] = e;
      const base = n * this.capacity;
      const k = this.count[n]!;
      // Insertion sort by id: a node keeps at most `capacity` edges (16 on a large input).
      for (let i = 0; i < k; i++) {
        const id = this.neighbour[base + i]!;
        const value = this.similarity[base + i]!;
        let at = e + i;
        while (at > e && neighbour[at - 1]! > id) {
          neighbour[at] = neighbour[at - 1]!;
          similarity[at] = similarity[at - 1]!;
          at--;
        }
        neighbour[at] = id;
        similarity[at] = value;
      }
      e += k;
      if ((sorted += 8 + k * Math.min(k, 64)) >= 200_000) {
        sorted = 0;
        yield;
      }
    }
    start[this.nodes] = e;
    return { start, neighbour, similarity };
  }
}
