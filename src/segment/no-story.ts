/**
 * The confidence signal of segment: whether any document reads as an article. Its own module
 * beside furniture.ts, which marks the kinds it counts.
 */
import { Kind } from '../model.js';
import type { SummaryWarning } from '../types.js';

/** Share of a page's sentence text that must be prose for the page to read as an article. */
const ARTICLE_PROSE_SHARE = 0.5;
/** Left out of that share: furniture articles have too (captions, credits, bylines, datelines, alt text), and over-long pieces. */
const NOT_COUNTED = new Uint8Array(256); // by kind code: a table, as a set's look-up per sentence cost a million-sentence page 10 ms
for (const kind of [Kind.CAPTION, Kind.BYLINE, Kind.DATELINE, Kind.REPEATED, Kind.OVERLONG]) NOT_COUNTED[kind] = 1;

/**
 * The confidence signal: a warning when there is prose but no document reads as an article
 * (pages of navigation, link lists, teasers, notices). What prose there is is still
 * summarised; the warning says it may be page furniture the rules did not recognise.
 */
export function noStoryWarning(firstOfDoc: Int32Array, start: ArrayLike<number>, end: ArrayLike<number>, kind: ArrayLike<number>): SummaryWarning | undefined {
  let prose = false;
  for (let d = 0; d + 1 < firstOfDoc.length; d++) {
    let proseLength = 0;
    let length = 0;
    for (let i = firstOfDoc[d]!; i < firstOfDoc[d + 1]!; i++) {
      if (!NOT_COUNTED[kind[i]!]) length += end[i]! - start[i]!;
      if (kind[i] === Kind.PROSE) proseLength += end[i]! - start[i]!;
    }
    if (proseLength > 0 && proseLength >= ARTICLE_PROSE_SHARE * length) return undefined;
    prose ||= proseLength > 0;
  }
  const message = 'no document reads as an article: most of every page is headlines, links, captions or notices, so the summary is built from what little prose there is and may be page furniture.';
  return prose ? { code: 'NO_STORY', message } : undefined;
}
