import { describe, expect, test } from 'vitest';
import { centroidSummary, excerpt } from '../bench/baselines.js';

// bench/baselines.ts makes the excerpt shape of the quality benchmark and the centroid peer the
// excerpt targets are judged against. Invented text only (the benchmark data never enters the project).

describe('excerpt(): the first sentences, cut at the sentence end nearest the word budget', () => {
  const six = 'One two three four five six.';
  const twelve = `${six} Seven eight nine ten eleven twelve.`;

  test.each([
    ['a text under the budget is kept whole', twelve, 60, twelve],
    ['the nearer end wins: 12 words is nearer 10 than 6 is', twelve, 10, twelve],
    ['the nearer end wins: 6 words is nearer 8 than 12 is', twelve, 8, six],
    ['on a tie (3 short, 3 over) the shorter', twelve, 9, six],
    ['never nothing: a first sentence over the budget is kept', twelve, 2, six],
    ['a line break is a sentence end', 'A headline without a stop\nThe first sentence of the story runs on here.', 4, 'A headline without a stop'],
    ['not after an initial', 'Donald J. Trump said the plan works. More text follows here now.', 3, 'Donald J. Trump said the plan works.'],
    ['not inside an abbreviation of initials', 'The U.S. Navy sent two ships. They arrived on time.', 2, 'The U.S. Navy sent two ships.'],
    ['not after a title', 'Talks with Gov. Lane went well today. Aides agreed.', 3, 'Talks with Gov. Lane went well today.'],
    ['not after a month abbreviation', 'The vote is set for Sept. 12 in the capital. Few expect it.', 4, 'The vote is set for Sept. 12 in the capital.'],
    ['not before a lower-case word', 'It cost about 3 p.m. prices were low. The shop closed early then.', 2, 'It cost about 3 p.m. prices were low.'],
    ['an end before a quote or a digit', 'The bridge shut. "It is unsafe," she said. 12 cars were stuck.', 3, 'The bridge shut.'],
  ])('%s', (_what, text, words, expected) => {
    expect(excerpt(text, words)).toBe(expected);
  });

  test('always a prefix of the text, so its offsets and layout stay as they were', () => {
    const text = 'First line here\n\nA sentence with Mr. Reed in it. Another one, from the U.K. team. A last one!';
    for (let words = 1; words <= 25; words++) expect(text.startsWith(excerpt(text, words))).toBe(true);
  });

  test('the default budget is 60 words', () => {
    const sentence = (n: number) => `Word ${Array.from({ length: n - 2 }, () => 'word').join(' ')} end.`;
    const text = [sentence(20), sentence(20), sentence(22), sentence(20)].join(' ');
    // Ends at 20, 40, 62, 82 words: 62 is the nearest to 60.
    expect(excerpt(text).split(/\s+/).length).toBe(62);
  });
});

describe('centroidSummary(): sentences nearest a support-weighted centroid, no near repeats', () => {
  // Stemmed content words: a bakery story in one document only (in four of its sentences); a
  // bridge story in two. Centroid weights (documents using a word): shut, river, bridg 2; every
  // other word 1; norm √27. Were words counted per sentence, bakeri would weigh 4 and win.
  const documents = [
    { id: 'a', text: 'The bakery sold fresh bread. The bakery opened early. Bread from the bakery ran out. The bakery hired bakers.' },
    { id: 'b', text: 'Engineers shut the river bridge. Traffic moved slowly.' },
    { id: 'c', text: 'The river bridge stays shut for repairs.' },
  ];

  test('the sentence carried by most documents comes first, however often one document repeats its own words', () => {
    // c: (2+2+2+1+1)/(√5·√27) = 0.69; b's first: 7/(2·√27) = 0.67; the bakery's best, 4/(2·√27) = 0.38.
    expect(centroidSummary(documents, 1)).toEqual(['The river bridge stays shut for repairs.']);
  });

  test('a sentence with cosine 0.5 or more to a taken one is skipped; ties keep text order; order is by score', () => {
    // b's first shares 3 of its 4 words with c (cosine 0.67): skipped. "Bread from the bakery ran out." shares 2 of 3
    // with the first bakery sentence (0.58): skipped. The four 3-word sentences tie at 0.33 and come in text order.
    expect(centroidSummary(documents, 100)).toEqual([
      'The river bridge stays shut for repairs.',
      'The bakery sold fresh bread.',
      'The bakery opened early.',
      'The bakery hired bakers.',
      'Traffic moved slowly.',
    ]);
  });

  test('taken until the budget is reached: the sentence that crosses it is the last', () => {
    expect(centroidSummary(documents, 7)).toEqual(['The river bridge stays shut for repairs.']);
    expect(centroidSummary(documents, 8)).toEqual(['The river bridge stays shut for repairs.', 'The bakery sold fresh bread.']);
  });

  test('no documents, or nothing but empty text, give nothing', () => {
    expect(centroidSummary([], 100)).toEqual([]);
    expect(centroidSummary([{ id: 'x', text: '' }], 100)).toEqual([]);
  });
});
