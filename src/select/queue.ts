/** The candidates of select, best first: a binary max-heap of groups by (value desc, tie-break asc). */
export /** A binary max-heap of groups by (value desc, representative asc). */
class CandidateQueue {
  private readonly items: number[] = [];
  constructor(
    private readonly value: Float64Array,
    private readonly tieBreak: Int32Array,
  ) {}
  get size(): number {
    return this.items.length;
  }
  private before(a: number, b: number): boolean {
    const va = this.value[a]!;
    const vb = this.value[b]!;
    return va > vb || (va === vb && this.tieBreak[a]! < this.tieBreak[b]!);
  }
  push(group: number): void {
    const items = this.items;
    items.push(group);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  peek(): number | undefined {
    return this.items[0];
  }
  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < items.length && this.before(items[left]!, items[best]!)) best = left;
        if (right < items.length && this.before(items[right]!, items[best]!)) best = right;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}
