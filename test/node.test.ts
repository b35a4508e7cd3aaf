import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { ChorusError } from '../src/index.js';
import { documentId, htmlToText, loadDocuments, stopwordsFor, summarizeFiles } from '../src/node/index.js';
import { firstInvalidUtf8 } from '../src/node/read.js';
import { expectExactProvenance, loadExamples } from './helpers.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'chorus-node-'));
  mkdirSync(path.join(work, 'story/nested'), { recursive: true });
  mkdirSync(path.join(work, 'story/.hidden'));
  writeFileSync(path.join(work, 'story/b.txt'), 'The second article reports the vote. It passed by a wide margin on Monday.');
  writeFileSync(path.join(work, 'story/a.md'), '\ufeffFirst article, with a byte order mark.');
  writeFileSync(path.join(work, 'story/nested/c.html'), '<html><head><title>C</title></head><body><p>Third &amp; last.</p></body></html>');
  writeFileSync(path.join(work, 'story/notes.json'), '{}');
  writeFileSync(path.join(work, 'story/.hidden/x.txt'), 'hidden');
  writeFileSync(path.join(work, 'bad.txt'), Buffer.from([0x48, 0x69, 0xc3, 0x28]));
});

describe('loadDocuments', () => {
  test('a directory: every .txt, .md and .html inside, recursively, in id order; dot-directories skipped', async () => {
    const { documents, problems } = await loadDocuments(['story'], { cwd: work });
    expect(problems).toEqual([]);
    expect(documents).toEqual([
      { id: 'story/a.md', text: 'First article, with a byte order mark.' },
      { id: 'story/b.txt', text: 'The second article reports the vote. It passed by a wide margin on Monday.' },
      { id: 'story/nested/c.html', text: 'Third & last.', title: 'C' },
    ]);
  });

  test('glob patterns, explicit files of any extension, duplicates once', async () => {
    const { documents } = await loadDocuments(['story/**/*.txt', 'story/b.txt', 'story/notes.json'], { cwd: work });
    expect(documents.map((document) => document.id)).toEqual(['story/b.txt', 'story/notes.json']);
  });

  test('invalid UTF-8 is a problem of that file only', async () => {
    const { documents, problems } = await loadDocuments(['bad.txt', 'story/b.txt'], { cwd: work });
    expect(documents.map((document) => document.id)).toEqual(['story/b.txt']);
    expect(problems).toEqual([
      { path: 'bad.txt', code: 'INVALID_UTF8', message: 'bad.txt is not valid UTF-8 (first bad byte at offset 2); skipped. Convert it to UTF-8 first.' },
    ]);
  });

  test('every input that matches nothing is named in one ChorusError', async () => {
    const error = await loadDocuments(['missing.txt', 'story', 'none/*.txt'], { cwd: work }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChorusError);
    expect((error as ChorusError).code).toBe('FILE_NOT_FOUND');
    expect((error as ChorusError).issues.map((issue) => issue.message)).toEqual([
      'missing.txt: no such file or directory. Check the path (relative paths start from the current directory).',
      'no file matches none/*.txt. Check the pattern, and quote it so that chorus expands it rather than the shell.',
    ]);
  });

  test('ids are relative to the current directory and /-separated', () => {
    expect(documentId(path.join(work, 'story', 'b.txt'), work)).toBe('story/b.txt');
  });
});

describe('summarizeFiles', () => {
  test('the example articles from disk, provenance exact against the files', async () => {
    const root = path.resolve(__dirname, '..');
    const summary = await summarizeFiles(['examples/articles'], { cwd: root, words: 120 });
    const documents = loadExamples().map((document) => ({ ...document, id: `examples/articles/${document.id}` }));
    expectExactProvenance(summary, documents);
    expect(summary.documents).toHaveLength(5);
  });

  test('unreadable files become warnings on the summary', async () => {
    const summary = await summarizeFiles(['bad.txt', 'story/b.txt'], { cwd: work });
    expect(summary.warnings.map((warning) => [warning.code, warning.documentId])).toEqual([['INVALID_UTF8', 'bad.txt']]);
  });

  test('stopword lists by language code', () => {
    expect(stopwordsFor('fra')).toContain('le');
    expect(stopwordsFor('xx')).toBeUndefined();
    expect(stopwordsFor('removeStopwords')).toBeUndefined();
  });
});

describe('htmlToText', () => {
  test('keeps the article, drops navigation, scripts and footers, decodes entities', () => {
    const page = htmlToText(`<!doctype html><html><head><title>T &amp; U</title><meta property="og:url" content="https://e.com/x"><style>p{}</style></head>
      <body><header>Site</header><nav><a>Home</a></nav><article><h1>Head</h1><p>One &ldquo;two&rdquo; &#8212; three&nbsp;four.</p><!-- c --><p>Said <a href="#">Smith</a>.<br>New line.</p><aside>Related</aside></article><footer>©</footer></body></html>`);
    expect(page).toEqual({ text: 'Head\n\nOne “two” — three four.\n\nSaid Smith.\nNew line.', title: 'T & U', url: 'https://e.com/x' });
  });

  // Character references as a browser decodes them (HTML5's whole table), in text and in the title.
  const references: [string, string][] = [
    ['&Eacute;mile and &eacute;t&eacute;', 'Émile and été'],
    ['&Ntilde;u&ntilde;ez', 'Ñuñez'],
    ['S&atilde;o Paulo, K&oslash;benhavn', 'São Paulo, København'],
    ['&frac12; cup, &bdquo;Zitat&ldquo;', '½ cup, „Zitat“'],
    ['&#x1F600; &#128512; &#0; &#xD800;', '😀 😀 \ufffd \ufffd'],
    ['fish &amp chips', 'fish & chips'],
    ['&constructor; &toString; &__proto__;', '&constructor; &toString; &__proto__;'],
    ['&notin; &notit;', '∉ ¬it;'],
  ];
  test.each(references)('%s', (html, text) => {
    expect(htmlToText(`<p>${html}</p>`).text).toBe(text);
    expect(htmlToText(`<title>${html}</title><p>x</p>`).title).toBe(text);
  });

  test('unclosed tags and stray "<" do not lose text', () => {
    expect(htmlToText('<p>a < b and c > d<p>tail <b').text).toBe('a < b and c > d\n\ntail <b');
  });
});

describe('firstInvalidUtf8 agrees with a fatal TextDecoder', () => {
  test('on arbitrary bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let valid = true;
        try {
          decoder.decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) === -1).toBe(valid);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  });

  test('on valid text of every plane', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(firstInvalidUtf8(new TextEncoder().encode(text))).toBe(-1);
      }),
    );
  });
});
