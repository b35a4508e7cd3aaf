/** Lines a document repeats verbatim (captions repeated as alt text, headlines). */
import type { Work } from '../schedule.js';
import { hashSpan } from '../text.js';

/** Characters fingerprinted between two pauses. */
const WORK_PER_PAUSE = 200_000;

/**
 * The texts of the lines that occur more than once in `text`. Only lines whose fingerprints
 * (`hashSpan`) repeat are compared as strings: hashing every line of every document into a map
 * cost more than the rest of this check, and almost no line repeats.
 */
export function* repeatedLines(text: string, lines: readonly { start: number; end: number }[]): Work<Set<string>> {
  const fingerprint = new Int32Array(lines.length);
  const times = new Map<number, number>();
  let work = 0;
  for (let l = 0; l < lines.length; l++) {
    const { start, end } = lines[l]!;
    fingerprint[l] = hashSpan(text, start, end);
    times.set(fingerprint[l]!, (times.get(fingerprint[l]!) ?? 0) + 1);
    if ((work += 16 + end - start) >= WORK_PER_PAUSE) {
      work = 0;
      yield;
    }
  }
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (let l = 0; l < lines.length; l++) {
    if (times.get(fingerprint[l]!)! < 2) continue;
    const line = text.slice(lines[l]!.start, lines[l]!.end);
    if (seen.has(line)) repeated.add(line);
    else seen.add(line);
    if ((work += 16 + line.length) >= WORK_PER_PAUSE) {
      work = 0;
      yield;
    }
  }
  return repeated;
}
