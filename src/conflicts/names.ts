/**
 * Names: when two spellings are one name ("Zelensky" / "Zelenskyy", "KCNA" / "Korean Central
 * News Agency", "Kim" / "Kim Jong Un"), and when a capitalised word opening a sentence is a
 * name at all ("Putin said…" but not "Separately, …").
 */
import type { ConflictWords } from '../language/index.js';

/**
 * Edits between two spellings, a swap of two neighbouring letters counting as one (optimal
 * string alignment): "Rsusia" is one slip of the finger from "Russia", not two.
 */
export function typoDistance(a: string, b: string): number {
  const width = b.length + 1;
  const d = new Uint16Array((a.length + 1) * width);
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    d[i * width] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * width + j]! + 1, d[i * width + j - 1]! + 1, d[(i - 1) * width + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * width + j - 2]! + 1);
      d[i * width + j] = best;
    }
  }
  return d[a.length * width + b.length]!;
}

/** Two spellings of one word, a slip apart: at most one edit per four letters (a swap of neighbours one), in words of three letters or more. */
export function respelling(a: string, b: string): boolean {
  const longer = Math.max(a.length, b.length);
  const allowed = Math.max(1, longer >> 2);
  return a !== b && Math.min(a.length, b.length) >= 3 && longer - Math.min(a.length, b.length) <= allowed && typoDistance(a, b) <= allowed;
}

/** Two names (the keys of their words) that are the same name written differently. */
export function sameName(x: readonly string[], y: readonly string[], language: ConflictWords): boolean {
  const joinedX = x.join('');
  const joinedY = y.join('');
  if (joinedX === joinedY) return true;
  // A spelling variant or typo: at most one edit per four letters in names of four letters or
  // more ("Zelensky" / "Zelenskyy"), or two neighbouring letters swapped ("Kmi").
  const longer = Math.max(joinedX.length, joinedY.length);
  const shorter = Math.min(joinedX.length, joinedY.length);
  if (shorter >= 3 && longer - shorter <= Math.max(1, longer >> 2)) {
    const edits = typoDistance(joinedX, joinedY);
    if ((shorter >= 4 && edits <= longer >> 2) || (edits === 1 && joinedX.length === joinedY.length && [...joinedX].sort().join('') === [...joinedY].sort().join(''))) return true;
  }
  // A short form: one word the start of the other ("Calif" / "California", "Alex" / "Alexander").
  if (x.length === 1 && y.length === 1 && Math.min(joinedX.length, joinedY.length) >= 2 && (joinedX.startsWith(joinedY) || joinedY.startsWith(joinedX))) return true;
  // One holds the other's words ("Kim" / "Kim Jong Un").
  const contains = (big: readonly string[], small: readonly string[]) => small.every((word) => big.includes(word));
  if (contains(x, y) || contains(y, x)) return true;
  // An acronym ("KCNA" / "Korean Central News Agency", "US" / "United States").
  const initials = (words: readonly string[]) => words.filter((word) => !language.nameFillers.has(word)).map((word) => word[0]).join('');
  return (x.length === 1 && initials(y) === joinedX) || (y.length === 1 && initials(x) === joinedY);
}

/** Letters of Latin script and digits: what a word may not touch on either side to stand whole. */
const LATIN_LETTER_OR_DIGIT = /[0-9A-Za-z\u00C0-\u024F]/;
const LOWER_BEFORE = /[a-z\u00DF-\u00FF]/;

/** What one document shows about a word: bit 1, written in lower case; bit 2, capitalised mid-sentence. */
const LOWER = 1;
const MID_SENTENCE = 2;

/**
 * Whether a capitalised word that opens a sentence is a name: it is when the articles that
 * carry the sentence capitalise it mid-sentence (after a lower-case word or a comma) and never
 * write it in lower case. Read per document and word, when first asked: a call may hold ten
 * thousand articles, and only a few words are ever asked about.
 */
export class Vocabulary {
  private readonly shown = new Map<string, number>();
  private readonly lowered = new Map<number, string | null>();
  constructor(private readonly texts: readonly string[]) {}

  /** `documents`: indexes of the documents whose evidence counts. */
  isName(key: string, documents: readonly number[]): boolean {
    let evidence = 0;
    for (const document of documents) evidence |= this.evidence(key, document);
    return evidence === MID_SENTENCE;
  }

  private evidence(key: string, document: number): number {
    const id = `${document}:${key}`;
    let flags = this.shown.get(id);
    if (flags !== undefined) return flags;
    flags = 0;
    const text = this.texts[document]!;
    let lower = this.lowered.get(document);
    if (lower === undefined) {
      lower = text.toLowerCase();
      // Lower case that changes the length (a dotted capital I) would move the offsets.
      this.lowered.set(document, (lower = lower.length === text.length ? lower : null));
    }
    // The word where it stands whole, found by the engine's search in a lower-cased copy.
    const found = (at: number) => lower !== null ? lower.indexOf(key, at) : -1;
    for (let at = found(0); at >= 0 && !(flags & LOWER); at = found(at + 1)) {
      if ((at > 0 && LATIN_LETTER_OR_DIGIT.test(text[at - 1]!)) || LATIN_LETTER_OR_DIGIT.test(text[at + key.length] ?? ' ')) continue;
      const code = text.charCodeAt(at);
      const isLower = code >= 97 && code <= 122 ? true : code >= 65 && code <= 90 ? false : text[at] !== text[at]!.toUpperCase();
      if (isLower) flags |= LOWER;
      else if (at >= 2 && text.charCodeAt(at - 1) === 32 && (text[at - 2] === ',' || LOWER_BEFORE.test(text[at - 2]!))) flags |= MID_SENTENCE;
    }
    this.shown.set(id, flags);
    return flags;
  }
}
