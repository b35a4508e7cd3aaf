/**
 * The Node entry (`chorus-summary/node`): reading articles from disk. Everything here may use
 * Node built-ins; the core (`chorus-summary`) never does.
 */
import * as stopword from 'stopword';
import { summarize, type SummarizeOptions, type Summary } from 'chorus-summary';
import { loadDocuments, type LoadOptions } from './load.js';

export { loadDocuments, documentId, ARTICLE_EXTENSIONS, type LoadOptions, type LoadProblem, type LoadResult } from './load.js';
export { htmlToText, type PageText } from './html.js';

/**
 * Stopwords for a `stopword` language code (`'fra'`, `'deu'`, …). In Node the size of all the
 * lists does not matter, so the Node entry resolves them for you; returns undefined for an
 * unknown code.
 */
export function stopwordsFor(language: string): readonly string[] | undefined {
  const list = (stopword as unknown as Record<string, unknown>)[language];
  return Array.isArray(list) && language !== 'removeStopwords' ? (list as string[]) : undefined;
}

/**
 * `loadDocuments` then `summarize`. Files that could not be read become warnings on the
 * summary (`INVALID_UTF8`, `BINARY_FILE`, `UNREADABLE_FILE`). A `language` other than English
 * gets its stopword list from `stopword` unless `stopwords` is given.
 */
export async function summarizeFiles(inputs: readonly string[], options: SummarizeOptions & LoadOptions = {}): Promise<Summary> {
  const { cwd, ...summarizeOptions } = options;
  const { documents, problems } = await loadDocuments(inputs, cwd === undefined ? {} : { cwd });
  const language = summarizeOptions.language;
  if (language !== undefined && language !== 'eng' && summarizeOptions.stopwords === undefined) {
    const list = stopwordsFor(language);
    if (list) summarizeOptions.stopwords = list;
  }
  const summary = await summarize(documents, summarizeOptions);
  if (problems.length === 0) return summary;
  const warnings = [...problems.map((problem) => ({ code: problem.code, documentId: problem.path, message: problem.message })), ...summary.warnings];
  warnings.sort((a, b) => ((a.documentId ?? '') < (b.documentId ?? '') ? -1 : (a.documentId ?? '') > (b.documentId ?? '') ? 1 : 0));
  return { ...summary, warnings };
}
