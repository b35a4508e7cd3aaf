import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadExamples } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist/cli.js');
const documents = loadExamples();

/** Run the built `chorus` in a child process, in `cwd`, with NO_COLOR and no terminal. */
function chorus(args: string[], options: { cwd?: string; input?: string; uid?: number } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30_000,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
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
    // The one place the articles disagree is not among the two sentences: it is said apart.
    expect(stderr).toBe(
      'chorus: sources differ (not in the summary): "17 months" in articles/001_58116605b14530ae.txt, articles/003_39fc060f8855b0af.txt, articles/004_5b7da64331b10803.txt / "18 months" in articles/002_043759e1e1c18f0b.txt\n',
    );
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

  test('--format json escapes DEL, C1 controls and line separators: the same JSON, nothing a terminal acts on', () => {
    const text = 'The council approved the \u009b31mnew budget on Tuesday after a long debate.\u2028 Members voted \u009d8;;x\u007f nine to two in favour of the plan.';
    const { code, stdout } = chorus(['-', '--format', 'json', '--sentences', '2'], { input: JSON.stringify({ id: 'a\u0085b', text }) });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[\u007f-\u009f\u2028\u2029]/);
    const summary = JSON.parse(stdout);
    expect(summary.documents[0].id).toBe('a\u0085b');
    for (const sentence of summary.sentences) for (const span of sentence.sources) expect(text.slice(span.start, span.end)).toBe(span.text);
  });
});

describe('chorus: bad input exits 1 with one clear line per problem', () => {
  const nothing = 'chorus: no readable article in the input\n';
  const cases: [string, string[], string][] = [
    ['missing file', ['nope.txt'], `chorus: nope.txt: no such file or directory. Check the path (relative paths start from the current directory).\n${nothing}`],
    ['empty directory', ['empty'], `chorus: the directory empty holds no article file. Articles are read from .txt, .md, .markdown, .html, .htm files; name a file of another kind directly.\n${nothing}`],
    ['glob matching nothing', ['*.nothing'], `chorus: no file matches *.nothing. Check the pattern, and quote it so that chorus expands it rather than the shell.\n${nothing}`],
    ['binary file', ['binary.bin'], `chorus: binary.bin looks like a binary file (it holds NUL bytes), not an article; skipped.\n${nothing}`],
    ['empty standard input', ['-'], nothing],
    ['--strict: a missing input stops the run', ['nope.txt', 'articles', '--strict'], 'chorus: nope.txt: no such file or directory. Check the path (relative paths start from the current directory).\n'],
    ['--strict: a file that is not text stops the run', ['binary.bin', 'articles', '--strict'], 'chorus: binary.bin looks like a binary file (it holds NUL bytes), not an article. Fix or remove it, or leave strict mode off to summarise the rest.\n'],
  ];
  test.each(cases)('%s', (_name, args, stderr) => {
    const result = chorus(args, { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(stderr);
  });

  // As linters do: each input that cannot be read is reported, the rest is summarised, and the exit code says so.
  const partial: [string, string[], string][] = [
    ['invalid UTF-8', ['latin1.txt'], 'chorus: latin1.txt is not valid UTF-8 (first bad byte at offset 3); skipped. Convert it to UTF-8 first.\n'],
    ['a missing file', ['nope.txt'], 'chorus: nope.txt: no such file or directory. Check the path (relative paths start from the current directory).\n'],
    ['a pattern matching nothing', ['none/*.txt'], 'chorus: no file matches none/*.txt. Check the pattern, and quote it so that chorus expands it rather than the shell.\n'],
  ];
  test.each(partial)('%s is reported, the others are summarised, exit 1 (even with --quiet)', (_name, inputs, stderr) => {
    const { code, stdout, stderr: said } = chorus([...inputs, 'articles/000_05abb57fa2a955b5.txt', '--sentences', '1'], { cwd: work });
    expect([code, said]).toEqual([1, stderr]);
    expect(stdout).toMatch(/^North Korea’s /);
    expect(chorus([...inputs, 'articles/000_05abb57fa2a955b5.txt', '--quiet'], { cwd: work }).stderr).toBe(stderr);
  });

  test('no stack trace unless --debug', () => {
    expect(chorus(['nope.txt', '--strict'], { cwd: work }).stderr).not.toMatch(/\bat /);
    expect(chorus(['nope.txt', '--strict', '--debug'], { cwd: work }).stderr).toMatch(/ChorusError[\s\S]*\bat /);
  });
});

describe('chorus: bad usage exits 2', () => {
  const cases: [string, string[], unknown][] = [
    ['unknown flag', ['--wrods', '3', 'articles'], "chorus: unknown option '--wrods'\n"],
    ['no input', [], 'chorus: no input: give files, directories, glob patterns or - for standard input (see chorus --help)\n'],
    ['an empty path (it once read the whole current directory)', ['', 'articles'], "chorus: an empty path is not an input: name a file, directory or glob pattern ('.' for the current directory)\n"],
    ['not a number', ['--words', 'many', 'articles'], 'chorus: --words must be an integer from 1 to 1000000, received "many". Give such a value, or leave the option out.\n'],
    ['out of range', ['--words', '0', 'articles'], 'chorus: --words must be an integer from 1 to 1000000, received 0. Give such a value, or leave the option out.\n'],
    ['a negative number is a value, not a flag', ['--words', '-3', 'articles'], 'chorus: --words must be an integer from 1 to 1000000, received -3. Give such a value, or leave the option out.\n'],
    ['a threshold out of range', ['--duplicate-threshold', '2', 'articles'], 'chorus: --duplicate-threshold must be a number from 0 to 0.9, received 2. Give such a value, or leave the option out for the default (0.3).\n'],
    ['two budgets', ['--words', '5', '--sentences', '2', 'articles'], 'chorus: give one length budget, not words and sentences. Keep the one you mean and remove the other.\n'],
    ['bad format', ['--format', 'pdf', 'articles'], 'chorus: --format must be one of markdown, text, json, html, report, received "pdf"\n'],
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

describe('chorus: standard input', () => {
  const [a, b] = [documents[0]!.text.trim(), documents[3]!.text.trim()];
  const json = (id: string, text: string) => JSON.stringify({ id, text });
  // Each: the input, the ids summarised (or the error), and what --debug says about the format.
  const cases: [string, string, string[] | RegExp, RegExp][] = [
    ['"---" after an article with no final newline (cat a.txt <(echo ---) b.txt)', `${a}---\n${b}`, ['stdin:1', 'stdin:2'], /2 articles as plain text, 1 "---" separator \(1 of them at the end of a line of text/],
    ['"---" lines, CRLF', `${a}\r\n---\r\n${b}\r\n`, ['stdin:1', 'stdin:2'], /2 articles as plain text, 1 "---" separator$/m],
    ['JSON lines', `${json('x', a)}\n\n${json('y', b)}\n`, ['x', 'y'], /2 articles as JSON lines/],
    ['JSON lines without ids', `${JSON.stringify({ text: a })}\n${JSON.stringify({ text: b })}`, ['stdin:1', 'stdin:2'], /2 articles as JSON lines/],
    ['one odd line among JSON lines', `${json('x', a)}\n${json('y', b)}\n["art-3","Text."]\n`, /^chorus: standard input line 3 is not a JSON object, received "\[\\"art-3\\",\\"Text\.\\"\]"\. Standard input is read as JSON lines/, /^$/],
    ['a line that is not JSON among JSON lines', `${json('x', a)}\nplain text\n`, /^chorus: standard input line 2 is not valid JSON, received "plain text"\./, /^$/],
    ['text whose lines all start with {', `{Editor's note} ${a.split('\n')[0]}\n{Update} ${b.split('\n')[0]}\n`, ['stdin:1'], /1 article as plain text, 0 "---" separators/],
  ];
  test.each(cases)('%s', (_name, input, expected, note) => {
    const result = chorus(['-', '--format', 'json', '--sentences', '1', '--debug'], { input });
    if (expected instanceof RegExp) {
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(expected);
      return;
    }
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).documents.map((d: { id: string }) => d.id)).toEqual(expected);
    expect(result.stderr).toMatch(note);
    expect(chorus(['-', '--sentences', '1'], { input }).stderr).toBe(''); // said only with --debug
  });
});

describe('chorus: where the summary goes', () => {
  test('a reader that goes away (| head -c 10) ends the run quietly', async () => {
    const child = spawn(process.execPath, [cli, 'articles', '--format', 'json'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reading end closes before chorus writes: its write fails with EPIPE
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  // The format comes from --output's extension (not from whether a terminal is attached), unless --format says otherwise.
  const formats: [string, string[], RegExp][] = [
    ['x.json', [], /^\{\n {2}"sentences"/],
    ['x.md', [], /\[\^1\]\n?/],
    ['x.markdown', [], /\[\^1\]/],
    ['x.html', [], /^<p class="chorus-summary">/],
    ['x.txt', [], /\[1, 2\]\n\nSources:\n/],
    ['x.out', [], /\[1, 2\]\n\nSources:\n/],
    ['y.json', ['--format', 'markdown'], /\[\^1\]/],
  ];
  test.each(formats)('-o %s %s', (file, flags, content) => {
    const out = path.join(work, 'out', file);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, 'an older summary');
    rmSync(`${out}.link`, { force: true });
    linkSync(out, `${out}.link`); // a second name for the old file: a rename leaves it whole, a write in place would not
    const { code, stdout } = chorus(['articles', '--sentences', '2', '-o', out, ...flags], { cwd: work });
    expect([code, stdout]).toEqual([0, '']);
    expect(readFileSync(out, 'utf8')).toMatch(content);
    expect(readFileSync(`${out}.link`, 'utf8')).toBe('an older summary');
    expect(readdirSync(path.dirname(out)).filter((name) => name.endsWith('.tmp'))).toEqual([]); // written beside, then renamed
  });

  const conflicts: [string, string[], RegExp][] = [
    ['inside a directory being read', ['articles', '-o', 'articles/summary.md'], /^chorus: --output articles\/summary\.md is inside articles, a directory being read: the next run would read the summary as an article\. Write it elsewhere\.\n$/],
    ['an input file', ['page.html', '-o', 'page.html'], /^chorus: --output page\.html is the input page\.html: writing would replace an article\./],
    ['matching a pattern being read', ['articles/*.txt', '-o', 'articles/summary.txt'], /^chorus: --output articles\/summary\.txt matches articles\/\*\.txt, a pattern being read/],
  ];
  test.each(conflicts)('-o %s: refused, nothing written, exit 2', (_name, args, stderr) => {
    const result = chorus(args, { cwd: work });
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toMatch(stderr);
    expect(existsSync(path.join(work, 'articles/summary.md'))).toBe(false);
  });

  test('--max-citations caps the citations of every renderer', () => {
    const { code, stdout } = chorus(['articles', '--sentences', '1', '--max-citations', '1'], { cwd: work });
    expect(code).toBe(0);
    expect(stdout).toMatch(/ \[1 and 1 more\]\n\nSources:\n\[1\] [^\n]+\n$/);
    expect(chorus(['articles', '--max-citations', '0'], { cwd: work }).stderr).toBe('chorus: --max-citations must be an integer ≥ 1, received "0"\n');
  });

  test('--max-file-size: a larger file is reported and skipped', () => {
    const { code, stderr } = chorus(['page.html', 'articles/000_05abb57fa2a955b5.txt', '--max-file-size', '100'], { cwd: work });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^chorus: articles\/000_05abb57fa2a955b5\.txt is larger than the 100 bytes a file may have; skipped\./);
  });
});

describe('chorus: a directory it cannot read', () => {
  // Root reads every directory whatever its mode (CAP_DAC_READ_SEARCH), so as root chorus runs
  // as nobody (65534), for whom mode 000 means no. Where root cannot switch user (no CAP_SETUID)
  // or nobody cannot reach the built CLI, no directory can be made unreadable: that case is skipped.
  const uid = process.getuid?.() === 0 ? 65534 : undefined;
  const probe = uid === undefined ? undefined : spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(cli)})`], { uid, gid: uid, encoding: 'utf8' });
  const unusable = probe && (probe.error || probe.status !== 0) ? `running as root, and cannot run the CLI as uid ${uid}: ${probe.error?.message ?? probe.stderr.split('\n')[0]}` : undefined;
  test('is reported and the rest is summarised, exit 1', (context) => {
    if (unusable) context.skip(unusable);
    const tree = mkdtempSync(path.join(tmpdir(), 'chorus-eacces-'));
    mkdirSync(path.join(tree, 'story/locked'), { recursive: true });
    writeFileSync(path.join(tree, 'story/a.txt'), documents[0]!.text);
    writeFileSync(path.join(tree, 'story/locked/b.txt'), documents[3]!.text);
    chmodSync(tree, 0o755);
    chmodSync(path.join(tree, 'story/locked'), 0o000);
    try {
      const result = chorus(['story', '--sentences', '1'], { cwd: tree, uid });
      if (result.code === null) throw new Error(`could not run chorus as uid ${uid}`);
      expect(result.stderr).toBe('chorus: story/locked is a directory that cannot be read (permission denied); skipped.\n');
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^North Korea’s /);
    } finally {
      chmodSync(path.join(tree, 'story/locked'), 0o755);
    }
  });
});

describe('chorus: megabyte values in messages', () => {
  // A command line argument is at most 128 KiB on Linux: each value here is 100,000 characters.
  const long = 'x'.repeat(100_000);
  const cases: [string, string[]][] = [
    ['an unknown flag', [`--${long}`, 'articles']],
    ['a flag value', ['--words', long, 'articles']],
    ['a format', ['--format', long, 'articles']],
    ['a language', ['--language', long, 'articles']],
    ['a missing path', [long, 'articles']],
    ['a pattern matching nothing', [`${long}*`, 'articles']],
    ['an --output path', ['articles', '-o', `${long}.md`]],
  ];
  test.each(cases)('%s: every line of standard error stays short', (_name, args) => {
    const { stderr } = chorus(args, { cwd: work });
    expect(stderr).not.toBe('');
    for (const line of stderr.split('\n')) expect(line.length).toBeLessThanOrEqual(600);
  });
});
