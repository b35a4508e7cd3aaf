/**
 * A table that gives equal items one class id (sentence keys, word runs, whole documents, the
 * strings of string-table.ts), over typed arrays. No `Map` keyed by text: at 100,000 articles
 * there are millions of sentences, and a typed table of them costs a few bytes each instead of
 * a hundred.
 */
import { IntList } from './int-list.js';

/** Tables of an Interner. */
const TABLES = 256;

/**
 * Gives every distinct item a dense class id, in order of first appearance: items are whatever
 * the caller numbers them (a sentence id, a document index), `same(a, b)` says whether two are
 * equal, and the caller hashes them. Open addressing over typed arrays, in 256 tables chosen by
 * the hash's top byte, each growing at half full: one table of millions of sentences rehashed
 * them all in one turn of the event loop (400 ms at 100,000 articles). Class ids do not depend
 * on the layout.
 */
export class Interner {
  private readonly slots: Int32Array[] = []; // per table: class + 1, or 0 for an empty slot
  private readonly hashes: Uint32Array[] = [];
  private readonly filled = new Int32Array(TABLES);
  /** The first item of each class. */
  readonly representative: IntList;
  /**
   * `expected`: about how many items there will be, to size the tables; `classes`: room for
   * that many classes from the start (doubling a list of millions at once was a long turn).
   */
  constructor(private readonly same: (a: number, b: number) => boolean, expected = 1024, classes = 64) {
    this.representative = new IntList(classes);
    let size = 4; // 256 tables of 4 slots: a feed of two documents allocates kilobytes, not hundreds
    while (size * TABLES < 2 * expected) size *= 2;
    // Views into one buffer each at first: 512 small typed arrays of their own took 25 ms to make.
    const slots = new Int32Array(size * TABLES);
    const hashes = new Uint32Array(size * TABLES);
    for (let t = 0; t < TABLES; t++) {
      this.slots.push(slots.subarray(t * size, (t + 1) * size));
      this.hashes.push(hashes.subarray(t * size, (t + 1) * size));
    }
  }
  get classes(): number {
    return this.representative.length;
  }
  /** The class of `item` (hash `hash`), a new one when no earlier item equals it. */
  classOf(item: number, hash: number): number {
    const table = hash >>> 24;
    const slots = this.slots[table]!;
    const hashes = this.hashes[table]!;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) {
        const created = this.representative.length;
        this.representative.push(item);
        slots[slot] = created + 1;
        hashes[slot] = hash;
        if (2 * ++this.filled[table]! > slots.length) this.grow(table);
        return created;
      }
      if (hashes[slot] === hash && this.same(this.representative.data[entry - 1]!, item)) return entry - 1;
    }
  }
  private grow(table: number): void {
    const slots = this.slots[table]!;
    const hashes = this.hashes[table]!;
    const grownSlots = new Int32Array(slots.length * 2);
    const grownHashes = new Uint32Array(slots.length * 2);
    const mask = grownSlots.length - 1;
    for (let old = 0; old < slots.length; old++) {
      if (slots[old] === 0) continue;
      let slot = hashes[old]! & mask;
      while (grownSlots[slot] !== 0) slot = (slot + 1) & mask;
      grownSlots[slot] = slots[old]!;
      grownHashes[slot] = hashes[old]!;
    }
    this.slots[table] = grownSlots;
    this.hashes[table] = grownHashes;
  }
}
