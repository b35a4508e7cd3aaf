import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import sbd from 'sbd';
import { looksLikeMarkup, maskMarkup } from '../src/markup.js';
import { runSync } from '../src/schedule.js';
import { hasBreakMarks, searchPiece, walkPiece } from '../src/segment/sbd.js';
import { Kind, KIND_NAMES } from '../src/model.js';
import { loadExamples, segmentOf } from './helpers.js';

/** Property runs: FC_RUNS=N for more; the timeout grows with them. */
const RUNS = Number(process.env.FC_RUNS ?? 1000);
const PROPERTY_TIMEOUT = Math.max(30_000, RUNS * 25);

function split(text: string, maxSentenceLength = 2000) {
  const segments = segmentOf([{ id: 'd', text }], { maxSentenceLength: maxSentenceLength });
  const sentences: { text: string; kind: string }[] = [];
  for (let i = 0; i < segments.count; i++)
    sentences.push({ text: text.slice(segments.start[i]!, segments.end[i]!), kind: KIND_NAMES[segments.kind[i]!]! });
  return { sentences, segments };
}

const texts = (text: string) => split(text).sentences.map((sentence) => sentence.text);

/** Every span of a segmentation is exact, trimmed, inside its document, ordered and disjoint. */
function expectWellFormed(documents: { id: string; text: string }[], maxSentenceLength = 2000) {
  const segments = segmentOf(documents, { maxSentenceLength: maxSentenceLength });
  for (let d = 0; d < documents.length; d++) {
    const text = documents[d]!.text;
    let previousEnd = 0;
    for (let i = segments.firstOfDoc[d]!; i < segments.firstOfDoc[d + 1]!; i++) {
      expect(segments.doc[i]).toBe(d);
      expect(segments.indexInDoc[i]).toBe(i - segments.firstOfDoc[d]!);
      const start = segments.start[i]!;
      const end = segments.end[i]!;
      expect(start).toBeGreaterThanOrEqual(previousEnd);
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(text.length);
      expect(end - start).toBeLessThanOrEqual(maxSentenceLength);
      const slice = text.slice(start, end);
      expect(slice.trim()).toBe(slice);
      previousEnd = end;
    }
  }
  return segments;
}

describe('segment: sentence boundaries', () => {
  const cases: [string, string, string[]][] = [
    ['titles and abbreviations', 'Mr. Smith met Dr. Jones at 10 a.m. Tuesday. They talked.', ['Mr. Smith met Dr. Jones at 10 a.m. Tuesday.', 'They talked.']],
    ['money and percentages', 'Prices rose 3.5% to £1.6m last year. Then they fell.', ['Prices rose 3.5% to £1.6m last year.', 'Then they fell.']],
    ['e.g. and et al.', 'Some birds, e.g. crows, are smart, said Smith et al. in a paper. Others agree.', ['Some birds, e.g. crows, are smart, said Smith et al. in a paper.', 'Others agree.']],
    ['initialisms mid-sentence', 'He spoke at a U.N. Security Council meeting. The U.S. Embassy said nothing.', ['He spoke at a U.N. Security Council meeting.', 'The U.S. Embassy said nothing.']],
    ['initialism ending a sentence', 'She moved to the U.S. The next day she left.', ['She moved to the U.S.', 'The next day she left.']],
    ['military titles', 'Also seen was Navy Adm. Kim Myong Sik, who runs the program. He said nothing.', ['Also seen was Navy Adm. Kim Myong Sik, who runs the program.', 'He said nothing.']],
    ['state abbreviations', 'The rally in Madison, Wis. Drew thousands of people. It was cold.', ['The rally in Madison, Wis. Drew thousands of people.', 'It was cold.']],
    ['lost space after a full stop', 'First sentence.Second sentence follows.', ['First sentence.', 'Second sentence follows.']],
    ['a stop inside brackets with no space after it: a state or a ticker', 'Rep. Jane Doe (R-N.Y.), also at the hearing, voted against it. Shares of Acme (ACME.N) fell 3% on Friday.', ['Rep. Jane Doe (R-N.Y.), also at the hearing, voted against it.', 'Shares of Acme (ACME.N) fell 3% on Friday.']],
    ['quotation', '“We will go,” he said. “Now.” She agreed.', ['“We will go,” he said.', '“Now.”', 'She agreed.']],
    ['full stop inside a closing quote', 'He said “it is over.” Then he left the room.', ['He said “it is over.”', 'Then he left the room.']],
    ['question and exclamation', 'Is it true? Yes! It is.', ['Is it true?', 'Yes!', 'It is.']],
    ['a line break always ends a sentence', 'A headline without a stop\nThe body starts here.', ['A headline without a stop', 'The body starts here.']],
    ['separator lines vanish (sbd throws on them)', 'One.\n----\n____\nTwo.', ['One.', 'Two.']],
    ['separator inside a line', 'Before **** after.', ['Before', 'after.']],
    ['dateline is a sentence of its own', 'SEOUL, South Korea — North Korea’s leader left. He went by train.', ['SEOUL, South Korea —', 'North Korea’s leader left.', 'He went by train.']],
    ['dateline with agency', 'WASHINGTON (AP) — The Senate voted on Monday.', ['WASHINGTON (AP) —', 'The Senate voted on Monday.']],
    ['dateline with a station and no dash', 'FORT WAYNE, Ind. (WANE) The mother said she heard the alert.', ['FORT WAYNE, Ind. (WANE)', 'The mother said she heard the alert.']],
    ['"No." in a quotation is a sentence', '“No. I’m not that selfish,” she said.', ['“No.', 'I’m not that selfish,” she said.']],
    ['No. before a number is not', 'He was ranked No. 1 in the world last year.', ['He was ranked No. 1 in the world last year.']],
    ['emoji and astral characters keep offsets', '🎉 Party time in 𝕏 city. Next 👋 one.', ['🎉 Party time in 𝕏 city.', 'Next 👋 one.']],
    ['CRLF line ends and tabs', 'First line.\r\n\tSecond line.\r\n', ['First line.', 'Second line.']],
    ['a lone CR, NEL, U+2028, U+2029, form feed and vertical tab end lines', 'A\rB\u0085C\u2028D\u2029E\fF\vG', ['A', 'B', 'C', 'D', 'E', 'F', 'G']],
    ['a time before a capitalised word', 'The vote is at 3 p.m. Eastern time on Friday. It ended at 5 p.m. He left.', ['The vote is at 3 p.m. Eastern time on Friday.', 'It ended at 5 p.m.', 'He left.']],
  ];
  test.each(cases)('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
    expectWellFormed([{ id: 'd', text: input }]);
  });

  test('empty and whitespace-only documents have no sentences and warn', () => {
    const segments = segmentOf([{ id: 'a', text: '' }, { id: 'b', text: ' \n\t \n' }, { id: 'c', text: 'Fine.' }], { maxSentenceLength: 2000 });
    expect(segments.count).toBe(1);
    expect(segments.warnings.map((warning) => [warning.code, warning.documentId])).toEqual([
      ['EMPTY_DOCUMENT', 'a'],
      ['EMPTY_DOCUMENT', 'b'],
    ]);
    expect(Array.from(segments.firstOfDoc)).toEqual([0, 0, 0, 1]);
  });

  test('a run longer than maxSentenceLength is cut into marked pieces with exact offsets', () => {
    const run = 'word '.repeat(100).trim(); // 499 characters, no boundary
    const text = `The intro sentence is here. ${run}. Outro sentence here.`;
    const { sentences, segments } = split(text, 120);
    expect(sentences[0]).toEqual({ text: 'The intro sentence is here.', kind: 'prose' });
    const pieces = sentences.filter((sentence) => sentence.kind === 'overlong');
    expect(pieces.length).toBe(5);
    expect(pieces.every((piece) => piece.text.length <= 120)).toBe(true);
    expect(segments.warnings).toEqual([
      expect.objectContaining({ code: 'SENTENCE_TOO_LONG', documentId: 'd', start: 28, end: 28 + run.length + 1 }),
    ]);
    expectWellFormed([{ id: 'd', text }], 120);
  });

  test('a run without any whitespace is cut at code-point boundaries', () => {
    const text = '😀'.repeat(300);
    const { sentences } = split(text, 101);
    expect(sentences.length).toBeGreaterThan(1);
    for (const sentence of sentences) expect(sentence.text).toMatch(/^(?:😀)+$/u);
    expect(sentences.map((sentence) => sentence.text).join('')).toBe(text);
  });
});

describe('segment: HTML', () => {
  test('tags are blanked for analysis but offsets index the original', () => {
    const html = '<html><head><title>T</title><script>var x = "Not. A. Sentence.";</script></head><body><p>Kim arrived in Russia on Tuesday.</p><p>He met <b>Putin</b> later.</p></body></html>';
    expect(looksLikeMarkup(html)).toBe(true);
    const masked = runSync(maskMarkup(html));
    expect(masked.length).toBe(html.length);
    const { sentences } = split(html);
    expect(sentences.map((sentence) => sentence.text)).toEqual(['Kim arrived in Russia on Tuesday.', 'He met <b>Putin</b> later.']);
    expect(sentences.every((sentence) => sentence.kind === 'prose')).toBe(true);
  });

  test('prose that mentions a tag or two is not treated as a page', () => {
    expect(looksLikeMarkup('Use the <b> tag for bold. Or <i> for italics.')).toBe(false);
  });
});

describe('segment: the example articles', () => {
  const documents = loadExamples();
  test('every span is exact, trimmed and ordered', () => {
    const segments = expectWellFormed(documents);
    expect(segments.count).toBeGreaterThan(150);
  });

  test('no sentence is split inside an abbreviation or initialism', () => {
    const segments = segmentOf(documents, { maxSentenceLength: 2000 });
    for (let i = 0; i < segments.count; i++) {
      const text = documents[segments.doc[i]!]!.text.slice(segments.start[i]!, segments.end[i]!);
      expect(text, text).not.toMatch(/(?:\b(?:Adm|Gov|Dr|Mr|Mrs|Gen|Sen)|\b(?:[A-Z]\.){2,})$/);
    }
  });
});

describe('segment: properties', () => {
  const piece = fc.oneof(
    fc.constantFrom(
      'Kim arrived in Russia on Tuesday.', 'Mr. Smith said so.', 'U.S. officials agreed.', '“Quote.”', '----', '\n', '\n\n', ' ', '.',
      '...', '?!', 'e.g.', '10 a.m.', '3.5%', 'SHARE this', 'Image: AP', 'A.B.C.D.', '@~@', 'SEOUL, South Korea — ', '\t', '\r\n', '😀', 'é',
    ),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
  );
  const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

  test('offsets are exact, trimmed, ordered and bounded for any text', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), fc.integer({ min: 100, max: 400 }), (bodies, max) => {
        expectWellFormed(bodies.map((body, i) => ({ id: String(i), text: body })), max);
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  // (Markup is the one exception, tested above: tags outside sentences are not text.)
  test('no visible text is lost: everything outside sentences is whitespace or separators', () => {
    fc.assert(
      fc.property(text, (body) => {
        const { segments } = split(body);
        let covered = '';
        let previousEnd = 0;
        for (let i = 0; i < segments.count; i++) {
          covered += body.slice(previousEnd, segments.start[i]!);
          previousEnd = segments.end[i]!;
        }
        covered += body.slice(previousEnd);
        expect(covered).toMatch(/^[\s\u0085\-#=_+*@~]*$/u); // U+0085 (NEL) is a line break there
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  test('the example articles: every sentence that is not prose, with its kind (test/snapshots/example-furniture.txt)', async () => {
    const documents = loadExamples();
    const segments = segmentOf(documents, { maxSentenceLength: 2000 });
    const rows: string[] = [];
    for (let i = 0; i < segments.count; i++)
      if (segments.kind[i] !== Kind.PROSE)
        rows.push(`${documents[segments.doc[i]!]!.id.slice(0, 3)} #${segments.indexInDoc[i]} ${KIND_NAMES[segments.kind[i]!]}: ${documents[segments.doc[i]!]!.text.slice(segments.start[i]!, segments.end[i]!).slice(0, 80)}`);
    await expect(`${rows.join('\n')}\n`).toMatchFileSnapshot('./snapshots/example-furniture.txt');
  });
});

describe('segment: finding sbd’s sentences in the text', () => {
  // Text of words, spaces, separators sbd drops, quotes and sentence ends, in any mix.
  const piece = fc.constantFrom('Word', 'two', 'U.S.', 'e.g.', '3.5%', '—', '-', '--', '***', '#', '@', '~', '"', '“', '”', ' ', '  ', '\t', '.', '!', '?', 'x-ray', '-5', '*note', '…');
  const line = fc.array(piece, { minLength: 1, maxLength: 40 }).map((pieces) => pieces.join(''));

  test('the walk finds each sentence exactly where the word-by-word search does', () => {
    fc.assert(
      fc.property(line, (text) => {
        let pieces: string[];
        try {
          pieces = sbd.sentences(text, { newline_boundaries: true });
        } catch {
          return; // sbd throws on separator-only text; segment handles that before
        }
        let cursor = 0;
        const walked = new Int32Array(2);
        const searched = new Int32Array(2);
        for (const sentence of pieces) {
          const searchFound = searchPiece(text, sentence, cursor, 0, text.length, searched);
          if (walkPiece(text, sentence, cursor, text.length, walked)) {
            expect(searchFound, sentence).toBe(true);
            expect(Array.from(walked), sentence).toEqual(Array.from(searched));
          }
          if (!searchFound) return;
          if (searched[0]! >= 0) cursor = searched[1]!;
        }
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);

  test('a chunk without break marks gets the same sentences from sbd without newline_boundaries', () => {
    const marked = fc.array(fc.oneof(piece, fc.constantFrom('\n', '====', '_-+*', '@~@', '@~', '~@')), { minLength: 1, maxLength: 40 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(marked, (text) => {
        expect(hasBreakMarks(text)).toBe(/\n|[-#=_+*]{4}|@~@/.test(text));
        if (hasBreakMarks(text)) return;
        const sentences = (newline_boundaries: boolean) => {
          try {
            return sbd.sentences(text, { newline_boundaries, abbreviations: ['Mr', 'U.S'] });
          } catch {
            return 'throws';
          }
        };
        expect(sentences(false)).toEqual(sentences(true));
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);
});

describe('segment: room for the sentence columns', () => {
  test('news-length sentences fit the room made at the start: no column is doubled', () => {
    // 5,000 sentences of about 110 characters: room for one per 96 characters holds them all,
    // where columns of 1,024 doubled three times (five columns at once, at every doubling).
    const text = Array.from({ length: 5000 }, (_, k) => `The committee met on day ${k} and agreed to publish its findings on the harbour works next spring.`).join(' ');
    const segments = segmentOf([{ id: 'a', text }]);
    expect(segments.count).toBe(5000);
    const room = segments.start.buffer.byteLength / 4;
    expect(room).toBeGreaterThanOrEqual(5000);
    expect(room).toBeLessThanOrEqual(1024 + Math.ceil(text.length / 96));
    expect(segments.doc.buffer.byteLength / 4).toBe(room);
  });
});
