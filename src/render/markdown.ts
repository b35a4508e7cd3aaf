import type { Summary } from '../types.js';
import { andMore, citations, ownString, type CitationOptions } from './citations.js';
import { DIFFER, disputes, type ShownVersion } from './disputes.js';
import { safeUrl, singleLine } from './safe.js';

/**
 * Backslash-escape what Markdown would otherwise read as markup: inline syntax anywhere; a
 * character reference, which the page would show decoded instead of as given (`&lt;` as `<`;
 * numeric ones such as `&#27;`, ESC, are already broken up by the escaped `#`); at
 * the start, where the text opens a line or a footnote, a list marker (`1.`, `1)`, `-`, `+`)
 * or thematic break (`---`); at the end, a `!`, which would make the footnote reference
 * appended after it an image.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~]/g, '\\$&')
    .replace(/&(?=[a-z\d]+;)/gi, '\\&')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^[-+]/, '\\$&')
    .replace(/!$/, '\\!');
}

/**
 * `text` as a code span it cannot close: backslashes do not escape inside code spans, so the
 * fence is one backtick longer than the longest run in the text, padded with a space when the
 * text starts or ends with a backtick (CommonMark strips one space from each side).
 */
function codeSpan(text: string): string {
  const longestRun = (text.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0);
  const fence = '`'.repeat(longestRun + 1);
  const pad = /^`|`$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export type MarkdownOptions = CitationOptions;

/** `"17 months"[^1][^2]`, with uncited documents counted; the quotes are the renderer's, the words escaped. */
const version = (shown: ShownVersion): string => `"${escapeMarkdown(shown.text)}"${shown.numbers.map((n) => `[^${n}]`).join('')}${shown.more > 0 ? ` (${andMore(shown.more)})` : ''}`;

/**
 * The summary as one Markdown paragraph with footnote citations (GitHub, CommonMark with
 * footnotes): each sentence is followed by a footnote for every document that carried it (at
 * most `maxCitations`, then "(and N more)"), and the footnotes name the documents (title
 * linked to its url when given, outlet, id). A sentence whose sources disagree ends its
 * paragraph with a hard line break and an emphasised line naming the versions
 * (`*Sources differ: "17 months"[^1][^2] / "18 months"[^3]*`); the next sentence opens a new
 * paragraph, where no text of it can continue or underline the line before (a setext heading).
 */
export function toMarkdown(summary: Summary, options: MarkdownOptions = {}): string {
  if (summary.sentences.length === 0) return '';
  const { bySentence, more, sources, numberOf } = citations(summary, options);
  const disputed = disputes(summary, numberOf);
  // Paragraphs of sentences; a disputed sentence and its marks end one.
  const paragraphs: string[] = [''];
  summary.sentences.forEach((sentence, s) => {
    const last = paragraphs.length - 1;
    paragraphs[last] += `${paragraphs[last] === '' ? '' : ' '}${escapeMarkdown(singleLine(sentence.text))}${bySentence[s]!.map((n) => `[^${n}]`).join('')}${more[s]! > 0 ? ` (${andMore(more[s]!)})` : ''}`;
    for (const versions of disputed.get(s) ?? []) paragraphs[last] += `\\\n*${DIFFER} ${versions.map(version).join(' / ')}*`;
    if (disputed.has(s) && s < summary.sentences.length - 1) paragraphs.push('');
  });
  const paragraph = paragraphs.join('\n\n');
  const notes = sources.map((report, i) => {
    const url = safeUrl(ownString(report, 'url'));
    const title = singleLine(ownString(report, 'title') ?? '');
    const id = singleLine(report.id);
    const label = escapeMarkdown(title || id);
    // A backslash before the closing `>` would escape it; safeUrl already encoded `<`, `>` and whitespace.
    const parts = [url ? `[${label}](<${url.replace(/\\/g, '\\\\')}>)` : label];
    const source = singleLine(ownString(report, 'source') ?? '');
    if (source) parts.push(escapeMarkdown(source));
    if (title && id) parts.push(codeSpan(id)); // an empty code span would be two stray backticks
    return `[^${i + 1}]: ${parts.join(', ')}`;
  });
  return `${paragraph}\n\n${notes.join('\n')}\n`;
}
