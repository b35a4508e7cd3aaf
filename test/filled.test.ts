import { describe, expect, test } from 'vitest';
import { copied, filled } from '../src/filled.js';
import type { Work } from '../src/schedule.js';

/** Runs work to its end: its value and the pauses it made. */
function drive<T>(work: Work<T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = work.next();
    if (step.done) return { value: step.value, pauses };
    pauses++;
  }
}

const SLICE = 1 << 18;

describe('filled: a new array set in slices', () => {
  test.each([
    ['empty', 0, 0],
    ['one entry', 1, 0],
    ['exactly one slice', SLICE, 0],
    ['one entry past a slice', SLICE + 1, 1],
    ['three slices and a bit', 3 * SLICE + 5, 3],
  ])('%s: every entry set, a pause between slices', (_name, length, pauses) => {
    const { value, pauses: made } = drive(filled(new Int32Array(length), -1));
    expect(value.length).toBe(length);
    expect(value.every((entry) => entry === -1)).toBe(true);
    expect(made).toBe(pauses);
  });

  test('the array given is the array returned, of its own kind', () => {
    const array = new Float64Array(10);
    const { value } = drive(filled(array, 0.5));
    expect(value).toBe(array);
    expect([...value]).toEqual(new Array(10).fill(0.5));
  });
});

describe('copied: a range copied in slices', () => {
  test.each([
    ['the whole of a small array', 10, 0, 10],
    ['a range across slices', 3 * SLICE + 7, 5, 2 * SLICE + 11],
    ['an empty range', 100, 40, 40],
  ])('%s equals slice()', (_name, length, from, to) => {
    const source = Int32Array.from({ length }, (_, i) => Math.imul(i, 0x9e3779b1)); // no two entries alike: a shifted copy fails
    const { value, pauses } = drive(copied(source, from, to));
    expect(value).toBeInstanceOf(Int32Array);
    expect(value).toEqual(source.slice(from, to));
    expect(pauses).toBe(Math.max(0, Math.ceil((to - from) / SLICE) - 1));
  });
});
