import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ChorusError } from '../src/index.js';
import { loadDocuments, type LoadOptions } from '../src/node/index.js';

/**
 * The loader against what a directory or pattern can hold besides articles: FIFOs and devices
 * behind links, link loops, links to articles and to directories, files too large, text in
 * UTF-16, an empty path. Directories and patterns follow one rule (src/node/walk.ts).
 * (The unreadable directory is in test/cli.test.ts, where it can run as another user.)
 */
const ARTICLE = 'The council approved the new budget on Monday after a long debate.';
let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'chorus-load-'));
  const at = (file: string) => path.join(work, file);
  mkdirSync(at('d/sub'), { recursive: true });
  mkdirSync(at('elsewhere'));
  writeFileSync(at('d/a.txt'), ARTICLE);
  writeFileSync(at('d/sub/b.txt'), 'The second article reports the vote.');
  writeFileSync(at('elsewhere/linked.txt'), 'An article kept elsewhere and linked in.');
  writeFileSync(at('elsewhere/not-walked.txt'), 'Only reachable through a link to its directory.');
  execFileSync('mkfifo', [at('fifo')]);
  symlinkSync(at('fifo'), at('d/fifo.txt')); // dir/b.txt -> fifo hung forever
  symlinkSync('/dev/zero', at('d/zero.txt')); // z.txt -> /dev/zero read 1.5 GB in 3.6 s
  symlinkSync('..', at('d/sub/loop')); // ** followed it, reading a.txt twice
  symlinkSync(at('elsewhere/linked.txt'), at('d/linked.txt'));
  symlinkSync(at('elsewhere'), at('d/dirlink'));
  symlinkSync('a.txt', at('d/same.txt')); // the same file by a second path
  symlinkSync(at('nowhere'), at('d/broken.txt'));
  writeFileSync(at('huge.txt'), 'x'.repeat(5_000));
  writeFileSync(at('le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Émile wrote in UTF-16 with a byte order mark.', 'utf16le')]));
  writeFileSync(at('be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Émile wrote in big-endian UTF-16.', 'utf16le').swap16()]));
  writeFileSync(at('nobom.txt'), Buffer.from('Émile lost his byte order mark.', 'utf16le'));
});

const load = (inputs: string[], options: LoadOptions = {}) => loadDocuments(inputs, { cwd: work, ...options });
const WALKED = {
  ids: ['d/a.txt', 'd/linked.txt', 'd/sub/b.txt'],
  problems: [
    ['d/broken.txt', 'UNREADABLE_FILE', /^d\/broken\.txt is a symbolic link that cannot be followed \(no such file or directory\); skipped\.$/],
    ['d/fifo.txt', 'UNREADABLE_FILE', /^d\/fifo\.txt links to a named pipe \(FIFO\), not a regular file; skipped\.$/],
    ['d/zero.txt', 'UNREADABLE_FILE', /^d\/zero\.txt links to a character device, not a regular file; skipped\.$/],
  ],
};

describe('directories and patterns: one rule', () => {
  // Each must give the same articles and problems, at once (a FIFO would hang, /dev/zero fill memory).
  test.each([['a directory', 'd'], ['a ** pattern', 'd/**/*.txt'], ['a {} pattern', 'd/{**/,}*.txt']])('%s: regular files, also through links; no FIFO or device opened; no link loop or linked directory walked', async (_name, input) => {
    const { documents, problems } = await load([input]);
    // d/same.txt is d/a.txt by another path: read once, under the first id.
    expect(documents.map((document) => document.id)).toEqual(WALKED.ids);
    expect(problems.map((problem) => [problem.path, problem.code, problem.message])).toEqual(WALKED.problems.map(([file, code, message]) => [file, code, expect.stringMatching(message as RegExp)]));
  });

  test('a FIFO or device named directly is reported, never opened', async () => {
    const { documents, problems } = await load(['fifo', '/dev/zero', 'd/a.txt']);
    expect(documents.map((document) => document.id)).toEqual(['d/a.txt']);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^\.\.\/.*dev\/zero is a character device, not a regular file; skipped\. Only regular files are read; pipe a stream through standard input \(-\) instead\.$/),
      'fifo is a named pipe (FIFO), not a regular file; skipped. Only regular files are read; pipe a stream through standard input (-) instead.',
    ]);
  });
});

describe('limits and encodings', () => {
  test('a file over maxFileSize is a problem, not a crash', async () => {
    const { documents, problems } = await load(['huge.txt', 'd/a.txt'], { maxFileSize: 4_096 });
    expect(documents.map((document) => document.id)).toEqual(['d/a.txt']);
    expect(problems).toEqual([{ path: 'huge.txt', code: 'UNREADABLE_FILE', message: 'huge.txt is larger than the 4,096 bytes a file may have; skipped. Split it, or raise the limit (maxFileSize, chorus --max-file-size).' }]);
    expect((await load(['huge.txt'])).documents).toHaveLength(1);
  });

  test('UTF-16 with a byte order mark is decoded; without one it is binary, with a hint', async () => {
    const { documents, problems } = await load(['le.txt', 'be.txt', 'nobom.txt']);
    expect(documents).toEqual([
      { id: 'be.txt', text: 'Émile wrote in big-endian UTF-16.' },
      { id: 'le.txt', text: 'Émile wrote in UTF-16 with a byte order mark.' },
    ]);
    expect(problems).toEqual([
      { path: 'nobom.txt', code: 'BINARY_FILE', message: 'nobom.txt looks like a binary file (it holds NUL bytes), not an article; skipped. If it is UTF-16 text, save it with a byte order mark or as UTF-8.' },
    ]);
  });
});

describe('inputs that name nothing', () => {
  test('an empty path is an error, not the current directory', async () => {
    const error = await load(['d/a.txt', '']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChorusError);
    expect((error as ChorusError).issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ['INVALID_DOCUMENTS', ['inputs', 1], "inputs[1] is an empty path. Name a file, directory or glob pattern ('.' for the current directory)."],
    ]);
  });

  test("missing: 'report' lists each missing input and loads the rest; strict makes every problem an error", async () => {
    const { documents, problems } = await load(['d/a.txt', 'nope.txt', 'none/*.txt'], { missing: 'report' });
    expect(documents.map((document) => document.id)).toEqual(['d/a.txt']);
    expect(problems.map((problem) => [problem.path, problem.code, problem.message])).toEqual([
      ['none/*.txt', 'UNREADABLE_FILE', 'no file matches none/*.txt. Check the pattern, and quote it so that chorus expands it rather than the shell.'],
      ['nope.txt', 'UNREADABLE_FILE', 'nope.txt: no such file or directory. Check the path (relative paths start from the current directory).'],
    ]);
    const strict = await load(['d/a.txt', 'nobom.txt'], { missing: 'report', strict: true }).catch((caught: unknown) => caught);
    expect((strict as ChorusError).issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['UNREADABLE_FILE', 'nobom.txt looks like a binary file (it holds NUL bytes), not an article. If it is UTF-16 text, save it with a byte order mark or as UTF-8.'],
    ]);
  });

  test('load options are checked, and read as own properties', async () => {
    const error = await load(['d/a.txt'], { maxFileSize: -1, missing: 'ignore' as never }).catch((caught: unknown) => caught);
    expect((error as ChorusError).issues.map((issue) => issue.path)).toEqual([['options', 'maxFileSize'], ['options', 'missing']]);
    // Inherited (polluted) options count for nothing: a missing input still throws.
    const inherited = Object.assign(Object.create({ strict: false, missing: 'report' }) as LoadOptions, { cwd: work });
    await expect(loadDocuments(['nope.txt'], inherited)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
