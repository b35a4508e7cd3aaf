/**
 * Citation numbering shared by the renderers: documents are numbered 1, 2, … in the order
 * the summary first cites them; each sentence cites the documents among its sources, in
 * ascending number order (the representative is `sources[0]` in the JSON). A fact reprinted
 * by thousands of outlets would carry thousands of markers: a sentence cites at most
 * `maxCitations` documents (its representative's first, then in source order) and says how
 * many more there are; the `Summary` itself keeps every source.
 */
import { ChorusError } from '../errors.js';
import { issue } from '../issue.js';
import { own } from '../own.js';
import type { DocumentReport, Summary } from '../types.js';

/** Documents cited per sentence by default. */
export const DEFAULT_MAX_CITATIONS = 10;

/** The renderers' shared option. */
export interface CitationOptions {
  /** Most documents cited after one sentence; the rest are counted ("and 2,391 more"). `Infinity` cites all. @default 10 */
  maxCitations?: number;
}

/**
 * A report's `title`, `url` or `source`, or an option's value: own properties only, so a
 * summary built elsewhere or a polluted `Object.prototype` adds no title, link or setting.
 */
export function ownString(object: object, key: string): string | undefined {
  const value = own(object, key);
  return typeof value === 'string' ? value : undefined;
}

export interface Citations {
  /** Per summary sentence, the citation numbers in order. */
  bySentence: number[][];
  /** Per summary sentence, how many more documents carried it than are cited. */
  more: number[];
  /** The cited documents, index = number − 1. */
  sources: DocumentReport[];
  /** A cited document's number, by id (the marks of sources that disagree name documents by it). */
  numberOf: Map<string, number>;
}

/** `options.maxCitations`, checked: an integer ≥ 1, or Infinity. */
function maxCitationsOf(options: object): number {
  const value = own(options, 'maxCitations');
  if (value === undefined) return DEFAULT_MAX_CITATIONS;
  if (typeof value === 'number' && value >= 1 && (Number.isInteger(value) || value === Infinity)) return value;
  const expected = 'an integer ≥ 1, or Infinity';
  throw new ChorusError([issue({ code: 'INVALID_OPTION', path: ['options', 'maxCitations'], problem: `option maxCitations must be ${expected}`, received: value, fix: `Give such a value, or leave it out for the default (${DEFAULT_MAX_CITATIONS}).`, expected })]);
}

export function citations(summary: Summary, options: object = {}): Citations {
  const max = maxCitationsOf(options);
  const reportById = new Map(summary.documents.map((report) => [report.id, report]));
  const numberOf = new Map<string, number>();
  const sources: DocumentReport[] = [];
  const more: number[] = [];
  const bySentence = summary.sentences.map((sentence) => {
    const numbers: number[] = [];
    const carried = new Set<string>(); // a fact reprinted by thousands of outlets: no quadratic includes()
    for (const span of sentence.sources) {
      if (carried.has(span.documentId)) continue;
      carried.add(span.documentId);
      if (numbers.length === max) continue;
      let number = numberOf.get(span.documentId);
      if (number === undefined) {
        number = sources.length + 1;
        numberOf.set(span.documentId, number);
        sources.push(reportById.get(span.documentId) ?? { id: span.documentId, sentences: 0, skipped: 0, contributed: 0 });
      }
      numbers.push(number);
    }
    more.push(carried.size - numbers.length);
    return numbers.sort((a, b) => a - b);
  });
  return { bySentence, more, sources, numberOf };
}

/** "and 2,391 more", or '' when every document is cited. */
export const andMore = (count: number): string => (count > 0 ? `and ${count.toLocaleString('en-US')} more` : '');
