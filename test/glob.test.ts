import { describe, expect, test } from 'vitest';
import { compilePattern, expandBraces, isPattern, matchesPath, MAX_ALTERNATIVES } from '../src/node/glob.js';

/** Whether `relative` (a path below the pattern's base) matches `pattern`, braces expanded. */
const matches = (pattern: string, relative: string) =>
  expandBraces(pattern).some((one) => {
    const compiled = compilePattern(one);
    const prefix = compiled.base === '' ? '' : `${compiled.base}/`;
    return relative.startsWith(prefix) && matchesPath(compiled, relative.slice(prefix.length).split('/'));
  });

describe('glob patterns', () => {
  const cases: [string, string, boolean][] = [
    ['*.txt', 'a.txt', true],
    ['*.txt', 'a.md', false],
    ['*.txt', 'dir/a.txt', false],
    ['*.txt', '.hidden.txt', false],
    ['.*.txt', '.hidden.txt', true],
    ['**/*.txt', 'a.txt', true],
    ['**/*.txt', 'x/y/z/a.txt', true],
    ['**/*.txt', '.git/a.txt', false],
    ['story/**', 'story/x/y.md', true],
    ['story/**/b.txt', 'story/b.txt', true],
    ['story/*/b.txt', 'story/b.txt', false],
    ['?.txt', 'ab.txt', false],
    ['?.txt', 'é.txt', true],
    ['?.txt', '😀.txt', true],
    ['[a-c].txt', 'b.txt', true],
    ['[a-c].txt', 'd.txt', false],
    ['[!a-c].txt', 'd.txt', true],
    ['[^a-c].txt', 'a.txt', false],
    ['[]].txt', '].txt', true],
    ['[.txt', '[.txt', true],
    ['{a,b}.txt', 'b.txt', true],
    ['{a,b{c,d}}.txt', 'bd.txt', true],
    ['{a}.txt', '{a}.txt', true],
    ['\\*.txt', '*.txt', true],
    ['\\*.txt', 'a.txt', false],
    ['a*b*c*d', 'aXbYcZd', true],
    ['a*b*c*d', 'aXbYcZ', false],
    ['../up/*.txt', '../up/a.txt', true],
  ];
  test.each(cases)('%s against %s: %s', (pattern, path, expected) => expect(matches(pattern, path)).toBe(expected));

  test('the fixed leading segments are where the walk starts', () => {
    expect(compilePattern('story/2024/*.txt').base).toBe('story/2024');
    expect(compilePattern('/tmp/*.txt').base).toBe('/tmp');
    expect(compilePattern('/*.txt').base).toBe('/');
    expect(compilePattern('**/*.txt').base).toBe('');
  });

  test('what counts as a pattern', () => {
    expect(['a*.txt', 'a?.txt', 'a[1].txt', '{a,b}'].map(isPattern)).toEqual([true, true, true, true]);
    expect(isPattern('story/a.txt')).toBe(false);
  });

  test(`braces expand to at most ${MAX_ALTERNATIVES} patterns`, () => {
    expect(expandBraces('{a,b}{c,d}')).toEqual(['ac', 'ad', 'bc', 'bd']);
    expect(() => expandBraces('{a,b}'.repeat(9))).toThrow(RangeError);
  });

  test('no pattern is super-linear: many stars against a long name that almost matches', () => {
    const started = performance.now();
    const name = `${'a'.repeat(250)}.txt`;
    expect(matches(`${'*a'.repeat(40)}*b.txt`, name)).toBe(false);
    expect(matches(`${'*a'.repeat(40)}*.txt`, name)).toBe(true);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
