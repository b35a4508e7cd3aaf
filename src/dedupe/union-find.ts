/** Disjoint sets over `0 .. size - 1`: the transitive closure of the duplicate relation. The smaller id is always the root. */
export class UnionFind {
  readonly parent: Int32Array;
  /** Members of each set, valid at its root. */
  readonly size: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    this.size = new Int32Array(size).fill(1);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!; // path halving
      x = parent[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const joined = this.size[ra]! + this.size[rb]!;
    if (ra < rb) {
      this.parent[rb] = ra;
      this.size[ra] = joined;
    } else {
      this.parent[ra] = rb;
      this.size[rb] = joined;
    }
  }
}
