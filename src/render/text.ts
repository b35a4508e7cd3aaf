import type { Summary } from '../types.js';
import { citations, oneLine } from './citations.js';

export interface TextOptions {
  /** Numbered citations after each sentence and a source list at the end. @default true */
  citations?: boolean;
}

/**
 * The summary as plain text: one paragraph, each sentence followed by its citation numbers
 * in brackets, then the numbered sources. With `{ citations: false }`, the sentences alone.
 */
export function toText(summary: Summary, options: TextOptions = {}): string {
  if (summary.sentences.length === 0) return '';
  if (options.citations === false) return `${summary.sentences.map((sentence) => oneLine(sentence.text)).join(' ')}\n`;
  const { bySentence, sources } = citations(summary);
  const paragraph = summary.sentences.map((sentence, s) => `${oneLine(sentence.text)} [${bySentence[s]!.join(', ')}]`).join(' ');
  const list = sources.map((report, i) => {
    const parts = [oneLine(report.title ?? report.id)];
    if (report.source) parts.push(oneLine(report.source));
    if (report.url) parts.push(report.url);
    if (report.title) parts.push(`(${report.id})`);
    return `[${i + 1}] ${parts.join(' — ')}`;
  });
  return `${paragraph}\n\nSources:\n${list.join('\n')}\n`;
}
