import { describe, expect, test } from 'vitest';
import { summarizeSync, toHTML, toMarkdown, toText, type Summary } from '../src/index.js';
import { loadExamples } from './helpers.js';

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
