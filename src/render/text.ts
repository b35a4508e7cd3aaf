import type { Summary } from '../types.js';
import { own } from '../own.js';
import { andMore, citations, ownString, type CitationOptions } from './citations.js';
import { safeUrl, singleLine } from './safe.js';

export interface TextOptions extends CitationOptions {
  /** Numbered citations after each sentence and a source list at the end. @default true */
  citations?: boolean;
}

/**
 * The summary as plain text: one paragraph, each sentence followed by its citation numbers
 * in brackets (at most `maxCitations`, then "and N more"), then the numbered sources. With `{ citations: false }`, the sentences alone.
 */
export function toText(summary: Summary, options: TextOptions = {}): string {
  if (summary.sentences.length === 0) return '';
  if (own(options, 'citations') === false) return `${summary.sentences.map((sentence) => singleLine(sentence.text)).join(' ')}\n`;
  const { bySentence, more, sources } = citations(summary, options);
  const paragraph = summary.sentences.map((sentence, s) => `${singleLine(sentence.text)} [${[bySentence[s]!.join(', '), andMore(more[s]!)].filter(Boolean).join(' ')}]`).join(' ');
  const list = sources.map((report, i) => {
    // A title of control characters alone would leave the line nameless: the id stands in.
    const title = singleLine(ownString(report, 'title') ?? '');
    const id = singleLine(report.id);
    const parts = [title || id];
    const source = singleLine(ownString(report, 'source') ?? '');
    if (source) parts.push(source);
    const url = safeUrl(ownString(report, 'url'));
    if (url) parts.push(url);
    if (title) parts.push(`(${id})`);
    return `[${i + 1}] ${parts.join(' — ')}`;
  });
  return `${paragraph}\n\nSources:\n${list.join('\n')}\n`;
}
