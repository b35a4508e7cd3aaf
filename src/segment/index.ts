/**
 * Stage 1, segment: documents → sentences with exact `[start, end)` offsets and a kind.
 *
 * Documents are read line by line (a line break always ends a sentence, and long documents
 * yield between lines); each line is split into sentences (split.ts) and each sentence marked
 * as prose or page furniture (furniture.ts). An HTML page is read through a copy of the same
 * length with its markup blanked, so offsets are the original's. Layout: `Segments` in model.ts.
 */
import { looksLikeMarkup, maskMarkup } from '../markup.js';
import type { LanguageRules } from '../language/index.js';
import { remember, SEEN, type Caches } from '../caches.js';
import { IntList } from '../int-list.js';
import { Kind, type Segments } from '../model.js';
import type { Work } from '../schedule.js';
import { trimSpan } from '../text.js';
import type { SourceDocument, SummaryWarning } from '../types.js';
import { classifyDocument } from './furniture.js';
import { noStoryWarning } from './no-story.js';
import { splitLine } from './split.js';

/**
 * What ends a line: CRLF, LF, and the line breaks of other systems and of Unicode (a lone CR,
 * NEL, the line and paragraph separators, form feed, vertical tab). A headline ends at any of
 * them, never running into the byline or the first sentence.
 */
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029\f\v]/g;

/** Lines longer than this are not cached: nothing that long is reprinted verbatim, and the key would hold it alive. */
const CACHED_LINE = 20_000;

/**
 * Characters split between two progress ticks (each a chance to yield to the event loop): half a
 * millisecond of prose, so that a process's first call, whose code runs several times slower until
 * the engine has optimised it, still pauses every few milliseconds (a tick costs well under a
 * microsecond); and on text that costs sbd 30 times as much (split.ts, `LINE_CHUNK`), about 12 ms.
 */
const WORK_PER_TICK = 8_000;

export interface SegmentSettings {
  maxSentenceLength: number;
  /** False: every sentence but over-long pieces is prose. */
  skipFurniture: boolean;
  language: LanguageRules;
}

/**
 * Segment every document. `documents` are in canonical order; the document index in the
 * output is the index here. `caches` may come from earlier runs with the same settings.
 */
export function* segment(documents: readonly SourceDocument[], settings: SegmentSettings, caches: Pick<Caches, 'lineSplits' | 'kinds' | 'seen'>): Work<Segments> {
  const { maxSentenceLength, skipFurniture, language } = settings;
  let total = 0;
  for (const document of documents) total += document.text.length;
  // Typed columns: plain arrays of a million sentences grew by copies and were copied again at
  // the end. Room for a sentence per 96 characters from the start (news runs 120–160): the five
  // columns doubled together at a million sentences held the event loop 40 ms.
  const room = 1024 + Math.ceil(total / 96);
  const doc = new IntList(room);
  const start = new IntList(room);
  const end = new IntList(room);
  const indexInDoc = new IntList(room);
  const kind = new IntList(room);
  const firstOfDoc = new Int32Array(documents.length + 1);
  const analysisText: string[] = [];
  const warnings: SummaryWarning[] = [];

  let done = 0;
  let workSinceTick = 0; // characters split and lines read since the last tick
  const lineBreaks = new RegExp(LINE_BREAK.source, 'g'); // this run's own: its lastIndex is state
  yield { stage: 'segment', done, total };

  // One document's lines and sentences, in columns reused from document to document.
  const lineStart = new IntList(1024);
  const lineEnd = new IntList(1024);
  const lineAfterBlank = new IntList(1024);
  const lineFirst = new IntList(1024);
  const spans = new IntList(2048);
  const overlong = new IntList(1024);
  for (let d = 0; d < documents.length; d++) {
    const document = documents[d]!;
    const original = document.text;
    firstOfDoc[d] = doc.length;
    const text = looksLikeMarkup(original) ? yield* maskMarkup(original) : original;
    analysisText.push(text);

    for (const list of [lineStart, lineEnd, lineAfterBlank, lineFirst, spans, overlong]) list.length = 0;
    let afterBlank = true;
    let lineStartsAt = 0;
    lineBreaks.lastIndex = 0;
    while (lineStartsAt <= text.length) {
      const lineBreak = lineBreaks.exec(text);
      const lineEndsAt = lineBreak ? lineBreak.index : text.length;
      const [from, to] = trimSpan(text, lineStartsAt, lineEndsAt);
      lineStartsAt = lineBreak ? lineEndsAt + lineBreak[0].length : text.length + 1;
      if (from === to) {
        afterBlank = true;
        continue;
      }
      // A reprinted paragraph is split once per call: the split is a function of its text. A
      // line too long to be reprinted is split in slices, yielding between them.
      const lineText = text.slice(from, to);
      const cached = to - from <= CACHED_LINE && caches.seen.again(text, from, to, SEEN.line);
      let split = cached ? caches.lineSplits.get(lineText) : undefined;
      if (split === undefined) {
        split = yield* splitLine(lineText, maxSentenceLength, language);
        if (cached) remember(caches.lineSplits, lineText, split);
        workSinceTick += lineText.length;
      }
      if (split.spans.length > 0) {
        lineStart.push(from);
        lineEnd.push(to);
        lineAfterBlank.push(afterBlank ? 1 : 0);
        lineFirst.push(spans.length >> 1);
      }
      for (let s = 0; s < split.spans.length; s += 2) {
        spans.push(from + split.spans[s]!);
        spans.push(from + split.spans[s + 1]!);
        overlong.push(split.overlong[s >> 1]!);
        if ((s & 131071) === 131070) yield; // a line of a hundred thousand sentences: in slices
      }
      for (const [a, b] of split.runs)
        warnings.push({
          code: 'SENTENCE_TOO_LONG',
          documentId: document.id,
          start: from + a,
          end: from + b,
          message: `a run of ${b - a} characters without a sentence boundary was cut into pieces of at most ${maxSentenceLength} (maxSentenceLength); they are not selected.`,
        });
      afterBlank = false;
      workSinceTick += 64 + split.spans.length;
      if (workSinceTick >= WORK_PER_TICK) {
        workSinceTick = 0;
        yield { stage: 'segment', done: done + Math.min(lineStartsAt, original.length), total };
      }
    }
    lineFirst.push(spans.length >> 1);

    const kinds = yield* classifyDocument(
      text,
      { start: lineStart.view(), end: lineEnd.view(), afterBlank: lineAfterBlank.view(), firstSentence: lineFirst.view(), spans: spans.view() },
      language,
      caches,
    );
    const sentences = spans.length >> 1;
    for (let k = 0; k < sentences; k++) {
      indexInDoc.push(k);
      doc.push(d);
      start.push(spans.data[2 * k]!);
      end.push(spans.data[2 * k + 1]!);
      kind.push(overlong.data[k] === 1 ? Kind.OVERLONG : skipFurniture ? kinds[k]! : Kind.PROSE);
      if ((k & 65535) === 65535) yield; // a document of a million sentences is listed in slices
    }
    if (sentences === 0) {
      warnings.push({
        code: 'EMPTY_DOCUMENT',
        documentId: document.id,
        message: original.length === 0 ? 'the document is empty.' : 'the document holds only whitespace or separators.',
      });
    }
    done += original.length;
    workSinceTick += 256;
    if (workSinceTick >= WORK_PER_TICK) {
      workSinceTick = 0;
      yield { stage: 'segment', done, total };
    }
  }
  firstOfDoc[documents.length] = doc.length;
  yield; // a pass over every sentence follows, and a copy of their kinds
  const noStory = noStoryWarning(firstOfDoc, start.view(), end.view(), kind.view());
  if (noStory) warnings.push(noStory);
  yield { stage: 'segment', done: total, total };
  const kinds = new Uint8Array(kind.length);
  kinds.set(kind.view());
  return {
    count: doc.length,
    doc: doc.view(),
    start: start.view(),
    end: end.view(),
    indexInDoc: indexInDoc.view(),
    kind: kinds,
    firstOfDoc,
    analysisText,
    warnings,
  };
}
