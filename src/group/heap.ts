/**
 * A max-heap of candidate merges over typed arrays: the highest link first, ties by the lower
 * first cluster, then the lower second cluster (cluster ids are their lowest document index, so
 * ties break by canonical order). Each entry carries the clusters' versions when pushed: the
 * caller skips an entry whose clusters have changed since (lazy deletion).
 */
export class MergeHeap {
  link = new Float64Array(1024);
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  versionA = new Int32Array(1024);
  versionB = new Int32Array(1024);
  size = 0;

  push(link: number, a: number, b: number, versionA: number, versionB: number): void {
    if (this.size === this.link.length) this.grow();
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.before(link, a, b, parent)) break;
      this.move(parent, at);
      at = parent;
    }
    this.set(at, link, a, b, versionA, versionB);
  }

  /** Removes the top entry; read it first from index 0. */
  pop(): void {
    const last = --this.size;
    if (last === 0) return;
    const link = this.link[last]!;
    const a = this.a[last]!;
    const b = this.b[last]!;
    const versionA = this.versionA[last]!;
    const versionB = this.versionB[last]!;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && this.precedes(right, left) ? right : left;
      if (!this.before(this.link[child]!, this.a[child]!, this.b[child]!, -1, link, a, b)) break;
      this.move(child, at);
      at = child;
    }
    this.set(at, link, a, b, versionA, versionB);
  }

  /** Entry (link, a, b) comes before entry `at` (or before the given one when at is −1). */
  private before(link: number, a: number, b: number, at: number, otherLink = this.link[at]!, otherA = this.a[at]!, otherB = this.b[at]!): boolean {
    if (link !== otherLink) return link > otherLink;
    if (a !== otherA) return a < otherA;
    return b < otherB;
  }

  private precedes(x: number, y: number): boolean {
    return this.before(this.link[x]!, this.a[x]!, this.b[x]!, y);
  }

  private move(from: number, to: number): void {
    this.set(to, this.link[from]!, this.a[from]!, this.b[from]!, this.versionA[from]!, this.versionB[from]!);
  }

  private set(at: number, link: number, a: number, b: number, versionA: number, versionB: number): void {
    this.link[at] = link;
    this.a[at] = a;
    this.b[at] = b;
    this.versionA[at] = versionA;
    this.versionB[at] = versionB;
  }

  private grow(): void {
    const grow = <T extends Float64Array | Int32Array>(array: T): T => {
      const grown = new (array.constructor as new (length: number) => T)(array.length * 2);
      grown.set(array);
      return grown;
    };
    this.link = grow(this.link);
    this.a = grow(this.a);
    this.b = grow(this.b);
    this.versionA = grow(this.versionA);
    this.versionB = grow(this.versionB);
  }
}
