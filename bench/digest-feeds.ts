/**
 * Feeds for the grouping benchmark, built at bench time from the Multi-News val clusters
 * (research-only: read here, never copied into the repository).
 *
 * - The val feed: every document of every cluster, shuffled into one feed; a document's story is
 *   its cluster, except page furniture: a text found verbatim in two or more clusters (archive and
 *   embed notices) belongs to no story.
 * - The short-text emulation (like the public title-and-snippet sets): per document a pseudo-title
 *   (the first line if at most 15 words, else its first 10 words) and a snippet of the next 25
 *   words, lower-cased, accents and punctuation removed; given as one string, or as `title` + text.
 */
import { readFileSync } from 'node:fs';
import type { SourceDocument } from 'chorus-summary';

export interface Cluster {
  id: string;
  documents: { id: string; text: string }[];
}

export interface LabelledFeed {
  documents: SourceDocument[];
  /** Story of each document id; null for page furniture (no story). */
  gold: Map<string, string | null>;
}

export function loadClusters(path: string): Cluster[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Cluster);
}

/** 32-bit FNV-1a. */
export function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A deterministic shuffle: by the hash of seed and id. */
export function shuffle<T extends { id: string }>(items: readonly T[], seed: string): T[] {
  return items
    .map((item) => [fnv(`${seed}|${item.id}`), item] as const)
    .sort((x, y) => x[0] - y[0] || (x[1].id < y[1].id ? -1 : 1))
    .map(([, item]) => item);
}

export function valFeed(clusters: readonly Cluster[], seed = 'feed-1'): LabelledFeed {
  const clustersOfText = new Map<string, Set<string>>();
  for (const cluster of clusters)
    for (const document of cluster.documents) {
      const key = document.text.trim();
      const set = clustersOfText.get(key) ?? new Set<string>();
      set.add(cluster.id);
      clustersOfText.set(key, set);
    }
  const documents: SourceDocument[] = [];
  const gold = new Map<string, string | null>();
  for (const cluster of clusters)
    for (const document of cluster.documents) {
      documents.push({ id: document.id, text: document.text });
      gold.set(document.id, clustersOfText.get(document.text.trim())!.size >= 2 ? null : cluster.id);
    }
  return { documents: shuffle(documents, seed), gold };
}

const clean = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Pseudo-title and snippet of a document's text, lower-cased without punctuation. */
export function titleAndSnippet(text: string): { title: string; snippet: string } {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const words = (lines[0] ?? '').split(/\s+/);
  const short = words.length <= 15;
  const title = short ? lines[0] ?? '' : words.slice(0, 10).join(' ');
  const rest = (short ? lines.slice(1) : [words.slice(10).join(' '), ...lines.slice(1)]).join(' ');
  return { title: clean(title), snippet: clean(rest.split(/\s+/).filter(Boolean).slice(0, 25).join(' ')) };
}

export function shortFeed(feed: LabelledFeed, titleField: boolean): LabelledFeed {
  return {
    gold: feed.gold,
    documents: feed.documents.map((document) => {
      const { title, snippet } = titleAndSnippet(document.text);
      return titleField ? { id: document.id, title, text: snippet } : { id: document.id, text: `${title} ${snippet}`.trim() };
    }),
  };
}

/**
 * A stress feed of big stories of short items (the public title-and-snippet set has about 72 items
 * a story; the val feed 2.8): each of the first `perDocument` paragraphs of at least 15 words of
 * every document becomes one item, its first 30 words lower-cased without punctuation, labelled
 * with the document's story. Harder than real titles and snippets: a seventh paragraph need not
 * name the event.
 */
export function denseShortFeed(feed: LabelledFeed, perDocument = 10): LabelledFeed {
  const documents: SourceDocument[] = [];
  const gold = new Map<string, string | null>();
  for (const document of feed.documents) {
    const paragraphs = document.text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.split(/\s+/).length >= 15)
      .slice(0, perDocument);
    paragraphs.forEach((paragraph, k) => {
      const id = `${document.id}-p${k}`;
      documents.push({ id, text: clean(paragraph).split(' ').slice(0, 30).join(' ') });
      gold.set(id, feed.gold.get(document.id) ?? null);
    });
  }
  return { documents: shuffle(documents, 'dense-1'), gold };
}
