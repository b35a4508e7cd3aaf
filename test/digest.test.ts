import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ChorusError, digest, digestSync, summarizeSync, type Digest, type SourceDocument } from '../src/index.js';
import { CHESS, FEED, FLOOD, LAUNCH, RECALL, STORIES } from './digest-feed.js';
import { loadExamples } from './helpers.js';

const EXAMPLES = loadExamples();
const MIXED: SourceDocument[] = [...FEED, ...EXAMPLES];
const byId = new Map(MIXED.map((document) => [document.id, document]));
const documentsOf = (ids: readonly string[], feed: readonly SourceDocument[] = MIXED) => ids.map((id) => feed.find((document) => document.id === id)!);

/** Every span of every story's summary cites exactly the text it claims. */
function expectExactProvenance(result: Digest, feed: readonly SourceDocument[]): void {
  const text = new Map(feed.map((document) => [document.id, document.text]));
  for (const story of result.stories)
    for (const sentence of story.summary?.sentences ?? [])
      for (const span of sentence.sources) {
        expect(story.documentIds).toContain(span.documentId);
        expect(text.get(span.documentId)!.slice(span.start, span.end)).toBe(span.text);
      }
}

describe('digest: a feed in, one summary per story out', () => {
  const result = digestSync(MIXED, { words: 60 });

  test('finds the five stories of the mixed feed, each whole', () => {
    expect(result.stories.map((story) => story.documentIds).sort()).toEqual([...STORIES, EXAMPLES.map((document) => document.id)].sort());
    expect(result.unassigned).toEqual([]);
    expect(result.stats).toEqual({ documents: MIXED.length, stories: 5, unassigned: 0 });
  });

  test("each story's summary is exactly summarize() of its documents", () => {
    for (const story of result.stories) expect(story.summary).toEqual(summarizeSync(documentsOf(story.documentIds), { words: 60 }));
  });

  test('provenance is exact in every story', () => expectExactProvenance(result, MIXED));

  test("a story of page furniture alone gets summarize()'s NO_STORY warning, though the feed has articles", () => {
    const navigation: SourceDocument = {
      id: 'zz-navigation',
      text: 'Home\nWorld\nSports\nWeather forecast for the weekend\nLocal team wins the regional final after extra time and a late penalty kick.\nTop stories\nMost read\nEditor picks of the week\nVideo highlights from the final\nContact the newsroom\nAbout our company\nCareers and jobs board\nAdvertise with us today\nHelp centre and support',
    };
    const feed = [...EXAMPLES, navigation];
    const alone = digestSync(feed, { words: 60 }).stories.find((story) => story.documentIds.includes(navigation.id))!;
    expect(alone.documentIds).toEqual([navigation.id]);
    expect(alone.summary!.warnings.map((warning) => warning.code)).toContain('NO_STORY');
    expect(alone.summary).toEqual(summarizeSync([navigation], { words: 60 }));
    expectExactProvenance(digestSync(feed, { words: 60 }), feed);
  });

  test('stories come most sources first; the id is the smallest document id', () => {
    expect(result.stories[0]!.documentIds).toHaveLength(5); // the five example articles
    for (const story of result.stories) expect(story.id).toBe([...story.documentIds].sort()[0]);
    const sizes = result.stories.map((story) => story.sources);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  test('headlines and key terms are the documents’ own words', () => {
    for (const story of result.stories) {
      const texts = documentsOf(story.documentIds).map((document) => `${document.title ?? ''}\n${document.text}`.replace(/\s+/g, ' '));
      expect(story.headline.length).toBeGreaterThan(0);
      expect(texts.some((text) => text.includes(story.headline))).toBe(true);
      expect(story.keyTerms.length).toBeGreaterThan(0);
      expect(story.keyTerms.length).toBeLessThanOrEqual(8);
      for (const term of story.keyTerms) expect(texts.some((text) => text.includes(term))).toBe(true);
    }
    const flood = result.stories.find((story) => story.documentIds.includes('flood-1'))!;
    expect(flood.keyTerms).toEqual(expect.arrayContaining(['Tessel', 'Marlow']));
  });

  test('a title given is the headline: the most central one', () => {
    const titled = FLOOD.map((document, k) => ({ ...document, title: ['Tessel River floods Marlow Creek', 'Weather news', 'Marlow Creek shelters open after Tessel flood'][k] }));
    const [story] = digestSync([...titled, ...CHESS], { words: 40 }).stories.filter((s) => s.documentIds.includes('flood-1'));
    expect(story!.headline).toBe('Tessel River floods Marlow Creek');
  });

  test('a title of a megabyte is read in its first thousand characters, cut between words', () => {
    const title = `Tessel River floods Marlow Creek ${'again and again '.repeat(70_000)}`;
    const [story] = digestSync([{ ...FLOOD[0]!, title }], { words: 40 }).stories;
    expect(story!.headline.length).toBeLessThanOrEqual(1_000);
    expect(story!.headline.length).toBeGreaterThan(500);
    expect(title.startsWith(story!.headline)).toBe(true);
    expect(story!.headline).toMatch(/ again$/);
  });
});

describe('digest: feeds of two or three articles', () => {
  // idf from a handful of documents gives the words they all share no weight: such feeds split
  // apart, or (once shared words count) two stories matched on the few words they share.
  const stories = { FLOOD, CHESS, LAUNCH, RECALL };
  const shape = (feed: SourceDocument[]) => {
    const result = digestSync(feed, { words: 40 });
    expectExactProvenance(result, feed);
    return result.stories.map((story) => story.documentIds.length);
  };
  const pairsWithin = Object.entries(stories).flatMap(([name, documents]) => [
    [name, [documents[0]!, documents[1]!]],
    [name, [documents[0]!, documents[2]!]],
    [name, [documents[1]!, documents[2]!]],
  ]) as [string, SourceDocument[]][];
  test.each(pairsWithin)('two articles of one story (%s) are one story', (_, feed) => expect(shape(feed)).toEqual([2]));
  test.each(Object.entries(stories))('the three articles of %s are one story', (_, feed) => expect(shape(feed)).toEqual([3]));
  test('two of the example articles are one story', () => expect(shape(EXAMPLES.slice(0, 2))).toEqual([2]));
  test('two identical articles are one story', () => {
    expect(shape([0, 1].map((k) => ({ id: `copy-${k}`, text: FLOOD[0]!.text })))).toEqual([2]);
  });
  const names = Object.keys(stories) as (keyof typeof stories)[];
  const pairsAcross = names.flatMap((a, i) => names.slice(i + 1).map((b) => [`${a} and ${b}`, [stories[a][0]!, stories[b][0]!]])) as [string, SourceDocument[]][];
  test.each(pairsAcross)('two articles of different stories (%s) are two stories', (_, feed) => expect(shape(feed)).toEqual([1, 1]));
});

describe('digest: deterministic whatever the order', () => {
  test('shuffled feeds give byte-identical digests', () => {
    const expected = JSON.stringify(digestSync(FEED, { words: 40 }));
    fc.assert(
      fc.property(fc.shuffledSubarray(FEED, { minLength: FEED.length, maxLength: FEED.length }), (shuffled) => {
        expect(JSON.stringify(digestSync(shuffled, { words: 40 }))).toBe(expected);
      }),
      { numRuns: 25 },
    );
  });
});

describe('digest: options of its own', () => {
  test('maxStories: the most important stories are summarised, the rest listed without a summary', () => {
    const result = digestSync(FEED, { words: 40, maxStories: 2 });
    expect(result.stories).toHaveLength(4);
    expect(result.stories.map((story) => story.summary !== undefined)).toEqual([true, true, false, false]);
  });

  test('minDocuments: documents of smaller stories are unassigned, each saying why', () => {
    const lone = { id: 'lone', text: 'A lighthouse keeper on the island of Varn retired on Friday after forty years of service. He said he would miss the storms.' };
    const result = digestSync([...FLOOD, lone], { minDocuments: 2 });
    expect(result.unassigned).toEqual(['lone']);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'UNASSIGNED', documentId: 'lone', message: expect.stringContaining('minDocuments (2)') })]);
    expect(digestSync([...FLOOD, lone]).stories.map((story) => story.documentIds)).toContainEqual(['lone']);
  });

  test('publishedFrom/To come from dates that parse; a time without a zone is UTC wherever the code runs', () => {
    const dated = FLOOD.map((document, k) => ({ ...document, publishedAt: ['yesterday', '2026-11-20T10:00:00', '2026-11-20T08:00:00Z'][k]! }));
    const [story] = digestSync(dated).stories;
    expect(story).toMatchObject({ publishedFrom: '2026-11-20T08:00:00Z', publishedTo: '2026-11-20T10:00:00' });
    // 10:00 without a zone is 10:00 UTC: two hours after 08:00Z, so a window of one hour splits them, one of three does not.
    const pair = [dated[1]!, dated[2]!];
    expect(digestSync(pair, { timeWindowHours: 1 }).stories).toHaveLength(2);
    expect(digestSync(pair, { timeWindowHours: 3 }).stories).toHaveLength(1);
  });

  test('key terms are words as the documents write them, never bare stems, even when first written past the opening', () => {
    const opening = (tag: string) => Array.from({ length: 60 }, (_, i) => `Sentence number ${i} about the harbour bridge repair works in Kelport city ${tag}.`).join(' ');
    const tail = ' The rebels armed themselves with rifles. They armed the villagers. Rebels armed again.';
    const feed = ['x', 'y'].map((tag) => ({ id: tag, title: 'Kelport harbour bridge repairs', text: opening(tag) + tail }));
    const [story] = digestSync(feed).stories;
    const words = new Set(feed.flatMap((document) => `${document.title} ${document.text}`.split(/[^\p{L}\p{N}]+/u)));
    expect(story!.keyTerms.length).toBeGreaterThan(0);
    for (const term of story!.keyTerms) expect(words, term).toContain(term);
  });

  test('timeWindowHours: the same story a month apart is two stories', () => {
    const dated = FLOOD.map((document, k) => ({ ...document, publishedAt: k === 2 ? '2026-12-20T00:00:00Z' : '2026-11-20T0' + k + ':00:00Z' }));
    expect(digestSync(dated).stories).toHaveLength(1);
    const split = digestSync(dated, { timeWindowHours: 48 });
    expect(split.stories.map((story) => story.documentIds)).toEqual([['flood-1', 'flood-2'], ['flood-3']]);
    expect(split.stories[0]).toMatchObject({ publishedFrom: '2026-11-20T00:00:00Z', publishedTo: '2026-11-20T01:00:00Z' });
  });

  test('sources: distinct source fields, a document without one counting alone; more sources first', () => {
    const sourced = [...RECALL.map((document, k) => ({ ...document, source: k < 2 ? 'Wire' : 'Daily' })), ...LAUNCH.map((document) => ({ ...document, source: 'Wire' })), ...FLOOD];
    const result = digestSync(sourced);
    expect(result.stories.map((story) => [story.documentIds[0], story.sources])).toEqual([
      [FLOOD[0]!.id, 3],
      [RECALL[0]!.id, 2],
      [LAUNCH[0]!.id, 1],
    ]);
  });
});

describe('digest: bad input', () => {
  const cases: [string, unknown[], object | undefined, string][] = [
    ['duplicate ids', [FLOOD[0], FLOOD[0]], undefined, 'DUPLICATE_ID'],
    ['a document that is not an object', [42], undefined, 'INVALID_DOCUMENT'],
    ['an unknown option', FLOOD, { storySimilarty: 0.2 }, 'INVALID_OPTION'],
    ['a similarity out of range', FLOOD, { storySimilarity: 1.5 }, 'INVALID_OPTION'],
  ];
  test.each(cases)('%s: a ChorusError, as summarize() gives', (_, documents, options, code) => {
    expect(() => digestSync(documents as SourceDocument[], options)).toThrow(ChorusError);
    try {
      digestSync(documents as SourceDocument[], options);
    } catch (error) {
      expect((error as ChorusError).issues.map((issue) => issue.code)).toContain(code);
    }
  });

  test("summarize() refuses digest()'s options, saying whose they are", () => {
    expect(() => summarizeSync(FLOOD, { maxStories: 1 } as never)).toThrow(/maxStories is digest\(\)'s/);
  });

  test('an empty feed gives no stories; one document gives one story', () => {
    expect(digestSync([])).toEqual({ stories: [], unassigned: [], warnings: [], stats: { documents: 0, stories: 0, unassigned: 0 } });
    expect(digestSync([FLOOD[0]!]).stories.map((story) => story.documentIds)).toEqual([['flood-1']]);
  });

  test('documents with nothing to compare are unassigned, never lost', () => {
    const result = digestSync([...FLOOD, { id: 'empty', text: '  ' }, { id: 'markup', text: '<div><span></span></div>' }]);
    expect(result.unassigned).toEqual(['empty', 'markup']);
    const listed = [...result.stories.flatMap((story) => story.documentIds), ...result.unassigned].sort();
    expect(listed).toEqual(['empty', 'flood-1', 'flood-2', 'flood-3', 'markup']);
  });

  test('an abort stops digest(); progress names the grouping and the summaries', async () => {
    const controller = new AbortController();
    const stages = new Set<string>();
    await expect(
      digest(MIXED, {
        onProgress: ({ stage }) => {
          stages.add(stage);
          if (stage === 'summarise') controller.abort();
        },
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    expect([...stages]).toEqual(expect.arrayContaining(['segment', 'analyse', 'group', 'summarise']));
    expect(stages.has('dedupe')).toBe(false); // each story's stages pause quietly
    expect(byId.size).toBe(MIXED.length);
  });
});
