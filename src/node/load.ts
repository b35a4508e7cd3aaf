/**
 * Files, directories and glob patterns → documents. The only code of the library that reads
 * the file system (with walk.ts and read.ts).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ChorusError, type ChorusIssue, type SourceDocument } from 'chorus-summary';
import { issue, shorten } from '../issue.js';
import { own } from '../own.js';
import { compareCodeUnits } from '../text.js';
import { compilePattern, expandBraces, isPattern, MAX_ALTERNATIVES, type Segment } from './glob.js';
import { readArticle, type Unread } from './read.js';
import { errorReason, walk } from './walk.js';

/** Extensions read from a directory (a file named on its own is read whatever its name). */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

/** Largest file read by default: 64 MiB. */
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

export interface LoadProblem {
  /** The file, relative to the current directory, as its document id would have been (or the input, when it matched nothing). */
  path: string;
  code: 'INVALID_UTF8' | 'BINARY_FILE' | 'UNREADABLE_FILE';
  message: string;
}

export interface LoadResult {
  /** In id order. */
  documents: SourceDocument[];
  /** What could not be read as an article; the others load regardless. In path order. */
  problems: LoadProblem[];
}

export interface LoadOptions {
  /** Ids are paths relative to this directory, which relative inputs resolve from. @default process.cwd() */
  cwd?: string;
  /** Largest file read, in bytes; a larger one is a problem (UNREADABLE_FILE). @default 67108864 (64 MiB) */
  maxFileSize?: number;
  /**
   * An input that matches no file: `'error'` throws one `ChorusError` (FILE_NOT_FOUND) naming
   * every such input before anything is read; `'report'` makes each a problem
   * (UNREADABLE_FILE) and loads the rest, as the `chorus` command does. @default 'error'
   */
  missing?: 'error' | 'report';
  /** Every problem is an error: one `ChorusError` lists them all and nothing is returned. @default false */
  strict?: boolean;
  /** Called as files are read: how many of how many. */
  onLoad?: (progress: { done: number; total: number }) => void;
}

/** A path as a document id: relative to `cwd`, '/'-separated. */
export function documentId(file: string, cwd: string = process.cwd()): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
}

/** What a directory input reads: every article file below it, outside dot-directories and node_modules. */
const DIRECTORY: Segment[] = [
  { globstar: true, skip: (name) => name.startsWith('.') || name === 'node_modules' },
  { matches: (name) => !name.startsWith('.') && (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase()) },
];

/** The load options, own properties only, checked: one ChorusError lists every bad value. */
function loadSettings(options: LoadOptions) {
  const checks: [keyof LoadOptions, (value: unknown) => boolean, string][] = [
    ['cwd', (v) => typeof v === 'string' && v !== '', 'a directory path'],
    ['maxFileSize', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1, 'an integer ≥ 1 (bytes)'],
    ['missing', (v) => v === 'error' || v === 'report', "'error' or 'report'"],
    ['strict', (v) => typeof v === 'boolean', 'true or false'],
    ['onLoad', (v) => typeof v === 'function', 'a function ({ done, total }) => void'],
  ];
  const issues: ChorusIssue[] = [];
  const value = (name: keyof LoadOptions): unknown => (typeof options === 'object' && options !== null ? own(options, name) : undefined);
  for (const [name, accepts, expected] of checks) {
    const given = value(name);
    if (given !== undefined && !accepts(given)) issues.push(issue({ code: 'INVALID_OPTION', path: ['options', name], problem: `option ${name} must be ${expected}`, received: given, fix: 'Give such a value, or leave the option out.', expected }));
  }
  if (issues.length > 0) throw new ChorusError(issues);
  return {
    cwd: (value('cwd') as string | undefined) ?? process.cwd(),
    maxBytes: (value('maxFileSize') as number | undefined) ?? DEFAULT_MAX_FILE_SIZE,
    report: value('missing') === 'report' && value('strict') !== true,
    strict: value('strict') === true,
    onLoad: value('onLoad') as LoadOptions['onLoad'],
  };
}

function checkInputs(inputs: unknown): asserts inputs is readonly string[] {
  const fix = "Pass strings, e.g. ['articles/*.txt'].";
  if (!Array.isArray(inputs) || inputs.some((input) => typeof input !== 'string'))
    throw new ChorusError([issue({ code: 'INVALID_DOCUMENTS', path: ['inputs'], problem: 'loadDocuments() takes an array of paths, directories or glob patterns', received: inputs, fix, expected: 'an array of strings' })]);
  const empty = inputs.flatMap((input, index) => (input === '' ? [index] : []));
  if (empty.length > 0)
    throw new ChorusError(
      empty.map((index) => issue({ code: 'INVALID_DOCUMENTS', path: ['inputs', index], problem: `inputs[${index}] is an empty path`, fix: "Name a file, directory or glob pattern ('.' for the current directory).", expected: 'a non-empty path' })),
    );
}

/**
 * Read files, directories (every .txt, .md and .html inside, recursively) and glob patterns
 * into documents, each with its path relative to the current directory as `id`, in id order.
 * HTML is reduced to its article text. Only regular files are read, also through symbolic
 * links; a link to a directory is never followed. A file reached by two paths is read once.
 * What cannot be read (not text, too large, not a regular file, an unreadable directory) is
 * reported in `problems` and the rest loads; an input that matches nothing throws (see
 * `missing`).
 */
export async function loadDocuments(inputs: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  checkInputs(inputs);
  const { cwd, maxBytes, report: reportMissing, strict, onLoad } = loadSettings(options);
  const files = new Map<string, string>(); // absolute path → id
  const unread = new Map<string, Unread>(); // id → why not
  const missing: ChorusIssue[] = [];
  const notFound = (index: number, problem: string, fix: string) => missing.push(issue({ code: 'FILE_NOT_FOUND', path: ['inputs', index], problem, fix }));
  for (const [index, input] of inputs.entries()) {
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch((error: unknown) => error as NodeJS.ErrnoException);
    const before = files.size + unread.size;
    const report = {
      file: (file: string) => void (files.has(file) || files.set(file, documentId(file, cwd))),
      problem: (file: string, reason: string) => void unread.set(documentId(file, cwd), { code: 'UNREADABLE_FILE', reason }),
    };
    if (!(info instanceof Error) && info.isDirectory()) {
      await walk(absolute, DIRECTORY, report);
      if (files.size + unread.size === before) notFound(index, `the directory ${shorten(input)} holds no article file`, `Articles are read from ${ARTICLE_EXTENSIONS.join(', ')} files; name a file of another kind directly.`);
    } else if (!(info instanceof Error)) report.file(absolute);
    else if (isPattern(input)) {
      let patterns: string[];
      try {
        patterns = expandBraces(input);
      } catch {
        notFound(index, `the pattern ${shorten(input)} has more than ${MAX_ALTERNATIVES} {…,…} alternatives`, 'Use fewer alternatives, or several patterns.');
        continue;
      }
      for (const pattern of patterns) {
        const { base, segments } = compilePattern(pattern);
        await walk(path.resolve(cwd, base), segments, report);
      }
      if (files.size + unread.size === before) notFound(index, `no file matches ${shorten(input)}`, 'Check the pattern, and quote it so that chorus expands it rather than the shell.');
    } else if (info.code === 'ENOENT' || info.code === 'ENOTDIR' || info.code === 'ENAMETOOLONG')
      notFound(index, `${shorten(input)}: ${info.code === 'ENAMETOOLONG' ? 'no such file (the name is too long)' : 'no such file or directory'}`, 'Check the path (relative paths start from the current directory).');
    else report.problem(absolute, `cannot be read (${errorReason(info)})`);
  }
  if (missing.length > 0 && !reportMissing) throw new ChorusError(missing);

  const documents: SourceDocument[] = [];
  const problems: LoadProblem[] = missing.map((found) => ({ path: shorten(inputs[found.path[1] as number]!), code: 'UNREADABLE_FILE', message: found.message }));
  const seen = new Set<string>(); // device:inode of every file read, so two paths to one file read it once
  const ordered = [...files].sort(([, a], [, b]) => compareCodeUnits(a, b));
  let done = 0;
  onLoad?.({ done, total: ordered.length });
  for (const [file, id] of ordered) {
    const identity = await stat(file).then((info) => `${info.dev}:${info.ino}`, () => undefined);
    if (identity === undefined || !seen.has(identity)) {
      if (identity !== undefined) seen.add(identity);
      const result = await readArticle(file, id, maxBytes);
      if ('id' in result) documents.push(result);
      else unread.set(id, result);
    }
    onLoad?.({ done: ++done, total: ordered.length });
  }
  const unreadIds = [...unread.keys()].sort(compareCodeUnits);
  if (strict && unreadIds.length > 0)
    throw new ChorusError(
      unreadIds.map((id) => {
        const why = unread.get(id)!;
        return issue({ code: 'UNREADABLE_FILE', path: ['files', id], problem: `${shorten(id)} ${why.reason}`, fix: why.fix ?? 'Fix or remove it, or leave strict mode off to summarise the rest.' });
      }),
    );
  for (const id of unreadIds) {
    const why = unread.get(id)!;
    problems.push({ path: id, code: why.code, message: `${shorten(id)} ${why.reason}; skipped.${why.fix ? ` ${why.fix}` : ''}` });
  }
  problems.sort((a, b) => compareCodeUnits(a.path, b.path));
  return { documents, problems };
}
