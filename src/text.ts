/**
 * Character-level helpers every stage may use: whitespace, the word count that budgets are
 * measured in, trimming a span, and the one string order the library sorts ids by.
 */

/** 1 for the ASCII characters `\s` matches (tab to carriage return, space), else 0. */
const ASCII_SPACE = new Uint8Array(128);
for (const code of [9, 10, 11, 12, 13, 32]) ASCII_SPACE[code] = 1;

/** Exactly the characters JavaScript's `\s` matches, without a regular expression. */
export function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * Han, Hiragana and Katakana: scripts written without spaces between words, in which every
 * character counts as one word. `code` is a UTF-16 code unit; a high surrogate of the
 * supplementary Han planes (U+20000–U+323FF, extensions B to H) counts for its pair.
 */
export function isCjkCode(code: number): boolean {
  if (code < 0x3005) return false;
  return (
    code === 0x3005 || code === 0x3007 || (code >= 0x3040 && code <= 0x30ff && code !== 0x30fb) || (code >= 0x31f0 && code <= 0x31ff) ||
    (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff66 && code <= 0xff9f) || (code >= 0xd840 && code <= 0xd888)
  );
}

/** What a character is to the furniture rules' letter counts. */
export const CharacterClass = {
  /** Space, or the low half of a surrogate pair (counted with its high half). */
  NOT_COUNTED: 1,
  VISIBLE: 2,
  LETTER: 3,
  UPPER: 4,
} as const;
type CharacterClassCode = (typeof CharacterClass)[keyof typeof CharacterClass];

/**
 * The class of each code unit above ASCII, worked out by the patterns once and remembered (0:
 * not yet). A pattern test per character made the letter count the slowest pass of the
 * segmenter on news with accented names, euro signs and no-break spaces.
 */
const CODE_CLASS = new Uint8Array(0x10000);
const [ANY_LETTER, UPPER_LETTER] = [/\p{L}/u, /\p{Lu}/u];

const classOfChar = (char: string): CharacterClassCode => (UPPER_LETTER.test(char) ? CharacterClass.UPPER : ANY_LETTER.test(char) ? CharacterClass.LETTER : CharacterClass.VISIBLE);

/** The class of the character at `text[i]`; a high surrogate stands for its whole pair. */
export function characterClass(text: string, i: number): CharacterClassCode {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) return classOfChar(text.slice(i, i + 2));
  let known = CODE_CLASS[code]! as CharacterClassCode | 0;
  if (known === 0) {
    if (isSpaceCode(code) || (code >= 0xdc00 && code <= 0xdfff)) known = CharacterClass.NOT_COUNTED;
    // Dashes, curly quotes, ellipses: news is full of them, and none is a letter.
    else if (code >= 0x2010 && code <= 0x205e) known = CharacterClass.VISIBLE;
    else known = classOfChar(String.fromCharCode(code));
    CODE_CLASS[code] = known;
  }
  return known;
}

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;

/** `text[from, to)` holds a letter, mark or digit. */
function hasLetterOrDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
      continue;
    }
    const pair = code >= 0xd800 && code <= 0xdbff; // a supplementary character: test the whole pair
    if (LETTER_OR_DIGIT.test(text.slice(i, pair ? i + 2 : i + 1))) return true;
    if (pair) i++;
  }
  return false;
}

/**
 * Words, the unit of the `words` budget and `stats.words`: runs of non-space characters, as
 * `text.split(/\s+/)` counts them, except that each Han, Hiragana or Katakana character is a
 * word of its own, and punctuation run into such a character ("。") is not a word.
 */
export function countWords(text: string): number {
  // Without CJK every run of non-space characters is a word: one pass with no branch on the
  // word's edges (a branch there mispredicted at nearly every word: three times slower). The
  // first CJK character hands the text to the general count.
  let count = 0;
  let previousSpace = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let space: number;
    if (code < 128) space = ASCII_SPACE[code]!;
    else if (isCjkCode(code)) return countWordsAroundCjk(text);
    else space = isSpaceCode(code) ? 1 : 0;
    count += previousSpace & (space ^ 1);
    previousSpace = space;
  }
  return count;
}

/** The general count, any script (exported for the test that holds the fast path to it). */
export function countWordsAroundCjk(text: string): number {
  let count = 0;
  let runStart = -1; // start of the current run of other characters, or −1
  let runAfterCjk = false; // that run starts right after a CJK character
  // A run next to a CJK character counts only if it holds a letter or digit; checked only then,
  // so text without CJK costs one pass and no letter tests.
  const close = (end: number, beforeCjk: boolean) => {
    if (runStart >= 0 && (!(runAfterCjk || beforeCjk) || hasLetterOrDigit(text, runStart, end))) count++;
    runStart = -1;
  };
  let previousCjk = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      close(i, false);
      previousCjk = false;
    } else if (isCjkCode(code)) {
      close(i, true);
      count++;
      if (code >= 0xd800 && code <= 0xdbff) i++; // the low surrogate of a supplementary character
      previousCjk = true;
    } else {
      if (runStart < 0) {
        runStart = i;
        runAfterCjk = previousCjk;
      }
      previousCjk = false;
    }
  }
  close(text.length, false);
  return count;
}

/** `[from, to)` without leading and trailing whitespace; `from === to` when blank. */
export function trimSpan(text: string, from: number, to: number): [number, number] {
  while (from < to && isSpaceCode(text.charCodeAt(from))) from++;
  while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to--;
  return [from, to];
}

/** UTF-16 code-unit order, the same in every runtime and locale: how ids are sorted everywhere. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * 32-bit FNV-1a of a span's length and at most its first and last 32 code units, mixed with
 * `seed`: a cheap fingerprint of a line, sentence or key (equality is always checked apart).
 */
export function hashSpan(text: string, start: number, end: number, seed = 0x811c9dc5): number {
  let h = (seed ^ (end - start)) >>> 0;
  const head = Math.min(end, start + 32);
  for (let i = start; i < head; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  for (let i = Math.max(head, end - 32); i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Items `sortInPieces` sorts with one built-in sort before merging. */
const SORT_RUN = 4096;

/**
 * `values` sorted as the built-in sort sorts them (stable; without `compare`, for strings only:
 * code-unit order), pausing as it goes: runs of 4,096 sorted by the built-in sort, then merged
 * pairwise, a pause per 8,192 items moved. One sort of 100,000 ids, or of a million warnings,
 * held the event loop for 0.1 to 2 seconds.
 */
export function* sortInPieces<T>(values: readonly T[], compare?: (a: T, b: T) => number): Generator<undefined, T[], unknown> {
  const n = values.length;
  const inOrder = compare ?? ((a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0));
  let from: T[] = [];
  for (let at = 0; at < n; at += SORT_RUN) {
    for (const value of values.slice(at, at + SORT_RUN).sort(compare)) from.push(value);
    yield;
  }
  let to: T[] = new Array<T>(n);
  let moved = 0;
  for (let width = SORT_RUN; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const middle = Math.min(left + width, n);
      const right = Math.min(left + 2 * width, n);
      let i = left;
      let j = middle;
      // Ties take the left run's item first: as stable as the built-in sort.
      for (let k = left; k < right; k++) {
        to[k] = j >= right || (i < middle && inOrder(from[i]!, from[j]!) <= 0) ? from[i++]! : from[j++]!;
        // Inside the merge: the last pass merges all n items.
        if (++moved === 8192) {
          moved = 0;
          yield;
        }
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/** `items` in code-unit order of their keys, which must be unique (ids): `sortInPieces` of the keys, without a call per comparison. */
export function* sortByUniqueKey<T>(items: readonly T[], key: (item: T) => string): Generator<undefined, T[], unknown> {
  const byKey = new Map<string, T>();
  const keys: string[] = [];
  for (let k = 0; k < items.length; k++) {
    byKey.set(key(items[k]!), items[k]!);
    keys.push(key(items[k]!));
    if ((k & 16383) === 16383) yield;
  }
  const sorted = yield* sortInPieces(keys);
  const ordered: T[] = [];
  for (let k = 0; k < sorted.length; k++) {
    ordered.push(byKey.get(sorted[k]!)!);
    if ((k & 16383) === 16383) yield;
  }
  return ordered;
}

/**
 * Milliseconds since the epoch of an ISO date or date-time string, NaN when it is not one. A
 * date-time without a zone is read as UTC, as a date alone is: `Date.parse` reads it in the
 * machine's zone, and a time window would then join or split stories by where the code runs.
 */
export function instantOf(iso: string): number {
  return Date.parse(/^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/.test(iso) ? `${iso}Z` : iso);
}

/** Characters of a title that are read: a headline is a few hundred at most. */
const TITLE_READ = 1_000;

/** A title as it is read for terms and headlines: a longer one in its first words, up to `TITLE_READ` characters. */
export function titleHead(title: string): string {
  if (title.length <= TITLE_READ) return title;
  let cut = TITLE_READ;
  while (cut > TITLE_READ / 2 && !isSpaceCode(title.charCodeAt(cut))) cut--;
  if (cut === TITLE_READ / 2) cut = TITLE_READ - (title.charCodeAt(TITLE_READ) >= 0xdc00 && title.charCodeAt(TITLE_READ) <= 0xdfff ? 1 : 0);
  return title.slice(0, cut);
}
