import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { benchmarkDataPath, generateFeed, type FeedDocument } from '../bench/feed.js';
import { comparisonKey, proseSentences, wordsOf } from '../bench/feed-text.js';
import { exactNearDuplicateShare, nearDuplicateShare } from '../bench/near-duplicates.js';
import levenshtein from 'fast-levenshtein';

/** Sentences with another within the duplicate threshold, by Levenshtein on every pair. */
function bruteForceWithNeighbour(documents: readonly { text: string }[]): number {
  const keys = documents.flatMap((document) => proseSentences(document.text).map(comparisonKey));
  return keys.filter((key, i) => keys.some((other, j) => j !== i && levenshtein.get(key, other) <= 0.3 * Math.max(key.length, other.length))).length;
}

/**
 * The feed generator (bench/feed.ts) and the near-duplicate measure. They read the Multi-News
 * val clusters from ../shared at run time (research licence: nothing of them is copied here).
 * Without that file the data tests are skipped, except in CI (CI=true), where it must be there.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const dataPath = benchmarkDataPath(root);
const present = existsSync(dataPath);
const inCI = process.env.CI === 'true';
if (!present && !inCI) console.warn(`feed test skipped: the benchmark data is missing at ${dataPath} (../shared/benchmarks beside the checkout; CI has it)`);

test('a missing data file fails with a clear message', () => {
  expect(() => generateFeed(1, '/nonexistent/multinews-val.jsonl')).toThrow(/benchmark data is missing: \/nonexistent\/multinews-val\.jsonl/);
});

describe.skipIf(!present && !inCI)('the generated feed', () => {
  let feed: FeedDocument[];
  /** Words of each cluster's articles, by cluster id, in file order. */
  const vocabulary = new Map<string, Set<string>>();

  beforeAll(() => {
    expect(present, `CI=true: the benchmark data must be at ${dataPath}`).toBe(true);
    for (const line of readFileSync(dataPath, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const cluster = JSON.parse(line) as { id: string; documents: { text: string }[] };
      vocabulary.set(cluster.id, new Set(cluster.documents.flatMap((document) => wordsOf(document.text))));
    }
    feed = generateFeed(300, dataPath);
  });

  test('same count and seed: the same bytes; another seed: another feed', () => {
    expect(JSON.stringify(generateFeed(300, dataPath))).toBe(JSON.stringify(feed));
    expect(generateFeed(300, dataPath, { seed: 7 })[0]!.text).not.toBe(feed[0]!.text);
  });

  test('articles have the shape of news: ids, stories, titles, outlets, times, paragraphs, lengths', () => {
    expect(new Set(feed.map((document) => document.id)).size).toBe(300);
    expect(new Set(feed.map((document) => document.story)).size).toBeGreaterThan(100);
    let previous = '';
    let bytes = 0;
    for (const document of feed) {
      expect(vocabulary.has(document.story)).toBe(true);
      expect(document.title).toMatch(/^\S.{10,}[^\s.!?,;:]$/s);
      expect(document.source).toMatch(/^[A-Z]/);
      expect(document.publishedAt).toMatch(/^2026-11-2[12]T\d\d:\d\d:\d\dZ$/);
      expect(document.publishedAt! >= previous).toBe(true);
      previous = document.publishedAt!;
      expect(document.text).toMatch(/\S\n\n\S/);
      expect(document.text).not.toMatch(/\n\n\n|^\s|\s$/);
      const words = document.text.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(100);
      expect(words).toBeLessThan(1700);
      bytes += Buffer.byteLength(document.text);
    }
    expect(bytes / feed.length).toBeGreaterThan(3000);
    expect(bytes / feed.length).toBeLessThan(5000);
  });

  test('no sentence is repeated verbatim (comparison keys)', () => {
    const seen = new Map<string, string>();
    let sentences = 0;
    for (const document of feed)
      for (const sentence of proseSentences(document.text)) {
        const key = comparisonKey(sentence);
        expect(seen.get(key), `repeated in ${document.id}`).toBeUndefined();
        seen.set(key, document.id);
        sentences++;
      }
    expect(sentences).toBeGreaterThan(5000);
  });

  test("every word of an article's sentences is in its story's cluster, and some are not in another cluster", () => {
    const ids = [...vocabulary.keys()];
    for (const document of feed) {
      const own = vocabulary.get(document.story)!;
      const other = vocabulary.get(ids[(ids.indexOf(document.story) + 1) % ids.length]!)!;
      const words = new Set(proseSentences(document.text).flatMap(wordsOf));
      const outside = [...words].filter((word) => !own.has(word));
      expect(outside, `${document.id} (${document.story})`).toEqual([]);
      expect([...words].some((word) => !other.has(word)), `${document.id} fits another cluster too`).toBe(true);
    }
  });

  test('few sentences have a near-duplicate, and the sampled measure agrees with the exact one', () => {
    const sampled = nearDuplicateShare(feed, { sample: 2000 });
    expect(sampled.sample).toBe(2000);
    expect(sampled.share).toBeLessThan(0.03);
    // Exact all-pairs on a smaller feed: the indexed measure with every sentence a query must
    // find exactly the sentences all-pairs finds.
    const small = feed.slice(0, 40);
    const exact = exactNearDuplicateShare(small);
    expect(nearDuplicateShare(small, { sample: Infinity }).withNeighbour).toBe(exact.withNeighbour);
  });

  test('the measure finds near-duplicates where there are many: reprints with a few words changed', () => {
    // Each sentence of 25 articles again, with one word in five dropped, one in seven doubled
    // and one letter changed: mostly within the threshold, some beyond.
    const reprints = feed.slice(0, 25).map((document) => ({
      text: proseSentences(document.text)
        .map((sentence) =>
          sentence
            .split(' ')
            .map((word, k) => (k % 5 === 3 ? '' : k % 7 === 2 ? `${word} ${word}` : word))
            .filter(Boolean)
            .join(' ')
            .replace(/e/, 'a'),
        )
        .join(' '),
    }));
    const documents = [...feed.slice(0, 25), ...reprints];
    const exact = exactNearDuplicateShare(documents);
    expect(exact.share).toBeGreaterThan(0.5);
    expect(nearDuplicateShare(documents, { sample: Infinity }).withNeighbour).toBe(exact.withNeighbour);
    // The exact measure's lower bounds lose nothing: the same count as plain Levenshtein on
    // every pair (of the first 4 articles and their reprints, to keep it quick).
    const few = [...documents.slice(0, 4), ...documents.slice(25, 29)];
    expect(exactNearDuplicateShare(few).withNeighbour).toBe(bruteForceWithNeighbour(few));
  });
});
