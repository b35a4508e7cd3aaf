/**
 * The salient phrases of one sentence, the only places where sources can disagree: calendar
 * dates ("Sept. 12"), weekdays, numbers with their magnitude words and unit ("1.6 million
 * people", "17 months", "$40m", "3.5%"), years and times, and capitalised names. Each word
 * belongs to at most one phrase; dates are read first, then numbers, then names.
 */
import type { ConflictWords } from '../language/index.js';
import { readNumber, type NumberWord } from './numbers.js';
import { gapBefore, wordAt, type Tokens } from './tokens.js';

export type PhraseKind = 'number' | 'date' | 'name';

export interface Phrase {
  kind: PhraseKind;
  /** Words `[from, to)` are the phrase; `[from, spanTo)` adds its unit ("17 months"). */
  from: number;
  to: number;
  spanTo: number;
  /** What is compared: "m9d12" (Sept. 12), "w2" (Tuesday), "17", "3.5%", "vdozens", "i9/11", or a name's key. */
  value: string;
  /** A name that opens the sentence (or a quotation): a name only if the input also writes it so mid-sentence. */
  opener: boolean;
}

const CAPITALISED = /^[$£€¥]?\p{Lu}/u;
const CAPITALS = /^\p{Lu}{2,}/u;
const OPENS_CLAUSE = /[“"‘'([:—–-]\s*$/;
const TIME_WORD = /^(?:a\.m\.|p\.m\.|am|pm)$/i;

function isDay(number: NumberWord | null): boolean {
  return number !== null && number.digits && !number.currency && !number.percent && number.value !== undefined && Number.isInteger(number.value) && number.value >= 1 && number.value <= 31;
}

/** End of a number's phrase extended over its unit when the unit is the next word ("17 months", "17-month", "3.5 per cent"). */
function unitEnd(tokens: Tokens, numbers: (NumberWord | null)[], j: number, claimed: Uint8Array, language: ConflictWords | undefined): number {
  if (language === undefined || j >= tokens.key.length || claimed[j] || numbers[j] !== null) return j;
  if (!/^\p{Ll}/u.test(wordAt(tokens, j)) || !/^(?:\s+|-)$/.test(gapBefore(tokens, j))) return j;
  const key = tokens.key[j]!;
  const second = language.unitPairs[key];
  if (second !== undefined) return j + 1 < tokens.key.length && tokens.key[j + 1] === second ? j + 2 : j;
  return language.units.has(key) ? j + 1 : j;
}

/** A capitalised month name, or an abbreviation with its dot ("May" and "March" opening a sentence are verbs). */
function monthAt(tokens: Tokens, i: number, language: ConflictWords): number {
  const key = tokens.key[i]!;
  const month = language.months[key];
  if (month === undefined) return 0;
  const word = wordAt(tokens, i);
  if (!CAPITALISED.test(word)) return 0;
  if (i === 0 && language.ambiguousMonths.has(key)) return 0;
  if (key.length <= 3 && key !== 'may' && !word.endsWith('.')) return 0;
  return month;
}

function weekdayAt(tokens: Tokens, i: number, language: ConflictWords): number {
  const key = tokens.key[i]!;
  const weekday = language.weekdays[key];
  if (weekday === undefined) return 0;
  const word = wordAt(tokens, i);
  if (!CAPITALISED.test(word)) return 0;
  return key.length <= 4 && !word.endsWith('.') ? 0 : weekday;
}

/** Dates: a month with a day next to it ("Sept. 12", "12 September"), a month alone, a weekday. */
function readDates(tokens: Tokens, numbers: (NumberWord | null)[], claimed: Uint8Array, language: ConflictWords, phrases: Phrase[]): void {
  const n = tokens.key.length;
  for (let i = 0; i < n; i++) {
    const month = monthAt(tokens, i, language);
    if (month > 0) {
      let from = i;
      let to = i + 1;
      let day = 0;
      if (i + 1 < n && isDay(numbers[i + 1]!)) {
        day = numbers[i + 1]!.value!;
        to = i + 2;
      } else if (i > 0 && isDay(numbers[i - 1]!) && !claimed[i - 1]) {
        day = numbers[i - 1]!.value!;
        from = i - 1;
      }
      claimed.fill(1, from, to);
      phrases.push({ kind: 'date', from, to, spanTo: to, value: `m${month}${day ? `d${day}` : ''}`, opener: false });
      continue;
    }
    const weekday = weekdayAt(tokens, i, language);
    if (weekday > 0) {
      claimed[i] = 1;
      phrases.push({ kind: 'date', from: i, to: i + 1, spanTo: i + 1, value: `w${weekday}`, opener: false });
    }
  }
}

/** Numbers: runs of digits and number words read as one ("two hundred thousand", "1.6 million", "twenty five", "half a million"). */
function readNumbers(tokens: Tokens, numbers: (NumberWord | null)[], claimed: Uint8Array, language: ConflictWords | undefined, phrases: Phrase[]): void {
  const n = tokens.key.length;
  const key = tokens.key;
  for (let i = 0; i < n; i++) {
    const half = language !== undefined && !claimed[i] && key[i] === language.half && i + 2 < n && key[i + 1] === 'a' && !claimed[i + 2];
    if (half && numbers[i + 2]?.magnitude && numbers[i + 2]!.value! >= 1000) {
      claimed.fill(1, i, i + 3);
      phrases.push({ kind: 'number', from: i, to: i + 3, spanTo: unitEnd(tokens, numbers, i + 3, claimed, language), value: `${numbers[i + 2]!.value! / 2}`, opener: false });
      continue;
    }
    const first = numbers[i];
    if (claimed[i] || !first) continue;
    if (first.asWritten !== undefined) {
      claimed[i] = 1;
      const value = `i${first.asWritten}${first.percent ? '%' : ''}`;
      phrases.push({ kind: first.time ? 'date' : 'number', from: i, to: i + 1, spanTo: unitEnd(tokens, numbers, i + 1, claimed, language), value, opener: false });
      continue;
    }
    let j = i;
    let total = 0;
    let current = 0;
    let sawValue = false;
    let vague = '';
    let ordinal = false;
    let percent = first.percent;
    let time = false;
    let decade = false;
    let digitsSeen = 0;
    while (j < n && !claimed[j] && numbers[j] && numbers[j]!.asWritten === undefined) {
      const x = numbers[j]!;
      if (j > i && x.currency) break;
      if (x.digits) {
        if (digitsSeen > 0 || (sawValue && !x.magnitude)) break; // "2022 17" is two numbers
        digitsSeen++;
      }
      if (x.vague !== undefined) {
        if (!sawValue) {
          vague = x.vague;
          j++;
        }
        break;
      }
      if (x.magnitude) {
        const base = current === 0 && total === 0 ? 1 : current;
        if (x.value! >= 1000) {
          total += base * x.value!;
          current = 0;
        } else current = base * x.value!;
      } else {
        if (sawValue && !x.words) break;
        if (sawValue && current % 10 !== 0 && x.value! < 10) break; // "three two": not one number
        current += x.value!;
      }
      sawValue = true;
      ordinal ||= x.ordinal;
      percent ||= x.percent;
      time ||= x.time;
      decade ||= x.decade;
      j++;
      if (x.ordinal || x.percent || x.time) break;
      const joiner = language !== undefined && x.magnitude && x.words && j + 1 < n && key[j] === language.numberJoiner;
      if (joiner && numbers[j + 1]?.words && !numbers[j + 1]!.magnitude && !numbers[j + 1]!.ordinal) j++;
    }
    if (j === i) continue;
    claimed.fill(1, i, j);
    // The currency is not part of the value: "$12 million" and "twelve million dollars" agree.
    let value = vague ? `v${vague}` : `${+(total + current).toPrecision(12)}${ordinal ? 'o' : ''}${decade ? 's' : ''}`;
    // A year: four digits from 1800 to 2100, no money, no unit after it.
    const year = j - i === 1 && first.digits && !first.currency && !percent && !first.ordinal && /^\d{4}$/.test(wordAt(tokens, i)) && total + current >= 1800 && total + current <= 2100;
    let spanTo = year ? j : unitEnd(tokens, numbers, j, claimed, language);
    let kind: PhraseKind = (year && spanTo === j) || time ? 'date' : 'number';
    if (language !== undefined && !time && spanTo === j && j < n && TIME_WORD.test(wordAt(tokens, j))) {
      kind = 'date'; // "10 a.m."
      spanTo = j + 1;
      value += key[j];
    }
    if (percent) value += '%';
    phrases.push({ kind, from: i, to: j, spanTo, value, opener: false });
  }
}

/** Names: capitalised words left over that are no function word (unless in capitals), no title, no "I'll". */
function readNames(tokens: Tokens, numbers: (NumberWord | null)[], claimed: Uint8Array, language: ConflictWords, phrases: Phrase[]): void {
  for (let i = 0; i < tokens.key.length; i++) {
    if (claimed[i] || numbers[i]) continue;
    // A capital: ASCII checked by code, anything else by its class.
    const first = tokens.text.charCodeAt(tokens.start[i]!);
    if (first < 128 ? first < 65 || first > 90 : !/^\p{Lu}/u.test(tokens.text.slice(tokens.start[i]!, tokens.start[i]! + 2))) continue;
    const word = wordAt(tokens, i);
    const key = tokens.key[i]!;
    if (language.functionWords.has(key) && !CAPITALS.test(word)) continue;
    if (language.titles.has(key) || /^I['’]/.test(word)) continue;
    const opener = i === 0 || OPENS_CLAUSE.test(gapBefore(tokens, i));
    phrases.push({ kind: 'name', from: i, to: i + 1, spanTo: i + 1, value: key, opener });
    claimed[i] = 1;
  }
}

/** The phrases of one sentence, in text order. Without language data, digits only. */
export function phrasesOf(tokens: Tokens, language: ConflictWords | undefined): Phrase[] {
  const n = tokens.key.length;
  const claimed = new Uint8Array(n);
  const phrases: Phrase[] = [];
  const numbers = tokens.key.map((key, i) => {
    const number = readNumber(wordAt(tokens, i), key, language);
    // An ordinal word joined by a hyphen ("first-degree murder") is an adjective.
    if (number?.ordinal && number.words && i + 1 < n && gapBefore(tokens, i + 1) === '-') return null;
    return number;
  });
  if (language !== undefined) readDates(tokens, numbers, claimed, language, phrases);
  readNumbers(tokens, numbers, claimed, language, phrases);
  if (language !== undefined) readNames(tokens, numbers, claimed, language, phrases);
  return phrases.sort((a, b) => a.from - b.from);
}
