import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, test } from 'vitest';
import * as core from '../src/index.js';
import type { Conflict, ConflictSpan, ConflictVariant, SourceSpan, Stage, Summary } from '../src/index.js';
import * as node from '../src/node/index.js';

const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

describe('public surface', () => {
  test('the core exports exactly this', () => {
    expect(Object.keys(core).sort()).toEqual(['ChorusError', 'DEFAULTS', 'digest', 'digestSync', 'digestToHTML', 'digestToMarkdown', 'digestToText', 'runPart', 'summarize', 'summarizeSync', 'toHTML', 'toMarkdown', 'toReport', 'toText']);
  });

  test('the types of sources that disagree are exported (checked by tsc)', () => {
    expectTypeOf<Summary['conflicts']>().toEqualTypeOf<Conflict[]>();
    expectTypeOf<Conflict['variants']>().toEqualTypeOf<ConflictVariant[]>();
    expectTypeOf<ConflictVariant['spans']>().toEqualTypeOf<ConflictSpan[]>();
    expectTypeOf<Conflict['kind']>().toEqualTypeOf<'number' | 'date' | 'name' | 'other'>();
    expectTypeOf<SourceSpan['variant']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<'conflicts'>().toExtend<Stage>();
  });

  test('the Node entry exports exactly this', () => {
    expect(Object.keys(node).sort()).toEqual(['ARTICLE_EXTENSIONS', 'digestFiles', 'documentId', 'htmlToText', 'loadDocuments', 'stopwordsFor', 'summarizeFiles', 'threadPool']);
  });

  test('DEFAULTS is frozen and matches the documented values', () => {
    expect(Object.isFrozen(core.DEFAULTS)).toBe(true);
    expect(core.DEFAULTS).toMatchInlineSnapshot(`
      {
        "duplicateThreshold": 0.3,
        "language": "eng",
        "maxDocuments": 1000000,
        "maxInputLength": 1073741824,
        "maxSentenceLength": 2000,
        "minDocuments": 1,
        "order": "source",
        "positionWeight": 1,
        "redundancyThreshold": 0.5,
        "skipFurniture": true,
        "storySimilarity": 0.175,
        "supportWeight": 1,
      }
    `);
  });
});

describe('the built core runs everywhere', () => {
  const files = ['index.js', 'index.cjs'];
  test.each(files)('dist/%s exists (npm test builds first)', (file) => {
    expect(existsSync(dist(file)), 'run `npm run build` (npm test does it) before the tests').toBe(true);
  });

  test.each(files)('dist/%s imports only its three dependencies and no Node built-in', (file) => {
    const code = readFileSync(dist(file), 'utf8');
    const specifiers = [...code.matchAll(/(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]);
    expect(new Set(specifiers)).toEqual(new Set(['sbd', 'stopword', 'fast-levenshtein']));
    for (const specifier of specifiers) {
      expect(specifier!.startsWith('node:')).toBe(false);
      expect(builtinModules).not.toContain(specifier);
    }
  });

  test.each(files)('dist/%s never reads process, require.resolve or __dirname', (file) => {
    const code = readFileSync(dist(file), 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, '');
    expect(code).not.toMatch(/\bprocess\.|\b__dirname\b|\b__filename\b|require\.resolve/);
  });
});
