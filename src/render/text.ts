import type { Summary } from '../types.js';
import { own } from '../own.js';
import { andMore, citations, ownString, type CitationOptions } from './citations.js';
import { bracketed, DIFFER, disputes } from './disputes.js';
import { safeUrl, singleLine } from './safe.js';

export interface TextOptions extends CitationOptions {
  /** Numbered citations after each sentence and a source list at the end. @default true */
  citations?: boolean;
}

/**
 * The summary as plain text: one paragraph, each sentence followed by its citation numbers
 * in brackets (at most `maxCitations`, then "and N more"), then the numbered sources. After a
 * sentence whose sources disagree the paragraph breaks for a line naming the versions
 * (`Sources differ: "17 months" [1, 2] / "18 months" [3]`) and goes on on the next line.
 * With `{ citations: false }`, the sentences alone.
 */
export function toText(summary: Summary, options: TextOptions = {}): string {
  if (summary.sentences.length === 0) return '';
  if (own(options, 'citations') === false) return `${summary.sentences.map((sentence) => singleLine(sentence.text)).join(' ')}\n`;
  const { bySentence, more, sources, numberOf } = citations(summary, options);
  const disputed = disputes(summary, numberOf);
  // Lines of sentences; a disputed sentence's marks follow it on lines of their own.
  const lines: string[] = [''];
  summary.sentences.forEach((sentence, s) => {
    const last = lines.length - 1;
    lines[last] += `${lines[last] === '' ? '' : ' '}${singleLine(sentence.text)} [${[bySentence[s]!.join(', '), andMore(more[s]!)].filter(Boolean).join(' ')}]`;
    for (const versions of disputed.get(s) ?? []) lines.push(`${DIFFER} ${versions.map((version) => `"${version.text}" ${bracketed(version)}`).join(' / ')}`);
    if (disputed.has(s) && s < summary.sentences.length - 1) lines.push('');
  });
  const paragraph = lines.join('\n');
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
