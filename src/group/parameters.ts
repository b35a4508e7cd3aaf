/**
 * The grouping's fixed parameters, measured on the Multi-News val feed (bench/digest.ts, and the
 * prototype's sweeps: every one moves B-cubed F1 by at most 0.01 over a wide range). Only the
 * link threshold is an option (`storySimilarity`); the benchmark passes other values to sweep.
 */
export interface GroupParameters {
  // --- text → terms (vectors.ts)
  /** Headline terms count this much each: the headline names the event. */
  headlineWeight: number;
  /** The first this many body terms count 1 each (news puts the event first) … */
  leadWeighted: number;
  /** … later ones this much … */
  bodyWeight: number;
  /** … and none after this many (live blogs, comment threads, newsletters wander). */
  bodyMost: number;
  /** Weight = (1 + ln tf) · ln((N + idfPseudoDocuments) / df)^idfPower: rare names and places count more than topic words … */
  idfPower: number;
  /**
   * … with N counted this many documents more than the feed holds (none carrying any of its
   * terms): in a feed of two or three articles on one story, the words they all share are the
   * story, and plain ln(N / df) gave them no weight at all (every such feed split apart).
   */
  idfPseudoDocuments: number;
  /**
   * A term only one document has links it to nothing, but says how much of the document is not
   * shared: it counts in the document's norm at uniqueTermShare × P / (N + P) of its weight, P
   * the pseudo-documents. In a feed of a few articles such a term is evidence they tell different
   * stories (without it, two articles of different stories were alike in all they had to
   * compare); in a feed of hundreds it is mostly a name or a quote of the article's own, and a
   * long article's own words would outweigh what it shares with its story.
   */
  uniqueTermShare: number;
  // --- furniture (shared.ts, boilerplate.ts)
  /** A whole text found verbatim in this many documents or more is page furniture (0: never) … */
  maxCopies: number;
  /** … when it has fewer content terms than this: a longer one is an article syndicated verbatim (wire copy), and a story. */
  furnitureMostTerms: number;
  /**
   * A text with no prose sentence and at least this many lines of eight words or more (a page's
   * notice or list of long items, not a headline with its byline, a table or a poem) is furniture
   * from its second copy (0: never).
   */
  furnitureListSentences: number;
  /** Sentences shorter than this (words) are not compared across documents. */
  sentenceMinWords: number;
  /** Shared runs are looked for among a document's first this many terms, headline included … */
  leadTerms: number;
  /** … and are this many consecutive terms long. */
  runTerms: number;
  /** A shared sentence or run is boilerplate when its carriers are otherwise less similar than this on average (0: never). */
  residualSimilarity: number;
  /** Carriers examined per shared sentence or run. */
  maxCarriers: number;
  /** A residual (or a document) with fewer terms than this says nothing: it joins no story. */
  minTerms: number;
  // --- candidate pairs (candidates.ts)
  /** Each document is indexed under its this many heaviest terms … */
  signatureTerms: number;
  /** … a term indexed for more documents than this proposes only the few beside each in its posting list … */
  maxPostings: number;
  /** … and the exact cosine is computed with this many best candidates. */
  candidates: number;
  /** An edge needs this many shared terms: one shared word alone is never evidence … */
  minSharedTerms: number;
  /** … and at least this cosine. */
  edgeFloor: number;
}

export const GROUP_PARAMETERS: Readonly<GroupParameters> = Object.freeze({
  headlineWeight: 2,
  leadWeighted: 100,
  bodyWeight: 0.5,
  bodyMost: 1000,
  idfPower: 1.5,
  idfPseudoDocuments: 3,
  uniqueTermShare: 0.75,
  maxCopies: 3,
  furnitureMostTerms: 80,
  furnitureListSentences: 3,
  sentenceMinWords: 6,
  leadTerms: 30,
  runTerms: 5,
  residualSimilarity: 0.1,
  maxCarriers: 50,
  minTerms: 5,
  signatureTerms: 20,
  maxPostings: 300,
  candidates: 10,
  minSharedTerms: 2,
  edgeFloor: 0.05,
});
