/** What a language contributes to segmenting and scoring: data only, no logic. */

/** Patterns of English-style page furniture; a language without them leaves them out. */
export interface FurniturePatterns {
  /** Share buttons ("SHARE", "Share on Facebook"). */
  share?: RegExp;
  /** A line starting like a share bar ("SHARE …"): the whole line is furniture. */
  shareLine?: RegExp;
  /** Photo captions and credits by their label ("Photo:", "Getty Images"). */
  captionLabel?: RegExp;
  /** Captions by what they say about the picture (", left,", "(AP Photo/…)"). */
  captionPosition?: RegExp;
  /** Bylines that need case ("By Jane Smith"). */
  bylineNamed?: RegExp;
  /** A byline of two or more writers run into the first sentence, without a line break ("By Jane Doe and John Roe The …"): it cannot be split off, only skipped. */
  bylineRunIn?: RegExp;
  /** Agency lines, "With files from …", correction notes. */
  byline?: RegExp;
  /** Advertisement markers, calls to action, cookie and copyright notices (at the start). */
  boilerplate?: RegExp;
  /** Calls to action anywhere in a sentence ("click here"). */
  boilerplateAnywhere?: RegExp;
  /** The heading of a list of links to other stories ("The Latest", "Related"). */
  linkListHeading?: RegExp;
  /** A dateline opening a line ("SEOUL, South Korea —"). */
  datelinePrefix?: RegExp;
  /** A video player's or gallery's controls glued to the start of a line ("CLOSE", "Skip in Skip x Embed x Share"), without trailing space. */
  playerControls?: RegExp;
  /** A date or time standing alone on its line. */
  dateAlone?: RegExp;
}

export interface LanguageRules {
  /** The `stopword` list code these rules are for. */
  code: string;
  /** Words that end in a full stop without ending a sentence, matched case-sensitively without the dot (for `sbd`). */
  abbreviations: readonly string[];
  /**
   * Capitalised words that open a sentence after an initialism ("…to the U.S. The next day").
   * Given: a sentence split right after an initialism is joined with the next unless that
   * starts with one of these. Absent: no such repair.
   */
  openersAfterInitialism?: ReadonlySet<string>;
  /**
   * Words that continue a sentence after a time of day ("3 p.m. Eastern time", "10 a.m.
   * Monday"): only these join; after a time, a capitalised word usually opens a sentence.
   */
  continuationsAfterTime?: ReadonlySet<string>;
  /** A sentence opening like this leans on what precedes it ("He said…", "But…"). */
  danglingOpening?: RegExp;
  /** Words that say who is speaking ("said", "told", "according to"): a quotation without one stands alone badly. */
  attribution?: RegExp;
  /** Stem a lower-case token; absent, tokens are terms as they are. */
  stem?: (token: string) => string;
  furniture: FurniturePatterns;
}
