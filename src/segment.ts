/**
 * Stage 1, segment: documents → sentences with exact `[start, end)` offsets and a kind.
 *
 * `sbd` decides where sentences end, one line at a time (with `newline_boundaries` a line
 * break always ends a sentence, so splitting lines first changes nothing but lets long
 * documents yield between lines). `sbd` returns its sentences re-joined with single spaces,
 * so each is mapped back onto the original text token by token: offsets are found in the
 * text, never rebuilt.
 *
 * Layout (flat arrays indexed by sentence id; ids are dense, document by document in
 * canonical order, by position within a document):
 *   doc[i], start[i], end[i]   document index and UTF-16 span of sentence i
 *   indexInDoc[i]              index of sentence i among its document's sentences
 *   kind[i]                    `Kind.PROSE` or what else it is (see furniture.ts)
 *   firstOfDoc[d]              first sentence id of document d; firstOfDoc[documents] = count
 */
import sbd from 'sbd';
import { classifyDocument, datelinePrefixLength, isSpaceCode, Kind, type KindCode, type LineSentences } from './furniture.js';
import type { Work } from './schedule.js';
import type { SourceDocument, SummaryWarning } from './types.js';

export interface Segments {
  count: number;
  doc: Int32Array;
  start: Int32Array;
  end: Int32Array;
  indexInDoc: Int32Array;
  kind: Uint8Array;
  firstOfDoc: Int32Array;
  /**
   * Per document, the text the later stages read: the original, or (for HTML) a copy of the
   * same length with tags blanked out. Offsets mean the same in both.
   */
  analysisText: string[];
  warnings: SummaryWarning[];
}

/**
 * Words that end in a full stop without ending a sentence. sbd's own English list (its
 * default) plus what it misses in news: military and political titles, US state
 * abbreviations, street and company words. Matched case-sensitively, without the dot.
 */
const ABBREVIATIONS = [
  // sbd 1.0.19's list
  'al', 'adj', 'assn', 'Ave', 'BSc', 'MSc', 'Cell', 'Ch', 'Co', 'cc', 'Corp', 'Dem', 'Dept', 'ed', 'eg', 'Eq', 'Eqs', 'est',
  'etc', 'Ex', 'ext', 'Fig', 'fig', 'Figs', 'figs', 'i.e', 'ie', 'Inc', 'inc', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug',
  'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'jr', 'mi', 'Miss', 'Mrs', 'Mr', 'Ms', 'Mol', 'mt', 'mts', 'no', 'Nos', 'PhD', 'MD', 'BA',
  'MA', 'MM', 'pl', 'pop', 'pp', 'Prof', 'Dr', 'pt', 'Ref', 'Refs', 'Rep', 'repr', 'rev', 'Sec', 'Secs', 'Sgt', 'Col', 'Gen',
  'Sen', 'Gov', 'Lt', 'Maj', 'Capt', 'St', 'Sr', 'sr', 'Jr', 'Rev', 'Sun', 'Mon', 'Tu', 'Tue', 'Tues', 'Wed', 'Th', 'Thu',
  'Thur', 'Thurs', 'Fri', 'Sat', 'trans', 'Univ', 'Viz', 'Vol', 'vs', 'v',
  // titles
  'Adm', 'Brig', 'Cmdr', 'Cdr', 'Cpl', 'Gens', 'Govs', 'Pfc', 'Pvt', 'Sens', 'Reps', 'Supt', 'Det', 'Insp', 'Atty', 'Amb',
  'Hon', 'Pres', 'Msgr', 'Fr', 'Drs', 'Messrs', 'Mmes', 'Sra', 'Mme', 'Mlle', 'Lieut', 'Sgts', 'Cols',
  // US states (AP style)
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans', 'Ky', 'La', 'Md', 'Mass',
  'Mich', 'Minn', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Penn', 'Tenn', 'Tex', 'Va', 'Vt', 'Wash', 'Wis', 'Wisc', 'Wyo',
  // places, organisations, misc
  // ("No" stays out: sbd already keeps "No. 1" together, and "No." is a sentence in quotes.)
  'Blvd', 'Rd', 'Ste', 'Mt', 'Ft', 'Pt', 'Hwy', 'Rte', 'Bros', 'Ltd', 'approx', 'cf', 'ca',
];

const SBD_OPTIONS = { newline_boundaries: true, abbreviations: ABBREVIATIONS };

/** Capitalised words that do open a sentence after an initialism ("…to the U.S. The next day"). */
const SENTENCE_OPENERS = new Set(
  ('The A An He She It They We I You His Her Its Their Our My This That These Those There Here But And Or So Yet Then Now ' +
    'When While After Before As If In On At For With By From To Also However Meanwhile What Why How Who Where Which Some ' +
    'Many Most All No One Two Both Still Instead Since Although Though Earlier Later Last Next According Officials Police')
    .split(' '),
);

/** An initialism such as "U.N." or "D.C." at the end of a text. */
const ENDS_WITH_INITIALISM = /(?:^|[\s(])(?:\p{Lu}\.){2,}$/u;

/**
 * sbd ends a sentence after "U.N." whenever a capitalised word follows (its check for names
 * after an abbreviation only looks at the first words of its input). In news the next word
 * nearly always continues the sentence ("U.N. Security Council", "U.S. Embassy"); join the
 * two unless it is a word that opens sentences.
 */
function joinAfterInitialisms(text: string, spans: number[]): number[] {
  if (spans.length < 4) return spans;
  // One pass building a new list: splicing in place would be quadratic on "U.S. Navy U.S. Navy …".
  const joined: number[] = [spans[0]!, spans[1]!];
  for (let s = 2; s < spans.length; s += 2) {
    const start = spans[s]!;
    const end = spans[s + 1]!;
    const previousEnd = joined[joined.length - 1]!;
    const tail = text.slice(Math.max(joined[joined.length - 2]!, previousEnd - 40), previousEnd);
    const firstWord = /^\S+/.exec(text.slice(start, Math.min(start + 40, end)))?.[0] ?? '';
    if (ENDS_WITH_INITIALISM.test(tail) && /^\p{Lu}/u.test(firstWord) && !firstWord.endsWith(',') && !SENTENCE_OPENERS.has(firstWord.replace(/[’'].*$/, ''))) {
      joined[joined.length - 1] = end; // [a, b] + [c, d] → [a, d]
    } else joined.push(start, end);
  }
  return joined;
}

/** Lines longer than this are cut (preferably after a full stop) before `sbd` sees them. */
const LINE_CHUNK = 100_000;

/** Characters `sbd` may drop between the words it returns: separator runs, its newline placeholder. */
const DROPPED_BY_SBD = /^[\s\-#=_+*@~]*$/;

/** Closing punctuation `sbd` can leave out of a sentence it split inside a word ("said.Then"). */
function isClosingPunctuation(code: number): boolean {
  return (
    code === 46 || code === 33 || code === 63 || code === 34 || code === 39 || code === 41 || code === 93 ||
    code === 0x2026 || code === 0x201d || code === 0x2019 || code === 0xbb
  );
}

/** `[from, to)` without leading and trailing whitespace; `from === to` when blank. */
function trimSpan(text: string, from: number, to: number): [number, number] {
  while (from < to && isSpaceCode(text.charCodeAt(from))) from++;
  while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to--;
  return [from, to];
}

/** Move a cut point off the middle of a surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff && at > 0 ? at - 1 : at;
}

/**
 * Append the sentences `sbd` finds in `text[from, to)` (trimmed) to `spans` as start/end pairs.
 */
function splitChunk(text: string, from: number, to: number, spans: number[]): void {
  const chunk = text.slice(from, to);
  // No sentence-ending character and nothing sbd treats as a break: one sentence, no sbd call.
  if (!/[.!?]|[-#=_+*]{4}|@~@/.test(chunk)) {
    spans.push(from, to);
    return;
  }
  let pieces: string[] | undefined;
  try {
    pieces = sbd.sentences(chunk, SBD_OPTIONS);
  } catch {
    // sbd 1.0.19 throws on a line of only separators ("----"); there is no sentence in it.
    pieces = undefined;
  }
  if (!pieces) {
    if (!DROPPED_BY_SBD.test(chunk)) spans.push(from, to);
    return;
  }
  let cursor = from;
  for (const piece of pieces) {
    let start = -1;
    let end = -1;
    for (const token of piece.split(' ')) {
      if (token === '') continue;
      // Searched in the chunk, so a token sbd changed costs one chunk scan, not a document scan.
      const found = chunk.indexOf(token, cursor - from);
      const at = found < 0 ? -1 : found + from;
      // The gap is nearly always empty or one space; only an unusual gap needs the regex.
      const gap = at - cursor;
      const plainGap = gap === 0 || (gap === 1 && isSpaceCode(text.charCodeAt(cursor)));
      if (at < 0 || at + token.length > to || (!plainGap && !DROPPED_BY_SBD.test(text.slice(cursor, at)))) {
        // Never seen, but offsets must stay exact whatever sbd returns: the rest is one sentence.
        const [restStart, restEnd] = trimSpan(text, cursor, to);
        if (restStart < restEnd) spans.push(restStart, restEnd);
        return;
      }
      if (start < 0) start = at;
      end = at + token.length;
      cursor = end;
    }
    if (start < 0) continue;
    while (end < to && isClosingPunctuation(text.charCodeAt(end))) end++;
    cursor = end;
    spans.push(start, end);
  }
}

/** Cut a trimmed line into chunks `sbd` can take in one call, preferring to cut after a full stop. */
function chunkLine(text: string, from: number, to: number): [number, number][] {
  const chunks: [number, number][] = [];
  let position = from;
  while (to - position > LINE_CHUNK) {
    const limit = position + LINE_CHUNK;
    let cut = -1;
    // Only the last tenth is searched: a lastIndexOf over the whole line would be quadratic.
    const windowStart = position + Math.floor(LINE_CHUNK * 0.9);
    const stop = text.slice(windowStart, limit).lastIndexOf('. ');
    if (stop >= 0) cut = windowStart + stop + 1;
    if (cut < 0) for (let i = limit; i > position + LINE_CHUNK / 2; i--) if (isSpaceCode(text.charCodeAt(i))) { cut = i; break; }
    if (cut < 0) cut = safeCut(text, limit);
    const [a, b] = trimSpan(text, position, cut);
    if (a < b) chunks.push([a, b]);
    position = cut;
  }
  const [a, b] = trimSpan(text, position, to);
  if (a < b) chunks.push([a, b]);
  return chunks;
}

/** Cut `[from, to)` into pieces of at most `max` code units, at whitespace where there is some. */
function cutOverlong(text: string, from: number, to: number, max: number): number[] {
  const pieces: number[] = [];
  let position = from;
  while (to - position > max) {
    let cut = -1;
    for (let i = position + max; i > position + max / 2; i--) if (isSpaceCode(text.charCodeAt(i))) { cut = i; break; }
    if (cut < 0) cut = safeCut(text, position + max);
    const [a, b] = trimSpan(text, position, cut);
    if (a < b) pieces.push(a, b);
    position = cut;
  }
  const [a, b] = trimSpan(text, position, to);
  if (a < b) pieces.push(a, b);
  return pieces;
}

const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'aside', 'footer', 'figure', 'svg', 'iframe', 'select', 'button', 'form']);
const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'section', 'article',
  'header', 'main', 'blockquote', 'pre', 'hr', 'dd', 'dt', 'dl', 'body', 'html', 'title', 'figcaption',
]);

/** Enough tags of HTML's own vocabulary to treat a text as a page, not prose that mentions `<b>`. */
export function looksLikeMarkup(text: string): boolean {
  // The first 64K characters decide, and a tag's attributes are bounded: both keep this linear.
  const head = text.length > 65_536 ? text.slice(0, 65_536) : text;
  const tags = head.match(/<\/?(?:p|div|br|span|a|li|ul|ol|h[1-6]|html|body|head|script|style|img|table|tr|td|section|article|header|footer|nav|meta|link|b|i|em|strong|figure|figcaption)\b[^<>]{0,256}>/gi);
  return tags !== null && tags.length >= 3;
}

/**
 * A copy of an HTML text with the same length in which tags, comments and the content of
 * scripts, styles, navigation and the like are spaces, and block-level tags start with a
 * line break. Sentences found in the copy have the same offsets in the original. Linear.
 */
export function maskMarkup(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  let position = 0;
  const blank = (from: number, to: number, lineBreak: boolean) => {
    parts.push(text.slice(copied, from));
    if (to > from) parts.push((lineBreak ? '\n' : ' ') + ' '.repeat(to - from - 1));
    copied = to;
  };
  for (;;) {
    const open = text.indexOf('<', position);
    if (open < 0) break;
    if (text.startsWith('<!--', open)) {
      const close = text.indexOf('-->', open + 4);
      const end = close < 0 ? text.length : close + 3;
      blank(open, end, false);
      position = end;
      continue;
    }
    const close = text.indexOf('>', open + 1);
    if (close < 0) break;
    const tag = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(text.slice(open, Math.min(close + 1, open + 64)));
    if (!tag) {
      position = open + 1;
      continue;
    }
    const name = tag[1]!.toLowerCase();
    let end = close + 1;
    const isClosing = text.charCodeAt(open + 1) === 47;
    if (!isClosing && RAW_TEXT_ELEMENTS.has(name) && text.charCodeAt(close - 1) !== 47) {
      const closing = new RegExp(`</${name}\\s*>`, 'gi');
      closing.lastIndex = end;
      const match = closing.exec(text);
      end = match ? match.index + match[0].length : text.length;
    }
    blank(open, end, BLOCK_ELEMENTS.has(name) || RAW_TEXT_ELEMENTS.has(name));
    position = end;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

interface LineSplit {
  /** Sentence spans relative to the line: [start0, end0, start1, end1, …]. */
  spans: number[];
  /** Per span: 1 when it is a piece of an over-long run. */
  overlong: Uint8Array;
  /** Over-long runs that were cut, relative to the line. */
  runs: [number, number][];
}

/** Sentences of one trimmed line of text: sbd, the initialism repair, a dateline split off, over-long runs cut. */
function splitLine(line: string, maxSentenceLength: number): LineSplit {
  let found: number[] = [];
  for (const [a, b] of chunkLine(line, 0, line.length)) splitChunk(line, a, b, found);
  found = joinAfterInitialisms(line, found);
  // A dateline ("SEOUL, South Korea —") opening the line becomes a sentence of its own (marked
  // as furniture), so the story's first sentence reads without it and no text is lost.
  if (found.length >= 2) {
    const first = line.slice(found[0]!, found[1]!);
    const prefix = datelinePrefixLength(first);
    if (prefix > 0 && prefix < first.length) {
      const [datelineStart, datelineEnd] = trimSpan(line, found[0]!, found[0]! + prefix);
      found.splice(0, 1, datelineStart, datelineEnd, found[0]! + prefix);
    }
  }
  const spans: number[] = [];
  const overlong: number[] = [];
  const runs: [number, number][] = [];
  for (let s = 0; s < found.length; s += 2) {
    const a = found[s]!;
    const b = found[s + 1]!;
    if (b - a <= maxSentenceLength) {
      spans.push(a, b);
      overlong.push(0);
      continue;
    }
    const pieces = cutOverlong(line, a, b, maxSentenceLength);
    for (let p = 0; p < pieces.length; p += 2) {
      spans.push(pieces[p]!, pieces[p + 1]!);
      overlong.push(1);
    }
    runs.push([a, b]);
  }
  return { spans, overlong: Uint8Array.from(overlong), runs };
}

/**
 * Segment every document. `documents` are in canonical order; the document index in the
 * output is the index here. With `skipFurniture` false, everything but over-long pieces is prose.
 */
export function* segment(documents: readonly SourceDocument[], maxSentenceLength: number, skipFurniture = true): Work<Segments> {
  const doc: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const indexInDoc: number[] = [];
  const kind: number[] = [];
  const firstOfDoc = new Int32Array(documents.length + 1);
  const analysisText: string[] = [];
  const warnings: SummaryWarning[] = [];
  const splitCache = new Map<string, LineSplit>();
  const kindCache = new Map<string, KindCode>();

  let total = 0;
  for (const document of documents) total += document.text.length;
  let done = 0;
  yield { stage: 'segment', done, total };

  for (let d = 0; d < documents.length; d++) {
    const document = documents[d]!;
    const original = document.text;
    firstOfDoc[d] = doc.length;
    const text = looksLikeMarkup(original) ? maskMarkup(original) : original;
    analysisText.push(text);

    const lines: LineSentences[] = [];
    const overlong: boolean[] = [];
    let afterBlank = true;
    let lineStart = 0;
    let linesSinceYield = 0;
    while (lineStart <= text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      const [from, to] = trimSpan(text, lineStart, lineEnd);
      lineStart = lineEnd + 1;
      if (from === to) {
        afterBlank = true;
        continue;
      }
      // A reprinted paragraph is split once per call: the split is a function of its text.
      const lineText = text.slice(from, to);
      let split = splitCache.get(lineText);
      if (split === undefined) {
        split = splitLine(lineText, maxSentenceLength);
        splitCache.set(lineText, split);
      }
      const spans: number[] = [];
      for (let s = 0; s < split.spans.length; s += 2) {
        spans.push(from + split.spans[s]!, from + split.spans[s + 1]!);
        overlong.push(split.overlong[s >> 1] === 1);
      }
      for (const [a, b] of split.runs)
        warnings.push({
          code: 'SENTENCE_TOO_LONG',
          documentId: document.id,
          start: from + a,
          end: from + b,
          message: `a run of ${b - a} characters without a sentence boundary was cut into pieces of at most ${maxSentenceLength} (maxSentenceLength); they are not selected.`,
        });
      if (spans.length > 0) lines.push({ start: from, end: to, afterBlank, spans });
      afterBlank = false;
      if (++linesSinceYield >= 64) {
        linesSinceYield = 0;
        yield { stage: 'segment', done: done + lineStart, total };
      }
    }

    const kinds: KindCode[] = classifyDocument(text, lines, kindCache);
    let k = 0;
    for (const line of lines) {
      for (let s = 0; s < line.spans.length; s += 2) {
        indexInDoc.push(k);
        doc.push(d);
        start.push(line.spans[s]!);
        end.push(line.spans[s + 1]!);
        kind.push(overlong[k] ? Kind.OVERLONG : skipFurniture ? kinds[k]! : Kind.PROSE);
        k++;
      }
    }
    if (k === 0) {
      warnings.push({
        code: 'EMPTY_DOCUMENT',
        documentId: document.id,
        message: original.length === 0 ? 'the document is empty.' : 'the document holds only whitespace or separators.',
      });
    }
    done += original.length;
    yield { stage: 'segment', done, total };
  }
  firstOfDoc[documents.length] = doc.length;
  return {
    count: doc.length,
    doc: Int32Array.from(doc),
    start: Int32Array.from(start),
    end: Int32Array.from(end),
    indexInDoc: Int32Array.from(indexInDoc),
    kind: Uint8Array.from(kind),
    firstOfDoc,
    analysisText,
    warnings,
  };
}
