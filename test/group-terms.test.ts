import { describe, expect, test } from 'vitest';
import { documentTerms } from '../src/group/terms.js';
import { Kind } from '../src/model.js';
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
