import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pow } from '../src/math.js';
import { cosine, keyDistance } from '../src/measures.js';
import type { Analysis, Budget, Groups, Ranking, Segments } from '../src/model.js';
import { LENGTH_EXPONENT, rank } from '../src/rank/index.js';
import { runSync } from '../src/schedule.js';
import { select, WORDS_OVERSHOOT } from '../src/select/index.js';
import { groupsOf, loadExamples } from './helpers.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);

/**
 * The naive reference for select(): at every step re-score every remaining candidate and take
 * the best (ties by representative), with the same budget and redundancy rules. The lazy
 * queue in select() must make exactly the same choices.
 */
function naiveSelect(segments: Segments, analysis: Analysis, groups: Groups, ranking: Ranking, budget: Budget): number[] {
  const covered = new Set<number>();
  const gain = (g: number) => {
    let weight = 0;
    for (let p = ranking.conceptStart[g]!; p < ranking.conceptStart[g + 1]!; p++) if (!covered.has(ranking.concept[p]!)) weight += ranking.conceptWeight[ranking.concept[p]!]!;
    return (ranking.prior[g]! * weight) / pow(Math.max(1, analysis.words[groups.representative[g]!]!), LENGTH_EXPONENT);
  };
  const remaining = new Set(Array.from({ length: groups.count }, (_, g) => g));
  const chosen: number[] = [];
  let words = 0;
  let characters = 0;
  for (;;) {
    let best = -1;
    let bestGain = -1;
    for (const g of remaining) {
      const r = groups.representative[g]!;
      const length = segments.end[r]! - segments.start[r]!;
      if (budget.kind === 'words' && words + analysis.words[r]! > budget.limit * WORDS_OVERSHOOT) continue;
      if (budget.kind === 'characters' && characters + (chosen.length > 0 ? 1 : 0) + length > budget.limit) continue;
      const value = gain(g);
      if (value > bestGain || (value === bestGain && r < groups.representative[best]!)) {
        best = g;
        bestGain = value;
      }
    }
    if (best < 0 || bestGain <= 0) break;
    remaining.delete(best);
    const r = groups.representative[best]!;
    const redundant = chosen.some((other) => {
      const a = analysis.key[r]!;
      const b = analysis.key[groups.representative[other]!]!;
      return cosine(ranking.vectors, best, other) >= 0.5 || (Math.abs(a.length - b.length) <= 0.3 * Math.max(a.length, b.length) && keyDistance(a, b) <= 0.3);
    });
    if (redundant) continue;
    chosen.push(best);
    for (let p = ranking.conceptStart[best]!; p < ranking.conceptStart[best + 1]!; p++) covered.add(ranking.concept[p]!);
    words += analysis.words[r]!;
    characters += (chosen.length > 1 ? 1 : 0) + segments.end[r]! - segments.start[r]!;
    if (budget.kind === 'words' && words >= budget.limit) break;
    if (budget.kind === 'sentences' && chosen.length >= budget.limit) break;
  }
  return chosen;
}

const pool = loadExamples()
  .flatMap((document) => document.text.split(/(?<=[.!?])\s+/))
  .filter((sentence) => sentence.split(' ').length >= 5 && /[.!?]$/.test(sentence));

describe('select: the lazy greedy makes the choices a plain greedy makes', () => {
  test('on generated clusters and every budget kind', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat({ max: pool.length - 1 }), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }),
        fc.oneof(
          fc.record({ kind: fc.constant('words' as const), limit: fc.integer({ min: 1, max: 300 }) }),
          fc.record({ kind: fc.constant('sentences' as const), limit: fc.integer({ min: 1, max: 10 }) }),
          fc.record({ kind: fc.constant('characters' as const), limit: fc.integer({ min: 1, max: 2000 }) }),
        ),
        (outlets, budget) => {
          const documents = outlets.map((sentences, o) => ({ id: `d${o}`, text: sentences.map((s) => pool[s]).join(' ') }));
          const { segments, analysis, groups } = groupsOf(documents);
          const ranking = runSync(rank(segments, analysis, groups, { positionWeight: 1, supportWeight: 1 }));
          const lazy = runSync(select(segments, analysis, groups, ranking, { budget, duplicateThreshold: 0.3, redundancyThreshold: 0.5 })).chosen;
          expect(lazy).toEqual(naiveSelect(segments, analysis, groups, ranking, budget));
        },
      ),
      { numRuns: RUNS },
    );
  }, Math.max(30_000, RUNS * 100));
});
