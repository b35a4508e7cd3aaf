/**
 * HTML pages → article text, for the Node loader. The core reads HTML too (offsets into the
 * page itself), but a file on disk is better summarised from its article alone: the main
 * article is picked out of the page (article.ts: related-story rails, comments, cookie
 * banners, navigation and footers are left out), block elements become paragraph breaks, and
 * character references are decoded with HTML5's whole table (`entities`). Linear, with the
 * core's tag scanner; no parser dependency.
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { mainArticle } from './article.js';

/** Longest start tag whose attributes are read (a real one is a few hundred characters). */
const LONGEST_TAG = 8192;

/** Every `<name …>` start tag, found with indexOf: linear, and done at the first one left unclosed. */
function* startTags(html: string, lower: string, name: string): Generator<Map<string, string>> {
  for (let at = lower.indexOf(`<${name}`); at >= 0; at = lower.indexOf(`<${name}`, at + 1)) {
    if (!/[\s/>]/.test(lower[at + name.length + 1] ?? '')) continue;
    const end = lower.indexOf('>', at);
    if (end < 0) return;
    const attributes = new Map<string, string>();
    for (const [, key, ...values] of html.slice(at, Math.min(end, at + LONGEST_TAG)).matchAll(/\s([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g))
      if (!attributes.has(key!.toLowerCase())) attributes.set(key!.toLowerCase(), values.find((value) => value !== undefined) ?? '');
    yield attributes;
    at = end;
  }
}

/** A page's title (og:title, else <title>) and canonical URL (rel=canonical, else og:url). */
function metadata(html: string): { title?: string; url?: string } {
  const lower = html.toLowerCase();
  const found: { title?: string; url?: string; ogUrl?: string; pageTitle?: string } = {};
  const attribute = (value: string | undefined) => (value === undefined ? undefined : decodeHTMLAttribute(value).trim() || undefined);
  for (const tag of startTags(html, lower, 'meta')) {
    const property = tag.get('property') ?? tag.get('name');
    if (property === 'og:title') found.title ??= attribute(tag.get('content'));
    if (property === 'og:url') found.ogUrl ??= attribute(tag.get('content'));
  }
  for (const tag of startTags(html, lower, 'link')) if ((tag.get('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) found.url ??= attribute(tag.get('href'));
  const open = /<title[\s>]/.exec(lower);
  if (open) {
    const start = lower.indexOf('>', open.index);
    const end = start < 0 ? -1 : lower.indexOf('</title', start);
    if (end >= 0) found.pageTitle = decodeHTML(html.slice(start + 1, end)).trim() || undefined;
  }
  const title = found.title ?? found.pageTitle;
  const url = found.url ?? found.ogUrl;
  return { ...(title ? { title } : {}), ...(url ? { url } : {}) };
}

export interface PageText {
  text: string;
  title?: string;
  url?: string;
}

/** Reduce an HTML page to its article text, keeping its title and canonical URL when it names them. */
export function htmlToText(html: string): PageText {
  const text = decodeHTML(mainArticle(html))
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, ...metadata(html) };
}
