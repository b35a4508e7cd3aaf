import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { summarizeFiles } from '../src/node/index.js';
import { markdownToText } from '../src/node/markdown.js';

/** Markdown files are read as a reader sees them (src/node/markdown.ts), as HTML pages are. */
const cases: [string, string, string][] = [
  ['a link: its text kept, its URL dropped', 'Read [the council’s report](https://city.example/budget.v2.final.pdf "Report") today.', 'Read the council’s report today.'],
  ['a link whose URL has parentheses', 'See [Paris](https://en.wikipedia.org/wiki/Paris_(disambiguation)) now.', 'See Paris now.'],
  ['an angle-bracket destination', 'See [it](<https://a.example/x y>) now.', 'See it now.'],
  ['reference links and their definitions', 'See [the report][r] and [Budget].\n\n[r]: https://a.example/r.pdf\n[budget]: <https://b.example>', 'See the report and Budget.'],
  ['brackets that are not links', 'He said [sic] and a[1] = 2.', 'He said [sic] and a[1] = 2.'],
  ['an image, dropped whole', 'Before ![Photo of the mayor](https://a.example/m.jpg) after.', 'Before  after.'],
  ['a bare URL, dropped with its dots', 'Details at https://city.example/a.b.c/d.html. Then more.', 'Details at . Then more.'],
  ['headings on lines of their own', '# Budget passes #\nThe council voted.\n## Reaction\nText.', 'Budget passes\n\nThe council voted.\n\nReaction\n\nText.'],
  ['setext headings and thematic breaks', 'Budget passes\n=============\nText one.\n\n---\n\nText two.\n***', 'Budget passes\n\nText one.\n\nText two.'],
  ['code fences dropped, inline code kept', 'Run it:\n```js\nconst x = "Not. A. Sentence.";\n```\nThen `npm test` passes.\n~~~\nmore code\n~~~', 'Run it:\nThen npm test passes.'],
  ['emphasis undone, snake_case and arithmetic kept', 'The **council** _voted_ ~~no~~ yes; snake_case_name and 5 * 3 stay.', 'The council voted no yes; snake_case_name and 5 * 3 stay.'],
  ['escapes and character references', 'A \\*literal\\* star, \\[brackets\\], &Eacute;mile &amp; co.', 'A *literal* star, [brackets], Émile & co.'],
  ['lists, task boxes and quotes lose their markers', '- one item\n* two\n1. three\n2) four\n- [x] done\n> A quote\n> > nested', 'one item\ntwo\nthree\nfour\ndone\nA quote\nnested'],
  ['HTML dropped, its text kept; scripts dropped whole', 'Text <span class="x">inside</span>.\n<div>Block</div>\n<script>var a = "No.";</script>\n<!-- note -->a < b', 'Text inside.\n\nBlock\n\na < b'],
  ['footnotes: references dropped, notes kept', 'A claim.[^1]\n\n[^1]: The source.', 'A claim.\n\nThe source.'],
  ['front matter dropped', '---\ntitle: Budget\nurl: https://a.example\n---\nThe text.', 'The text.'],
  ['a table', '| Vote | Count |\n|------|------:|\n| Yes | 9 |', 'Vote — Count\n\nYes — 9'],
];

describe('markdownToText', () => {
  test.each(cases)('%s', (_name, markdown, text) => expect(markdownToText(markdown)).toBe(text));

  test('linear on hostile input', () => {
    const hostile = ['[a](b('.repeat(40_000), '[a](b "'.repeat(30_000), '[a](b ('.repeat(30_000), '[a](<'.repeat(40_000), '[['.repeat(100_000), '`'.repeat(3) + 'x`'.repeat(50_000), '*_'.repeat(100_000), '[x]'.repeat(60_000), '![a]('.repeat(40_000), 'https://'.repeat(20_000)].join('\n');
    // A hang guard, generous for a loaded CI machine (about 1.6 s here under load); quadratic work would take minutes.
    const started = performance.now();
    markdownToText(hostile);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('a Markdown copy of an article', () => {
  test('reads like the plain copy: no sentence cut inside a URL, no broken copy preferred', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'chorus-md-'));
    const plain = 'The council approved the budget on Monday after a long debate. The vote followed a report by the city auditor. The mayor called it a victory for residents.';
    writeFileSync(path.join(directory, 'a.txt'), plain);
    writeFileSync(
      path.join(directory, 'b.md'),
      '# Budget passes\n\nThe **council** approved the budget on Monday after a long debate. The vote followed [a report by the city auditor](https://city.example/reports/2024.05.audit.v2.pdf). The mayor called it a victory for residents.\n',
    );
    const summary = await summarizeFiles(['.'], { cwd: directory, sentences: 3 });
    expect(summary.sentences.map((sentence) => sentence.text)).toEqual(plain.split(/(?<=\.) /));
    for (const sentence of summary.sentences) expect(sentence.support).toBe(2);
  });
});
