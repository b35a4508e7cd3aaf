import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect } from 'vitest';
import { analyse } from '../src/analyse.js';
import { dedupe } from '../src/dedupe/index.js';
import { createCaches } from '../src/caches.js';
import type { Analysis, StringTable } from '../src/model.js';
import type { Settings } from '../src/options.js';
import { runSync } from '../src/schedule.js';
import { segment } from '../src/segment/index.js';
import { stringAt } from '../src/string-table.js';
import { resolveInput } from '../src/validate.js';
import type { SourceDocument, Summary, SummarizeOptions, SummarySentence } from '../src/index.js';

/** Sentence i's comparison key ('' for a sentence without one: non-prose). */
export function keyOf(analysis: Pick<Analysis, 'keyId' | 'keys'>, i: number): string {
  const id = analysis.keyId[i]!;
  return id < 0 ? '' : stringAt(analysis.keys, id);
}

/** Every string of a table, in id order. */
export function stringsOf(table: StringTable): string[] {
  return Array.from({ length: table.count }, (_, id) => stringAt(table, id));
}

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

/** What `support` must be: the distinct documents of the sources, or of those giving variant 0 when the sources disagree. */
export function expectedSupport(sentence: SummarySentence): number {
  const disputed = sentence.sources.some((span) => span.variant !== undefined);
  return new Set(sentence.sources.filter((span) => !disputed || span.variant === 0).map((span) => span.documentId)).size;
}

/** The settings the stages receive for these options (defaults for the rest). */
export function settingsWith(options: Omit<SummarizeOptions, 'signal'> = {}): Settings {
  return resolveInput([], options, false).settings;
}

/** Stage 1 on documents already in canonical order. */
export function segmentOf(documents: readonly SourceDocument[], options: Omit<SummarizeOptions, 'signal'> = {}) {
  return runSync(segment(documents, settingsWith(options), createCaches()));
}

/** Stages 1–2 on documents already in canonical order. */
export function analysisOf(documents: readonly SourceDocument[], options: Omit<SummarizeOptions, 'signal'> = {}) {
  const settings = settingsWith(options);
  const caches = createCaches();
  const segments = runSync(segment(documents, settings, caches));
  const analysis = runSync(analyse(segments, documents.map((document) => document.text), settings, caches));
  return { segments, analysis };
}

/** Stages 1–3 on documents already in canonical order. */
export function groupsOf(documents: readonly SourceDocument[], threshold = 0.3) {
  const { segments, analysis } = analysisOf(documents, { duplicateThreshold: threshold });
  const groups = runSync(dedupe(segments, analysis, { duplicateThreshold: threshold }));
  return { segments, analysis, groups };
}

/** Text of sentence i. */
export function sentenceText(documents: readonly SourceDocument[], segments: { doc: Int32Array; start: Int32Array; end: Int32Array }, i: number): string {
  return documents[segments.doc[i]!]!.text.slice(segments.start[i]!, segments.end[i]!);
}

/**
 * Small generated inputs for property tests: up to `outlets` documents, each up to `sentences`
 * whole sentences of the example articles (six words or more, ending as a sentence), drawn with
 * repeats, so some facts are carried by several outlets.
 */
export function exampleOutlets(sentences: number, outlets: number): fc.Arbitrary<SourceDocument[]> {
  const pool = loadExamples()
    .flatMap((document) => document.text.split(/(?<=[.!?])\s+/))
    .filter((sentence) => sentence.split(' ').length >= 6 && /[.!?]$/.test(sentence));
  return fc
    .array(fc.array(fc.nat({ max: pool.length - 1 }), { minLength: 1, maxLength: sentences }), { minLength: 1, maxLength: outlets })
    .map((chosen) => chosen.map((picks, o) => ({ id: `d${o}`, text: picks.map((k) => pool[k]).join(' ') })));
}
