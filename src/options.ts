/**
 * Every option, written once: its type, default, range, documentation, check and CLI flag.
 * `DEFAULTS`, the `SummarizeOptions` type, validation (validate.ts), the resolved `Settings`
 * and the CLI's flags and help are all derived from `OPTIONS`: a new option is one entry here,
 * then read where it acts.
 */
import type { LanguageRules } from './language/index.js';
import type { Budget } from './model.js';
import { hasOwn } from './own.js';
import type { Parallel, Progress } from './types.js';

/** A command-line flag: `--kebab-case-name` of the option unless `name` says otherwise. */
export interface CliFlag {
  name?: string;
  short?: string;
  /** What follows the flag in the help ("n", "code"); absent for a switch. */
  placeholder?: string;
  /** A switch sets the option to this value. */
  sets?: boolean;
  /** One line for `--help`. */
  help: string;
}

export interface OptionSpec<T> {
  /** What is allowed, in words: for messages. */
  readonly expected: string;
  /** The allowed range of a number, short: for the CLI's help ("0–0.9", "≥ 1"). */
  readonly range?: string;
  readonly accepts: (value: unknown) => boolean;
  readonly default?: T;
  readonly flag?: CliFlag;
  /** `'digest'`: read by `digest()` only; `summarize()` refuses it. */
  readonly scope?: 'digest';
  /** The value's type (never set: it carries `T`). */
  readonly type?: T;
}

type Extra<T> = { default?: T; flag?: CliFlag; scope?: 'digest' };

function spec<T, E extends Extra<T>>(expected: string, accepts: (value: unknown) => boolean, extra: E): OptionSpec<T> & E {
  return { expected, accepts, ...extra };
}
const unbounded = (max: number) => max === Number.MAX_SAFE_INTEGER;
const range = (min: number, max: number) => (unbounded(max) ? `≥ ${min}` : `from ${min} to ${max}`);
const integer = <E extends Extra<number>>(min: number, max: number, extra: E) => ({
  ...spec<number, E>(`an integer ${range(min, max)}`, (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max, extra),
  range: unbounded(max) ? `≥ ${min}` : `${min}–${max}`,
});
const decimal = <E extends Extra<number>>(min: number, max: number, extra: E) => ({
  ...spec<number, E>(`a number ${range(min, max)}`, (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max, extra),
  range: `${min}–${max}`,
});
const isParallel = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Parallel).run === 'function' &&
  Number.isInteger((value as Parallel).threads) &&
  (value as Parallel).threads >= 0;
const isAbortSignal = (value: unknown): boolean =>
  // Signals from another realm (an iframe, a polyfill) work if they look like one.
  typeof value === 'object' && value !== null && typeof (value as AbortSignal).aborted === 'boolean' && typeof (value as AbortSignal).addEventListener === 'function';

/** Longest array an option may hold: a longer one is refused before its elements are read. */
export const MAX_ARRAY_LENGTH = 1_000_000;

/** A dense array of strings: every element its own (a hole would read `Array.prototype`'s). */
function isStringArray(value: unknown): boolean {
  if (!Array.isArray(value) || !(value.length <= MAX_ARRAY_LENGTH)) return false;
  for (let i = 0; i < value.length; i++) if (!hasOwn(value, String(i)) || typeof value[i] !== 'string') return false;
  return true;
}

export const OPTIONS = {
  /**
   * Length budget in whitespace-separated words (each Han, Hiragana or Katakana character
   * counts as a word): whole sentences are added until the total reaches `words`, and it never
   * passes `1.3 × words` (a shorter sentence is preferred to overshooting; the summary stops
   * short only when no remaining sentence fits). At most one of `words`, `sentences` and
   * `characters` may be given. Integer, 1 to 1,000,000. @default 100 (when no budget is given)
   */
  words: integer(1, 1_000_000, { flag: { short: 'w', placeholder: 'n', help: 'length budget in words, 100 when no budget is given' } }),
  /** Exact number of sentences (fewer only if the input has fewer distinct facts). Integer, 1 to 100,000. */
  sentences: integer(1, 100_000, { flag: { short: 's', placeholder: 'n', help: 'exactly n sentences instead' } }),
  /**
   * Hard cap on the summary's length in UTF-16 code units, sentences joined by one space
   * (a push notification, a tweet). A sentence is never cut. Integer, 1 to 100,000,000.
   */
  characters: integer(1, 100_000_000, { flag: { short: 'c', placeholder: 'n', help: 'at most n characters instead; a sentence is never cut' } }),
  /**
   * Language of the articles, as a `stopword` list code (`'eng'`, `'fra'`, `'zho'`, …).
   * English gets Porter stemming, English abbreviations and opening words at sentence
   * boundaries, and the English page-furniture rules; every other language gets neutral rules
   * (no stemming, no abbreviations, furniture found by layout and punctuation only). Any
   * language but English needs its stopword list in `stopwords` (`import { fra } from
   * 'stopword'`), so a browser bundle carries only the list it uses. @default 'eng'
   */
  language: spec<string, { default: string; flag: CliFlag }>('a stopword list code such as "eng" or "fra"', (v) => typeof v === 'string' && /^[a-zA-Z_]{2,8}$/.test(v), {
    default: 'eng',
    flag: { short: 'l', placeholder: 'code', help: 'language as a stopword list code: eng, fra, deu, zho, …' },
  }),
  /** Stopwords for similarity; matched lower-cased. At most 1,000,000 words. @default stopword's list for `language` */
  stopwords: spec<readonly string[], Extra<readonly string[]>>('an array of strings (at most 1,000,000, no holes)', isStringArray, {}),
  /**
   * Two sentences are the same fact reported twice when the edit distance between their
   * comparison keys, divided by the longer key's length, is at most this. `0` merges only
   * sentences whose keys are identical (case, quotes, dashes and spacing still ignored).
   * 0 to 0.9. @default 0.3
   */
  duplicateThreshold: decimal(0, 0.9, { default: 0.3, flag: { placeholder: 'x', help: 'edit distance share under which two sentences are one fact' } }),
  /**
   * A candidate is not selected when its tf-idf cosine with a sentence already chosen is at
   * least this: it says the same thing in other words. `1` turns the check off.
   * 0.05 to 1. @default 0.5
   */
  redundancyThreshold: decimal(0.05, 1, { default: 0.5, flag: { placeholder: 'x', help: 'cosine similarity at which a sentence repeats a chosen one' } }),
  /**
   * How much a sentence's place in its article counts: news puts what matters first. Each
   * fact's prior is multiplied by (1 + its earliest prose index in any article)^(−positionWeight / 2).
   * `0` ignores position (for text that is not news). 0 to 4. @default 1
   */
  positionWeight: decimal(0, 4, { default: 1, flag: { placeholder: 'x', help: 'weight of a sentence\'s place in its article, 0 for none' } }),
  /**
   * How much agreement between articles counts: words and word pairs count
   * `0.1 + supportWeight × (articles carrying them − 1)` in the coverage objective, and a fact's
   * weight in the centrality graph is its support ^ supportWeight. `0` treats every article
   * as if it were alone. 0 to 4. @default 1
   */
  supportWeight: decimal(0, 4, { default: 1, flag: { placeholder: 'x', help: 'weight of agreement between articles, 0 for none' } }),
  /**
   * Never select headlines, captions, bylines, share buttons, link lists and other page
   * furniture. `false` treats every sentence but over-long pieces as prose (for clean text
   * whose short lines matter). @default true
   */
  skipFurniture: spec<boolean, { default: boolean; flag: CliFlag }>('true or false', (v) => typeof v === 'boolean', {
    default: true,
    flag: { name: 'keep-furniture', sets: false, help: 'treat headlines, captions and other short lines as prose' },
  }),
  /**
   * `'source'`: reading order (each sentence's relative position in its article; the summary
   * opens with a sentence that stands alone). `'score'`: most salient first (salience as in
   * `SummarySentence.score`). @default 'source'
   */
  order: spec<'source' | 'score', { default: 'source' | 'score'; flag: CliFlag }>("'source' (reading order) or 'score' (most salient first)", (v) => v === 'source' || v === 'score', {
    default: 'source',
    flag: { placeholder: 'order', help: 'source (reading order) | score (most salient first)' },
  }),
  /** Stops the work; `summarize()` then rejects with a `ChorusError` of code `ABORTED`. Not for `summarizeSync()`. */
  signal: spec<AbortSignal, Extra<AbortSignal>>('an AbortSignal (new AbortController().signal)', isAbortSignal, {}),
  /** Called at the start and end of each stage and every few milliseconds within one. */
  onProgress: spec<(progress: Progress) => void, Extra<(progress: Progress) => void>>('a function ({ stage, done, total }) => void', (v) => typeof v === 'function', {}),
  /**
   * Threads that read part of a large input (a few megabytes of text or more) beside this one:
   * the Node entry's `threadPool()`, or your own (see `Parallel`). The result is the same with
   * or without. Not for the synchronous entry points.
   */
  parallel: spec<Parallel, Extra<Parallel>>('a pool such as threadPool() from chorus-summary/node: { threads, run(request) }', isParallel, {}),
  /**
   * Most documents in one call: above it, `INPUT_TOO_LARGE`. The default admits a feed of
   * 100,000 articles ten times over; lower it to bound what one call may cost. Integer ≥ 1.
   * @default 1000000
   */
  maxDocuments: integer(1, Number.MAX_SAFE_INTEGER, { default: 1_000_000, flag: { placeholder: 'n', help: 'most documents in one run' } }),
  /**
   * Most text in one call, in UTF-16 code units summed over all documents: above it,
   * `INPUT_TOO_LARGE`. The default (2^30) admits a feed of 100,000 articles (about 380 million
   * code units) with room to spare. Integer ≥ 1. @default 1073741824
   */
  maxInputLength: integer(1, Number.MAX_SAFE_INTEGER, { default: 2 ** 30, flag: { placeholder: 'n', help: 'most characters of text in one run' } }),
  /**
   * A run of text longer than this (UTF-16 code units) without a sentence boundary is cut
   * into pieces of at most this length for analysis; the pieces are never selected and a
   * `SENTENCE_TOO_LONG` warning names the span. Integer, 100 to 1,000,000. @default 2000
   */
  maxSentenceLength: integer(100, 1_000_000, { default: 2000, flag: { placeholder: 'n', help: 'longest run without a sentence boundary analysed whole' } }),
  // --- digest() only
  /**
   * (digest) How alike two groups of articles must be to be one story: the average cosine of
   * their documents' tf-idf vectors (headline and lead). Lower joins more. 0.01 to 0.99.
   * @default 0.175 (chosen when the grouping was tuned on the Multi-News val feed; bench/DIGEST.md has what it gives)
   */
  storySimilarity: decimal(0.01, 0.99, { default: 0.175, scope: 'digest', flag: { placeholder: 'x', help: 'digest: average similarity at which articles are one story' } }),
  /**
   * (digest) Fewest documents a story needs; the documents of smaller ones are `unassigned`
   * (each with an `UNASSIGNED` warning). Integer ≥ 1. @default 1 (one article is a story)
   */
  minDocuments: integer(1, Number.MAX_SAFE_INTEGER, { default: 1, scope: 'digest', flag: { placeholder: 'n', help: 'digest: fewest articles in a story' } }),
  /**
   * (digest) Two documents whose `publishedAt` are further apart than this many hours are never
   * in one story (a document without a date is near every other). 0.01 to 1,000,000. @default no limit
   */
  timeWindowHours: decimal(0.01, 1_000_000, { scope: 'digest', flag: { placeholder: 'h', help: 'digest: most hours between two articles of one story' } }),
  /**
   * (digest) Most stories summarised, the most important first; the rest are listed without a
   * `summary`. Integer ≥ 0. @default every story
   */
  maxStories: integer(0, Number.MAX_SAFE_INTEGER, { scope: 'digest', flag: { placeholder: 'n', help: 'digest: most stories summarised (the rest are listed)' } }),
};

type Table = typeof OPTIONS;
export type OptionName = keyof Table;
type ValueOf<S> = S extends OptionSpec<infer T> ? T : never;
type HasDefault<S> = S extends { default: unknown } ? true : false;

type DigestOnly = { [K in OptionName]: Table[K] extends { scope: 'digest' } ? K : never }[OptionName];

/** Options of `summarize()`: every field optional; see each for its default and range. */
export type SummarizeOptions = { [K in Exclude<OptionName, DigestOnly>]?: ValueOf<Table[K]> };

/** Options of `digest()`: every `summarize()` option (each story's summary uses them), and the digest's own. */
export type DigestOptions = { [K in OptionName]?: ValueOf<Table[K]> };

/** Every option that has a default, with it. Budgets have none here: `words: 100` applies when none is given. */
export const DEFAULTS = Object.freeze(
  Object.fromEntries(Object.entries(OPTIONS).flatMap(([name, option]) => ('default' in option ? [[name, option.default]] : []))),
) as { readonly [K in OptionName as HasDefault<Table[K]> extends true ? K : never]: ValueOf<Table[K]> };

/** The default budget when none of `words`, `sentences`, `characters` is given. */
export const DEFAULT_WORDS = 100;

/** Options after validation: defaults filled in. */
export type Resolved = { [K in OptionName]: HasDefault<Table[K]> extends true ? ValueOf<Table[K]> : ValueOf<Table[K]> | undefined };

/** What the stages read: the resolved options, with the budget, language and stopwords made ready to use. */
export type Settings = Omit<Resolved, 'words' | 'sentences' | 'characters' | 'language' | 'stopwords' | 'maxDocuments' | 'maxInputLength'> & {
  budget: Budget;
  language: LanguageRules;
  stopwords: ReadonlySet<string>;
};
