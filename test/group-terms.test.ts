import { describe, expect, test } from 'vitest';
import { documentTerms } from '../src/group/terms.js';
import { Kind } from '../src/model.js';
import { stringAt } from '../src/string-table.js';
import { analysisOf, settingsWith } from './helpers.js';

describe('documentTerms pauses within a document', () => {
  test('a page of 20,000 short headings without a content word is read in slices', () => {
    // No prose, so its other sentences are read for terms; none has any, so all are read.
    const text = Array.from({ length: 20_000 }, (_, k) => (k % 2 ? 'And then it was' : 'But of the')).join('\n\n');
    const documents = [{ id: 'a', text }];
    const { segments, analysis } = analysisOf(documents);
    expect(segments.kind.filter((kind) => kind === Kind.HEADING).length).toBe(20_000);
    const settings = settingsWith();
    const work = documentTerms(documents, segments, analysis, { stopwords: settings.stopwords, language: settings.language });
    let steps = 0;
    let step = work.next();
    for (; !step.done; step = work.next()) steps++;
    expect(step.value.extraStart[1]).toBe(0); // nothing found
    // 20,000 sentences of about 40 units of work each, a pause per 40,000: about 20.
    expect(steps).toBeGreaterThanOrEqual(15);
  });
});

describe('documentTerms over a large vocabulary', () => {
  // 60,000 distinct made-up words in one long sentence each of 10: one document, so the
  // documents loop pauses little, and the vocabulary pass must pause on its own.
  const words = Array.from({ length: 60_000 }, (_, k) => `zq${k.toString(36)}x`);
  const sentences: string[] = [];
  for (let k = 0; k < words.length; k += 10) sentences.push(`The ${words.slice(k, k + 10).join(' ')} came.`);
  const documents = [{ id: 'a', title: 'On 12 May 7 of 100 came', text: `${sentences.join(' ')} It was 12 and 31 and 100 and 2024.` }];
  const { segments, analysis } = analysisOf(documents);
  const settings = settingsWith();
  const run = () => {
    const work = documentTerms(documents, segments, analysis, { stopwords: settings.stopwords, language: settings.language });
    let steps = 0;
    let step = work.next();
    for (; !step.done; step = work.next()) steps++;
    return { steps, result: step.value };
  };

  test('reads at most about 16,384 vocabulary entries between two pauses', () => {
    expect(analysis.termCount).toBeGreaterThan(50_000);
    // Count the entries read (each read of a string goes through `block`) per step.
    let reads = 0;
    const vocabulary = new Proxy(analysis.vocabulary, {
      get(target, property, receiver) {
        if (property === 'block') reads++;
        return Reflect.get(target, property, receiver);
      },
    });
    const work = documentTerms(documents, segments, { ...analysis, vocabulary }, { stopwords: settings.stopwords, language: settings.language });
    let most = 0;
    for (let step = work.next(); !step.done; step = work.next()) {
      most = Math.max(most, reads);
      reads = 0;
    }
    expect(Math.max(most, reads)).toBeLessThanOrEqual(16_384);
  });

  test('numbers of two digits are weak; longer numbers and words are not', () => {
    const { result } = run();
    const weakStems = new Set<string>();
    for (let t = 0; t < analysis.termCount; t++) if (result.weak[t]) weakStems.add(stringAt(analysis.vocabulary, t));
    expect([...weakStems].sort()).toEqual(['12', '31']);
    expect(result.weak.length).toBe(result.termCount);
  });
});
