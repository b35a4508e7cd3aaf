/**
 * Paraphrases that give one side of a number conflict: a sentence outside the group, in an
 * article not yet among the conflict's sources, that counts the same thing ("17 months"), says
 * it in much the same words, and gives exactly one variant's value, joins that variant (001_'s
 * "over the past 17 months" beside the reprints' "in the past 17 months"). Never a new
 * conflict: a different number in other words is too often another count (a city's toll and
 * the nation's, the minimum sentence and the maximum).
 */
import type { ConflictWords } from '../language/index.js';
import type { Analysis, Groups, Segments } from '../model.js';
import type { Work } from '../schedule.js';
import { stringAt } from '../string-table.js';
import { phrasesOf, type Phrase } from './phrases.js';
import { QUANTITY, type GroupText } from './pairs.js';
import type { Found } from './places.js';
import { memberSpans } from './spans.js';
import { gapBefore, tokenise, wordAt, type Tokens } from './tokens.js';

/** Share of the smaller sentence's content terms a paraphrase must share with the variant's sentence, and at least how many. */
const MIN_OVERLAP = 0.3;
const MIN_SHARED = 3;
/** Groups looked at (a sentence read counts 64) between two pauses. */
const PAUSE_AFTER = 16_384;
/**
 * Sentences read into tokens and phrases per number conflict, at most, in group order: a common
 * number is in tens of thousands of sentences of a large feed, and reading them all for each
 * conflict cost 2.2 s of a 30,000-article feed (0.1 s at 10,000). No conflict of the val clusters,
 * the example articles or the 10,000-article feed reads more.
 */
export const MAX_READ_PER_CONFLICT = 4096;
/** Words either side of a number read for what it counts. */
const WINDOW = 4;

/** What a number counts, and the words around it. */
interface Counted {
  noun: string;
  /** "dead", "injured", …: what happened to what is counted, when said near the number. */
  event: string;
  /** "five more", "four other towns": an increment. */
  partial: boolean;
  window: Set<string>;
}

const PUNCTUATION = /[,.;:—–()]/;
const crudeStem = (word: string) => word.replace(/(?:ing|ed|es|s)$/, '');
const singular = (word: string) => (word === 'people' ? 'person' : word.replace(/ies$/, 'y').replace(/(?<=(?:ch|sh|x|ss))es$/, '').replace(/(?<=[^s])s$/, ''));

/** What the number phrase counts: its unit, else a plural noun right after it, else an event word near it; null when nothing says. */
function countedOf(tokens: Tokens, phrase: Phrase, language: ConflictWords): Counted | null {
  const { key } = tokens;
  const n = key.length;
  let event = '';
  for (let k = phrase.to; k < Math.min(n, phrase.to + 4) && !event; k++) {
    if (k > phrase.to && PUNCTUATION.test(gapBefore(tokens, k))) break;
    event = language.events[key[k]!] ?? '';
  }
  for (let k = phrase.from - 1; k >= Math.max(0, phrase.from - 3) && !event; k--) {
    if (PUNCTUATION.test(gapBefore(tokens, k + 1))) break;
    event = language.events[key[k]!] ?? '';
  }
  let noun = '';
  if (phrase.spanTo > phrase.to) {
    const unit = key[phrase.spanTo - 1]!;
    noun = language.people.has(unit) && event ? event : singular(unit);
  } else {
    for (let k = phrase.to; k < Math.min(n, phrase.to + 3) && !noun; k++) {
      if (PUNCTUATION.test(gapBefore(tokens, k)) || language.events[key[k]!] !== undefined) break;
      if (!/^\p{Ll}+$/u.test(wordAt(tokens, k)) || language.functionWords.has(key[k]!)) continue;
      if (language.people.has(key[k]!) && event) noun = event;
      else if (/[^s]s$/.test(key[k]!) || language.units.has(key[k]!)) noun = singular(key[k]!);
    }
    noun ||= event;
  }
  if (!noun) return null;
  const next = key[phrase.spanTo] ?? '';
  const partial = language.partial.has(next) || (phrase.spanTo > phrase.to && /^others?$/.test(key[phrase.spanTo - 1]!));
  const window = new Set<string>();
  for (let k = Math.max(0, phrase.from - WINDOW); k < Math.min(n, phrase.spanTo + WINDOW); k++) {
    if (k >= phrase.from && k < phrase.spanTo) continue;
    if (!/^\p{L}{3,}$/u.test(key[k]!) || language.functionWords.has(key[k]!) || crudeStem(key[k]!) === crudeStem(noun)) continue;
    window.add(crudeStem(key[k]!));
  }
  return { noun, event, partial, window };
}

/** Distinct content terms two sentences share, and the smaller's count. */
function overlap(analysis: Analysis, a: number, b: number): [number, number] {
  const of = (i: number) => new Set(analysis.terms.subarray(analysis.termStart[i]!, analysis.termStart[i + 1]!));
  const x = of(a);
  const y = of(b);
  let shared = 0;
  for (const term of x) if (y.has(term)) shared++;
  return [shared, Math.min(x.size, y.size)];
}

/** A paraphrase of the variant: same counted thing, same kind of count, words in common near the number and across the sentence. */
function paraphrases(analysis: Analysis, candidate: { sentence: number; counted: Counted }, variant: { sentence: number; counted: Counted }, language: ConflictWords): boolean {
  const [x, y] = [candidate.counted, variant.counted];
  if (x.noun !== y.noun || x.partial !== y.partial || (x.event && y.event && x.event !== y.event)) return false;
  let near = 0;
  for (const word of x.window) if (y.window.has(word)) near++;
  if (near < (language.genericNouns.has(x.noun) ? 2 : 1)) return false;
  const [shared, smaller] = overlap(analysis, candidate.sentence, variant.sentence);
  return shared >= MIN_SHARED && shared >= MIN_OVERLAP * smaller;
}

/** A number phrase of one sentence, read. */
interface Source {
  sentence: number;
  tokens: Tokens;
  phrase: Phrase;
}

/**
 * The groups (other than `g` and those in `skip`) whose representative paraphrases one of
 * `sources` (exactly one: a sentence that gives two of the values is comparing them), with
 * the number phrase there and which source it gives.
 */
/**
 * The groups whose representative's key holds each run of digits. A number conflict's
 * paraphrases are looked for among the groups whose key holds its number, not among all of
 * them: a scan of every group per conflict grew with conflicts × groups (27 s of a
 * 100,000-article feed, 0.1 s at 10,000).
 */
export class DigitRuns {
  private constructor(
    private readonly groupsOf: Map<string, number[]>,
    private readonly groupCount: number,
  ) {}

  static *of(analysis: Pick<Analysis, 'keys' | 'keyId'>, groups: Pick<Groups, 'count' | 'representative'>): Work<DigitRuns> {
    const groupsOf = new Map<string, number[]>();
    for (let h = 0; h < groups.count; h++) {
      const key = stringAt(analysis.keys, analysis.keyId[groups.representative[h]!]!);
      let last = '';
      for (const [run] of key.matchAll(/\d+/g)) {
        if (run === last) continue; // listed once per group when repeated next to itself
        last = run;
        const list = groupsOf.get(run);
        if (list === undefined) groupsOf.set(run, [h]);
        else if (list[list.length - 1] !== h) list.push(h);
      }
      if ((h & 8191) === 8191) yield;
    }
    return new DigitRuns(groupsOf, groups.count);
  }

  /**
   * Ascending, every group whose key may hold one of `written` (at least each one that does:
   * a key holding w holds w's first run of digits inside one of its own runs); `undefined` when
   * one of them has no digit, or when the runs holding them ("2") are in an eighth of all groups
   * or more: then the plain scan, which pauses, costs little more than sorting them would.
   */
  candidates(written: readonly string[]): Int32Array | undefined {
    const needles: string[] = [];
    for (const w of written) {
      const digits = /\d+/.exec(w)?.[0];
      if (digits === undefined) return undefined;
      needles.push(digits);
    }
    const found: number[] = [];
    for (const [run, list] of this.groupsOf) {
      if (!needles.some((digits) => run.includes(digits))) continue;
      for (const h of list) found.push(h);
      if (8 * found.length >= this.groupCount) return undefined;
    }
    const sorted = Int32Array.from(found).sort();
    let unique = 0;
    for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[unique++] = sorted[k]!;
    return sorted.subarray(0, unique);
  }
}

export function* paraphrasesOf(segments: Segments, analysis: Analysis, groups: Groups, g: number, sources: readonly Source[], skip: (h: number) => boolean, language: ConflictWords, runs?: DigitRuns): Work<{ h: number; side: number; tokens: Tokens; phrase: Phrase }[]> {
  const sides = sources.map((source) => ({ ...source, counted: countedOf(source.tokens, source.phrase, language) }));
  if (sides.some((side) => side.counted === null)) return [];
  // The number as its sources write it, to pass over sentences that cannot give it.
  const written = sides.map((side) => side.tokens.key.slice(side.phrase.from, side.phrase.to).join(''));
  const found: { h: number; side: number; tokens: Tokens; phrase: Phrase }[] = [];
  // The groups whose key may hold the number (every group without `runs`), in id order: a
  // story of thousands of articles has tens of thousands of groups, so the scan pauses.
  const order = runs?.candidates(written);
  const looked = order === undefined ? groups.count : order.length;
  let work = 0;
  let read = 0;
  for (let k = 0; k < looked && read < MAX_READ_PER_CONFLICT; k++) {
    const h = order === undefined ? k : order[k]!;
    if ((work += 1) >= PAUSE_AFTER) {
      work = 0;
      yield;
    }
    if (h === g || skip(h)) continue;
    const sentence = groups.representative[h]!;
    const key = stringAt(analysis.keys, analysis.keyId[sentence]!);
    if (!written.some((digits) => key.includes(digits))) continue;
    work += 64; // the sentence is read into tokens and phrases
    read++;
    const tokens = tokenise(segments.analysisText[segments.doc[sentence]!]!, segments.start[sentence]!, segments.end[sentence]!, language.abbreviationsWithDot);
    const numbers = phrasesOf(tokens, language).filter((p) => p.kind === 'number' && /^[\d.]+$/.test(p.value));
    const given = sides.map((side, k) => (numbers.some((p) => p.value === side.phrase.value) ? k : -1)).filter((k) => k >= 0);
    if (given.length !== 1) continue;
    const side = sides[given[0]!]!;
    const phrase = numbers.find((p) => p.value === side.phrase.value)!;
    const counted = countedOf(tokens, phrase, language);
    if (counted !== null && paraphrases(analysis, { sentence, counted }, side as { sentence: number; counted: Counted }, language)) found.push({ h, side: given[0]!, tokens, phrase });
  }
  return found;
}

/** Attach paraphrases to the number conflicts found, then order each conflict's variants by all their documents. */
export function* attachParaphrases(segments: Segments, analysis: Analysis, groups: Groups, byGroup: Map<number, Found[]>, language: ConflictWords): Work<void> {
  let runs: DigitRuns | undefined; // made for the first number conflict, if any
  for (const [g, found] of byGroup) {
    for (const conflict of found) {
      // Each conflict reads all its spans (thousands in a fact reprinted thousands of times).
      yield;
      if (conflict.kind !== 'number' || conflict.variants.some((variant) => variant.source === undefined)) continue;
      const documents = new Set(conflict.variants.flatMap((variant) => variant.spans.map((span) => segments.doc[span.sentence]!)));
      runs ??= yield* DigitRuns.of(analysis, groups);
      for (const { h, side, tokens, phrase } of yield* paraphrasesOf(segments, analysis, groups, g, conflict.variants.map((variant) => variant.source!), (h) => byGroup.has(h), language, runs)) {
        const members: number[] = [];
        for (let p = groups.memberStart[h]!; p < groups.memberStart[h + 1]!; p++) if (!documents.has(segments.doc[groups.members[p]!]!)) members.push(groups.members[p]!);
        const phrases = phrasesOf(tokens, language);
        const reading: GroupText = { sentence: groups.representative[h]!, tokens, phrases, signature: phrases.map((p) => p.value).join(' '), members };
        const spans = yield* memberSpans(reading, phrase.from, phrase.to, tokens.end[phrase.spanTo - 1]!, QUANTITY, segments, language);
        for (const span of spans) conflict.variants[side]!.attached.push(span);
        for (const span of spans) documents.add(segments.doc[span.sentence]!);
      }
      if (conflict.variants.every((variant) => variant.attached.length === 0)) continue;
      const all = new Map(conflict.variants.map((variant) => [variant, new Set([...variant.spans, ...variant.attached].map((span) => segments.doc[span.sentence])).size]));
      const first = new Map(conflict.variants.map((variant) => [variant, [...variant.spans, ...variant.attached].reduce((min, span) => Math.min(min, span.sentence), Infinity)]));
      conflict.variants.sort((a, b) => all.get(b)! - all.get(a)! || first.get(a)! - first.get(b)!);
    }
  }
}
