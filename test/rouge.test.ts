import { describe, expect, test } from 'vitest';
import { rouge, rougeStem, truncateLines } from '../bench/rouge.js';

// Hand-checked pairs for the quality benchmark's scorer; the calibration against ROUGE-1.5.5
// on the real data is `npm run bench:quality -- --calibrate` (the data never enters the project).
const score = (peer: string[], model: string[], length = 0, exceptions?: Map<string, string>) => rouge(peer, model, { length, exceptions });

describe('ROUGE as ROUGE-1.5.5 computes it', () => {
  test('identical texts score 1 everywhere', () => {
    const s = score(['The cat sat on the mat.'], ['The cat sat on the mat.']);
    for (const figure of [s.rouge1, s.rouge2, s.rougeL, s.rougeSU4]) expect(figure).toEqual({ recall: 1, precision: 1, f: 1 });
  });

  test('one word added: unigram, bigram and LCS counts by hand', () => {
    const s = score(['the cat was found under the bed'], ['the cat was under the bed']);
    expect(s.rouge1.recall).toBe(1);
    expect(s.rouge1.precision).toBeCloseTo(6 / 7, 12);
    expect(s.rouge2.recall).toBeCloseTo(4 / 5, 12);
    expect(s.rouge2.precision).toBeCloseTo(4 / 6, 12);
    expect(s.rougeL.recall).toBe(1);
    expect(s.rougeL.precision).toBeCloseTo(6 / 7, 12);
    expect(s.rouge2.f).toBeCloseTo((2 * 0.8 * (4 / 6)) / (0.8 + 4 / 6), 12);
  });

  test('SU4: skip bigrams with up to four words between, unigrams except the last token', () => {
    // model: polic arrest suspect → unigrams polic, arrest; pairs polic-arrest, polic-suspect, arrest-suspect = 5
    // peer: polic arrest the suspect → 3 unigrams + 6 pairs = 9; hits: polic, arrest and the three model pairs = 5
    const s = score(['Police arrested the suspect'], ['Police arrested suspect']);
    expect(s.rougeSU4.recall).toBe(1);
    expect(s.rougeSU4.precision).toBeCloseTo(5 / 9, 12);
    // Six words between: out of reach of SU4.
    const far = score(['alpha one two three four five six omega'], ['alpha omega']);
    expect(far.rougeSU4.recall).toBe(0.5); // only the unigram "alpha" of the model's 2 grams (its last token has none)
  });

  test('ROUGE-L is the union LCS over summary lines, clipped by token counts', () => {
    const s = score(['police arrested a man', 'the man was released'], ['police arrested a man who was released']);
    // Union of LCS positions in the model: police arrested a man (line 1), man was released
    // (line 2) → 6 of 7 ("who" is in neither line); 6 of the peer's 8 tokens.
    expect(s.rougeL.recall).toBeCloseTo(6 / 7, 12);
    expect(s.rougeL.precision).toBeCloseTo(6 / 8, 12);
  });

  test('-l N cuts both texts at N whitespace words over all lines', () => {
    expect(truncateLines(['one two three', 'four five'], 4)).toEqual(['one two three', 'four']);
    const s = score(['alpha beta gamma delta'], ['alpha beta zeta eta'], 2);
    expect(s.rouge1.recall).toBe(1);
  });

  test('tokens: lower case, [a-z0-9] only, hyphens split, stemming only past three letters, exceptions first', () => {
    const s = score(['Hot-and-cold TIES went'], ['hot and cold ties goes'], 0, new Map([['went', 'go'], ['goes', 'go']]));
    expect(s.rouge1.recall).toBe(1);
    // "tie" has three letters and is not stemmed; "ties" stems to "ti": no match.
    expect(score(['ties'], ['tie']).rouge1.recall).toBe(0);
  });

  test("ROUGE's Perl stemmer, with its step-4 change", () => {
    const table: [string, string][] = [
      ['generalizations', 'gener'], ['caresses', 'caress'], ['hopping', 'hop'], ['relational', 'relat'],
      ['agreement', 'agreem'], ['adjustment', 'adjust'], ['adoption', 'adopt'], ['yelling', 'yell'], ['by', 'by'],
    ];
    for (const [word, stem] of table) expect(rougeStem(word, true), word).toBe(stem);
  });
});
