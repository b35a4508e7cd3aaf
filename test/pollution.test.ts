import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fra } from 'stopword';
import { describe, expect, test } from 'vitest';
import { summarizeSync, toHTML, toMarkdown, toText, type SummarizeOptions } from '../src/index.js';
import { loadExamples } from './helpers.js';

/**
 * Prototype pollution, swept: every property name the library's source (and sbd's) reads —
 * `x.name` and `name:` — plus every single letter, set on Object.prototype all at once with
 * one value at a time, must change neither the summary nor any rendering. SECURITY.md promises
 * that only own properties count. The run under pollution is synchronous, so nothing but the
 * library and its dependencies runs while the prototype is polluted. (One fixture per attack
 * in test/fixtures/hostile/pollution-*.ts shows a named case of each.)
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const names = new Set<string>('abcdefghijklmnopqrstuvwxyz'.split(''));
const read = (file: string) => {
  for (const match of readFileSync(file, 'utf8').matchAll(/[.?]\s*([A-Za-z_$][\w$]*)|\b([A-Za-z_$][\w$]*)\s*:/g)) names.add(match[1] ?? match[2]!);
};
const walk = (directory: string) => {
  for (const name of readdirSync(directory)) {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.(?:ts|js)$/.test(name)) read(full);
  }
};
walk(path.join(root, 'src'));
walk(path.join(root, 'node_modules/sbd/lib'));
/**
 * The language's own protocols, not properties anyone reads as data: a polluted `then` makes
 * every object a thenable, a polluted `toJSON` rewrites every JSON.stringify, and a polluted
 * `return` is called by every `for…of` that breaks out of an array's iterator, in any program.
 */
const PROTOCOL = ['then', 'return', 'throw', 'constructor', 'toString', 'valueOf', 'toJSON', 'toLocaleString', '__proto__', 'prototype', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__'];
for (const name of PROTOCOL) names.delete(name);

const DOCUMENTS = [
  ...loadExamples(),
  { id: 'page.html', text: '<html><body><nav>Home</nav><p>The mayor said the vote was a victory for residents.</p><p>Taxes will rise next year.</p></body></html>' },
  { id: 'dated', text: 'The council met again on Tuesday to discuss the budget.', publishedAt: new Date(0) },
];
const FRENCH = [
  { id: 'fr-1', text: 'Le conseil municipal a approuvé le budget lundi. Le maire a salué un vote historique.\nPhoto: AFP' },
  { id: 'fr-2', text: 'Le conseil municipal a approuvé le budget lundi soir. Les opposants craignent une hausse des impôts.' },
];
const RUNS: [string, unknown[], SummarizeOptions][] = [
  ['defaults', DOCUMENTS, {}],
  ['sentences', DOCUMENTS, { sentences: 3 }],
  ['characters, score order', DOCUMENTS, { characters: 400, order: 'score' }],
  ['French', FRENCH, { language: 'fra', stopwords: fra }],
];
const VALUES: [string, unknown][] = [
  ['1', 1],
  ['0', 0],
  ['"x"', 'x'],
  ['true', true],
  ['false', false],
  ['/[\\s\\S]/', /[\s\S]/],
  ['["the"]', ['the']],
  ['a function', () => 1],
  ['{}', {}],
];

/** Everything the library outputs for one run. */
function output(documents: unknown[], options: SummarizeOptions): string {
  try {
    const summary = summarizeSync(documents as never, options);
    return [JSON.stringify(summary), toMarkdown(summary), toText(summary), toText(summary, {}), toHTML(summary, {})].join('\n\u0000\n');
  } catch (error) {
    return `threw ${String(error)}`;
  }
}

/** The output with `keys` set to `value` on `target` (Object.prototype), restored before returning. */
function polluted(keys: Iterable<string>, value: unknown, run: () => string, target: object = Object.prototype): string {
  const set: string[] = [];
  try {
    for (const key of keys) {
      // A descriptor without a prototype: `get` and `set` may be among the names already set.
      Object.defineProperty(target, key, { __proto__: null, value, configurable: true, writable: true, enumerable: false } as PropertyDescriptor);
      set.push(key);
    }
    return run();
  } finally {
    for (const key of set) delete (target as Record<string, unknown>)[key];
  }
}

/** The names that change the output on their own (for a readable failure). */
function culprits(value: unknown, run: () => string, clean: string): string[] {
  return [...names].filter((name) => polluted([name], value, run) !== clean);
}

describe('Object.prototype polluted with every name the library reads', () => {
  test(`the sweep covers ${names.size > 300 ? 'hundreds of' : 'too few'} names`, () => expect(names.size).toBeGreaterThan(300));
  test.each(RUNS)('%s: no value changes the summary or its renderings', (_name, documents, options) => {
    const run = () => output(documents, options);
    const clean = run();
    expect(clean).not.toMatch(/^threw/);
    for (const [label, value] of VALUES) {
      if (polluted(names, value, run) === clean) continue;
      expect(culprits(value, run, clean), `Object.prototype[name] = ${label}`).toEqual([]);
      expect.unreachable(`only several names together with ${label} change the output`);
    }
  });
});

describe('Array.prototype polluted at the indices of holes', () => {
  const ghost = { id: 'ghost', text: 'A ghost article from the prototype says the council resigned.' };
  const cases: [string, unknown, () => string, RegExp][] = [
    ['a hole in documents', ghost, () => output([, ...DOCUMENTS], {}), /^threw ChorusError: chorus-summary: documents\[0\] must be an object/],
    ['a hole in stopwords', 'council', () => output(DOCUMENTS, { stopwords: ['a', , 'b'] as string[] }), /^threw ChorusError: chorus-summary: option stopwords must be an array of strings/],
    ['a hole in stopwords, nothing polluted', undefined, () => output(DOCUMENTS, { stopwords: ['a', , 'b'] as string[] }), /^threw ChorusError: chorus-summary: option stopwords must be/],
  ];
  test.each(cases)('%s is refused, never filled from the prototype', (_name, value, run, error) => {
    expect(value === undefined ? run() : polluted(['0', '1'], value, run, Array.prototype)).toMatch(error);
  });
});
