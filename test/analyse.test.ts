import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { comparisonKey, contentStem, normalise, tokenise } from '../src/tokens.js';
import { standaloneFactor, termsOf } from '../src/analyse.js';
import { createCaches } from '../src/caches.js';
import { ENGLISH } from '../src/language/eng.js';
import { porterStem } from '../src/language/porter.js';
import { stringAt } from '../src/string-table.js';
import { analysisOf, settingsWith, stringsOf } from './helpers.js';

describe('comparison keys ignore house style', () => {
  const same: [string, string][] = [
    ['North Korea’s Kim Jong Un arrived.', "North Korea's Kim Jong-un arrived."],
    ['“No U.N. member state,” Lim said.', '"No UN member state," Lim said.'],
    ['hot-and-cold relations', 'hot – and – cold Relations'],
    ['ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ', 'fullwidth text'],
    ['ﬁnance', 'finance'],
  ];
  test.each(same)('%s ≡ %s', (a, b) => expect(comparisonKey(a)).toBe(comparisonKey(b)));

  test('keys keep letters and digits of every script', () => {
    expect(comparisonKey('Ça coûte 3,5 € — 東京 2023!')).toBe('çacoûte35東京2023');
  });
});

describe('tokens', () => {
  test('possessives are dropped, apostrophes unified, hyphens split', () => {
    expect(tokenise(normalise('Korea’s long-range missiles, Kim\'s train'))).toEqual(['korea', 'long', 'range', 'missiles', 'kim', 'train']);
  });

  test('stopwords are removed and English is stemmed; a term is shared by its forms', () => {
    const text = 'The leaders met in Paris. The leader meets them at meetings.';
    const documents = [{ id: 'd', text }];
    const { analysis } = analysisOf(documents);
    const termsOf = (i: number) => Array.from(analysis.terms.slice(analysis.termStart[i]!, analysis.termStart[i + 1]!)).map((t) => stringAt(analysis.vocabulary, t));
    expect(termsOf(0)).toEqual(['leader', 'met', 'pari']);
    expect(termsOf(1)).toEqual(['leader', 'meet', 'meet']);
    expect(Array.from(analysis.words)).toEqual([5, 6]);
  });

  test('without stemming, words stay whole', () => {
    const text = 'Les dirigeants se sont rencontrés hier soir.';
    const { analysis } = analysisOf([{ id: 'd', text }], { language: 'fra', stopwords: ['les', 'se', 'sont'] });
    expect(stringsOf(analysis.vocabulary)).toEqual(['dirigeants', 'rencontrés', 'hier', 'soir']);
  });
});

describe('Porter stemmer (reference outputs)', () => {
  const table: [string, string][] = [
    ['caresses', 'caress'], ['ponies', 'poni'], ['ties', 'ti'], ['caress', 'caress'], ['cats', 'cat'], ['feed', 'feed'],
    ['agreed', 'agre'], ['plastered', 'plaster'], ['bled', 'bled'], ['motoring', 'motor'], ['sing', 'sing'], ['conflated', 'conflat'],
    ['troubled', 'troubl'], ['sized', 'size'], ['hopping', 'hop'], ['tanned', 'tan'], ['falling', 'fall'], ['hissing', 'hiss'],
    ['fizzed', 'fizz'], ['failing', 'fail'], ['filing', 'file'], ['happy', 'happi'], ['sky', 'sky'], ['relational', 'relat'],
    ['conditional', 'condit'], ['rational', 'ration'], ['valenci', 'valenc'], ['hesitanci', 'hesit'], ['digitizer', 'digit'],
    ['conformabli', 'conform'], ['radicalli', 'radic'], ['differentli', 'differ'], ['vileli', 'vile'], ['analogousli', 'analog'],
    ['vietnamization', 'vietnam'], ['predication', 'predic'], ['operator', 'oper'], ['feudalism', 'feudal'], ['decisiveness', 'decis'],
    ['hopefulness', 'hope'], ['callousness', 'callous'], ['formaliti', 'formal'], ['sensitiviti', 'sensit'], ['sensibiliti', 'sensibl'],
    ['triplicate', 'triplic'], ['formative', 'form'], ['formalize', 'formal'], ['electriciti', 'electr'], ['electrical', 'electr'],
    ['hopeful', 'hope'], ['goodness', 'good'], ['revival', 'reviv'], ['allowance', 'allow'], ['inference', 'infer'], ['airliner', 'airlin'],
    ['gyroscopic', 'gyroscop'], ['adjustable', 'adjust'], ['defensible', 'defens'], ['irritant', 'irrit'], ['replacement', 'replac'],
    ['adjustment', 'adjust'], ['dependent', 'depend'], ['adoption', 'adopt'], ['homologou', 'homolog'], ['communism', 'commun'],
    ['activate', 'activ'], ['angulariti', 'angular'], ['homologous', 'homolog'], ['effective', 'effect'], ['bowdlerize', 'bowdler'],
    ['probate', 'probat'], ['rate', 'rate'], ['cease', 'ceas'], ['controll', 'control'], ['roll', 'roll'], ['generalizations', 'gener'],
    ['oscillators', 'oscil'], ['meetings', 'meet'], ['is', 'is'], ['Ünïcode', 'Ünïcode'],
  ];
  test.each(table)('%s → %s', (word, stem) => expect(porterStem(word)).toBe(stem));

});

describe('the plain-text fast path gives what the Unicode path gives', () => {
  test('keys and tokens of typographic text equal those of its NFKC form', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'abcXYZ019 .,;:!?\'"-()’‘“”–—'.split(''), 'Kim', 'Korea’s', 'don’t', ' — '), { maxLength: 40 }).map((parts) => parts.join('')),
        (text) => {
          const slow = text.normalize('NFKC').replace(/[\u2018\u2019\u02bc\u2032\u0060\u00b4]/g, "'").toLowerCase();
          expect(normalise(text)).toBe(slow);
          expect(comparisonKey(text)).toBe(slow.replace(/[^\p{L}\p{N}]+/gu, ''));
          expect(tokenise(normalise(text))).toEqual((slow.match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []).map((t) => (t.endsWith("'s") ? t.slice(0, -2) : t)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('terms read from plain text without token strings are those of tokenise() and contentStem()', () => {
    const settings = settingsWith({});
    const caches = createCaches(); // shared by every run: later runs find their tokens by number
    fc.assert(
      fc.property(
        fc
          .array(
            fc.constantFrom(...'abcsXYZ019 .,\'"-’‘“”—'.split(''), "Korea's", 'don’t', "o'brien's", 'internationally', 'abcdefghij', 'abcdefghijk', '1999s', 'the', 'Meetings'),
            { maxLength: 40 },
          )
          .map((parts) => parts.join('')),
        (text) => {
          const stems = termsOf(text, settings, caches).map((term) => caches.stems.at(term));
          const expected = tokenise(normalise(text)).flatMap((token) => contentStem(token, settings.stopwords, settings.language.stem) ?? []);
          expect(stems).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('how well a sentence stands alone', () => {
  const factor = (text: string) => standaloneFactor(text, ENGLISH.danglingOpening, ENGLISH.attribution);
  // [sentence, stands alone]: each rule has a row it marks down and a row it must leave alone.
  const cases: [string, boolean][] = [
    ['The ferry terminal closed on Monday after inspectors found cracks.', true],
    // a lower-case start is a piece of a sentence; a name such as "iPhone" is not
    ['was arrested for speeding on Sunday, the county sheriff said.', false],
    ['“the lights went out at once,” the witness told reporters.', false],
    ['iPhone sales rose five percent in the quarter, the company said.', true],
    ['élan was what the judges praised most, the report said.', false],
    // brackets that do not pair up: a sentence cut inside one
    ['The retailer Acme Holdings (ACME.', false],
    ['The retailer (founded in 1990) grew fast, its owner said.', true],
    ['(CNN) The retailer grew fast, its owner said.', true],
    ['1) The retailer grew fast, its owner said.', true],
    // a quotation with no one saying it
    ['“We will not back down.”', false],
    ['"I want to thank everyone who came out tonight."', false],
    ['“We will not back down,” the mayor said on Tuesday.', true],
    ['“We will not back down,” according to the union’s statement.', true],
    ['The mayor called the plan "a disgrace to the city" on Monday night.', true],
  ];
  test.each(cases)('%s stands alone: %s', (text, alone) => expect(factor(text) === 1).toBe(alone));

  /** The one-loop version the fast path must agree with: every character read, always. */
  function reference(text: string): number {
    let result = ENGLISH.danglingOpening!.test(text) ? 0.6 : 1;
    let [balance, straight, brackets, quotes, outsideWords, firstAt] = [0, 0, 0, 0, 0, -1];
    let [quoted, previousSpace] = [false, true];
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '"') [straight, quotes, quoted] = [straight + 1, quotes + 1, !quoted];
      else if (c === '“' || c === '«') [balance, quotes, quoted] = [balance + 1, quotes + 1, true];
      else if (c === '”' || c === '»') [balance, quoted] = [balance - 1, false];
      else if (c === '(' || c === '[') brackets++;
      else if ((c === ')' || c === ']') && (brackets > 0 || outsideWords + quotes > 1)) brackets--;
      const space = /^[ \t\n\v\f\r\u00a0]$/.test(c);
      if (!space && previousSpace && !quoted && !'"”»'.includes(c)) outsideWords++;
      previousSpace = space;
      if (firstAt < 0 && !space && !`"'([“‘«`.includes(c)) firstAt = i;
    }
    const lower = (c: string | undefined) => c !== undefined && /\p{Ll}/u.test(c);
    const upper = (c: string | undefined) => c !== undefined && /\p{Lu}/u.test(c);
    if (firstAt >= 0 && lower(text[firstAt]) && !upper(text[firstAt + 1])) result *= 0.1;
    if (balance !== 0 || straight % 2 === 1) result *= 0.6;
    if (brackets !== 0) result *= 0.3;
    if (quotes > 0 && outsideWords < 4 && !ENGLISH.attribution!.test(text)) result *= 0.7;
    return result;
  }

  test('agrees with reading every character, on text with and without quotation marks and brackets', () => {
    const pieces = ['the', 'The', 'said', 'But', 'he', 'iPhone', 'élan', ' ', ' ', '\u00a0', '\n', '"', '“', '”', '«', '»', '(', ')', '[', ']', "'", '‘', '1', '.', ','];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        expect(factor(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  test('a lower-case start all but rules a sentence out; an unattributed quotation only marks it down', () => {
    expect(factor('was arrested for speeding on Sunday, the county sheriff said.')).toBeLessThanOrEqual(0.1);
    expect(factor('“We will not back down.”')).toBeGreaterThan(0.5);
  });
});

describe('contracted stopwords are not content', () => {
  test('"I\'m", "don\'t", "isn\'t", "can\'t" and "they\'re" give no term; other words with apostrophes stay', () => {
    const { analysis } = analysisOf([{ id: 'd', text: "I'm sure they're right, but we don't know, it isn't clear and we can't say what O'Brien thinks." }]);
    const terms = Array.from(analysis.terms.slice(analysis.termStart[0]!, analysis.termStart[1]!)).map((t) => stringAt(analysis.vocabulary, t));
    expect(terms).toEqual(['sure', 'right', 'know', 'clear', 'sai', "o'brien", 'think']);
  });
});

describe('analyse makes room for a key per sentence at once', () => {
  test("the keys table's arrays are the ones made at the start (none doubled)", () => {
    const text = Array.from({ length: 300 }, (_, k) => `Sentence number ${k} of the report was read aloud by clerk ${k}.`).join(' ');
    const { segments, analysis } = analysisOf([{ id: 'd', text }]);
    expect(segments.count).toBe(300);
    expect(analysis.keys.count).toBe(300);
    expect(analysis.keys.start.buffer.byteLength).toBe(4 * 300);
  });
});
