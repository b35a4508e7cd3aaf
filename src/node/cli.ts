#!/usr/bin/env node
/**
 * The `chorus` command. Parses flags, loads articles, calls the library, prints, and sets the
 * exit code: 0 success, 1 bad input (missing file, no readable article), 2 bad usage.
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { ChorusError, summarize, toHTML, toMarkdown, toText, type SourceDocument, type SummarizeOptions, type Summary } from 'chorus-summary';
import { loadDocuments, stopwordsFor, type LoadProblem } from 'chorus-summary/node';

const FORMATS = ['markdown', 'text', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

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
  -w, --words <n>            length budget in words (default: 100)
  -s, --sentences <n>        exactly n sentences instead
  -c, --characters <n>       at most n characters instead (a sentence is never cut)
  -f, --format <format>      markdown | text | json | html
                             (default: markdown on a terminal, text when piped)
  -o, --output <file>        write the summary to a file instead of standard output
  -l, --language <code>      stopword language code such as eng, fra, deu (default: eng)
      --order <order>        source (reading order, default) | score (best first)
  -q, --quiet                no warnings and no progress on standard error
      --debug                print stack traces with errors
  -v, --version              print the version
  -h, --help                 print this help

Examples:
  chorus examples/articles/
  chorus --words 50 --format json story/*.txt > summary.json
  cat a.txt <(echo ---) b.txt | chorus - --sentences 3

Exit codes: 0 success, 1 bad input (missing file, no readable article), 2 bad usage.
`;

class UsageError extends Error {}

interface Streams {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

function positiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${flag} takes a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Standard input: JSON lines of {id, text} when every line is one, else articles split at "---" lines. */
export function parseStdin(input: string): SourceDocument[] {
  const lines = input.split('\n').filter((line) => line.trim() !== '');
  const asJson = lines.length > 0 && lines.every((line) => /^\s*\{/.test(line));
  if (asJson) {
    return lines.map((line, index) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new ChorusError([{ code: 'INVALID_DOCUMENT', path: ['stdin', index + 1], message: `standard input line ${index + 1} is not valid JSON.` }]);
      }
      return value as SourceDocument;
    });
  }
  return input
    .split(/^---[ \t]*\r?$/m)
    .map((text) => text.replace(/^\r?\n/, ''))
    .filter((text) => text.trim() !== '')
    .map((text, index) => ({ id: `stdin:${index + 1}`, text }));
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

/** A one-line progress bar on a terminal's standard error, shown only once a run has taken a second. */
function progressBar(stderr: Streams['stderr'], enabled: boolean) {
  const started = Date.now();
  let shown = false;
  return {
    update(stage: string, done: number, total: number) {
      if (!enabled || Date.now() - started < 1000) return;
      shown = true;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const width = 24;
      const filled = Math.round(share * width);
      stderr.write(`\r${stage.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}%  `);
    },
    clear() {
      if (shown) stderr.write(`\r${' '.repeat(50)}\r`);
    },
  };
}

/** Run the CLI; returns the exit code. */
export async function main(argv: string[], streams: Streams): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          words: { type: 'string', short: 'w' },
          sentences: { type: 'string', short: 's' },
          characters: { type: 'string', short: 'c' },
          format: { type: 'string', short: 'f' },
          output: { type: 'string', short: 'o' },
          language: { type: 'string', short: 'l' },
          order: { type: 'string' },
          quiet: { type: 'boolean', short: 'q' },
          debug: { type: 'boolean' },
          version: { type: 'boolean', short: 'v' },
          help: { type: 'boolean', short: 'h' },
        },
      });
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
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(values.format)}`);
    if (values.order !== undefined && values.order !== 'source' && values.order !== 'score')
      throw new UsageError(`--order must be source or score, got ${JSON.stringify(values.order)}`);

    const options: SummarizeOptions = {};
    const words = positiveInteger('words', values.words);
    const sentences = positiveInteger('sentences', values.sentences);
    const characters = positiveInteger('characters', values.characters);
    if ([words, sentences, characters].filter((budget) => budget !== undefined).length > 1)
      throw new UsageError('give one of --words, --sentences, --characters');
    if (words !== undefined) options.words = words;
    if (sentences !== undefined) options.sentences = sentences;
    if (characters !== undefined) options.characters = characters;
    if (values.order) options.order = values.order as 'source' | 'score';
    if (values.language) {
      options.language = values.language;
      if (values.language !== 'eng') {
        const list = stopwordsFor(values.language);
        if (!list) throw new UsageError(`--language ${values.language} is not a stopword list code (try eng, fra, deu, spa, ita, por, nld, rus)`);
        options.stopwords = list;
      }
    }

    // Inputs: files, directories and globs through the loader; "-" from standard input.
    const paths = positionals.filter((input) => input !== '-');
    const documents: SourceDocument[] = [];
    let problems: LoadProblem[] = [];
    if (paths.length > 0) {
      const loaded = await loadDocuments(paths);
      documents.push(...loaded.documents);
      problems = loaded.problems;
    }
    if (positionals.includes('-')) documents.push(...parseStdin(await readAll(streams.stdin)));
    const quiet = values.quiet === true;
    if (!quiet) for (const problem of problems) streams.stderr.write(`chorus: warning: ${problem.message}\n`);
    if (documents.length === 0 || documents.every((document) => typeof document.text === 'string' && document.text.trim() === '')) {
      streams.stderr.write('chorus: no readable article in the input\n');
      return 1;
    }

    const bar = progressBar(streams.stderr, !quiet && streams.stderr.isTTY === true);
    options.onProgress = ({ stage, done, total }) => bar.update(stage, done, total);
    let summary: Summary;
    try {
      summary = await summarize(documents, options);
    } finally {
      bar.clear();
    }
    if (!quiet) for (const warning of summary.warnings) streams.stderr.write(`chorus: warning: ${warning.documentId ? `${warning.documentId}: ` : ''}${warning.message}\n`);
    if (summary.sentences.length === 0 && !quiet) streams.stderr.write('chorus: warning: no sentence fits the budget or reads as prose; the summary is empty\n');
    const output = render(summary, format);
    if (values.output) await writeFile(values.output, output);
    else streams.stdout.write(output);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      streams.stderr.write(`chorus: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ChorusError) {
      for (const issue of error.issues) streams.stderr.write(`chorus: ${issue.message}\n`);
      if (debug) streams.stderr.write(`${error.stack}\n`);
      return error.code === 'INVALID_OPTION' ? 2 : 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    streams.stderr.write(`chorus: ${message}\n`);
    if (debug && error instanceof Error) streams.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
