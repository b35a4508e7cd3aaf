import type { Summary } from '../types.js';
import { andMore, citations, ownString, type CitationOptions } from './citations.js';
import { DIFFER, disputes } from './disputes.js';
import { safeUrl, singleLine } from './safe.js';

/** Escape text for HTML element content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[char]};`);
}

export interface HtmlOptions extends CitationOptions {
  /** Prefix for element ids, so two summaries can share a page. @default 'chorus' */
  idPrefix?: string;
}

/**
 * The summary as an HTML fragment: a paragraph whose sentences carry superscript links to
 * an ordered list of sources (at most `maxCitations` per sentence, then "and N more"); a source with an http(s) `url` links to it. Every text is
 * escaped; nothing from the input becomes markup. A sentence whose sources disagree ends its
 * paragraph with a line break and `<span class="chorus-conflict">Sources differ: "17 months"¹ ² / "18 months"³</span>`
 * (the versions, each with its citations); the next sentence opens a new paragraph.
 */
export function toHTML(summary: Summary, options: HtmlOptions = {}): string {
  if (summary.sentences.length === 0) return '';
  const prefix = escapeHtml((ownString(options, 'idPrefix') ?? 'chorus').replace(/[^\w-]/g, '-'));
  const { bySentence, more, sources, numberOf } = citations(summary, options);
  const disputed = disputes(summary, numberOf);
  const cite = (numbers: number[], uncited: number) => `<sup class="chorus-cite">${numbers.map((n) => `<a href="#${prefix}-source-${n}">${n}</a>`).join(',')}${uncited > 0 ? ` ${andMore(uncited)}` : ''}</sup>`;
  // Paragraphs of sentences; a disputed sentence and its marks end one.
  const paragraphs: string[] = [''];
  summary.sentences.forEach((sentence, s) => {
    const last = paragraphs.length - 1;
    paragraphs[last] += `${paragraphs[last] === '' ? '' : ' '}${escapeHtml(singleLine(sentence.text))}${cite(bySentence[s]!, more[s]!)}`;
    for (const versions of disputed.get(s) ?? [])
      paragraphs[last] += `<br><span class="chorus-conflict">${DIFFER} ${versions.map((shown) => `&quot;${escapeHtml(shown.text)}&quot;${cite(shown.numbers, shown.more)}`).join(' / ')}</span>`;
    if (disputed.has(s) && s < summary.sentences.length - 1) paragraphs.push('');
  });
  const items = sources.map((report, i) => {
    const url = safeUrl(ownString(report, 'url'));
    const title = escapeHtml(singleLine(ownString(report, 'title') ?? ''));
    const id = escapeHtml(singleLine(report.id));
    let item = url ? `<a href="${escapeHtml(url)}">${title || id}</a>` : title || id;
    const source = escapeHtml(singleLine(ownString(report, 'source') ?? ''));
    if (source) item += ` — ${source}`;
    if (title) item += ` <code>${id}</code>`;
    return `  <li id="${prefix}-source-${i + 1}">${item}</li>`;
  });
  return `${paragraphs.map((paragraph) => `<p class="chorus-summary">${paragraph}</p>\n`).join('')}<ol class="chorus-sources">\n${items.join('\n')}\n</ol>\n`;
}
