/**
 * Digests for the report tests, built by hand in the shape src/types.ts fixes (`digest()` is
 * written elsewhere): each story's summary is `summarizeSync` of its documents, as digest()
 * promises. The headline is the first sentence of its summary and the key terms are the
 * summary's longest words: labels only, the report shows what it is given.
 */
import { fileURLToPath } from 'node:url';
import { generateCluster } from '../bench/generate.js';
import { summarizeSync, type Digest, type SourceDocument, type Story } from '../src/index.js';

export function digestOf(groups: SourceDocument[][], options: { sentences?: number } = {}): Digest {
  const stories: Story[] = groups.map((documents) => {
    const summary = summarizeSync(documents, options.sentences ? { sentences: options.sentences } : {});
    const words = summary.sentences.flatMap((sentence) => sentence.text.match(/\p{L}{7,}/gu) ?? []);
    const ids = documents.map((document) => document.id).sort();
    return {
      id: ids[0]!,
      documentIds: ids,
      headline: summary.sentences[0]?.text.split(/[,.]/)[0] ?? ids[0]!,
      keyTerms: [...new Set(words)].slice(0, 6),
      sources: new Set(documents.map((document, i) => document.source ?? `#${i}`)).size,
      summary,
    };
  });
  const count = groups.reduce((sum, documents) => sum + documents.length, 0);
  return { stories, unassigned: [], warnings: [], stats: { documents: count, stories: stories.length, unassigned: 0 } };
}

/** `stories` stories of `each` generated articles (about 5 KB each), ids unique across the feed. */
export function generatedFeed(stories: number, each: number): SourceDocument[][] {
  const root = fileURLToPath(new URL('..', import.meta.url));
  return Array.from({ length: stories }, (_, s) =>
    generateCluster(each, root, 1000 + s).map((document, i) => ({ ...document, id: `story-${String(s).padStart(3, '0')}/${document.id}`, title: `Outlet ${i} on story ${s}`, source: `Outlet ${i}`, url: `https://example.com/${s}/${i}` })),
  );
}
