import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { summarizeSync, toReport, type Summary } from '../src/index.js';
import { CHUNK, markText, type Mark } from '../src/render/report/marks.js';
import { loadExamples } from './helpers.js';
import { digestOf } from './report-digest.js';

/** The report without a browser: what markText writes for nested, crossing and long passages, and the page's promises (size, CSP, escaping). */
const documents = loadExamples();
const summary = summarizeSync(documents, { sentences: 16 });

const mark = (start: number, end: number, className = 's', key = -1): Mark => ({ start, end, className, key });
/** The text back from markText's output: tags dropped, references decoded. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&#13;/g, '\r').replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);

describe('markText: passages marked by offset', () => {
  const cases: [string, string, Mark[], string][] = [
    ['nothing to mark', 'a <b> & c', [], 'a &lt;b&gt; &amp; c'],
    ['one passage, with an id from its key', 'abcdef', [mark(1, 3, 's', 4)], 'a<span class="s" id="m4">bc</span>def'],
    ['nested: a version inside its sentence', 'in 17 months.', [mark(0, 13, 's', 0), mark(3, 12, 'v v0', 1)], '<span class="s" id="m0">in <span class="v v0" id="m1">17 months</span>.</span>'],
    ['crossing: cut where the parent ends, the rest a second piece', 'abcdef', [mark(0, 3, 's', 0), mark(2, 5, 'v v1', 1)], '<span class="s" id="m0">ab<span class="v v1" id="m1">c</span></span><span class="v v1" id="m1.1">de</span>f'],
    ['same start: the longer encloses', 'abcdef', [mark(0, 2, 'v v0', 1), mark(0, 4, 's', 0)], '<span class="s" id="m0"><span class="v v0" id="m1">ab</span>cd</span>ef'],
    ['out of range, empty or not integers: left out', 'abc', [mark(2, 9), mark(-1, 1), mark(1, 1), mark(0.5, 2)], 'abc'],
    ['CR kept as a reference (the parser would make it LF)', 'a\r\nb', [mark(0, 4, 'f')], '<span class="f">a&#13;\nb</span>'],
    ['markup in the text is text', '</span><script>', [mark(0, 7)], '<span class="s">&lt;/span&gt;</span>&lt;script&gt;'],
  ];
  test.each(cases)('%s', (_, text, marks, html) => {
    expect(markText(text, marks)).toBe(html);
    expect(textOf(markText(text, marks))).toBe(text);
  });

  test('a long text in blocks cut after line breaks, a passage across a block boundary in two pieces', () => {
    const text = `${'a'.repeat(CHUNK + 5)}\n${'b'.repeat(100)}`;
    const html = markText(text, [mark(CHUNK, CHUNK + 20, 's', 3)]);
    expect(html.match(/<span class="c">/g)).toHaveLength(2);
    expect(html).toContain(`<span class="s" id="m3">aaaaa\n</span></span><span class="c"><span class="s" id="m3.1">${'b'.repeat(14)}</span>`);
    expect(textOf(html)).toBe(text);
    expect(markText('x'.repeat(3 * CHUNK), []).match(/<span class="c">/g)).toHaveLength(3);
  });
});

describe('toReport', () => {
  const html = toReport(summary, documents);

  test('the example report is under 100 KB, one page with nothing to load', () => {
    expect(new TextEncoder().encode(html).length).toBeLessThan(100_000);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed)\b|\bsrc=|url\(/i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  test('the CSP names exactly the page’s inline script and style (node:crypto agrees)', () => {
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!;
    expect(csp).toBe(`default-src 'none'; script-src ${hash(script)}; style-src ${hash(style)}; img-src 'none'; base-uri 'none'; form-action 'none'`);
    // The policy comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  test('a sentence button per summary sentence, its versions listed, every article with its furniture dimmed', () => {
    expect(html.match(/<button type="button" class="sentence"/g)).toHaveLength(summary.sentences.length);
    expect(html).toMatch(/<p class="differ">Sources differ: <span class="chip v0">“17 months”<\/span> \[[\d, ]+\] \/ <span class="chip v1">“18 months”<\/span> \[\d\]<\/p>/);
    expect(html.match(/<article /g)).toHaveLength(documents.length);
    expect(html).toContain('<span class="f">Image: Korean Central News Agency/Korea News Service via AP</span>');
  });

  test('deterministic: the same input gives the same bytes', () => {
    expect(toReport(summarizeSync(documents, { sentences: 16 }), documents)).toBe(html);
  });

  test('metadata from the summary, escaped; a title of markup stays text; spans not in the given text are counted', () => {
    const docs = documents.map((d, i) => ({ ...d, title: `T${i} <img src=x onerror=alert(1)>`, url: i ? `https://example.com/${i}?a=1&b=2` : 'javascript:alert(1)', source: 'AP', publishedAt: '2023-09-12T08:00:00Z' }));
    const page = toReport(summarizeSync(docs, { sentences: 4 }), docs, { title: '</title><script>alert(1)</script>' });
    expect(page).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(page).toContain('T1 &lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('href="https://example.com/1?a=1&amp;b=2"');
    expect(page).not.toContain('javascript:');
    expect(page).toContain('<time>2023-09-12</time>');
    const edited = documents.map((d) => ({ ...d, text: d.text.replace(/Kim/g, 'Kin') }));
    expect(toReport(summary, edited)).toMatch(/ · \d+ cited passages not found in the documents given/);
  });

  test('a summary whose documents were not passed: the articles say so, nothing throws', () => {
    const page = toReport(summary, []);
    expect(page.match(/The text of this article was not given to the report\./g)).toHaveLength(summary.documents.length);
    expect(() => toReport(summary, 'x' as never)).toThrow(/toReport needs the documents that were summarised/);
  });

  test('a digest: a card per story with headline, key terms, sources; its summary and articles hidden until opened', () => {
    const digest = digestOf([documents, documents.slice(0, 0)]);
    const page = toReport(digest, documents);
    expect(page.match(/<section class="story"/g)).toHaveLength(2);
    expect(page).toContain(`<h2 id="h0">${digest.stories[0]!.headline}</h2>`);
    expect(page).toContain('<div id="u0" hidden>');
    expect(page).toContain('<div id="a0" hidden>');
    expect(page).toContain('<title>Digest of 5 articles</title>');
    const { summary: _, ...unsummarised } = digest.stories[0]!;
    expect(toReport({ ...digest, stories: [unsummarised] }, documents)).toContain('Not summarised (past maxStories).');
  });

  test('an empty summary still makes a page', () => {
    const empty: Summary = summarizeSync([]);
    expect(toReport(empty, [])).toContain('The summary has no sentences.');
  });
});
