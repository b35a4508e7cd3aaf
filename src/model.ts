/**
 * The data the stages hand each other, each layout documented here once.
 *
 * Inside the pipeline a sentence is a dense integer id: document by document in canonical
 * (id) order, by position within a document. Everything about sentence i lives at index i of
 * flat typed arrays; a variable-length list per item (a group's members, a sentence's terms)
 * is stored compressed: the items of i are `list[start[i] .. start[i + 1])`. Outside the
 * pipeline the data is plain objects (types.ts).
 *
 * Stages import this file and the shared measures, never each other; `summarize.ts` alone
 * knows their order.
 */
import type { SourceDocument, SummaryWarning } from './types.js';

/** What a sentence is. Only `PROSE` is ever analysed, merged, ranked or selected. */
export const Kind = {
  PROSE: 0,
  /** A line without final punctuation (headline, subhead, label), or a short question alone on a line. */
  HEADING: 1,
  /** A photo caption or credit. */
  CAPTION: 2,
  /** Share buttons and similar controls ("SHARE …", "Share on Facebook"). */
  SHARE: 3,
  /** Bylines, agency lines, "With files from …", "… contributed to this report". */
  BYLINE: 4,
  /** A dateline or date standing alone ("SEOUL, South Korea —", "Updated 3:04 PM"). */
  DATELINE: 5,
  /** A "The Latest" / "Related" list of links to other stories. */
  LINK_LIST: 6,
  /** Advertisement markers, newsletter and follow prompts, cookie and copyright notices. */
  BOILERPLATE: 7,
  /** Too short, or not ending as a sentence ends (cut-off text, a lead-in ending in ":"). */
  FRAGMENT: 8,
  /** A piece of a run of text longer than `maxSentenceLength` without a boundary. */
  OVERLONG: 9,
  /** A line that appears twice in its document (alt text and caption, a repeated headline). */
  REPEATED: 10,
  /** Mostly markup, symbols, digits or control characters rather than words. */
  NOISE: 11,
} as const;

export type KindCode = (typeof Kind)[keyof typeof Kind];

/** Readable names of the kinds, indexed by code ("prose", "heading", …, "link list"). */
export const KIND_NAMES: readonly string[] = Object.keys(Kind).map((name) => name.toLowerCase().replace('_', ' '));

/** segment → sentences with exact offsets and a kind. */
export interface Segments {
  count: number;
  /** doc[i], start[i], end[i]: document index and UTF-16 span `[start, end)` of sentence i in the original text. */
  doc: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Index of sentence i among its document's sentences. */
  indexInDoc: Int32Array;
  kind: Uint8Array;
  /** First sentence id of document d; `firstOfDoc[documents] === count`. */
  firstOfDoc: Int32Array;
  /**
   * Per document, the text the later stages read: the original, or (for HTML) a copy of the
   * same length with tags blanked out. Offsets mean the same in both.
   */
  analysisText: string[];
  warnings: SummaryWarning[];
}

/**
 * Distinct strings under dense ids (a run's comparison keys, its stems), kept as spans of a few
 * long strings: string t is `blocks[block[t]].slice(start[t], end[t])` (string-table.ts reads
 * them). A string each was an object for the garbage collector to mark at every full
 * collection: a 50 MB file of template sentences kept 1.6 million of them alive, and each
 * collection held the event loop for 40–90 ms. Arrays may be longer than `count`.
 */
export interface StringTable {
  count: number;
  blocks: string[];
  block: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Each string's hash as `DistinctStrings` gives it (in tables made or copied from one: keys, vocabularies), read as unsigned. */
  hash?: Int32Array;
}

/** analyse → per prose sentence, what similarity is measured on (non-prose: no key, no terms). */
export interface Analysis {
  /** Per sentence: the id of its comparison key in `keys` (equal keys, equal ids; numbered in order of first appearance among the prose sentences); −1 for non-prose. */
  keyId: Int32Array;
  /** Comparison keys: letters and digits only, lower-cased, NFKC. Edit distance compares these. */
  keys: StringTable;
  /** Content terms (stopwords removed, stemmed for English) as dense ids: sentence i's are `terms[termStart[i] .. termStart[i + 1])`, in text order. */
  termStart: Int32Array;
  terms: Int32Array;
  /** Number of distinct terms; ids are `0 .. termCount - 1` in order of first appearance in this run. */
  termCount: number;
  /** The term (stem) of each id: `vocabulary.count === termCount`. */
  vocabulary: StringTable;
  /** Words of each prose sentence's original text, as the budget counts them (text.ts `countWords`). */
  words: Int32Array;
  /** How well each prose sentence stands alone, in (0, 1]: 1 for a clean declarative sentence; lower when it opens with a connective or pronoun, or its quotes are unbalanced. */
  standalone: Float64Array;
}

/** dedupe → groups of near-identical prose sentences, one fact each. */
export interface Groups {
  count: number;
  /** Group of each sentence; −1 for non-prose. */
  groupOf: Int32Array;
  /** Per sentence: its comparison key as a number (equal keys, equal numbers); −1 for non-prose. `Analysis.keyId` itself. */
  keyId: Int32Array;
  /** Members of group g: `members[memberStart[g] .. memberStart[g + 1])`, in sentence id order, i.e. by (documentId, start). Groups are numbered by their first member. */
  memberStart: Int32Array;
  members: Int32Array;
  /** The member shown for the group. */
  representative: Int32Array;
  /** Distinct documents among the members. */
  support: Int32Array;
  /** Groups with two or more members. */
  duplicateGroups: number;
  /** Edit-distance computations made: read by tests and the benchmark only. */
  comparisons: number;
}

/** What a conflict is about; the public names are `CONFLICT_KINDS[code]`. */
export const ConflictKind = { NUMBER: 0, DATE: 1, NAME: 2, OTHER: 3 } as const;
export type ConflictKindCode = (typeof ConflictKind)[keyof typeof ConflictKind];
export const CONFLICT_KINDS = ['number', 'date', 'name', 'other'] as const;

/**
 * conflicts → where the sources of one fact disagree (a number, a date, a name), and each
 * group's representative and support once that is known.
 *
 * Conflict c has variants `variantStart[c] .. variantStart[c + 1]`, most supported first
 * (ties by document, start); variant v has spans `spanStart[v] .. spanStart[v + 1]` by
 * (document, start); span p lies in sentence `spanSentence[p]` at `[spanFrom[p], spanTo[p])`
 * of its document's text. Conflicts are ordered most supported fact first (the group's
 * support from dedupe, then group id), the conflicts of one group together in reading order.
 * A group's first conflict decides its representative and support; `variantOf` refers to it.
 */
export interface Conflicts {
  count: number;
  group: Int32Array;
  kind: Uint8Array;
  variantStart: Int32Array;
  /** Distinct documents of each variant's spans (paraphrases included). */
  variantSupport: Int32Array;
  spanStart: Int32Array;
  /** A member of the group, or (for a paraphrase that gives the same number) a sentence outside it. */
  spanSentence: Int32Array;
  spanFrom: Int32Array;
  spanTo: Int32Array;
  /** Per group: its first conflict, −1 when it has none. */
  firstOfGroup: Int32Array;
  /** Per sentence: its variant in its own group's first conflict, −1 when none (no conflict, or its text lacks the place). */
  variantOf: Int32Array;
  /**
   * Per group, what rank, select and assemble read instead of dedupe's: for a group with a
   * conflict, its representative is the earliest member of variant 0 and its support is variant
   * 0's documents; for every other group, dedupe's values.
   */
  representative: Int32Array;
  support: Int32Array;
}

/** Sparse tf-idf vectors, one per group: terms of group g are at `start[g] .. start[g + 1]`, sorted by term id. */
export interface Vectors {
  start: Int32Array;
  term: Int32Array;
  weight: Float64Array;
  norm: Float64Array;
  /** Groups holding each term. */
  frequency: Int32Array;
}

/** rank → what each fact is worth. */
export interface Ranking {
  /** Static salience per group, the best scoring 1: prior × all its concept weight ÷ lengthCost. */
  score: Float64Array;
  /** Per group: lead prior × article typicality × stand-alone factor × (centrality / best)^¼. */
  prior: Float64Array;
  /** Per group: what its representative pays for its length (words^0.85). */
  lengthCost: Float64Array;
  /** Raw PageRank per group (sums to 1): read by tests only; the prior holds what selection needs. */
  centrality: Float64Array;
  /** Concepts of group g: `concept[conceptStart[g] .. conceptStart[g + 1])`, ids into `conceptWeight`. */
  conceptStart: Int32Array;
  concept: Int32Array;
  conceptWeight: Float64Array;
  /** Power iterations run: read by tests only. */
  iterations: number;
  /** The groups' tf-idf vectors (select measures redundancy with them). */
  vectors: Vectors;
}

/** What rank's concepts are made of: plain typed arrays, so another thread can make them (parallel-concepts.ts). */
export interface ConceptsInput {
  segments: Pick<Segments, 'count' | 'doc'>;
  analysis: Pick<Analysis, 'termCount' | 'termStart' | 'terms'>;
  groups: Pick<Groups, 'count' | 'groupOf' | 'representative'>;
  supportWeight: number;
}

/** Rank's concepts, and the articles per term (its typicality reads them). */
export type Concepts = Pick<Ranking, 'conceptStart' | 'concept' | 'conceptWeight'> & { termDocuments: Int32Array };

/** select → the chosen groups, and what budget would have chosen one when none fit. */
export interface Selection {
  /** In the order they were chosen. */
  chosen: number[];
  /** When nothing was chosen though facts were there: the smallest budget of the same kind that takes one. */
  budgetNeeded: Budget | undefined;
}

/** The length budget, exactly one kind. */
export type Budget =
  | { kind: 'words'; limit: number }
  | { kind: 'sentences'; limit: number }
  | { kind: 'characters'; limit: number };

/** Documents read: their sentences and analysis, all a summary or a grouping starts from. */
export interface Read {
  /** In canonical (id) order: the document index of every layout is an index here. */
  documents: readonly SourceDocument[];
  segments: Segments;
  analysis: Analysis;
}

/** Everything one run of the stages produced: what `assemble` turns into a `Summary`. */
export interface StageResults {
  /** The documents in canonical (id) order: the document index of every layout is an index here. */
  documents: readonly SourceDocument[];
  segments: Segments;
  analysis: Analysis;
  /** Dedupe's groups with the representative and support that the conflicts decided (`Conflicts.representative`, `.support`). */
  groups: Groups;
  conflicts: Conflicts;
  ranking: Ranking;
  /** The chosen groups, in output order. */
  chosen: number[];
  /** As in `Selection`: the budget that would choose a sentence when this one chose none. */
  budgetNeeded: Budget | undefined;
}
