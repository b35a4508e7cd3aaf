/**
 * What is not prose. Scraped news pages carry headlines, photo captions and credits, share
 * buttons, bylines, datelines, "The Latest" link lists and other page furniture. Such
 * sentences are marked with a kind other than `PROSE` and never selected (nor ranked, nor
 * merged); the segmenter keeps them, so every sentence index and count stays honest.
 *
 * Rules work on one line of the original text at a time (with a little context), because
 * furniture is laid out in lines: a caption is its own line, a headline has no full stop.
 */

import { CLOSERS, OTHER_SENTENCE_ENDS, type FurniturePatterns, type LanguageRules } from '../language/index.js';
import { remember, SEEN, type Caches } from '../caches.js';
import { Kind, type KindCode } from '../model.js';
import type { Work } from '../schedule.js';
import { countWords, isSpaceCode } from '../text.js';
import { letterProfile, NOISE } from './letters.js';
import { repeatedLines } from './repeats.js';

const TERMINATORS = new Set(`.!?…${OTHER_SENTENCE_ENDS}`);
const CLOSER_SET = new Set(CLOSERS);
/** The closing quotes and brackets that may follow a question mark (not "]" or "»": "[Who is she?]" is an aside). */
const QUESTION_CLOSERS = new Set('"\'”’)」』）】〕》〉');
const QUESTION_MARKS = new Set('?？؟');

/**
 * The sentence ends in one of `ends`, followed by at most `most` characters of `closers`.
 * A look at the last few characters: an end-anchored regular expression would try every
 * position of the sentence.
 */
function endsWith(text: string, ends: ReadonlySet<string>, closers: ReadonlySet<string>, most: number): boolean {
  let at = text.length - 1;
  for (let skipped = 0; at >= 0 && skipped < most && closers.has(text[at]!); skipped++) at--;
  return at >= 0 && ends.has(text[at]!);
}

/** Characters classified between two pauses: a few milliseconds of work. */
const WORK_PER_PAUSE = 20_000;

/** Final punctuation, possibly followed by up to three closing quotes or brackets. */
const endsAsSentence = (text: string) => endsWith(text, TERMINATORS, CLOSER_SET, 3);
/** A question ending a line: short and alone on its line, a heading ("What happens next?"). */
const endsAsQuestion = (text: string) => endsWith(text, QUESTION_MARKS, QUESTION_CLOSERS, Infinity);
const CUT_CLOSERS = new Set('"\'”’)');
/** Cut off with an ellipsis and any closing quotes ("The mayor said the plan would…"), as scraped pages do. */
function endsCutOff(text: string): boolean {
  let at = text.length;
  while (at > 0 && CUT_CLOSERS.has(text[at - 1]!)) at--;
  return text[at - 1] === '…' || (at >= 3 && text.startsWith('...', at - 3));
}

/**
 * A document's non-blank lines and the sentences found in them, as offsets into its text, in
 * flat columns: a page of 800,000 lines made as many objects, each with its own array of spans,
 * and the young generation's collections copied them all.
 */
export interface DocumentLines {
  /** Line l is `text[start[l], end[l])`, trimmed. */
  start: Int32Array;
  end: Int32Array;
  /** 1 when a blank line (or the document start) comes right before line l. */
  afterBlank: Int32Array;
  /** Line l's sentences are numbers `firstSentence[l]` up to `firstSentence[l + 1]` (one entry more than lines). */
  firstSentence: Int32Array;
  /** Sentence k is `text[spans[2k], spans[2k + 1])`. */
  spans: Int32Array;
}

/** Length of a dateline prefix at the start of a line's first sentence, or 0. */
export function datelinePrefixLength(sentence: string, patterns: FurniturePatterns): number {
  const match = patterns.datelinePrefix?.exec(sentence);
  if (!match) return 0;
  const rest = sentence.slice(match[0].length);
  // A place in capitals, or an outlet's credit in brackets ("(HealthDay)—").
  const dateline = match[0].startsWith('(') || /\p{Lu}{2,}/u.test(match[0]);
  if (rest === '') return dateline ? match[0].length : 0; // a dateline standing alone
  // A dateline introduces a sentence; "U.S. - China talks" is not one.
  if (!/^[\p{Lu}"“‘'(\p{N}]/u.test(rest) || !dateline) return 0;
  return match[0].length;
}

/**
 * Length of furniture opening a line's first sentence: a video player's controls ("CLOSE"),
 * then a dateline, or 0. The story after it must start as a sentence starts; the segmenter
 * makes the furniture a sentence of its own, so the story's span starts after it.
 */
export function openingFurnitureLength(sentence: string, patterns: FurniturePatterns): number {
  const controls = patterns.playerControls?.exec(sentence)?.[0].length ?? 0;
  if (controls === 0) return datelinePrefixLength(sentence, patterns);
  let rest = controls;
  while (rest < sentence.length && isSpaceCode(sentence.charCodeAt(rest))) rest++;
  // Controls alone are a sentence of furniture; "CLOSE to 200 people came" is no control.
  if (rest === controls || !/^[\p{Lu}"“‘'(\p{N}]/u.test(sentence.slice(rest, rest + 1))) return datelinePrefixLength(sentence, patterns);
  return rest + datelinePrefixLength(sentence.slice(rest), patterns);
}

const test = (pattern: RegExp | undefined, text: string): boolean => pattern !== undefined && pattern.test(text);

/** Kind of one sentence judged alone (not its line). */
export function sentenceKind(sentence: string, aloneOnLine: boolean, patterns: FurniturePatterns): KindCode {
  const words = countWords(sentence);
  // Dates are mostly digits: check them before the test for noise.
  if (aloneOnLine && test(patterns.dateAlone, sentence) && words <= 12) return Kind.DATELINE;
  if (patterns.datelinePrefix && datelinePrefixLength(sentence, patterns) === sentence.length) return Kind.DATELINE;
  if (patterns.playerControls?.exec(sentence)?.[0].length === sentence.length) return Kind.BOILERPLATE;
  const profile = letterProfile(sentence);
  if (profile.letterShare < 0.5 || (profile.mayBeNoise && NOISE.test(sentence))) return Kind.NOISE;
  // The cheap conditions first: most sentences are long enough to skip the patterns.
  if ((words <= 12 || sentence.startsWith('SHARE ')) && test(patterns.share, sentence)) return Kind.SHARE;
  if (test(patterns.captionLabel, sentence)) return Kind.CAPTION;
  if ((words <= 40 && (test(patterns.bylineNamed, sentence) || test(patterns.byline, sentence))) || test(patterns.bylineRunIn, sentence)) return Kind.BYLINE;
  if (words <= 40 && (test(patterns.boilerplate, sentence) || test(patterns.boilerplateAnywhere, sentence))) return Kind.BOILERPLATE;
  if (endsCutOff(sentence)) return Kind.FRAGMENT;
  if (!endsAsSentence(sentence)) {
    // A headline starts like a sentence (a capital, a digit, or a letter of a script without
    // case) and stands alone; a lead-in ("He said:") or cut-off text does not.
    const heading = aloneOnLine && words <= 25 && /^["“‘'(]?[\p{Lu}\p{N}\p{Lo}]/u.test(sentence) && !/[:,;]$/.test(sentence);
    return heading ? Kind.HEADING : Kind.FRAGMENT;
  }
  if (aloneOnLine && words <= 15 && endsAsQuestion(sentence)) return Kind.HEADING;
  if (words < 4) return Kind.FRAGMENT;
  if (words <= 25 && profile.upperShare > 0.7) return Kind.HEADING;
  return Kind.PROSE;
}

/**
 * A line's words, exactly up to 81 (the rules compare them with 5, 8, 45 and 80): a line of
 * megabytes is counted in its first 4,096 characters when those already hold more than 81.
 */
function wordsUpTo81(lineText: string): number {
  if (lineText.length > 4096) {
    const head = countWords(lineText.slice(0, 4096)); // never more than the whole line's
    if (head > 81) return head;
  }
  return countWords(lineText);
}

/**
 * Classify every sentence of one document. `text` is the document; `lines` its non-blank
 * lines with their sentence spans; `caches.kinds` remembers sentence kinds across documents,
 * since reprints repeat them. Returns one kind per sentence, in order; pauses by work done.
 */
export function* classifyDocument(text: string, lines: DocumentLines, rules: LanguageRules, caches: Pick<Caches, 'kinds' | 'seen'>): Work<Uint8Array> {
  const patterns = rules.furniture;
  const lineCount = lines.start.length;
  const kinds = new Uint8Array(lines.firstSentence[lineCount]!);
  // Lines that appear twice in a document are captions repeated as alt text, or headlines.
  const repeatedTexts = yield* repeatedLines(text, lines.start, lines.end);

  let classified = 0; // characters classified (and lines and sentences looked up) since the last pause
  let linkListLeft = 0; // items of a link list still to mark
  let listMayFollowBlank = false; // the list heading stood alone in its block
  for (let l = 0; l < lineCount; l++) {
    const lineText = text.slice(lines.start[l], lines.end[l]);
    const first = lines.firstSentence[l]!;
    const sentenceCount = lines.firstSentence[l + 1]! - first;
    const lineWords = wordsUpTo81(lineText);
    // The line's own tests read it whole when it has at most 80 words: a page of short lines is work too.
    classified += 16 + (lineWords <= 80 ? lineText.length : 0);

    let lineKind: KindCode | undefined;
    if (linkListLeft > 0 && (lines.afterBlank[l] === 0 || listMayFollowBlank) && lineWords <= 45) {
      lineKind = Kind.LINK_LIST;
      linkListLeft--;
      listMayFollowBlank = false;
    } else {
      linkListLeft = 0;
      if (lineWords <= 8 && test(patterns.linkListHeading, lineText)) {
        lineKind = Kind.LINK_LIST;
        linkListLeft = 12;
        listMayFollowBlank = true; // "Related" above a blank line: the list is the next block
      } else if (lineWords <= 80 && test(patterns.captionPosition, lineText)) {
        lineKind = Kind.CAPTION;
      } else if (test(patterns.shareLine, lineText)) {
        lineKind = Kind.SHARE;
      }
    }

    const repeated = lineWords >= 5 && repeatedTexts.size > 0 && repeatedTexts.has(lineText);
    for (let k = first; k < first + sentenceCount; k++) {
      if (lineKind !== undefined) {
        kinds[k] = lineKind;
        continue;
      }
      const from = lines.spans[2 * k]!;
      const to = lines.spans[2 * k + 1]!;
      const sentence = text.slice(from, to);
      // A sentence's own kind depends only on its text and whether it stands alone on its line.
      const alone = sentenceCount === 1;
      const cacheKey = caches.seen.again(text, from, to, alone ? SEEN.sentenceAlone : SEEN.sentence) ? (alone ? '1' : '0') + sentence : undefined;
      let kind = cacheKey === undefined ? undefined : caches.kinds.get(cacheKey);
      if (kind === undefined) {
        kind = sentenceKind(sentence, alone, patterns);
        if (cacheKey !== undefined) remember(caches.kinds, cacheKey, kind);
        classified += sentence.length;
      }
      kinds[k] = kind === Kind.PROSE && repeated ? Kind.REPEATED : kind;
      if (++classified >= WORK_PER_PAUSE) {
        classified = 0; // a page of thousands of sentences: let a caller pause
        yield;
      }
    }
    if (classified >= WORK_PER_PAUSE) {
      classified = 0;
      yield;
    }
  }
  return kinds;
}
