/**
 * One error type for every problem with a call. All problems found by validation are
 * reported at once, each as an issue with a path into the input, so a caller fixes them in
 * one round instead of one per run.
 */

import { issue, type ChorusIssue, type ErrorCode } from './issue.js';

export type { ChorusIssue, ErrorCode } from './issue.js';

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

/** The error a run rejects with when its signal aborts; the reason's message is kept (shortened). */
export function abortError(reason?: unknown): ChorusError {
  const why = reason instanceof Error && reason.message ? ` (${reason.message.length > 200 ? `${reason.message.slice(0, 200)}…` : reason.message})` : '';
  return new ChorusError([
    issue({ code: 'ABORTED', path: ['options', 'signal'], problem: `the run was aborted by its signal${why}; nothing was returned`, fix: 'Call it again without aborting to get a result.' }),
  ]);
}
