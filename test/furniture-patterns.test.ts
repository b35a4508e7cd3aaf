/**
 * English furniture patterns rewritten for speed hold to the forms they replaced: a lookahead
 * that only filters must never change what a pattern matches. The reference forms below are the
 * patterns as they were, without the lookaheads.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { languageRules } from '../src/language/index.js';

const furniture = languageRules('eng').furniture;

const REFERENCE = {
  bylineNamed: /^(?:(?:By|BY)\s+\p{Lu}|\p{Lu}[\p{L}.'’ -]{1,40}\s+(?:reports|writes) (?:from|for)\b|(?:Follow|follow) (?:@\S+|\p{Lu}\S*(?: \p{Lu}\S*)?) on (?:Twitter|X|Facebook|Instagram|Threads|Bluesky)\b)/u,
  byline:
    /^(?:(?:the\s+)?(?:associated press|reuters|afp|agence france-presse|bloomberg|cnn|bbc(?: news)?|npr|ap|upi|staff(?: writer| reporter)?|wire services?)$|with (?:files|reporting|additional reporting) from\b|(?:additional )?(?:reporting|writing|editing|research) by\b|[^.]{0,120}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b|(?:this|the) (?:article|story|report) (?:was|has been) (?:updated|corrected|amended)\b|correction:|editor'?s note:|contact (?:the )?(?:author|reporter|writer)\b|email (?:the )?(?:author|reporter)\b)/i,
} as const;

/** Pieces that make the patterns' words, near-misses, case changes, dots and long runs likely. */
const PIECES = [
  'By ', 'BY ', 'by ', 'Jane ', 'Doe', 'Élodie ', 'O’Neil ', 'J. ', 'Ann-Marie ', ' ', '  ', '\t', '\n', '.', ',', 'x',
  'reports', 'writes', 'Reports', 'report', ' from', ' for', ' fro', 'from', 'reports from ', 'writes for ',
  'contributed', 'Contributed', 'contribute', ' to', ' this', ' the', ' report', ' story', ' article', 'contributed to this report',
  'Follow ', '@jane ', 'on Twitter', 'on X', 'Associated Press', 'a'.repeat(45), 'b '.repeat(70), 'reportsfrom',
];
const sentence = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((pieces) => pieces.join(''));

describe('English furniture patterns: the fast forms match exactly what the plain forms do', () => {
  for (const name of Object.keys(REFERENCE) as (keyof typeof REFERENCE)[]) {
    test(name, () => {
      const fast = furniture[name]!;
      expect(fast.source).not.toBe(REFERENCE[name].source); // else this test guards nothing
      fc.assert(fc.property(sentence, (text) => {
        expect(fast.test(text)).toBe(REFERENCE[name].test(text));
      }), { numRuns: 20_000 });
    });
  }

  test.each([
    ['Jane Doe reports from Kabul.', 'bylineNamed', true],
    ['Élodie Martin writes for the Guardian.', 'bylineNamed', true],
    ['The minister reports for duty on Monday.', 'bylineNamed', true],
    ['Jane Doe reports that the talks failed.', 'bylineNamed', false],
    ['Ann Roe contributed to this report.', 'byline', true],
    ['Reporting by Ann Roe; editing by Jim Poe', 'byline', true],
    ['Police said. Ann Roe contributed to this report.', 'byline', false],
    ['He contributed to the campaign.', 'byline', false],
  ] as const)('%s → %s %s', (text, name, matches) => {
    expect(furniture[name]!.test(text)).toBe(matches);
    expect(REFERENCE[name].test(text)).toBe(matches);
  });
});
