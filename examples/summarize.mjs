// The example: five articles on one story (examples/articles/) in, one Markdown summary out,
// every sentence with footnotes naming the articles that carried it.
//
//   npm run example            (builds first; or: node examples/summarize.mjs [--words N])
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { toMarkdown } from 'chorus-summary';
import { summarizeFiles } from 'chorus-summary/node';

const directory = path.relative(process.cwd(), fileURLToPath(new URL('./articles/', import.meta.url)));
const files = readdirSync(directory)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => path.join(directory, name));

const wordsFlag = process.argv.indexOf('--words');
const words = wordsFlag > 0 ? Number(process.argv[wordsFlag + 1]) : 100;

const summary = await summarizeFiles(files, { words });
process.stdout.write(toMarkdown(summary));
const { documents, sentences, duplicateGroups } = summary.stats;
process.stderr.write(
  `\n${documents} articles, ${sentences} sentences, ${duplicateGroups} facts reported more than once; ` +
    `${summary.sentences.length} sentences, ${summary.stats.words} words chosen.\n`,
);
