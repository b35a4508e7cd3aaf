/**
 * The readings of a group: the texts that are aligned with each other. Most members say just
 * what dedupe's representative says, give or take a word without a number, date or name in
 * it, a quote mark or a name spelt otherwise; they are the representative's reading and cost
 * no alignment. Each other member text (a distinct comparison key) is a reading of its own;
 * wire copy reprinted a thousand times with typos, house style and a word added here and
 * there has a handful.
 *
 * A member is read cheaply first: compared character by character with the representative
 * (quotes and dashes folded), only the words where they differ are looked at, and only when
 * the member has a word there that could be part of a phrase is its whole sentence read.
 */
import type { ConflictWords } from '../language/index.js';
import type { Groups, Segments } from '../model.js';
import type { Work } from '../schedule.js';
import { differences } from './diff.js';
import { respelling, sameName } from './names.js';
import { pivotsFor, type GroupText } from './pairs.js';
import { phrasesOf, type Phrase } from './phrases.js';
import { OTHERWISE, saysOtherwise, type Pair } from './reworded.js';
import { tokenise, type Tokens } from './tokens.js';

/** Work space reused from group to group: a reading per comparison key (−1: not seen), per member. */
export interface Scratch {
  readingOfKey: Int32Array;
  /** Characters worded otherwise than the representative's, per comparison key of its reading. */
  changedOfKey: Int32Array;
  touched: number[];
  readingOfMember: Int32Array;
}

/** What a reading is: its phrases' values in order. */
export const signatureOf = (phrases: readonly Phrase[]) => phrases.map((phrase) => phrase.value).join(' ');

/** A member's words. */
const wordsOf = (segments: Segments, sentence: number, language: ConflictWords | undefined) =>
  tokenise(segments.analysisText[segments.doc[sentence]!]!, segments.start[sentence]!, segments.end[sentence]!, language?.abbreviationsWithDot);

/** One text read in full, its members to come. */
function read(sentence: number, tokens: Tokens, language: ConflictWords | undefined): GroupText {
  const phrases = phrasesOf(tokens, language);
  return { sentence, tokens, phrases, signature: signatureOf(phrases), members: [] };
}

/** One group being sorted into readings. */
interface Sorting {
  segments: Segments;
  groups: Groups;
  language: ConflictWords | undefined;
  scratch: Scratch;
  readings: GroupText[];
}

/**
 * Members `p ..` of the group into readings, until `to` or until `budget` is spent: a unit per
 * new comparison key and one per reading it is compared with (up to `COMPARED`, each a diff of
 * two sentences). A plain function: the hot loop of the stage; returns where it stopped.
 */
function sort(sorting: Sorting, p: number, to: number, budget: number): number {
  const { segments, groups, language, readings } = sorting;
  const { readingOfKey, changedOfKey, touched, readingOfMember } = sorting.scratch;
  const first = groups.memberStart[groups.groupOf[groups.members[p]!]!]!;
  for (; p < to; p++) {
    const sentence = groups.members[p]!;
    const key = groups.keyId[sentence]!;
    let reading = readingOfKey[key]!;
    if (reading < 0) {
      if (budget <= 0) return p;
      budget--;
      const own = segments.analysisText[segments.doc[sentence]!]!;
      // Only where the characters differ, and only when the member says something else there, is
      // its sentence read: first against the representative's, then against the other readings so
      // far (the same version of the sentence, reprinted with a typo elsewhere, is not read twice).
      // A name spelt otherwise ("Ptuin") says nothing else: its spans are found by spelling (spans.ts).
      let changed = 0;
      const says = (r: number) => {
        const { text, from, to } = readings[r]!.tokens;
        const pair: Pair = { a: text, aFrom: from, aTo: to, b: own, bFrom: segments.start[sentence]!, bTo: segments.end[sentence]! };
        changed = 0;
        return differences(text, from, to, own, pair.bFrom, pair.bTo, (a0, a1, b0, b1) => {
          changed += Math.max(a1 - a0, b1 - b0);
          return saysOtherwise(pair, a0, a1, b0, b1, language) === OTHERWISE;
        });
      };
      reading = 0;
      budget--;
      if (says(0)) {
        const compared = Math.min(readings.length, COMPARED);
        reading = 1;
        while (reading < compared && (budget--, says(reading))) reading++;
        if (reading === compared) {
          reading = readings.length;
          changed = 0;
          readings.push(read(sentence, wordsOf(segments, sentence, language), language));
        }
      }
      readingOfKey[key] = reading;
      changedOfKey[key] = changed;
      touched.push(key);
    }
    readingOfMember[p - first] = reading;
  }
  return p;
}

/** Readings a member that says something else than the representative is compared with before it is read as a reading of its own. */
const COMPARED = 16;

/**
 * Members `p ..` that word their reading otherwise in more than `REWORDED` characters become
 * readings of their own, until `to` or `budget` of them: a change beside their words must be
 * aligned with their wording, not their reading's.
 */
function promote(sorting: Sorting, p: number, to: number, budget: number): number {
  const { segments, groups, language, readings } = sorting;
  const { readingOfKey, changedOfKey, readingOfMember } = sorting.scratch;
  const first = groups.memberStart[groups.groupOf[groups.members[p]!]!]!;
  const promoted = readings.length;
  for (; p < to; p++) {
    const sentence = groups.members[p]!;
    const key = groups.keyId[sentence]!;
    const reading = readingOfKey[key]!;
    if (reading < promoted && key !== groups.keyId[readings[reading]!.sentence] && changedOfKey[key]! > REWORDED) {
      if (budget-- === 0) return p;
      readingOfKey[key] = readings.length;
      readings.push(read(sentence, wordsOf(segments, sentence, language), language));
    }
    readingOfMember[p - first] = readingOfKey[key]!;
  }
  return p;
}

/** Characters a member may word otherwise and still be aligned as the representative, when the group may disagree. */
const REWORDED = 12;

/** Work between two progress ticks: new comparison keys looked at, and readings compared with (see `sort`). */
const KEYS_PER_TICK = 128;

/** Pivots: the representative's reading, then (most members first) each that says something no pivot says; then the rest. */
function* pivotsOf(readings: GroupText[], language: ConflictWords | undefined, isName: (key: string) => boolean): Work<{ readings: GroupText[]; pivots: number }> {
  const [first, ...rest] = readings as [GroupText, ...GroupText[]];
  rest.sort((a, b) => b.members.length - a.members.length || a.members[0]! - b.members[0]!);
  const pivots = [first];
  const others: GroupText[] = [];
  const most = pivotsFor(readings.length);
  for (const reading of rest) {
    (pivots.length >= most || pivots.some((pivot) => within(reading, pivot, language, isName)) ? others : pivots).push(reading);
    yield; // hundreds of readings, each aligned with the pivots: a pause after each (cheap unless due)
  }
  return { readings: [...pivots, ...others], pivots: pivots.length };
}

/**
 * The readings of group g, each with all its members in sentence order, and how many of them
 * (from the first) are pivots, aligned with every other: dedupe's representative's reading
 * and those that give a phrase it does not. Null when there is one reading only (the common
 * case).
 */
export function* readingsOf(segments: Segments, groups: Groups, g: number, language: ConflictWords | undefined, isName: (key: string) => boolean, scratch: Scratch): Work<{ readings: GroupText[]; pivots: number } | null> {
  const representative = groups.representative[g]!;
  const readings = [read(representative, wordsOf(segments, representative, language), language)];
  const from = groups.memberStart[g]!;
  const to = groups.memberStart[g + 1]!;
  if (scratch.readingOfMember.length < to - from) scratch.readingOfMember = new Int32Array(2 * (to - from));
  scratch.touched.length = 0;
  scratch.readingOfKey[groups.keyId[representative]!] = 0;
  scratch.touched.push(groups.keyId[representative]!);
  const sorting: Sorting = { segments, groups, language, scratch, readings };
  const tick = { stage: 'conflicts', done: g, total: groups.count } as const;
  for (let p = sort(sorting, from, to, KEYS_PER_TICK); p < to; p = sort(sorting, p, to, KEYS_PER_TICK)) yield tick;
  const members = () => {
    for (const reading of readings) reading.members.length = 0;
    for (let p = from; p < to; p++) readings[scratch.readingOfMember[p - from]!]!.members.push(groups.members[p]!);
  };
  let sorted: { readings: GroupText[]; pivots: number } | null = null;
  if (readings.length > 1) {
    members();
    sorted = yield* pivotsOf(readings, language, isName);
    // Only a group that may disagree (two pivots) is aligned member wording by member wording.
    if (sorted.pivots > 1) {
      for (let p = promote(sorting, from, to, KEYS_PER_TICK); p < to; p = promote(sorting, p, to, KEYS_PER_TICK)) yield tick;
      members();
      sorted = yield* pivotsOf(readings, language, isName);
    }
  }
  for (const key of scratch.touched) scratch.readingOfKey[key] = -1;
  return sorted !== null && sorted.pivots > 1 ? sorted : null;
}

/**
 * Reading `some` says nothing that `other` does not: each of its phrases is one of the other's
 * (a name by `sameName`; each used once, in any order), or a capitalised word the other writes
 * near there as a word that is no name ("Teusday", "Mniister"), or an opening word the articles
 * do not write as a name ("Analysts say…"). A reading with a typo, a word dropped or a clause moved cannot disagree with a third
 * reading unless the other does too.
 */
function within(some: GroupText, other: GroupText, language: ConflictWords | undefined, isName: (key: string) => boolean): boolean {
  const all = other.phrases;
  const used = new Uint8Array(all.length);
  // A word of the other's near the same place that is in no name of its own (a title, a weekday): "Teusday", "Mniister".
  const respelt = (phrase: Phrase) => {
    for (let k = Math.max(0, phrase.from - NEAR); k < Math.min(other.tokens.key.length, phrase.from + NEAR + 1); k++)
      if (respelling(other.tokens.key[k]!, phrase.value) && !all.some((p) => p.kind === 'name' && p.from <= k && k < p.to)) return true;
    return false;
  };
  for (const phrase of some.phrases) {
    let j = 0;
    while (j < all.length && (used[j] || !same(phrase, all[j]!, language))) j++;
    if (j < all.length) used[j] = 1;
    else if (phrase.kind !== 'name' || language === undefined) return false;
    else if (phrase.opener ? isName(phrase.value) : !respelt(phrase)) return false;
  }
  return true;
}

/** How far, in words, a respelt word may have moved (a word added or dropped before it). */
const NEAR = 3;

const same = (a: Phrase, b: Phrase, language: ConflictWords | undefined) =>
  a.kind === b.kind && (a.value === b.value || (a.kind === 'name' && language !== undefined && sameName([a.value], [b.value], language)));
