import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Interner } from '../src/interner.js';
import { IntChunks, RealChunks } from '../src/int-list.js';
import { runSync } from '../src/schedule.js';
import { sortByUniqueKey, sortInPieces } from '../src/text.js';

/** Runs a generator to its end; returns its value and how many times it paused. */
function drive<T>(work: Generator<unknown, T, unknown>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = work.next();
    if (step.done) return { value: step.value, pauses };
    pauses++;
  }
}

test('IntChunks holds what was pushed, across chunk boundaries, and assembles it a chunk per pause', () => {
  const list = new IntChunks();
  const count = (1 << 21) + 12_345; // two full chunks and part of a third
  for (let i = 0; i < count; i++) list.push((i * 2654435761) | 0);
  expect(list.length).toBe(count);
  const { value, pauses } = drive(list.toArray());
  expect(value.length).toBe(count);
  expect(pauses).toBe(2);
  for (const i of [0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, (1 << 21) - 1, 1 << 21, count - 1]) expect(value[i]).toBe((i * 2654435761) | 0);
  expect(runSync(new IntChunks().toArray())).toEqual(new Int32Array(0));
});

test('Interner: dense class ids in order of first appearance, whatever the hashes (against one Map)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 2000 }), fc.integer({ min: 0, max: 3 }), (items, spread) => {
      // Hashes from barely varied (every item in one table, long probe runs) to well spread.
      const hash = (item: number) => (spread === 0 ? 7 : spread === 1 ? item & 3 : spread === 2 ? (item << 24) >>> 0 : Math.imul(item, 0x9e3779b1) >>> 0);
      const interner = new Interner((a, b) => items[a] === items[b], 4);
      const reference = new Map<number, number>();
      const got = items.map((item, at) => interner.classOf(at, hash(item)));
      const expected = items.map((item) => {
        if (!reference.has(item)) reference.set(item, reference.size);
        return reference.get(item);
      });
      expect(got).toEqual(expected);
      expect(interner.classes).toBe(reference.size);
    }),
    { numRuns: 200 },
  );
});

test('Interner: a million distinct items grow each table on its own', () => {
  const interner = new Interner((a, b) => a === b);
  let wrong = 0;
  for (let item = 0; item < 1_000_000; item++) if (interner.classOf(item, Math.imul(item, 0x9e3779b1) >>> 0) !== item) wrong++;
  expect(wrong).toBe(0);
  const tables = (interner as unknown as { slots: Int32Array[] }).slots;
  expect(tables.length).toBe(256);
  expect(Math.max(...tables.map((table) => table.length))).toBeLessThanOrEqual(16_384); // 3,906 items a table on average
});

test('sortInPieces sorts as the built-in sort does, pausing on long inputs', () => {
  const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'b', 'é', '\ud83d', '\ude00', '\uffff', '0'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 5 });
  fc.assert(
    fc.property(fc.uniqueArray(text, { maxLength: 300 }), (values) => {
      expect(runSync(sortInPieces(values))).toEqual([...values].sort());
    }),
    { numRuns: 300 },
  );
  for (const n of [0, 1, 4095, 4096, 4097, 8192, 20_001]) {
    const values = Array.from({ length: n }, (_, i) => `id-${Math.imul(i + 1, 0x9e3779b1) >>> 0}`);
    const { value, pauses } = drive(sortInPieces(values));
    expect(value).toEqual([...values].sort());
    expect(pauses).toBeGreaterThanOrEqual(Math.ceil(n / 4096)); // one a run at least
  }
});

test('sortInPieces with a comparison is stable; sortByUniqueKey orders items by their keys', () => {
  const items = Array.from({ length: 10_000 }, (_, i) => ({ key: `k${Math.imul(i + 1, 0x9e3779b1) >>> 0}`, rank: i % 7, i }));
  const byRank = runSync(sortInPieces(items, (a, b) => a.rank - b.rank));
  expect(byRank).toEqual([...items].sort((a, b) => a.rank - b.rank)); // the built-in sort is stable
  expect(runSync(sortByUniqueKey(items, (item) => item.key))).toEqual([...items].sort((a, b) => (a.key < b.key ? -1 : 1)));
});

test('RealChunks keeps doubles exactly, from a small first chunk to several full ones', () => {
  const list = new RealChunks();
  const count = (1 << 20) + 5000;
  for (let i = 0; i < count; i++) list.push(i / 7);
  const all = runSync(list.toArray());
  expect(all).toBeInstanceOf(Float64Array);
  expect(all.length).toBe(count);
  for (const i of [0, 1023, 1024, 2047, (1 << 20) - 1, 1 << 20, count - 1]) expect(all[i]).toBe(i / 7);
});
