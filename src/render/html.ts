import type { Summary } from '../types.js';
import { andMore, citations, ownString, type CitationOptions } from './citations.js';
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
 * escaped; nothing from the input becomes markup.
 */
export function toHTML(summary: Summary, options: HtmlOptions = {}): string {
  if (summary.sentences.length === 0) return '';
  const prefix = escapeHtml((ownString(options, 'idPrefix') ?? 'chorus').replace(/[^\w-]/g, '-'));
  const { bySentence, more, sources } = citations(summary, options);
  const paragraph = summary.sentences
    .map((sentence, s) => {
      const marks = bySentence[s]!.map((n) => `<a href="#${prefix}-source-${n}">${n}</a>`).join(',') + (more[s]! > 0 ? ` ${andMore(more[s]!)}` : '');
      return `${escapeHtml(singleLine(sentence.text))}<sup class="chorus-cite">${marks}</sup>`;
    })
    .join(' ');
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
  return `<p class="chorus-summary">${paragraph}</p>\n<ol class="chorus-sources">\n${items.join('\n')}\n</ol>\n`;
}
