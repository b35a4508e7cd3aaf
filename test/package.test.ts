import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { beforeAll, describe, expect, test } from 'vitest';

/**
 * The package as users get it: `npm pack`, then publint and arethetypeswrong on the tarball,
 * then a scratch project that installs the tarball and uses it through `import`, `require`
 * and the `chorus` binary.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let tarball: string;
let packed: { files: { path: string }[] };

beforeAll(() => {
  const out = mkdtempSync(path.join(tmpdir(), 'chorus-pack-'));
  const json = execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  packed = JSON.parse(json)[0];
  tarball = path.join(out, (packed as unknown as { filename: string }).filename);
}, 60_000);

describe('the packed tarball', () => {
  test('holds only dist, README, LICENSE and package.json', () => {
    const files = packed.files.map((file) => file.path).sort();
    expect(files.filter((file) => !file.startsWith('dist/'))).toEqual(['LICENSE', 'README.md', 'package.json']);
    for (const entry of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/node.js', 'dist/node.cjs', 'dist/node.d.ts', 'dist/node.d.cts', 'dist/cli.js'])
      expect(files).toContain(entry);
  });

  test('publint finds nothing in what the tarball holds', async () => {
    const unpacked = mkdtempSync(path.join(tmpdir(), 'chorus-unpacked-'));
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
    const pkgDir = path.join(unpacked, 'package');
    const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    // pack: false — every file in pkgDir is published: it is the unpacked tarball.
    const { messages } = await publint({ pkgDir, level: 'suggestion', strict: true, pack: false });
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
  });

  test('arethetypeswrong finds nothing for . and ./node in every resolution mode', () => {
    const attw = path.join(root, 'node_modules/.bin/attw');
    const result = spawnSync(attw, [tarball, '--format', 'table-flipped'], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).not.toMatch(/❌|⚠️|Error/);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});

describe('installed in a scratch project', () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(path.join(tmpdir(), 'chorus-scratch-'));
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
    execFileSync(npm, ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], { cwd: project, stdio: 'ignore' });
    const article = 'The council approved the new budget on Monday after a long debate. The mayor said the vote was a victory for the city.';
    writeFileSync(path.join(project, 'article.txt'), article);
    writeFileSync(
      path.join(project, 'esm.mjs'),
      `import { summarizeSync, ChorusError } from 'chorus-summary';\nimport { loadDocuments } from 'chorus-summary/node';\n` +
        `const { documents } = await loadDocuments(['article.txt']);\n` +
        `console.log(JSON.stringify({ summary: summarizeSync(documents, { sentences: 1 }), error: typeof ChorusError }));\n`,
    );
    writeFileSync(
      path.join(project, 'cjs.cjs'),
      `const { summarizeSync, ChorusError } = require('chorus-summary');\nconst { loadDocuments } = require('chorus-summary/node');\n` +
        `loadDocuments(['article.txt']).then(({ documents }) => console.log(JSON.stringify({ summary: summarizeSync(documents, { sentences: 1 }), error: typeof ChorusError })));\n`,
    );
  }, 120_000);

  test('import and require give the same summary', () => {
    const esm = execFileSync(process.execPath, ['esm.mjs'], { cwd: project, encoding: 'utf8' });
    const cjs = execFileSync(process.execPath, ['cjs.cjs'], { cwd: project, encoding: 'utf8' });
    expect(esm).toBe(cjs);
    const { summary, error } = JSON.parse(esm);
    expect(error).toBe('function');
    expect(summary.sentences).toHaveLength(1);
  });

  // `npx chorus` outside a project runs an unrelated package of that name: `npx chorus-summary` runs this one.
  test.each(['chorus', 'chorus-summary'])('the %s binary runs', (name) => {
    const bin = path.join(project, 'node_modules/.bin', name);
    const result = spawnSync(bin, ['article.txt', '--sentences', '1'], { cwd: project, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^The council approved the new budget on Monday/);
  });
});
