/**
 * What every rendering of every summary must satisfy, whatever the input held: shared by the
 * renderer table (test/render.test.ts) and the hostile corpus (test/hostile.test.ts).
 *
 * There is no Markdown parser in node_modules, so the Markdown is checked structurally for
 * what a CommonMark parser (with GitHub footnotes) would make of it: no line and no footnote
 * body opens a block (an HTML block starts at a line whose first non-space character is
 * `<`; headings, lists, quotes and tables at `#`, `-`, `1.`, `>`, `|`), and outside backslash
 * escapes and code spans no `<`, `[`, `]`, backtick or character reference is left from the
 * input, so nothing can become a tag, a link, an image, a code span or a footnote.
 */
import { expect } from 'vitest';
import { toHTML, toMarkdown, toText, type Summary } from '../src/index.js';

/**
 * Characters no output may hold except `\n` between the renderer's own lines: C0, DEL, C1,
 * U+2028/U+2029 and the bidi overrides and isolates. Written out here rather than imported,
 * so that a wrong class in src/render/safe.ts cannot hide itself.
 */
const FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const URL_SCHEME = /^(?:https?:\/\/|mailto:)/i;
/** What opens a block at the start of a line or footnote body, besides `<`: indented code, heading, quote, table row, fence, list item, thematic break. */
const BLOCK_START = /^(?:\s|[#>|~`]|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|(?:[-_*] *){3,}$)/;

/** The Markdown a parser still reads as markup: backslash escapes and code spans each become one inert `·`. */
export function activeMarkdown(markdown: string): string {
  let active = '';
  for (let i = 0; i < markdown.length; ) {
    if (markdown[i] === '\\' && /[!-/:-@[-`{-~]/.test(markdown[i + 1] ?? '')) {
      active += '·';
      i += 2;
    } else if (markdown[i] === '`') {
      const fence = /^`+/.exec(markdown.slice(i))![0];
      const close = markdown.slice(i + fence.length).search(new RegExp(`(?<!\`)${fence}(?!\`)`));
      active += close < 0 ? fence : '·';
      i += close < 0 ? fence.length : 2 * fence.length + close;
    } else active += markdown[i++];
  }
  return active;
}

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Input-derived Markdown text: nothing a parser would read as inline markup. */
function expectInert(active: string, where: string) {
  expect(active, `${where}: markup character`).not.toMatch(/[<>[\]`]/);
  expect(active, `${where}: character reference`).not.toMatch(/&(?:#\d+|#x[\da-f]+|\w+);/i);
}

export function expectSafeMarkdown(markdown: string, cited: number) {
  expect(markdown, 'Markdown: control character').not.toMatch(FORBIDDEN);
  const blocks = markdown.split('\n\n');
  // The summary's paragraphs (more than one only after a sentence whose sources disagree), a blank line, the footnotes.
  const notes = blocks.pop();
  expect(notes?.endsWith('\n'), 'Markdown: ends with a line break').toBe(true);
  for (const line of markdown.split('\n')) expect(line, 'Markdown: a line opens an HTML block').not.toMatch(/^\s*</);
  const references: number[] = [];
  for (const paragraph of blocks) {
    // A paragraph is one line of sentences, then, after hard line breaks, emphasised marks of sources that disagree.
    const [sentences, ...marks] = paragraph.split('\\\n');
    expect(sentences, 'Markdown: the sentences are one line').not.toContain('\n');
    const active = activeMarkdown(sentences!);
    expect(active, 'Markdown: the summary opens a block').not.toMatch(BLOCK_START);
    expect(active, 'Markdown: an image before a footnote').not.toMatch(/!\[/);
    references.push(...[...active.matchAll(/\[\^(\d+)\]/g)].map((match) => Number(match[1])));
    expectInert(active.replace(/\[\^\d+\]/g, ''), 'Markdown summary');
    for (const mark of marks) {
      expect(mark, 'Markdown: a mark is one emphasised line').toMatch(/^\*Sources differ: [^\n]*\*$/);
      const inner = activeMarkdown(mark.slice(1, -1));
      expect(inner, 'Markdown: emphasis closed inside a mark').not.toMatch(/\*/);
      expect(inner, 'Markdown: an image in a mark').not.toMatch(/!\[/);
      expectInert(inner.replace(/\[\^\d+\]/g, ''), 'Markdown mark');
    }
  }
  expect([...new Set(references)].sort((a, b) => a - b), 'Markdown: footnotes cited').toEqual(oneToN(cited));

  const lines = notes!.slice(0, -1).split('\n');
  const numbers = lines.map((line) => Number(/^\[\^(\d+)\]: /.exec(line)?.[1]));
  expect(numbers, 'Markdown: one definition per footnote, 1..N in order').toEqual(oneToN(cited));
  for (const line of lines) {
    const body = activeMarkdown(line.replace(/^\[\^\d+\]: /, ''));
    expect(body, 'Markdown: a footnote body opens a block').not.toMatch(BLOCK_START);
    expect(body, 'Markdown: a footnote body opens an HTML block').not.toMatch(/^\s*</);
    const link = /^\[([^\]]*)\]\(<([^<>]*)>\)/.exec(body);
    if (link) expect(link[2], 'Markdown: link destination').toMatch(/^(?:https?:\/\/|mailto:)\S*$/i);
    expectInert(link ? body.slice(link[0].length) + link[1] : body, 'Markdown footnote');
  }
}

export function expectSafeText(text: string, cited: number) {
  expect(text, 'text: control character').not.toMatch(FORBIDDEN);
  const match = /^((?:[^\n]+\n)+)\nSources:\n((?:[^\n]*\n)*)$/.exec(text);
  expect(match, 'text: summary lines, a blank line, then the source list').not.toBeNull();
  // A line of sentences opens the summary; a line breaks only for the marks of sources that disagree.
  const lines = match![1]!.slice(0, -1).split('\n');
  const mark = (line: string | undefined) => /^Sources differ: /.test(line ?? '');
  expect(mark(lines[0]), 'text: the summary opens with sentences').toBe(false);
  for (const [i, line] of lines.entries()) if (i > 0 && !mark(line)) expect(mark(lines[i - 1]), 'text: two lines of sentences in a row').toBe(true);
  const numbers = match![2]!.split('\n').slice(0, -1).map((line) => Number(/^\[(\d+)\] /.exec(line)?.[1]));
  expect(numbers, 'text: one source line per number, 1..N in order').toEqual(oneToN(cited));
}

/** Every tag toHTML writes; after removing them, no `<`, `>` or quote may be left. */
const OWN_TAGS = /<(?:p class="chorus-summary"|sup class="chorus-cite"|span class="chorus-conflict"|br|ol class="chorus-sources"|li id="[\w-]+"|a href="[^"<>]*"|code|\/(?:p|sup|span|ol|li|a|code))>/g;

export function expectSafeHTML(html: string, cited: number) {
  expect(html, 'HTML: control character').not.toMatch(FORBIDDEN);
  expect(html.replace(OWN_TAGS, ''), 'HTML: markup from the input').not.toMatch(/[<>"']/);
  for (const line of html.slice(0, -1).split('\n'))
    expect(line, 'HTML: one line per element').toMatch(/^(?:<p class="chorus-summary">.*<\/p>|<ol class="chorus-sources">|  <li id="[\w-]+">.*<\/li>|<\/ol>)$/);
  for (const [, href] of html.matchAll(/ href="([^"]*)"/g)) expect(href!.startsWith('#') || (URL_SCHEME.test(href!) && !/\s/.test(href!)), 'HTML: unsafe href').toBe(true);
  expect(html.match(/<li /g)?.length, 'HTML: one list item per source').toBe(cited);
}

/** Renders `summary` with every renderer and checks every invariant above. */
export function expectSafeRenderings(summary: Summary) {
  if (summary.sentences.length === 0) return;
  // Each sentence cites the first 10 distinct documents among its sources (the renderers' default maxCitations).
  const cited = new Set(summary.sentences.flatMap((sentence) => [...new Set(sentence.sources.map((span) => span.documentId))].slice(0, 10))).size;
  expectSafeMarkdown(toMarkdown(summary), cited);
  expectSafeText(toText(summary), cited);
  expectSafeHTML(toHTML(summary), cited);
  const plain = toText(summary, { citations: false });
  expect(plain, 'text without citations: one line').toMatch(/^[^\n]*\n$/);
  expect(plain, 'text without citations: control character').not.toMatch(FORBIDDEN);
}
