import { eng, fra } from 'stopword';
import { describe, expect, test } from 'vitest';
import { ChorusError, digestSync, summarize, summarizeSync, type SummarizeOptions, type Summary } from '../src/index.js';
import { FEED, FLOOD } from './digest-feed.js';
import { OPTIONS } from '../src/options.js';
import { loadExamples } from './helpers.js';

/**
 * One behaviour test per option at a value other than its default: each row gives the value
 * and a check that holds with it and fails without it (the last test asserts every option of
 * the table has a row, so a new option must come with one).
 */
const examples = loadExamples();
const wordsOf = (summary: Summary) => summary.sentences.reduce((sum, sentence) => sum + sentence.text.split(/\s+/).length, 0);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const TWINS = [
  { id: 'a', text: 'The city council approved the new transit budget on Monday after a long debate.' },
  { id: 'b', text: 'The city council approved the new transit budget on Monday after a lengthy debate.' },
];
const PARAPHRASES = [
  { id: 'a', text: 'The council approves the transit budget plan after a long debate downtown.' },
  { id: 'b', text: 'After a long debate downtown, the transit budget plan wins council approval.' },
];

type Check = (run: (options: SummarizeOptions) => Summary) => void | Promise<void>;
const rows: [keyof typeof OPTIONS, unknown, Check][] = [
  ['words', 40, (run) => expect(wordsOf(run({ words: 40 }))).toBeLessThanOrEqual(52)],
  ['sentences', 2, (run) => expect(run({ sentences: 2 }).sentences).toHaveLength(2)],
  ['characters', 200, (run) => expect(run({ characters: 200 }).sentences.map((s) => s.text).join(' ').length).toBeLessThanOrEqual(200)],
  [
    'language',
    'fra',
    () => {
      // English boilerplate patterns do not apply to French: the only sentence is summarised.
      const documents = [{ id: 'a', text: 'Click here to read the full story about the new budget today.' }];
      expect(summarizeSync(documents).sentences).toHaveLength(0);
      expect(summarizeSync(documents, { language: 'fra', stopwords: fra }).sentences).toHaveLength(1);
    },
  ],
  [
    'stopwords',
    'the content words of two paraphrases',
    () => {
      // Paraphrases share their content words; made stopwords, nothing is shared and both are kept.
      expect(summarizeSync(PARAPHRASES, { sentences: 2 }).sentences).toHaveLength(1);
      const stopwords = [...eng, 'council', 'approves', 'transit', 'budget', 'plan', 'long', 'debate', 'downtown', 'wins', 'approval'];
      expect(summarizeSync(PARAPHRASES, { sentences: 2, stopwords }).sentences).toHaveLength(2);
    },
  ],
  [
    'duplicateThreshold',
    0,
    () => {
      expect(summarizeSync(TWINS, { sentences: 1 }).sentences[0]!.support).toBe(2);
      expect(summarizeSync(TWINS, { sentences: 1, duplicateThreshold: 0 }).sentences[0]!.support).toBe(1);
    },
  ],
  [
    'redundancyThreshold',
    1,
    () => {
      expect(summarizeSync(PARAPHRASES, { sentences: 2 }).sentences).toHaveLength(1);
      expect(summarizeSync(PARAPHRASES, { sentences: 2, redundancyThreshold: 1 }).sentences).toHaveLength(2);
    },
  ],
  [
    'positionWeight',
    0,
    (run) => {
      // Without the position prior, sentences come from deeper in the articles.
      const depth = (summary: Summary) => mean(summary.sentences.map((s) => s.sources[0]!.sentenceIndex));
      expect(depth(run({ words: 200, positionWeight: 0 }))).toBeGreaterThan(depth(run({ words: 200 })));
    },
  ],
  [
    'supportWeight',
    0,
    (run) => {
      // Without support weighting, facts carried by fewer articles are chosen.
      const support = (summary: Summary) => mean(summary.sentences.map((s) => s.support));
      expect(support(run({ words: 200, supportWeight: 0 }))).toBeLessThan(support(run({ words: 200 })));
    },
  ],
  [
    'skipFurniture',
    false,
    () => {
      const documents = [{ id: 'a', text: 'Council Passes Budget\n\nThe council approved the budget on Monday after a long debate.' }];
      expect(summarizeSync(documents, { sentences: 2 }).sentences.map((s) => s.text)).not.toContain('Council Passes Budget');
      expect(summarizeSync(documents, { sentences: 2, skipFurniture: false }).sentences.map((s) => s.text)).toContain('Council Passes Budget');
    },
  ],
  [
    'order',
    'score',
    (run) => {
      const scores = run({ words: 200, order: 'score' }).sentences.map((s) => s.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const reading = run({ words: 200 }).sentences.map((s) => s.score);
      expect(reading).not.toEqual([...reading].sort((a, b) => b - a));
    },
  ],
  [
    'signal',
    'an aborted signal',
    async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(summarize(examples, { signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    },
  ],
  [
    'onProgress',
    'a function',
    () => {
      const stages: string[] = [];
      summarizeSync(examples, { onProgress: ({ stage }) => stages.push(stage) });
      expect(stages.length).toBeGreaterThan(0);
    },
  ],
  [
    'parallel',
    'a pool that reads nothing',
    async () => {
      // A pool is asked only for a large input (test/parallel.test.ts); a small one gives the same summary without it.
      const pool = { threads: 1, run: () => Promise.reject(new Error('not asked')) };
      expect(await summarize(examples, { parallel: pool })).toEqual(summarizeSync(examples));
      await expect(summarize(examples, { parallel: { threads: 1 } as never })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    },
  ],
  ['maxDocuments', 4, () => expect(() => summarizeSync(examples, { maxDocuments: 4 })).toThrow(expect.objectContaining({ code: 'INPUT_TOO_LARGE' }))],
  ['maxInputLength', 1000, () => expect(() => summarizeSync(examples, { maxInputLength: 1000 })).toThrow(ChorusError)],
  [
    'maxSentenceLength',
    100,
    () => {
      const documents = [{ id: 'a', text: `${'word '.repeat(40)}then a real ending.` }];
      expect(summarizeSync(documents).warnings).toEqual([]);
      expect(summarizeSync(documents, { maxSentenceLength: 100 }).warnings.map((w) => w.code)).toContain('SENTENCE_TOO_LONG');
    },
  ],
  // digest() only: each changes the grouping of the four-story test feed.
  ['storySimilarity', 0.9, () => expect(digestSync(FEED, { storySimilarity: 0.9 }).stories.length).toBeGreaterThan(digestSync(FEED).stories.length)],
  [
    'minDocuments',
    4,
    () => {
      expect(digestSync(FEED).unassigned).toEqual([]);
      expect(digestSync(FEED, { minDocuments: 4 }).unassigned).toHaveLength(FEED.length);
    },
  ],
  [
    'timeWindowHours',
    24,
    () => {
      const dated = FLOOD.map((document, k) => ({ ...document, publishedAt: `2026-11-${10 + 10 * k}T12:00:00Z` }));
      expect(digestSync(dated).stories).toHaveLength(1);
      expect(digestSync(dated, { timeWindowHours: 24 }).stories).toHaveLength(3);
    },
  ],
  ['maxStories', 1, () => expect(digestSync(FEED, { maxStories: 1 }).stories.filter((story) => story.summary !== undefined)).toHaveLength(1)],
];

describe('every option changes what it says it changes', () => {
  test.each(rows)('%s: %s', async (_name, _value, check) => {
    await check((options) => summarizeSync(examples, options));
  });

  test('every option of the table has a row here', () => {
    expect(rows.map(([name]) => name).sort()).toEqual(Object.keys(OPTIONS).sort());
  });
});
