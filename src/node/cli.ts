/**
 * The `chorus` command: parse flags, call `summarizeFiles` (which validates every option),
 * print, and return the exit code: 0 success, 1 bad input (missing file, no readable
 * article), 2 bad usage. `bin.ts` runs it.
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { ChorusError, toHTML, toMarkdown, toText, type ChorusIssue, type SourceDocument, type Summary } from 'chorus-summary';
import { summarizeFiles } from 'chorus-summary/node';
import { flagHelp, flagOf, FORMATS, joinNegativeValues, optionsFromFlags, parserOptions, type Format } from './flags.js';
import { singleLine } from '../render/safe.js';
import { progressBar } from './progress.js';
import { parseStdin, readAll } from './stdin.js';

const HELP = `Usage: chorus [options] <file | directory | glob | ->...

Summarise many news articles about one story into one short summary whose
every sentence cites the articles that carried it.

Inputs:
  file.txt, page.html        articles (HTML is reduced to its article text)
  articles/                  every .txt, .md and .html file inside, recursively
  'articles/**/*.txt'        a glob pattern (quote it to let chorus expand it)
  -                          standard input: articles separated by a line "---",
                             or JSON lines {"id": "...", "text": "..."}

Options:
${flagHelp()}

Examples:
  chorus examples/articles/
  chorus --words 50 --format json story/*.txt > summary.json
  cat a.txt <(echo ---) b.txt | chorus - --sentences 3

Exit codes: 0 success, 1 bad input (missing file, no readable article), 2 bad usage.
`;

class UsageError extends Error {}

export interface Streams {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

function render(summary: Summary, format: Format): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(summary, null, 2)}\n`;
    case 'html':
      return toHTML(summary);
    case 'text':
      return toText(summary);
    default:
      return toMarkdown(summary);
  }
}

/** An option problem in the words of the command line: "--words must be …" for "option words must be …". */
function describeIssue(issue: ChorusIssue): string {
  const name = issue.code === 'INVALID_OPTION' && issue.path[0] === 'options' ? String(issue.path[1]) : undefined;
  const flag = name === undefined ? undefined : flagOf(name);
  return flag && issue.message.startsWith(`option ${name} `) ? flag + issue.message.slice(`option ${name}`.length) : issue.message;
}

/** A stack trace for --debug, each of its lines made safe for a terminal. */
const stackOf = (error: Error) => (error.stack ?? error.message).split('\n').map(singleLine).join('\n');

/** Run the CLI; returns the exit code. */
export async function main(argv: string[], streams: Streams): Promise<number> {
  let debug = argv.includes('--debug');
  // Every line to the terminal goes through singleLine: ids are file names and titles come
  // from scraped pages, and either may hold line breaks or terminal escape sequences.
  const say = (text: string) => streams.stderr.write(`chorus: ${singleLine(text)}\n`);
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: joinNegativeValues(argv), allowPositionals: true, strict: true, options: parserOptions() });
    } catch (error) {
      const message = (error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
      throw new UsageError(message.replace(/^Unknown option/, 'unknown option'));
    }
    const { values, positionals } = parsed;
    debug = values.debug === true;
    if (values.help) {
      streams.stdout.write(HELP);
      return 0;
    }
    if (values.version) {
      const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
      streams.stdout.write(`${version}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('no input: give files, directories, glob patterns or - for standard input (see chorus --help)');
    const format = (values.format ?? (streams.stdout.isTTY ? 'markdown' : 'text')) as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, received ${JSON.stringify(values.format)}`);

    const quiet = values.quiet === true;
    const stdinDocuments: SourceDocument[] = positionals.includes('-') ? parseStdin(await readAll(streams.stdin)) : [];
    const bar = progressBar(streams.stderr, !quiet && streams.stderr.isTTY === true);
    let summary: Summary;
    try {
      summary = await summarizeFiles(
        positionals.filter((input) => input !== '-'),
        { ...optionsFromFlags(values), documents: stdinDocuments, onProgress: ({ stage, done, total }) => bar.update(stage, done, total) },
      );
    } finally {
      bar.clear();
    }
    if (summary.documents.length === 0 || summary.documents.every((report) => report.sentences === 0)) {
      if (!quiet) for (const warning of summary.warnings) if (warning.code !== 'EMPTY_DOCUMENT') say(`warning: ${warning.message}`);
      say('no readable article in the input');
      return 1;
    }
    if (!quiet) {
      for (const warning of summary.warnings) say(`warning: ${warning.documentId && !warning.message.startsWith(warning.documentId) ? `${warning.documentId}: ` : ''}${warning.message}`);
      if (summary.sentences.length === 0) say('warning: no sentence fits the budget or reads as prose; the summary is empty');
    }
    const output = render(summary, format);
    if (values.output) await writeFile(values.output as string, output);
    else streams.stdout.write(output);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      say(error.message);
      return 2;
    }
    if (error instanceof ChorusError) {
      for (const issue of error.issues) say(describeIssue(issue));
      if (debug) streams.stderr.write(`${stackOf(error)}\n`);
      return error.code === 'INVALID_OPTION' ? 2 : 1;
    }
    say(error instanceof Error ? error.message : String(error));
    if (debug && error instanceof Error) streams.stderr.write(`${stackOf(error)}\n`);
    return 1;
  }
}
