import { expect, test } from 'vitest';
import { measureLongestBlock } from '../bench/event-loop.js';
import { summarize } from '../src/index.js';
import { expectExactProvenance } from './helpers.js';

// A hang guard, not a timing test: one fact reprinted 2,000 times, disagreeing in a quarter of
// the copies at each of 150 numbers. The conflicts stage held the event loop for about a second
// here while it read every member at every place; pausing by work inside a group it takes tens of
// milliseconds a turn. The bound leaves room for a loaded machine.
test('the conflicts stage of a fact reprinted thousands of times pauses inside the group', async () => {
  const documents = Array.from({ length: 2000 }, (_, d) => ({
    id: `d${String(d).padStart(4, '0')}`,
    text: `The totals were ${Array.from({ length: 150 }, (_, i) => `${i * 3 + ((d + i) % 4 === 0 ? 1 : 0)} units`).join(', ')}. Rescue teams searched the river banks near the town.`,
  }));
  await summarize(documents.slice(0, 50)); // warm the code up first: compiling is not the stage's work
  const measured = await measureLongestBlock(() => summarize(documents));
  expect(measured.result.conflicts.length).toBeGreaterThan(0);
  expectExactProvenance(measured.result, documents);
  expect(measured.longestBlockMs).toBeLessThan(300);
}, 60_000);
