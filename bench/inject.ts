/**
 * The injected-change benchmark's pieces: which words of a sentence can be changed (numbers,
 * years, weekdays, months, names), what to change each into (seeded), and the span the
 * conflict finder should report for the change in the original and in the changed copy.
 */
import { typoDistance } from '../src/conflicts/names.js';
import { tokenKey } from '../src/conflicts/tokens.js';
import { ENGLISH } from '../src/language/eng.js';

export type ChangeKind = 'number' | 'year' | 'weekday' | 'month' | 'name';

export interface Candidate {
  kind: ChangeKind;
  start: number;
  end: number;
  text: string;
}

const words = ENGLISH.conflicts!;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const MAGNITUDES = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen']);
/** Capitalised words that are no name to swap in (ordinals, number words, function words). */
const NOT_NAMES = new Set(
  ('first second third fourth fifth sixth seventh eighth ninth tenth twenties thirties forties fifties sixties seventies eighties nineties ' +
    'one two three four five six seven eight nine ten dozen hundred thousand million billion').split(' '),
);
const CALENDAR_ABBREVIATION = /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)$/;

/**
 * Names of a cluster: words capitalised right after a lower-case word or a comma somewhere and
 * never written in lower case, less titles, function words and calendar words.
 */
export function namesOf(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  const lower = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/(?<=[\p{Ll},;] )\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}])/gu)) seen.add(match[0]);
    for (const match of text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}+/gu)) lower.add(match[0]);
  }
  return [...seen]
    .filter((word) => {
      const key = word.toLowerCase();
      return !lower.has(key) && !CALENDAR_ABBREVIATION.test(word) && !WEEKDAYS.includes(word) && !MONTHS.includes(word) && !NOT_NAMES.has(key) && !words.functionWords.has(key) && !words.titles.has(key);
    })
    .sort();
}

/** Words of sentence `text[start, end)` that can be changed. Not the sentence's first word nor one after an opening quote. */
export function candidatesOf(text: string, start: number, end: number, names: ReadonlySet<string>): Candidate[] {
  const sentence = text.slice(start, end);
  const out: Candidate[] = [];
  for (const match of sentence.matchAll(/(?<![\p{L}\p{N}.,$:/])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\p{L}\p{N}]|[.,:/]\d)/gu)) {
    const year = /^(1[89]|20)\d\d$/.test(match[0]) && Number(match[0]) <= 2100;
    out.push({ kind: year ? 'year' : 'number', start: start + match.index, end: start + match.index + match[0].length, text: match[0] });
  }
  for (const match of sentence.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}\p{L}+)(?![\p{L}\p{N}])/gu)) {
    const word = match[0];
    const at = start + match.index;
    const before = text.slice(start, at);
    if (!/\S/.test(before) || /[“"‘(:]\s*$/.test(before)) continue;
    if (WEEKDAYS.includes(word)) out.push({ kind: 'weekday', start: at, end: at + word.length, text: word });
    else if (MONTHS.includes(word)) out.push({ kind: 'month', start: at, end: at + word.length, text: word });
    else if (names.has(word) && text[at + word.length] !== '.') out.push({ kind: 'name', start: at, end: at + word.length, text: word });
  }
  return out;
}

/** A number written like the one it replaces: thousands commas and decimals kept. */
function formatLike(original: string, value: number): string {
  if (original.includes(',')) return value.toLocaleString('en-US');
  return value.toFixed(original.includes('.') ? original.split('.')[1]!.length : 0);
}

/** A number of 1–31 right after or before a month name: a day. */
function isDay(text: string, candidate: Candidate): boolean {
  if (!/^\d{1,2}$/.test(candidate.text) || Number(candidate.text) < 1 || Number(candidate.text) > 31) return false;
  return new RegExp(`${MONTH} $`).test(text.slice(Math.max(0, candidate.start - 12), candidate.start)) || new RegExp(`^ ${MONTH}`).test(text.slice(candidate.end, candidate.end + 12));
}

/** What the candidate becomes, or null when there is nothing to change it into. */
export function replacementFor(text: string, candidate: Candidate, names: readonly string[], random: () => number): string | null {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const delta = () => 1 + Math.floor(random() * 3);
  switch (candidate.kind) {
    case 'year': {
      const by = delta();
      return String(Number(candidate.text) + (random() < 0.5 ? -by : by));
    }
    case 'number': {
      const value = Number(candidate.text.replace(/,/g, ''));
      if (isDay(text, candidate)) {
        // A day next to a month stays a day (1–28).
        const by = delta();
        const day = String(((value - 1 + (random() < 0.5 ? 28 - by : by)) % 28) + 1);
        return day === candidate.text ? String((value % 28) + 1) : day;
      }
      const tenfold = random() < 0.25;
      const by = delta();
      return formatLike(candidate.text, tenfold ? value * 10 : value - by > 0 && random() < 0.5 ? value - by : value + by);
    }
    case 'weekday':
      return pick(WEEKDAYS.filter((day) => day !== candidate.text));
    case 'month':
      return pick(MONTHS.filter((month) => month !== candidate.text && month !== 'May' && month !== 'March'));
    case 'name': {
      // Another name of the cluster that is no spelling variant, typo or short form of this one.
      const key = tokenKey(candidate.text);
      const options = names.filter((name) => {
        const other = tokenKey(name);
        return other !== key && typoDistance(other, key) > Math.max(1, Math.floor(Math.max(other.length, key.length) / 4)) && !other.startsWith(key) && !key.startsWith(other);
      });
      return options.length > 0 ? pick(options) : null;
    }
  }
}

/**
 * The span a change at `[start, end)` should be reported as: a number with its currency sign,
 * "%", magnitude words and one unit word ("$1.6 million people", "17 months"); a day with its
 * month and a month with its day ("Sept. 12"); anything else, the word.
 */
export function expectedSpan(text: string, start: number, end: number, kind: ChangeKind): [number, number] {
  const after = text.slice(end);
  const before = text.slice(0, start);
  if (kind === 'month') {
    const dayAfter = /^ (\d{1,2})(?:st|nd|rd|th)?(?![\d\p{L}]|,\d)/u.exec(after);
    if (dayAfter && Number(dayAfter[1]) <= 31) return [start, end + dayAfter[0].length];
    const dayBefore = /(?<![\d,.])(\d{1,2}) $/.exec(before);
    if (dayBefore && Number(dayBefore[1]) <= 31) return [start - dayBefore[0].length, end];
    return [start, end];
  }
  if (kind !== 'number' && kind !== 'year') return [start, end];
  const number = text.slice(start, end);
  const day = /^\d{1,2}$/.test(number) && Number(number) >= 1 && Number(number) <= 31;
  const monthBefore = new RegExp(`${MONTH} $`).exec(before);
  if (monthBefore && day) return [start - monthBefore[0].length, end];
  const monthAfter = new RegExp(`^ ${MONTH}`).exec(after);
  if (monthAfter && day && !/\d\s*$/.test(before)) return [start, end + monthAfter[0].length];
  if (before.endsWith('$')) start -= 1;
  let stop = end;
  if (text[stop] === '%') return [start, stop + 1];
  // A year takes no unit.
  if (/^\d{4}$/.test(number) && Number(number) >= 1800 && Number(number) <= 2100 && !before.endsWith('$')) {
    const unit = /^[ -](\p{Ll}+)/u.exec(text.slice(stop));
    if (!unit || !words.units.has(unit[1]!)) return [start, stop];
  }
  for (let magnitude = /^ (\p{Ll}+)/u.exec(text.slice(stop)); magnitude && MAGNITUDES.has(magnitude[1]!); magnitude = /^ (\p{Ll}+)/u.exec(text.slice(stop))) stop += magnitude[0].length;
  const unit = /^(?: +|-)(\p{Ll}+)/u.exec(text.slice(stop));
  if (unit && unit[1] === 'per' && /^ cent\b/.test(text.slice(stop + unit[0].length))) return [start, stop + unit[0].length + 5];
  if (unit && words.units.has(unit[1]!)) stop += unit[0].length;
  return [start, stop];
}

/** One source's words in one variant of a reported conflict. */
export interface VariantSpan {
  documentId: string;
  start: number;
  end: number;
}

/** One injected change: where it is in the original and in the changed copy, and the spans it should be reported as. */
export interface Trial {
  originalId: string;
  copyId: string;
  /** The changed words: `[start, originalEnd)` in the original, `[start, copyEnd)` in the copy. */
  start: number;
  originalEnd: number;
  copyEnd: number;
  /** expectedSpan() in the original and in the copy. */
  originalSpan: [number, number];
  copySpan: [number, number];
}

/**
 * Found: some conflict has the copy's changed words in one variant and the original's in
 * another (a span overlapping them, in that document). Exact: in the first such conflict, both
 * spans are exactly the expected ones. Conflicts are given as variants of spans.
 */
export function judgeTrial(conflicts: readonly (readonly (readonly VariantSpan[])[])[], trial: Trial): { found: boolean; exact: boolean } {
  const overlapping = (id: string, from: number, to: number) => (span: VariantSpan) => span.documentId === id && span.start < to && span.end > from;
  for (const variants of conflicts) {
    const inCopy = overlapping(trial.copyId, trial.start, trial.copyEnd);
    const inOriginal = overlapping(trial.originalId, trial.start, trial.originalEnd);
    const copyVariant = variants.findIndex((spans) => spans.some(inCopy));
    const originalVariant = variants.findIndex((spans) => spans.some(inOriginal));
    if (copyVariant < 0 || originalVariant < 0 || copyVariant === originalVariant) continue;
    const copy = variants[copyVariant]!.find(inCopy)!;
    const original = variants[originalVariant]!.find(inOriginal)!;
    const exact = copy.start === trial.copySpan[0] && copy.end === trial.copySpan[1] && original.start === trial.originalSpan[0] && original.end === trial.originalSpan[1];
    return { found: true, exact };
  }
  return { found: false, exact: false };
}
