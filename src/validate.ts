/**
 * Validation of everything a caller passes, before any work, reporting every problem at once
 * in one `ChorusError` (documents first). What passes is copied: later mutation of the
 * caller's objects, getters and inherited (`Object.prototype`) properties cannot reach a run.
 */
import fastLevenshtein from 'fast-levenshtein';
import { eng } from 'stopword';
import { ChorusError } from './errors.js';
import { issue, quote, shorten, type ChorusIssue } from './issue.js';
import { hasOwn, own } from './own.js';
import { stopwordAdvice } from './language/codes.js';
import { languageRules } from './language/index.js';
import type { Budget } from './model.js';
import { DEFAULT_WORDS, MAX_ARRAY_LENGTH, OPTIONS, type OptionName, type Resolved, type Settings } from './options.js';
import { runSync, type Work } from './schedule.js';
import type { Progress, SourceDocument } from './types.js';
import { sortByUniqueKey } from './text.js';

const OPTION_NAMES = Object.keys(OPTIONS) as OptionName[];
/** The options summarize() takes: all but digest()'s own. */
const SUMMARY_OPTION_NAMES = OPTION_NAMES.filter((name) => (OPTIONS[name] as { scope?: string }).scope !== 'digest');
const METADATA = ['title', 'url', 'source'] as const;

/**
 * An array's own elements, each read once, into a fresh array of this realm; a hole stays a
 * hole (never an element inherited from `Array.prototype`). Too long an array is returned
 * as it is, for the option's check to refuse without reading it.
 */
function snapshotArray(array: readonly unknown[]): unknown[] {
  const length = array.length;
  if (!(length <= MAX_ARRAY_LENGTH)) return array as unknown[];
  const copy: unknown[] = new Array(length);
  for (let i = 0; i < length; i++) if (hasOwn(array, String(i))) copy[i] = array[i];
  return copy;
}

/** A string of a valid Date of any realm, or undefined: the Date methods of this realm read its time slot. */
function dateString(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  let time: number;
  try {
    time = Date.prototype.getTime.call(value);
  } catch {
    return undefined; // not a Date
  }
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A plain object from any realm (an iframe's or `vm`'s `{}` too), or one without a prototype. */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** The closest known option name, for "did you mean". */
function suggest(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of OPTION_NAMES) {
    const distance = fastLevenshtein.get(name.slice(0, 64).toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

/** Check the documents and copy what passes: `{ id, text }` plus metadata, own properties only. */
function* validateDocuments(documents: unknown, maxDocuments: number, maxInputLength: number): Work<{ issues: ChorusIssue[]; copies: SourceDocument[] }> {
  const issues: ChorusIssue[] = [];
  const copies: SourceDocument[] = [];
  if (!Array.isArray(documents)) {
    const problem = 'documents must be an array of { id, text } objects';
    issues.push(issue({ code: 'INVALID_DOCUMENTS', path: ['documents'], problem, received: documents, fix: "Wrap a single article as [{ id: 'a', text }].", expected: 'an array' }));
    return { issues, copies };
  }
  const count = documents.length;
  if (count > maxDocuments) {
    const problem = `there are more documents than maxDocuments (${maxDocuments}) allows`;
    const fix = 'Pass fewer documents, or raise maxDocuments if this machine can take it.';
    issues.push(issue({ code: 'INPUT_TOO_LARGE', path: ['documents'], problem, receivedText: `${count} documents`, fix, expected: `at most ${maxDocuments} documents` }));
    return { issues, copies };
  }
  const firstIndexOfId = new Map<string, number>();
  let totalLength = 0;
  // The length is read once and each element once: a getter that grows the array cannot make this loop longer.
  for (let index = 0; index < count; index++) {
    if (index % 2048 === 2047) yield; // a feed of 100,000 documents takes a while to check
    const document = own(documents, String(index)); // a hole reads as undefined, never as Array.prototype[index]
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
      const problem = `documents[${index}] must be an object { id, text }`;
      issues.push(issue({ code: 'INVALID_DOCUMENT', path: ['documents', index], problem, received: document, fix: 'Pass { id: string, text: string }.', expected: 'an object' }));
      continue;
    }
    const id = own(document, 'id');
    const text = own(document, 'text');
    let valid = true;
    // Only messages need it: made when one is written, not for every document.
    const label = () => (typeof id === 'string' && id !== '' ? `document ${quote(id)} (documents[${index}])` : `documents[${index}]`);
    if (typeof id !== 'string' || id === '') {
      const problem = `documents[${index}] needs an id: a non-empty string unique among the documents`;
      issues.push(issue({ code: 'INVALID_DOCUMENT', path: ['documents', index, 'id'], problem, received: id, fix: "Use the article's URL or file name.", expected: 'a non-empty string' }));
      valid = false;
    } else if (firstIndexOfId.has(id)) {
      const problem = `documents[${index}] has the same id as documents[${firstIndexOfId.get(id)}]`;
      issues.push(issue({ code: 'DUPLICATE_ID', path: ['documents', index, 'id'], problem, received: id, fix: 'Give every document its own id.', expected: 'an id no other document has' }));
      valid = false;
    } else firstIndexOfId.set(id, index);
    if (typeof text !== 'string') {
      const problem = `${label()} needs text: a string (it may be empty)`;
      issues.push(issue({ code: 'INVALID_DOCUMENT', path: ['documents', index, 'text'], problem, received: text, fix: "Pass the article's text as a string.", expected: 'a string' }));
      valid = false;
    } else totalLength += text.length;
    // No prototype: a field the caller left out reads as absent even if Object.prototype has one of that name.
    const copy = Object.create(null) as SourceDocument;
    copy.id = id as string;
    copy.text = text as string;
    for (const key of METADATA) {
      const value = own(document, key);
      if (value === undefined) continue;
      if (typeof value === 'string') copy[key] = value;
      else {
        issues.push(issue({ code: 'INVALID_DOCUMENT', path: ['documents', index, key], problem: `${label()}: ${key} must be a string when given`, received: value, fix: 'Pass a string or leave it out.', expected: 'a string' }));
        valid = false;
      }
    }
    const publishedAt = own(document, 'publishedAt');
    const date = dateString(publishedAt);
    if (typeof publishedAt === 'string') copy.publishedAt = publishedAt;
    else if (date !== undefined) copy.publishedAt = date;
    else if (publishedAt !== undefined) {
      const problem = `${label()}: publishedAt must be a string or a valid Date when given`;
      issues.push(issue({ code: 'INVALID_DOCUMENT', path: ['documents', index, 'publishedAt'], problem, received: publishedAt, fix: "Pass an ISO 8601 string such as '2024-05-01T12:00:00Z', a valid Date, or leave it out.", expected: 'a string or a valid Date' }));
      valid = false;
    }
    if (valid) copies.push(copy);
  }
  if (totalLength > maxInputLength) {
    const problem = `the documents hold more text than maxInputLength (${maxInputLength}) allows`;
    const fix = 'Pass less text, or raise maxInputLength if this machine can take it.';
    issues.push(issue({ code: 'INPUT_TOO_LARGE', path: ['documents'], problem, receivedText: `${totalLength} characters`, fix, expected: `at most ${maxInputLength} characters` }));
  }
  return { issues, copies };
}

/** Check the options; returns the issues and the valid values given (own properties only). */
function validateOptions(options: unknown, allowSignal: boolean, forDigest: boolean): { issues: ChorusIssue[]; given: Partial<Record<OptionName, unknown>> } {
  const issues: ChorusIssue[] = [];
  // No prototype: an option not given reads as absent even if Object.prototype has one of that name.
  const given = Object.create(null) as Partial<Record<OptionName, unknown>>;
  if (options === undefined) return { issues, given };
  if (!isPlainObject(options)) {
    const problem = 'options must be a plain object such as { words: 100 }';
    issues.push(issue({ code: 'INVALID_OPTION', path: ['options'], problem, received: options, fix: 'Pass an object literal, or leave options out.', expected: 'a plain object' }));
    return { issues, given };
  }
  // Own keys only: a `__proto__` key from JSON.parse is an unknown option, never a prototype.
  for (const key of Object.keys(options)) {
    if (!hasOwn(OPTIONS, key)) {
      const hint = suggest(key);
      const problem = `there is no option ${quote(key)}${hint ? ` (did you mean "${hint}"?)` : ''}`;
      const known = forDigest ? OPTION_NAMES : SUMMARY_OPTION_NAMES;
      issues.push(issue({ code: 'INVALID_OPTION', path: ['options', shorten(key)], problem, fix: `Known options: ${known.join(', ')}.`, expected: known.join(' | ') }));
      continue;
    }
    const name = key as OptionName;
    // Read once; an array is copied element by element, so what was checked is what the run uses.
    const read = own(options, name);
    if (read === undefined) continue; // an explicit undefined means "the default"
    const value = Array.isArray(read) ? snapshotArray(read) : read;
    const option: { accepts: (value: unknown) => boolean; expected: string; default?: unknown; scope?: 'digest' } = OPTIONS[name];
    if (option.scope === 'digest' && !forDigest) {
      const problem = `option ${name} is digest()'s: summarize() takes the documents of one story`;
      issues.push(issue({ code: 'INVALID_OPTION', path: ['options', name], problem, fix: 'Call digest() to group a feed into stories, or leave the option out.', expected: 'a summarize() option' }));
    } else if (name === 'signal' && !allowSignal) {
      const problem = 'option signal is only for summarize(): summarizeSync() cannot be interrupted';
      issues.push(issue({ code: 'INVALID_OPTION', path: ['options', name], problem, fix: 'Use summarize() to cancel work.', expected: 'no signal' }));
    } else if (name === 'parallel' && !allowSignal) {
      const problem = 'option parallel is only for summarize() and digest(): the synchronous calls cannot wait for another thread';
      issues.push(issue({ code: 'INVALID_OPTION', path: ['options', name], problem, fix: 'Use summarize() or digest() to read on several threads.', expected: 'no parallel' }));
    } else if (!option.accepts(value)) {
      const fallback = hasOwn(option, 'default') ? ` for the default (${JSON.stringify(option.default)})` : '';
      const problem = `option ${name} must be ${option.expected}`;
      issues.push(issue({ code: 'INVALID_OPTION', path: ['options', name], problem, received: value, fix: `Give such a value, or leave the option out${fallback}.`, expected: option.expected }));
    } else given[name] = value;
  }

  const budgets = (['words', 'sentences', 'characters'] as const).filter((name) => hasOwn(given, name));
  if (budgets.length > 1) {
    const problem = `give one length budget, not ${budgets.join(' and ')}`;
    issues.push(issue({ code: 'INVALID_OPTION', path: ['options', budgets[1]!], problem, fix: `Keep the one you mean and remove the other${budgets.length > 2 ? 's' : ''}.`, expected: 'one of words, sentences, characters' }));
  }
  const language = (given.language as string | undefined) ?? OPTIONS.language.default;
  if (language !== 'eng' && !hasOwn(given, 'stopwords')) {
    const { problem, fix } = stopwordAdvice(language); // the language passed its check: a short code
    issues.push(issue({ code: 'INVALID_OPTION', path: ['options', 'stopwords'], problem, fix, expected: 'an array of strings' }));
  }
  return { issues, given };
}

/** Options checked (each read once), before any document is: a run's signal and progress callback come from here. */
export interface CheckedOptions {
  issues: ChorusIssue[];
  given: Partial<Record<OptionName, unknown>>;
  /** The signal and callback when given and valid (an invalid one is an issue, and the run never starts). */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export function checkOptions(options: unknown, allowSignal: boolean, forDigest = false): CheckedOptions {
  const { issues, given } = validateOptions(options, allowSignal, forDigest);
  // Both always own properties (`given` has no prototype): an absent one must not read Object.prototype's.
  return { issues, given, signal: given.signal as AbortSignal | undefined, onProgress: given.onProgress as ((progress: Progress) => void) | undefined };
}

/**
 * Validate the documents (pausing now and then: a feed may hold 100,000) against checked
 * options; throw one `ChorusError` listing every problem, documents first, or return copies of
 * the documents in canonical order (by id, UTF-16 code units) and the settings.
 */
export function* resolveDocuments(documents: unknown, { issues: optionIssues, given }: CheckedOptions): Work<{ documents: SourceDocument[]; settings: Settings }> {
  const value = (name: OptionName): unknown => (hasOwn(given, name) ? given[name] : own(OPTIONS[name], 'default'));
  const { issues: documentIssues, copies } = yield* validateDocuments(documents, value('maxDocuments') as number, value('maxInputLength') as number);
  const issues = [...documentIssues, ...optionIssues];
  if (issues.length > 0) throw new ChorusError(issues);

  const resolved = Object.fromEntries(OPTION_NAMES.map((name) => [name, value(name)])) as Resolved;
  const { words, sentences, characters, language, stopwords: list, maxDocuments: _documents, maxInputLength: _length, ...rest } = resolved;
  const budget: Budget =
    sentences !== undefined
      ? { kind: 'sentences', limit: sentences }
      : characters !== undefined
        ? { kind: 'characters', limit: characters }
        : { kind: 'words', limit: words ?? DEFAULT_WORDS };
  const stopwords = new Set<string>();
  for (const word of list ?? eng) stopwords.add(word.toLowerCase());
  const settings: Settings = { ...rest, budget, language: languageRules(language), stopwords };
  yield;
  // Canonical order, sorted in pieces between pauses: a feed may hold a million documents. Ids are unique by now.
  return { documents: yield* sortByUniqueKey(copies, (copy) => copy.id), settings };
}

/** `checkOptions` and `resolveDocuments` in one synchronous call. */
export function resolveInput(documents: unknown, options: unknown, allowSignal: boolean, forDigest = false): { documents: SourceDocument[]; settings: Settings } {
  return runSync(resolveDocuments(documents, checkOptions(options, allowSignal, forDigest)));
}
