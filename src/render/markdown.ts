import type { Summary } from '../types.js';
import { citations, oneLine, safeUrl } from './citations.js';

/** Backslash-escape what Markdown would otherwise read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&').replace(/^(\d+)\. /, '$1\\. ').replace(/^([-+]) /, '\\$1 ');
}

/**
 * The summary as one Markdown paragraph with footnote citations (GitHub, CommonMark with
 * footnotes): each sentence is followed by a footnote for every document that carried it,
 * and the footnotes name the documents (title linked to its url when given, outlet, id).
 */
export function toMarkdown(summary: Summary): string {
  if (summary.sentences.length === 0) return '';
  const { bySentence, sources } = citations(summary);
  const paragraph = summary.sentences
    .map((sentence, s) => escapeMarkdown(oneLine(sentence.text)) + bySentence[s]!.map((n) => `[^${n}]`).join(''))
    .join(' ');
  const notes = sources.map((report, i) => {
    const url = safeUrl(report.url);
    const label = escapeMarkdown(oneLine(report.title ?? report.id));
    const parts = [url ? `[${label}](<${url.replace(/[<>]/g, encodeURIComponent)}>)` : label];
    if (report.source) parts.push(escapeMarkdown(oneLine(report.source)));
    if (report.title) parts.push(`\`${report.id.replace(/`/g, "'")}\``);
    return `[^${i + 1}]: ${parts.join(', ')}`;
  });
  return `${paragraph}\n\n${notes.join('\n')}\n`;
}
