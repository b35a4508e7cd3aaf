import { describe, expect, test } from 'vitest';
import { summarizeSync, toHTML, toMarkdown, toText, type DocumentReport, type Summary } from '../src/index.js';
import { loadExamples } from './helpers.js';
import { expectSafeRenderings } from './render-invariants.js';

const span = (documentId: string, text: string, start = 0) => ({ documentId, sentenceIndex: 0, start, end: start + text.length, text, distance: 0 });

const summary: Summary = {
  sentences: [
    { text: 'Kim arrived in Russia on *Tuesday*.', score: 1, support: 2, sources: [span('ap', 'Kim arrived in Russia on *Tuesday*.'), { ...span('cbc', 'Kim arrived in Russia on Tuesday.', 10), distance: 0.05 }] },
    { text: 'He said <script>alert("x")</script> & left\nquickly.', score: 0.5, support: 1, sources: [span('evil', 'He said <script>alert("x")</script> & left\nquickly.')] },
  ],
  documents: [
    { id: 'ap', title: 'Kim in [Russia]', url: 'https://apnews.com/a?b=1&c=2', source: 'AP', sentences: 3, skipped: 0, contributed: 1 },
    { id: 'cbc', sentences: 2, skipped: 0, contributed: 1 },
    { id: 'evil', title: '"><img src=x onerror=alert(1)>', url: 'javascript:alert(1)', sentences: 1, skipped: 0, contributed: 1 },
  ],
  stats: { documents: 3, sentences: 6, duplicateGroups: 1, words: 14 },
  warnings: [],
  conflicts: [],
};

describe('renderers', () => {
  test('Markdown: footnotes naming every source document, markup escaped', () => {
    expect(toMarkdown(summary)).toMatchInlineSnapshot(`
      "Kim arrived in Russia on \\*Tuesday\\*.[^1][^2] He said \\<script\\>alert("x")\\</script\\> & left quickly.[^3]

      [^1]: [Kim in \\[Russia\\]](<https://apnews.com/a?b=1&c=2>), AP, \`ap\`
      [^2]: cbc
      [^3]: "\\>\\<img src=x onerror=alert(1)\\>, \`evil\`
      "
    `);
  });

  test('text: numbered citations and a source list, or the sentences alone', () => {
    expect(toText(summary)).toMatchInlineSnapshot(`
      "Kim arrived in Russia on *Tuesday*. [1, 2] He said <script>alert("x")</script> & left quickly. [3]

      Sources:
      [1] Kim in [Russia] — AP — https://apnews.com/a?b=1&c=2 — (ap)
      [2] cbc
      [3] "><img src=x onerror=alert(1)> — (evil)
      "
    `);
    expect(toText(summary, { citations: false })).toBe('Kim arrived in Russia on *Tuesday*. He said <script>alert("x")</script> & left quickly.\n');
  });

  test('HTML: everything escaped, only http(s) links', () => {
    const html = toHTML(summary);
    expect(html).toMatchInlineSnapshot(`
      "<p class="chorus-summary">Kim arrived in Russia on *Tuesday*.<sup class="chorus-cite"><a href="#chorus-source-1">1</a>,<a href="#chorus-source-2">2</a></sup> He said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; left quickly.<sup class="chorus-cite"><a href="#chorus-source-3">3</a></sup></p>
      <ol class="chorus-sources">
        <li id="chorus-source-1"><a href="https://apnews.com/a?b=1&amp;c=2">Kim in [Russia]</a> — AP <code>ap</code></li>
        <li id="chorus-source-2">cbc</li>
        <li id="chorus-source-3">&quot;&gt;&lt;img src=x onerror=alert(1)&gt; <code>evil</code></li>
      </ol>
      "
    `);
    expect(html).not.toContain('javascript:');
    expect(toHTML(summary, { idPrefix: 'a b"c' })).toContain('id="a-b-c-source-1"');
  });

  test('an empty summary renders as an empty string', () => {
    const empty = summarizeSync([]);
    expect([toMarkdown(empty), toText(empty), toHTML(empty)]).toEqual(['', '', '']);
  });

  test('every renderer cites every source document of the example summary', () => {
    const result = summarizeSync(loadExamples(), { words: 200 });
    const markdown = toMarkdown(result);
    const html = toHTML(result);
    const cited = new Set(result.sentences.flatMap((sentence) => sentence.sources.map((s) => s.documentId)));
    for (const id of cited) {
      expect(markdown).toContain(id.replace(/_/g, '\\_'));
      expect(html).toContain(id);
    }
    const footnotes = markdown.split('\n\n')[0]!.match(/\[\^\d+\]/g)!;
    expect(footnotes.length).toBe(result.sentences.reduce((n, s) => n + new Set(s.sources.map((x) => x.documentId)).size, 0));
  });
});

const ordinary = 'The council approved the budget on Monday.';

/** A summary citing one document with hostile metadata (first, so it is [^1]) and one ordinary document. */
function summaryWith(hostile: Partial<DocumentReport>, text = ordinary): Summary {
  const id = hostile.id ?? 'hostile';
  return {
    sentences: [
      { text, score: 1, support: 2, sources: [span(id, text), span('plain', ordinary)] },
      { text: 'The mayor called it a victory.', score: 0.5, support: 1, sources: [span('plain', 'The mayor called it a victory.', 50)] },
    ],
    documents: [
      { title: 'A title', ...hostile, id, sentences: 1, skipped: 0, contributed: 1 },
      { id: 'plain', title: 'Plain', url: 'https://example.com/plain', source: 'Wire', sentences: 2, skipped: 0, contributed: 2 },
    ],
    stats: { documents: 2, sentences: 3, duplicateGroups: 1, words: 13 },
    warnings: [],
    conflicts: [],
  };
}

// One row per attack: what it attacks, the hostile document metadata, the sentence text.
const attacks: [string, Partial<DocumentReport>, string?][] = [
  ['id: newline then an HTML block', { id: 'x\n<details open ontoggle=alert(1)>' }],
  ['id: newline then an HTML block, untitled', { id: 'x\n<details open ontoggle=alert(1)>', title: undefined }],
  ['id: backticks closing the code span', { id: 'a`b``c`<img src=x onerror=alert(1)>`' }],
  ['id: only backticks', { id: '```' }],
  ['id: only control characters', { id: '\u0007' }],
  ['id: a list item', { id: '- item', title: undefined }],
  ['id: a thematic break', { id: '---', title: undefined }],
  ['url: newline forging a footnote', { url: 'https://a/\n[^1]: forged' }],
  ['url: javascript', { url: 'javascript:alert(1)' }],
  ['url: spaces and a closing bracket', { url: 'https://a/b c>) [x](javascript:alert(1)' }],
  ['url: quotes closing the href attribute', { url: 'https://a/"onmouseover="alert(1)', title: "x' onclick='alert(1)" }],
  ['url: backslash escaping the destination end', { url: 'https://a/\\' }],
  ['url: U+2028', { url: 'https://a/\u2028[^2]: forged' }],
  ['url: ESC', { url: 'https://a/\u001b]0;owned\u0007' }],
  ['title: ESC OSC retitling the terminal', { title: '\u001b]0;owned\u0007Title\u001b[2J' }],
  ['title: C1 CSI', { title: 'Title\u009b2J\u009b31m red' }],
  ['title: NEL', { title: 'Title\u0085[^1]: forged' }],
  ['title: DEL and NUL', { title: 'Ti\u007ftle\u0000' }],
  ['title: only control characters', { title: '\u001b\u0007' }],
  ['title: HTML block', { title: '<details open ontoggle=alert(1)>' }],
  ['title: link to javascript', { title: 'x](javascript:alert(1)) [y' }],
  ['title: image', { title: '![x](https://evil/x.png)' }],
  ['title: heading', { title: '# Heading' }],
  ['title: ordered list', { title: '1. item' }],
  ['title: ordered list with )', { title: '1) item' }],
  ['title: table', { title: '| a | b |\n|---|---|' }],
  ['title: character reference for ESC', { title: '&#27;]0;owned&#x7;' }],
  ['title: named character reference', { title: '&lt;details open&gt;' }],
  ['source: bidi override', { source: 'AP \u202egnp.exe' }],
  ['source: bidi isolates', { source: '\u2066AP\u2069 \u2067x\u2069' }],
  ['source: list item', { source: '- item' }],
  ['source: footnote definition', { source: '\n[^1]: forged' }],
  ['text: newline then a footnote definition', {}, 'Fact.\n[^1]: forged'],
  ['text: newline then an HTML block', {}, 'Fact.\n<details open ontoggle=alert(1)>'],
  ['text: U+2028 then a heading', {}, 'Fact.\u2028# Heading'],
  ['text: ESC and C1 CSI', {}, '\u001b[2JFact \u009b31m red.'],
  ['text: bidi override', {}, 'Fact \u202eexe.png'],
  ['text: a list item', {}, '- item'],
  ['text: an ordered list item', {}, '2) item'],
  ['text: a table row', {}, '| a | b |'],
  ['text: ending in a backslash', {}, 'Fact \\'],
  ['text: ending in !', {}, 'Fact!'],
  ['text: backticks', {}, '`` Fact `'],
  ['text: link to javascript', {}, '[x](javascript:alert(1))'],
];

describe('hostile metadata and text', () => {
  test.each(attacks)('%s', (_, hostile, text) => expectSafeRenderings(summaryWith(hostile, text)));

  test('ids with backticks sit in a longer code span, unchanged', () => {
    expect(toMarkdown(summaryWith({ id: 'a`b``c' }))).toContain(', ```a`b``c```\n');
    expect(toMarkdown(summaryWith({ id: '`a' }))).toContain(', `` `a ``\n');
  });

  test('control characters become spaces, bidi controls vanish, the rest stays readable', () => {
    const text = toText(summaryWith({ id: 'x\n<details>', title: '\u001b]0;owned\u0007Title', source: 'AP \u202egnp.exe' }));
    expect(text).toContain('[1] ]0;owned Title — AP gnp.exe — (x <details>)\n');
    const untitled = summaryWith({ id: 'x\n<details>', title: '\u001b\u0007' });
    expect(toMarkdown(untitled)).toContain('[^1]: x \\<details\\>\n');
    expect(toText(untitled)).toContain('[1] x <details>\n');
    expect(toHTML(untitled)).toContain('>x &lt;details&gt;</li>');
  });

  test('urls: only http(s) and mailto; whitespace and control characters percent-encoded', () => {
    const hostile = summaryWith({ url: ' https://a/\n[^1]: forged ' });
    for (const output of [toMarkdown(hostile), toText(hostile), toHTML(hostile)]) expect(output).toContain('https://a/%0A[^1]:%20forged');
    const script = summaryWith({ url: 'javascript:alert(1)' });
    for (const output of [toMarkdown(script), toText(script), toHTML(script)]) expect(output).not.toContain('javascript:');
    expect(toMarkdown(summaryWith({ url: 'https://a/\\' }))).toContain('(<https://a/\\\\>)');
  });
});

describe('citation limits', () => {
  const many = (count: number): Summary => ({
    sentences: [{ text: ordinary, score: 1, support: count, sources: Array.from({ length: count }, (_, i) => span(`d${i}`, ordinary)) }],
    documents: Array.from({ length: count }, (_, i) => ({ id: `d${i}`, sentences: 1, skipped: 0, contributed: 1 })),
    stats: { documents: count, sentences: count, duplicateGroups: 1, words: 7 },
    warnings: [],
    conflicts: [],
  });
  const cases: [string, number, unknown, string][] = [
    ['the default: 10, then a count', 12, undefined, `${ordinary} [1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more]`],
    ['exactly the limit: no count', 3, 3, `${ordinary} [1, 2, 3]`],
    ['a lower limit', 5, 2, `${ordinary} [1, 2 and 3 more]`],
    ['Infinity cites all', 12, Infinity, `${ordinary} [${Array.from({ length: 12 }, (_, i) => i + 1).join(', ')}]`],
  ];
  test.each(cases)('%s', (_name, count, maxCitations, line) => {
    const options = maxCitations === undefined ? {} : { maxCitations: maxCitations as number };
    const text = toText(many(count), options);
    expect(text.split('\n')[0]).toBe(line);
    const shown = line.match(/\d+(?=[,\]]| and)/g)!.length;
    expect(text.match(/^\[\d+\] /gm)).toHaveLength(shown);
    expect(toMarkdown(many(count), options).match(/^\[\^\d+\]: /gm)).toHaveLength(shown);
    expect(toHTML(many(count), options).match(/<li /g)).toHaveLength(shown);
  });

  test('a bad limit is a ChorusError naming it', () => {
    for (const render of [toText, toMarkdown, toHTML]) expect(() => render(many(2), { maxCitations: 0 })).toThrow(/option maxCitations must be an integer ≥ 1, or Infinity, received 0/);
  });
});
