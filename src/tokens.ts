/**
 * Text → comparison keys and word tokens, the way every part of the library reads words:
 * analyse for sentences, digest for titles and snippets. Normalised text is only ever a
 * comparison key; offsets and output text always come from the original.
 */
import { isCjkCode } from './text.js';

/**
 * Text of ASCII and the typographic quotes and dashes news uses: NFKC leaves all of these
 * unchanged (they have no compatibility decomposition), and the ASCII patterns below find the
 * same keys and tokens as the Unicode ones. Most news sentences take this fast path.
 */
const PLAIN = /^[\u0000-\u007f\u2018\u2019\u201c\u201d\u2013\u2014]*$/;
const APOSTROPHES = /[\u2018\u2019\u02bc\u2032\u0060\u00b4]/g;
const APOSTROPHE = /[\u2018\u2019\u02bc\u2032\u0060\u00b4]/;
const NOT_KEY = /[^\p{L}\p{M}\p{N}]+/gu;
const NOT_KEY_PLAIN = /[^a-z0-9]+/g;
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*/gu;
const TOKEN_PLAIN = /[a-z0-9]+(?:'[a-z0-9]+)*/g;
const HAS_CJK = /[\u3005\u3007\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\u{20000}-\u{323ff}]/u;

/** Lower-case, compatibility-normalised text with one kind of apostrophe. `plain`: PLAIN.test(text), when known. */
export function normalise(text: string, plain = PLAIN.test(text)): string {
  const folded = plain ? text : text.normalize('NFKC');
  // Most sentences hold no apostrophe to unify: skip the replace (and the string it makes).
  return (APOSTROPHE.test(folded) ? folded.replace(APOSTROPHES, "'") : folded).toLowerCase();
}

/** 1 for the ASCII letters and digits a plain key keeps (lower case: the text is normalised). */
const KEPT = new Uint8Array(128);
for (let code = 48; code <= 57; code++) KEPT[code] = 1;
for (let code = 97; code <= 122; code++) KEPT[code] = 1;
/** The plain key's bytes, reused (grown on demand; text longer than `PLAIN_KEY_BUFFER` takes the pattern). */
let keyBytes = new Uint8Array(1024);
const PLAIN_KEY_BUFFER = 1 << 20;
const asciiDecoder = new TextDecoder();

/** Letters and digits of normalised text (plain text stays plain when normalised). */
export function keyOf(normalised: string, plain = PLAIN.test(normalised)): string {
  if (plain && normalised.length <= PLAIN_KEY_BUFFER) {
    // Copied byte by byte, without a branch, and decoded once: a replace made a tree of slices
    // that had to be flattened, about three times the time on a feed's sentences.
    if (keyBytes.length < normalised.length) keyBytes = new Uint8Array(2 * normalised.length);
    let n = 0;
    for (let i = 0; i < normalised.length; i++) {
      const code = normalised.charCodeAt(i);
      keyBytes[n] = code;
      n += code < 128 ? KEPT[code]! : 0;
    }
    return asciiDecoder.decode(keyBytes.subarray(0, n));
  }
  const key = normalised.replace(plain ? NOT_KEY_PLAIN : NOT_KEY, '');
  // V8 returns the replaced string as a tree of slices of `normalised`, about 50 bytes a word,
  // until it is first read by index; reading it once makes it one flat string. Keys are kept
  // for every prose sentence: at 10,000 articles this is 306 MB of heap against 63 MB.
  if (key.length > 0) key.charCodeAt(0);
  return key;
}

/** The comparison key of a text: its letters and digits, normalised. */
export function comparisonKey(text: string): string {
  return keyOf(normalise(text));
}

/** Overlapping pairs of the CJK characters of a token (one alone stays one), and its other runs whole. */
function splitCjk(token: string, out: string[]): void {
  let run: string[] = [];
  let other = '';
  const flush = () => {
    if (run.length === 1) out.push(run[0]!);
    for (let k = 0; k + 1 < run.length; k++) out.push(run[k]! + run[k + 1]!);
    run = [];
  };
  for (const char of token) {
    if (isCjkCode(char.charCodeAt(0))) {
      if (other !== '') out.push(other);
      other = '';
      run.push(char);
    } else {
      flush();
      other += char;
    }
  }
  flush();
  if (other !== '') out.push(other);
}

/** Word tokens of normalised text, possessive "'s" dropped ("korea's" → "korea"). */
export function tokenise(normalised: string, plain = PLAIN.test(normalised)): string[] {
  let tokens: string[] = normalised.match(plain ? TOKEN_PLAIN : TOKEN) ?? [];
  if (!plain && HAS_CJK.test(normalised)) {
    const split: string[] = [];
    for (const token of tokens) splitCjk(token, split);
    tokens = split;
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.endsWith("'s")) tokens[i] = token.slice(0, -2);
  }
  return tokens;
}

/** Whether a text takes the fast path: ASCII and typographic quotes and dashes only. */
export function isPlain(text: string): boolean {
  return PLAIN.test(text);
}

/**
 * A stopword with a contraction: "i'm", "don't", "they're", "isn't". Stopword lists rarely
 * hold them, and as terms they made "I'm sorry" and "I'm not running" look like content.
 */
function isContractedStopword(token: string, stopwords: ReadonlySet<string>): boolean {
  const apostrophe = token.indexOf("'");
  if (apostrophe < 0) return false;
  if (token.endsWith("n't")) return stopwords.has(token.slice(0, -3)) || stopwords.has(`${token.slice(0, -3)}n`); // "isn't", "can't"
  return stopwords.has(token.slice(0, apostrophe)); // "i'm", "we've", "they'd"
}

/**
 * The content term of a token (its stem), or undefined for a single character or a stopword
 * (contracted ones too). The one rule for what a word counts as: analyse's terms, the digest's
 * headline and snippet terms and its key terms all use it.
 */
export function contentStem(token: string, stopwords: ReadonlySet<string>, stem: ((token: string) => string) | undefined): string | undefined {
  if (token.length < 2 || stopwords.has(token) || isContractedStopword(token, stopwords)) return undefined;
  return stem ? stem(token) : token;
}
