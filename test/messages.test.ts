import * as stopword from 'stopword';
import { describe, expect, test } from 'vitest';
import { ChorusError, summarize, toText } from '../src/index.js';
import { STOPWORD_CODES } from '../src/language/codes.js';
import { loadDocuments, summarizeFiles } from '../src/node/index.js';
import { parseStdin } from '../src/node/stdin.js';
import { REAL } from './fixtures/hostile/types.js';

/**
 * Problem messages: every issue path, fed megabyte values, says what is wrong in a few hundred
 * characters, never the whole value (a duplicated 1 MB id once made a 1,000,105-character
 * message, and issues[0].received held it whole); and what they advise is right.
 */
const MB = 'x'.repeat(1_000_000);
const caught = async (run: () => unknown): Promise<ChorusError> => {
  try {
    await run();
  } catch (error) {
    if (error instanceof ChorusError) return error;
    throw error;
  }
  throw new Error('no ChorusError');
};

const cases: [string, () => unknown][] = [
  ['a duplicated id', () => summarize([{ id: MB, text: 'a' }, { id: MB, text: 'b' }])],
  ['a document labelled by its id', () => summarize([{ id: MB, text: 42 as never, title: 7 as never }])],
  ['a non-string id', () => summarize([{ id: [MB] as never, text: 'a' }])],
  ['an unknown option name', () => summarize([REAL], { [MB]: 1 } as never)],
  ['an option value', () => summarize([REAL], { words: MB as never, order: MB as never, language: MB })],
  ['an object as documents', () => summarize({ [MB]: MB } as never)],
  ['an abort reason', () => summarize([REAL], { signal: AbortSignal.abort(new Error(MB)) })],
  ['a renderer option', () => toText({ sentences: [{ text: 'a', score: 1, support: 1, sources: [] }], documents: [], stats: { documents: 0, sentences: 0, duplicateGroups: 0, words: 0 }, warnings: [], conflicts: [] }, { maxCitations: MB as never })],
  ['a missing path', () => loadDocuments([`${MB}/a.txt`, 'missing/'.repeat(100_000)])],
  ['a pattern matching nothing', () => loadDocuments([`nowhere/${MB}*.txt`])],
  ['a language in the Node entry', () => summarizeFiles([], { language: MB, documents: [REAL] })],
  ['a load option', () => loadDocuments(['a.txt'], { cwd: 42 as never, maxFileSize: MB as never })],
  ['a bad JSON line on standard input', () => parseStdin(`{"id": "a", "text": "b"}\n{"id": "${MB}`)],
  ['a JSON line without text', () => parseStdin(`{"id": "${MB}"}`)],
  ['many bad JSON lines', () => parseStdin(`{"id": "a", "text": "b"}\n${`[${MB.slice(0, 10_000)}]\n`.repeat(100)}`)],
];

describe('megabyte values never reach a message whole', () => {
  test.each(cases)('%s', async (_name, run) => {
    const error = await caught(run);
    expect(error.message.length).toBeLessThan(1_500);
    expect(error.issues.length).toBeLessThanOrEqual(21);
    for (const issue of error.issues) {
      expect(issue.message.length).toBeLessThan(1_000);
      expect(issue.received?.length ?? 0).toBeLessThan(100);
      expect(JSON.stringify(issue.path).length).toBeLessThan(1_000);
    }
  });
});

describe('language codes', () => {
  test('the core knows the codes stopword exports, without importing the lists', () => {
    expect([...STOPWORD_CODES].sort()).toEqual(Object.keys(stopword).filter((name) => name !== '_123' && Array.isArray((stopword as unknown as Record<string, unknown>)[name])).sort());
  });

  const advice: [string, RegExp][] = [
    ['fra', /language "fra" needs its stopword list\. Import it from 'stopword' and pass both: \{ language: 'fra', stopwords: fra \}/],
    ['ENG', /language "ENG" is not a stopword list code \(codes are case-sensitive\)\. For English give language: 'eng', which needs no stopword list\./],
    ['FRA', /did you mean 'fra'\?\)\. Import its list from 'stopword' and pass both: \{ language: 'fra', stopwords: fra \}/],
    ['porbr', /did you mean 'porBr'\?/],
    ['xyz', /language "xyz" is not a stopword list code and needs a stopword list\. Give stopwords: your own array of words/],
  ];
  test.each(advice)('language %s without stopwords', async (language, message) => {
    const error = await caught(() => summarize([REAL], { language }));
    expect(error.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(message)]);
    expect(error.message).not.toMatch(/import \{ (?:ENG|FRA|xyz) \}/);
  });

  test('the Node entry suggests the code in its case', async () => {
    const error = await caught(() => summarizeFiles([], { language: 'FRA', documents: [REAL] }));
    expect(error.issues[0]!.message).toMatch(/^option language must be a stopword list code such as "eng" or "fra" \(codes are case-sensitive; did you mean "fra"\?\), received "FRA"\./);
  });
});
