import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadExamples } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist/cli.js');
const documents = loadExamples();

/** Run the built `chorus` in a child process, in `cwd`, with NO_COLOR and no terminal. */
function chorus(args: string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let work: string;
beforeAll(() => {
  expect(existsSync(cli), 'npm test builds dist/cli.js first').toBe(true);
  work = mkdtempSync(path.join(tmpdir(), 'chorus-cli-'));
  mkdirSync(path.join(work, 'articles'));
  for (const document of documents) writeFileSync(path.join(work, 'articles', document.id), document.text);
  mkdirSync(path.join(work, 'empty'));
  writeFileSync(path.join(work, 'binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe, 0x01]));
  writeFileSync(path.join(work, 'latin1.txt'), Buffer.from('Caf\xe9 au lait was served to the delegation on Tuesday.', 'latin1'));
  writeFileSync(
    path.join(work, 'page.html'),
    `<!doctype html><html><head><title>Kim in Russia</title><link rel="canonical" href="https://example.com/kim"><script>var x = "Not. Text.";</script></head>
<body><nav>Home | World | Sports</nav><article><h1>Kim arrives</h1><p>${documents[0]!.text.split('\n')[0]}</p><p>Kim is expected to seek Russian economic aid &amp; military technology.</p></article><footer>© 2023</footer></body></html>`,
  );
});

describe('chorus: the example articles', () => {
  test('a directory, piped: plain text with citations, exit 0', () => {
    const { code, stdout, stderr } = chorus(['articles', '--sentences', '2'], { cwd: work });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatchInlineSnapshot(`
      "North Korea’s Kim Jong Un arrived in Russia on Tuesday for a meeting with President Vladimir Putin where they are expected to offer each other increased support in their escalating standoffs with the West. [1, 2] North Korea’s official Korean Central News Agency said Kim boarded his personal train bound for Russia on Sunday afternoon, accompanied by members of the ruling party, government and military. [1, 2]

      Sources:
      [1] articles/000_05abb57fa2a955b5.txt
      [2] articles/003_39fc060f8855b0af.txt
      "
    `);
  });

  test('--format markdown, a glob pattern, --words', () => {
    const { code, stdout } = chorus(['articles/*.txt', '--format', 'markdown', '--words', '60'], { cwd: work });
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[\^1\]: articles\/000\\_05abb57fa2a955b5\.txt/);
    expect(stdout.split('\n\n')[0]!.split(/\s+/).length).toBeGreaterThanOrEqual(60);
  });

  test('--format json: the Summary, with spans exact in the files', () => {
    const { code, stdout } = chorus(['articles', '--format', 'json', '--words', '150'], { cwd: work });
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.sentences.length).toBeGreaterThan(2);
    for (const sentence of summary.sentences)
      for (const span of sentence.sources) expect(readFileSync(path.join(work, span.documentId), 'utf8').slice(span.start, span.end)).toBe(span.text);
  });

  test('--format html and --output FILE', () => {
    const out = path.join(work, 'summary.html');
    const { code, stdout } = chorus(['articles', '--format', 'html', '--output', out], { cwd: work });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^<p class="chorus-summary">/);
  });

  test('an HTML page is reduced to its article and keeps its title and URL', () => {
    const { code, stdout } = chorus(['page.html', '--format', 'json', '--sentences', '1'], { cwd: work });
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.documents[0]).toMatchObject({ id: 'page.html', title: 'Kim in Russia', url: 'https://example.com/kim' });
    expect(summary.sentences[0].text).toMatch(/^North Korea’s Kim Jong Un arrived in Russia/);
  });

  test('standard input: articles separated by "---", and JSON lines', () => {
    const [a, b] = [documents[0]!.text, documents[3]!.text];
    const split = chorus(['-', '--format', 'json', '--sentences', '2'], { input: `${a}\n---\n${b}` });
    expect(split.code).toBe(0);
    expect(JSON.parse(split.stdout).documents.map((d: { id: string }) => d.id)).toEqual(['stdin:1', 'stdin:2']);
    const lines = chorus(['-', '--format', 'json', '--sentences', '2'], { input: `${JSON.stringify({ id: 'a', text: a })}\n${JSON.stringify({ id: 'b', text: b })}\n` });
    expect(lines.code).toBe(0);
    expect(JSON.parse(lines.stdout).sentences[0].support).toBe(2);
  });
});

describe('chorus: bad input exits 1 with one clear line', () => {
  const cases: [string, string[], RegExp][] = [
    ['missing file', ['nope.txt'], /^chorus: nope\.txt: no such file or directory\. Check the path \(relative paths start from the current directory\)\.\n$/],
    ['empty directory', ['empty'], /^chorus: the directory empty holds no article file\. Articles are read from \.txt, \.md, \.markdown, \.html, \.htm files; name a file of another kind directly\.\n$/],
    ['glob matching nothing', ['*.nothing'], /^chorus: no file matches \*\.nothing\. Check the pattern, and quote it so that chorus expands it rather than the shell\.\n$/],
    ['binary file', ['binary.bin'], /^chorus: warning: binary\.bin looks like a binary file \(it holds NUL bytes\), not an article; skipped\.\nchorus: no readable article in the input\n$/],
    ['empty standard input', ['-'], /^chorus: no readable article in the input\n$/],
  ];
  test.each(cases)('%s', (_name, args, stderr) => {
    const result = chorus(args, { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(stderr);
  });

  test('invalid UTF-8 is reported for that file; the others are summarised', () => {
    const { code, stdout, stderr } = chorus(['latin1.txt', 'articles/000_05abb57fa2a955b5.txt', '--sentences', '1'], { cwd: work });
    expect(code).toBe(0);
    expect(stderr).toBe('chorus: warning: latin1.txt is not valid UTF-8 (first bad byte at offset 3); skipped. Convert it to UTF-8 first.\n');
    expect(stdout).toMatch(/^North Korea’s /);
    expect(chorus(['latin1.txt', 'articles/000_05abb57fa2a955b5.txt', '--quiet'], { cwd: work }).stderr).toBe('');
  });

  test('no stack trace unless --debug', () => {
    expect(chorus(['nope.txt'], { cwd: work }).stderr).not.toMatch(/\bat /);
    expect(chorus(['nope.txt', '--debug'], { cwd: work }).stderr).toMatch(/ChorusError[\s\S]*\bat /);
  });
});

describe('chorus: bad usage exits 2', () => {
  const cases: [string, string[], unknown][] = [
    ['unknown flag', ['--wrods', '3', 'articles'], "chorus: unknown option '--wrods'\n"],
    ['no input', [], 'chorus: no input: give files, directories, glob patterns or - for standard input (see chorus --help)\n'],
    ['not a number', ['--words', 'many', 'articles'], 'chorus: --words must be an integer from 1 to 1000000, received "many". Give such a value, or leave the option out.\n'],
    ['out of range', ['--words', '0', 'articles'], 'chorus: --words must be an integer from 1 to 1000000, received 0. Give such a value, or leave the option out.\n'],
    ['a negative number is a value, not a flag', ['--words', '-3', 'articles'], 'chorus: --words must be an integer from 1 to 1000000, received -3. Give such a value, or leave the option out.\n'],
    ['a threshold out of range', ['--duplicate-threshold', '2', 'articles'], 'chorus: --duplicate-threshold must be a number from 0 to 0.9, received 2. Give such a value, or leave the option out for the default (0.3).\n'],
    ['two budgets', ['--words', '5', '--sentences', '2', 'articles'], 'chorus: give one length budget, not words and sentences. Keep the one you mean and remove the other.\n'],
    ['bad format', ['--format', 'pdf', 'articles'], 'chorus: --format must be one of markdown, text, json, html, received "pdf"\n'],
    ['unknown language', ['--language', 'xx', 'articles'], expect.stringMatching(/^chorus: --language must be a stopword list code such as "eng" or "fra", received "xx"\. Known codes: .*\bfra\b.*\n$/)],
  ];
  test.each(cases)('%s', (_name, args, stderr) => {
    const result = chorus(args, { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual(stderr);
  });
});

describe('chorus: help and version', () => {
  test('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(chorus(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('--help lists every flag with what it takes and its default (test/snapshots/help.txt)', async () => {
    const { code, stdout } = chorus(['--help']);
    expect(code).toBe(0);
    await expect(stdout).toMatchFileSnapshot('./snapshots/help.txt');
  });

  test('--language fra uses the French stopword list', () => {
    const text = 'Le président est arrivé à Moscou mardi pour une rencontre. Les deux dirigeants vont parler de la guerre.';
    const { code, stdout } = chorus(['-', '--language', 'fra', '--sentences', '1'], { input: text });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Le président est arrivé à Moscou mardi pour une rencontre\./);
  });
});
