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
  /** Number words, dates, units and titles for finding where sources disagree; absent, digits only. */
  conflicts?: ConflictWords;
}

/**
 * What a language knows about the facts sources disagree on (numbers, dates, names). Absent,
 * conflicts are found between numbers written in digits only. Keys are lower case.
 */
export interface ConflictWords {
  /** Cardinal number words ("seventeen": 17), joined into one number ("twenty five"). */
  numbers: Readonly<Record<string, number>>;
  /** Ordinal words that are rarely anything else ("third": 3). */
  ordinals: Readonly<Record<string, number>>;
  /** Words and suffixes that multiply ("million": 1e6, "dozen": 12, "bn" in "5bn"). */
  magnitudes: Readonly<Record<string, number>>;
  /** Plurals that count without a value ("dozens", "thousands"): compared as words. */
  vague: ReadonlySet<string>;
  /** The word that joins number words after a hundred or thousand ("one hundred and three"). */
  numberJoiner: string;
  /** The word for half ("half a million"). */
  half: string;
  /** Suffixes after digits: ordinal ("12th"), time of day ("9pm"), a unit whose value stays ("5km"). */
  ordinalSuffixes: ReadonlySet<string>;
  timeSuffixes: ReadonlySet<string>;
  unitSuffixes: ReadonlySet<string>;
  /** Words after a number that read as the time of day ("10 a.m."), matched on their key. */
  timeWords: ReadonlySet<string>;
  /** Month names and abbreviations → 1–12; weekday names and abbreviations → 1–7. */
  months: Readonly<Record<string, number>>;
  weekdays: Readonly<Record<string, number>>;
  /** Month names that open a sentence as another word ("May", "March"). */
  ambiguousMonths: ReadonlySet<string>;
  /** What a number counts or measures when it is the next word ("17 months", "12 people"). */
  units: ReadonlySet<string>;
  /** A two-word unit: its first word → its second ("per" → "cent"). */
  unitPairs: Readonly<Record<string, string>>;
  /** Titles and offices: capitalised before a name but not the name ("Sen.", "President"). */
  titles: ReadonlySet<string>;
  /** Function words: a capitalised one is not a name unless written in capitals ("The", "He"). */
  functionWords: ReadonlySet<string>;
  /** Abbreviations whose full stop belongs to the word's span ("Sept.", "Mr."). */
  abbreviationsWithDot: ReadonlySet<string>;
  /** Words of a name skipped when reading its initials ("of" in "Bank of England"). */
  nameFillers: ReadonlySet<string>;
  /** Paraphrases (sentences outside the group that give the same number): words that say what happened to those counted → a class ("killed" → "dead"). */
  events: Readonly<Record<string, string>>;
  /** Words after a number that make it an increment ("five more"): comparable only with another increment. */
  partial: ReadonlySet<string>;
  /** Nouns that count many different things in one story ("year", "percent"): they need more shared context. */
  genericNouns: ReadonlySet<string>;
  /** General words for people, replaced by an event class when one is near ("12 people" killed → "dead"). */
  people: ReadonlySet<string>;
}
