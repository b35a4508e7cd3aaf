import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as stopword from 'stopword';
import { describe, expect, test } from 'vitest';
import { findConflicts } from '../src/conflicts/index.js';
import { wordSpans } from '../src/conflicts/tokens.js';
import { summarizeSync, type Conflict, type SourceDocument, type Summary } from '../src/index.js';
import { runSync } from '../src/schedule.js';
import { groupsOf, loadExamples, settingsWith } from './helpers.js';

/**
 * Sources that disagree: near-identical sentences that give a different number, date or name.
 * The sentences here are invented for these tests.
 */

/** Property runs: FC_RUNS=N for more. */
const RUNS = Number(process.env.FC_RUNS ?? 1000);

/** Every span of every conflict slices to its wording; variants and spans are ordered as documented. */
export function expectWellFormedConflicts(summary: Summary, documents: readonly SourceDocument[]): void {
  const byId = new Map(documents.map((document) => [document.id, document.text]));
  for (const conflict of summary.conflicts) {
    expect(conflict.variants.length).toBeGreaterThanOrEqual(2);
    const owner = new Map<string, number>();
    const supports = conflict.variants.map((variant, v) => {
      expect(variant.text).toBe(byId.get(variant.spans[0]!.documentId)!.slice(variant.spans[0]!.start, variant.spans[0]!.end));
      for (const [k, span] of variant.spans.entries()) {
        expect(span.start).toBeLessThan(span.end);
        expect(byId.get(span.documentId)!.slice(span.start, span.end).trim()).toBe(byId.get(span.documentId)!.slice(span.start, span.end));
        if (k > 0) expect(span.documentId > variant.spans[k - 1]!.documentId || (span.documentId === variant.spans[k - 1]!.documentId && span.start > variant.spans[k - 1]!.start)).toBe(true);
        // No document gives two versions.
        expect(owner.get(span.documentId) ?? v).toBe(v);
        owner.set(span.documentId, v);
      }
      return new Set(variant.spans.map((span) => span.documentId)).size;
    });
    expect(supports).toEqual([...supports].sort((a, b) => b - a));
    if (conflict.sentence !== undefined) {
      const sentence = summary.sentences[conflict.sentence]!;
      // A span of a source lies inside that source's sentence.
      for (const variant of conflict.variants)
        for (const span of variant.spans) {
          const source = sentence.sources.find((s) => s.documentId === span.documentId && s.start <= span.start && span.end <= s.end);
          if (source !== undefined && summary.conflicts.find((c) => c.sentence === conflict.sentence) === conflict) expect(source.variant).toBe(conflict.variants.indexOf(variant));
        }
    }
  }
}

describe('the five example articles: 17 months or 18', () => {
  const documents = loadExamples();
  const text = (id: string) => documents.find((document) => document.id === id)!.text;
  const all = summarizeSync(documents, { sentences: 1000 });

  test('exactly one conflict, with the exact spans of every source (and of 001_, which says it in other words)', () => {
    expect(all.conflicts).toHaveLength(1);
    const [conflict] = all.conflicts as [Conflict];
    expect(conflict.kind).toBe('number');
    expect(conflict.variants.map((variant) => variant.text)).toEqual(['17 months', '18 months']);
    expect(conflict.variants.map((variant) => variant.spans)).toEqual([
      [
        { documentId: '001_58116605b14530ae.txt', start: 3511, end: 3520 },
        { documentId: '003_39fc060f8855b0af.txt', start: 4548, end: 4557 },
        { documentId: '004_5b7da64331b10803.txt', start: 3005, end: 3014 },
      ],
      [{ documentId: '002_043759e1e1c18f0b.txt', start: 5892, end: 5901 }],
    ]);
    for (const variant of conflict.variants) for (const span of variant.spans) expect(text(span.documentId).slice(span.start, span.end)).toBe(variant.text);
    expectWellFormedConflicts(all, documents);
  });

  test('the sentence is shown as 003_ writes it, supported by the two that say 17, each source marked with its version', () => {
    const sentence = all.sentences[all.conflicts[0]!.sentence!]!;
    expect(sentence.sources[0]).toMatchObject({ documentId: '003_39fc060f8855b0af.txt', start: 4312, end: 4558, distance: 0, variant: 0 });
    expect(sentence.text.endsWith('in the past 17 months.')).toBe(true);
    // 001_'s paraphrase is no source of this sentence: support counts the sources that say 17.
    expect(sentence.support).toBe(2);
    expect(sentence.sources.map((source) => [source.documentId.slice(0, 3), source.variant])).toEqual([
      ['003', 0],
      ['002', 1],
      ['004', 0],
    ]);
    // Distances are measured from the new representative.
    for (const source of sentence.sources.slice(1)) expect(source.distance).toBeGreaterThan(0);
  });

  test('sentences without a conflict carry no variant; a summary without the fact has the conflict without a sentence', () => {
    for (const sentence of all.sentences) if (!all.conflicts.some((c) => all.sentences[c.sentence!] === sentence)) for (const source of sentence.sources) expect(source).not.toHaveProperty('variant');
    const short = summarizeSync(documents, { sentences: 1 });
    expect(short.conflicts).toHaveLength(1);
    expect(short.conflicts[0]).not.toHaveProperty('sentence');
  });
});

/** Conflicts (variant texts sorted, joined by "|") of a sentence pair, after checking that dedupe merged the pair. */
const BASE = 'Officials said the storm destroyed many homes along the coast and forced thousands of residents to flee inland overnight.';
function conflictsOf(a: string, b: string, extra: SourceDocument[] = []): string[] {
  const documents = [{ id: 'a', text: `${BASE}\n\n${a}\n` }, { id: 'b', text: `${BASE}\n\n${b}\n` }, { id: 'c', text: `${a}\n` }, ...extra];
  const { segments, analysis, groups } = groupsOf(documents);
  expect(groups.groupOf[segments.firstOfDoc[0]! + 1], 'the two sentences are one fact').toBe(groups.groupOf[segments.firstOfDoc[1]! + 1]);
  const summary = summarizeSync(documents, { sentences: 100 });
  expectWellFormedConflicts(summary, documents);
  expect(runSync(findConflicts(segments, analysis, groups, settingsWith())).count).toBe(summary.conflicts.length);
  return summary.conflicts.map((conflict) => `${conflict.kind}: ${conflict.variants.map((variant) => variant.text).sort().join('|')}`);
}

describe('what is a conflict and what is not', () => {
  const cases: [string, string, string, string | null][] = [
    ['a number with its unit', 'The earthquake killed at least 12 people and injured dozens more in the mountain villages.', 'The earthquake killed at least 15 people and injured dozens more in the mountain villages.', 'number: 12 people|15 people'],
    ['money', 'The city approved a $40 million plan to repair the bridge before the winter storms.', 'The city approved a $45 million plan to repair the bridge before the winter storms.', 'number: $40 million|$45 million'],
    ['a percentage', 'Unemployment rose to 3.5% in March, the highest level in two years, the agency said.', 'Unemployment rose to 3.7% in March, the highest level in two years, the agency said.', 'number: 3.5%|3.7%'],
    ['a weekday', 'The two leaders are expected to meet on Tuesday in the eastern port city, the ministry said.', 'The two leaders are expected to meet on Wednesday in the eastern port city, the ministry said.', 'date: Tuesday|Wednesday'],
    ['a date, with its month', 'The trial is scheduled to begin on Sept. 12 in the federal court in Manhattan, prosecutors said.', 'The trial is scheduled to begin on Sept. 13 in the federal court in Manhattan, prosecutors said.', 'date: Sept. 12|Sept. 13'],
    ['a year', 'The factory, which opened in 1998, employs about 400 workers from the surrounding towns.', 'The factory, which opened in 1989, employs about 400 workers from the surrounding towns.', 'date: 1989|1998'],
    ['a name', 'The agreement was signed by Putin and the visiting delegation after two days of talks.', 'The agreement was signed by Kim Jong Un and the visiting delegation after two days of talks.', 'name: Kim Jong Un|Putin'],
    ['an ordinal', 'It was the leader’s first foreign trip since the pandemic closed the borders in 2020.', 'It was the leader’s third foreign trip since the pandemic closed the borders in 2020.', 'number: first|third'],
    ['a number in other words around it', 'Western allies have sent weapons to Ukraine in the past 17 months, the report said on Monday.', 'Western allies have sent weapons to Ukraine over the last 18 months, the report said on Monday.', 'number: 17 months|18 months'],
    ['a name with a possessive', 'The report said Anna’s team found the wreck on Friday near the northern coast of the island.', 'The report said Maria’s team found the wreck on Friday near the northern coast of the island.', 'name: Anna|Maria'],
    ['a date beside an opening word that differs', 'Earlier, the minister said the talks with the rebels would resume on Monday in Geneva.', 'Separately, the minister said the talks with the rebels would resume on Tuesday in Geneva.', 'date: Monday|Tuesday'],
    ['a number in words and in digits', 'The company said it would cut seventeen jobs at the plant by the end of the year.', 'The company said it would cut 18 jobs at the plant by the end of the year.', 'number: 18|seventeen'],
    ['"U.S." and "US"', 'The U.S. Navy sent 12 ships to the region on Tuesday, officials said in a statement.', 'The US Navy sent 12 ships to the region on Tuesday, officials said in a statement.', null],
    ['quote marks and a typo', '“We will rebuild,” the mayor told reporters after visiting the damaged harbour on Friday.', '"We will rebuild," the mayor told reporters after visting the damaged harbor on Friday.', null],
    ['the same number in words and digits', 'The company said it would cut seventeen jobs at the plant by the end of the year.', 'The company said it would cut 17 jobs at the plant by the end of the year.', null],
    ['the same money written two ways', 'The city approved a $40 million plan to repair the bridge before the winter storms.', 'The city approved a $40m plan to repair the bridge before the winter storms.', null],
    ['money in words and in figures', 'The council approved $12 million for the new bridge over the river, officials said on Monday.', 'The council approved twelve million dollars for the new bridge over the river, officials said on Monday.', null],
    ['a title before the same name', 'The committee chair, Mr. Okafor, said it would vote on the bill before the August recess.', 'The committee chair, Dr. Okafor, said it would vote on the bill before the August recess.', null],
    ['the same percentage written two ways', 'Unemployment rose to 3.5% in March, the highest level in two years, the agency said.', 'Unemployment rose to 3.5 percent in March, the highest level in two years, the agency said.', null],
    ['a spelling variant of a name', 'President Zelensky thanked the allies for the new air defence systems delivered this week.', 'President Zelenskyy thanked the allies for the new air defence systems delivered this week.', null],
    ['an acronym', 'The Korean Central News Agency said the leader inspected the new missile factory on Sunday.', 'The KCNA said the leader inspected the new missile factory on Sunday.', null],
    ['initials', 'The US embassy said the talks on the new trade agreement would resume in Geneva next week.', 'The United States embassy said the talks on the new trade agreement would resume in Geneva next week.', null],
    ['a short form', 'Officials in Calif. said the wildfire had burned more than 300 homes by Sunday night.', 'Officials in California said the wildfire had burned more than 300 homes by Sunday night.', null],
    ['a word added', 'The storm killed at least 12 people in the northern province, the governor said on Monday.', 'The storm killed 12 people in the northern province, the governor said on Monday.', null],
    ['a number left out', 'Rescuers pulled 14 survivors from the rubble of the collapsed school late on Sunday night.', 'Rescuers pulled survivors from the rubble of the collapsed school late on Sunday night.', null],
    ['hyphenation', 'Kim Jong-un arrived in Russia on Tuesday for talks with President Vladimir Putin.', 'Kim Jong Un arrived in Russia on Tuesday for talks with President Vladimir Putin.', null],
    ['a title', 'Sen. Okafor said the committee would vote on the bill before the August recess.', 'Senator Okafor said the committee would vote on the bill before the August recess.', null],
    ['a list reordered and extended', 'Several countries, including Spain, Italy and Greece, have banned the pesticide since then.', 'Several countries, including Portugal, Italy, Spain and Greece, have banned the pesticide since then.', null],
    ['an opening adverb', 'Earlier, the minister said the talks with the rebels would resume on Monday in Geneva.', 'Separately, the minister said the talks with the rebels would resume on Monday in Geneva.', null],
    ['a name and a channel number', 'The interview was first broadcast on Channel 4 late on Thursday evening, the network said.', 'The interview was first broadcast on KXYZ late on Thursday evening, the network said.', null],
  ];
  test.each(cases)('%s', (_label, a, b, expected) => {
    expect(conflictsOf(a, b)).toEqual(expected === null ? [] : [expected]);
  });

  test('a document that gives both versions lists different things: no conflict', () => {
    const a = 'Unit 3 searched the northern bank of the river until late on Saturday evening, the police said.';
    const b = 'Unit 4 searched the northern bank of the river until late on Saturday evening, the police said.';
    expect(conflictsOf(a, b)).toEqual(['number: 3|4']);
    expect(conflictsOf(a, b, [{ id: 'd', text: `${a}\n${b}\n` }])).toEqual([]);
  });

  test('a name opening a sentence counts when its articles write it as a name elsewhere', () => {
    const a = 'Okafor told reporters the relief convoy would reach the flooded towns on Tuesday at the latest.';
    const b = 'Lindqvist told reporters the relief convoy would reach the flooded towns on Tuesday at the latest.';
    const names = (withEvidence: boolean) =>
      summarizeSync(
        [
          { id: 'a', text: `${a}\n${withEvidence ? 'The convoy left at dawn, and Okafor rode in the first truck.' : ''}\n` },
          { id: 'b', text: `${b}\n${withEvidence ? 'Aid workers met Lindqvist at the border crossing that evening.' : ''}\n` },
        ],
        { sentences: 10 },
      ).conflicts.map((conflict) => conflict.variants.map((variant) => variant.text));
    expect(names(true)).toEqual([['Okafor', 'Lindqvist']]);
    expect(names(false)).toEqual([]);
  });
});

describe('languages without their own data: numbers in digits', () => {
  const fixture = (code: string) => JSON.parse(readFileSync(new URL(`./fixtures/languages/${code}.json`, import.meta.url), 'utf8'));
  test.each([
    ['jpn', ['120', '150']],
    ['hin', ['480', '520']],
    ['ara', ['150', '180']],
    ['zho', null], // the two sentences differ by a clause too: dedupe does not merge them
  ] as const)('%s', (code, expected) => {
    const { documents, notes } = fixture(code);
    const summary = summarizeSync(documents, { language: code, stopwords: (stopword as unknown as Record<string, string[]>)[code]!, sentences: 100 });
    expectWellFormedConflicts(summary, documents);
    if (expected === null) return expect(summary.conflicts).toEqual([]);
    expect(summary.conflicts.map((conflict) => [conflict.kind, conflict.variants.map((variant) => variant.text).sort()])).toEqual([['number', [...expected]]]);
    expect(summary.conflicts[0]!.variants.flatMap((variant) => variant.spans.map((span) => span.documentId)).sort()).toEqual(Object.keys(notes.conflict).filter((key) => key !== 'variants'));
  });
});

describe('words', () => {
  test('plain text is split by hand exactly as the regular expression splits it', () => {
    const piece = fc.oneof(fc.constantFrom('U.S.', 'a.m.', '$40', '3.5%', '1,600', '10:30', '9/11', "Korea's", 'Korea’s', 'O’Brien', 'Jong-un', '17-month', '“', '”', '—', '.', ',', ' ', "'", '$', 'e.g', 'A.', '5.'), fc.string({ unit: fc.constantFrom(...'aZ9.,:/\'’$% -'), maxLength: 6 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const sentence = pieces.join('');
      expect(wordSpans(sentence, true)).toEqual(wordSpans(sentence, false));
    }), { numRuns: RUNS });
  });
});

/**
 * Generated stories (invented sentences with slots): every article carries the same facts,
 * one article gives one of them otherwise. The change is found, with exact spans in the changed
 * article and in the others, and the summary does not depend on the order of the articles.
 */
type Slot = { kind: 'number' | 'money' | 'day' | 'place' | 'name'; unit?: string };
const FACTS: (string | Slot)[][] = [
  ['Rescue teams reached ', { kind: 'place' }, ' on ', { kind: 'day' }, ' after the flood destroyed ', { kind: 'number', unit: ' homes' }, ' along the river, the governor said.'],
  ['The mayor, ', { kind: 'name' }, ' Okonkwo, said the city would spend ', { kind: 'money' }, ' on new barriers before the winter storms arrive.'],
  ['Forecasters expect another ', { kind: 'number' }, ' centimetres of rain across the northern valleys before the weekend, the agency said.'],
  ['Officials in ', { kind: 'place' }, ' said ', { kind: 'number', unit: ' people' }, ' were still missing late on ', { kind: 'day' }, ' as the search resumed at first light.'],
];
const PLACES = ['Marlow', 'Dunmore', 'Ashford', 'Kelby', 'Penrith'];
const NAMES = ['Anna', 'Pieter', 'Tomasz', 'Keiko', 'Rafael'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function word(slot: Slot, pick: number): string {
  if (slot.kind === 'number') return String(3 + (pick % 897));
  if (slot.kind === 'money') return `$${3 + (pick % 97)} million`;
  return (slot.kind === 'day' ? DAYS : slot.kind === 'place' ? PLACES : NAMES)[pick % (slot.kind === 'day' ? 7 : 5)]!;
}

/** A sentence and the span each slot's words take in it (with the number's unit). */
function sentenceOf(fact: (string | Slot)[], words: string[]): { text: string; spans: [number, number][] } {
  let text = '';
  const spans: [number, number][] = [];
  let k = 0;
  for (const part of fact) {
    if (typeof part === 'string') text += part;
    else {
      const start = text.length;
      text += words[k++]! + (part.unit ?? '');
      spans.push([start, text.length]);
    }
  }
  return { text, spans };
}

const story = fc.record({
  picks: fc.array(fc.array(fc.nat(10_000), { minLength: 3, maxLength: 3 }), { minLength: FACTS.length, maxLength: FACTS.length }),
  articles: fc.integer({ min: 2, max: 4 }),
  changed: fc.record({ article: fc.nat(), fact: fc.nat(), slot: fc.nat(), by: fc.integer({ min: 1, max: 4 }) }),
  ids: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 4, maxLength: 4 }),
});

describe('generated stories with one fact given otherwise', () => {
  test('the change is a conflict with exact spans on both sides, whatever the order of the articles', () => {
    fc.assert(
      fc.property(story, fc.nat(), ({ picks, articles, changed, ids }, seed) => {
        const fact = changed.fact % FACTS.length;
        const slots = FACTS[fact]!.filter((part): part is Slot => typeof part !== 'string');
        const slot = changed.slot % slots.length;
        const article = changed.article % articles;
        const wordsOf = (f: number) => FACTS[f]!.filter((part): part is Slot => typeof part !== 'string').map((s, k) => word(s, picks[f]![k]!));
        const documents: SourceDocument[] = [];
        const expected: { id: string; span: [number, number]; text: string }[] = [];
        for (let a = 0; a < articles; a++) {
          let text = `Filler line ${a} about the weather in the hills, written only for article number ${a}.\n`;
          for (let f = 0; f < FACTS.length; f++) {
            const words = wordsOf(f);
            if (a === article && f === fact) words[slot] = word(slots[slot]!, picks[f]![slot]! + changed.by);
            const sentence = sentenceOf(FACTS[f]!, words);
            if (f === fact) expected.push({ id: ids[a]!, span: [text.length + sentence.spans[slot]![0], text.length + sentence.spans[slot]![1]], text: words[slot]! });
            text += `${sentence.text}\n`;
          }
          documents.push({ id: ids[a]!, text });
        }
        const summary = summarizeSync(documents, { sentences: 100 });
        expectWellFormedConflicts(summary, documents);
        const changedSpan = expected[article]!;
        const conflict = summary.conflicts.find((c) => c.variants.some((v) => v.spans.some((s) => s.documentId === changedSpan.id && s.start === changedSpan.span[0] && s.end === changedSpan.span[1])));
        expect(conflict, JSON.stringify(expected)).toBeDefined();
        for (const { id, span } of expected) {
          const variant = conflict!.variants.findIndex((v) => v.spans.some((s) => s.documentId === id && s.start === span[0] && s.end === span[1]));
          expect(variant, `${id} ${span}`).toBeGreaterThanOrEqual(0);
          expect(variant === conflict!.variants.findIndex((v) => v.spans.some((s) => s.documentId === changedSpan.id))).toBe(id === changedSpan.id);
        }
        const shuffled = [...documents].sort((x, y) => ((x.id.charCodeAt(0) * 31 + seed) % 7) - ((y.id.charCodeAt(0) * 31 + seed) % 7));
        expect(JSON.stringify(summarizeSync(shuffled, { sentences: 100 }))).toBe(JSON.stringify(summary));
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  }, 60_000);
});
