import type { Summary } from '../types.js';
import { citations } from './citations.js';
import { safeUrl, singleLine } from './safe.js';

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
    .map((sentence, s) => escapeMarkdown(singleLine(sentence.text)) + bySentence[s]!.map((n) => `[^${n}]`).join(''))
    .join(' ');
  const notes = sources.map((report, i) => {
    const url = safeUrl(report.url);
    const title = singleLine(report.title ?? '');
    const id = singleLine(report.id);
    const label = escapeMarkdown(title || id);
    const parts = [url ? `[${label}](<${url}>)` : label];
    const source = singleLine(report.source ?? '');
    if (source) parts.push(escapeMarkdown(source));
    if (title) parts.push(`\`${id.replace(/`/g, "'")}\``);
    return `[^${i + 1}]: ${parts.join(', ')}`;
  });
  return `${paragraph}\n\n${notes.join('\n')}\n`;
}
