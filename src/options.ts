/**
 * Options, their defaults in one place, and validation of everything a caller passes.
 * Validation runs before any work and reports every problem at once in one `ChorusError`.
 */
import { eng } from 'stopword';
import fastLevenshtein from 'fast-levenshtein';
import { ChorusError, describe, type ChorusIssue } from './errors.js';
import type { Progress, SourceDocument } from './types.js';

export interface SummarizeOptions {
  /**
   * Length budget in whitespace-separated words: whole sentences are added until the total
   * reaches `words`, and it never passes `1.3 × words` (a shorter sentence is preferred to
   * overshooting; the summary stops short only when no remaining sentence fits).
   * At most one of `words`, `sentences` and `characters` may be given.
   * Integer, 1 to 1,000,000. @default 100 (when no budget is given)
   */
  words?: number;
  /** Exact number of sentences (fewer only if the input has fewer distinct facts). Integer, 1 to 100,000. */
  sentences?: number;
  /**
   * Hard cap on the summary's length in UTF-16 code units, sentences joined by one space
   * (a push notification, a tweet). A sentence is never cut. Integer, 1 to 100,000,000.
   */
  characters?: number;
  /**
   * Language of the articles, as a `stopword` list code (`'eng'`, `'fra'`, …). English gets
   * Porter stemming, English abbreviations for sentence boundaries and the English page
   * furniture rules. Any other language needs its stopword list in `stopwords`
   * (`import { fra } from 'stopword'`), so a browser bundle carries only the list it uses.
   * @default 'eng'
   */
  language?: string;
  /** Stopwords for similarity; matched lower-cased. @default stopword's list for `language` */
  stopwords?: readonly string[];
  /**
   * Two sentences are the same fact reported twice when the edit distance between their
   * comparison keys, divided by the longer key's length, is at most this. `0` merges only
   * sentences whose keys are identical (case, quotes, dashes and spacing still ignored).
   * 0 to 0.9. @default 0.3
   */
  duplicateThreshold?: number;
  /**
   * A candidate is not selected when its tf-idf cosine with a sentence already chosen is at
   * least this: it says the same thing in other words. `1` turns the check off.
   * 0.05 to 1. @default 0.5
   */
  redundancyThreshold?: number;
  /**
   * How much a sentence's place in its article counts: news puts what matters first. Each
   * fact's prior is multiplied by (1 + its earliest prose index in any article)^(−positionWeight / 2).
   * `0` ignores position (for text that is not news). 0 to 4. @default 1
   */
  positionWeight?: number;
  /**
   * How much agreement between articles counts: words and word pairs count
   * `0.1 + supportWeight × (articles carrying them − 1)` in the coverage objective, and a fact's
   * weight in the centrality graph is its support ^ supportWeight. `0` treats every article
   * as if it were alone. 0 to 4. @default 1
   */
  supportWeight?: number;
  /**
   * Never select headlines, captions, bylines, share buttons, link lists and other page
   * furniture. `false` treats every sentence but over-long pieces as prose (for clean text
   * whose short lines matter). @default true
   */
  skipFurniture?: boolean;
  /**
   * `'source'`: reading order (each sentence's relative position in its article).
   * `'score'`: the order they were chosen in, most informative first. @default 'source'
   */
  order?: 'source' | 'score';
  /** Stops the work; `summarize()` then rejects with a `ChorusError` of code `ABORTED`. Not for `summarizeSync()`. */
  signal?: AbortSignal;
  /** Called at the start and end of each stage and every few milliseconds within one. */
  onProgress?: (progress: Progress) => void;
  /** Most documents in one call. Integer ≥ 1. @default 100000 */
  maxDocuments?: number;
  /** Most text in one call, in UTF-16 code units summed over all documents. Integer ≥ 1. @default 268435456 (256 Mi) */
  maxInputLength?: number;
  /**
   * A run of text longer than this (UTF-16 code units) without a sentence boundary is cut
   * into pieces of at most this length for analysis; the pieces are never selected and a
   * `SENTENCE_TOO_LONG` warning names the span. Integer, 100 to 1,000,000. @default 2000
   */
  maxSentenceLength?: number;
}

/** Every option's default. Budgets have none here: `words: 100` applies when none is given. */
export const DEFAULTS = Object.freeze({
  language: 'eng',
  duplicateThreshold: 0.3,
  redundancyThreshold: 0.5,
  positionWeight: 1,
  supportWeight: 1,
  skipFurniture: true,
  order: 'source' as 'source' | 'score',
  maxDocuments: 100_000,
  maxInputLength: 256 * 1024 * 1024,
  maxSentenceLength: 2000,
});

/** The default budget when none of `words`, `sentences`, `characters` is given. */
export const DEFAULT_WORDS = 100;

export type Budget =
  | { kind: 'words'; limit: number }
  | { kind: 'sentences'; limit: number }
  | { kind: 'characters'; limit: number };

/** Options after validation and merging: everything the stages need, nothing optional. */
export interface Settings {
  budget: Budget;
  language: string;
  stopwords: ReadonlySet<string>;
  stem: boolean;
  duplicateThreshold: number;
  redundancyThreshold: number;
  positionWeight: number;
  supportWeight: number;
  skipFurniture: boolean;
  order: 'source' | 'score';
  maxDocuments: number;
  maxInputLength: number;
  maxSentenceLength: number;
  signal: AbortSignal | undefined;
  onProgress: ((progress: Progress) => void) | undefined;
}

type OptionName = keyof SummarizeOptions;

interface NumberRule {
  kind: 'number';
  integer: boolean;
  min: number;
  max: number;
}

const RULES: Record<OptionName, NumberRule | { kind: 'other' }> = {
  words: { kind: 'number', integer: true, min: 1, max: 1_000_000 },
  sentences: { kind: 'number', integer: true, min: 1, max: 100_000 },
  characters: { kind: 'number', integer: true, min: 1, max: 100_000_000 },
  language: { kind: 'other' },
  stopwords: { kind: 'other' },
  duplicateThreshold: { kind: 'number', integer: false, min: 0, max: 0.9 },
  redundancyThreshold: { kind: 'number', integer: false, min: 0.05, max: 1 },
  positionWeight: { kind: 'number', integer: false, min: 0, max: 4 },
  supportWeight: { kind: 'number', integer: false, min: 0, max: 4 },
  skipFurniture: { kind: 'other' },
  order: { kind: 'other' },
  signal: { kind: 'other' },
  onProgress: { kind: 'other' },
  maxDocuments: { kind: 'number', integer: true, min: 1, max: Number.MAX_SAFE_INTEGER },
  maxInputLength: { kind: 'number', integer: true, min: 1, max: Number.MAX_SAFE_INTEGER },
  maxSentenceLength: { kind: 'number', integer: true, min: 100, max: 1_000_000 },
};

const OPTION_NAMES = Object.keys(RULES) as OptionName[];

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The closest known option name, for "did you mean". */
function suggest(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of OPTION_NAMES) {
    const distance = fastLevenshtein.get(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

function numberRange(rule: NumberRule): string {
  const kind = rule.integer ? 'an integer' : 'a number';
  if (rule.max === Number.MAX_SAFE_INTEGER) return `${kind} ≥ ${rule.min}`;
  return `${kind} from ${rule.min} to ${rule.max}`;
}

/**
 * Check the documents: an array of objects with a non-empty string `id` (unique) and a
 * string `text`; optional metadata of the right type. Returns the issues found.
 */
function validateDocuments(documents: unknown, maxDocuments: number, maxInputLength: number): ChorusIssue[] {
  const issues: ChorusIssue[] = [];
  if (!Array.isArray(documents)) {
    issues.push({
      code: 'INVALID_DOCUMENTS',
      path: ['documents'],
      message: `documents must be an array of { id, text } objects, received ${describe(documents)}. Wrap a single article as [{ id: 'a', text }].`,
      expected: 'an array of { id: string, text: string }',
      received: describe(documents),
    });
    return issues;
  }
  if (documents.length > maxDocuments) {
    issues.push({
      code: 'INPUT_TOO_LARGE',
      path: ['documents'],
      message: `${documents.length} documents is more than maxDocuments (${maxDocuments}). Pass fewer documents, or raise maxDocuments if this machine can take it.`,
      expected: `at most ${maxDocuments} documents`,
      received: `${documents.length} documents`,
    });
    return issues;
  }
  const firstIndexOfId = new Map<string, number>();
  let totalLength = 0;
  for (let index = 0; index < documents.length; index++) {
    // Sparse arrays: a hole reads as undefined and is reported like one.
    const document: unknown = documents[index];
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
      issues.push({
        code: 'INVALID_DOCUMENT',
        path: ['documents', index],
        message: `documents[${index}] must be an object { id, text }, received ${describe(document)}.`,
        expected: '{ id: string, text: string }',
        received: describe(document),
      });
      continue;
    }
    const record = document as Record<string, unknown>;
    const id = record.id;
    const label = typeof id === 'string' && id !== '' ? `document "${id}" (documents[${index}])` : `documents[${index}]`;
    if (typeof id !== 'string' || id === '') {
      issues.push({
        code: 'INVALID_DOCUMENT',
        path: ['documents', index, 'id'],
        message: `documents[${index}] needs an id: a non-empty string unique among the documents, received ${describe(id)}. Use the article's URL or file name.`,
        expected: 'a non-empty string',
        received: describe(id),
      });
    } else {
      const earlier = firstIndexOfId.get(id);
      if (earlier === undefined) firstIndexOfId.set(id, index);
      else
        issues.push({
          code: 'DUPLICATE_ID',
          path: ['documents', index, 'id'],
          message: `documents[${index}] has the id ${JSON.stringify(id)}, already used by documents[${earlier}]. Give every document its own id.`,
          expected: 'an id no other document has',
          received: JSON.stringify(id),
        });
    }
    const text = record.text;
    if (typeof text !== 'string') {
      issues.push({
        code: 'INVALID_DOCUMENT',
        path: ['documents', index, 'text'],
        message: `${label} needs text: a string (it may be empty), received ${describe(text)}.`,
        expected: 'a string',
        received: describe(text),
      });
    } else {
      totalLength += text.length;
    }
    for (const key of ['title', 'url', 'source'] as const) {
      const value = record[key];
      if (value !== undefined && typeof value !== 'string')
        issues.push({
          code: 'INVALID_DOCUMENT',
          path: ['documents', index, key],
          message: `${label}: ${key} must be a string when given, received ${describe(value)}.`,
          expected: 'a string or undefined',
          received: describe(value),
        });
    }
    const publishedAt = record.publishedAt;
    if (
      publishedAt !== undefined &&
      typeof publishedAt !== 'string' &&
      !(publishedAt instanceof Date && !Number.isNaN(publishedAt.getTime()))
    )
      issues.push({
        code: 'INVALID_DOCUMENT',
        path: ['documents', index, 'publishedAt'],
        message: `${label}: publishedAt must be a string or a valid Date when given, received ${describe(publishedAt)}.`,
        expected: 'a string or a valid Date',
        received: describe(publishedAt),
      });
  }
  if (totalLength > maxInputLength)
    issues.push({
      code: 'INPUT_TOO_LARGE',
      path: ['documents'],
      message: `the documents hold ${totalLength} characters of text, more than maxInputLength (${maxInputLength}). Pass less text, or raise maxInputLength if this machine can take it.`,
      expected: `at most ${maxInputLength} characters`,
      received: `${totalLength} characters`,
    });
  return issues;
}

function validateOptions(options: unknown, allowSignal: boolean): { issues: ChorusIssue[]; given: Partial<Record<OptionName, unknown>> } {
  const issues: ChorusIssue[] = [];
  const given: Partial<Record<OptionName, unknown>> = {};
  if (options === undefined) return { issues, given };
  if (!isPlainObject(options)) {
    issues.push({
      code: 'INVALID_OPTION',
      path: ['options'],
      message: `options must be a plain object such as { words: 100 }, received ${describe(options)}.`,
      expected: 'a plain object or undefined',
      received: describe(options),
    });
    return { issues, given };
  }
  // Own keys only: a `__proto__` key from JSON.parse is an unknown option, never a prototype.
  for (const key of Object.keys(options)) {
    if (!hasOwn(RULES, key)) {
      const hint = suggest(key);
      issues.push({
        code: 'INVALID_OPTION',
        path: ['options', key],
        message: `unknown option ${JSON.stringify(key)}${hint ? ` (did you mean "${hint}"?)` : ''}. Known options: ${OPTION_NAMES.join(', ')}.`,
        expected: OPTION_NAMES.join(' | '),
        received: JSON.stringify(key),
      });
      continue;
    }
    const value = options[key];
    if (value === undefined) continue; // an explicit undefined means "the default"
    given[key as OptionName] = value;
  }

  for (const name of OPTION_NAMES) {
    if (!hasOwn(given, name)) continue;
    const value = given[name];
    const rule = RULES[name];
    if (rule.kind === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value) || (rule.integer && !Number.isInteger(value)) || value < rule.min || value > rule.max) {
        issues.push({
          code: 'INVALID_OPTION',
          path: ['options', name],
          message: `option ${name} must be ${numberRange(rule)}, received ${describe(value)}.`,
          expected: numberRange(rule),
          received: describe(value),
        });
        delete given[name];
      }
      continue;
    }
    const problem = checkOther(name, value, allowSignal);
    if (problem) {
      issues.push({ code: 'INVALID_OPTION', path: ['options', name], message: problem.message, expected: problem.expected, received: describe(value) });
      delete given[name];
    }
  }

  const budgets = (['words', 'sentences', 'characters'] as const).filter((name) => hasOwn(given, name));
  if (budgets.length > 1)
    issues.push({
      code: 'INVALID_OPTION',
      path: ['options', budgets[1]!],
      message: `give one length budget, not ${budgets.join(' and ')}. Keep the one you mean and remove the other${budgets.length > 2 ? 's' : ''}.`,
      expected: 'one of words, sentences, characters',
      received: budgets.join(', '),
    });

  const language = typeof given.language === 'string' ? given.language : DEFAULTS.language;
  if (language !== 'eng' && !hasOwn(given, 'stopwords'))
    issues.push({
      code: 'INVALID_OPTION',
      path: ['options', 'stopwords'],
      message: `language ${JSON.stringify(language)} needs its stopword list: import { ${language} } from 'stopword' and pass { language: '${language}', stopwords: ${language} }. (The core carries only the English list so browser bundles stay small.)`,
      expected: 'an array of strings',
      received: 'undefined',
    });
  return { issues, given };
}

function checkOther(name: OptionName, value: unknown, allowSignal: boolean): { message: string; expected: string } | undefined {
  switch (name) {
    case 'language':
      return typeof value === 'string' && /^[a-zA-Z_]{2,8}$/.test(value)
        ? undefined
        : { message: `option language must be a stopword list code such as 'eng' or 'fra', received ${describe(value)}.`, expected: "a code such as 'eng'" };
    case 'stopwords':
      return Array.isArray(value) && value.every((word) => typeof word === 'string')
        ? undefined
        : { message: `option stopwords must be an array of strings (e.g. import { eng } from 'stopword'), received ${describe(value)}.`, expected: 'an array of strings' };
    case 'skipFurniture':
      return typeof value === 'boolean'
        ? undefined
        : { message: `option skipFurniture must be true or false, received ${describe(value)}.`, expected: 'a boolean' };
    case 'order':
      return value === 'source' || value === 'score'
        ? undefined
        : { message: `option order must be 'source' (reading order) or 'score' (best first), received ${describe(value)}.`, expected: "'source' | 'score'" };
    case 'signal':
      if (!allowSignal)
        return { message: 'option signal is only for summarize(); summarizeSync() cannot be interrupted. Use summarize() to cancel work.', expected: 'no signal' };
      return isAbortSignal(value)
        ? undefined
        : { message: `option signal must be an AbortSignal (new AbortController().signal), received ${describe(value)}.`, expected: 'an AbortSignal' };
    case 'onProgress':
      return typeof value === 'function'
        ? undefined
        : { message: `option onProgress must be a function ({ stage, done, total }) => void, received ${describe(value)}.`, expected: 'a function' };
    default:
      return undefined;
  }
}

function isAbortSignal(value: unknown): value is AbortSignal {
  if (typeof AbortSignal !== 'undefined' && value instanceof AbortSignal) return true;
  // Signals from another realm (an iframe, a polyfill) still work if they look like one.
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AbortSignal).aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function'
  );
}

/**
 * Validate documents and options; throw one `ChorusError` listing every problem (documents
 * first), or return the merged settings. The documents are returned as validated.
 */
export function resolveInput(
  documents: unknown,
  options: unknown,
  allowSignal: boolean,
): { documents: SourceDocument[]; settings: Settings } {
  const { issues: optionIssues, given } = validateOptions(options, allowSignal);
  const maxDocuments = (given.maxDocuments as number | undefined) ?? DEFAULTS.maxDocuments;
  const maxInputLength = (given.maxInputLength as number | undefined) ?? DEFAULTS.maxInputLength;
  const documentIssues = validateDocuments(documents, maxDocuments, maxInputLength);
  const issues = [...documentIssues, ...optionIssues];
  if (issues.length > 0) throw new ChorusError(issues);

  const merged = { ...DEFAULTS, ...(given as SummarizeOptions) };
  const budget: Budget =
    merged.sentences !== undefined
      ? { kind: 'sentences', limit: merged.sentences }
      : merged.characters !== undefined
        ? { kind: 'characters', limit: merged.characters }
        : { kind: 'words', limit: merged.words ?? DEFAULT_WORDS };
  const stopwordList = merged.stopwords ?? eng;
  const stopwords = new Set<string>();
  for (const word of stopwordList) stopwords.add(word.toLowerCase());
  return {
    documents: documents as SourceDocument[],
    settings: {
      budget,
      language: merged.language,
      stopwords,
      stem: merged.language === 'eng',
      duplicateThreshold: merged.duplicateThreshold,
      redundancyThreshold: merged.redundancyThreshold,
      positionWeight: merged.positionWeight,
      supportWeight: merged.supportWeight,
      skipFurniture: merged.skipFurniture,
      order: merged.order,
      maxDocuments: merged.maxDocuments,
      maxInputLength: merged.maxInputLength,
      maxSentenceLength: merged.maxSentenceLength,
      signal: merged.signal,
      onProgress: merged.onProgress,
    },
  };
}
