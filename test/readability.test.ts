import { describe, expect, test } from 'vitest';
import { contentWords, readability, sayTheSame, type ReadabilityCounts } from '../bench/readability.js';

// bench/readability.ts is what issue 16's readability targets are judged by: a pattern that
// stopped matching would report 0 faults and look like success. Each count has a line it must
// catch and a line it must let through. Invented sentences only (the benchmark data is never
// copied into the project).

type Count = Exclude<keyof ReadabilityCounts, 'sentences'>;

/** [count, what the line is, the summary's lines, how many the count should be]. */
const cases: [Count, string, string[], number][] = [
  // furniture: whole-line furniture, furniture anywhere in the line, glued prefixes, run-in bylines
  ['furniture', 'an advertisement label', ['Advertisement'], 1],
  ['furniture', 'a sign-up prompt', ['Sign up for our morning briefing today.'], 1],
  ['furniture', 'a photo credit inside the line', ['The mayor waved to the crowd (Getty Images) on Tuesday.'], 1],
  ['furniture', 'a line cut off with an ellipsis', ['The council voted to close the old bridge…'], 1],
  ['furniture', "a video player's CLOSE glued to the first word", ['CLOSE The council voted to close the old bridge.'], 1],
  ['furniture', 'a "Watch:" label', ['Watch: The council votes to close the old bridge.'], 1],
  ['furniture', 'a gallery counter', ['3 of 12 The bridge was closed to traffic on Monday.'], 1],
  ['furniture', "an outlet's name in brackets and a dash", ['(Wire News) -- The bridge was closed to traffic on Monday.'], 1],
  ['furniture', "an outlet's initials in brackets", ['(WXN) The bridge was closed to traffic on Monday.'], 1],
  ['furniture', 'an aside in brackets', ['(The bridge is a century old.) It was closed on Monday.'], 0],
  ['furniture', 'a byline of two writers run into the text', ['By Ann Miller and Tom Reed The council voted on Monday.'], 1],
  ['furniture', 'a sign-up form', ['Leave your address in the form below to join our mailing list.'], 1],
  ['furniture', 'a call for comments', ['Tell us what you thought of the match and share your views.'], 1],
  ['furniture', 'a missing-page notice', ['The page address may have changed if you came from a bookmark.'], 1],
  ['furniture', 'a help-desk notice', ['For billing questions, please visit our help center.'], 1],
  ['furniture', 'an ordinary sentence', ['The council voted to close the old bridge on Monday.'], 0],
  ['furniture', 'a story about a form', ['Residents must fill in a census form by Friday, officials said.'], 0],
  ['furniture', 'a sentence that starts with "By" and a day', ['By Monday Kim had left the city for good.'], 0],
  ['furniture', '"Close" inside a sentence', ['Officials said the vote was close, and the bridge stays open.'], 0],
  ['furniture', 'a sentence that mentions a photograph', ['The photo showed the mayor at the bridge.'], 0],

  // lowerStart: a piece cut out of a longer sentence
  ['lowerStart', 'a lower-case start', ['was arrested on Monday after a long chase.'], 1],
  ['lowerStart', 'a lower-case start inside a quote', ['"and then the lights went out," she said.'], 1],
  ['lowerStart', 'a lower-case start inside a bracket', ['(and the council agreed) The bridge closed.'], 1],
  ['lowerStart', 'a capitalised start', ['Police arrested a man on Monday.'], 0],
  ['lowerStart', 'a name spelt with a lower-case first letter', ['iPhone sales rose by a tenth last year.'], 0],
  ['lowerStart', 'a digit start', ['12 people were hurt in the crash.'], 0],

  // fragments: no final punctuation, or under four words
  ['fragments', 'no final punctuation', ['The council voted to close the old bridge'], 1],
  ['fragments', 'under four words', ['Nobody was hurt.'], 1],
  ['fragments', 'a full sentence', ['Nobody was hurt in the crash.'], 0],
  ['fragments', 'a full sentence ending in a closing quote', ['"Nobody was hurt in the crash," he said.'], 0],
  ['fragments', 'a question', ['Who will pay for the new bridge?'], 0],

  // danglingStart: a connective anywhere; a pronoun only when it opens the summary
  ['danglingStart', 'a connective opening the second sentence', ['The council met on Monday.', 'However, the vote was put off again.'], 1],
  ['danglingStart', 'a connective opening the first sentence', ['But the vote was put off again.'], 1],
  ['danglingStart', 'a connective inside a quote', ['"Then we heard the bang," a neighbour said.'], 1],
  ['danglingStart', 'a pronoun opening the summary', ['He was arrested on Monday after a long chase.'], 1],
  ['danglingStart', 'a pronoun opening a later sentence', ['Police arrested a man on Monday.', 'He was held overnight in the city jail.'], 0],
  ['danglingStart', 'a word that starts like a connective', ['Butter prices rose by a tenth last year.'], 0],
  ['danglingStart', 'a word that starts like a pronoun', ['Theresa Lane won the race on Sunday.'], 0],

  // unbalancedQuotes: curly quotes that do not pair, an odd number of straight ones
  ['unbalancedQuotes', 'an opening curly quote with no closing one', ['“We will rebuild the bridge, the mayor said.'], 1],
  ['unbalancedQuotes', 'a closing curly quote with no opening one', ['We will rebuild the bridge,” the mayor said.'], 1],
  ['unbalancedQuotes', 'one straight double quote', ['We will rebuild the bridge," the mayor said.'], 1],
  ['unbalancedQuotes', 'paired curly quotes', ['“We will rebuild the bridge,” the mayor said.'], 0],
  ['unbalancedQuotes', 'paired straight quotes', ['"We will rebuild the bridge," the mayor said.'], 0],
  ['unbalancedQuotes', 'an apostrophe', ["The mayor's bridge will be rebuilt."], 0],

  // unattributedQuotes: all quotation, no one saying it
  ['unattributedQuotes', 'a quotation on its own', ['"We will rebuild the bridge before winter."'], 1],
  ['unattributedQuotes', 'a curly quotation on its own', ['“We will rebuild the bridge before winter.”'], 1],
  ['unattributedQuotes', 'a quotation behind a short lead-in, no speaker', ['Once more: "We will rebuild the bridge before winter."'], 1],
  ['unattributedQuotes', 'a quotation with a speaker', ['"We will rebuild the bridge," the mayor said.'], 0],
  ['unattributedQuotes', 'a quotation with "according to"', ['"Rebuilt by winter," according to the plan.'], 0],
  ['unattributedQuotes', 'a quoted phrase inside a longer sentence', ['The mayor called the old bridge a "disgrace" at a long meeting on Monday.'], 0],
  ['unattributedQuotes', 'no quotation at all', ['The bridge will be rebuilt.'], 0],

  // repeats: pairs where half the shorter sentence's stemmed content words are in the other
  ['repeats', 'one fact said twice in other words', ['Police arrested a man after the robbery on Monday.', 'A man was arrested by police after Monday’s robbery.'], 1],
  ['repeats', 'three sentences about one fact: three pairs', ['The bridge closed on Monday.', 'On Monday the bridge closed.', 'The bridge was closed Monday.'], 3],
  ['repeats', 'inflections stem together', ['Officials closed the bridges.', 'The officials are closing a bridge.'], 1],
  ['repeats', 'two facts', ['Police arrested a man after the robbery on Monday.', 'The stolen paintings were found in a barn.'], 0],
  ['repeats', 'shared stopwords only', ['It was there that they had been.', 'They had been there, it was said.'], 0],
  ['repeats', 'a repeated sentence counted once per pair, not per line', ['The bridge closed on Monday.'], 0],
];

describe('bench/readability.ts: each count catches its fault and lets the rest through', () => {
  test.each(cases)('%s: %s', (count, _what, lines, expected) => {
    expect(readability(lines)[count]).toBe(expected);
  });

  test('the sentence count is the number of lines', () => {
    expect(readability(['One line here.', 'Another line here.', 'A third line here.']).sentences).toBe(3);
    expect(readability([]).sentences).toBe(0);
  });

  test('a clean summary has no fault at all', () => {
    const counts = readability([
      'Police arrested a man on Monday after a robbery at a jeweller in the old town.',
      'He was held overnight and is due in court on Friday, a spokesman said.',
      'The stolen rings, worth about $40,000, were found in a barn outside the city.',
    ]);
    expect(counts).toEqual({ sentences: 3, furniture: 0, lowerStart: 0, fragments: 0, danglingStart: 0, unbalancedQuotes: 0, unattributedQuotes: 0, repeats: 0 });
  });
});

describe('content words and the repeat rule', () => {
  test('stopwords, contracted stopwords, single characters ("U.N." is two) and possessives are dropped; words are stemmed', () => {
    expect([...contentWords("The mayor's bridges weren't closed, I'm told, by a U.N. order.")].sort()).toEqual(['bridg', 'close', 'mayor', 'order', 'told'].sort());
  });

  test('half of the shorter sentence is enough; less is not; an empty sentence repeats nothing', () => {
    const set = (...words: string[]) => new Set(words);
    expect(sayTheSame(set('a', 'b'), set('a', 'x', 'y', 'z'))).toBe(true);
    expect(sayTheSame(set('a', 'b', 'c'), set('a', 'x', 'y', 'z'))).toBe(false);
    expect(sayTheSame(set(), set('a'))).toBe(false);
    expect(sayTheSame(set('a', 'x', 'y', 'z'), set('a', 'b'))).toBe(true);
  });
});
