/**
 * Concepts (rank/concepts.ts): what selection covers, each word and word pair weighed by the
 * articles that carry it, checked against a naive count on generated inputs.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Kind, type Analysis, type Groups, type Segments } from '../src/model.js';
import { concepts, conceptsInput } from '../src/rank/concepts.js';
import { runSync } from '../src/schedule.js';
import { exampleOutlets, groupsOf } from './helpers.js';

/** Property runs: FC_RUNS=N for more; the timeout grows with them. */
const RUNS = Number(process.env.FC_RUNS ?? 100);

/**
 * The naive reference for concepts: per group, its representative's distinct terms and adjacent
 * term pairs in order, then its private concept, each weighed by the articles whose prose
 * carries it (counted with Sets, no hash table of our own).
 */
function naiveConcepts(segments: Segments, analysis: Analysis, groups: Groups, supportWeight: number): string[][] {
  const articles = new Map<string, Set<number>>();
  const carry = (key: string, document: number) => (articles.get(key) ?? articles.set(key, new Set()).get(key)!).add(document);
  for (let i = 0; i < segments.count; i++) {
    if (segments.kind[i] !== Kind.PROSE) continue;
    for (let p = analysis.termStart[i]!; p < analysis.termStart[i + 1]!; p++) {
      carry(`t${analysis.terms[p]}`, segments.doc[i]!);
      if (p > analysis.termStart[i]!) carry(`p${analysis.terms[p - 1]}-${analysis.terms[p]}`, segments.doc[i]!);
    }
  }
  const weigh = (key: string) => (0.1 + supportWeight * (articles.get(key)!.size - 1)).toFixed(9);
  return Array.from({ length: groups.count }, (_, g) => {
    const r = groups.representative[g]!;
    const listed: string[] = [];
    for (let p = analysis.termStart[r]!; p < analysis.termStart[r + 1]!; p++) {
      const term = `t${analysis.terms[p]}`;
      if (!listed.some((entry) => entry.startsWith(`${term} `))) listed.push(`${term} ${weigh(term)}`);
      if (p === analysis.termStart[r]!) continue;
      const pair = `p${analysis.terms[p - 1]}-${analysis.terms[p]}`;
      if (!listed.some((entry) => entry.startsWith(`${pair} `))) listed.push(`${pair} ${weigh(pair)}`);
    }
    listed.push(`own ${(0.1).toFixed(9)}`);
    return listed;
  });
}

describe('concepts equal a naive count', () => {
  test('on generated small inputs: every group lists its words and word pairs, each weighed by its articles', () => {
    fc.assert(
      fc.property(exampleOutlets(8, 5), (documents) => {
        const { segments, analysis, groups } = groupsOf(documents);
        const made = runSync(concepts(conceptsInput(segments, analysis, groups, 0.7)));
        const naive = naiveConcepts(segments, analysis, groups, 0.7);
        const privateBase = made.conceptWeight.length - groups.count;
        // Ids are the implementation's own: read side by side, each id must name one concept
        // of the reference everywhere (a term its own id, a group's private concept its own).
        const nameOf = new Map<number, string>();
        const idOf = new Map<string, number>();
        for (let g = 0; g < groups.count; g++) {
          const ids = Array.from(made.concept.subarray(made.conceptStart[g]!, made.conceptStart[g + 1]!));
          expect(ids.length).toBe(naive[g]!.length);
          ids.forEach((id, k) => {
            const [name, weight] = naive[g]![k]!.split(' ') as [string, string];
            expect(made.conceptWeight[id]!.toFixed(9), name).toBe(weight);
            if (name === 'own') return expect(id).toBe(privateBase + g);
            if (name.startsWith('t')) expect(id).toBe(Number(name.slice(1)));
            expect(nameOf.get(id) ?? name).toBe(name);
            expect(idOf.get(name) ?? id).toBe(id);
            nameOf.set(id, name);
            idOf.set(name, id);
          });
        }
      }),
      { numRuns: RUNS },
    );
  }, Math.max(60_000, RUNS * 100));
});

