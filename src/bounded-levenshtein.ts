/**
 * Levenshtein distance that gives up once it must exceed a bound: the test "within the duplicate
 * threshold" needs the exact distance only when it is small, and most pairs a feed of distinct
 * articles compares are not. Myers' bit-parallel algorithm (as in `fast-levenshtein`), the shorter
 * string in bands of 32 rows swept across the longer; after each band, the cheapest way through
 * its bottom row (plus the length difference still to cover) bounds the distance from below, and
 * past the bound the work stops. Exact distances for output still come from `fast-levenshtein`.
 */

/** Bit masks of the rows of the current band holding each character code (all zero between calls). */
const peq = new Int32Array(0x10000);
let horizontalPlus = new Int32Array(64);
let horizontalMinus = new Int32Array(64);

/** The Levenshtein distance of a and b when it is at most `bound`; otherwise some number above `bound`. */
export function boundedLevenshtein(a: string, b: string, bound: number): number {
  if (a.length < b.length) [a, b] = [b, a];
  const n = a.length; // columns: the longer string
  const m = b.length; // rows, in bands of 32: the shorter
  if (n - m > bound) return n - m;
  if (m === 0) return n;
  const words = (n + 31) >>> 5;
  if (horizontalPlus.length < words) {
    horizontalPlus = new Int32Array(words * 2);
    horizontalMinus = new Int32Array(words * 2);
  }
  // Row 0: D[0][i] = i, every horizontal step +1.
  horizontalPlus.fill(-1, 0, words);
  horizontalMinus.fill(0, 0, words);
  let score = m;
  for (let start = 0; start < m; start += 32) {
    const end = Math.min(m, start + 32);
    const last = end - start - 1; // the band's bottom row, as a bit
    for (let k = start; k < end; k++) peq[b.charCodeAt(k)]! |= 1 << (k - start);
    // The column where an alignment still on the main diagonal of what is left leaves the band.
    const diagonal = n - (m - end);
    let diagonalCell = 0;
    let pv = -1;
    let mv = 0;
    score = end; // D[end][0]
    for (let word = 0; word < words; word++) {
      // Steps into the band's top row, 32 columns at a time; steps out of its bottom row, likewise.
      const inPlus = horizontalPlus[word]!;
      const inMinus = horizontalMinus[word]!;
      let outPlus = 0;
      let outMinus = 0;
      const from = word << 5;
      const to = Math.min(n, from + 32);
      for (let i = from; i < to; i++) {
        const shift = i - from;
        const eq = peq[a.charCodeAt(i)]!;
        const pb = (inPlus >>> shift) & 1;
        const mb = (inMinus >>> shift) & 1;
        const xv = eq | mv;
        const xh = ((((eq | mb) & pv) + pv) ^ pv) | eq | mb;
        let ph = mv | ~(xh | pv);
        let mh = pv & xh;
        const plus = (ph >>> last) & 1;
        const minus = (mh >>> last) & 1;
        outPlus |= plus << shift;
        outMinus |= minus << shift;
        score += plus - minus;
        if (i + 1 === diagonal) diagonalCell = score;
        ph = (ph << 1) | pb;
        mh = (mh << 1) | mb;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
      }
      horizontalPlus[word] = outPlus;
      horizontalMinus[word] = outMinus;
    }
    for (let k = start; k < end; k++) peq[b.charCodeAt(k)] = 0;
    if (end === m) break;
    // On the diagonal the rest may cost nothing: no way to show the bound exceeded yet.
    if (diagonalCell <= bound) continue;
    // Every alignment crosses row `end` at some column i, then still has |(m − end) − (n − i)| to cover.
    let cell = end; // D[end][0]
    let least = cell + Math.abs(m - end - n);
    for (let i = 0; i < n; i++) {
      const bit = 1 << (i & 31);
      cell += (horizontalPlus[i >>> 5]! & bit ? 1 : 0) - (horizontalMinus[i >>> 5]! & bit ? 1 : 0);
      const rest = Math.abs(m - end - (n - i - 1));
      if (cell + rest < least) least = cell + rest;
    }
    if (least > bound) return least;
  }
  return score;
}
