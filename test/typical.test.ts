import { describe, expect, test } from 'vitest';
import { concepts, conceptsInput } from '../src/rank/concepts.js';
import { typicality } from '../src/rank/typical.js';
import { runSync } from '../src/schedule.js';
import { groupsOf } from './helpers.js';

const storm = [
  'A powerful storm flooded the coastal town of Marlow on Tuesday. Emergency crews rescued forty residents from flooded homes. The mayor said the river rose faster than in any storm on record.',
  'Emergency crews in Marlow spent the night rescuing residents as the storm pushed the river over its banks. The mayor asked residents to stay away from the flooded coastal roads.',
  'The river in Marlow burst its banks during the storm, and emergency crews moved residents to a school. Officials said the coastal town had not flooded like this in decades.',
];
const recipe = 'Whisk the eggs with sugar until pale. Fold in the flour gently and bake the sponge for twenty minutes.';

/** Per document of the input: the typicality factor of its groups (all of one document's groups share it). */
function factorsByDocument(texts: readonly string[]): number[] {
  const documents = texts.map((text, d) => ({ id: `d${d}`, text }));
  const { segments, analysis, groups } = groupsOf(documents);
  const { termDocuments } = runSync(concepts(conceptsInput(segments, analysis, groups, 1)));
  const factor = runSync(typicality(segments, analysis, groups, termDocuments));
  const byDocument = texts.map(() => new Set<number>());
  for (let g = 0; g < groups.count; g++) byDocument[segments.doc[groups.representative[g]!]!]!.add(factor[g]!);
  return byDocument.map((values) => {
    expect(values.size, 'one factor per document').toBe(1);
    return [...values][0]!;
  });
}

describe('article typicality', () => {
  test('an article that shares none of the story vocabulary gets the floor; the most typical gets 1', () => {
    const factors = factorsByDocument([...storm, recipe]);
    expect(Math.max(...factors)).toBe(1);
    expect(factors[3]).toBeCloseTo(Math.sqrt(0.1), 12);
    for (const f of factors.slice(0, 3)) expect(f).toBeGreaterThan(0.7);
  });

  test('one article, or articles that share no term: every fact gets 1', () => {
    expect(factorsByDocument([storm[0]!])).toEqual([1]);
    expect(factorsByDocument([storm[0]!, recipe])).toEqual([1, 1]);
  });
});
