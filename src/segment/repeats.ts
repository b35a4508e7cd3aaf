/** Lines a document repeats verbatim (captions repeated as alt text, headlines). */
import { filled } from '../filled.js';
import type { Work } from '../schedule.js';
import { hashSpan } from '../text.js';

/** Characters fingerprinted (and lines looked up) between two pauses. */
const WORK_PER_PAUSE = 200_000;

/**
 * Slots a fingerprint may probe in the table before it is counted in a map instead: lines
 * made to share the low bits of their fingerprints cost a map entry each, never a long probe.
 */
const MAX_PROBES = 16;

/**
 * The texts of the lines that occur more than once in `text`. Only lines whose fingerprints
 * (`hashSpan`) repeat are compared as strings: hashing every line of every document into a map
 * cost more than the rest of this check, and almost no line repeats. The fingerprints are
 * counted in a table sized once for the document: a map of 800,000 lines grew by rehashing
 * all of them in one turn of the event loop (40 ms).
 */
export function* repeatedLines(text: string, lineStart: Int32Array, lineEnd: Int32Array): Work<Set<string>> {
  const count = lineStart.length;
  let capacity = 16;
  while (capacity < 2 * count) capacity *= 2;
  const mask = capacity - 1;
  // Probed at random: every page mapped first (`filled`).
  const slotPrint = yield* filled(new Int32Array(capacity));
  const slotTimes = yield* filled(new Int32Array(capacity)); // 0: an empty slot
  const print = new Int32Array(count);
  const slotOf = new Int32Array(count); // −1: counted in `overflow`
  let overflow: Map<number, number> | undefined;
  let work = 0;
  for (let l = 0; l < count; l++) {
    const start = lineStart[l]!;
    const end = lineEnd[l]!;
    const own = (print[l] = hashSpan(text, start, end) | 0);
    let slot = (own ^ (own >>> 15)) & mask;
    for (let probes = 0; slotTimes[slot] !== 0 && slotPrint[slot] !== own; probes++) {
      if (probes === MAX_PROBES) {
        slot = -1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    slotOf[l] = slot;
    if (slot >= 0) {
      slotPrint[slot] = own;
      slotTimes[slot]!++;
    } else {
      overflow ??= new Map();
      overflow.set(own, (overflow.get(own) ?? 0) + 1);
    }
    if ((work += 16 + end - start) >= WORK_PER_PAUSE) {
      work = 0;
      yield;
    }
  }
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (let l = 0; l < count; l++) {
    // Every line is a look-up, repeated or not: 800,000 distinct lines were one turn.
    if ((work += 4) >= WORK_PER_PAUSE) {
      work = 0;
      yield;
    }
    const slot = slotOf[l]!;
    if ((slot >= 0 ? slotTimes[slot]! : overflow!.get(print[l]!)!) < 2) continue;
    const line = text.slice(lineStart[l]!, lineEnd[l]!);
    if (seen.has(line)) repeated.add(line);
    else seen.add(line);
    work += 16 + line.length;
  }
  return repeated;
}
