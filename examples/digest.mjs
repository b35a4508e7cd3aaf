// The digest example: a feed of seventeen articles on five stories (the five articles of
// examples/articles/ and twelve invented ones in examples/feed/), grouped into stories, each
// printed with its headline, sources, key terms and a cited summary.
//
//   npm run example:digest     (builds first; or: node examples/digest.mjs [--words N])
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { digestToMarkdown } from 'chorus-summary';
import { digestFiles } from 'chorus-summary/node';

const here = (folder) => path.relative(process.cwd(), fileURLToPath(new URL(folder, import.meta.url)));
const wordsFlag = process.argv.indexOf('--words');
const words = wordsFlag > 0 ? Number(process.argv[wordsFlag + 1]) : 60;

const digest = await digestFiles([here('./articles/'), here('./feed/')], { words });
process.stdout.write(digestToMarkdown(digest));
process.stderr.write(`\n${digest.stats.documents} articles, ${digest.stats.stories} stories, ${digest.stats.unassigned} in no story.\n`);
