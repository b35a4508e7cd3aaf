/**
 * Citation numbering shared by the renderers: documents are numbered 1, 2, … in the order
 * the summary first cites them; each sentence cites every document among its sources, in
 * ascending number order (the representative is `sources[0]` in the JSON).
 */
import { own } from '../own.js';
import type { DocumentReport, Summary } from '../types.js';

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
  /** The cited documents, index = number − 1. */
  sources: DocumentReport[];
}

export function citations(summary: Summary): Citations {
  const reportById = new Map(summary.documents.map((report) => [report.id, report]));
  const numberOf = new Map<string, number>();
  const sources: DocumentReport[] = [];
  const bySentence = summary.sentences.map((sentence) => {
    const numbers: number[] = [];
    const cited = new Set<number>(); // a fact reprinted by thousands of outlets: no quadratic includes()
    for (const span of sentence.sources) {
      let number = numberOf.get(span.documentId);
      if (number === undefined) {
        number = sources.length + 1;
        numberOf.set(span.documentId, number);
        sources.push(reportById.get(span.documentId) ?? { id: span.documentId, sentences: 0, skipped: 0, contributed: 0 });
      }
      if (!cited.has(number)) {
        cited.add(number);
        numbers.push(number);
      }
    }
    return numbers.sort((a, b) => a - b);
  });
  return { bySentence, sources };
}
