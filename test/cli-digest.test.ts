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
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8', input, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'chorus-digest-'));
  mkdirSync(path.join(work, 'feed'));
  for (const document of FEED) writeFileSync(path.join(work, 'feed', `${document.id}.txt`), document.text);
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

  test('standard input works as for a summary, ids in input order', () => {
    const input = FEED.map((document) => JSON.stringify(document)).join('\n');
    const { status, stdout } = chorus(['digest', '--format', 'json', '-'], input);
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as Digest).stories.map((story) => story.documentIds)).toEqual(digestSync(FEED).stories.map((story) => story.documentIds));
  });
});
