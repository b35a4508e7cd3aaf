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

  const text = decodeHTML(mainArticle(html))
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const page: PageText = { text };
  if (title) page.title = title;
  if (url) page.url = url;
  return page;
}
