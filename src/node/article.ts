/**
 * The main article of a page, as readability-style extractors find it: the block element
 * whose own paragraphs hold the most prose (long paragraphs, commas, few links), with
 * siblings that score nearly as well (a story split by an advert). Elements whose class, id
 * or role says comments, related stories, cookie banners, navigation or promotions are left
 * out wherever they are. One pass with the core's tag scanner (`markupStretches`), then a pass
 * over the pieces of text it found: linear in the page.
 */
import { markupStretches, type MarkupBreak } from '../markup.js';

/** Elements that can hold an article (or a part of one), scored as candidates. */
const CONTAINERS: Record<string, number> = { body: 0, main: 5, article: 10, section: 3, div: 5, td: 3, blockquote: 3, ul: -3, ol: -3, li: -3, dl: -3, table: -3 };
/** Class, id or role words of what is not the article: left out with everything inside. */
const UNLIKELY =
  /-ad-|\bads?\b|advert|agegate|banner|breadcrumb|combx|comment|communit|consent|cookie|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|modal|most-popular|newsletter|outbrain|pager|pagination|paywall|popup|promo|recirc|recommend|related|remark|replies|rss|share|shoutbox|sidebar|signup|skyscraper|social|sponsor|subscribe|supplemental|taboola|teaser|trending|widget/i;
/** …unless they also say this (an "article-header-wrapper" is still the article). */
const MAYBE = /and|article|body|column|content|main|shadow|story/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|post|text|blog|story/i;
const NEGATIVE = /comment|com-|contact|foot|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|rail/i;
const UNLIKELY_ROLES = /^(?:navigation|complementary|banner|contentinfo|dialog|alertdialog|menu|menubar|search)$/i;

interface Piece {
  /** Text of the page, or a break. */
  text?: string;
  effect?: MarkupBreak;
  container: number;
}

/** The attributes that say what an element is, from its start tag. */
function describe(tag: string): { words: string; role: string; hidden: boolean } {
  const head = tag.length > 4096 ? tag.slice(0, 4096) : tag;
  const value = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(head)?.slice(1).find((v) => v !== undefined) ?? '';
  return { words: `${value('class')} ${value('id')}`, role: value('role'), hidden: /\shidden[\s=>/]|aria-hidden\s*=\s*["']?true/i.test(head) };
}

/** The page's main article as raw text with `\n` breaks (character references not yet decoded). */
export function mainArticle(html: string): string {
  // Containers, by id in document order; 0 is the page itself.
  const tag: string[] = ['root'];
  const parent: number[] = [-1];
  const left: boolean[] = [false]; // left out, with everything inside
  const bonus: number[] = [0];
  const last: number[] = [0]; // the last id inside (descendants are ids id+1 .. last)
  const text: number[] = [0]; // characters inside, and inside links
  const linked: number[] = [0];
  const prose: number[] = [0]; // paragraph scores: own paragraphs whole, children's ½, grandchildren's ⅓
  const stack: number[] = [0];
  const open = new Map<string, number>(); // tag name → how many are open, so an unmatched end tag costs O(1)
  const pieces: Piece[] = [];
  let links = 0;
  let paragraph = { length: 0, linked: 0, commas: 0, container: -1 };

  const endParagraph = () => {
    const { length, commas, container } = paragraph;
    if (container >= 0 && length >= 25 && paragraph.linked / length < 0.5 && !left[container]) {
      const score = 1 + commas + Math.min(3, Math.floor(length / 100));
      for (let c = container, level = 0; c >= 0 && level < 3; c = parent[c]!, level++) prose[c]! += score / (level === 0 ? 1 : level + 1);
    }
    paragraph = { length: 0, linked: 0, commas: 0, container: -1 };
  };
  const addText = (piece: string) => {
    const container = stack[stack.length - 1]!;
    pieces.push({ text: piece, container });
    const length = piece.trim().length;
    if (length === 0) return;
    text[container]! += length;
    if (links > 0) linked[container]! += length;
    if (paragraph.container < 0) paragraph.container = container;
    paragraph.length += length;
    if (links > 0) paragraph.linked += length;
    paragraph.commas += (piece.match(/[,，、،]/g) ?? []).length;
  };
  const close = (id: number) => {
    last[id] = tag.length - 1;
    open.set(tag[id]!, open.get(tag[id]!)! - 1);
    const up = parent[id]!;
    text[up]! += text[id]!;
    linked[up]! += linked[id]!;
  };

  let copied = 0;
  for (const [start, end, effect, name, closing] of markupStretches(html)) {
    if (start > copied) addText(html.slice(copied, start));
    copied = end;
    if (effect !== 'inline') {
      if (effect === 'paragraph') endParagraph();
      pieces.push({ effect, container: stack[stack.length - 1]! });
    }
    if (name === 'a') links = closing ? Math.max(0, links - 1) : links + 1;
    if (!Object.hasOwn(CONTAINERS, name)) continue;
    if (closing) {
      if (!open.get(name)) continue; // an end tag with no start: ignored
      for (let id = stack.pop()!; ; id = stack.pop()!) {
        close(id);
        if (tag[id] === name) break;
      }
    } else if (html.charCodeAt(end - 2) !== 47) {
      const id = tag.length;
      const { words, role, hidden } = describe(html.slice(start, end));
      const up = stack[stack.length - 1]!;
      const unlikely = name !== 'body' && name !== 'main' && (hidden || UNLIKELY_ROLES.test(role) || (UNLIKELY.test(words) && !MAYBE.test(words)));
      tag.push(name);
      parent.push(up);
      left.push(left[up]! || unlikely);
      bonus.push(CONTAINERS[name]! + (POSITIVE.test(words) ? 25 : 0) - (NEGATIVE.test(words) ? 25 : 0));
      last.push(id);
      text.push(0);
      linked.push(0);
      prose.push(0);
      stack.push(id);
      open.set(name, (open.get(name) ?? 0) + 1);
    }
  }
  if (copied < html.length) addText(html.slice(copied));
  endParagraph();
  while (stack.length > 1) close(stack.pop()!);
  last[0] = tag.length - 1;

  const score = (id: number) => (prose[id]! + bonus[id]!) * (1 - (text[id]! > 0 ? linked[id]! / text[id]! : 0));
  let best = -1;
  for (let id = 1; id < tag.length; id++) if (!left[id] && prose[id]! > 0 && (best < 0 || score(id) > score(best))) best = id;
  // Nothing reads as prose: the first <article> or <main>, else the whole page (less what is left out).
  if (best < 0) best = [tag.indexOf('article'), tag.indexOf('main'), 0].find((id) => id >= 0 && !left[id])!;
  // Siblings that score nearly as well: the story went on after an advert or a photo. An
  // <article> is whole by definition: it is never joined to another, nor another to it.
  const kept = [best];
  if (best > 0 && tag[best] !== 'article') {
    const threshold = Math.max(10, score(best) * 0.2);
    const joins = (id: number) => parent[id] === parent[best] && !left[id] && tag[id] !== 'article' && score(id) >= threshold;
    for (let id = parent[best]! + 1; id < tag.length && id <= last[parent[best]!]!; id++) if (id !== best && joins(id)) kept.push(id);
  }
  const inside = new Uint8Array(tag.length); // kept subtrees are disjoint ranges of ids: marked in one sweep
  for (const id of kept) inside.fill(1, id, last[id]! + 1);

  const out: string[] = [];
  for (const piece of pieces) {
    if (!inside[piece.container] || left[piece.container]) continue;
    if (piece.text !== undefined) out.push(piece.text);
    else out.push(piece.effect === 'line' ? '\n' : '\n\n');
  }
  return out.join('');
}
