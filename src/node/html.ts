/**
 * HTML pages → article text, for the Node loader. The core reads HTML too (offsets into the
 * page itself), but a file on disk is better summarised from its article alone: scripts,
 * styles, navigation, headers, footers, asides and forms are dropped, block elements become
 * paragraph breaks, entities are decoded. Where a page marks its story with `<article>` (or
 * `<main>`), only that is kept. One linear pass; no parser dependency.
 */

/** Elements whose whole content is not article text. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'header', 'footer', 'aside', 'form', 'svg', 'iframe', 'button', 'select', 'figure', 'menu', 'dialog']);
/** Elements that end a paragraph. */
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'section', 'article', 'main', 'blockquote',
  'pre', 'hr', 'dd', 'dt', 'dl', 'body', 'html', 'figcaption', 'address', 'td', 'th',
]);

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
  let position = 0;
  while (position < body.length) {
    const open = body.indexOf('<', position);
    if (open < 0) {
      out.push(body.slice(position));
      break;
    }
    out.push(body.slice(position, open));
    if (body.startsWith('<!--', open)) {
      const close = body.indexOf('-->', open + 4);
      position = close < 0 ? body.length : close + 3;
      continue;
    }
    const close = body.indexOf('>', open + 1);
    if (close < 0) {
      out.push(body.slice(open));
      break;
    }
    const tag = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(body.slice(open, Math.min(close + 1, open + 64)));
    if (!tag) {
      out.push('<'); // a lone "<" in text
      position = open + 1;
      continue;
    }
    const name = tag[1]!.toLowerCase();
    const closing = body.charCodeAt(open + 1) === 47;
    position = close + 1;
    if (!closing && DROPPED.has(name) && body.charCodeAt(close - 1) !== 47) {
      const end = new RegExp(`</${name}\\s*>`, 'gi');
      end.lastIndex = position;
      const match = end.exec(body);
      position = match ? match.index + match[0].length : body.length;
      out.push('\n\n');
      continue;
    }
    // Inline tags vanish, as in textContent ("said <a>Smith</a>." → "said Smith.").
    if (BLOCKS.has(name)) out.push(name === 'br' ? '\n' : '\n\n');
  }
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
