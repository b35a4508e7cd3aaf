import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Kind, type Analysis, type Groups, type Segments } from '../src/model.js';
import { order } from '../src/order.js';

/**
 * order() on hand-made layouts: each document is a list of sentences, each "p" (prose, stands
 * alone), "d" (prose that leans on what precedes it: stand-alone factor 0.6) or "h" (a
 * heading, not prose). Every prose sentence is its own group; groups are numbered by sentence.
 */
function layout(documents: string[]) {
  const doc: number[] = [];
  const kind: number[] = [];
  const standalone: number[] = [];
  const firstOfDoc: number[] = [];
  documents.forEach((sentences, d) => {
    firstOfDoc.push(doc.length);
    for (const mark of sentences) {
      doc.push(d);
      kind.push(mark === 'h' ? Kind.HEADING : Kind.PROSE);
      standalone.push(mark === 'd' ? 0.6 : 1);
    }
  });
  firstOfDoc.push(doc.length);
  const segments = { count: doc.length, doc: Int32Array.from(doc), kind: Uint8Array.from(kind), firstOfDoc: Int32Array.from(firstOfDoc) } as unknown as Segments;
  const analysis = { standalone: Float64Array.from(standalone) } as unknown as Analysis;
  // Group g is sentence g: representative g.
  const groups = { representative: Int32Array.from(doc, (_, i) => i) } as unknown as Groups;
  return { segments, analysis, groups };
}

describe('order: reading order', () => {
  const cases: [string, string[], number[], number[]][] = [
    // [name, documents, chosen (any order), expected output]
    ['by relative position in the article, not by document', ['pppppppppp', 'pp'], [11, 1, 5], [1, 5, 11]],
    ['equal positions: by (document, start)', ['pppp', 'pp'], [5, 2], [2, 5]],
    ['headings do not count in a position', ['hhhhpp', 'pppp'], [5, 7], [7, 5]],
    ['a leaning sentence does not open the summary when one that stands alone is chosen', ['dppp'], [0, 2, 3], [2, 0, 3]],
    ['it stays first when none stands alone', ['dddd'], [3, 0], [0, 3]],
    ['one sentence is itself', ['ppp'], [1], [1]],
  ];
  test.each(cases)('%s', (_name, documents, chosen, expected) => {
    const { segments, analysis, groups } = layout(documents);
    expect(order(segments, analysis, groups, new Float64Array(segments.count), chosen, { order: 'source' })).toEqual(expected);
  });
});

/** Reading order as first written: each chosen sentence's article walked for it alone. */
function naiveSourceOrder(segments: Segments, analysis: Analysis, groups: Groups, chosen: number[]): number[] {
  const position = new Map<number, number>();
  for (const group of chosen) {
    const sentence = groups.representative[group]!;
    const document = segments.doc[sentence]!;
    let before = 0;
    let total = 0;
    for (let i = segments.firstOfDoc[document]!; i < segments.firstOfDoc[document + 1]!; i++) {
      if (segments.kind[i] !== Kind.PROSE) continue;
      if (i < sentence) before++;
      total++;
    }
    position.set(group, total > 0 ? before / total : 0);
  }
  const sorted = [...chosen].sort((a, b) => position.get(a)! - position.get(b)! || groups.representative[a]! - groups.representative[b]!);
  const standsAlone = (group: number) => analysis.standalone[groups.representative[group]!] === 1;
  if (sorted.length > 1 && !standsAlone(sorted[0]!)) {
    const opener = sorted.findIndex(standsAlone);
    if (opener > 0) sorted.unshift(...sorted.splice(opener, 1));
  }
  return sorted;
}

describe('order: reading order against walking each article per sentence', () => {
  test('any articles, any chosen sentences (several from one article, in any order)', () => {
    const article = fc.array(fc.constantFrom('p', 'p', 'd', 'h'), { minLength: 1, maxLength: 12 }).map((marks) => marks.join(''));
    const input = fc.array(article, { minLength: 1, maxLength: 6 }).chain((documents) => {
      const prose = [...documents.join('')].flatMap((mark, i) => (mark === 'h' ? [] : [i]));
      return fc.record({ documents: fc.constant(documents), chosen: fc.shuffledSubarray(prose.length > 0 ? prose : [0]) });
    });
    fc.assert(
      fc.property(input, ({ documents, chosen }) => {
        const { segments, analysis, groups } = layout(documents);
        expect(order(segments, analysis, groups, new Float64Array(segments.count), chosen, { order: 'source' })).toEqual(naiveSourceOrder(segments, analysis, groups, chosen));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('order: score order', () => {
  test('most salient first, ties by (document, start)', () => {
    const { segments, analysis, groups } = layout(['pppp', 'pp']);
    const score = Float64Array.from([0.2, 1, 0.5, 0.5, 0.9, 0.5]);
    expect(order(segments, analysis, groups, score, [3, 5, 0, 1, 2], { order: 'score' })).toEqual([1, 2, 3, 5, 0]);
  });

  test('a leaning sentence may open a score-ordered summary', () => {
    const { segments, analysis, groups } = layout(['dp']);
    expect(order(segments, analysis, groups, Float64Array.from([1, 0.5]), [1, 0], { order: 'score' })).toEqual([0, 1]);
  });
});
