import { describe, expect, test } from 'vitest';
import { summarizeSync, toHTML, toMarkdown, toText, type Summary } from '../src/index.js';
import { loadExamples } from './helpers.js';
import { expectSafeRenderings } from './render-invariants.js';

/**
 * Issue 15: a sentence whose sources disagree is followed, in every renderer, by a mark naming
 * the versions and the documents that give each, in that renderer's citation style. These
 * tests fail if the marks go away, move away from their sentence, or let the variant's text
 * through unescaped.
 */
const documents = loadExamples();
// Every sentence, so the 17-or-18-months fact is in the summary (as in test/conflicts.test.ts).
const all = summarizeSync(documents, { sentences: 1000 });
const disputed = all.conflicts[0]!.sentence!;

/** Citation numbers by document id, read back from the plain-text source list. */
const numbers = new Map([...toText(all).matchAll(/^\[(\d+)\] (\S+)$/gm)].map((match) => [match[2]!, Number(match[1])]));
const numbered = (prefixes: string[]) => prefixes.map((prefix) => [...numbers].find(([id]) => id.startsWith(prefix))![1]).sort((a, b) => a - b);
// 001_ says 17 months in other words (a paraphrase beside the fact), 003_ and 004_ copy the sentence; 002_ says 18.
const seventeen = numbered(['001', '003', '004']);
const eighteen = numbered(['002']);
const sup = (list: number[]) => `<sup class="chorus-cite">${list.map((n) => `<a href="#chorus-source-${n}">${n}</a>`).join(',')}</sup>`;

const renderers: [string, (summary: Summary) => string, string][] = [
  ['text', toText, `Sources differ: "17 months" [${seventeen.join(', ')}] / "18 months" [${eighteen.join(', ')}]`],
  ['Markdown', toMarkdown, `*Sources differ: "17 months"${seventeen.map((n) => `[^${n}]`).join('')} / "18 months"${eighteen.map((n) => `[^${n}]`).join('')}*`],
  ['HTML', toHTML, `<span class="chorus-conflict">Sources differ: &quot;17 months&quot;${sup(seventeen)} / &quot;18 months&quot;${sup(eighteen)}</span>`],
];

describe('the example articles: 17 months or 18', () => {
  test('the fact is in the summary, with its conflict', () => {
    expect(all.conflicts.map((conflict) => conflict.variants.map((variant) => variant.text))).toEqual([['17 months', '18 months']]);
    expect(all.sentences[disputed]!.text).toMatch(/in the past 17 months\.$/);
  });

  test.each(renderers)('%s: the mark follows the disputed sentence and its citations, on a line of its own', (_, render, mark) => {
    const output = render(all);
    expect(output.split(mark)).toHaveLength(2);
    const before = output.slice(0, output.indexOf(mark));
    // Only the sentence's citations and the line break lie between the sentence and its mark.
    expect(before).toContain(all.sentences[disputed]!.text);
    const between = before.slice(before.lastIndexOf(all.sentences[disputed]!.text) + all.sentences[disputed]!.text.length);
    expect(between).toMatch(/^(?: \[[\d, ]+\]\n|(?:\[\^\d+\])+\\\n|<sup class="chorus-cite">.*<\/sup><br>)$/);
    expect(output.match(/Sources differ/g)).toHaveLength(1);
  });

  test.each(renderers)('%s: no mark without a conflict on a summary sentence', (_, render) => {
    const short = summarizeSync(documents, { sentences: 3 });
    expect(short.conflicts[0]).not.toHaveProperty('sentence');
    expect(render(short)).not.toContain('Sources differ');
    expect(render({ ...all, conflicts: [] })).not.toContain('Sources differ');
  });

  test('the sentences alone (text without citations) carry no marks', () => {
    expect(toText(all, { citations: false })).not.toContain('Sources differ');
  });

  test('every rendering stays well formed', () => expectSafeRenderings(all));
});

const span = (documentId: string, text: string, start = 0) => ({ documentId, sentenceIndex: 0, start, end: start + text.length, text, distance: 0 });
const HOSTILE = '1.\n<img src=x onerror=alert(1)> *x* [^1]: forged\u001b[2J\u202egnp.exe` &lt; "';

/** Two sentences, the first disputed between documents a and b with a hostile variant text; c gives it too but is cited nowhere. */
function hostileSummary(variant: string): Summary {
  const text = 'The fire burned 12 homes.';
  return {
    sentences: [
      { text, score: 1, support: 1, sources: [{ ...span('a', text), variant: 0 }, { ...span('b', text), variant: 1 }] },
      { text: 'The mayor spoke.', score: 0.5, support: 1, sources: [span('a', 'The mayor spoke.', 30)] },
    ],
    documents: ['a', 'b', 'c'].map((id) => ({ id, sentences: 2, skipped: 0, contributed: 1 })),
    stats: { documents: 3, sentences: 6, duplicateGroups: 1, words: 8 },
    warnings: [],
    conflicts: [
      { kind: 'number', sentence: 0, variants: [{ text: '12 homes', spans: [{ documentId: 'a', start: 16, end: 24 }] }, { text: variant, spans: [{ documentId: 'b', start: 16, end: 24 }, { documentId: 'c', start: 0, end: 3 }] }] },
      // Not a sentence of this summary: no mark, no error.
      { kind: 'number', sentence: 7, variants: [{ text: 'x', spans: [] }, { text: 'y', spans: [] }] },
    ],
  };
}

describe('a hostile variant text', () => {
  const summary = hostileSummary(HOSTILE);
  test('escaped and neutralised as every other input text is', () => {
    expectSafeRenderings(summary);
    expect(toText(summary)).toContain('Sources differ: "12 homes" [1] / "1. <img src=x onerror=alert(1)> *x* [^1]: forged [2Jgnp.exe` &lt; "" [2 and 1 more]\n');
    expect(toMarkdown(summary)).toContain(
      '*Sources differ: "12 homes"[^1] / "1\\. \\<img src=x onerror=alert(1)\\> \\*x\\* \\[^1\\]: forged \\[2Jgnp.exe\\` \\&lt; ""[^2] (and 1 more)*\n\n',
    );
    expect(toHTML(summary)).toContain(
      '<br><span class="chorus-conflict">Sources differ: &quot;12 homes&quot;<sup class="chorus-cite"><a href="#chorus-source-1">1</a></sup> / &quot;1. &lt;img src=x onerror=alert(1)&gt; *x* [^1]: forged [2Jgnp.exe` &amp;lt; &quot;&quot;<sup class="chorus-cite"><a href="#chorus-source-2">2</a> and 1 more</sup></span></p>\n',
    );
  });

  test('a conflict not shaped as the types say is left out, not thrown on', () => {
    const odd = hostileSummary('13 homes') as unknown as { conflicts: unknown[] };
    odd.conflicts.push(null, { sentence: 0 }, { sentence: 0, variants: [null, { text: 5 }] }, { sentence: 1.5, variants: [] });
    const output = toText(odd as unknown as Summary);
    expect(output.match(/Sources differ/g)).toHaveLength(1);
  });
});
