/**
 * What a digest says of each story besides its summary: a stable id, its sources and dates, a
 * headline and the key terms, all taken from the documents' own words, never invented.
 *
 * Terms are the analysis's stems, plus those of the `title` fields (read here the way analyse
 * reads words). A term's weight in a story is how many of its documents carry it against how
 * many in the whole feed do (tf-idf of the story as one document); a title or lead sentence is
 * central when its words are carried by most of the story's documents.
 */
import type { Read } from './model.js';
import { Kind } from './model.js';
import type { Settings } from './options.js';
import type { Work } from './schedule.js';
import { DistinctStrings, stringAt } from './string-table.js';
import { compareCodeUnits, instantOf, titleHead } from './text.js';
import { contentStem, normalise, tokenise } from './tokens.js';
import type { SourceDocument, Story } from './types.js';

/** Key terms per story. */
const KEY_TERMS = 8;
/** Lead sentences per document considered for a headline when no document has a title. */
const LEAD_SENTENCES = 3;
/** Longest sentence (words) that may serve as a headline; a longer one only when none is shorter. */
const HEADLINE_WORDS = 30;
/** Characters of each document scanned for the written forms of its story's key terms. */
const SURFACE_SCAN = 2000;
/** Characters read further, at most, for key terms not yet written in those. */
const MORE_SCAN = 100_000;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*/gu;
const HAS_LETTER = /\p{L}/u;

/** Stems of a text's content words, by the rule analyse uses (`contentStem`); `stems` remembers each token's ('' for none). */
function stemsOf(text: string, settings: Settings, stems: Map<string, string>): string[] {
  const out: string[] = [];
  for (const token of tokenise(normalise(text))) {
    let stem = stems.get(token);
    if (stem === undefined) {
      stem = contentStem(token, settings.stopwords, settings.language.stem) ?? '';
      stems.set(token, stem);
    }
    if (stem !== '') out.push(stem);
  }
  return out;
}

const collapse = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** A story's id: its first document's (stories list their documents in canonical order). */
export const storyId = (documents: readonly SourceDocument[], story: readonly number[]): string => documents[story[0]!]!.id;

/** A story's distinct sources: its documents' `source` names, and each document without one. */
export function sourceCount(documents: readonly SourceDocument[], story: readonly number[]): number {
  const sources = new Set<string>();
  let unnamed = 0;
  for (const d of story) {
    const source = documents[d]!.source;
    if (source === undefined) unnamed++;
    else sources.add(source);
  }
  return sources.size + unnamed;
}

/**
 * Describe each story (document indexes, ascending) of a read feed; `summary` is left for the
 * caller. The feed-wide counts are made once, so the work is linear in the feed.
 */
export function* describeStories(read: Read, stories: readonly number[][], settings: Settings): Work<Story[]> {
  const { documents, segments, analysis } = read;
  const stems = new Map<string, string>();
  const stemOf = new Map<string, string | null>();
  // The feed's stems under their term ids (a quarter of a million, in slices); titles' new ones after them.
  const vocabulary = new DistinctStrings();
  for (let t = 0; t < analysis.termCount; t++) {
    vocabulary.idOf(stringAt(analysis.vocabulary, t));
    if ((t & 16383) === 16383) yield;
  }
  const termId = (stem: string) => vocabulary.idOf(stem);
  // Each document's distinct terms (prose and title), and the feed's document frequencies.
  const titleTerms: number[][] = [];
  let work = 0;
  for (let d = 0; d < documents.length; d++) {
    const title = documents[d]!.title === undefined ? undefined : titleHead(documents[d]!.title!);
    titleTerms.push(title === undefined ? [] : [...new Set(stemsOf(title, settings, stems).map(termId))]);
    work += 16 + (title?.length ?? 0); // by characters: 4,096 titles in a turn took 70–110 ms
    if (work > 8_192) {
      work = 0;
      yield;
    }
  }
  const termsOf: number[][] = []; // distinct terms of each document
  const countsOf: number[][] = []; // and how often each occurs in it
  const feedDf = new Int32Array(vocabulary.size);
  for (let d = 0; d < documents.length; d++) {
    const counts = new Map<number, number>();
    for (const t of titleTerms[d]!) counts.set(t, 1);
    for (let p = analysis.termStart[segments.firstOfDoc[d]!]!; p < analysis.termStart[segments.firstOfDoc[d + 1]!]!; p++) counts.set(analysis.terms[p]!, (counts.get(analysis.terms[p]!) ?? 0) + 1);
    const list = [...counts.keys()];
    termsOf.push(list);
    countsOf.push([...counts.values()]);
    for (const t of list) feedDf[t]!++;
    work += list.length + 16;
    if (work > 16_384) {
      work = 0;
      yield;
    }
  }

  const storyDf = new Int32Array(vocabulary.size);
  const storyTf = new Int32Array(vocabulary.size);
  const out: Story[] = [];
  for (const story of stories) {
    const touched: number[] = [];
    for (const d of story)
      termsOf[d]!.forEach((t, k) => {
        if (storyDf[t] === 0) touched.push(t);
        storyDf[t]!++;
        storyTf[t]! += countsOf[d]![k]!;
      });
    const shareOf = (terms: readonly number[]) => {
      let sum = 0;
      for (const t of terms) sum += storyDf[t]!;
      return terms.length === 0 ? 0 : sum / terms.length / story.length;
    };

    // Key terms: carried by many of the story's documents and few of the feed's, and said often
    // in them ("Kim" in every paragraph, "according" once an article).
    const weightOf = new Map<number, number>();
    for (const t of touched)
      if (HAS_LETTER.test(vocabulary.at(t)) && (story.length === 1 || storyDf[t]! >= 2))
        weightOf.set(t, (storyDf[t]! / story.length) * Math.log(1 + documents.length / feedDf[t]!) * (1 + Math.log(storyTf[t]! / storyDf[t]!)));
    const keys = [...weightOf.keys()].sort((a, b) => weightOf.get(b)! - weightOf.get(a)! || compareCodeUnits(vocabulary.at(a), vocabulary.at(b)));
    const keyTerms = yield* writtenForms(read, story, keys.slice(0, KEY_TERMS).map((t) => vocabulary.at(t)), settings, stemOf);

    // Headline: the most central title; else the most central short lead sentence.
    let headline = '';
    let best = -1;
    for (const d of story) {
      const title = documents[d]!.title === undefined ? '' : collapse(titleHead(documents[d]!.title!));
      const score = shareOf(titleTerms[d]!);
      if (title !== '' && score > best) [headline, best] = [title, score];
    }
    if (headline === '') headline = centralSentence(read, story, shareOf);

    let from: string | undefined;
    let to: string | undefined;
    for (const d of story) {
      const { publishedAt } = documents[d]!;
      // Only dates that parse: a publishedAt of "yesterday" says nothing about the range.
      if (typeof publishedAt === 'string' && !Number.isNaN(instantOf(publishedAt))) {
        if (from === undefined || instantOf(publishedAt) < instantOf(from)) from = publishedAt;
        if (to === undefined || instantOf(publishedAt) > instantOf(to)) to = publishedAt;
      }
    }
    const described: Story = { id: storyId(documents, story), documentIds: story.map((d) => documents[d]!.id), headline, keyTerms, sources: sourceCount(documents, story) };
    if (from !== undefined) [described.publishedFrom, described.publishedTo] = [from, to!];
    out.push(described);
    for (const t of touched) storyDf[t] = storyTf[t] = 0;
    work += touched.length * 4 + story.length * 64;
    if (work > 50_000) {
      work = 0;
      yield;
    }
  }
  return out;
}

/** The lead sentence whose words most of the story's documents carry, short enough for a headline. */
function centralSentence(read: Read, story: readonly number[], shareOf: (terms: readonly number[]) => number): string {
  const { documents, segments, analysis } = read;
  let chosen = -1;
  let best = -1;
  for (const short of [true, false]) {
    for (const d of story) {
      let leads = 0;
      for (let i = segments.firstOfDoc[d]!; i < segments.firstOfDoc[d + 1]! && leads < LEAD_SENTENCES; i++) {
        if (segments.kind[i] !== Kind.PROSE) continue;
        leads++;
        if (short && analysis.words[i]! > HEADLINE_WORDS) continue;
        const terms = Array.from(new Set(analysis.terms.slice(analysis.termStart[i]!, analysis.termStart[i + 1]!)));
        const score = shareOf(terms) * analysis.standalone[i]!;
        if (score > best) [chosen, best] = [i, score];
      }
    }
    if (chosen >= 0) break;
  }
  if (chosen < 0)
    // No prose: the first sentence of any kind (a snippet's headline, a fragment).
    for (const d of story) {
      for (let i = segments.firstOfDoc[d]!; i < segments.firstOfDoc[d + 1]! && chosen < 0; i++) if (segments.end[i]! > segments.start[i]!) chosen = i;
      if (chosen >= 0) break;
    }
  return chosen < 0 ? '' : collapse(documents[segments.doc[chosen]!]!.text.slice(segments.start[chosen]!, segments.end[chosen]!));
}

/** Documents of a story scanned for written forms: a few dozen show how a name is spelt. */
const SURFACE_DOCUMENTS = 12;
/** Written words whose stems are remembered across stories (each a short string). */
const REMEMBERED_WORDS = 1 << 18;

/**
 * Each stem as the story's documents most often write it ("Putin", "NATO"); a stem with no
 * written form found (none is expected: every term was read from these documents) is left out.
 * `stemOf` remembers the stem of each word as written (null: no content word), across stories.
 */
function* writtenForms(read: Read, story: readonly number[], keys: string[], settings: Settings, stemOf: Map<string, string | null>): Work<string[]> {
  const wanted = new Map(keys.map((stem) => [stem, new Map<string, number>()]));
  const scratch = new Map<string, string>();
  let scanned = 0;
  function* scan(text: string): Work<void> {
    for (const match of text.matchAll(WORD)) {
      const written = match[0].replace(/['\u2019]s$/u, '');
      let stem = stemOf.get(written);
      if (stem === undefined) {
        stem = stemsOf(written, settings, scratch)[0] ?? null;
        if (stemOf.size < REMEMBERED_WORDS) stemOf.set(written, stem);
      }
      const forms = stem === null ? undefined : wanted.get(stem);
      if (forms) forms.set(written, (forms.get(written) ?? 0) + 1);
      if ((scanned += match[0].length + 1) >= 20_000) {
        scanned = 0;
        yield;
      }
    }
  }
  for (const d of story.slice(0, SURFACE_DOCUMENTS)) yield* scan(`${titleHead(read.documents[d]!.title ?? '')}\n${read.documents[d]!.text.slice(0, SURFACE_SCAN)}`);
  // A key term first written further on (a term is counted over whole articles): read on, only
  // until every key has a written form. A stem is never shown ("villag" is no word).
  // At most MORE_SCAN characters more: a term whose written form the word pattern never finds
  // would otherwise have a story of 2,000 articles read whole.
  const missing = () => keys.some((stem) => wanted.get(stem)!.size === 0);
  let more = 0;
  for (let k = 0; k < story.length && more < MORE_SCAN && missing(); k++) {
    const document = read.documents[story[k]!]!;
    const text = k < SURFACE_DOCUMENTS ? document.text.slice(SURFACE_SCAN, SURFACE_SCAN + MORE_SCAN - more) : `${titleHead(document.title ?? '')}\n${document.text.slice(0, MORE_SCAN - more)}`;
    more += text.length;
    yield* scan(text);
  }
  const forms: string[] = [];
  for (const stem of keys) {
    let form = '';
    let most = 0;
    for (const [written, count] of wanted.get(stem)!) if (count > most || (count === most && compareCodeUnits(written, form) < 0)) [form, most] = [written, count];
    if (form !== '') forms.push(form);
  }
  return forms;
}
