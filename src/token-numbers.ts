/**
 * Plain tokens (lower-case ASCII letters, digits and apostrophes: what `TOKEN_PLAIN` in
 * tokens.ts matches) read straight from the normalised text, and those of up to ten characters
 * looked up by an exact number instead of a string. A feed of distinct articles has millions
 * of tokens and tens of thousands of distinct ones: matching each into a new string and hashing
 * it into a map was most of analyse's time (a micro-benchmark over the 10,000-article feed's
 * sentences: 0.85 s for match and map, 0.35 s for the scan and the numbers).
 */

/** Per ASCII code: 1–10 for 0–9, 11–36 for a–z, 37 for the apostrophe; 0 for what no token holds. */
const DIGIT = new Uint8Array(128);
for (let code = 48; code <= 57; code++) DIGIT[code] = code - 47;
for (let code = 97; code <= 122; code++) DIGIT[code] = code - 86;
const APOSTROPHE = 39;
DIGIT[APOSTROPHE] = 37;

/** The longest token with a number: 38^10 < 2^53, so every such token has its own exact number. */
const MOST_CHARACTERS = 10;

/** Whether `code` is a letter or digit a plain token is made of (not the apostrophe, which only joins two runs). */
export function isTokenCode(code: number): boolean {
  return code < 128 && code !== APOSTROPHE && DIGIT[code] !== 0;
}

/** The end of the plain token that starts at `from` (a letter or digit): where `TOKEN_PLAIN`'s match from there ends. */
export function plainTokenEnd(text: string, from: number): number {
  const n = text.length;
  let i = from + 1;
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    if (isTokenCode(code)) continue;
    if (code === APOSTROPHE && i + 1 < n && isTokenCode(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    break;
  }
  return i;
}

/** The number of the plain token `text[from, to)` (base 38, no digit 0), or −1 when it is longer than ten characters. */
export function tokenNumber(text: string, from: number, to: number): number {
  if (to - from > MOST_CHARACTERS) return -1;
  let number = 0;
  for (let i = from; i < to; i++) number = number * 38 + DIGIT[text.charCodeAt(i)]!;
  return number;
}

/**
 * Most slots: the table takes numbers until half of these are full (a quarter of a million
 * tokens, what the token cache by string takes); a later token not in it is stemmed again
 * wherever it occurs.
 */
const MOST_SLOTS = 1 << 19;

/**
 * Token number → term id (or −1 for no term), open addressing; a number is never 0. It starts
 * small and doubles when half full: a digest reads each story with caches of its own.
 */
export class TokenNumbers {
  private numbers = new Float64Array(1024);
  private terms = new Int32Array(1024);
  private filled = 0;

  private slot(number: number): number {
    // The low 32 bits and the rest, mixed: numbers of short tokens differ in both.
    let h = Math.imul((number | 0) ^ Math.imul(Math.floor(number / 4294967296), 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    return h & (this.numbers.length - 1);
  }

  /** The term of the token numbered `number`, or undefined when it is not in the table. */
  get(number: number): number | undefined {
    const mask = this.numbers.length - 1;
    for (let at = this.slot(number); ; at = (at + 1) & mask) {
      const here = this.numbers[at]!;
      if (here === number) return this.terms[at]!;
      if (here === 0) return undefined;
    }
  }

  /** Remember a token's term unless the table is full (a later lookup then misses). */
  set(number: number, term: number): void {
    if (2 * this.filled >= this.numbers.length) {
      if (this.numbers.length >= MOST_SLOTS) return;
      const [numbers, terms] = [this.numbers, this.terms];
      this.numbers = new Float64Array(2 * numbers.length);
      this.terms = new Int32Array(2 * numbers.length);
      this.filled = 0;
      for (let at = 0; at < numbers.length; at++) if (numbers[at] !== 0) this.set(numbers[at]!, terms[at]!);
    }
    const mask = this.numbers.length - 1;
    let at = this.slot(number);
    while (this.numbers[at] !== 0) {
      if (this.numbers[at] === number) return;
      at = (at + 1) & mask;
    }
    this.numbers[at] = number;
    this.terms[at] = term;
    this.filled++;
  }
}
