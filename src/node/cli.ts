/**
 * The `chorus` command: parse flags, call `summarizeFiles` (which validates every option),
 * print, and return the exit code: 0 success, 1 some input could not be read (the summary of
 * the rest is still written) or no article at all, 2 bad usage. `bin.ts` runs it.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { ChorusError, digest, digestToHTML, digestToMarkdown, digestToText, summarize, toHTML, toMarkdown, toReport, toText, type ChorusIssue, type Digest, type SourceDocument, type Summary, type SummaryWarning } from 'chorus-summary';
import { quote, shorten } from '../issue.js';
import { flagHelp, flagOf, integerFlag, joinNegativeValues, optionsFromFlags, parserOptions, type Command, type Format } from './flags.js';
import { readInputs, withProblems } from './inputs.js';
import { threadPool } from './threads.js';
import { outputConflict, formatOf, writeAtomically } from './output.js';
import { progressBar } from './progress.js';
import { parseStdin, readAll } from './stdin.js';
import { BrokenPipe, sayTo, writeTo, type Streams } from './streams.js';
import { errorReason } from './walk.js';

export type { Streams } from './streams.js';

const HELP = `Usage: chorus [options] <file | directory | glob | ->...
       chorus digest [options] <file | directory | glob | ->...

Summarise many news articles about one story into one short summary whose
every sentence cites the articles that carried it. "chorus digest" takes a
feed of articles on many stories, groups them into stories, and prints each
story's headline, number of sources and summary.

Inputs:
  file.txt, page.html, a.md  articles (HTML and Markdown are reduced to their text)
  articles/                  every .txt, .md and .html file inside, recursively
  'articles/**/*.txt'        a glob pattern (quote it to let chorus expand it)
  -                          standard input: articles separated by a line "---",
                             or JSON lines {"id": "...", "text": "..."}
  Only regular files are read, also through links; links to directories are
  not followed.

Options:
${flagHelp()}

Options of chorus digest (besides the above):
${flagHelp('digest').split('\n').filter((line) => !flagHelp().split('\n').includes(line)).join('\n')}

Examples:
  chorus examples/articles/
  chorus digest --words 60 feed/
  chorus --words 50 -o summary.json story/*.txt
  cat a.txt <(echo ---) b.txt | chorus - --sentences 3

Exit codes: 0 success; 1 an input could not be read (reported; the rest is
summarised unless --strict) or no readable article; 2 bad usage.
`;

class UsageError extends Error {}

/** Warning codes of files the loader could not read: each makes the exit code 1. */
const UNREAD = new Set(['INVALID_UTF8', 'BINARY_FILE', 'UNREADABLE_FILE']);

function render(result: Summary | Digest, documents: readonly SourceDocument[], format: Format, maxCitations: number | undefined): string {
  const options = maxCitations === undefined ? {} : { maxCitations };
  // JSON.stringify leaves DEL, the C1 controls (U+009B is a terminal's CSI) and the line
  // separators raw; escaped, the same JSON cannot act on the terminal it is printed to.
  if (format === 'json') return `${JSON.stringify(result, null, 2).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
  if (format === 'report') return toReport(result, documents);
  if ('stories' in result) return format === 'html' ? digestToHTML(result, options) : format === 'text' ? digestToText(result, options) : digestToMarkdown(result, options);
  if (format === 'html') return toHTML(result, options);
  return format === 'text' ? toText(result, options) : toMarkdown(result, options);
}

/** An option problem in the words of the command line: "--words must be …" for "option words must be …". */
function describeIssue(issue: ChorusIssue): string {
  const name = issue.code === 'INVALID_OPTION' && issue.path[0] === 'options' ? String(issue.path[1]) : undefined;
  const flag = name === undefined ? undefined : flagOf(name);
  return flag && issue.message.startsWith(`option ${name} `) ? flag + issue.message.slice(`option ${name}`.length) : issue.message;
}

/** A number flag's value, or a usage error. */
function numberFlag(values: Record<string, string | boolean | undefined>, name: string, min: number): number | undefined {
  const value = integerFlag(values, name, min);
  if (typeof value === 'string') throw new UsageError(value);
  return value;
}

/** Most lines about conflicts outside the summary. */
const CONFLICT_LINES = 5;

/** "sources differ (not in the summary): "17 months" in a, b / "18 months" in c", for conflicts whose fact was not selected. */
function otherConflicts(summary: Summary): string[] {
  const outside = summary.conflicts.filter((conflict) => conflict.sentence === undefined);
  const lines = outside.slice(0, CONFLICT_LINES).map((conflict) => {
    const versions = conflict.variants.map((variant) => `"${variant.text}" in ${[...new Set(variant.spans.map((span) => shorten(span.documentId)))].join(', ')}`);
    return `sources differ (not in the summary): ${versions.join(' / ')}`;
  });
  if (outside.length > CONFLICT_LINES) lines.push(`sources differ in ${outside.length - CONFLICT_LINES} more places (--format json lists them all)`);
  return lines;
}

/** No article at all: no document, or none with a sentence (a digest: no story). */
function isEmpty(result: Summary | Digest): boolean {
  if ('stories' in result) {
    // No story is not nothing read: stories below --min-documents, or furniture, are listed as unassigned.
    if (result.stories.length > 0) return false;
    const unread = new Set(result.warnings.filter((warning) => warning.code === 'EMPTY_DOCUMENT' || UNREAD.has(warning.code)).map((warning) => warning.documentId));
    return result.unassigned.every((id) => unread.has(id));
  }
  return result.documents.length === 0 || result.documents.every((report) => report.sentences === 0);
}

/** Run the CLI; returns the exit code. */
export async function main(argv: string[], streams: Streams): Promise<number> {
  let debug = argv.includes('--debug');
  const say = sayTo(streams.stderr);
  let code = 0;
  const command: Command = argv[0] === 'digest' ? 'digest' : 'summary';
  const args = command === 'digest' ? argv.slice(1) : argv;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: joinNegativeValues(args, command), allowPositionals: true, strict: true, options: parserOptions(command) });
    } catch (error) {
      const message = (error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
      throw new UsageError(message.replace(/^Unknown option '(.*)'$/s, (_, name: string) => `unknown option '${shorten(name)}'`));
    }
    const { values, positionals } = parsed;
    debug = values.debug === true;
    if (values.help) {
      await writeTo(streams.stdout, HELP);
      return 0;
    }
    if (values.version) {
      const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
      await writeTo(streams.stdout, `${version}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('no input: give files, directories, glob patterns or - for standard input (see chorus --help)');
    if (positionals.includes('')) throw new UsageError("an empty path is not an input: name a file, directory or glob pattern ('.' for the current directory)");
    const output = values.output as string | undefined;
    const format = formatOf(values.format as string | undefined, output, streams.stdout.isTTY === true);
    if (!format) throw new UsageError(`--format must be one of markdown, text, json, html, report, received ${quote(String(values.format))}`);
    const maxCitations = numberFlag(values, 'max-citations', 1);
    const maxFileSize = numberFlag(values, 'max-file-size', 1);
    const threads = numberFlag(values, 'threads', 0);
    const files = positionals.filter((input) => input !== '-');
    const conflict = output === undefined ? undefined : await outputConflict(output, files, process.cwd());
    if (conflict) throw new UsageError(conflict);

    const quiet = values.quiet === true;
    const strict = values.strict === true;
    let stdinDocuments: SourceDocument[] = [];
    if (positionals.includes('-')) {
      const { documents, note } = parseStdin(await readAll(streams.stdin));
      if (debug) say(note);
      stdinDocuments = documents;
    }
    const bar = progressBar(streams.stderr, { enabled: !quiet && streams.stderr.isTTY === true, reading: files.length > 0, digest: command === 'digest' });
    let result: Summary | Digest;
    let read: SourceDocument[] = [];
    try {
      // The CLI reads the files itself: a report shows the very texts that were summarised.
      const { documents, problems, coreOptions } = await readInputs(files, {
        ...optionsFromFlags(values),
        documents: stdinDocuments,
        missing: strict ? 'error' : 'report',
        strict,
        ...(maxFileSize === undefined ? {} : { maxFileSize }),
        // The shared pool of the other cores unless told how many (0: this thread alone).
        ...(threads === undefined ? {} : { parallel: threads === 0 ? false : threadPool({ threads: Math.min(threads, 256) }) }),
        onLoad: ({ done, total }) => bar.update('load', done, total),
        onProgress: ({ stage, done, total }) => bar.update(stage, done, total),
      });
      read = documents;
      result = withProblems(await (command === 'digest' ? digest(documents, coreOptions) : summarize(documents, coreOptions)), problems);
    } finally {
      bar.clear();
    }
    const nothing = isEmpty(result);
    // A file that could not be read is an error (the exit code says so, even with --quiet); the rest are warnings.
    for (const warning of result.warnings as SummaryWarning[]) {
      if (UNREAD.has(warning.code)) {
        say(warning.message);
        code = 1;
      } else if (!quiet && !(nothing && warning.code === 'EMPTY_DOCUMENT'))
        say(`warning: ${warning.documentId && !warning.message.startsWith(warning.documentId) ? `${shorten(warning.documentId)}: ` : ''}${warning.message}`);
    }
    if (nothing) {
      say('no readable article in the input');
      return 1;
    }
    if (!quiet && 'sentences' in result && result.sentences.length === 0) say('warning: no sentence fits the budget or reads as prose; the summary is empty');
    // Disagreements in the summary are marked in it; the others are said here, the first few
    // (JSON and the report list them all).
    if (!quiet && 'conflicts' in result && format !== 'json' && format !== 'report') for (const line of otherConflicts(result)) say(line);
    const text = render(result, read, format, maxCitations);
    if (output === undefined) await writeTo(streams.stdout, text);
    else {
      const failed = await writeAtomically(output, text).then(() => undefined, (error: unknown) => error);
      if (failed) throw new Error(`cannot write ${shorten(output)}: ${errorReason(failed)}`);
    }
    return code;
  } catch (error) {
    if (error instanceof BrokenPipe) return code; // the reader has what it wanted (`| head`): stop quietly
    if (error instanceof UsageError) {
      say(error.message);
      return 2;
    }
    if (error instanceof ChorusError) {
      for (const issue of error.issues) say(describeIssue(issue));
      if (debug) say.stack(error);
      return error.code === 'INVALID_OPTION' || (error.code === 'INVALID_DOCUMENTS' && error.issues[0]?.path[0] === 'inputs') ? 2 : 1;
    }
    say(error instanceof Error ? error.message : String(error));
    if (debug && error instanceof Error) say.stack(error);
    return 1;
  }
}
