/**
 * What one word says as a number: "1,600", "$40m", "3.5%", "12th", "9pm", "seventeen",
 * "million", "dozens". The phrase reader (phrases.ts) joins words into one number.
 */
import type { ConflictWords } from '../language/index.js';

export interface NumberWord {
  /** The value; absent for a vague plural ("dozens") and for digits compared as written. */
  value?: number;
  /** Digits and separators that are no plain number ("10:30", "9/11"): compared as written. */
  asWritten?: string;
  /** A vague plural ("dozens"): compared as a word. */
  vague?: string;
  digits: boolean;
  words: boolean;
  currency: boolean;
  percent: boolean;
  ordinal: boolean;
  time: boolean;
  decade: boolean;
  magnitude: boolean;
}

const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]*)$/;
const AS_WRITTEN = /^[\d.,:/]+$/;
const CURRENCY = '$£€¥';

function reading(fields: Partial<NumberWord>): NumberWord {
  // Every field its own property, the optional ones too: a polluted prototype cannot fill them in.
  return { value: undefined, asWritten: undefined, vague: undefined, digits: false, words: false, currency: false, percent: false, ordinal: false, time: false, decade: false, magnitude: false, ...fields };
}

/** Digits, with their currency sign, "%" and suffix. A letter-and-digit identifier ("COVID19") is no number. */
function readDigits(word: string, language: ConflictWords | undefined): NumberWord | null {
  let text = word.normalize('NFKC').toLowerCase();
  const currency = CURRENCY.includes(text[0]!);
  if (currency) text = text.slice(1);
  const percent = text.endsWith('%');
  if (percent) text = text.slice(0, -1);
  const match = NUMBER.exec(text);
  if (match === null) return AS_WRITTEN.test(text) ? reading({ asWritten: text, digits: true, time: text.includes(':'), currency, percent }) : null;
  const value = Number(match[1]!.replace(/,/g, '') + (match[2] ?? ''));
  const suffix = match[3]!;
  const base = reading({ value, digits: true, currency, percent });
  if (suffix === '') return base;
  if (language === undefined) return null;
  if (language.ordinalSuffixes.has(suffix)) return { ...base, ordinal: true };
  // "1990s": a decade.
  if (suffix === 's' && /^\d{4}$/.test(match[1]!)) return { ...base, decade: true };
  // "$40m", "5bn" multiply; a bare "800m" is metres (a unit: the value stays).
  if (suffix === 'm' && !currency) return base;
  const magnitude = language.magnitudes[suffix];
  if (magnitude !== undefined && magnitude >= 1000) return { ...base, value: value * magnitude };
  if (language.unitSuffixes.has(suffix)) return base;
  if (language.timeSuffixes.has(suffix)) return { ...base, time: true };
  return null;
}

/** Each language's number words, read once: word → what it says. */
const wordsOf = new WeakMap<ConflictWords, Map<string, NumberWord>>();
function numberWords(language: ConflictWords): Map<string, NumberWord> {
  let words = wordsOf.get(language);
  if (words !== undefined) return words;
  words = new Map<string, NumberWord>();
  for (const word of language.vague) words.set(word, reading({ vague: word, words: true }));
  // Words only here ("million"); one- and two-letter magnitudes are suffixes ("5bn").
  for (const [word, value] of Object.entries(language.magnitudes)) if (word.length > 2) words.set(word, reading({ value, magnitude: true, words: true }));
  for (const [word, value] of Object.entries(language.ordinals)) words.set(word, reading({ value, ordinal: true, words: true }));
  for (const [word, value] of Object.entries(language.numbers)) words.set(word, reading({ value, words: true }));
  wordsOf.set(language, words);
  return words;
}

function hasDigit(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/** The number one word says, or null. `key` is the word's comparison key. (Readings of words are shared: never change one.) */
export function readNumber(word: string, key: string, language: ConflictWords | undefined): NumberWord | null {
  if (hasDigit(key)) return readDigits(word, language);
  return language === undefined ? null : (numberWords(language).get(key) ?? null);
}
