/**
 * Each node's strongest edges, at most `capacity`, kept in a min-heap per node (flat
 * [neighbour, similarity, …], weakest at the root) so a hub that thousands of groups pick never
 * holds more than its best: the same edges as collecting them all and keeping the best,
 * ordered by similarity and then by neighbour id.
 */
export class StrongestEdges {
  readonly edgesOf: number[][];
  constructor(
    nodes: number,
    private readonly capacity: number,
  ) {
    this.edgesOf = Array.from({ length: nodes }, () => []);
  }
  add(node: number, neighbour: number, similarity: number): void {
    const heap = this.edgesOf[node]!;
    let i = heap.length >> 1;
    if (i < this.capacity) {
      // Sift up: a slot below its parent (weaker, or as strong with a larger id) swaps with it.
      heap.push(neighbour, similarity);
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const ps = heap[2 * parent + 1]!;
        if (!(similarity < ps || (similarity === ps && neighbour > heap[2 * parent]!))) break;
        heap[2 * i] = heap[2 * parent]!;
        heap[2 * i + 1] = ps;
        i = parent;
      }
      heap[2 * i] = neighbour;
      heap[2 * i + 1] = similarity;
      return;
    }
    if (similarity < heap[1]! || (similarity === heap[1]! && neighbour > heap[0]!)) return; // weaker than the weakest kept
    // Sift down from the root: the weaker child moves up while it is below the new edge.
    i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.capacity) break;
      if (child + 1 < this.capacity) {
        const a = heap[2 * child + 1]!;
        const b = heap[2 * child + 3]!;
        if (b < a || (b === a && heap[2 * child + 2]! > heap[2 * child]!)) child++;
      }
      const cs = heap[2 * child + 1]!;
      if (!(cs < similarity || (cs === similarity && heap[2 * child]! > neighbour))) break;
      heap[2 * i] = heap[2 * child]!;
      heap[2 * i + 1] = cs;
      i = child;
    }
    heap[2 * i] = neighbour;
    heap[2 * i + 1] = similarity;
  }
}
