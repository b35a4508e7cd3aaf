import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { comparisonKey } from '../src/tokens.js';
import { keyDistance } from '../src/measures.js';
import { ChorusError, summarizeSync, type SourceDocument, type SummarizeOptions } from '../src/index.js';
import { expectedSupport, loadExamples, segmentOf } from './helpers.js';

/**
 * Invariants over generated input: documents that mix real news sentences (reprinted with
 * small edits across documents, as wire copy is) with random Unicode, markup, separators and
 * control characters. At least 1,000 runs per property; FC_RUNS=N for more.
 */
const RUNS = Number(process.env.FC_RUNS ?? 1000);
const PROPERTY_TIMEOUT = Math.max(30_000, RUNS * 25);

const realSentences = loadExamples()
  .flatMap((document) => document.text.split(/(?<=[.!?”"])\s+|\n+/))
  .filter((sentence) => sentence.split(' ').length >= 5)
  .slice(0, 120);

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...realSentences).map((sentence) => `${sentence} `) },
  { weight: 2, arbitrary: fc.constantFrom(...realSentences).map((sentence) => `${sentence.replace(/’/g, "'").replace(/ the /, ' a ')} `) },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', ' ', '\t', '\r\n', '----\n', 'SHARE ', 'Image: AP\n', 'The Latest\n', '<p>', '</p>', '...', '“', '”', '\u0000', '\ufffd') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
);
const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(''));
const documents = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), text }), { minLength: 0, maxLength: 5, selector: (document) => document.id });
const budget: fc.Arbitrary<SummarizeOptions> = fc.oneof(
  fc.record({ words: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ sentences: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ characters: fc.integer({ min: 1, max: 1500 }) }),
);

/**
 * The naive reference of the budget's word count: whitespace-separated runs, except that each
 * Han, Hiragana or Katakana character is a word and punctuation run into one is not.
 */
const CJK = /[\u3005\u3007\u3040-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\u{20000}-\u{323ff}]/u;
const countWords = (value: string) => {
  const pieces = [...value.matchAll(new RegExp(`${CJK.source}|(?:(?!${CJK.source})\\S)+`, 'gu'))];
  return pieces.filter((piece, k) => {
    if (CJK.test(piece[0])) return true;
    const end = piece.index + piece[0].length;
    const touches = [pieces[k - 1], pieces[k + 1]].some((other) => other && CJK.test(other[0]) && (other.index + other[0].length === piece.index || other.index === end));
    return !touches || /[\p{L}\p{M}\p{N}]/u.test(piece[0]);
  }).length;
};

describe('properties of summarize()', () => {
  test('every span is exact and is a sentence of its document; sources are complete', () => {
    fc.assert(
      fc.property(documents, budget, (docs, options) => {
        const summary = summarizeSync(docs, options);
        const canonical = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const segments = segmentOf(canonical, { maxSentenceLength: 2000 });
        const sentenceAt = new Set<string>();
        for (let i = 0; i < segments.count; i++) sentenceAt.add(`${canonical[segments.doc[i]!]!.id}\u0000${segments.start[i]}\u0000${segments.end[i]}\u0000${segments.indexInDoc[i]}`);
        const byId = new Map(docs.map((document) => [document.id, document.text]));
        for (const sentence of summary.sentences) {
          expect(sentence.text).toBe(sentence.sources[0]!.text);
          expect(sentence.support).toBe(expectedSupport(sentence));
          for (const span of sentence.sources) {
            expect(byId.get(span.documentId)!.slice(span.start, span.end)).toBe(span.text);
            expect(sentenceAt.has(`${span.documentId}\u0000${span.start}\u0000${span.end}\u0000${span.sentenceIndex}`)).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  test('the output does not depend on the order of the documents', () => {
    fc.assert(
      fc.property(
        documents.chain((docs) => fc.tuple(fc.constant(docs), fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }))),
        budget,
        ([docs, shuffled], options) => {
          expect(JSON.stringify(summarizeSync(shuffled, options))).toBe(JSON.stringify(summarizeSync(docs, options)));
        },
      ),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  test('no two output sentences are near-identical', () => {
    fc.assert(
      fc.property(documents, budget, (docs, options) => {
        const keys = summarizeSync(docs, options).sentences.map((sentence) => comparisonKey(sentence.text));
        for (let a = 0; a < keys.length; a++) for (let b = a + 1; b < keys.length; b++) expect(keyDistance(keys[a]!, keys[b]!)).toBeGreaterThan(0.3);
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  test('the budget is kept', () => {
    fc.assert(
      fc.property(documents, budget, (docs, options) => {
        const summary = summarizeSync(docs, options);
        const words = summary.sentences.reduce((sum, sentence) => sum + countWords(sentence.text), 0);
        expect(summary.stats.words).toBe(words);
        if (options.words !== undefined) expect(words).toBeLessThanOrEqual(options.words * 1.3);
        if (options.sentences !== undefined) expect(summary.sentences.length).toBeLessThanOrEqual(options.sentences);
        if (options.characters !== undefined) expect(summary.sentences.map((sentence) => sentence.text).join(' ').length).toBeLessThanOrEqual(options.characters);
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  test('nothing but a ChorusError is ever thrown, whatever a JavaScript caller passes', () => {
    const junk = fc.oneof(fc.anything(), documents, fc.array(fc.anything(), { maxLength: 4 }), fc.array(fc.record({ id: fc.anything(), text: fc.anything() }), { maxLength: 3 }));
    const options = fc.oneof(fc.constant(undefined), fc.anything(), budget, fc.dictionary(fc.string({ maxLength: 12 }), fc.anything(), { maxKeys: 3 }));
    fc.assert(
      fc.property(junk, options, (input, opts) => {
        try {
          summarizeSync(input as SourceDocument[], opts as SummarizeOptions);
        } catch (error) {
          expect(error).toBeInstanceOf(ChorusError);
          expect((error as ChorusError).issues.length).toBeGreaterThan(0);
          expect((error as ChorusError).message).toMatch(/^chorus-summary: /);
        }
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);
});
