/**
 * The Node entry: the only code that touches the file system.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { summarize, type SourceDocument, type SummarizeOptions, type Summary } from 'chorus-summary';

/** A path as a document id: relative to the current directory, '/'-separated. */
export function documentId(file: string, cwd: string = process.cwd()): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
}

/** Read files into documents, the path relative to the current directory as `id`. */
export async function loadDocuments(paths: readonly string[]): Promise<SourceDocument[]> {
  return Promise.all(paths.map(async (file) => ({ id: documentId(file), text: await readFile(file, 'utf8') })));
}

/** `loadDocuments` then `summarize`. */
export async function summarizeFiles(paths: readonly string[], options?: SummarizeOptions): Promise<Summary> {
  return summarize(await loadDocuments(paths), options);
}
