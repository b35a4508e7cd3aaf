/**
 * Markdown files → their text, for the Node loader, as HTML pages are reduced: link text
 * kept and URLs dropped (a URL's dots would end sentences inside it), images, code fences,
 * front matter, reference definitions and HTML dropped, headings, list items and quotes kept
 * as lines of their own without their markers, emphasis and escapes undone, character
 * references decoded. A small reducer, not a parser: line by line, then each line left to
 * right with lookups made once per line, so it stays linear in the text whatever it holds.
 */
import { decodeHTML } from 'entities';
import { markupStretches } from '../markup.js';

/** Longest link destination looked for. */
const MAX_DESTINATION = 2048;
/** Longest backtick run read as a code span fence; longer runs are text. */
const MAX_FENCE = 16;

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const SPACE_OR_PUNCTUATION = /[\s!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;

/** For each position, where `char` next occurs (at or after it), or -1. */
function nextOf(line: string, char: string): Int32Array {
  const next = new Int32Array(line.length + 1).fill(-1);
  for (let i = line.length - 1; i >= 0; i--) next[i] = line[i] === char ? i : next[i + 1]!;
  return next;
}

/** Lookups made once per line, so that every `[` costs O(1) to try as a link. */
interface LineIndex {
  close: Int32Array;
  doubleQuote: Int32Array;
  singleQuote: Int32Array;
  parenthesis: Int32Array;
  angle: Int32Array;
  /** The next whitespace at or after each position (line.length at the end). */
  space: Int32Array;
  /** For each `(`, its matching `)` within the same run without whitespace, or -1. */
  match: Int32Array;
}

function indexLine(line: string): LineIndex {
  const space = new Int32Array(line.length + 1).fill(line.length);
  for (let i = line.length - 1; i >= 0; i--) space[i] = /\s/.test(line[i]!) ? i : space[i + 1]!;
  const match = new Int32Array(line.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\\') i++;
    else if (char === '(') open.push(i);
    else if (char === ')' && open.length > 0) match[open.pop()!] = i;
    else if (/\s/.test(char)) open.length = 0; // a destination has no whitespace
  }
  return { close: nextOf(line, ']'), doubleQuote: nextOf(line, '"'), singleQuote: nextOf(line, "'"), parenthesis: nextOf(line, ')'), angle: nextOf(line, '>'), space, match };
}

/** The destination and title after `[text]`, starting at its `(`: where they end, or -1. */
function destinationEnd(line: string, index: LineIndex, open: number): number {
  const within = (end: number) => end >= 0 && end - open <= MAX_DESTINATION;
  let i = open + 1;
  while (line[i] === ' ') i++;
  if (line[i] === '<') {
    if (!within(index.angle[i]!)) return -1;
    i = index.angle[i]! + 1;
  } else if (line[i] !== ')') {
    const close = index.match[open]!;
    if (close >= 0 && within(close)) return close + 1; // no title: the destination's parentheses balance
    i = index.space[i]!;
    if (!within(i)) return -1;
  }
  while (line[i] === ' ') i++;
  const quote = line[i] === '"' ? index.doubleQuote : line[i] === "'" ? index.singleQuote : line[i] === '(' ? index.parenthesis : undefined;
  if (quote) {
    if (!within(quote[i + 1]!)) return -1;
    i = quote[i + 1]! + 1;
    while (line[i] === ' ') i++;
  }
  return line[i] === ')' ? i + 1 : -1;
}

/** One line's inline markup undone. `references`: the labels of reference definitions. */
function inline(line: string, references: ReadonlySet<string>): string {
  const index = indexLine(line);
  const unmatchedRuns = new Set<number>();
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const char = line[i]!;
    const previous = line[i - 1] ?? ' ';
    if (char === '\\' && PUNCTUATION.test(line[i + 1] ?? '')) {
      out.push(line[i + 1]!);
      i += 2;
    } else if (char === '`') {
      let run = 1;
      while (line[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      let close = run > MAX_FENCE || unmatchedRuns.has(run) ? -1 : line.indexOf(fence, i + run);
      while (close >= 0 && line[close + run] === '`') close = line.indexOf(fence, close + run + 1);
      if (close < 0) {
        unmatchedRuns.add(run); // no closing run of this length anywhere after: never look again
        out.push(fence);
      } else out.push(line.slice(i + run, close).replace(/^ (.*) $/, '$1'));
      i = close < 0 ? i + run : close + run;
    } else if (char === '[' || (char === '!' && line[i + 1] === '[')) {
      const image = char === '!';
      const open = image ? i + 1 : i;
      const close = index.close[open + 1] ?? -1;
      const label = close < 0 ? '' : line.slice(open + 1, close);
      const end = close < 0 ? -1 : line[close + 1] === '(' ? destinationEnd(line, index, close + 1) : -1;
      const reference = close < 0 || end >= 0 || line[close + 1] !== '[' ? undefined : /^\[([^\]]*)\]/.exec(line.slice(close + 1, close + 1 + 1000));
      const referenced = reference && references.has((reference[1] || label).trim().toLowerCase()) ? close + 1 + reference[0].length : -1;
      const shortcut = close >= 0 && end < 0 && referenced < 0 && !label.startsWith('^') && references.has(label.trim().toLowerCase()) ? close + 1 : -1;
      const after = Math.max(end, referenced, shortcut);
      if (close >= 0 && label.startsWith('^') && /^\^[^\s\]]+$/.test(label)) i = close + 1; // a footnote reference
      else if (after < 0) {
        out.push(char);
        i++;
      } else {
        if (!image) out.push(inline(label, references)); // link text kept, destination dropped; an image entirely
        i = after;
      }
    } else if ((char === '*' || char === '_' || char === '~') && (char !== '~' || line[i + 1] === '~')) {
      let run = 1;
      while (line[i + run] === char) run++;
      const next = line[i + run] ?? ' ';
      const opens = !/\s/.test(next) && (SPACE_OR_PUNCTUATION.test(previous) || !SPACE_OR_PUNCTUATION.test(next));
      const closes = !/\s/.test(previous) && (SPACE_OR_PUNCTUATION.test(next) || !SPACE_OR_PUNCTUATION.test(previous));
      const intraword = char === '_' && WORD.test(previous) && WORD.test(next); // snake_case stays
      if (!((opens || closes) && !intraword && run <= 3)) out.push(line.slice(i, i + run));
      i += run;
    } else if (char === 'h' && (line.startsWith('https://', i) || line.startsWith('http://', i)) && !WORD.test(previous)) {
      // A bare URL (GitHub links it): dropped, and its dots with it; trailing punctuation stays.
      const url = /^https?:\/\/[^\s<>]*[^\s<>.,:;"'!?)\]*_~]/.exec(line.slice(i, i + MAX_DESTINATION));
      if (url) i += url[0].length;
      else {
        out.push(char);
        i++;
      }
    } else {
      out.push(char);
      i++;
    }
  }
  return out.join('');
}

/** A Markdown file's text: what a reader sees, one heading, item or paragraph line as in the source. */
export function markdownToText(markdown: string): string {
  let lines = markdown.split(/\r?\n/);
  // Front matter: a first line "---" closed by "---" or "...".
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const end = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
    if (end > 0) lines = lines.slice(end + 1);
  }
  const references = new Set<string>();
  const kept: string[] = [];
  let fence: RegExp | undefined;
  for (const line of lines) {
    if (fence) {
      if (fence.test(line)) fence = undefined;
      continue;
    }
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (opening && !(opening[1]![0] === '`' && line.slice(opening[0].length).includes('`'))) {
      fence = new RegExp(`^ {0,3}${opening[1]![0] === '`' ? '`' : '~'}{${opening[1]!.length},}\\s*$`);
      continue;
    }
    const definition = /^ {0,3}\[([^\]^][^\]]*)\]:\s*\S/.exec(line);
    if (definition) {
      references.add(definition[1]!.trim().toLowerCase());
      continue;
    }
    kept.push(line);
  }
  // HTML inside Markdown: the core's tag scanner drops tags, comments and scripts.
  const joined = kept.join('\n');
  const parts: string[] = [];
  let copied = 0;
  for (const [start, end, effect] of markupStretches(joined)) {
    parts.push(joined.slice(copied, start), effect === 'paragraph' ? '\n\n' : effect === 'line' ? '\n' : '');
    copied = end;
  }
  parts.push(joined.slice(copied));

  const out: string[] = [];
  for (let line of parts.join('').split('\n')) {
    if (/^ {0,3}(?:([-*_])(?: *\1){2,}|=+) *$/.test(line) || /^\s*\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?\s*$/.test(line)) {
      out.push(''); // a thematic break, a setext underline, a table's delimiter row
      continue;
    }
    line = line.replace(/^(?: {0,3}> ?)+/, ''); // block quotes
    const heading = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) line = `\n${heading[1] ?? ''}\n`;
    line = line
      .replace(/^\s*(?:[-+*]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, '') // list markers, task boxes
      .replace(/^ {0,3}\[\^[^\]\s]+\]:\s*/, ''); // a footnote's label
    if (/^\s*\|.*\|\s*$/.test(line)) line = line.replace(/^\s*\||\|\s*$/g, '').trim().replace(/\s*(?<!\\)\|\s*/g, ' — ');
    out.push(inline(line, references));
  }
  return decodeHTML(out.join('\n'))
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
