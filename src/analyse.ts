/**
 * Stage 2, analyse: prose sentences → comparison keys, content terms, word counts and how well
 * each stands alone. Layout: `Analysis` in model.ts.
 *
 * Normalised text is only ever a comparison key; offsets and output text always come from
 * the original. The key keeps letters and digits only, lower-cased and NFKC-normalised, so
 * reprints that differ only in house style (case, curly or straight quotes, dashes, spacing:
 * "Jong Un", "Jong-un") have equal keys. Terms are content words: stopwords and single
 * characters removed, stemmed where the language has a stemmer; text in Han, Hiragana or
 * Katakana, written without spaces, gives overlapping character pairs instead of words.
 * Non-prose sentences get an empty key and no terms: nothing after this stage reads them.
 */
import type { LanguageRules } from './language/index.js';
import { remember, SEEN, type AnalysedText, type Caches } from './caches.js';
import { Kind, type Analysis, type Segments } from './model.js';
import type { Work } from './schedule.js';
import { countWords } from './text.js';
import { IntChunks } from './int-list.js';
import { filled } from './filled.js';
import { DistinctStrings, StringList } from './string-table.js';
import { isTokenCode, plainTokenEnd, tokenNumber } from './token-numbers.js';
import { contentStem, isPlain, keyOf, normalise, tokenise } from './tokens.js';

/** Characters analysed between two progress ticks (each a chance to yield to the event loop): about a millisecond, a few on a first, unoptimised call. */
const WORK_PER_TICK = 10_000;

export interface AnalyseSettings {
  stopwords: ReadonlySet<string>;
  language: LanguageRules;
}

/** What each fault costs a sentence's prior (bench/QUALITY.md): a lower-case start all but rules it out. */
const LOWER_START = 0.1;
const DANGLING = 0.6;
const UNPAIRED_QUOTES = 0.6;
const UNPAIRED_BRACKETS = 0.3;
const UNATTRIBUTED = 0.7;
const [NON_ASCII_LOWER, NON_ASCII_UPPER] = [/\p{Ll}/u, /\p{Lu}/u];

/**
 * How well a sentence stands alone, in (0, 1]. It loses when it:
 * - starts in lower case ("was arrested on Monday, police said."): a piece of a sentence cut
 *   by a page break or a bad split, which no reader can follow ("iPhone" is a name, not a cut);
 * - opens by leaning on what came before ("He said…", "But…");
 * - has quotation marks or brackets that do not pair up (a piece of a longer quotation, or a
 *   sentence cut inside a bracket);
 * - is a quotation and little else, with no word in it saying who speaks (`attribution`): out
 *   of its article, nobody knows whose words they are.
 * One pass over the characters; the patterns run only on the few sentences that need them.
 */
export function standaloneFactor(text: string, danglingOpening: RegExp | undefined, attribution?: RegExp): number {
  let factor = 1;
  if (danglingOpening?.test(text)) factor *= DANGLING;
  const firstAt = firstWordCharacter(text);
  if (firstAt >= 0 && letterCase(text.charCodeAt(firstAt)) === 1 && letterCase(text.charCodeAt(firstAt + 1)) !== -1) factor *= LOWER_START;
  // Most sentences hold no quotation mark or bracket, and then nothing below can cost them:
  // one native scan instead of the character loop (a tenth of analyse on a large feed).
  if (!QUOTE_OR_BRACKET.test(text)) return factor;
  let balance = 0; // “ and « open, ” and » close
  let straight = 0;
  let brackets = 0;
  let quoted = false; // inside a quotation
  let quotes = 0;
  let outsideWords = 0; // words outside quotation marks
  let previousSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) {
      straight++;
      quotes++;
      quoted = !quoted;
    } else if (code === 0x201c || code === 0xab) {
      balance++;
      quotes++;
      quoted = true;
    } else if (code === 0x201d || code === 0xbb) {
      balance--;
      quoted = false;
    } else if (code === 40 || code === 91) brackets++;
    else if ((code === 41 || code === 93) && (brackets > 0 || outsideWords + quotes > 1)) brackets--; // not a list label: "1) The…"
    const space = code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
    if (!space && previousSpace && !quoted && code !== 34 && code !== 0x201d && code !== 0xbb) outsideWords++;
    previousSpace = space;
  }
  if (balance !== 0 || straight % 2 === 1) factor *= UNPAIRED_QUOTES;
  if (brackets !== 0) factor *= UNPAIRED_BRACKETS;
  if (quotes > 0 && outsideWords < 4 && attribution !== undefined && !attribution.test(text)) factor *= UNATTRIBUTED;
  return factor;
}

/** The characters whose counts standaloneFactor's loop keeps: quotation marks and brackets. */
const QUOTE_OR_BRACKET = /["\u201c\u201d\u00ab\u00bb()[\]]/;

/** Where the first character that is not a space, quotation mark, apostrophe or opening bracket is (−1: none). */
function firstWordCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
    if (!space && code !== 34 && code !== 39 && code !== 40 && code !== 91 && code !== 0x201c && code !== 0x2018 && code !== 0xab) return i;
  }
  return -1;
}

/** A lower-case (1) or upper-case (−1) letter, or neither (0). */
function letterCase(code: number): number {
  if (code < 128) return code >= 97 && code <= 122 ? 1 : code >= 65 && code <= 90 ? -1 : 0;
  const char = String.fromCharCode(code);
  return NON_ASCII_LOWER.test(char) ? 1 : NON_ASCII_UPPER.test(char) ? -1 : 0;
}

/** The term id of a token (−1: none): its stem's id in the vocabulary. */
function termOfStem(token: string, settings: AnalyseSettings, caches: Caches): number {
  const stem = contentStem(token, settings.stopwords, settings.language.stem);
  return stem === undefined ? -1 : caches.stems.idOf(stem);
}

/** The term id of a token (−1: none), through the caches. */
function termOfToken(token: string, settings: AnalyseSettings, caches: Caches): number {
  let term = caches.termOfToken.get(token);
  if (term === undefined) {
    term = termOfStem(token, settings, caches);
    remember(caches.termOfToken, token, term);
  }
  return term;
}

/**
 * The terms of plain normalised text: exactly those of `tokenise(normalised, true)`, read
 * from the text without a string per token (a short token is looked up by its number).
 */
function plainTerms(normalised: string, settings: AnalyseSettings, caches: Caches): number[] {
  const terms: number[] = [];
  for (let i = 0; i < normalised.length; ) {
    if (!isTokenCode(normalised.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    i = plainTokenEnd(normalised, i);
    // Possessive "'s" dropped, as tokenise() does ("korea's" → "korea").
    const end = i - start > 2 && normalised.charCodeAt(i - 2) === 39 && normalised.charCodeAt(i - 1) === 115 ? i - 2 : i;
    const number = tokenNumber(normalised, start, end);
    let term: number | undefined;
    if (number < 0) term = termOfToken(normalised.slice(start, end), settings, caches);
    else if ((term = caches.tokenNumbers.get(number)) === undefined) {
      // Remembered by its number alone: a string each for the token cache (a quarter of a
      // million numbers in a file of template lines) was kept alive through all of analyse,
      // and every full collection there marked them.
      term = termOfStem(normalised.slice(start, end), settings, caches);
      caches.tokenNumbers.set(number, term);
    }
    if (term >= 0) terms.push(term);
  }
  return terms;
}

/** Terms (ids of `caches.stems`) of normalised text, in text order. */
function termsOfNormalised(normalised: string, plain: boolean, settings: AnalyseSettings, caches: Caches): number[] {
  if (plain) return plainTerms(normalised, settings, caches);
  const terms: number[] = [];
  for (const token of tokenise(normalised, false)) {
    const term = termOfToken(token, settings, caches);
    if (term >= 0) terms.push(term);
  }
  return terms;
}

/** Terms of a text as analyse finds them (exported for the test that holds the plain path to tokenise()). */
export function termsOf(text: string, settings: AnalyseSettings, caches: Caches): number[] {
  const plain = isPlain(text);
  return termsOfNormalised(normalise(text, plain), plain, settings, caches);
}

/** Key, terms (ids of `caches.stems`) and stand-alone factor of one distinct text. */
function analyseText(text: string, settings: AnalyseSettings, caches: Caches): AnalysedText {
  // One test decides the path for all three steps: lower-casing keeps plain text plain.
  const plain = isPlain(text);
  const normalised = normalise(text, plain);
  const terms = termsOfNormalised(normalised, plain, settings, caches);
  return { key: keyOf(normalised, plain), terms, standalone: standaloneFactor(text, settings.language.danglingOpening, settings.language.attribution) };
}

export function* analyse(segments: Segments, originals: readonly string[], settings: AnalyseSettings, caches: Caches): Work<Analysis> {
  const { count } = segments;
  // Keys kept once each, numbered as dedupe numbers them: by first appearance among prose sentences.
  const keyId = yield* filled(new Int32Array(count), -1);
  const keys = new DistinctStrings(count); // at most a key per sentence
  const termStart = new Int32Array(count + 1);
  // Term ids in chunks: tens of millions of them (a 100,000-article feed) grew by copies of the
  // whole list, one of them hundreds of megabytes in a single turn.
  const termList = new IntChunks();
  const append = (term: number) => termList.push(term);
  const words = new Int32Array(count);
  const standalone = new Float64Array(count);
  // Term ids of this run: dense, in order of first appearance, whatever the cache holds. A
  // fresh cache numbers terms in exactly that order, so its ids are used as they are.
  const fresh = caches.stems.size === 0;
  const localOf = new Map<number, number>();
  const localStems = new StringList();

  yield { stage: 'analyse', done: 0, total: count };
  let workSinceTick = 0; // characters analysed (or looked up) since the last tick
  for (let i = 0; i < count; i++) {
    termStart[i] = termList.length;
    const document = segments.doc[i]!;
    if (segments.kind[i] !== Kind.PROSE) continue; // nothing later reads a non-prose sentence
    const original = originals[document]!.slice(segments.start[i]!, segments.end[i]!);
    words[i] = countWords(original);
    // The analysis text is the original unless the page was HTML (then tags are blanked).
    const analysisText = segments.analysisText[document]!;
    const text = analysisText === originals[document] ? original : analysisText.slice(segments.start[i]!, segments.end[i]!);
    // Wire copy repeats sentences verbatim: each distinct text is analysed once.
    const cached = caches.seen.again(text, 0, text.length, SEEN.analysed);
    let analysed = cached ? caches.analysed.get(text) : undefined;
    if (analysed === undefined) {
      analysed = analyseText(text, settings, caches);
      if (cached) remember(caches.analysed, text, analysed);
    }
    keyId[i] = keys.idOf(analysed.key);
    standalone[i] = analysed.standalone;
    if (fresh) for (const term of analysed.terms) append(term);
    else
      for (const term of analysed.terms) {
        let local = localOf.get(term);
        if (local === undefined) {
          local = localStems.push(caches.stems.at(term));
          localOf.set(term, local);
        }
        append(local);
      }
    workSinceTick += 16 + text.length;
    if (workSinceTick >= WORK_PER_TICK) {
      workSinceTick = 0;
      yield { stage: 'analyse', done: i + 1, total: count };
    }
  }
  termStart[count] = termList.length;
  const terms = yield* termList.toArray();
  yield { stage: 'analyse', done: count, total: count };
  const vocabulary = fresh ? caches.stems.table() : localStems.table();
  return { keyId, keys: keys.table(), termStart, terms, termCount: vocabulary.count, vocabulary, words, standalone };
}
