/**
 * A deterministic feed generator for the scale benchmark (and the digest benchmark): a day of
 * articles on many stories, with few verbatim repeats, made at bench time from the Multi-News
 * validation clusters (../shared/benchmarks/multinews-val.jsonl).
 *
 * LICENCE: that data is for non-commercial research only. It is read here at bench time and
 * never copied into the repository: no fixtures, no snapshots, no quoted text.
 *
 * Each article is on one story (a val cluster; `story` is its id, the digest benchmark's
 * ground-truth label) and draws every sentence from that cluster:
 *   - the first use of a cluster sentence is the sentence itself;
 *   - every later use is a variant: half the time spliced (the first part of it, the last
 *     part of another sentence of the cluster, cut at the same relative position), then
 *     random words holding about half its letters swapped for words of the same kind
 *     (stopword, lower-case word, capitalised word, number) and about the same length from the
 *     cluster's vocabulary, so vocabulary and sentence lengths stay real (the text does not
 *     read well: it is for speed, never for quality figures). A variant is checked against the
 *     sentence(s) it was made from by exact Levenshtein distance and made again, with more
 *     swapped, until it is beyond the duplicate threshold (normalised distance > 0.3 on the
 *     comparison key);
 *   - no comparison key is ever emitted twice (a hash set of keys; a hash collision only
 *     causes one more variant), so no sentence repeats verbatim anywhere in the feed.
 * Articles are as long as real ones (the length of a random val article of 150–1,500 words:
 * about 4 KB on average), keep the clusters' paragraph breaks (blank-line separated,
 * at most a few sentences each), and carry page furniture at low rates: a headline line (no
 * final punctuation), a byline, "Advertisement". Titles are a short headline, sources a small
 * made-up list of outlets, publication times in order across two days.
 *
 * Same count, same seed → the same bytes on every machine: one mulberry32 stream, no
 * Math.random, no clock. Generation is sequential and streaming: `feedDocuments` yields one
 * article at a time and keeps only the cluster data (the same at any size), a use counter per
 * cluster sentence and the hash set of emitted keys (about 10 bytes a sentence emitted).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eng } from 'stopword';
import { comparisonKey, DUPLICATE_THRESHOLD, hash32, histogramBound, HISTOGRAM_BINS, isProse, keyHistogram, PLAIN, splitSentences, withinThreshold } from './feed-text.js';
import { prng } from './generate.js';

export interface FeedDocument {
  id: string;
  text: string;
  /** The val cluster id every sentence of the article comes from. */
  story: string;
  title?: string;
  source?: string;
  publishedAt?: string;
}

export interface FeedOptions {
  seed?: number;
}

export const DEFAULT_SEED = 20261122;

/** Where the val clusters are, for a project checked out at `root` (next to ../shared). */
export function benchmarkDataPath(root: string): string {
  return path.resolve(root, '../shared/benchmarks/multinews-val.jsonl');
}

/** How a sentence must open for the splitter to see its start: an upper-case letter or digit, maybe after an opening quote. */
const OPENS = /^["'“‘(\[]*[\p{Lu}\p{N}]/u;

/**
 * A set of 32-bit hashes (open addressing, grows at half full). A collision makes a new key
 * look seen, which only ever causes one more variant, never a repeat.
 */
class HashSet32 {
  private table = new Uint32Array(1 << 16);
  private size = 0;
  /** Adds `hash`; false when it was there already. */
  add(hash: number): boolean {
    const h = hash === 0 ? 1 : hash;
    if (2 * (this.size + 1) > this.table.length) this.grow();
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = this.table[slot]!;
      if (at === h) return false;
      if (at === 0) {
        this.table[slot] = h;
        this.size++;
        return true;
      }
    }
  }
  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    const mask = this.table.length - 1;
    for (const h of old) {
      if (h === 0) continue;
      let slot = h & mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = h;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The clusters.

const enum WordKind {
  STOP = 0,
  WORD = 1,
  CAPITALISED = 2,
  NUMBER = 3,
}

interface Token {
  /** The word as written (a sentence-initial word in lower case unless it is a name). */
  word: string;
  lead: string;
  core: string;
  trail: string;
  kind: WordKind;
  /** Whether the word may be swapped for another (see `tokenise`). */
  swappable: boolean;
  /** The word's part of the comparison key, and whether the word is plain (then the sentence key is the parts joined). */
  key: string;
  plain: boolean;
}

/** Words of one kind in a cluster, by length: `byLength[length]` is the first index of that length in `words` (sorted). */
interface Vocabulary {
  words: string[];
  /** Comparison key part of each word, and whether it is plain. */
  keys: string[];
  plain: Uint8Array;
  byLength: Int32Array;
}

interface Story {
  id: string;
  /** Cluster sentences `first .. first + count`. */
  first: number;
  count: number;
  /** Words in the cluster's sentences. */
  words: number;
  /** Sentence index of each document's first sentence. */
  documentStarts: number[];
  vocabulary: Vocabulary[];
}

interface Corpus {
  stories: Story[];
  sentences: string[];
  keys: string[];
  tokens: Token[][];
  /** Character histogram of each key (HISTOGRAM_BINS counts a sentence), for a cheap lower bound on distances. */
  histograms: Int16Array;
  /** 1 where a sentence opens a paragraph in its article. */
  paragraphStart: Uint8Array;
  /** Words in each val article of 150–1,500 words (white-space separated), for article lengths. */
  articleWords: number[];
}

const STOPWORDS = new Set(eng);

/**
 * A copy of `text` in V8's one-byte representation when it has no character above U+00FF.
 * Slices of a document that has a curly quote anywhere are two-byte strings even when they are
 * plain ASCII, and so is everything made from them: twice the memory at 100,000 articles, and
 * slower to join.
 */
function compact(text: string): string {
  return LATIN1.test(text) ? Buffer.from(text, 'latin1').toString('latin1') : text;
}
const LATIN1 = /^[\u0000-\u00ff]*$/;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the UTF-16 unit at `at` starts a letter or digit (ASCII checked by hand, the rest by \p{L}\p{N}). */
function isLetterOrDigit(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(text.slice(at, at + 2));
}

/** The comparison key of a plain word, by hand (a–z and 0–9, lower-cased). */
function plainKey(word: string): string {
  let key = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) key += word[i];
    else if (c >= 65 && c <= 90) key += String.fromCharCode(c + 32);
  }
  return key;
}

/** The words of a sentence. Slices of a one-byte sentence are one-byte; others are compacted one by one. */
function tokenise(sentence: string): Token[] {
  const words = sentence.split(' ');
  const latin1 = LATIN1.test(sentence);
  return words.map((written, at) => {
    // lead: punctuation before the first letter or digit; trail: after the last.
    let first = 0;
    while (first < written.length && !isLetterOrDigit(written, first)) first++;
    let last = written.length;
    while (last > first && !isLetterOrDigit(written, last - 1)) last--;
    const word = latin1 ? written : compact(written);
    const lead = word.slice(0, first);
    const original = word.slice(first, last);
    const trail = word.slice(last);
    const lower = original.toLowerCase();
    const kind = /\p{N}/u.test(original)
      ? WordKind.NUMBER
      : STOPWORDS.has(lower)
        ? WordKind.STOP
        : original !== lower && (at > 0 || original.slice(1) !== lower.slice(1))
          ? WordKind.CAPITALISED
          : WordKind.WORD;
    // A sentence-initial word is kept in lower case unless it is a name.
    const core = at === 0 && kind !== WordKind.CAPITALISED ? lower : original;
    // Not a word with a full stop inside the sentence (it could end the sentence there once swapped),
    // nor one whose punctuation NFKC turns into letters ("™" → "TM": it would join the next word).
    const swappable = core !== '' && (at === words.length - 1 || !/[.!?]/.test(trail)) && PLAIN.test(lead + trail);
    const plain = PLAIN.test(word);
    return { word: at === 0 ? lead + core + trail : word, lead, core, trail, kind, swappable, key: plain ? plainKey(core) : compact(comparisonKey(core)), plain };
  });
}

/** Words of one kind, bucketed by length (counting sort; within a length in text order). */
function vocabularyOf(unsorted: string[]): Vocabulary {
  let longest = 0;
  for (const word of unsorted) if (word.length > longest) longest = word.length;
  const byLength = new Int32Array(longest + 2);
  for (const word of unsorted) byLength[word.length + 1]!++;
  for (let length = 1; length < byLength.length; length++) byLength[length]! += byLength[length - 1]!;
  const words: string[] = new Array<string>(unsorted.length);
  const next = byLength.slice();
  for (const word of unsorted) words[next[word.length]!++] = word;
  return { words, keys: words.map(comparisonKey), plain: Uint8Array.from(words, (word) => (PLAIN.test(word) ? 1 : 0)), byLength };
}

const corpora = new Map<string, Corpus>();

/** The clusters of the val file, sentence-split, distinct by comparison key across the file. */
function loadCorpus(dataPath: string): Corpus {
  const cached = corpora.get(dataPath);
  if (cached) return cached;
  if (!existsSync(dataPath))
    throw new Error(
      `bench/feed: the benchmark data is missing: ${dataPath}\n` +
        'The feed is made at bench time from the Multi-News validation clusters (../shared/benchmarks/multinews-val.jsonl, ' +
        'see ../shared/benchmarks/README.md). That data is research-only and never copied into this repository.',
    );
  const stories: Story[] = [];
  const sentences: string[] = [];
  const keys: string[] = [];
  const tokens: Token[][] = [];
  const paragraphStart: number[] = [];
  const articleWords: number[] = [];
  const seen = new Set<string>();
  for (const line of readFileSync(dataPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const cluster = JSON.parse(line) as { id: string; documents: { id: string; text: string }[] };
    const story: Story = { id: cluster.id, first: sentences.length, count: 0, words: 0, documentStarts: [], vocabulary: [] };
    const kinds: string[][] = [[], [], [], []];
    for (const document of cluster.documents) {
      const length = document.text.split(/\s+/).filter(Boolean).length;
      if (length >= 150 && length <= 1500) articleWords.push(length);
      let documentStart = true;
      for (const paragraph of document.text.split(/\n+/)) {
        let opens = true;
        for (const raw of splitSentences(paragraph.trim())) {
          const sentence = compact(raw.replace(/\s+/g, ' '));
          const words = sentence.split(' ').length;
          if (words > 80 || !standsAlone(sentence)) continue;
          const key = comparisonKey(sentence);
          if (seen.has(key)) continue;
          seen.add(key);
          if (documentStart) story.documentStarts.push(sentences.length);
          documentStart = false;
          sentences.push(sentence);
          keys.push(key);
          const sentenceTokens = tokenise(sentence);
          tokens.push(sentenceTokens);
          for (const token of sentenceTokens) if (token.core) kinds[token.kind]!.push(token.core);
          paragraphStart.push(opens ? 1 : 0);
          opens = false;
        }
      }
    }
    story.count = sentences.length - story.first;
    story.vocabulary = kinds.map(vocabularyOf);
    story.words = tokens.slice(story.first).reduce((sum, sentenceTokens) => sum + sentenceTokens.length, 0);
    if (story.count > 0) stories.push(story);
  }
  const histograms = new Int16Array(keys.length * HISTOGRAM_BINS);
  keys.forEach((key, k) => keyHistogram(key, histograms, k * HISTOGRAM_BINS));
  const corpus: Corpus = { stories, sentences, keys, tokens, histograms, paragraphStart: Uint8Array.from(paragraphStart), articleWords };
  corpora.set(dataPath, corpus);
  return corpus;
}

// ---------------------------------------------------------------------------------------------
// Variants.

/**
 * Share of a variant's letters (comparison key) in swapped words (less in a spliced one, which
 * differs in its other half already), and the share of variants spliced. Chosen with
 * bench/feed-check.ts: each cluster sentence is used about 150 times at 100,000 articles, and
 * two variants of one sentence must rarely fall within the threshold of each other; at
 * 0.45 / 0.3 the near-duplicate share was 3 % at 100,000 articles.
 */
const SWAP_SHARE = 0.55;
const SPLICED_SWAP_SHARE = 0.4;
/** Sentences of at most this many words swap at least SHORT_SWAP_SHARE of their letters. */
const SHORT_SENTENCE = 8;
const SHORT_SWAP_SHARE = 0.8;
const SPLICE_RATE = 0.5;
const ATTEMPTS = 8;

/** The index of a word in `vocabulary` within two letters of `length` (any word if none is), or −1 when it is empty. */
function pickWord(vocabulary: Vocabulary, length: number, random: () => number): number {
  const { words, byLength } = vocabulary;
  if (words.length === 0) return -1;
  const top = byLength.length - 1;
  const from = byLength[Math.min(top, Math.max(0, length - 2))]!;
  const to = byLength[Math.min(top, Math.max(0, length + 3))]!;
  return to > from ? from + Math.floor(random() * (to - from)) : Math.floor(random() * words.length);
}

/** Upper-cases the first letter (after any opening punctuation). */
function capitalise(text: string): string {
  const first = text.charCodeAt(0);
  if (first >= 97 && first <= 122) return String.fromCharCode(first - 32) + text.slice(1);
  return text.replace(/\p{L}/u, (letter) => letter.toUpperCase());
}

/**
 * Whether a sentence reads back as itself: the splitter finds no boundary inside it and one
 * before it, and it is prose. Only such sentences are emitted, so that splitting an article
 * gives back exactly the sentences it was made of.
 */
function standsAlone(sentence: string): boolean {
  return OPENS.test(sentence) && isProse(sentence) && splitSentences(sentence).length === 1;
}

const order = new Int32Array(256);
const swapped = new Int32Array(256);

/**
 * One variant of sentence `index`: with probability SPLICE_RATE its first 35–65 % and the rest
 * of another sentence of the story from the same relative position, then words holding
 * SWAP_SHARE (or SPLICED_SWAP_SHARE) + `extraShare` of its letters swapped for words of the
 * same kind and about the same length from the story's vocabulary.
 */
function makeVariant(corpus: Corpus, story: Story, index: number, extraShare: number, random: () => number): Variant {
  // The variant's words: tokens [0, head) of this sentence, then [tail, end) of the partner's.
  const own = corpus.tokens[index]!;
  let partner = -1;
  let head = own.length;
  let other = own;
  let tail = own.length;
  let share = SWAP_SHARE + extraShare;
  if (story.count > 1 && random() < SPLICE_RATE) {
    partner = story.first + Math.floor(random() * (story.count - 1));
    if (partner >= index) partner++;
    other = corpus.tokens[partner]!;
    const cut = 0.35 + 0.3 * random();
    head = Math.max(1, Math.round(cut * own.length));
    tail = Math.max(1, Math.min(other.length - 1, Math.round(cut * other.length)));
    share = SPLICED_SWAP_SHARE + extraShare;
  }
  const n = Math.min(head + other.length - tail, swapped.length);
  const tokenAt = (at: number) => (at < head ? own[at]! : other[at - head + tail]!);
  // Words to swap: swappable ones in random order (a partial Fisher–Yates shuffle) until they
  // hold `share` of the key's letters; short sentences change more, as their variants would
  // otherwise meet more often.
  let letters = 0;
  let candidates = 0;
  for (let at = 0; at < n; at++) {
    const token = tokenAt(at);
    swapped[at] = -1;
    letters += token.key.length;
    if (token.swappable && token.key.length > 0) order[candidates++] = at;
  }
  const goal = (n <= SHORT_SENTENCE ? Math.max(share, SHORT_SWAP_SHARE) : share) * letters;
  let changed = 0;
  for (let k = 0; k < candidates && changed < goal; k++) {
    const pick = k + Math.floor(random() * (candidates - k));
    const at = order[pick]!;
    order[pick] = order[k]!;
    order[k] = at;
    const token = tokenAt(at);
    swapped[at] = pickWord(story.vocabulary[token.kind]!, token.core.length, random);
    if (swapped[at]! >= 0) changed += token.key.length;
  }
  let text = '';
  let key = '';
  let plain = true;
  for (let at = 0; at < n; at++) {
    const token = tokenAt(at);
    const pick = swapped[at]!;
    let word: string;
    if (pick < 0) {
      word = token.word;
      key += token.key;
      if (!token.plain) plain = false;
    } else {
      const vocabulary = story.vocabulary[token.kind]!;
      word = token.lead + vocabulary.words[pick]! + token.trail;
      key += vocabulary.keys[pick]!;
      if (vocabulary.plain[pick] === 0 || !token.plain) plain = false;
    }
    text = at === 0 ? capitalise(word) : `${text} ${word}`;
  }
  // The joined key parts are the key of plain text; otherwise NFKC could join across words.
  return { text, key: plain ? key : comparisonKey(text), words: n, partner };
}

interface Variant {
  text: string;
  key: string;
  words: number;
  /** The other sentence it was spliced with, or −1. */
  partner: number;
}

// ---------------------------------------------------------------------------------------------
// Articles.

const OUTLETS = [
  'The Harbor Ledger',
  'Northfield Courier',
  'Daily Meridian',
  'The Valley Sentinel',
  'Lakeside Gazette',
  'Metro Wire Service',
  'The Evening Lantern',
  'Pinecrest Tribune',
  'Coastal Observer',
  'The Granite Post',
  'Riverbend Herald',
  'National Dispatch',
  'The Morning Compass',
  'Summit County Record',
  'Westgate Press',
  'The Open Register',
];
const FIRST_NAMES = ['Alex', 'Jordan', 'Maria', 'Sam', 'Priya', 'Daniel', 'Grace', 'Tomás', 'Aisha', 'Lena', 'Marcus', 'Yuki', 'Owen', 'Nadia', 'Ruth', 'Felix'];
const LAST_NAMES = ['Carver', 'Okafor', 'Lindqvist', 'Moreau', 'Hale', 'Brennan', 'Castillo', 'Whitfield', 'Nakamura', 'Duarte', 'Pryce', 'Sato', 'Fenwick', 'Adeyemi', 'Marsh', 'Kowalski'];

/** Rates of page furniture lines per article. */
const HEADLINE_LINE_RATE = 0.12;
const BYLINE_RATE = 0.15;
const ADVERTISEMENT_RATE = 0.08;

/** Feed day: articles are published in order across two days from here. */
const FEED_START = Date.UTC(2026, 10, 21, 0, 0, 0);
const FEED_SECONDS = 2 * 24 * 3600;

/** A short headline from an article's first sentence: its first 6–11 words, no final punctuation. */
function headlineOf(sentence: string, random: () => number): string {
  const words = sentence.replace(/^["'“‘(]+/, '').split(' ');
  const take = Math.min(words.length, 6 + Math.floor(random() * 6));
  return capitalise(
    words
      .slice(0, take)
      .join(' ')
      .replace(/[^\p{L}\p{N}]+$/u, ''),
  );
}

/**
 * `count` articles, one at a time (streaming). Same count, same seed, same data → the same
 * bytes. Throws a clear error when the data file is missing.
 */
export function* feedDocuments(count: number, dataPath: string, options: FeedOptions = {}): Generator<FeedDocument> {
  const corpus = loadCorpus(dataPath);
  const random = prng((options.seed ?? DEFAULT_SEED) ^ Math.imul(count, 0x9e3779b1));
  const { stories } = corpus;
  // Stories are picked in proportion to their sentences: big clusters are the big stories of
  // the day, and each cluster sentence is used about as often as any other.
  const cumulative = new Float64Array(stories.length);
  let total = 0;
  stories.forEach((story, k) => (cumulative[k] = total += story.count));
  const uses = new Uint32Array(corpus.sentences.length);
  const emitted = new HashSet32();
  const width = String(Math.max(1, count - 1)).length;

  /** Whether `key` (its histogram in `histogram`) is within the threshold of sentence `index`: the histogram bound settles a fifth of these without Levenshtein. */
  const histogram = new Int16Array(HISTOGRAM_BINS);
  const near = (key: string, index: number): boolean => {
    const other = corpus.keys[index]!;
    if (histogramBound(histogram, 0, corpus.histograms, index * HISTOGRAM_BINS) > DUPLICATE_THRESHOLD * Math.max(key.length, other.length)) return false;
    return withinThreshold(key, other);
  };
  /**
   * The next use of sentence `index`: the sentence itself the first time, then variants that
   * stand alone, are beyond the threshold from the sentence(s) they were made of, and were
   * never emitted. Undefined when ATTEMPTS variants all fail (very short sentences).
   */
  const nextUse = (story: Story, index: number): { text: string; words: number } | undefined => {
    if (uses[index]!++ === 0 && emitted.add(hash32(corpus.keys[index]!))) return { text: corpus.sentences[index]!, words: corpus.tokens[index]!.length };
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const variant = makeVariant(corpus, story, index, 0.1 * attempt, random);
      if (!standsAlone(variant.text)) continue;
      histogram.fill(0);
      keyHistogram(variant.key, histogram);
      if (near(variant.key, index) || (variant.partner >= 0 && near(variant.key, variant.partner))) continue;
      if (emitted.add(hash32(variant.key))) return variant;
    }
    return undefined;
  };

  for (let n = 0; n < count; n++) {
    const pick = random() * total;
    let lo = 0;
    let hi = stories.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > pick) hi = mid;
      else lo = mid + 1;
    }
    const story = stories[lo]!;
    // As long as a real article: the length of a random val article of 150–1,500 words, and
    // no longer than one read through the cluster unless that is under 150 words. (Drawn from
    // data rather than a formula: no Math.exp or Math.log, whose last bits could differ
    // between engines.)
    const drawn = corpus.articleWords[Math.floor(random() * corpus.articleWords.length)]!;
    const targetWords = Math.min(drawn, Math.max(150, story.words));
    // Start at the top of one of the cluster's articles (usually) or anywhere, and read on.
    let index = random() < 0.7 ? story.documentStarts[Math.floor(random() * story.documentStarts.length)]! : story.first + Math.floor(random() * story.count);
    const paragraphs: string[][] = [];
    let paragraph: string[] = [];
    let words = 0;
    let maxInParagraph = 2 + Math.floor(random() * 3);
    for (let step = 0; words < targetWords && step < 4 * story.count + 200; step++) {
      const use = nextUse(story, index);
      if (use !== undefined) {
        if (paragraph.length > 0 && (corpus.paragraphStart[index] === 1 || paragraph.length >= maxInParagraph)) {
          paragraphs.push(paragraph);
          paragraph = [];
          maxInParagraph = 2 + Math.floor(random() * 3);
        }
        paragraph.push(use.text);
        words += use.words;
      }
      index = index + 1 < story.first + story.count ? index + 1 : story.first;
    }
    if (paragraph.length) paragraphs.push(paragraph);
    const lines = paragraphs.map((sentences) => sentences.join(' '));
    const title = headlineOf(paragraphs[0]?.[0] ?? story.id, random);
    const source = OUTLETS[Math.floor(random() * OUTLETS.length)]!;
    const top: string[] = [];
    if (random() < HEADLINE_LINE_RATE) top.push(title);
    if (random() < BYLINE_RATE) top.push(`By ${FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]} ${LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]}${random() < 0.5 ? `, ${source}` : ''}`);
    if (lines.length >= 4 && random() < ADVERTISEMENT_RATE) lines.splice(2 + Math.floor(random() * (lines.length - 3)), 0, 'Advertisement');
    // In order through two days, to the second.
    const publishedAt = new Date(FEED_START + Math.floor(((n + random()) / count) * FEED_SECONDS) * 1000).toISOString().replace('.000Z', 'Z');
    yield { id: `feed-${String(n).padStart(width, '0')}`, text: [...top, ...lines].join('\n\n'), story: story.id, title, source, publishedAt };
  }
}

/** `count` articles as an array (see `feedDocuments`). */
export function generateFeed(count: number, dataPath: string, options: FeedOptions = {}): FeedDocument[] {
  return [...feedDocuments(count, dataPath, options)];
}
