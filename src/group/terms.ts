/**
 * What each document says, as a sequence of content terms: the headline first, then the body in
 * reading order. Prose comes from the analysis (its terms, read in place, never copied); the
 * headline (the `title` field, or a first line that is a heading) and, for a document with
 * almost no prose (a title and a snippet, lower-cased and without punctuation, which segment
 * marks as fragments), its other sentences are tokenised here, the way analyse reads words.
 * Terms new to the analysis get ids after its own.
 */
import type { LanguageRules } from '../language/index.js';
import { Kind, type Analysis, type Segments } from '../model.js';
import type { Work } from '../schedule.js';
import { contentStem, isPlain, normalise, tokenise } from '../tokens.js';
import type { SourceDocument } from '../types.js';
import { IntList } from '../int-list.js';
import { stringAt } from '../string-table.js';
import { titleHead } from '../text.js';

/** A document with fewer prose terms than this is read from its other sentences too. */
const MIN_PROSE_TERMS = 5;
/** Terms read from a document's non-prose sentences, at most (the vectors read no more body than this). */
const MAX_EXTRA_TERMS = 1000;
/** Characters tokenised between two pauses. */
const WORK_PER_PAUSE = 40_000;

/**
 * Per document (index d in canonical order), in one id space: `head[headStart[d] .. headStart[d + 1])`
 * are the headline's terms, `extra[extraStart[d] .. extraStart[d + 1])` the terms of the non-prose
 * sentences of a document with too little prose; its prose terms are the analysis's.
 */
export interface DocumentTerms {
  headStart: Int32Array;
  head: Int32Array;
  extraStart: Int32Array;
  extra: Int32Array;
  /** Ids `0 .. termCount − 1`: the analysis's, then the stems only headlines and snippets hold. */
  termCount: number;
  /** Per term, 1 when it tells no story from another: a number of one or two digits ("10", "3"). */
  weak: Uint8Array;
}

/** Weak terms: numbers of one or two digits (days, counts, ages: every story has them). */
function weakTerm(stem: string): boolean {
  if (stem.length > 2) return false;
  for (let i = 0; i < stem.length; i++) {
    const code = stem.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

export interface TermSettings {
  stopwords: ReadonlySet<string>;
  language: LanguageRules;
}

export function* documentTerms(documents: readonly SourceDocument[], segments: Segments, analysis: Analysis, settings: TermSettings): Work<DocumentTerms> {
  const count = documents.length;
  // Tokens and stems seen here, with local ids; mapped onto the analysis's ids at the end.
  const localOfToken = new Map<string, number>();
  const localOfStem = new Map<string, number>();
  const stems: string[] = [];
  const head = new IntList();
  const extra = new IntList();
  const headStart = new Int32Array(count + 1);
  const extraStart = new Int32Array(count + 1);
  let work = 0;

  /** Pushes the local ids of the content terms of `text` onto `out`, at most `most` of them. */
  const read = (text: string, out: IntList, most: number): void => {
    const plain = isPlain(text);
    work += 32 + text.length; // a page of one-word lines costs per line, not only per character
    let taken = 0;
    for (const token of tokenise(normalise(text, plain), plain)) {
      let local = localOfToken.get(token);
      if (local === undefined) {
        local = -1;
        const stem = contentStem(token, settings.stopwords, settings.language.stem);
        if (stem !== undefined) {
          local = localOfStem.get(stem) ?? -1;
          if (local < 0) {
            local = stems.length;
            stems.push(stem);
            localOfStem.set(stem, local);
          }
        }
        localOfToken.set(token, local);
      }
      if (local >= 0) {
        out.push(local);
        if (++taken >= most) return;
      }
    }
  };

  for (let d = 0; d < count; d++) {
    headStart[d] = head.length;
    extraStart[d] = extra.length;
    const text = segments.analysisText[d]!;
    const first = segments.firstOfDoc[d]!;
    const end = segments.firstOfDoc[d + 1]!;
    // The headline: the title when given, else a first line that is a heading with more after it.
    const opensWithHeading = end - first > 1 && segments.kind[first] === Kind.HEADING;
    const title = documents[d]!.title === undefined ? '' : titleHead(documents[d]!.title!);
    if (title.trim() !== '') read(title, head, MAX_EXTRA_TERMS);
    else if (opensWithHeading) read(text.slice(segments.start[first]!, segments.end[first]!), head, MAX_EXTRA_TERMS);
    let proseTerms = 0;
    for (let s = first; s < end && proseTerms < MIN_PROSE_TERMS; s++) proseTerms += analysis.termStart[s + 1]! - analysis.termStart[s]!;
    if (proseTerms < MIN_PROSE_TERMS) {
      const before = extra.length;
      for (let s = opensWithHeading ? first + 1 : first; s < end && extra.length - before < MAX_EXTRA_TERMS; s++) {
        const kind = segments.kind[s]!;
        if (kind === Kind.PROSE || kind === Kind.NOISE) continue;
        read(text.slice(segments.start[s]!, segments.end[s]!), extra, MAX_EXTRA_TERMS - (extra.length - before));
        // A page of furniture without a content word is read to its end: a megabyte of it was one turn.
        if (work >= WORK_PER_PAUSE) {
          work = 0;
          yield;
        }
      }
    }
    if (work >= WORK_PER_PAUSE) {
      work = 0;
      yield;
    }
  }
  headStart[count] = head.length;
  extraStart[count] = extra.length;

  // Local ids → the analysis's ids where the stem is in its vocabulary, new ids after them otherwise.
  // One pass over the vocabulary (millions of terms in a large feed), pausing within it.
  const globalOf = new Int32Array(stems.length).fill(-1);
  const weakInAnalysis = new Uint8Array(analysis.termCount);
  for (let t = 0; t < analysis.termCount; t++) {
    const stem = stringAt(analysis.vocabulary, t);
    const local = localOfStem.get(stem);
    if (local !== undefined) globalOf[local] = t;
    if (weakTerm(stem)) weakInAnalysis[t] = 1;
    if ((t & 16383) === 16383) yield;
  }
  let termCount = analysis.termCount;
  for (let local = 0; local < stems.length; local++) if (globalOf[local]! < 0) globalOf[local] = termCount++;
  const weak = new Uint8Array(termCount);
  weak.set(weakInAnalysis);
  for (let local = 0; local < stems.length; local++) if (weakTerm(stems[local]!)) weak[globalOf[local]!] = 1;
  const remap = (list: IntList): Int32Array => {
    const out = list.toArray();
    for (let i = 0; i < out.length; i++) out[i] = globalOf[out[i]!]!;
    return out;
  };
  yield;
  return { headStart, head: remap(head), extraStart, extra: remap(extra), termCount, weak };
}
