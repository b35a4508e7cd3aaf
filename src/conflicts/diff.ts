/**
 * Character by character, where two near-identical sentences differ: a cheap look before
 * any word is read. Quotes and dashes are folded, so house style is no difference.
 */

/** Quotes and dashes as house styles write them → one of each. */
function fold(code: number): number {
  if (code < 0x2010) return code === 0x60 || code === 0xb4 ? 39 : code;
  if (code === 0x2018 || code === 0x2019 || code === 0x2032 || code === 0x02bc) return 39;
  if (code === 0x201c || code === 0x201d || code === 0x201e || code === 0x2033) return 34;
  if (code === 0x2013 || code === 0x2014) return 45;
  return code;
}

/** Only quotes, dashes and their look-alikes fold: anything else is itself. */
const folds = (code: number) => code === 39 || code === 34 || code === 45 || code === 0x60 || code === 0xb4 || code >= 0x2bc;
const same = (x: number, y: number) => x === y || (folds(x) && folds(y) && fold(x) === fold(y));

/** Characters two texts share from `a` and `b` on, at most `limit`. */
export function commonPrefix(a: string, aFrom: number, b: string, bFrom: number, limit: number): number {
  let n = 0;
  while (n < limit && same(a.charCodeAt(aFrom + n), b.charCodeAt(bFrom + n))) n++;
  return n;
}

/** Characters two texts share before `aTo` and `bTo`, at most `limit`. */
export function commonSuffix(a: string, aTo: number, b: string, bTo: number, limit: number): number {
  let n = 0;
  while (n < limit && same(a.charCodeAt(aTo - 1 - n), b.charCodeAt(bTo - 1 - n))) n++;
  return n;
}

/** After a difference, this many characters in common are where the two run together again… */
const RESYNC = 5;
/** …looked for at word starts within this many characters on each side; beyond, the rest is one difference. */
const REACH = 40;

const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13) || code === 0xa0;

/** Word starts of `text` from `from` (itself one) up to `limit`, into `out`. */
function wordStarts(text: string, from: number, limit: number, out: number[]): void {
  out.length = 0;
  out.push(from);
  for (let at = from + 1; at < limit; at++) if (isSpace(text.charCodeAt(at - 1)) && !isSpace(text.charCodeAt(at))) out.push(at);
}
const startsA: number[] = [];
const startsB: number[] = [];

/**
 * Visits each place where `a[aFrom, aTo)` and `b[bFrom, bTo)` differ, as `[a0, a1)` / `[b0,
 * b1)` (one side may be empty), in order, until `visit` returns true; returns whether it did.
 * Every character outside the places is paired with an equal one: a typo here and a word
 * added there are two small places, not one that spans the sentence. After a difference the
 * two are run together again at the nearest pair of word starts that share `RESYNC` characters.
 */
export function differences(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number, visit: (a0: number, a1: number, b0: number, b1: number) => boolean): boolean {
  const suffix = commonSuffix(a, aTo, b, bTo, Math.min(aTo - aFrom, bTo - bFrom));
  const aEnd = aTo - suffix;
  const bEnd = bTo - suffix;
  let i = aFrom;
  let j = bFrom;
  for (;;) {
    const n = commonPrefix(a, i, b, j, Math.min(aEnd - i, bEnd - j));
    // Back to the start of the word the difference cuts, if it cuts one (the characters before it are the same on both sides).
    let back = 0;
    const cuts = n > 0 && !isSpace(a.charCodeAt(i + n - 1)) && i + n < aEnd && j + n < bEnd && !isSpace(a.charCodeAt(i + n)) && !isSpace(b.charCodeAt(j + n));
    if (cuts) while (back < n && !isSpace(a.charCodeAt(i + n - back - 1))) back++;
    i += n - back;
    j += n - back;
    if (i + back === aEnd && j + back === bEnd) return false;
    wordStarts(a, i, Math.min(aEnd, i + REACH), startsA);
    wordStarts(b, j, Math.min(bEnd, j + REACH), startsB);
    let skipA = aEnd - i;
    let skipB = bEnd - j;
    for (const p of startsA)
      for (const q of startsB) {
        if (p - i + q - j >= skipA + skipB || (p === i && q === j) || p + RESYNC > aEnd || q + RESYNC > bEnd) continue;
        if (same(a.charCodeAt(p), b.charCodeAt(q)) && commonPrefix(a, p, b, q, RESYNC) === RESYNC) {
          skipA = p - i;
          skipB = q - j;
        }
      }
    if (visit(i, i + skipA, j, j + skipB)) return true;
    i += skipA;
    j += skipB;
  }
}
