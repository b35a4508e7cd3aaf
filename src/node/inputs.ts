/**
 * What the Node entry and the CLI do before the core runs: read the files, keep what could not
 * be read as warnings, and find the stopword list of a `language` other than English.
 */
import * as stopword from 'stopword';
import { ChorusError, type DigestOptions, type SourceDocument, type SummaryWarning } from 'chorus-summary';
import { issue } from '../issue.js';
import { compareCodeUnits } from '../text.js';
import { loadDocuments, type LoadOptions, type LoadProblem } from './load.js';
import { sharedPool } from './threads.js';

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

/** The files read, with what could not be read, and the options for the core (stopwords found for `language`). */
export async function readInputs<O extends DigestOptions>(
  inputs: readonly string[],
  options: Omit<O, 'parallel'> & LoadOptions & { documents?: readonly SourceDocument[]; parallel?: O['parallel'] | false },
): Promise<{ documents: SourceDocument[]; problems: LoadProblem[]; coreOptions: O }> {
  const { cwd, maxFileSize, missing, strict, onLoad, documents: extra = [], parallel, ...rest } = options;
  const coreOptions = rest as unknown as O;
  // Files are read with the machine's other cores unless told otherwise (`parallel: false`);
  // anything else given is the core's to check.
  const pool = parallel === undefined ? sharedPool() : parallel === false ? undefined : parallel;
  if (pool !== undefined) coreOptions.parallel = pool;
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
export function withProblems<T extends { warnings: SummaryWarning[] }>(result: T, problems: readonly LoadProblem[]): T {
  if (problems.length === 0) return result;
  const warnings = [...problems.map((problem) => ({ code: problem.code, documentId: problem.path, message: problem.message })), ...result.warnings];
  warnings.sort((a, b) => compareCodeUnits(a.documentId ?? '', b.documentId ?? ''));
  return { ...result, warnings };
}

