/**
 * One error type for every problem with a call. All problems found by validation are
 * reported at once, each as an issue with a path into the input, so a caller fixes them in
 * one round instead of one per run.
 */

/**
 * - `INVALID_DOCUMENTS`: `documents` is not an array.
 * - `INVALID_DOCUMENT`: a document is not an object, or its `id`, `text` or metadata has the wrong type.
 * - `DUPLICATE_ID`: two documents share an `id`.
 * - `INVALID_OPTION`: an unknown option name, a value of the wrong type or out of range, or two budgets at once.
 * - `INPUT_TOO_LARGE`: more documents or more text than `maxDocuments` / `maxInputLength` allow.
 * - `ABORTED`: the `signal` was aborted.
 * - `FILE_NOT_FOUND`: (Node entry) a path, directory or glob pattern matched no article file.
 */
export type ErrorCode =
  | 'INVALID_DOCUMENTS'
  | 'INVALID_DOCUMENT'
  | 'DUPLICATE_ID'
  | 'INVALID_OPTION'
  | 'INPUT_TOO_LARGE'
  | 'ABORTED'
  | 'FILE_NOT_FOUND';

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

const PREFIX = 'chorus-summary: ';

/** Thrown for every problem with a call. `code` is the first issue's code. */
export class ChorusError extends Error {
  override readonly name = 'ChorusError';
  readonly code: ErrorCode;
  readonly issues: ChorusIssue[];

  constructor(issues: ChorusIssue[]) {
    const first = issues[0];
    if (!first) throw new TypeError('ChorusError needs at least one issue');
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''}: see error.issues)` : '';
    super(PREFIX + first.message + more);
    this.code = first.code;
    this.issues = issues;
  }
}

/** Describe a value for a message without printing it whole. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `a string of length ${value.length}` : JSON.stringify(value);
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

export function abortError(reason?: unknown): ChorusError {
  const why = reason instanceof Error && reason.message ? ` (${reason.message})` : '';
  return new ChorusError([
    {
      code: 'ABORTED',
      path: ['options', 'signal'],
      message: `summarize() was aborted by its signal${why}; nothing was returned. Call it again without aborting to get a summary.`,
    },
  ]);
}
