/**
 * How many sentences of a feed have a near-duplicate: another sentence (anywhere in the feed)
 * within the library's duplicate threshold, i.e. Levenshtein distance of the comparison keys
 * at most 0.3 × the longer key. Sentences are the prose sentences of bench/feed-text.ts's
 * splitter (furniture lines are left out); a sentence repeated verbatim has a neighbour at
 * distance 0.
 *
 * `nearDuplicateShare` estimates the share from a sample, since exact all-pairs is out of
 * reach at 100,000 articles (3 million sentences, 4.5 × 10¹² pairs):
 *   1. one pass over the feed draws a uniform sample of its sentences (reservoir sampling,
 *      seeded): the queries;
 *   2. an inverted index of the queries' rarest words (rarity: how many queries have the word;
 *      ties by hash): each query indexes its n − ⌈MIN_TERM_SHARE·n⌉ + 2 rarest distinct words;
 *   3. a second pass looks every sentence's words up in the index (words by 32-bit hash: a
 *      collision only adds a candidate). A query is a candidate when the sentence holds enough
 *      of its indexed words (see `hitsNeeded`); then it must share MIN_TERM_SHARE of the query's
 *      words, pass the length bound and the character-histogram lower bound on the distance,
 *      and is compared by exact Levenshtein (fast-levenshtein). A query stops at its first
 *      neighbour.
 * Step 2 is prefix filtering: a sentence sharing ⌈MIN_TERM_SHARE·n⌉ of a query's n words holds
 * at least two of its n − ⌈MIN_TERM_SHARE·n⌉ + 2 rarest, so requiring two hits loses nothing
 * and drops most sentences that share one rare word by chance. The one assumption, that a
 * neighbour shares MIN_TERM_SHARE of the query's words, is what makes the index miss a pair
 * at all; `exactNearDuplicateShare` compares every pair without it, and with every sentence
 * as a query the two must agree: `node bench/dist/feed-check.js --exact` and
 * test/feed.test.ts check that on generated feeds and on reprints with words dropped,
 * doubled and misspelt. What remains is sampling error, reported as a binomial standard error.
 */
import levenshtein from 'fast-levenshtein';
import { comparisonKey, DUPLICATE_THRESHOLD, gramsAllow, hash32, histogramBound, HISTOGRAM_BINS, keyGrams, keyHistogram, PLAIN, proseSentences, wordsOf } from './feed-text.js';
import { prng } from './generate.js';

/**
 * Share of a query's distinct words a neighbour is assumed to share. Checked against exact
 * all-pairs, with every sentence a query the counts were equal: the val file as a feed (1,456
 * of 19,200 sentences), generated feeds of 100 and 300 articles, the reprints of
 * test/feed.test.ts. A few pairs within the threshold share less (down to 0.2 of the larger
 * word set in the val file, through tokens like "co-founder" / "cofounder" and numbers), but
 * their sentences had another neighbour that shares more. 0.3 doubles the cost.
 */
export const MIN_TERM_SHARE = 0.4;

export interface NearDuplicateOptions {
  /** Sentences sampled (default 2,000); `Infinity`: every sentence is a query. */
  sample?: number;
  seed?: number;
  threshold?: number;
}

export interface NearDuplicateEstimate {
  /** Prose sentences in the feed. */
  sentences: number;
  /** Sentences sampled. */
  sample: number;
  /** Sampled sentences with a neighbour within the threshold. */
  withNeighbour: number;
  share: number;
  /** Binomial standard error of `share` (0 when every sentence is sampled). */
  standardError: number;
  /** Exact Levenshtein computations run. */
  comparisons: number;
}

/** Distinct words of a sentence. */
function distinctWords(sentence: string): string[] {
  return [...new Set(wordsOf(sentence))];
}

/**
 * Calls `visit(hash)` for each word of a sentence, the hash being `hash32` of the word as
 * `wordsOf` gives it; plain text is hashed as it is read, without making the words.
 */
function forEachWordHash(sentence: string, visit: (hash: number) => void): void {
  if (!PLAIN.test(sentence)) {
    for (const word of wordsOf(sentence)) visit(hash32(word));
    return;
  }
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i <= sentence.length; i++) {
    let c = i < sentence.length ? sentence.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      visit(h >>> 0);
      h = 0x811c9dc5;
      inWord = false;
    }
  }
}

/** Word ids by hash: open addressing over two Int32Arrays (−1: no such word). */
class WordIds {
  private readonly hashes: Int32Array;
  private readonly ids: Int32Array;
  private readonly mask: number;
  constructor(entries: [hash: number, id: number][]) {
    let size = 16;
    while (size < 2 * entries.length) size *= 2;
    this.hashes = new Int32Array(size);
    this.ids = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (const [hash, id] of entries) {
      let slot = hash & this.mask;
      while (this.ids[slot] !== -1) slot = (slot + 1) & this.mask;
      this.hashes[slot] = hash | 0;
      this.ids[slot] = id;
    }
  }
  get(hash: number): number {
    const h = hash | 0;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.ids[slot]!;
      if (id === -1 || this.hashes[slot] === h) return id;
    }
  }
}

export function nearDuplicateShare(documents: readonly { text: string }[], options: NearDuplicateOptions = {}): NearDuplicateEstimate {
  const size = options.sample ?? 2000;
  const threshold = options.threshold ?? DUPLICATE_THRESHOLD;
  const random = prng(options.seed ?? 1);

  // 1. Reservoir sample of the feed's prose sentences (position, text).
  const positions: number[] = [];
  const texts: string[] = [];
  let position = 0;
  for (const document of documents)
    for (const sentence of proseSentences(document.text)) {
      const slot = positions.length < size ? positions.length : Math.floor(random() * (position + 1));
      if (slot < size) {
        positions[slot] = position;
        texts[slot] = sentence;
      }
      position++;
    }
  const sentences = position;
  const queries = positions.length;

  // 2. Word ids by rarity among the queries; each query indexes its rarest words.
  const queryHashes = texts.map((text) => [...new Set(distinctWords(text).map(hash32))]);
  const frequency = new Map<number, number>();
  for (const hashes of queryHashes) for (const hash of hashes) frequency.set(hash, (frequency.get(hash) ?? 0) + 1);
  const byRarity = [...frequency.keys()].sort((a, b) => frequency.get(a)! - frequency.get(b)! || a - b);
  const wordIds = new WordIds(byRarity.map((hash, id) => [hash, id]));
  const lists: number[][] = byRarity.map(() => []);
  const idsOf: Int32Array[] = [];
  const hitsNeeded = new Int32Array(queries);
  const keys = texts.map(comparisonKey);
  const histograms = new Int16Array(queries * HISTOGRAM_BINS);
  queryHashes.forEach((hashes, q) => {
    const ids = Int32Array.from(hashes, (hash) => wordIds.get(hash)).sort();
    idsOf.push(ids);
    const shared = Math.ceil(MIN_TERM_SHARE * ids.length);
    const prefix = Math.min(ids.length, ids.length - shared + 2);
    for (let k = 0; k < prefix; k++) lists[ids[k]!]!.push(q);
    // A sentence sharing `shared` words misses at most ids.length − shared of the indexed ones.
    hitsNeeded[q] = Math.max(1, prefix - (ids.length - shared));
    keyHistogram(keys[q]!, histograms, q * HISTOGRAM_BINS);
  });

  // Posting lists, flat: the queries indexing word `id` are postings[postingStart[id] .. postingStart[id + 1]).
  const postingStart = new Int32Array(byRarity.length + 1);
  lists.forEach((list, id) => (postingStart[id + 1] = postingStart[id]! + list.length));
  const postings = Int32Array.from(lists.flat());

  // 3. Every sentence looks for the queries it could be a neighbour of.
  const found = new Uint8Array(queries);
  const seenBy = new Int32Array(queries).fill(-1);
  const hits = new Int32Array(queries);
  const positionOf = Int32Array.from(positions);
  /** `mark[id] === here`: the current sentence has word `id`. */
  const mark = new Int32Array(byRarity.length).fill(-1);
  const histogram = new Int16Array(HISTOGRAM_BINS);
  const candidates: number[] = [];
  let here = -1;
  const visit = (hash: number) => {
    const id = wordIds.get(hash);
    if (id < 0 || mark[id] === here) return;
    mark[id] = here;
    for (let p = postingStart[id]!, end = postingStart[id + 1]!; p < end; p++) {
      const q = postings[p]!;
      // A query becomes a candidate when the sentence holds as many of its indexed words as needed.
      const hit = seenBy[q] === here ? ++hits[q]! : found[q] === 0 && positionOf[q] !== here ? (seenBy[q] = here, (hits[q] = 1)) : 0;
      if (hit === hitsNeeded[q]) candidates.push(q);
    }
  };
  let comparisons = 0;
  for (const document of documents)
    for (const sentence of proseSentences(document.text)) {
      here++;
      candidates.length = 0;
      forEachWordHash(sentence, visit);
      let key: string | undefined;
      for (const q of candidates) {
        // Enough of the query's words in this sentence? (Stops once the rest could not make it.)
        const ids = idsOf[q]!;
        const needed = MIN_TERM_SHARE * ids.length;
        let have = 0;
        for (let k = 0; k < ids.length && have + ids.length - k >= needed; k++) if (mark[ids[k]!] === here) have++;
        if (have < needed) continue;
        if (key === undefined) {
          key = comparisonKey(sentence);
          histogram.fill(0);
          keyHistogram(key, histogram);
        }
        const queryKey = keys[q]!;
        const longer = Math.max(key.length, queryKey.length);
        if (Math.abs(key.length - queryKey.length) > threshold * longer) continue;
        if (histogramBound(histogram, 0, histograms, q * HISTOGRAM_BINS) > threshold * longer) continue;
        comparisons++;
        if (key === queryKey || levenshtein.get(key, queryKey) <= threshold * longer) found[q] = 1;
      }
    }
  const withNeighbour = found.reduce((sum, flag) => sum + flag, 0);
  const share = queries ? withNeighbour / queries : 0;
  const standardError = queries < sentences ? Math.sqrt((share * (1 - share)) / Math.max(1, queries)) : 0;
  return { sentences, sample: queries, withNeighbour, share, standardError, comparisons };
}

export interface ExactNearDuplicates {
  sentences: number;
  withNeighbour: number;
  share: number;
  /** Exact Levenshtein computations run. */
  comparisons: number;
  /** Of the pairs of distinct keys within the threshold, the smallest share of words the pair shares (over the larger of its two sets of distinct words); 1 when there is none. */
  minimumTermShare: number;
}

/**
 * The exact share, over all pairs: every pair of distinct keys whose lengths allow it is
 * tested (no blocking), with three lower bounds that cannot reject a pair within the threshold
 * (length difference, character histogram, bigrams) before exact Levenshtein. Quadratic: for
 * small feeds only.
 */
export function exactNearDuplicateShare(documents: readonly { text: string }[], threshold = DUPLICATE_THRESHOLD): ExactNearDuplicates {
  const occurrences = new Map<string, number>();
  const wordsByKey = new Map<string, string[]>();
  let sentences = 0;
  for (const document of documents)
    for (const sentence of proseSentences(document.text)) {
      const key = comparisonKey(sentence);
      occurrences.set(key, (occurrences.get(key) ?? 0) + 1);
      if (!wordsByKey.has(key)) wordsByKey.set(key, distinctWords(sentence));
      sentences++;
    }
  const keys = [...occurrences.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const histograms = new Int16Array(keys.length * HISTOGRAM_BINS);
  keys.forEach((key, k) => keyHistogram(key, histograms, k * HISTOGRAM_BINS));
  const bigrams = keys.map((key) => keyGrams(key, 2));
  const near = new Uint8Array(keys.length);
  let comparisons = 0;
  let minimumTermShare = 1;
  for (let a = 0; a < keys.length; a++) {
    const x = keys[a]!;
    for (let b = a + 1; b < keys.length; b++) {
      const y = keys[b]!;
      // Sorted by length: y is at least as long as x, and only longer ones follow.
      if (y.length - x.length > threshold * y.length) break;
      if (histogramBound(histograms, a * HISTOGRAM_BINS, histograms, b * HISTOGRAM_BINS) > threshold * y.length) continue;
      const limit = Math.floor(threshold * y.length);
      if (!gramsAllow(bigrams[a]!, bigrams[b]!, 2, limit)) continue;
      comparisons++;
      if (levenshtein.get(x, y) > threshold * y.length) continue;
      near[a] = 1;
      near[b] = 1;
      const wx = wordsByKey.get(x)!;
      const wy = new Set(wordsByKey.get(y)!);
      const common = wx.filter((word) => wy.has(word)).length;
      minimumTermShare = Math.min(minimumTermShare, common / Math.max(wx.length, wy.size));
    }
  }
  let withNeighbour = 0;
  keys.forEach((key, k) => {
    const count = occurrences.get(key)!;
    if (count > 1 || near[k]) withNeighbour += count;
  });
  return { sentences, withNeighbour, share: sentences ? withNeighbour / sentences : 0, comparisons, minimumTermShare };
}
