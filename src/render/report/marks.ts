/**
 * A document's own text as HTML, with passages marked by their offsets, so that what the report
 * highlights is exactly `text.slice(start, end)`: the report never re-finds a sentence by its
 * words, which a reprint, a second occurrence or a changed number would fool.
 *
 * Marks nest (a conflict's "17 months" lies inside its sentence). Marks that cross (possible
 * only in a summary made by hand) are cut where the inner one's parent ends, and the rest is
 * marked as a further piece of the same key: pieces of key 7 are `id="m7"`, `id="m7.1"`, ….
 *
 * A long text is cut into blocks of about `CHUNK` characters, after a line break where there
 * is one (so nothing moves on screen), else after a space. A browser lays out one paragraph as
 * a whole: a 20-million-character line (the hostile corpus has one) took Chromium minutes,
 * where blocks, each laid out only when scrolled near (`content-visibility: auto`), take
 * milliseconds. Blocks are the outermost marks; a passage crossing one is cut into pieces.
 */
import { escapeHtml } from '../html.js';

export interface Mark {
  start: number;
  end: number;
  /** The element's class: its role (sentence, version, furniture) and how it is drawn. */
  className: string;
  /** Pieces get ids from it, so that the script and links find them; -1 for none. */
  key: number;
}

/** Characters per block of a long text. */
export const CHUNK = 16_384;

/** Blocks of a text longer than `CHUNK`: each ends after a line break, else a space, near `CHUNK` characters in. */
function blocks(text: string): Mark[] {
  if (text.length <= CHUNK) return [];
  const out: Mark[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) {
      const newline = text.indexOf('\n', end);
      const space = text.indexOf(' ', end);
      if (newline >= 0 && newline < end + CHUNK) end = newline + 1;
      else if (space >= 0 && space < end + CHUNK) end = space + 1;
      else if (/[\udc00-\udfff]/.test(text[end]!)) end++; // never between the halves of a surrogate pair
    }
    out.push({ start, end, className: 'c', key: -1 });
    start = end;
  }
  return out;
}

/**
 * Text content, escaped; and what the HTML parser would not keep as given written as a
 * reference: a CR (the parser turns CR and CRLF into LF) as `&#13;`, so the text in the DOM
 * is the document's to the code unit. NUL cannot be kept in HTML at all: it becomes U+FFFD,
 * which at least keeps every offset after it.
 */
export const escapeText = (text: string): string => escapeHtml(text).replace(/\r/g, '&#13;').replace(/\0/g, '\ufffd');

interface Open {
  mark: Mark;
  start: number;
  end: number;
  /** 0 for a block, 1 for a passage: at one start, a block opens first. */
  level: number;
}

/** `a` before `b`: by start, blocks first, the longer first (so it encloses), then as given. */
const before = (a: Open, b: Open) => a.start - b.start || a.level - b.level || b.end - a.end;

export function markText(text: string, marks: readonly Mark[]): string {
  const pending: Open[] = [
    ...blocks(text).map((mark) => ({ mark, start: mark.start, end: mark.end, level: 0 })),
    ...marks
      .filter((mark) => Number.isInteger(mark.start) && Number.isInteger(mark.end) && mark.start >= 0 && mark.start < mark.end && mark.end <= text.length)
      .map((mark) => ({ mark, start: mark.start, end: mark.end, level: 1 })),
  ].sort(before);
  const pieces = new Map<number, number>();
  const stack: Open[] = [];
  let out = '';
  let at = 0;
  const textTo = (to: number) => {
    if (to > at) out += escapeText(text.slice(at, to));
    at = Math.max(at, to);
  };
  let next = 0;
  while (next < pending.length || stack.length > 0) {
    const top = stack[stack.length - 1];
    const item = pending[next];
    if (top && (item === undefined || top.end <= item.start)) {
      textTo(top.end);
      out += '</span>';
      stack.pop();
      continue;
    }
    next++;
    textTo(item!.start);
    if (top && item!.end > top.end) {
      // Crossing: this piece ends with its parent; the rest waits its turn in start order.
      const rest = { mark: item!.mark, start: top.end, end: item!.end, level: item!.level };
      let slot = next;
      while (slot < pending.length && before(pending[slot]!, rest) <= 0) slot++;
      pending.splice(slot, 0, rest);
      item!.end = top.end;
    }
    const { key, className } = item!.mark;
    let id = '';
    if (key >= 0) {
      const piece = pieces.get(key) ?? 0;
      pieces.set(key, piece + 1);
      id = ` id="m${key}${piece === 0 ? '' : `.${piece}`}"`;
    }
    out += `<span class="${className}"${id}>`;
    stack.push(item!);
  }
  textTo(text.length);
  return out;
}
