import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { groupStories, type GroupSettings } from '../src/group/index.js';
import { GROUP_PARAMETERS, type GroupParameters } from '../src/group/parameters.js';
import { runSync } from '../src/schedule.js';
import { compareCodeUnits } from '../src/text.js';
import type { SourceDocument } from '../src/types.js';
import { CHESS, FEED, FLOOD, LAUNCH, STORIES } from './digest-feed.js';
import { analysisOf, settingsWith } from './helpers.js';

interface Grouped {
  stories: string[][];
  unassigned: string[];
  tooSmall: string[][];
}

/** Groups documents given in any order; ids in the result. */
function group(documents: readonly SourceDocument[], settings: Partial<GroupSettings> = {}, parameters: Partial<GroupParameters> = {}): Grouped {
  const sorted = [...documents].sort((a, b) => compareCodeUnits(a.id, b.id));
  const { segments, analysis } = analysisOf(sorted);
  const { stopwords, language } = settingsWith();
  const grouping = runSync(
    groupStories(sorted, segments, analysis, { storySimilarity: 0.175, minDocuments: 1, timeWindowHours: undefined, stopwords, language, ...settings }, { ...GROUP_PARAMETERS, ...parameters }),
  );
  const ids = (list: number[]) => list.map((d) => sorted[d]!.id);
  return { stories: grouping.stories.map(ids), unassigned: ids(grouping.unassigned), tooSmall: grouping.tooSmall.map(ids) };
}

/** Stories as sorted lists of ids, sorted: comparable whatever the ids' order. */
const partition = (stories: string[][]) => stories.map((story) => [...story].sort()).sort((a, b) => compareCodeUnits(a[0]!, b[0]!));

const doc = (id: string, text: string, extra: Partial<SourceDocument> = {}): SourceDocument => ({ id, text, ...extra });

describe('groupStories', () => {
  test('the invented feed: four stories of three articles', () => {
    const result = group(FEED);
    expect(partition(result.stories)).toEqual(partition(STORIES));
    expect(result.unassigned).toEqual([]);
  });

  test.each<[string, SourceDocument[], string[][], string[]]>([
    ['an empty feed has no stories', [], [], []],
    ['a feed of one document is one story', [FLOOD[0]!], [['flood-1']], []],
    ['an empty document is unassigned', [...FLOOD, doc('empty', '')], [['flood-1', 'flood-2', 'flood-3']], ['empty']],
    ['a whitespace-only document is unassigned', [...FLOOD, doc('blank', ' \n\t\n ')], [['flood-1', 'flood-2', 'flood-3']], ['blank']],
    ['a markup-only page is unassigned', [...FLOOD, doc('markup', '<div class="player"><img src="a.png"><br/></div>')], [['flood-1', 'flood-2', 'flood-3']], ['markup']],
    [
      'a title and a lower-case snippet join their story',
      [...FLOOD, ...CHESS, doc('flood-snippet', 'mayor ingrid halvorsen said about 300 homes in marlow creek were evacuated overnight', { title: 'tessel river floods marlow creek' })],
      [['flood-1', 'flood-2', 'flood-3', 'flood-snippet'], ['chess-1', 'chess-2', 'chess-3']],
      [],
    ],
    [
      'the title names the story when the text does not',
      [...FLOOD, ...CHESS, doc('flood-title', 'More details will follow as the situation develops.', { title: 'Tessel River floods Marlow Creek as Mayor Halvorsen orders evacuation' })],
      [['flood-1', 'flood-2', 'flood-3', 'flood-title'], ['chess-1', 'chess-2', 'chess-3']],
      [],
    ],
    [
      'without a title, a first line that is a heading is the headline',
      [...FLOOD, ...CHESS, doc('flood-heading', 'Tessel River floods Marlow Creek as Mayor Halvorsen orders evacuation\n\nMore details will follow as the situation develops.')],
      [['flood-1', 'flood-2', 'flood-3', 'flood-heading'], ['chess-1', 'chess-2', 'chess-3']],
      [],
    ],
    [
      'a lower-case snippet alone (no title, no punctuation) joins its story',
      [...FLOOD, ...CHESS, doc('chess-snippet', 'lidia ostrowska beat tomas brenner with a rook sacrifice to win the zagreb open grandmaster title')],
      [['flood-1', 'flood-2', 'flood-3'], ['chess-1', 'chess-2', 'chess-3', 'chess-snippet']],
      [],
    ],
  ])('%s', (_, documents, stories, unassigned) => {
    const result = group(documents);
    expect(partition(result.stories)).toEqual(partition(stories));
    expect(result.unassigned).toEqual(unassigned);
  });

  test('two one-article stories that share one rare name stay apart', () => {
    // One shared word is never evidence: an edge needs two shared terms.
    const result = group([
      ...FEED,
      doc('ferry', 'Brekkestad ferry resumes\n\nThe ferry to Brekkestad resumed sailing on Monday after storm damage to the pier was repaired by divers.'),
      doc('skiing', 'Brekkestad hosts ski final\n\nThe national ski jumping final will be held at Brekkestad in March, with forty jumpers from eleven clubs competing.'),
    ]);
    expect(result.stories).toContainEqual(['ferry']);
    expect(result.stories).toContainEqual(['skiing']);
  });

  test('an article on two stories does not chain them into one', () => {
    const bridge = doc(
      'flood-4',
      'The Tessel River burst its banks and Mayor Ingrid Halvorsen ordered the evacuation of 300 homes in Marlow Creek. Rescue boats carried residents to the school gym through the night. ' +
        'Forecasters tracked the storm with images from Meteor-9, the weather satellite an Aurora-4 rocket carried into orbit from Kourou last week, after two delays caused by wind.',
    );
    // It joins one of them (here the launch, the longer part of its vocabulary); the two stay apart.
    const result = group([...FLOOD, ...LAUNCH, bridge]);
    expect(result.stories).toHaveLength(2);
    for (const story of result.stories) expect(story.includes('flood-1') && story.includes('launch-1')).toBe(false);
  });

  test('a page repeated verbatim in three stories is unassigned', () => {
    const notice = 'This page has been archived and is no longer updated. Video content requires JavaScript to be enabled in your browser settings.';
    const result = group([...FEED, doc('flood-9', notice), doc('chess-9', notice), doc('recall-9', notice)]);
    expect(partition(result.stories)).toEqual(partition(STORIES));
    expect(result.unassigned).toEqual(['chess-9', 'flood-9', 'recall-9']);
  });

  test('a list without prose found in two stories is unassigned; two copies of a headline or a snippet are a story', () => {
    // A crawl notice of an archive (reworded): list items and no sentence of prose.
    const crawl =
      'What this crawl holds:\n\n- Front pages of every site on the list kept by the archive\n\n-- ranked by the number of links that point to them from other sites\n\n- Up to 100 pages of each site, the most linked first';
    const withCrawl = group([...FEED, doc('flood-9', crawl), doc('chess-9', crawl)]);
    expect(partition(withCrawl.stories)).toEqual(partition(STORIES));
    expect(withCrawl.unassigned).toEqual(['chess-9', 'flood-9']);
    // One line each: an item of a title and a snippet, lower-cased, carried by two feeds.
    const snippet = 'tessel river floods marlow creek mayor halvorsen orders evacuation of 300 homes';
    const withSnippet = group([...FEED, doc('item-1', snippet), doc('item-2', snippet)]);
    expect(withSnippet.unassigned).toEqual([]);
    expect(withSnippet.stories.some((story) => story.includes('item-1') && story.includes('item-2'))).toBe(true);
    // Short lines without prose, carried by two feeds: a headline with its byline and credit, a
    // table of results. Each is an item, and a story (found by a review).
    for (const item of [
      'Mayor Halvorsen orders evacuation of Marlow Creek\n\nBy Jane Doe\n\nPhoto: Reuters',
      'Premier League results\n\nArsenal 2 Chelsea 1\n\nLiverpool 3 Everton 0\n\nLeeds 1 Fulham 1',
    ]) {
      const twice = group([...FEED, doc('item-1', item), doc('item-2', item)]);
      expect(twice.unassigned).toEqual([]);
    }
  });

  test('a story of more near-copies than a term may propose is still one story', () => {
    // 400 copies of one article, each with one word of its own: every shared word is held by
    // more documents than maxPostings, so only its neighbours in each posting list propose a copy.
    const text = FLOOD.map((document) => document.text).join(' ');
    const words = text.split(' ');
    const copies = Array.from({ length: 400 }, (_, k) => {
      const edited = words.slice();
      edited[(k * 7) % edited.length] = `variant${k}`;
      return doc(`copy-${String(k).padStart(3, '0')}`, edited.join(' '));
    });
    // 600 other articles of made-up words, so the copies' own words still weigh something.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const others = Array.from({ length: 600 }, (_, k) =>
      doc(`other-${String(k).padStart(3, '0')}`, `${Array.from({ length: 40 }, () => `w${Math.floor(next() * 5000).toString(36)}x`).join(' ')}.`),
    );
    const result = group([...copies, ...others]);
    expect(result.stories.map((story) => story.length).sort((a, b) => b - a)[0]).toBe(400);
    // Over five days, 48 hours apart, with a 24-hour window: five stories of 80. The neighbours a
    // common word proposes are looked for inside the window (a review found every copy alone).
    const day = (k: number) => new Date(Date.UTC(2024, 0, 1 + 2 * (k % 5))).toISOString();
    const dated = [...copies.map((copy, k) => ({ ...copy, publishedAt: day(k) })), ...others.map((other, k) => ({ ...other, publishedAt: day(k) }))];
    const windowed = group(dated, { timeWindowHours: 24 });
    expect(windowed.stories.map((story) => story.length).sort((a, b) => b - a).slice(0, 6)).toEqual([80, 80, 80, 80, 80, 1]);
  });

  test('an article syndicated verbatim by three outlets is a story, not furniture', () => {
    const wire = [...FLOOD, ...LAUNCH].map((document) => document.text).join('\n\n');
    const result = group([doc('wire-1', wire), doc('wire-2', wire), doc('wire-3', wire), ...CHESS]);
    expect(partition(result.stories)).toEqual(partition([['wire-1', 'wire-2', 'wire-3'], STORIES[1]!]));
    expect(result.unassigned).toEqual([]);
  });

  test('a boilerplate sentence shared by articles of different stories links nothing', () => {
    // Articles that are mostly the plea: without the test, the plea would make them one story.
    const plea =
      'The Harbour Gazette depends on readers like you to keep its reporters in the field, so please consider a small monthly contribution to our independent journalism fund today. ' +
      'Every donation, however modest, pays for local investigations, courtroom coverage, photographers and the editors who check each story before publication.';
    const result = group([
      doc('flood-a', `Tessel River floods Marlow Creek, Mayor Halvorsen says.\n\n${plea}`),
      doc('flood-b', 'Marlow Creek mayor Ingrid Halvorsen evacuates homes as the Tessel River floods the town.'),
      doc('chess-a', `Ostrowska beats Brenner to win the Zagreb Open.\n\n${plea}`),
      doc('chess-b', 'Grandmaster Lidia Ostrowska beat Tomas Brenner to win the final of the Zagreb Open.'),
      doc('recall-a', `Velamed recalls Corvantin tablets over a contaminant.\n\n${plea}`),
      doc('recall-b', 'Regulators say Velamed must recall 14 batches of Corvantin tablets over a contaminant.'),
      ...LAUNCH,
    ]);
    expect(partition(result.stories)).toEqual(partition([['flood-a', 'flood-b'], ['chess-a', 'chess-b'], ['recall-a', 'recall-b'], STORIES[3]!]));
  });

  test('a furniture phrase at the top of snippets from different stories links nothing', () => {
    const cookies = 'we use cookies and similar technologies to improve your experience personalise content and adverts and analyse our traffic by continuing you agree';
    const story = (name: string, words: string, other: string, more: string) => [
      doc(`${name}-a`, `${cookies} ${words}`),
      doc(`${name}-b`, `${words} ${other}`),
      doc(`${name}-c`, `${other} ${words} ${more}`),
    ];
    const result = group([
      ...story('flood', 'tessel river floods marlow creek', 'mayor orders evacuation', 'overnight'),
      ...story('chess', 'ostrowska beats brenner zagreb open', 'grandmaster takes title', 'final'),
      ...story('recall', 'velamed recalls corvantin contaminated tablets', 'regulators warn patients', 'pharmacies'),
      ...LAUNCH,
    ]);
    const ids = (name: string) => [`${name}-a`, `${name}-b`, `${name}-c`];
    expect(partition(result.stories)).toEqual(partition([ids('flood'), ids('chess'), ids('recall'), STORIES[3]!]));
  });

  test('a time window keeps two identical stories months apart apart', () => {
    const at = (date: string) => (document: SourceDocument, k: number) => ({ ...document, publishedAt: `${date}T0${k}:00:00Z` });
    const january = FLOOD.map(at('2024-01-10'));
    const june = FLOOD.map((document, k) => ({ ...at('2024-06-02')(document, k), id: `${document.id}-june` }));
    const mixesMonths = (story: string[]) => story.some((id) => id.endsWith('-june')) && story.some((id) => id.startsWith('flood-') && !id.endsWith('-june'));
    expect(group([...january, ...june, ...CHESS]).stories.some(mixesMonths)).toBe(true);
    const windowed = group([...january, ...june, ...CHESS], { timeWindowHours: 72 });
    expect(windowed.stories.some(mixesMonths)).toBe(false);
    expect(windowed.stories).toContainEqual(STORIES[1]);
  });

  test('no story spans more than the time window, even through documents in between', () => {
    // Three reports two days apart: each is within 72 hours of the next, the first and last are not.
    const days = FLOOD.map((document, k) => ({ ...document, publishedAt: `2024-03-0${1 + 2 * k}T12:00:00Z` }));
    const result = group([...days, ...CHESS], { timeWindowHours: 72 });
    expect(result.stories.some((story) => story.includes('flood-1') && story.includes('flood-3'))).toBe(false);
    expect(group([...days, ...CHESS]).stories).toContainEqual(['flood-1', 'flood-2', 'flood-3']);
  });

  test('stories under minDocuments are returned apart, not as stories', () => {
    const windmill = doc('windmill', 'Fire destroys Oudeland windmill\n\nA fire destroyed the historic wooden windmill of Oudeland on Friday. Firefighters could not save the mill, which was built in 1790.');
    const result = group([...FEED, windmill], { minDocuments: 2 });
    expect(partition(result.stories)).toEqual(partition(STORIES));
    expect(result.tooSmall).toEqual([['windmill']]);
    expect(result.unassigned).toEqual([]);
  });
});

describe('groupStories, properties', () => {
  const sentencesOf = (document: SourceDocument) => document.text.split(/(?<=\.)\s+|\n+/).filter((sentence) => sentence.trim() !== '');
  const pool = FEED.flatMap(sentencesOf);
  const feedArbitrary = fc
    .array(fc.array(fc.nat(pool.length - 1), { maxLength: 6 }), { maxLength: 9 })
    .map((articles) => articles.map((picks, k) => doc(`d${k}`, picks.map((p) => pool[p]!).join(' '))));

  test('the result is a partition of the documents: each once, stories ascending and in order of their first document', () => {
    fc.assert(
      fc.property(feedArbitrary, (documents) => {
        const sorted = [...documents].sort((a, b) => compareCodeUnits(a.id, b.id));
        const { segments, analysis } = analysisOf(sorted);
        const { stopwords, language } = settingsWith();
        const grouping = runSync(groupStories(sorted, segments, analysis, { storySimilarity: 0.175, minDocuments: 2, timeWindowHours: undefined, stopwords, language }));
        const seen = [...grouping.stories.flat(), ...grouping.tooSmall.flat(), ...grouping.unassigned].sort((a, b) => a - b);
        expect(seen).toEqual(sorted.map((_, d) => d));
        for (const story of [...grouping.stories, ...grouping.tooSmall]) expect([...story].sort((a, b) => a - b)).toEqual(story);
        const firsts = grouping.stories.map((story) => story[0]!);
        expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
        expect(grouping.stories.every((story) => story.length >= 2) && grouping.tooSmall.every((story) => story.length < 2)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  test('the grouping does not depend on the order of the documents or on their ids', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(FEED, { minLength: 4 }), fc.array(fc.constantFrom('a', 'm', 'z'), { minLength: FEED.length, maxLength: FEED.length }), (documents, prefixes) => {
        const renamed = documents.map((document, k) => ({ ...document, id: `${prefixes[k]}${k}:${document.id}` }));
        const original = (id: string) => id.slice(id.indexOf(':') + 1);
        const expected = partition(group(documents).stories);
        expect(partition(group(renamed).stories.map((story) => story.map(original)))).toEqual(expected);
        expect(partition(group([...renamed].reverse()).stories.map((story) => story.map(original)))).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });
});
