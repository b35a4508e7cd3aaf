/**
 * The one writer of problem messages: what is wrong, the value received (described, never
 * whole: texts and ids can be megabytes), and what to do. Used for every `ChorusError` issue,
 * in the core and the Node entry alike.
 */

/**
 * - `INVALID_DOCUMENTS`: `documents` is not an array.
 * - `INVALID_DOCUMENT`: a document is not an object, or its `id`, `text` or metadata has the wrong type.
 * - `DUPLICATE_ID`: two documents share an `id`.
 * - `INVALID_OPTION`: an unknown option name, a value of the wrong type or out of range, or two budgets at once.
 * - `INPUT_TOO_LARGE`: more documents or more text than `maxDocuments` / `maxInputLength` allow.
 * - `ABORTED`: the `signal` was aborted.
 * - `FILE_NOT_FOUND`: (Node entry) a path, directory or glob pattern matched no article file.
 * - `UNREADABLE_FILE`: (Node entry, `strict`) a file could not be read as an article.
 */
export type ErrorCode =
  | 'INVALID_DOCUMENTS'
  | 'INVALID_DOCUMENT'
  | 'DUPLICATE_ID'
  | 'INVALID_OPTION'
  | 'INPUT_TOO_LARGE'
  | 'ABORTED'
  | 'FILE_NOT_FOUND'
  | 'UNREADABLE_FILE';

export interface ChorusIssue {
  code: ErrorCode;
  /** Where in the input, e.g. `['documents', 3, 'id']` or `['options', 'words']`. */
  path: (string | number)[];
  message: string;
  /** What is allowed, in words. */
  expected?: string;
  /** What was given, described (never the whole value: texts can be megabytes). */
  received?: string;
}

/** Longest piece of a string quoted in a message. */
const QUOTED = 40;

/** Longest input-derived text (a path, say) written into a message unquoted. */
const SHOWN = 120;

/** A path or name for a message: whole when short, else its start, its end and its length. */
export function shorten(text: string): string {
  if (text.length <= SHOWN) return text;
  return `${text.slice(0, 70)}…${text.slice(-40)} (${text.length.toLocaleString('en-US')} characters)`;
}

/** A string for a message: quoted whole when short, else its start and its length. */
export function quote(text: string): string {
  if (text.length <= QUOTED) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, QUOTED))}… (${text.length.toLocaleString('en-US')} characters)`;
}

/** Describe a value for a message without printing it whole. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Number.isNaN(value) ? 'NaN' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      return value instanceof Date ? 'a Date' : 'an object';
  }
}

export interface IssueParts {
  code: ErrorCode;
  path: (string | number)[];
  /** What is wrong, as a clause: "option words must be an integer from 1 to 1000000". */
  problem: string;
  /** The value given (described, never whole), or a description of it as a string in `receivedText`. */
  received?: unknown;
  receivedText?: string;
  /** What to do, as a sentence: "Pass fewer documents, or raise maxDocuments." */
  fix: string;
  /** What is allowed, in words. */
  expected?: string;
}

/** Longest problem, fix or description in an issue: a safety net for a value that was not shortened where it was written in. */
const LONGEST_PART = 2000;
const capped = (text: string) => (text.length <= LONGEST_PART ? text : `${text.slice(0, LONGEST_PART - 500)}…${text.slice(-400)} (${text.length.toLocaleString('en-US')} characters)`);

/** An issue whose message reads "<problem>, received <value>. <fix>". */
export function issue(parts: IssueParts): ChorusIssue {
  const described = parts.receivedText ?? ('received' in parts ? describe(parts.received) : undefined);
  const received = described === undefined ? undefined : capped(described);
  const message = `${capped(parts.problem)}${received === undefined ? '' : `, received ${received}`}. ${capped(parts.fix)}`;
  const result: ChorusIssue = { code: parts.code, path: parts.path, message };
  if (parts.expected !== undefined) result.expected = parts.expected;
  if (received !== undefined) result.received = received;
  return result;
}
