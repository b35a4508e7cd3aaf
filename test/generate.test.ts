import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { generateCluster } from '../bench/generate.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function digest(documents: { id: string; text: string }[]): string {
  const hash = createHash('sha256');
  for (const document of documents) hash.update(`${document.id}\n${document.text}\n`);
  return hash.digest('hex');
}

describe('generateCluster (bench/generate.ts)', () => {
  // bench/RESULTS.md and other code depend on these bytes: a change here must be deliberate.
  test('default output is unchanged', () => {
    expect(digest(generateCluster(100, root))).toBe('491031d5a167aae89880efee656a5bdce47f17ca3bceadf2a55cba4aafaf91c9');
    expect(digest(generateCluster(100, root, undefined, false))).toBe('31442ba02b5b7d815034111beb3bcec8820d11b37f9b636e060f467001298cd1');
    expect(digest(generateCluster(100, root, undefined, true, { oneLine: 'none' }))).toBe(digest(generateCluster(100, root)));
  });

  test("oneLine: 'half' and 'all' join paragraphs with a space and change nothing else", () => {
    const base = generateCluster(60, root);
    for (const [mode, expected] of [
      ['half', 30],
      ['all', 60],
    ] as const) {
      const documents = generateCluster(60, root, undefined, true, { oneLine: mode });
      expect(documents.filter((document) => !document.text.includes('\n'))).toHaveLength(expected);
      documents.forEach((document, k) => {
        expect(document.id).toBe(base[k]!.id);
        expect(document.text).toBe(document.text.includes('\n') ? base[k]!.text : base[k]!.text.replace(/\n\n/g, ' '));
      });
    }
  });
});
