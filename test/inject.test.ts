import { describe, expect, test } from 'vitest';
import { summarizeSync } from '../src/index.js';
import { candidatesOf, expectedSpan, judgeTrial, namesOf, replacementFor, type ChangeKind, type Trial, type VariantSpan } from '../bench/inject.js';

// bench/inject.ts decides what issue 15's injected-change figures mean: which words are changed,
// what span a change should be reported as ("exact"), and when a reported conflict counts as
// finding it ("found"). Invented sentences only (the benchmark data never enters the project).

/** The span expectedSpan() gives for the first occurrence of `word` in `text`, as text. */
const spanOf = (text: string, word: string, kind: ChangeKind) => {
  const start = text.indexOf(word);
  const [from, to] = expectedSpan(text, start, start + word.length, kind);
  return text.slice(from, to);
};

describe('expectedSpan(): the words a change should be reported as', () => {
  test.each<[string, string, string, ChangeKind, string]>([
    ['a number takes its unit', 'The strike lasted 17 months in all.', '17', 'number', '17 months'],
    ['a number takes its currency sign and magnitude', 'The city paid $1.6 million for it.', '1.6', 'number', '$1.6 million'],
    ['a number takes magnitudes and then one unit', 'About 2 million people fled.', '2', 'number', '2 million people'],
    ['a percentage', 'Prices rose 12% last year.', '12', 'number', '12%'],
    ['"per cent" spelt out', 'Prices rose 12 per cent last year.', '12', 'number', '12 per cent'],
    ['a hyphenated unit', 'It was a 10-mile walk.', '10', 'number', '10-mile'],
    ['no unit after it: the number alone', 'He scored 12 against them.', '12', 'number', '12'],
    ['a day takes the month before it', 'The vote is on Sept. 12 at noon.', '12', 'number', 'Sept. 12'],
    ['a day takes the month after it', 'The vote is on 12 March at noon.', '12', 'number', '12 March'],
    ['a year takes no unit', 'In 2019 the city voted.', '2019', 'year', '2019'],
    ['a four-digit number before a unit is a count', 'Some 1900 people voted.', '1900', 'year', '1900 people'],
    ['a month takes its day after it', 'It opened on July 4th this year.', 'July', 'month', 'July 4th'],
    ['a month takes its day before it', 'It opened on 4 July this year.', 'July', 'month', '4 July'],
    ['a month alone', 'It opened in July this year.', 'July', 'month', 'July'],
    ['a weekday is the word', 'It opened on Monday morning.', 'Monday', 'weekday', 'Monday'],
    ['a name is the word', 'Mayor Lane opened it.', 'Lane', 'name', 'Lane'],
  ])('%s', (_what, text, word, kind, expected) => {
    expect(spanOf(text, word, kind)).toBe(expected);
  });
});

describe('candidatesOf() and namesOf(): what can be changed', () => {
  test('numbers, years, weekdays, months and known names, never the first word nor one after an opening quote', () => {
    const text = 'Lane said on Monday that 40 of the 1,200 workers left in May 2019, and Okafor agreed. "Reed was there," said Lane on Friday.';
    const firstEnd = text.indexOf('.') + 1;
    const found = candidatesOf(text, 0, firstEnd, new Set(['Lane', 'Okafor', 'Reed'])).map((c) => `${c.kind}:${c.text}`);
    expect(found.sort()).toEqual(['month:May', 'name:Okafor', 'number:1,200', 'number:40', 'weekday:Monday', 'year:2019'].sort());
    const second = candidatesOf(text, firstEnd + 1, text.length, new Set(['Lane', 'Reed'])).map((c) => `${c.kind}:${c.text}`);
    expect(second).toEqual(['name:Lane', 'weekday:Friday']);
  });

  test('a name followed by a full stop (an initial or an abbreviation) is not a candidate', () => {
    expect(candidatesOf('They met Lane. Then left.', 0, 14, new Set(['Lane']))).toEqual([]);
  });

  test('names: capitalised after a lower-case word or a comma, never written in lower case, no calendar words or titles', () => {
    const names = namesOf(['The talks with Okafor went on, Lane said on Monday in May.', 'Officials met Bishop and the bishop left.', 'They asked Mr Reed, and Jan agreed.']);
    expect(names).toEqual(['Lane', 'Okafor', 'Reed']);
  });
});

describe('replacementFor(): what a candidate is changed into', () => {
  const sequence = (...values: number[]) => {
    let i = 0;
    return () => values[i++ % values.length]!;
  };

  test('a year moves by one to three', () => {
    const text = 'It closed in 2019.';
    const candidate = candidatesOf(text, 0, text.length, new Set())[0]!;
    for (const r of [0, 0.3, 0.6, 0.99]) {
      const year = Number(replacementFor(text, candidate, [], sequence(r, r)));
      expect(year).not.toBe(2019);
      expect(Math.abs(year - 2019)).toBeLessThanOrEqual(3);
    }
  });

  test('a day next to a month stays a day, and changes', () => {
    const text = 'It closed on Sept. 28 last year.';
    const candidate = candidatesOf(text, 0, text.length, new Set())[0]!;
    for (const r of [0, 0.3, 0.6, 0.99]) {
      const day = Number(replacementFor(text, candidate, [], sequence(r)));
      expect(day).not.toBe(28);
      expect(day).toBeGreaterThanOrEqual(1);
      expect(day).toBeLessThanOrEqual(28);
    }
  });

  test('a number keeps its thousands commas', () => {
    const text = 'Some 1,200 workers left.';
    const candidate = candidatesOf(text, 0, text.length, new Set())[0]!;
    expect(replacementFor(text, candidate, [], sequence(0.9, 0, 0))).toMatch(/^\d{1,3}(,\d{3})+$/);
  });

  test('a name becomes another name of the cluster, never a typo or a short form of it; none left gives null', () => {
    const text = 'They met Johnson there.';
    const candidate = candidatesOf(text, 0, text.length, new Set(['Johnson']))[0]!;
    expect(replacementFor(text, candidate, ['Johnson', 'Jonson', 'John', 'Okafor'], sequence(0, 0.5, 0.99))).toBe('Okafor');
    expect(replacementFor(text, candidate, ['Johnson', 'Jonson', 'John'], sequence(0))).toBeNull();
    const short = 'They met John there.';
    const john = candidatesOf(short, 0, short.length, new Set(['John']))[0]!;
    expect(replacementFor(short, john, ['John', 'Johnson', 'Okafor'], sequence(0))).toBe('Okafor');
  });
});

describe('judgeTrial(): "found" and "exact"', () => {
  // The original says "17 months" at 10–19; the copy says "18 months" at the same offsets.
  const trial: Trial = { originalId: 'a', copyId: 'a~changed', start: 10, originalEnd: 12, copyEnd: 12, originalSpan: [10, 19], copySpan: [10, 19] };
  const span = (documentId: string, start: number, end: number): VariantSpan => ({ documentId, start, end });

  test.each<[string, VariantSpan[][][], { found: boolean; exact: boolean }]>([
    ['no conflict: not found', [], { found: false, exact: false }],
    ['copy and original in different variants, expected spans: found and exact', [[[span('a', 10, 19), span('b', 40, 49)], [span('a~changed', 10, 19)]]], { found: true, exact: true }],
    ['found, but the copy span is only the number: not exact', [[[span('a', 10, 19)], [span('a~changed', 10, 12)]]], { found: true, exact: false }],
    ['found, but the original span runs on: not exact', [[[span('a', 10, 25)], [span('a~changed', 10, 19)]]], { found: true, exact: false }],
    ['copy and original in the same variant: not found', [[[span('a', 10, 19), span('a~changed', 10, 19)], [span('b', 40, 49)]]], { found: false, exact: false }],
    ['a conflict elsewhere in the same documents: not found', [[[span('a', 100, 104)], [span('a~changed', 100, 104)]]], { found: false, exact: false }],
    ['spans that only touch the changed words: not found', [[[span('a', 5, 10)], [span('a~changed', 12, 19)]]], { found: false, exact: false }],
    ['only the original is in the conflict: not found', [[[span('a', 10, 19)], [span('b', 40, 49)]]], { found: false, exact: false }],
    ['the first conflict that finds it decides exactness', [[[span('a', 10, 12)], [span('a~changed', 10, 12)]], [[span('a', 10, 19)], [span('a~changed', 10, 19)]]], { found: true, exact: false }],
  ])('%s', (_what, conflicts, expected) => {
    expect(judgeTrial(conflicts, trial)).toEqual(expected);
  });

  test('on the library: a changed count in a copy of one article is found with exact spans', () => {
    const original = 'The strike at the northern mill lasted 17 months before the owners gave in. Workers returned on a Monday.';
    const other = 'The strike at the northern mill lasted 17 months before the owners gave in, the union said.';
    const at = original.indexOf('17');
    const copy = `${original.slice(0, at)}18${original.slice(at + 2)}`;
    const documents = [
      { id: 'a', text: original },
      { id: 'a~changed', text: copy },
      { id: 'b', text: other },
    ];
    const summary = summarizeSync(documents, { words: 60 });
    const conflicts = summary.conflicts.map((conflict) => conflict.variants.map((variant) => variant.spans.map((s) => ({ documentId: s.documentId, start: s.start, end: s.end }))));
    const expected = expectedSpan(original, at, at + 2, 'number');
    expect(original.slice(...expected)).toBe('17 months');
    const result = judgeTrial(conflicts, { originalId: 'a', copyId: 'a~changed', start: at, originalEnd: at + 2, copyEnd: at + 2, originalSpan: expected, copySpan: expectedSpan(copy, at, at + 2, 'number') });
    expect(result).toEqual({ found: true, exact: true });
  });
});
