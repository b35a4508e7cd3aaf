/**
 * What the report shows, read from a `Summary` or a `Digest` and the documents: one unit per
 * summary (a digest's story, or the one summary), with its articles numbered as the other
 * renderers number them (cited documents in order of first citation, then the rest), and
 * every passage to mark in each article, keyed so that a sentence button can name its own.
 *
 * Everything is read as own properties and checked, as the renderers do: a summary may come
 * from a file or another version. A span whose offsets do not give its text in the document
 * passed (the wrong documents, or an edited text) is not marked: the report marks only what
 * `text.slice(start, end)` says, and counts the rest as not found.
 */
import { own } from '../../own.js';
import type { DocumentReport, SourceSpan, Story, Summary } from '../../types.js';
import { citations, ownString } from '../citations.js';
import type { Mark } from './marks.js';

export interface Article {
  id: string;
  /** Position in the `documents` passed, or -1 when the report was given no such document. */
  index: number;
  text?: string;
  title?: string;
  url?: string;
  source?: string;
  publishedAt?: string;
}

export interface Unit {
  summary?: Summary;
  story?: Story;
  /** The unit's articles, in display order; `numberOf` gives each its number (1-based). */
  articles: Article[];
  numberOf: Map<string, number>;
  reports: Map<string, DocumentReport>;
  marks: Map<string, Mark[]>;
  /** Per sentence: the key of each source span (-1 when not found), then its versions' keys. */
  sourceKeys: number[][];
  versionKeys: number[][];
  /** Spans whose offsets do not give their text in the document passed. */
  notFound: number;
}

/**
 * Most passages one sentence marks (sources, then versions' passages). A fact repeated on
 * 100,000 lines of one log would otherwise put 100,000 elements in the page and in its panel;
 * past this the panel counts them instead, as the other renderers count citations.
 */
export const MAX_PASSAGES = 500;

export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
const int = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) ? value : -1);

/** The documents passed, by id: own properties, a `Date` as its ISO string. */
export function articlesById(documents: readonly unknown[]): Map<string, Article> {
  const byId = new Map<string, Article>();
  documents.forEach((document, index) => {
    if (!isObject(document)) return;
    const id = own(document, 'id');
    if (typeof id !== 'string' || byId.has(id)) return;
    const article: Article = { id, index };
    for (const key of ['text', 'title', 'url', 'source'] as const) {
      const value = own(document, key);
      if (typeof value === 'string') article[key] = value;
    }
    const published = own(document, 'publishedAt');
    if (typeof published === 'string') article.publishedAt = published;
    else if (published instanceof Date && !Number.isNaN(published.getTime())) article.publishedAt = published.toISOString();
    byId.set(id, article);
  });
  return byId;
}

/** Hands out keys across the whole report; the same passage of the same article in one unit keeps one key. */
export class Keys {
  private next = 0;
  take(): number {
    return this.next++;
  }
}

export function buildUnit(summary: Summary | undefined, story: Story | undefined, ids: readonly string[], byId: Map<string, Article>, keys: Keys): Unit {
  const reports = new Map<string, DocumentReport>();
  for (const report of list(summary && own(summary, 'documents'))) if (isObject(report) && typeof own(report, 'id') === 'string') reports.set((report as DocumentReport).id, report as DocumentReport);
  const numberOf = summary ? citations(summary, { maxCitations: Infinity }).numberOf : new Map<string, number>();
  for (const id of [...ids, ...reports.keys()]) if (!numberOf.has(id)) numberOf.set(id, numberOf.size + 1);
  const articles = [...numberOf.keys()].map((id) => {
    const article: Article = { ...(byId.get(id) ?? { id, index: -1 }) };
    // The summary's report carries the metadata as summarised; the document passed fills gaps.
    const report = reports.get(id);
    if (report) for (const key of ['title', 'url', 'source', 'publishedAt'] as const) article[key] = ownString(report, key) ?? article[key];
    return article;
  });
  const unit: Unit = { articles, numberOf, reports, marks: new Map(), sourceKeys: [], versionKeys: [], notFound: 0 };
  if (summary) unit.summary = summary;
  if (story) unit.story = story;
  const seen = new Map<string, number>();
  const mark = (documentId: string, start: number, end: number, className: string, expected?: unknown): number => {
    const text = byId.get(documentId)?.text;
    const fits = text !== undefined && start >= 0 && start < end && end <= text.length && (expected === undefined || text.slice(start, end) === expected);
    if (!fits) {
      unit.notFound++;
      return -1;
    }
    const name = `${documentId}\u0000${start}\u0000${end}\u0000${className}`;
    let key = seen.get(name);
    if (key === undefined) {
      key = keys.take();
      seen.set(name, key);
      const marks = unit.marks.get(documentId) ?? [];
      marks.push({ start, end, className, key });
      unit.marks.set(documentId, marks);
    }
    return key;
  };
  for (const article of articles) {
    const report = reports.get(article.id);
    const text = article.text;
    if (text === undefined) continue;
    const spans = list(report && own(report, 'skippedSpans'))
      .filter(isObject)
      .map((span) => ({ start: int(own(span, 'start')), end: int(own(span, 'end')) }))
      .sort((a, b) => a.start - b.start);
    // Furniture that follows furniture with only white space between is one dimmed passage:
    // 300,000 skipped "." in a row are one element, not 300,000.
    const marks: Mark[] = [];
    for (const { start, end } of spans) {
      const last = marks[marks.length - 1];
      if (last && start >= last.end && !/\S/.test(text.slice(last.end, start))) last.end = Math.max(last.end, end);
      else marks.push({ start, end, className: 'f', key: -1 });
    }
    if (marks.length > 0) unit.marks.set(article.id, marks);
  }
  const sentences = summary ? list(own(summary, 'sentences')) : [];
  sentences.forEach((sentence, s) => {
    const sources = isObject(sentence) ? list(own(sentence, 'sources')) : [];
    unit.sourceKeys.push(
      sources.slice(0, MAX_PASSAGES).map((span) => {
        if (!isObject(span)) return -1;
        const { documentId, start, end, text } = span as SourceSpan;
        return typeof documentId === 'string' ? mark(documentId, int(start), int(end), 's', typeof text === 'string' ? text : null) : -1;
      }),
    );
    const versions: number[] = [];
    for (const conflict of conflictsOf(summary!, s))
      list(own(conflict, 'variants')).forEach((variant, v) => {
        for (const span of isObject(variant) ? list(own(variant, 'spans')) : []) {
          const documentId = isObject(span) ? own(span, 'documentId') : undefined;
          if (typeof documentId === 'string' && versions.length < MAX_PASSAGES) versions.push(mark(documentId, int(own(span as object, 'start')), int(own(span as object, 'end')), `v v${v % 4}`));
        }
      });
    unit.versionKeys.push(versions);
  });
  return unit;
}

/** The conflicts about summary sentence `s`, in `Summary.conflicts` order. */
export function conflictsOf(summary: Summary, s: number): object[] {
  return list(own(summary, 'conflicts')).filter((conflict): conflict is object => isObject(conflict) && own(conflict, 'sentence') === s);
}
