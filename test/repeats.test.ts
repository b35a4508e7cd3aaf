import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { runSync } from '../src/schedule.js';
import { repeatedLines } from '../src/segment/repeats.js';
import { hashSpan } from '../src/text.js';

/** The lines of `lines` joined by newlines, with each line's offsets. */
function document(lines: readonly string[]) {
  const text = lines.join('\n');
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  for (const line of lines) {
    start.push(at);
    end.push(at + line.length);
    at += line.length + 1;
  }
  return { text, start: Int32Array.from(start), end: Int32Array.from(end) };
}

function repeated(lines: readonly string[]): string[] {
  const { text, start, end } = document(lines);
  return [...runSync(repeatedLines(text, start, end))].sort();
}

/** The naive reference: count every line's text. */
function naive(lines: readonly string[]): string[] {
  const times = new Map<string, number>();
  for (const line of lines) times.set(line, (times.get(line) ?? 0) + 1);
  return [...times].filter(([, n]) => n > 1).map(([line]) => line).sort();
}

/** The table slot a line's fingerprint starts probing at, as repeatedLines computes it. */
function firstSlot(line: string, capacity: number): number {
  const print = hashSpan(line, 0, line.length) | 0;
  return (print ^ (print >>> 15)) & (capacity - 1);
}

describe('repeatedLines', () => {
  test.each([
    { name: 'no lines', lines: [], expected: [] },
    { name: 'one line', lines: ['Photo: a dog'], expected: [] },
    { name: 'a caption repeated as alt text', lines: ['A dog in a park.', 'The story.', 'A dog in a park.'], expected: ['A dog in a park.'] },
    { name: 'three times is one repeated text', lines: ['x', 'y', 'x', 'x'], expected: ['x'] },
    { name: 'same ends, other middle (one fingerprint head and tail)', lines: [`${'a'.repeat(40)}1${'b'.repeat(40)}`, `${'a'.repeat(40)}2${'b'.repeat(40)}`], expected: [] },
    { name: 'two repeated texts', lines: ['b', 'a', 'b', 'c', 'a'], expected: ['a', 'b'] },
  ])('$name', ({ lines, expected }) => {
    expect(repeated(lines)).toEqual(expected);
  });

  test('lines made to start probing at one slot are counted past the probe limit, repeats and all', () => {
    // 40 lines → a table of 128 slots. Fingerprints that all start at slot 0 fill a run of
    // slots; past 16 probes the rest are counted in the map. Breaking either path loses a repeat.
    const crowded: string[] = [];
    for (let n = 0; crowded.length < 30; n++) if (firstSlot(`line ${n}`, 128) === 0) crowded.push(`line ${n}`);
    const lines = [...crowded, ...crowded.slice(0, 3), crowded[25]!, crowded[29]!, 'other a', 'other b', 'other a', 'x', 'y'];
    expect(lines.length).toBe(40);
    expect(repeated(lines)).toEqual(naive(lines));
    expect(repeated(lines)).toContain(crowded[29]);
  });

  test('agrees with counting every line, for any lines', () => {
    const line = fc.oneof(fc.constantFrom('a', 'b', 'A dog.', '', ' '), fc.string({ maxLength: 6 }), fc.string({ unit: fc.constantFrom('x', 'y', 'x y'), minLength: 60, maxLength: 90 }));
    fc.assert(fc.property(fc.array(line, { maxLength: 80 }), (lines) => {
          expect(repeated(lines)).toEqual(naive(lines));
        }), { numRuns: 500 });
  });

  test('pauses by lines looked up, not only by repeats: 100,000 distinct short lines', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `r${i}`);
    const { text, start, end } = document(lines);
    let pauses = 0;
    const work = repeatedLines(text, start, end);
    let step = work.next();
    for (; !step.done; step = work.next()) pauses++;
    expect(step.value.size).toBe(0);
    // 100,000 lines fingerprinted (~20 units each) and looked up (4 each): at least 9 + 2 pauses.
    expect(pauses).toBeGreaterThanOrEqual(11);
  });
});
