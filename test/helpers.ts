import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { eng } from 'stopword';
import { analyse } from '../src/analyse.js';
import { dedupe } from '../src/dedupe.js';
import { runSync } from '../src/schedule.js';
import { segment } from '../src/segment.js';
import type { SourceDocument, Summary } from '../src/index.js';

export const ARTICLES_DIR = fileURLToPath(new URL('../examples/articles/', import.meta.url));

/** The five example articles, id = file name. */
export function loadExamples(): SourceDocument[] {
  return readdirSync(ARTICLES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ id: name, text: readFileSync(ARTICLES_DIR + name, 'utf8') }));
}

/** Every span of every sentence slices back to its text; representative first, text equal. */
export function expectExactProvenance(summary: Summary, documents: readonly SourceDocument[]): void {
  const byId = new Map(documents.map((document) => [document.id, document]));
  for (const sentence of summary.sentences) {
    expect(sentence.sources.length).toBeGreaterThan(0);
    expect(sentence.text).toBe(sentence.sources[0]!.text);
    expect(sentence.sources[0]!.distance).toBe(0);
    for (const span of sentence.sources) {
      const document = byId.get(span.documentId);
      expect(document, `unknown document ${span.documentId}`).toBeDefined();
      expect(document!.text.slice(span.start, span.end)).toBe(span.text);
      expect(span.start).toBeLessThan(span.end);
    }
  }
}

/** Stages 1–3 on documents already in canonical order. */
export function groupsOf(documents: readonly SourceDocument[], threshold = 0.3) {
  const segments = runSync(segment(documents, 2000));
  const analysis = runSync(analyse(segments, documents.map((document) => document.text), { stopwords: new Set(eng), stem: true }));
  const groups = runSync(dedupe(segments, analysis, threshold));
  return { segments, analysis, groups };
}

/** Text of sentence i. */
export function sentenceText(documents: readonly SourceDocument[], segments: { doc: Int32Array; start: Int32Array; end: Int32Array }, i: number): string {
  return documents[segments.doc[i]!]!.text.slice(segments.start[i]!, segments.end[i]!);
}
