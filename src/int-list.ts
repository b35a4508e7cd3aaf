/** A growable array of 32-bit integers: millions of entries without a plain array's copies and garbage. */
export class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 64) {
    this.data = new Int32Array(Math.max(4, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  /** A copy of exactly the values pushed. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
  /** The values pushed, as a view (no copy; the list must not grow after). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
