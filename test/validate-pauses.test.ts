import { describe, expect, test } from 'vitest';
import { checkOptions, resolveDocuments } from '../src/validate.js';

describe('validation of a large feed pauses', () => {
  test('10,000 documents are checked in slices, and come out in id order', () => {
    const documents = Array.from({ length: 10_000 }, (_, i) => ({ id: `doc-${(i * 7919) % 10_000}`, text: `Sentence ${i}.` }));
    const work = resolveDocuments(documents, checkOptions({}, false));
    let pauses = 0;
    let step = work.next();
    for (; !step.done; step = work.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(4); // one every 2,048 documents, and one before sorting
    const ids = step.value.documents.map((document) => document.id);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});
