/**
 * Files, directories and glob patterns → documents. The only code of the library that reads
 * the file system.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ChorusError, type ChorusIssue, type SourceDocument } from 'chorus-summary';
import { issue } from '../issue.js';
import { compareCodeUnits } from '../text.js';
import { glob } from 'tinyglobby';
import { htmlToText } from './html.js';

/** Extensions read from a directory (a file named on its own is read whatever its name). */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

export interface LoadProblem {
  /** The file, relative to the current directory, as its document id would have been. */
  path: string;
  code: 'INVALID_UTF8' | 'BINARY_FILE' | 'UNREADABLE_FILE';
  message: string;
}

export interface LoadResult {
  /** In id order. */
  documents: SourceDocument[];
  /** Files that could not be read as text; the others load regardless. */
  problems: LoadProblem[];
}

export interface LoadOptions {
  /** Ids are paths relative to this directory, which relative inputs resolve from. @default process.cwd() */
  cwd?: string;
}

/** A path as a document id: relative to `cwd`, '/'-separated. */
export function documentId(file: string, cwd: string = process.cwd()): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
}

const GLOB_MAGIC = /[*?[\]{}]/;

/** Every article file under a directory, recursively, skipping dot-directories and node_modules. */
async function walk(directory: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(directory, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(full)));
    else if (entry.isFile() && (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(entry.name).toLowerCase())) found.push(full);
  }
  return found;
}

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) [need, min] = [1, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [need, min] = [2, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= bytes.length) return i; // cut off at the end
    let code = byte & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Read one file into a document, or say why not. */
async function readDocument(file: string, id: string): Promise<SourceDocument | LoadProblem> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { path: id, code: 'UNREADABLE_FILE', message: `cannot read ${id}: ${(error as Error).message}` };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { path: id, code: 'BINARY_FILE', message: `${id} looks like a binary file (it holds NUL bytes), not an article; skipped.` };
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) return { path: id, code: 'INVALID_UTF8', message: `${id} is not valid UTF-8 (first bad byte at offset ${invalid}); skipped. Convert it to UTF-8 first.` };
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const extension = path.extname(file).toLowerCase();
  if (extension === '.html' || extension === '.htm' || /^\s*<(?:!doctype html|html[\s>])/i.test(text.slice(0, 512))) {
    const page = htmlToText(text);
    const document: SourceDocument = { id, text: page.text };
    if (page.title) document.title = page.title;
    if (page.url) document.url = page.url;
    return document;
  }
  return { id, text };
}

/**
 * Read files, directories (every .txt, .md and .html inside, recursively, in path order) and
 * glob patterns into documents, each with its path relative to the current directory as `id`.
 * HTML is reduced to its article text. A file that is not valid UTF-8 (or is binary) is
 * reported in `problems` and the others load. Throws a `ChorusError` of code `FILE_NOT_FOUND`
 * naming every input that matched no file.
 */
export async function loadDocuments(inputs: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  if (!Array.isArray(inputs) || inputs.some((input) => typeof input !== 'string'))
    throw new ChorusError([
      issue({ code: 'INVALID_DOCUMENTS', path: ['inputs'], problem: 'loadDocuments() takes an array of paths, directories or glob patterns', received: inputs, fix: "Pass strings, e.g. ['articles/*.txt'].", expected: 'an array of strings' }),
    ]);
  const files = new Map<string, string>(); // absolute path → id
  const missing: ChorusIssue[] = [];
  for (const [index, input] of inputs.entries()) {
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch(() => undefined);
    let matched: string[];
    if (info?.isDirectory()) {
      matched = await walk(absolute);
      if (matched.length === 0)
        missing.push(issue({ code: 'FILE_NOT_FOUND', path: ['inputs', index], problem: `the directory ${input} holds no article file`, fix: `Articles are read from ${ARTICLE_EXTENSIONS.join(', ')} files; name a file of another kind directly.` }));
    } else if (info) {
      matched = [absolute];
    } else if (GLOB_MAGIC.test(input)) {
      matched = (await glob(input, { cwd, absolute: true, onlyFiles: true, dot: false, expandDirectories: false })).map((file) => path.resolve(file));
      if (matched.length === 0) missing.push(issue({ code: 'FILE_NOT_FOUND', path: ['inputs', index], problem: `no file matches ${input}`, fix: 'Check the pattern, and quote it so that chorus expands it rather than the shell.' }));
    } else {
      matched = [];
      missing.push(issue({ code: 'FILE_NOT_FOUND', path: ['inputs', index], problem: `${input}: no such file or directory`, fix: 'Check the path (relative paths start from the current directory).' }));
    }
    for (const file of matched) if (!files.has(file)) files.set(file, documentId(file, cwd));
  }
  if (missing.length > 0) throw new ChorusError(missing);

  const documents: SourceDocument[] = [];
  const problems: LoadProblem[] = [];
  const ordered = [...files].sort(([, a], [, b]) => compareCodeUnits(a, b));
  for (const [file, id] of ordered) {
    const result = await readDocument(file, id);
    if ('id' in result) documents.push(result);
    else problems.push(result);
  }
  return { documents, problems };
}
