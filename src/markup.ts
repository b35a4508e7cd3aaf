/**
 * The one HTML tag scanner. Segment uses it to blank the markup of a page while keeping
 * offsets (`maskMarkup`); the Node loader uses it to reduce a page file to its article text.
 * Linear: each tag is found with `indexOf`, a skipped element's end with one regex search.
 */

import type { Work } from './schedule.js';

/** Elements whose whole content is not article text. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'nav', 'header', 'footer', 'aside', 'form', 'svg', 'iframe', 'button',
  'select', 'figure', 'menu', 'dialog',
]);

/** Elements that end a paragraph. */
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'section', 'article',
  'main', 'blockquote', 'pre', 'hr', 'dd', 'dt', 'dl', 'body', 'html', 'title', 'figcaption', 'address',
]);

/**
 * What a stretch of markup does to the text around it: `inline` tags vanish ("said <a>Smith</a>"),
 * `line` ends a line (`<br>`), `paragraph` ends a paragraph (block elements, skipped elements).
 */
export type MarkupBreak = 'inline' | 'line' | 'paragraph';

/**
 * A stretch of markup: `[start, end)`, what it does to the text around it, the tag's lower-cased
 * name ('' for a comment) and whether it is an end tag. A skipped element's `end` is past its end tag.
 */
export type MarkupStretch = [start: number, end: number, effect: MarkupBreak, name: string, closing: boolean];

/**
 * Every stretch of markup in `html`, in order: a comment, a tag, or a skipped element with all
 * its content. Text between stretches is left to the caller. A `<` that opens no tag is text; a
 * tag left open at the end of the text ends the scan.
 */
export function* markupStretches(html: string): Generator<MarkupStretch, void, void> {
  let position = 0;
  for (;;) {
    const open = html.indexOf('<', position);
    if (open < 0) return;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      const end = close < 0 ? html.length : close + 3;
      yield [open, end, 'inline', '', false];
      position = end;
      continue;
    }
    const close = html.indexOf('>', open + 1);
    if (close < 0) return;
    const tag = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(open, Math.min(close + 1, open + 64)));
    if (!tag) {
      position = open + 1;
      continue;
    }
    const name = tag[1]!.toLowerCase();
    let end = close + 1;
    const closing = html.charCodeAt(open + 1) === 47;
    const skipped = SKIPPED.has(name);
    if (!closing && skipped && html.charCodeAt(close - 1) !== 47) {
      const closingTag = new RegExp(`</${name}\\s*>`, 'gi');
      closingTag.lastIndex = end;
      const match = closingTag.exec(html);
      end = match ? match.index + match[0].length : html.length;
    }
    yield [open, end, name === 'br' ? 'line' : skipped || BLOCKS.has(name) ? 'paragraph' : 'inline', name, closing];
    position = end;
  }
}

/** Enough tags of HTML's own vocabulary to treat a text as a page, not prose that mentions `<b>`. */
export function looksLikeMarkup(text: string): boolean {
  // The first 64K characters decide, and a tag's attributes are bounded: both keep this linear.
  const head = text.length > 65_536 ? text.slice(0, 65_536) : text;
  const tags = head.match(/<\/?(?:p|div|br|span|a|li|ul|ol|h[1-6]|html|body|head|script|style|img|table|tr|td|section|article|header|footer|nav|meta|link|b|i|em|strong|figure|figcaption)\b[^<>]{0,256}>/gi);
  return tags !== null && tags.length >= 3;
}

/**
 * A copy of an HTML text with the same length in which markup is spaces and a stretch that
 * breaks a line or paragraph starts with a line break: sentences found in the copy have the
 * same offsets in the original. Pauses every thousand stretches (a page may be megabytes).
 */
export function* maskMarkup(html: string): Work<string> {
  // Joined a thousand stretches at a time: one join of a million parts held the event loop 150 ms or more.
  const pieces: string[] = [];
  let parts: string[] = [];
  let copied = 0;
  let stretches = 0;
  for (const [start, end, effect] of markupStretches(html)) {
    parts.push(html.slice(copied, start), effect === 'inline' ? ' ' : '\n', ' '.repeat(end - start - 1));
    copied = end;
    if ((++stretches & 1023) === 0) {
      pieces.push(parts.join(''));
      parts = [];
      yield;
    }
  }
  parts.push(html.slice(copied));
  pieces.push(parts.join(''));
  return pieces.join('');
}
