/**
 * The Node entry (`chorus-summary/node`): reading articles from disk. Everything here may use
 * Node built-ins; the core (`chorus-summary`) never does.
 */
import { digest, summarize, type Digest, type DigestOptions, type Parallel, type SourceDocument, type SummarizeOptions, type Summary } from 'chorus-summary';
import { readInputs, withProblems } from './inputs.js';
import type { LoadOptions } from './load.js';

export { loadDocuments, documentId, ARTICLE_EXTENSIONS, type LoadOptions, type LoadProblem, type LoadResult } from './load.js';
export { htmlToText, type PageText } from './html.js';
export { stopwordsFor } from './inputs.js';
export { threadPool, type ThreadPool, type ThreadPoolOptions } from './threads.js';

export interface SummarizeFilesOptions extends Omit<SummarizeOptions, 'parallel'>, LoadOptions {
  /** Articles to summarise beside the files (read from standard input, say). */
  documents?: readonly SourceDocument[];
  /** Threads that read a large input beside this one: by default a pool of the machine's other cores (`threadPool()`); `false` for this thread alone. */
  parallel?: Parallel | false;
}

export interface DigestFilesOptions extends Omit<DigestOptions, 'parallel'>, LoadOptions {
  /** Articles to group and summarise beside the files (read from standard input, say). */
  documents?: readonly SourceDocument[];
  /** As for `summarizeFiles`. */
  parallel?: Parallel | false;
}

/**
 * `loadDocuments` then `summarize`. Files that could not be read become warnings on the
 * summary (`INVALID_UTF8`, `BINARY_FILE`, `UNREADABLE_FILE`). A `language` other than English
 * gets its stopword list from `stopword` unless `stopwords` is given.
 */
export async function summarizeFiles(inputs: readonly string[], options: SummarizeFilesOptions = {}): Promise<Summary> {
  const { documents, problems, coreOptions } = await readInputs<SummarizeOptions>(inputs, options);
  return withProblems(await summarize(documents, coreOptions), problems);
}

/** `loadDocuments` then `digest`: a folder of a day's articles to one summary per story. Unreadable files are warnings, as in `summarizeFiles`. */
export async function digestFiles(inputs: readonly string[], options: DigestFilesOptions = {}): Promise<Digest> {
  const { documents, problems, coreOptions } = await readInputs<DigestOptions>(inputs, options);
  return withProblems(await digest(documents, coreOptions), problems);
}
