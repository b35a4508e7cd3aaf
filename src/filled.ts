/** New typed arrays of millions of entries, written in slices with pauses between them. */
import type { Work } from './schedule.js';

/** Entries written between two pauses: a megabyte of 32-bit integers (two of doubles, a quarter of bytes). */
const SLICE = 1 << 18;

type Numbers = Int32Array | Float64Array | Uint8Array;

/**
 * `array` with every entry set to `value`, a slice per pause. A new array's pages are mapped at
 * their first write, each a page fault of a few microseconds: a table of tens of megabytes
 * filled in one go, or first written at random by a hash table's look-ups, held the event loop
 * 10–30 ms on a 50 MB input. Pass 0 for a table that is then written at random, so its pages are
 * all mapped before (a new array already reads as zeros).
 */
export function* filled<T extends Numbers>(array: T, value = 0): Work<T> {
  for (let at = 0; at < array.length; at += SLICE) {
    if (at > 0) yield;
    array.fill(value, at, at + SLICE);
  }
  return array;
}

/** `source[from, to)` copied into a new array of its kind, a slice per pause (`slice()` in one go held the event loop as `filled` says). */
export function* copied<T extends Numbers>(source: T, from = 0, to = source.length): Work<T> {
  const result = new (source.constructor as new (length: number) => T)(Math.max(0, to - from));
  for (let at = 0; at < result.length; at += SLICE) {
    if (at > 0) yield;
    result.set(source.subarray(from + at, Math.min(to, from + at + SLICE)), at);
  }
  return result;
}
