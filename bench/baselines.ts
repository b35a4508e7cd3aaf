/**
 * The systems chorus-summary is compared with: lead, a seeded random baseline, a
 * support-weighted centroid, and two npm summarisers (lexrank@1.0.5, ts-textrank@1.0.3) run
 * the way the data README describes; and the excerpt cutter that makes the second shape.
 */
import { createRequire } from 'node:module';
import { contentWords } from './readability.js';

const require = createRequire(import.meta.url);

export interface ClusterDocument {
  id: string;
  text: string;
}

export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** A simple regular-expression sentence splitter: after . ! ? and at line breaks. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?]["'”’)]?)\s+/)
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * Where an excerpt may end: a line break, or final punctuation before a capitalised word,
 * except after an initial ("Donald J. Trump", "U.S. Navy") or a title or month that takes a
 * full stop: an excerpt never ends in the middle of a sentence.
 */
const EXCERPT_ENDS =
  /(?<!(?:^|[\s.(])(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Inc|Co|Corp|Ltd|No|vs|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Ave|Mt|Ft)\.)(?<=[.!?]["'”’)]?)\s+(?=["“‘'(]?[A-Z0-9])|\s*\n\s*/g;

/**
 * The excerpt shape: a document cut to its first sentences, at the sentence end (or line
 * break) nearest `words` words, the shorter on a tie, never to nothing. A prefix of the
 * original text, so its lines and layout stay as they were.
 */
export function excerpt(text: string, words = 60): string {
  let previous: { cut: number; words: number } | undefined;
  const ends = EXCERPT_ENDS;
  ends.lastIndex = 0;
  for (let match = ends.exec(text); ; match = ends.exec(text)) {
    const cut = match ? match.index : text.length;
    const count = wordCount(text.slice(0, cut));
    if (count > 0 && count >= words) return previous && words - previous.words <= count - words ? text.slice(0, previous.cut) : text.slice(0, cut);
    if (count > 0) previous = { cut, words: count };
    if (!match) return text;
  }
}

/** Sentences in order until `words` is reached. */
function takeUntil(sentences: Iterable<string>, words: number): string[] {
  const taken: string[] = [];
  let total = 0;
  for (const sentence of sentences) {
    if (total >= words) break;
    taken.push(sentence);
    total += wordCount(sentence);
  }
  return taken;
}

/** Lead: the sentences of document 1 in order, then document 2, and so on. */
export function leadSummary(documents: readonly ClusterDocument[], words: number): string[] {
  return takeUntil(
    documents.flatMap((document) => splitSentences(document.text)),
    words,
  );
}

/** A deterministic PRNG (mulberry32) seeded from the cluster id. */
function prng(seedText: string): () => number {
  let seed = 0;
  for (let i = 0; i < seedText.length; i++) seed = (Math.imul(seed, 31) + seedText.charCodeAt(i)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random: all sentences shuffled with a seed from the cluster id, taken until `words`. */
export function randomSummary(clusterId: string, documents: readonly ClusterDocument[], words: number): string[] {
  const sentences = documents.flatMap((document) => splitSentences(document.text));
  const random = prng(clusterId);
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [sentences[i], sentences[j]] = [sentences[j]!, sentences[i]!];
  }
  return takeUntil(sentences, words);
}

/**
 * Support-weighted centroid: each sentence's stemmed content words against a centroid in which
 * a word weighs the number of documents that use it; sentences by cosine with it, taken
 * greedily, skipping one whose cosine with a taken sentence is 0.5 or more, until `words`.
 */
export function centroidSummary(documents: readonly ClusterDocument[], words: number): string[] {
  const centroid = new Map<string, number>();
  const sentences = documents.flatMap((document) => {
    const split = splitSentences(document.text).map((text) => ({ text, words: contentWords(text) }));
    for (const word of new Set(split.flatMap((sentence) => [...sentence.words]))) centroid.set(word, (centroid.get(word) ?? 0) + 1);
    return split;
  });
  const centroidNorm = Math.sqrt([...centroid.values()].reduce((sum, weight) => sum + weight * weight, 0));
  const cosine = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
    let shared = 0;
    for (const word of a) if (b.has(word)) shared++;
    return a.size && b.size ? shared / Math.sqrt(a.size * b.size) : 0;
  };
  const scored = sentences
    .map((sentence, position) => {
      const dot = [...sentence.words].reduce((sum, word) => sum + centroid.get(word)!, 0);
      return { ...sentence, position, score: dot / (Math.sqrt(sentence.words.size) * centroidNorm || 1) };
    })
    .sort((a, b) => b.score - a.score || a.position - b.position);
  const taken: typeof scored = [];
  let total = 0;
  for (const sentence of scored) {
    if (total >= words) break;
    if (taken.some((other) => cosine(sentence.words, other.words) >= 0.5)) continue;
    taken.push(sentence);
    total += wordCount(sentence.text);
  }
  return taken.map((sentence) => sentence.text);
}

/**
 * The smallest number of top-ranked sentences whose words reach `words`, in text order: what
 * a peer returns when asked for k sentences, for the least k that reaches the budget.
 */
function smallestReaching(ranked: { text: string; position: number }[], words: number): string[] {
  let total = 0;
  let k = 0;
  while (k < ranked.length && total < words) total += wordCount(ranked[k++]!.text);
  return ranked
    .slice(0, k)
    .sort((a, b) => a.position - b.position)
    .map((sentence) => sentence.text.replace(/\s+/g, ' ').trim());
}

const joined = (documents: readonly ClusterDocument[]) => documents.map((document) => document.text).join('\n\n');

/** lexrank@1.0.5: its summarize(text, lines, callback) ranks every sentence; ties keep text order. */
export function lexrankSummary(documents: readonly ClusterDocument[], words: number): string[] {
  const lexrank = require('lexrank') as {
    summarize(text: string, lines: number, callback: (error: unknown, top: { weight: number; text: string; index: number }[]) => void): void;
  };
  let ranked: { text: string; position: number }[] = [];
  lexrank.summarize(joined(documents), Number.MAX_SAFE_INTEGER, (error, top) => {
    if (error) throw error;
    ranked = [...top]
      .sort((a, b) => b.weight - a.weight || a.index - b.index)
      .map((sentence) => ({ text: sentence.text, position: sentence.index }));
  });
  return smallestReaching(ranked, words);
}

/** ts-textrank@1.0.3 with its defaults (Sørensen–Dice similarity, damping 0.85). */
export function textrankSummary(documents: readonly ClusterDocument[], words: number): string[] {
  const textrank = require('ts-textrank') as {
    SorensenDiceSimilarity: new () => unknown;
    DefaultTextParser: new () => unknown;
    NullLogger: new () => unknown;
    AbsoluteSummarizerConfig: new (count: number, similarity: unknown, parser: unknown, damping: number, sort: number) => unknown;
    Summarizer: { new (config: unknown, logger: unknown): { summarize(text: string, language: string): string[]; text: { sentences: { raw: string; score: number; position: number }[] } }; SORT_SCORE: number };
  };
  const config = new textrank.AbsoluteSummarizerConfig(
    Number.MAX_SAFE_INTEGER,
    new textrank.SorensenDiceSimilarity(),
    new textrank.DefaultTextParser(),
    0.85,
    textrank.Summarizer.SORT_SCORE,
  );
  const summarizer = new textrank.Summarizer(config, new textrank.NullLogger());
  summarizer.summarize(joined(documents), 'en');
  // After summarize() its sentences are sorted by score (a stable sort: ties keep text order).
  const ranked = summarizer.text.sentences.map((sentence) => ({ text: sentence.raw, position: sentence.position }));
  return smallestReaching(ranked, words);
}
