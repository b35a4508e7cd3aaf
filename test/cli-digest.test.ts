import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { digestSync, type Digest } from '../src/index.js';
import { digestFiles } from '../src/node/index.js';
import { FEED } from './digest-feed.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist/cli.js');
let work = '';

function chorus(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8', input, timeout: 60_000, maxBuffer: 1 << 28 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'chorus-digest-'));
  mkdirSync(path.join(work, 'feed'));
  for (const document of FEED) writeFileSync(path.join(work, 'feed', `${document.id}.txt`), document.text);
});

describe('chorus: sources that differ', () => {
  test('a conflict outside the summary is said on standard error, with who says what', () => {
    writeFileSync(path.join(work, 'a.txt'), 'The bridge has been closed for 17 months, the council said on Monday. Repairs will cost more than planned.');
    writeFileSync(path.join(work, 'b.txt'), 'The bridge has been closed for 17 months, the council said on Monday. Traffic now goes through the old town.');
    writeFileSync(path.join(work, 'c.txt'), 'The bridge has been closed for 18 months, the council said on Monday. Shops near it have lost trade.');
    // In the summary: marked under the sentence, nothing on standard error about it.
    const shown = chorus(['--sentences', '1', '--format', 'text', 'a.txt', 'b.txt', 'c.txt']);
    expect(shown.stdout).toContain('Sources differ: "17 months" [1, 2] / "18 months" [3]');
    expect(shown.stderr).not.toContain('sources differ');
    // Not in the summary (no sentence fits 40 characters): said on standard error.
    const { stderr } = chorus(['--characters', '40', '--format', 'text', 'a.txt', 'b.txt', 'c.txt']);
    expect(stderr).toContain('sources differ (not in the summary): "17 months" in a.txt, b.txt / "18 months" in c.txt');
    expect(chorus(['--quiet', '--sentences', '1', 'a.txt', 'b.txt', 'c.txt']).stderr).toBe('');
  });
});

describe('chorus digest', () => {
  test('prints each story: headline, sources, key terms, then its cited summary', () => {
    const { status, stdout, stderr } = chorus(['digest', '--format', 'text', '--words', '40', 'feed']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const headings = stdout.split('\n').filter((line) => /^\d+\. /.test(line));
    expect(headings).toHaveLength(4);
    expect(stdout.match(/^3 sources · 3 articles · key terms: /gm)).toHaveLength(4);
    expect(stdout.match(/^Sources:$/gm)).toHaveLength(4);
  });

  test('--format json prints the Digest that digestFiles returns', async () => {
    const { status, stdout } = chorus(['digest', '--format', 'json', '--max-stories', '2', 'feed']);
    expect(status).toBe(0);
    const printed = JSON.parse(stdout) as Digest;
    expect(printed).toEqual(await digestFiles(['feed'], { cwd: work, maxStories: 2 }));
    expect(printed.stories.filter((story) => story.summary)).toHaveLength(2);
  });

  test('no story is not nothing read: stories under --min-documents are listed as unassigned, exit 0', () => {
    const { status, stdout, stderr } = chorus(['digest', '--format', 'json', '--min-documents', '100', 'feed']);
    expect(status).toBe(0);
    expect(stderr).not.toContain('no readable article');
    const printed = JSON.parse(stdout) as Digest;
    expect(printed.stories).toEqual([]);
    expect(printed.unassigned).toHaveLength(FEED.length);
    const empty = chorus(['digest', '-'], '   \n');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('no readable article');
  });

  test('Markdown footnotes stay unique across stories', () => {
    const { stdout } = chorus(['digest', '--format', 'markdown', 'feed']);
    const labels = [...stdout.matchAll(/^\[\^([\w-]+)\]:/gm)].map((match) => match[1]);
    expect(labels.length).toBeGreaterThan(4);
    expect(new Set(labels).size).toBe(labels.length);
  });

  test("the digest's own flags are refused by plain chorus, and checked by chorus digest", () => {
    expect(chorus(['--max-stories', '2', 'feed'])).toMatchObject({ status: 2, stderr: expect.stringContaining("unknown option '--max-stories'") });
    expect(chorus(['digest', '--story-similarity', '2', 'feed'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--story-similarity must be a number from 0.01 to 0.99') });
  });

  test('--format report: one self-contained page of the digest, and of a summary', () => {
    for (const args of [['digest', '--format', 'report', 'feed'], ['--format', 'report', 'feed/flood-1.txt', 'feed/flood-2.txt']]) {
      const { status, stdout } = chorus(args);
      expect(status).toBe(0);
      expect(stdout).toMatch(/^<!doctype html>/);
      expect(stdout).toContain("Content-Security-Policy");
      expect(stdout).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=["']?https?:/);
      // The articles' own text is in the page, for the spans to light up.
      expect(stdout).toContain('Volunteers filled sandbags outside the town hall.');
    }
  });

  test('standard input works as for a summary, ids in input order', () => {
    const input = FEED.map((document) => JSON.stringify(document)).join('\n');
    const { status, stdout } = chorus(['digest', '--format', 'json', '-'], input);
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as Digest).stories.map((story) => story.documentIds)).toEqual(digestSync(FEED).stories.map((story) => story.documentIds));
  });
});

describe('chorus digest --threads', () => {
  test('a large feed gives the same digest on one thread and on two; a bad count is a usage error', () => {
    // About 3 MB in 400 files: above the size at which reading is shared with a worker thread.
    const dir = path.join(work, 'large');
    mkdirSync(dir);
    let size = 0;
    for (let k = 0; k < 400; k++) {
      const story = FEED[k % FEED.length]!;
      const text = `${story.text.replace(/\d+/g, (digits) => String(Number(digits) + (k % 5)))}\n\n${story.text}\n\nFiled by desk ${k}.\n`.repeat(11);
      writeFileSync(path.join(dir, `${String(k).padStart(3, '0')}.txt`), text);
      size += text.length;
    }
    expect(size).toBeGreaterThan(2_500_000);
    const one = chorus(['digest', 'large', '--format', 'json', '--quiet', '--threads', '0']);
    const two = chorus(['digest', 'large', '--format', 'json', '--quiet', '--threads', '1']);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect((JSON.parse(one.stdout) as Digest).stories.length).toBeGreaterThan(1);
    const bad = chorus(['digest', 'large', '--threads', '-1']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--threads');
  }, 120_000);
});
