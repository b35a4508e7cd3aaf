import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Interner } from '../src/interner.js';
import { DistinctStrings, lengthAt, StringList, stringAt } from '../src/string-table.js';

/** Strings as keys and stems come: empty, short, one-byte, wide (Cyrillic, CJK, a lone surrogate), long. */
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', '1', '0', 'é', 'ÿ', 'я', '中', '\ud83d', '\ude00'), maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('x', 'y', 'ж'), minLength: 200, maxLength: 3000 }),
);

test('DistinctStrings: dense ids in order of first appearance, each string read back, before and after its table is taken (against one Map)', () => {
  fc.assert(
    fc.property(fc.array(text, { maxLength: 300 }), fc.nat(300), (strings, cut) => {
      const ids = new DistinctStrings();
      const reference = new Map<string, number>();
      let early: { table: ReturnType<DistinctStrings['table']>; strings: string[] } | undefined;
      strings.forEach((string, k) => {
        if (k === cut) early = { table: ids.table(), strings: [...reference.keys()] };
        if (!reference.has(string)) reference.set(string, reference.size);
        expect(ids.idOf(string)).toBe(reference.get(string));
      });
      expect(ids.size).toBe(reference.size);
      const all = [...reference.keys()];
      all.forEach((string, id) => expect(ids.at(id)).toBe(string));
      const table = ids.table();
      expect(table.count).toBe(all.length);
      all.forEach((string, id) => {
        expect(stringAt(table, id)).toBe(string);
        expect(lengthAt(table, id)).toBe(string.length);
      });
      // A table taken earlier still reads exactly the strings there were then.
      if (early !== undefined) {
        expect(early.table.count).toBe(early.strings.length);
        early.strings.forEach((string, id) => expect(stringAt(early!.table, id)).toBe(string));
      }
    }),
    { numRuns: 300 },
  );
});

test('DistinctStrings: merging tables by the hashes they carry gives the ids that reading every string gives', () => {
  fc.assert(
    fc.property(fc.array(fc.array(text, { maxLength: 60 }), { maxLength: 4 }), (parts) => {
      const tables = parts.map((strings) => {
        const part = new DistinctStrings();
        for (const string of strings) part.idOf(string);
        return part.table();
      });
      const byHash = new DistinctStrings();
      const byText = new DistinctStrings();
      for (const table of tables)
        for (let id = 0; id < table.count; id++) {
          const string = stringAt(table, id);
          expect(byHash.idOfHashed(string, table.hash![id]! >>> 0)).toBe(byText.idOf(string));
        }
      expect(stringsOfTable(byHash.table())).toEqual(stringsOfTable(byText.table()));
    }),
    { numRuns: 200 },
  );
});

const stringsOfTable = (table: ReturnType<DistinctStrings['table']>) => Array.from({ length: table.count }, (_, id) => stringAt(table, id));

test('StringList: a million strings in a few blocks, ASCII, Latin-1 and wide apart, across block boundaries', () => {
  const list = new StringList();
  // ASCII (some from a page with curly quotes: two bytes a character as V8 holds them), Latin-1, wide, over-long.
  const made = (i: number) =>
    i % 1000 === 999 ? `стан${i}ция` : i % 1000 === 500 ? `café${i}zoë` : i % 50_000 === 7 ? 'z'.repeat(300_000 + i) : i % 3 === 0 ? `thereading’s${i}`.replace('’', '') : `thereadingatstation${i}was${(i * 7919) % 100_000}`;
  const count = 1_000_000;
  let misnumbered = 0;
  for (let i = 0; i < count; i++) if (list.push(made(i)) !== i) misnumbered++;
  expect(misnumbered).toBe(0);
  for (const i of [0, 7, 998, 999, 1000, 50_007, 123_456, count - 1]) {
    expect(list.at(i)).toBe(made(i));
    expect(list.holds(i, made(i))).toBe(true);
    expect(list.holds(i, `${made(i)}x`)).toBe(false);
  }
  const table = list.table();
  let wrong = 0;
  for (let i = 0; i < count; i++) if (stringAt(table, i) !== made(i)) wrong++;
  expect(wrong).toBe(0);
  // About 40 MB of text: tens of blocks of 2^18 characters (and the over-long strings), not a string each.
  expect(table.blocks.length).toBeLessThan(300);
  // Strings of each kind have blocks of their own (a wide one among ASCII would make its block two bytes a character).
  const kindOf = (i: number) => (i % 1000 === 999 ? 'wide' : i % 1000 === 500 ? 'latin1' : 'ascii');
  const kindOfBlock = new Map<number, string>();
  let mixed = 0;
  for (let i = 0; i < count; i++) {
    const block = table.block[i]!;
    if ((kindOfBlock.get(block) ?? kindOf(i)) !== kindOf(i)) mixed++;
    kindOfBlock.set(block, kindOf(i));
  }
  expect(mixed).toBe(0);
  expect(new Set(kindOfBlock.values())).toEqual(new Set(['ascii', 'latin1', 'wide']));
});

test('keys that differ only in the middle spread over the interner\'s tables', () => {
  const ids = new DistinctStrings();
  let misnumbered = 0;
  for (let n = 0; n < 100_000; n++) if (ids.idOf(`the same long opening words of a template sentence ${n} and the same long closing words`) !== n) misnumbered++;
  expect(misnumbered).toBe(0);
  const tables = (ids as unknown as { index: { slots: Int32Array[] } }).index.slots;
  expect(Math.max(...tables.map((table) => table.length))).toBeLessThanOrEqual(2048); // 391 a table on average
});

test('room made at the start is used: the arrays are never doubled below it', () => {
  // Four arrays doubled together at a million strings held the event loop; a caller that knows
  // a bound makes room once. The table's views are of the first arrays, at their first size.
  const list = new StringList(1000);
  for (let k = 0; k < 1000; k++) list.push(`s${k}`);
  expect(list.table().start.buffer.byteLength).toBe(4000);
  const distinct = new DistinctStrings(1000);
  for (let k = 0; k < 1500; k++) distinct.idOf(`s${k % 1000}`);
  const table = distinct.table();
  expect(table.count).toBe(1000);
  expect(table.end.buffer.byteLength).toBe(4000);
  expect(table.hash?.buffer.byteLength).toBe(4000);
  for (let k = 0; k < 1000; k++) expect(stringAt(table, k)).toBe(`s${k}`);
});

test('an Interner given room for its classes never doubles the list of them below it', () => {
  const values = Array.from({ length: 700 }, (_, k) => k % 500);
  const interner = new Interner((a, b) => values[a] === values[b], 100, 500);
  const classes = values.map((value, item) => interner.classOf(item, Math.imul(value + 1, 0x9e3779b1) >>> 0));
  expect(interner.classes).toBe(500);
  expect(classes.slice(500)).toEqual(classes.slice(0, 200)); // equal items, one class
  expect(interner.representative.data.length).toBe(500);
});
