import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { comparisonKey } from '../src/tokens.js';
import { keyDistance } from '../src/measures.js';
import { Kind } from '../src/model.js';
import { ChorusError, summarize, summarizeSync, type SummarizeOptions, type Summary } from '../src/index.js';
import { expectedSupport, expectExactProvenance, loadExamples, segmentOf } from './helpers.js';

const documents = loadExamples();
const paraphrases: { fact: string; members: [string, string][] }[] = JSON.parse(
  readFileSync(new URL('./fixtures/paraphrases.json', import.meta.url), 'utf8'),
).sets;

const BUDGETS: SummarizeOptions[] = [{}, { words: 50 }, { words: 200 }, { words: 300 }, { sentences: 3 }, { sentences: 10 }, { characters: 280 }, { characters: 1000 }];

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('summarize: the five example articles', () => {
  test.each(BUDGETS)('%o: provenance is exact for every span', (options) => {
    expectExactProvenance(summarizeSync(documents, options), documents);
  });

  test('duplicates are merged across articles: some fact has support of three or more', () => {
    const summary = summarizeSync(documents, { words: 200 });
    expect(Math.max(...summary.sentences.map((sentence) => sentence.support))).toBeGreaterThanOrEqual(3);
    for (const sentence of summary.sentences) {
      expect(sentence.support).toBe(expectedSupport(sentence));
      for (const span of sentence.sources.slice(1)) expect(span.distance).toBeLessThanOrEqual(0.3);
    }
    expect(summary.stats.duplicateGroups).toBeGreaterThanOrEqual(15);
  });

  test.each(BUDGETS)('%o: no two sentences within the duplicate threshold', (options) => {
    const summary = summarizeSync(documents, options);
    const keys = summary.sentences.map((sentence) => comparisonKey(sentence.text));
    for (let a = 0; a < keys.length; a++) for (let b = a + 1; b < keys.length; b++) expect(keyDistance(keys[a]!, keys[b]!)).toBeGreaterThan(0.3);
  });

  test.each(BUDGETS)('%o: no two sentences say the same thing (hand-labelled paraphrases)', (options) => {
    const summary = summarizeSync(documents, options);
    for (const set of paraphrases) {
      const carriers = summary.sentences.filter((sentence) =>
        sentence.sources.some((span) => set.members.some(([id, prefix]) => span.documentId === id && span.text.startsWith(prefix))),
      );
      expect(carriers.map((sentence) => sentence.text), set.fact).toHaveLength(Math.min(carriers.length, 1));
    }
  });

  test.each(BUDGETS)('%o: no page furniture in the output', (options) => {
    const sorted = [...documents].sort((a, b) => (a.id < b.id ? -1 : 1));
    const segments = segmentOf(sorted, { maxSentenceLength: 2000 });
    const kindAt = new Map<string, number>();
    for (let i = 0; i < segments.count; i++) kindAt.set(`${sorted[segments.doc[i]!]!.id}@${segments.start[i]}`, segments.kind[i]!);
    const summary = summarizeSync(documents, options);
    for (const sentence of summary.sentences) {
      for (const span of sentence.sources) expect(kindAt.get(`${span.documentId}@${span.start}`), span.text).toBe(Kind.PROSE);
      expect(sentence.text).not.toMatch(/^(?:SHARE|Image|Associated Press|The Latest|With files from|SEOUL)|, left,|Twins|Tate|Grifol|Sky player/);
    }
  });

  test.each([50, 100, 200, 300])('words: %i is reached and never passed by 30%%', (words) => {
    const summary = summarizeSync(documents, { words });
    const total = summary.sentences.reduce((sum, sentence) => sum + countWords(sentence.text), 0);
    expect(summary.stats.words).toBe(total);
    expect(total).toBeGreaterThanOrEqual(words);
    expect(total).toBeLessThanOrEqual(words * 1.3);
  });

  test.each([1, 3, 10])('sentences: exactly %i', (sentences) => {
    expect(summarizeSync(documents, { sentences }).sentences).toHaveLength(sentences);
  });

  test.each([80, 140, 280, 1000])('characters: %i is a hard cap', (characters) => {
    const summary = summarizeSync(documents, { characters });
    expect(summary.sentences.length).toBeGreaterThan(0);
    expect(summary.sentences.map((sentence) => sentence.text).join(' ').length).toBeLessThanOrEqual(characters);
  });

  const tooSmall: SummarizeOptions[] = [{ words: 1 }, { words: 3 }, { words: 6 }, { characters: 10 }, { characters: 40 }];
  test.each(tooSmall)('%o: no sentence fits: an empty summary that says which budget would give one', (options) => {
    const summary = summarizeSync(documents, options);
    expect(summary.sentences).toEqual([]);
    expect(summary.warnings).toHaveLength(1);
    const [warning] = summary.warnings;
    expect(warning!.code).toBe('BUDGET_TOO_SMALL');
    const [, kind, limit] = /\{ (words|characters): (\d+) \}/.exec(warning!.message)!;
    expect(kind).toBe(Object.keys(options)[0]);
    // That budget gives a sentence; one less does not.
    expect(summarizeSync(documents, { [kind!]: Number(limit) }).sentences.length).toBeGreaterThan(0);
    expect(summarizeSync(documents, { [kind!]: Number(limit) - 1 }).sentences).toEqual([]);
  });

  test('byte-identical JSON for every order of the five documents', () => {
    const expected = JSON.stringify(summarizeSync(documents, { words: 150 }));
    const permutations = (items: typeof documents): (typeof documents)[] =>
      items.length <= 1 ? [items] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
    const all = permutations(documents);
    expect(all).toHaveLength(120);
    for (const order of all) expect(JSON.stringify(summarizeSync(order, { words: 150 }))).toBe(expected);
  });

  test('the whole Summary at the default budget, as a person read it (test/snapshots/example-summary.json)', async () => {
    await expect(`${JSON.stringify(summarizeSync(documents), null, 2)}\n`).toMatchFileSnapshot('./snapshots/example-summary.json');
  });

  test('JSON round-trips exactly', () => {
    const summary = summarizeSync(documents);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  test('summarize() resolves to what summarizeSync() returns', async () => {
    expect(await summarize(documents, { words: 120 })).toEqual(summarizeSync(documents, { words: 120 }));
  });

  test('reading order puts each sentence by its position in its article; score order is best first', () => {
    const byScore = summarizeSync(documents, { words: 200, order: 'score' });
    const scores = byScore.sentences.map((sentence) => sentence.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const bySource = summarizeSync(documents, { words: 200 });
    expect(new Set(bySource.sentences.map((sentence) => sentence.text))).toEqual(new Set(byScore.sentences.map((sentence) => sentence.text)));
  });

  test('per-document counts add up', () => {
    const summary = summarizeSync(documents);
    expect(summary.documents.map((report) => report.id)).toEqual(documents.map((document) => document.id).sort());
    expect(summary.documents.reduce((sum, report) => sum + report.sentences, 0)).toBe(summary.stats.sentences);
    for (const report of summary.documents) {
      const citing = summary.sentences.filter((sentence) => sentence.sources.some((span) => span.documentId === report.id)).length;
      expect(report.contributed).toBe(citing);
      expect(report.skipped).toBeLessThan(report.sentences);
    }
    expect(summary.warnings).toEqual([]);
  });
});

describe('summarize: small and empty inputs', () => {
  test('no documents: an empty summary', async () => {
    const empty: Summary = { sentences: [], documents: [], stats: { documents: 0, sentences: 0, duplicateGroups: 0, words: 0 }, warnings: [], conflicts: [] };
    expect(await summarize([])).toEqual(empty);
    expect(summarizeSync([])).toEqual(empty);
  });

  test('empty and whitespace-only documents are kept with zero sentences and a warning', () => {
    const summary = summarizeSync([{ id: 'b', text: '   \n\t' }, { id: 'a', text: '' }, documents[0]!]);
    expect(summary.documents.filter((report) => report.id.length === 1)).toEqual([
      { id: 'a', sentences: 0, skipped: 0, contributed: 0, skippedSpans: [] },
      { id: 'b', sentences: 0, skipped: 0, contributed: 0, skippedSpans: [] },
    ]);
    expect(summary.warnings.map((warning) => [warning.code, warning.documentId])).toEqual([
      ['EMPTY_DOCUMENT', 'a'],
      ['EMPTY_DOCUMENT', 'b'],
    ]);
    expect(summary.sentences.length).toBeGreaterThan(0);
  });

  test('a document of furniture only contributes nothing and says so', () => {
    const summary = summarizeSync([{ id: 'x', text: 'Breaking headline here\nImage: AP\nAdvertisement' }]);
    expect(summary.sentences).toEqual([]);
    expect(summary.warnings).toEqual([expect.objectContaining({ code: 'NO_PROSE', documentId: 'x' })]);
  });

  test('one article: a summary of it', () => {
    const summary = summarizeSync([documents[4]!], { sentences: 3 });
    expect(summary.sentences).toHaveLength(3);
    for (const sentence of summary.sentences) expect(sentence.support).toBe(1);
    expectExactProvenance(summary, documents);
  });

  test('metadata is carried to the document reports', () => {
    const summary = summarizeSync([{ id: 'a', text: documents[0]!.text, title: 'T', url: 'https://example.com/a', source: 'AP', publishedAt: new Date(Date.UTC(2023, 8, 12)) }]);
    const { skippedSpans, ...report } = summary.documents[0]!;
    expect(report).toEqual({ id: 'a', title: 'T', url: 'https://example.com/a', source: 'AP', publishedAt: '2023-09-12T00:00:00.000Z', sentences: 13, skipped: 1, contributed: summary.sentences.length });
    // The one skipped sentence, the photo credit, by its exact offsets (toReport dims it).
    expect(skippedSpans!.map(({ start, end }) => documents[0]!.text.slice(start, end))).toEqual(['Image: Korean Central News Agency/Korea News Service via AP']);
  });
});

describe('summarize: bad input', () => {
  const errorOf = (run: () => unknown): ChorusError => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ChorusError);
      return error as ChorusError;
    }
    throw new Error('expected a ChorusError');
  };

  test('every problem is reported at once, documents first', () => {
    const error = errorOf(() =>
      summarizeSync([{ id: 'a', text: 'x' }, { text: 'no id' }, { id: 'a', text: 'again' }, { id: 'c', text: 42 }] as never, { wrods: 100, words: -1 } as never),
    );
    expect(error.name).toBe('ChorusError');
    expect(error.code).toBe('INVALID_DOCUMENT');
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['INVALID_DOCUMENT', ['documents', 1, 'id']],
      ['DUPLICATE_ID', ['documents', 2, 'id']],
      ['INVALID_DOCUMENT', ['documents', 3, 'text']],
      ['INVALID_OPTION', ['options', 'wrods']],
      ['INVALID_OPTION', ['options', 'words']],
    ]);
    expect(error.message).toMatchInlineSnapshot(
      `"chorus-summary: documents[1] needs an id: a non-empty string unique among the documents, received undefined. Use the article's URL or file name. (and 4 more problems: see error.issues)"`,
    );
    expect(error.issues.map((issue) => issue.message)).toMatchInlineSnapshot(`
      [
        "documents[1] needs an id: a non-empty string unique among the documents, received undefined. Use the article's URL or file name.",
        "documents[2] has the same id as documents[0], received "a". Give every document its own id.",
        "document "c" (documents[3]) needs text: a string (it may be empty), received 42. Pass the article's text as a string.",
        "there is no option "wrods" (did you mean "words"?). Known options: words, sentences, characters, language, stopwords, duplicateThreshold, redundancyThreshold, positionWeight, supportWeight, skipFurniture, order, signal, onProgress, parallel, maxDocuments, maxInputLength, maxSentenceLength.",
        "option words must be an integer from 1 to 1000000, received -1. Give such a value, or leave the option out.",
      ]
    `);
  });

  const cases: [string, unknown, unknown, string][] = [
    ['not an array', 'text', undefined, 'INVALID_DOCUMENTS'],
    ['null document', [null], undefined, 'INVALID_DOCUMENT'],
    ['empty id', [{ id: '', text: 'x' }], undefined, 'INVALID_DOCUMENT'],
    ['numeric id', [{ id: 1, text: 'x' }], undefined, 'INVALID_DOCUMENT'],
    ['null text', [{ id: 'a', text: null }], undefined, 'INVALID_DOCUMENT'],
    ['bad url', [{ id: 'a', text: 'x', url: 5 }], undefined, 'INVALID_DOCUMENT'],
    ['invalid date', [{ id: 'a', text: 'x', publishedAt: new Date(Number.NaN) }], undefined, 'INVALID_DOCUMENT'],
    ['duplicate id', [{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }], undefined, 'DUPLICATE_ID'],
    ['options not an object', [], 'words', 'INVALID_OPTION'],
    ['two budgets', [], { words: 10, sentences: 2 }, 'INVALID_OPTION'],
    ['fractional words', [], { words: 10.5 }, 'INVALID_OPTION'],
    ['NaN threshold', [], { duplicateThreshold: Number.NaN }, 'INVALID_OPTION'],
    ['bad order', [], { order: 'random' }, 'INVALID_OPTION'],
    ['language without its list', [], { language: 'fra' }, 'INVALID_OPTION'],
    ['stopwords not strings', [], { stopwords: [1, 2] }, 'INVALID_OPTION'],
    ['signal in summarizeSync', [], { signal: new AbortController().signal }, 'INVALID_OPTION'],
    ['prototype pollution', [], JSON.parse('{"__proto__": {"words": 1}}'), 'INVALID_OPTION'],
    ['too many documents', [{ id: 'a', text: '' }, { id: 'b', text: '' }], { maxDocuments: 1 }, 'INPUT_TOO_LARGE'],
    ['too much text', [{ id: 'a', text: 'x'.repeat(20) }], { maxInputLength: 10 }, 'INPUT_TOO_LARGE'],
  ];
  test.each(cases)('%s', (_name, input, options, code) => {
    expect(errorOf(() => summarizeSync(input as never, options as never)).code).toBe(code);
  });

  test('summarize() rejects rather than throws', async () => {
    const pending = summarize([{ id: 'a' }] as never);
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toMatchObject({ name: 'ChorusError', code: 'INVALID_DOCUMENT' });
  });

  test('an explicit undefined option means the default', () => {
    expect(summarizeSync(documents, { words: undefined, order: undefined })).toEqual(summarizeSync(documents));
  });
});

describe('summarize: progress and cancellation', () => {
  test('onProgress hears every stage start and finish, in pipeline order', async () => {
    const seen: { stage: string; done: number; total: number }[] = [];
    await summarize(documents, { onProgress: (progress) => seen.push(progress) });
    const stages = ['segment', 'analyse', 'dedupe', 'conflicts', 'rank', 'select'];
    expect([...new Set(seen.map((progress) => progress.stage))]).toEqual(stages);
    for (const stage of stages) {
      const ticks = seen.filter((progress) => progress.stage === stage);
      expect(ticks[0]!.done, `${stage} starts at 0`).toBe(0);
      expect(ticks.at(-1)!.done, `${stage} ends done`).toBe(ticks.at(-1)!.total);
    }
  });

  test('an already aborted signal rejects at once with ABORTED', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(summarize(documents, { signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('summarize: reading order', () => {
  test('the summary does not open with a sentence that cannot stand alone when another can', () => {
    const documents = [
      { id: 'a', text: 'He said the talks would resume on Friday in Geneva after the holiday weekend ended. The mayor of the city announced a new transit plan for the northern districts on Monday.' },
      { id: 'b', text: 'The mayor of the city announced a new transit plan for the northern districts on Monday. Officials expect the plan to cost about two billion dollars over ten years.' },
    ];
    const summary = summarizeSync(documents, { sentences: 3 });
    expect(summary.sentences.length).toBeGreaterThan(1);
    expect(summary.sentences[0]!.text).not.toMatch(/^He said/);
    expect(summary.sentences.map((s) => s.text)).toContain('He said the talks would resume on Friday in Geneva after the holiday weekend ended.');
  });
});
