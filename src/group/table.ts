/**
 * Hashes for grouping's interners (interner.ts): of sentence keys, word runs, whole documents.
 */
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
