/**
 * Word alignment of two near-identical sentences (a longest common subsequence of their word
 * keys) and the hunks between aligned words: where the two say something different.
 */

/** Unaligned runs between aligned words: words `[a0, a1)` of one sentence stand where `[b0, b1)` of the other do. */
export interface Hunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * `match[i] = j` when word i of `a` is aligned with word j of `b`, else −1. Reprints differ in
 * a few places, so the common prefix and suffix are matched first and the dynamic programme
 * runs on what is left; ties prefer a match, then skipping a word of `a` (deterministic).
 */
export function align(a: readonly string[], b: readonly string[]): Int32Array {
  const n = a.length;
  const m = b.length;
  let prefix = 0;
  while (prefix < n && prefix < m && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] === b[m - 1 - suffix]) suffix++;
  const match = new Int32Array(n).fill(-1);
  for (let i = 0; i < prefix; i++) match[i] = i;
  for (let k = 0; k < suffix; k++) match[n - 1 - k] = m - 1 - k;
  const rows = n - prefix - suffix;
  const columns = m - prefix - suffix;
  if (rows === 0 || columns === 0) return match;
  const width = columns + 1;
  // Lengths fit 16 bits: a sentence is at most `maxSentenceLength` (≤ 1,000,000) characters, but
  // the programme is only run on what differs; a longer run would need a wider array.
  const lcs = rows < 65535 && columns < 65535 ? new Uint16Array((rows + 1) * width) : new Int32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--) {
    const word = a[prefix + i];
    for (let j = columns - 1; j >= 0; j--) {
      lcs[i * width + j] = word === b[prefix + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (a[prefix + i] === b[prefix + j]) {
      match[prefix + i] = prefix + j;
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) i++;
    else j++;
  }
  return match;
}

/** The hunks of an alignment of a sentence of `n` words with one of `m`, in order. */
export function hunksOf(match: Int32Array, n: number, m: number): Hunk[] {
  const hunks: Hunk[] = [];
  let previousA = 0;
  let previousB = 0;
  for (let i = 0; i <= n; i++) {
    const j = i < n ? match[i]! : m;
    if (i < n && j < 0) continue;
    if (i > previousA || j > previousB) hunks.push({ a0: previousA, a1: i, b0: previousB, b1: j });
    previousA = i + 1;
    previousB = j + 1;
  }
  return hunks;
}

/**
 * Where words `[a0, a1)` of one sentence stand in the other when every one is aligned and
 * they stay consecutive, else null. `forward`: `match` maps this sentence to the other (else
 * the other to this one).
 */
export function mapRange(match: Int32Array, forward: boolean, a0: number, a1: number): [number, number] | null {
  let previous = -1;
  let first = -1;
  for (let i = a0; i < a1; i++) {
    const j = forward ? match[i]! : match.indexOf(i);
    if (j < 0 || (i > a0 && j !== previous + 1)) return null;
    if (i === a0) first = j;
    previous = j;
  }
  return [first, previous + 1];
}

/** Words two alignments' sentences share, as a count of aligned words. */
export function alignedCount(match: Int32Array): number {
  let aligned = 0;
  for (let i = 0; i < match.length; i++) if (match[i]! >= 0) aligned++;
  return aligned;
}
