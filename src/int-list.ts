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

const CHUNK = 1 << 20;

/**
 * A growable list of numbers in chunks of 2^20: growing never copies what is there, and the one
 * array of all the values is assembled a chunk per pause. Doubling a list of tens of millions of
 * term ids or weights (a 100,000-article feed) copied hundreds of megabytes in one turn of the
 * event loop, and the fresh buffer set off a full collection in the same turn.
 */
class Chunks<T extends Int32Array | Float64Array> {
  private readonly full: T[] = [];
  private current: T;
  private used = 0;
  constructor(private readonly make: (length: number) => T) {
    this.current = make(1024); // doubled up to a chunk: a small input never allocates megabytes
  }
  get length(): number {
    return this.full.length * CHUNK + this.used;
  }
  push(value: number): void {
    if (this.used === this.current.length) {
      if (this.used === CHUNK) {
        this.full.push(this.current);
        this.current = this.make(CHUNK);
        this.used = 0;
      } else {
        const grown = this.make(2 * this.used);
        grown.set(this.current);
        this.current = grown;
      }
    }
    this.current[this.used++] = value;
  }
  /** All the values in one array; a pause after each chunk copied. */
  *toArray(): Generator<undefined, T, unknown> {
    const all = this.make(this.length);
    for (let k = 0; k < this.full.length; k++) {
      all.set(this.full[k]!, k * CHUNK);
      yield;
    }
    all.set(this.current.subarray(0, this.used), this.full.length * CHUNK);
    return all;
  }
}

/** 32-bit integers in chunks (see `Chunks`). */
export class IntChunks extends Chunks<Int32Array> {
  constructor() {
    super((length) => new Int32Array(length));
  }
}

/** Doubles in chunks (see `Chunks`). */
export class RealChunks extends Chunks<Float64Array> {
  constructor() {
    super((length) => new Float64Array(length));
  }
}
