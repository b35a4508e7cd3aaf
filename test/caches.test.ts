import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyse } from '../src/analyse.js';
import { createCaches, SEEN, SeenTexts } from '../src/caches.js';
import { runSync } from '../src/schedule.js';
import { segment } from '../src/segment/index.js';
import { stringAt } from '../src/string-table.js';
import type { SourceDocument } from '../src/types.js';
import { settingsWith } from './helpers.js';

describe('SeenTexts', () => {
  test('a text is new the first time and seen after, wherever it stands; salts keep kinds apart', () => {
    const seen = new SeenTexts();
    expect(seen.again('xx The council voted on Tuesday.', 3, 32, SEEN.line)).toBe(false);
    expect(seen.again('The council voted on Tuesday.', 0, 29, SEEN.line)).toBe(true);
    expect(seen.again('The council voted on Tuesday.', 0, 29, SEEN.sentence)).toBe(false);
    expect(seen.again('The council voted on Tuesday!', 0, 29, SEEN.sentence)).toBe(false);
  });

  test('of a thousand distinct sentences, almost none look seen', () => {
    const words = ['council', 'bridge', 'voted', 'river', 'mayor', 'repairs', 'tunnel', 'ferry', 'cracks', 'engineers', 'traffic', 'residents'];
    const seen = new SeenTexts();
    let falseAlarms = 0;
    for (let i = 0; i < 1000; i++) {
      const sentence = `The ${words[i % 12]} and the ${words[Math.floor(i / 12) % 12]} met the ${words[Math.floor(i / 144) % 12]} on day ${i}.`;
      if (seen.again(sentence, 0, sentence.length, SEEN.sentence)) falseAlarms++;
    }
    expect(falseAlarms).toBeLessThan(10);
  });

  test('grows as texts come: of three million distinct ones, few look seen, early or late', () => {
    const seen = new SeenTexts();
    const falseAlarms = new Int32Array(6); // per half million
    for (let i = 0; i < 3_000_000; i++) {
      const text = `The reading at station ${i} was recorded as ${(i * 7919) % 100_000} units.`;
      if (seen.again(text, 0, text.length, SEEN.sentence)) falseAlarms[Math.floor(i / 500_000)]!++;
    }
    // A table that never grew had marked a third of its 2^23 bits by the end.
    for (const count of falseAlarms) expect(count).toBeLessThan(0.07 * 500_000);
    const text = 'Repeated just now.';
    seen.again(text, 0, text.length, SEEN.line);
    expect(seen.again(text, 0, text.length, SEEN.line)).toBe(true);
  });
});

/** Segment and analyse with the given caches; the plain data of both. */
function read(documents: readonly SourceDocument[], caches = createCaches()) {
  const settings = settingsWith();
  const segments = runSync(segment(documents, settings, caches));
  const analysis = runSync(analyse(segments, documents.map((document) => document.text), settings, caches));
  return { segments, analysis };
}

const sentenceArbitrary = fc.constantFrom(
  'The council voted to close the bridge on Tuesday.',
  'Engineers found cracks in two of its supports.',
  'Photo: A view of the bridge.',
  'Traffic will be sent through the old tunnel.',
  'SHARE',
  'The mayor said repairs would take a year.',
  'Residents asked for a ferry in the meantime.',
);
const documentsArbitrary = fc.array(fc.array(fc.array(sentenceArbitrary, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }).map((documents) =>
  documents.map((lines, d) => ({ id: `d${d}`, text: lines.map((line) => line.join(' ')).join('\n\n') })),
);

describe('the caches', () => {
  test('never change what segment and analyse return, whatever was seen before (property)', () => {
    fc.assert(
      fc.property(documentsArbitrary, documentsArbitrary, (earlier, documents) => {
        const caches = createCaches();
        read(earlier, caches);
        const warm = read(documents, caches);
        const cold = read(documents);
        expect(warm.segments).toEqual(cold.segments);
        expect({ ...warm.analysis, terms: undefined, vocabulary: undefined, termStart: undefined }).toEqual({ ...cold.analysis, terms: undefined, vocabulary: undefined, termStart: undefined });
        const words = (analysis: typeof warm.analysis) => Array.from(analysis.terms, (term) => stringAt(analysis.vocabulary, term));
        expect(words(warm.analysis)).toEqual(words(cold.analysis));
      }),
      { numRuns: 100 },
    );
  });

  test('remember a short plain token by its number only, not by string', () => {
    const caches = createCaches();
    const text = Array.from({ length: 2000 }, (_, i) => `Station ${i} read ${i * 7} units; the internationally-recognised gauge agreed.`).join('\n');
    read([{ id: 'a', text }], caches);
    expect([...caches.termOfToken.keys()]).toEqual(['internationally']); // the one token over ten characters
  });

  test('are filled from a text\'s second sighting, and not by texts seen once', () => {
    const line = 'The council voted to close the bridge on Tuesday. Engineers found cracks in two of its supports.';
    const once = createCaches();
    read([{ id: 'a', text: line }], once);
    expect([once.lineSplits.size, once.kinds.size, once.analysed.size]).toEqual([0, 0, 0]);
    const thrice = createCaches();
    read(['a', 'b', 'c'].map((id) => ({ id, text: line })), thrice);
    expect(thrice.lineSplits.size).toBe(1);
    expect(thrice.kinds.size).toBe(2);
    expect(thrice.analysed.size).toBe(2);
  });
});
