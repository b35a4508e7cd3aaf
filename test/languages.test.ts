import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as stopword from 'stopword';
import { describe, expect, test } from 'vitest';
import { summarizeSync, type SourceDocument } from '../src/index.js';
import { KIND_NAMES } from '../src/model.js';
import { runSync } from '../src/schedule.js';
import { runStages } from '../src/summarize.js';
import { countWords, countWordsAroundCjk } from '../src/text.js';
import { expectExactProvenance, segmentOf, settingsWith } from './helpers.js';

/** Original mini clusters (test/fixtures/languages/README.md): three outlets on one invented story each. */
interface LanguageFixture {
  language: 'zho' | 'jpn' | 'hin' | 'ara';
  documents: (SourceDocument & { title: string })[];
  notes: { sharedVerbatim: string[]; nearIdentical: [string, string][] };
}
const fixture = (code: string): LanguageFixture => JSON.parse(readFileSync(new URL(`./fixtures/languages/${code}.json`, import.meta.url), 'utf8'));
const FIXTURES = ['zho', 'jpn', 'hin', 'ara'].map(fixture);
const optionsOf = (language: string) => ({ language, stopwords: (stopword as unknown as Record<string, string[]>)[language]! });

describe.each(FIXTURES)('$language', ({ language, documents, notes }) => {
  const options = optionsOf(language);
  const results = runSync(runStages([...documents].sort((a, b) => (a.id < b.id ? -1 : 1)), settingsWith(options)));
  const { segments, groups } = results;
  const sentenceOf = (text: string): number => {
    for (let i = 0; i < segments.count; i++)
      if (results.documents[segments.doc[i]!]!.text.slice(segments.start[i]!, segments.end[i]!) === text) return i;
    throw new Error(`no sentence is exactly ${text}`);
  };

  test('a non-empty summary with exact offsets, at every budget', () => {
    for (const budget of [{}, { words: 30 }, { sentences: 2 }, { characters: 120 }]) {
      const summary = summarizeSync(documents, { ...options, ...budget });
      expect(summary.sentences.length, JSON.stringify(budget)).toBeGreaterThan(0);
      expectExactProvenance(summary, documents);
      expect(summary.warnings).toEqual([]);
    }
  });

  test('sentences end at the language’s own full stops, and the headline is not prose', () => {
    for (const text of notes.sharedVerbatim) expect(sentenceOf(text)).toBeGreaterThanOrEqual(0);
    for (const document of documents) {
      const segmented = segmentOf([document], options);
      expect(KIND_NAMES[segmented.kind[0]!]).not.toBe('prose');
      expect(document.text.slice(segmented.start[0]!, segmented.end[0]!)).toBe(document.title);
    }
  });

  test('reprinted and near-identical sentences are merged into one fact', () => {
    for (const text of notes.sharedVerbatim) expect(groups.support[groups.groupOf[sentenceOf(text)]!]!, text).toBeGreaterThanOrEqual(2);
    for (const [a, b] of notes.nearIdentical) expect(groups.groupOf[sentenceOf(a)], `${a} | ${b}`).toBe(groups.groupOf[sentenceOf(b)]);
  });

  test('the budget counts words as the language writes them', () => {
    const summary = summarizeSync(documents, { ...options, words: 40 });
    const words = summary.sentences.reduce((sum, sentence) => sum + countWords(sentence.text), 0);
    expect(summary.stats.words).toBe(words);
    expect(words).toBeGreaterThanOrEqual(40);
    expect(words).toBeLessThanOrEqual(52);
  });
});

describe('word counts', () => {
  const cases: [string, number][] = [
    ['The council met on Monday.', 5],
    ['江屿市地铁4号线正式开通运营。', 14], // 13 Han characters and "4"
    ['町は午前3時すぎ、全域に避難指示を出した。', 19], // 18 Han and Kana characters and "3"; "、" and "。" are not words
    ['iPhone 15在中国发售。', 7],
    ['𠮷祥面馆', 4],
    ['पुल का उद्घाटन रविवार सुबह किया गया।', 7],
    ['— a dash between spaces is a word, as whitespace splitting counts it', 13],
  ];
  test.each(cases)('%s → %i', (text, words) => expect(countWords(text)).toBe(words));
  test('the one-pass count of text without CJK agrees with the general count on any text', () => {
    const pieces = ['a', 'Z', '4', ' ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '.', '。', '、', '中', 'か', '\ud842\udfb7', 'é', '—', '\u0301'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(countWords(text)).toBe(countWordsAroundCjk(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('English rules apply to English only', () => {
  const french = { language: 'fra', stopwords: (stopword as unknown as Record<string, string[]>).fra! };
  const kinds = (text: string, options = {}) => {
    const segmented = segmentOf([{ id: 'd', text }], options);
    return Array.from(segmented.kind, (kind, i) => [text.slice(segmented.start[i]!, segmented.end[i]!), KIND_NAMES[kind]]);
  };

  test('English abbreviations keep "Gen." inside its sentence; neutral rules do not know it', () => {
    const text = 'The plan was backed by Gen. Marchand on Monday. It passed.';
    expect(kinds(text).map(([sentence]) => sentence)).toEqual(['The plan was backed by Gen. Marchand on Monday.', 'It passed.']);
    expect(kinds(text, french).length).toBe(3);
  });

  test('English furniture patterns mark English boilerplate only', () => {
    const text = 'Click here to read the full story about the new budget today.';
    expect(kinds(text)).toEqual([[text, 'boilerplate']]);
    expect(kinds(text, french)).toEqual([[text, 'prose']]);
  });

  test('the initialism repair joins "U.N. Security Council" in English only', () => {
    const text = 'He spoke at a U.N. Security Council meeting on Friday.';
    expect(kinds(text)).toHaveLength(1);
    expect(kinds(text, french).length).toBeGreaterThan(1);
  });
});
