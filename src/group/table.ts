/**
 * Flat, typed containers for grouping: a table that gives equal items one class id (sentence
 * keys, word runs, whole documents), growable number arrays, and hashes. No `Map` keyed by
 * text: at 100,000 articles there are millions of sentences, and a typed table of them costs a
 * few bytes each instead of a hundred.
 */
import { IntList } from '../int-list.js';
import { hashSpan } from '../text.js';

/** 32-bit FNV-1a of a string's length and at most its first and last 32 code units, mixed with `seed` (equality is checked apart). */
export function hashText(text: string, seed = 0x811c9dc5): number {
  return hashSpan(text, 0, text.length, seed);
}

/** 32-bit FNV-1a of `values[from .. to)`, mixed with `seed`. */
export function hashInts(values: ArrayLike<number>, from: number, to: number, seed = 0x811c9dc5): number {
  let h = (seed ^ (to - from)) >>> 0;
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    h = Math.imul(h ^ (v & 0xffff), 0x01000193);
    h = Math.imul(h ^ (v >>> 16), 0x01000193);
  }
  return h >>> 0;
}

/**
 * Gives every distinct item a dense class id, in order of first appearance: items are whatever
 * the caller numbers them (a sentence id, a document index), `same(a, b)` says whether two are
 * equal, and the caller hashes them. Open addressing over typed arrays; grows at half full.
 */
export class Interner {
  private slots: Int32Array; // class + 1, or 0 for an empty slot
  private hashes: Uint32Array;
  /** The first item of each class. */
  readonly representative = new IntList();
  constructor(private readonly same: (a: number, b: number) => boolean, expected = 1024) {
    let size = 1024;
    while (size < 2 * expected) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Uint32Array(size);
  }
  get classes(): number {
    return this.representative.length;
  }
  /** The class of `item` (hash `hash`), a new one when no earlier item equals it. */
  classOf(item: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) {
        const created = this.representative.length;
        this.representative.push(item);
        this.slots[slot] = created + 1;
        this.hashes[slot] = hash;
        if (2 * this.representative.length > this.slots.length) this.grow();
        return created;
      }
      if (this.hashes[slot] === hash && this.same(this.representative.data[entry - 1]!, item)) return entry - 1;
    }
  }
  private grow(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Uint32Array(slots.length * 2);
    const mask = this.slots.length - 1;
    for (let old = 0; old < slots.length; old++) {
      if (slots[old] === 0) continue;
      let slot = hashes[old]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = slots[old]!;
      this.hashes[slot] = hashes[old]!;
    }
  }
}
