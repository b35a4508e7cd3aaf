/**
 * HTML pages → article text, for the Node loader. The core reads HTML too (offsets into the
 * page itself), but a file on disk is better summarised from its article alone: scripts,
 * styles, navigation, headers, footers, asides and forms are dropped, block elements become
 * paragraph breaks, character references are decoded with HTML5's whole table (`entities`). Where a page marks its story with `<article>` (or
 * `<main>`), only that is kept. One linear pass with the core's tag scanner; no parser dependency.
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { scanMarkup } from '../markup.js';

/** Decode character references as a browser does in text: the whole HTML5 table (`entities`). */
export const decodeEntities = (text: string): string => decodeHTML(text);

/** The inner HTML of the first `<name …>…</name>`, or undefined. */
function innerOf(html: string, name: string): string | undefined {
  const open = new RegExp(`<${name}(?:\\s[^>]*)?>`, 'i').exec(html);
  if (!open) return undefined;
  const close = html.toLowerCase().lastIndexOf(`</${name}`);
  return close > open.index ? html.slice(open.index + open[0].length, close) : html.slice(open.index + open[0].length);
}

/** The first capture of `pattern`, decoded as an attribute value (the default) or as element text. */
function metaContent(html: string, pattern: RegExp, decode: (text: string) => string = decodeHTMLAttribute): string | undefined {
  const match = pattern.exec(html);
  return match ? decode(match[1]!).trim() || undefined : undefined;
}

export interface PageText {
  text: string;
  title?: string;
  url?: string;
}

/** Reduce an HTML page to its article text, keeping its title and canonical URL when it names them. */
export function htmlToText(html: string): PageText {
  const title =
    metaContent(html, /<meta\s[^>]*property=["']og:title["'][^>]*content=["']([^"']*)["']/i) ??
    metaContent(html, /<title(?:\s[^>]*)?>([^<]*)<\/title>/i, decodeHTML);
  const url =
    metaContent(html, /<link\s[^>]*rel=["']canonical["'][^>]*href=["']([^"']*)["']/i) ??
    metaContent(html, /<meta\s[^>]*property=["']og:url["'][^>]*content=["']([^"']*)["']/i);

  const body = innerOf(html, 'article') ?? innerOf(html, 'main') ?? innerOf(html, 'body') ?? html;
  const out: string[] = [];
  let copied = 0;
  scanMarkup(body, (start, end, effect) => {
    out.push(body.slice(copied, start), effect === 'paragraph' ? '\n\n' : effect === 'line' ? '\n' : '');
    copied = end;
  });
  out.push(body.slice(copied));
  const text = decodeEntities(out.join(''))
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const page: PageText = { text };
  if (title) page.title = title;
  if (url) page.url = url;
  return page;
}
