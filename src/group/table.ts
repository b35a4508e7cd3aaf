/** Hashes for grouping's interners (interner.ts): of sentence keys, word runs, whole documents. */

/** A 32-bit hash of an id (a sentence's key id) with every bit mixed into the top byte, which picks an interner's table (murmur3's finaliser). */
export function hashId(id: number): number {
  let h = Math.imul(id ^ (id >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
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
