/**
 * HTML pages → article text, for the Node loader. The core reads HTML too (offsets into the
 * page itself), but a file on disk is better summarised from its article alone: scripts,
 * styles, navigation, headers, footers, asides and forms are dropped, block elements become
 * paragraph breaks, entities are decoded. Where a page marks its story with `<article>` (or
 * `<main>`), only that is kept. One linear pass with the core's tag scanner; no parser dependency.
 */
import { markupStretches } from '../markup.js';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“',
  rdquo: '”', hellip: '…', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢',
  deg: '°', middot: '·', bull: '•', shy: '', zwj: '', zwnj: '', eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', oacute: 'ó',
  uacute: 'ú', iacute: 'í', ntilde: 'ñ', ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', times: '×', divide: '÷',
};

/** Decode character references; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** The inner HTML of the first `<name …>…</name>`, or undefined. */
function innerOf(html: string, name: string): string | undefined {
  const open = new RegExp(`<${name}(?:\\s[^>]*)?>`, 'i').exec(html);
  if (!open) return undefined;
  const close = html.toLowerCase().lastIndexOf(`</${name}`);
  return close > open.index ? html.slice(open.index + open[0].length, close) : html.slice(open.index + open[0].length);
}

function metaContent(html: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(html);
  return match ? decodeEntities(match[1]!).trim() || undefined : undefined;
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
    metaContent(html, /<title(?:\s[^>]*)?>([^<]*)<\/title>/i);
  const url =
    metaContent(html, /<link\s[^>]*rel=["']canonical["'][^>]*href=["']([^"']*)["']/i) ??
    metaContent(html, /<meta\s[^>]*property=["']og:url["'][^>]*content=["']([^"']*)["']/i);

  const body = innerOf(html, 'article') ?? innerOf(html, 'main') ?? innerOf(html, 'body') ?? html;
  const out: string[] = [];
  let copied = 0;
  for (const [start, end, effect] of markupStretches(body)) {
    out.push(body.slice(copied, start), effect === 'paragraph' ? '\n\n' : effect === 'line' ? '\n' : '');
    copied = end;
  }
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
