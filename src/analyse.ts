/**
 * Stage 2, analyse: sentences → comparison keys and terms.
 *
 * Normalised text is only ever a comparison key; offsets and output text always come from
 * the original. Two products per prose sentence:
 *   key[i]      letters and digits only, lower-cased, NFKC: the text edit distance compares.
 *               Case, curly vs straight quotes, dashes and spacing ("Jong Un", "Jong-un")
 *               vanish, so reprints that differ only in house style have equal keys.
 *   terms       content words (stopwords removed, Porter-stemmed for English) as dense term
 *               ids, for blocking, tf-idf similarity and redundancy. Stored compressed:
 *               the terms of sentence i are `terms[termStart[i] .. termStart[i + 1])`.
 * Non-prose sentences get an empty key and no terms: nothing after this stage reads them.
 */
import { countWords, Kind } from './furniture.js';
import type { Work } from './schedule.js';
import type { Segments } from './segment.js';
import { porterStem } from './stem.js';

export interface Analysis {
  key: string[];
  termStart: Int32Array;
  terms: Int32Array;
  /** Number of distinct terms; ids are `0 .. termCount - 1` in order of first appearance. */
  termCount: number;
  /** The term (stemmed, lower-case) of each id. */
  vocabulary: string[];
  /** Whitespace-separated words of every prose sentence's original text (the `words` budget unit); 0 for others. */
  words: Int32Array;
}

export interface AnalyseSettings {
  stopwords: ReadonlySet<string>;
  stem: boolean;
}

/**
 * Text of ASCII and the typographic quotes and dashes news uses: NFKC leaves all of these
 * unchanged (they have no compatibility decomposition), and the ASCII patterns below find the
 * same keys and tokens as the Unicode ones. Most news sentences take this fast path.
 */
const PLAIN = /^[\u0000-\u007f\u2018\u2019\u201c\u201d\u2013\u2014]*$/;
const APOSTROPHES = /[\u2018\u2019\u02bc\u2032\u0060\u00b4]/g;
const NOT_KEY = /[^\p{L}\p{N}]+/gu;
const NOT_KEY_PLAIN = /[^a-z0-9]+/g;
const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const TOKEN_PLAIN = /[a-z0-9]+(?:'[a-z0-9]+)*/g;

/** Lower-case, compatibility-normalised text with one kind of apostrophe. `plain`: PLAIN.test(text), when known. */
export function normalise(text: string, plain = PLAIN.test(text)): string {
  const folded = plain ? text.replace(APOSTROPHES, "'") : text.normalize('NFKC').replace(APOSTROPHES, "'");
  return folded.toLowerCase();
}

/** Letters and digits of normalised text (plain text stays plain when normalised). */
function keyOf(normalised: string, plain = PLAIN.test(normalised)): string {
  return normalised.replace(plain ? NOT_KEY_PLAIN : NOT_KEY, '');
}

/** The comparison key of a text: its letters and digits, normalised. */
export function comparisonKey(text: string): string {
  return keyOf(normalise(text));
}

/** Word tokens of normalised text, possessive "'s" dropped ("korea's" → "korea"). */
export function tokenise(normalised: string, plain = PLAIN.test(normalised)): string[] {
  const tokens = normalised.match(plain ? TOKEN_PLAIN : TOKEN) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.endsWith("'s")) tokens[i] = token.slice(0, -2);
  }
  return tokens;
}

export function* analyse(segments: Segments, originals: readonly string[], settings: AnalyseSettings): Work<Analysis> {
  const { count } = segments;
  const key: string[] = new Array<string>(count).fill('');
  const termStart = new Int32Array(count + 1);
  const termList: number[] = [];
  const words = new Int32Array(count);
  // Each distinct raw token is looked up once: its term id, or -1 for a stopword or a single character.
  const termOfToken = new Map<string, number>();
  const vocabulary: string[] = [];
  const termIdOfStem = new Map<string, number>();

  // Wire copy repeats sentences verbatim: each distinct text is analysed once per call.
  const seen = new Map<string, { key: string; terms: number[] }>();

  yield { stage: 'analyse', done: 0, total: count };
  for (let i = 0; i < count; i++) {
    termStart[i] = termList.length;
    const document = segments.doc[i]!;
    if (segments.kind[i] !== Kind.PROSE) continue; // nothing later reads a non-prose sentence
    const original = originals[document]!.slice(segments.start[i]!, segments.end[i]!);
    words[i] = countWords(original);
    // The analysis text is the original unless the page was HTML (then tags are blanked).
    const analysisText = segments.analysisText[document]!;
    const text = analysisText === originals[document] ? original : analysisText.slice(segments.start[i]!, segments.end[i]!);
    const known = seen.get(text);
    if (known !== undefined) {
      key[i] = known.key;
      for (const term of known.terms) termList.push(term);
      continue;
    }
    // One test decides the path for all three steps: lower-casing keeps plain text plain.
    const plain = PLAIN.test(text);
    const normalised = normalise(text, plain);
    key[i] = keyOf(normalised, plain);
    const termsFrom = termList.length;
    for (const token of tokenise(normalised, plain)) {
      let term = termOfToken.get(token);
      if (term === undefined) {
        if (token.length < 2 || settings.stopwords.has(token)) term = -1;
        else {
          const stem = settings.stem ? porterStem(token) : token;
          term = termIdOfStem.get(stem);
          if (term === undefined) {
            term = vocabulary.length;
            vocabulary.push(stem);
            termIdOfStem.set(stem, term);
          }
        }
        termOfToken.set(token, term);
      }
      if (term >= 0) termList.push(term);
    }
    seen.set(text, { key: key[i]!, terms: termList.slice(termsFrom) });
    if ((i & 255) === 255) yield { stage: 'analyse', done: i + 1, total: count };
  }
  termStart[count] = termList.length;
  yield { stage: 'analyse', done: count, total: count };
  return { key, termStart, terms: Int32Array.from(termList), termCount: vocabulary.length, vocabulary, words };
}
