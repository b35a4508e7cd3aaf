/**
 * The Node entry (`chorus-summary/node`): reading articles from disk. Everything here may use
 * Node built-ins; the core (`chorus-summary`) never does.
 */
import * as stopword from 'stopword';
import { ChorusError, digest, summarize, type Digest, type DigestOptions, type SourceDocument, type SummarizeOptions, type Summary, type SummaryWarning } from 'chorus-summary';
import { issue } from '../issue.js';
import { compareCodeUnits } from '../text.js';
import { loadDocuments, type LoadOptions, type LoadProblem } from './load.js';

export { loadDocuments, documentId, ARTICLE_EXTENSIONS, type LoadOptions, type LoadProblem, type LoadResult } from './load.js';
export { htmlToText, type PageText } from './html.js';

/** `stopword`'s language codes (its exports other than its function). */
const LANGUAGES = Object.keys(stopword).filter((name) => name !== '_123' && Array.isArray((stopword as unknown as Record<string, unknown>)[name]));

/**
 * Stopwords for a `stopword` language code (`'fra'`, `'deu'`, …). In Node the size of all the
 * lists does not matter, so the Node entry resolves them for you; returns undefined for an
 * unknown code.
 */
export function stopwordsFor(language: string): readonly string[] | undefined {
  return LANGUAGES.includes(language) ? ((stopword as unknown as Record<string, string[]>)[language] as string[]) : undefined;
}

export interface SummarizeFilesOptions extends SummarizeOptions, LoadOptions {
  /** Articles to summarise beside the files (read from standard input, say). */
  documents?: readonly SourceDocument[];
}

export interface DigestFilesOptions extends DigestOptions, LoadOptions {
  /** Articles to group and summarise beside the files (read from standard input, say). */
  documents?: readonly SourceDocument[];
}

/** The files read, with what could not be read, and the options for the core (stopwords found for `language`). */
async function readInputs<O extends DigestOptions>(
  inputs: readonly string[],
  options: O & LoadOptions & { documents?: readonly SourceDocument[] },
): Promise<{ documents: SourceDocument[]; problems: LoadProblem[]; coreOptions: O }> {
  const { cwd, maxFileSize, missing, strict, onLoad, documents: extra = [], ...rest } = options;
  const coreOptions = rest as unknown as O;
  const loadOptions: LoadOptions = Object.fromEntries(Object.entries({ cwd, maxFileSize, missing, strict, onLoad }).filter(([, value]) => value !== undefined));
  const language = coreOptions.language;
  if (typeof language === 'string' && language !== 'eng' && coreOptions.stopwords === undefined) {
    const list = stopwordsFor(language);
    if (!list) {
      const near = LANGUAGES.find((code) => code.toLowerCase() === language.toLowerCase());
      const problem = `option language must be a stopword list code such as "eng" or "fra"${near ? ` (codes are case-sensitive; did you mean "${near}"?)` : ''}`;
      throw new ChorusError([issue({ code: 'INVALID_OPTION', path: ['options', 'language'], problem, received: language, fix: `Known codes: ${LANGUAGES.join(', ')}.`, expected: 'a stopword list code' })]);
    }
    coreOptions.stopwords = list;
  }
  const { documents, problems } = inputs.length > 0 ? await loadDocuments(inputs, loadOptions) : { documents: [], problems: [] };
  return { documents: [...documents, ...extra], problems, coreOptions };
}

/** Files that could not be read, as warnings beside the result's own (by document id). */
function withProblems<T extends { warnings: SummaryWarning[] }>(result: T, problems: readonly LoadProblem[]): T {
  if (problems.length === 0) return result;
  const warnings = [...problems.map((problem) => ({ code: problem.code, documentId: problem.path, message: problem.message })), ...result.warnings];
  warnings.sort((a, b) => compareCodeUnits(a.documentId ?? '', b.documentId ?? ''));
  return { ...result, warnings };
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
