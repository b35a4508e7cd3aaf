import fc from 'fast-check';
import levenshtein from 'fast-levenshtein';
import { describe, expect, test } from 'vitest';
import { keyDistance } from '../src/measures.js';
import { Kind, type Groups } from '../src/model.js';
import type { SourceDocument } from '../src/index.js';
import { groupsOf, keyOf, loadExamples, sentenceText } from './helpers.js';

/** Property runs: FC_RUNS=N for more; the timeout grows with them. */
const RUNS = Number(process.env.FC_RUNS ?? 1000);
const PROPERTY_TIMEOUT = Math.max(30_000, RUNS * 25);

/** The naive reference: all pairs of prose sentences, union-find by hand, as sets of sentence ids. */
function exhaustiveGroups(documents: SourceDocument[], threshold: number): string[] {
  const { segments, analysis } = groupsOf(documents, threshold);
  const prose: number[] = [];
  for (let i = 0; i < segments.count; i++) if (segments.kind[i] === Kind.PROSE) prose.push(i);
  const parent = new Map(prose.map((i) => [i, i]));
  const find = (x: number): number => (parent.get(x) === x ? x : find(parent.get(x)!));
  for (let a = 0; a < prose.length; a++)
    for (let b = a + 1; b < prose.length; b++) {
      const keyA = keyOf(analysis, prose[a]!);
      const keyB = keyOf(analysis, prose[b]!);
      const longer = Math.max(keyA.length, keyB.length);
      const distance = longer === 0 ? 0 : levenshtein.get(keyA, keyB) / longer;
      if (distance <= threshold) parent.set(find(prose[a]!), find(prose[b]!));
    }
  const sets = new Map<number, number[]>();
  for (const i of prose) {
    const root = find(i);
    sets.set(root, [...(sets.get(root) ?? []), i]);
  }
  return [...sets.values()].map((members) => members.join(',')).sort();
}

function partition(groups: Groups): string[] {
  const sets: string[] = [];
  for (let g = 0; g < groups.count; g++) sets.push(Array.from(groups.members.slice(groups.memberStart[g]!, groups.memberStart[g + 1]!)).join(','));
  return sets.sort();
}

describe('keyDistance', () => {
  const cases: [string, string, number][] = [
    ['abc', 'abc', 0],
    ['', '', 0],
    ['abc', '', 1],
    ['kitten', 'sitting', 3 / 7],
    ['northkorea', 'sharenorthkorea', 5 / 15], // containment: exactly the length difference
  ];
  test.each(cases)('%s ~ %s = %d', (a, b, expected) => {
    expect(keyDistance(a, b)).toBeCloseTo(expected, 12);
    expect(keyDistance(b, a)).toBeCloseTo(expected, 12);
  });
});

describe('dedupe on the example articles', () => {
  const documents = loadExamples();
  const { segments, analysis, groups } = groupsOf(documents);

  test('reprinted facts are merged across documents, some carried by three or more', () => {
    expect(groups.duplicateGroups).toBeGreaterThanOrEqual(15);
    expect(Math.max(...groups.support)).toBeGreaterThanOrEqual(4);
  });

  test('house-style variants and the "a few words added" case are one group', () => {
    const groupOf = (documentIndex: number, prefix: string) => {
      for (let i = 0; i < segments.count; i++)
        if (segments.doc[i] === documentIndex && sentenceText(documents, segments, i).startsWith(prefix)) return groups.groupOf[i];
      throw new Error(prefix);
    };
    expect(groupOf(0, 'North Korea’s Kim Jong Un arrived in Russia')).toBe(groupOf(3, "North Korea's Kim Jong-un arrived in Russia"));
    expect(groupOf(0, 'Kim Jong Un may also seek')).toBe(groupOf(2, 'Kim Jong Un may seek'));
    expect(groupOf(2, 'Both Russian and North Korean officials denied')).toBe(groupOf(4, 'Both Russian and North Korean officials denied'));
  });

  test('the representative is the earliest member whose key most members share; members are in (document, start) order', () => {
    for (let g = 0; g < groups.count; g++) {
      const members = Array.from(groups.members.slice(groups.memberStart[g]!, groups.memberStart[g + 1]!));
      expect(members).toEqual([...members].sort((a, b) => a - b));
      const count = (member: number) => members.filter((other) => keyOf(analysis, other) === keyOf(analysis, member)).length;
      const most = Math.max(...members.map(count));
      expect(groups.representative[g]).toBe(members.find((member) => count(member) === most));
    }
  });

  test('the most common wording represents a fact, not the earliest', () => {
    const outlets = [
      { id: 'a', text: 'The mayor of Springfield opened the new bridge over the river on Monday morning.' },
      { id: 'b', text: 'The mayor of Springfield opened the new bridge over the river early on Monday morning.' },
      { id: 'c', text: 'The mayor of Springfield opened the new bridge over the river early on Monday morning.' },
    ];
    const { segments, groups: merged } = groupsOf(outlets);
    expect(merged.count).toBe(1);
    expect(segments.doc[merged.representative[0]!]).toBe(1);
  });

  test('a third copy near only one member of a group joins it (found by the property below)', () => {
    // Two copies of the lead with a word put in front ("also", "reportedly") are too far from
    // the reworded third copy; the clean lead is near it. Giving up on a group after two tries
    // left the third copy alone.
    const lead = 'After decades of complicated, hot-and-cold relations, Russia and North Korea have drawn closer since Moscow’s invasion of Ukraine in 2022.';
    const arrival = 'North Korea’s Kim Jong Un arrived in Russia on Tuesday for a meeting with President Vladimir Putin where they are expected to offer each other increased support in their escalating standoffs with the West.';
    const reworded = 'After decades of hot-and-cold relations, reportedly Russia and North Korea have drawn closer since Moscow’s invasion of Ukraine in 2022.';
    const outlets = [
      { id: 'outlet-0', text: `${lead} ${arrival}` },
      { id: 'outlet-1', text: `also ${lead} ${arrival}` },
      { id: 'outlet-2', text: `reportedly ${lead} ${reworded} ${arrival}` },
    ];
    expect(partition(groupsOf(outlets, 0.2).groups)).toEqual(exhaustiveGroups(outlets, 0.2));
  });

  test('blocking finds exactly the groups that all pairs find', () => {
    expect(partition(groups)).toEqual(exhaustiveGroups(documents, 0.3));
    for (const threshold of [0, 0.1, 0.2, 0.4]) expect(partition(groupsOf(documents, threshold).groups)).toEqual(exhaustiveGroups(documents, threshold));
  });

  test('blocking compares far fewer pairs than all pairs', () => {
    let prose = 0;
    for (let i = 0; i < segments.count; i++) if (segments.kind[i] === Kind.PROSE) prose++;
    expect(groups.comparisons).toBeLessThan((prose * (prose - 1)) / 2 / 20);
  });
});

describe('dedupe: property against all pairs on generated clusters', () => {
  // Clusters the way wire copy is reprinted: sentences from the examples, copied into several
  // outlets with small edits (a word dropped, added or replaced, a typo, house style), shuffled.
  const pool = loadExamples()
    .flatMap((document) => document.text.split(/(?<=[.!?])\s+/))
    .filter((sentence) => sentence.split(' ').length >= 6 && /[.!?]$/.test(sentence));
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('add' as const), at: fc.nat(), word: fc.constantFrom('also', 'reportedly', 'on Tuesday', 'SHARE', 'officials said') }),
    fc.record({ kind: fc.constant('typo' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('style' as const) }),
  );
  type Edit = { kind: 'drop' | 'add' | 'typo' | 'style'; at?: number; word?: string };
  const applyEdit = (sentence: string, e: Edit) => {
    const words = sentence.split(' ');
    const at = (e.at ?? 0) % words.length;
    if (e.kind === 'drop' && words.length > 6) words.splice(at, 1);
    if (e.kind === 'add') words.splice(at, 0, e.word!);
    if (e.kind === 'typo') words[at] = words[at]!.split('').reverse().join('');
    if (e.kind === 'style') return words.join(' ').replace(/’/g, "'").replace(/ — /g, ' - ');
    return words.join(' ');
  };
  const cluster = fc
    .array(
      fc.record({
        sentences: fc.array(fc.nat({ max: pool.length - 1 }), { minLength: 1, maxLength: 8 }),
        edits: fc.array(fc.array(edit, { maxLength: 4 }), { maxLength: 8 }),
      }),
      { minLength: 1, maxLength: 6 },
    )
    .map((outlets) =>
      outlets.map((outlet, o) => ({
        id: `outlet-${o}`,
        text: outlet.sentences.map((s, k) => (outlet.edits[k] ?? []).reduce((text: string, e: Edit) => applyEdit(text, e), pool[s]!)).join(' '),
      })),
    );

  test('blocked groups equal exhaustive groups', () => {
    fc.assert(
      fc.property(cluster, fc.constantFrom(0.1, 0.2, 0.3, 0.4, 0.5), (documents, threshold) => {
        expect(partition(groupsOf(documents, threshold).groups)).toEqual(exhaustiveGroups(documents, threshold));
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);
});
