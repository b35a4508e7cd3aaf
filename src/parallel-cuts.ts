/**
 * Where a large read is cut: this thread's part first, then pieces for the pool's threads.
 * Lengths are read once, with pauses (the documents of a feed lie all over a large heap).
 */
import type { Work } from './schedule.js';
import type { SourceDocument } from './types.js';

/** Most text in one message to another thread: copying 4 MB of text there holds the event loop about 10 ms. */
const PIECE_CHARACTERS = 4_000_000;

/**
 * Each document's length, read once with pauses: a feed's document objects lie all over a heap
 * of a gigabyte, and three passes over 100,000 of them in one turn held the event loop 50 ms.
 */
export function* lengthsOf(documents: readonly SourceDocument[]): Work<{ lengths: Float64Array; total: number }> {
  const lengths = new Float64Array(documents.length);
  let total = 0;
  for (let d = 0; d < documents.length; d++) {
    total += lengths[d] = documents[d]!.text.length;
    if ((d & 16383) === 16383) yield;
  }
  return { lengths, total };
}

/**
 * Where to cut the documents: the first part, this thread's, holds about `1 / (threads + 1)`
 * of the text; the rest is cut into pieces of at most `PIECE_CHARACTERS` (and at least one per
 * thread), so that no single message copies tens of megabytes while the event loop waits, and a
 * thread that finishes early takes the next piece. Returns document indexes, first 0, last n.
 */
export function cuts(lengths: Float64Array, total: number, threads: number): number[] {
  const count = lengths.length;
  let d = 0;
  let here = 0;
  while (d < count - 1 && here < total / (threads + 1)) here += lengths[d++]!;
  const at = [0, d];
  const piece = Math.min(PIECE_CHARACTERS, (total - here) / threads);
  let size = 0;
  for (; d < count - 1; d++) {
    size += lengths[d]!;
    if (size >= piece) {
      at.push(d + 1);
      size = 0;
    }
  }
  at.push(count);
  return at;
}
