import { describe, expect, test } from 'vitest';
import { measureLongestBlock } from '../bench/event-loop.js';

/** Busy-waits `ms` milliseconds (a block of known length). */
function block(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

// Lower bounds are exact (a busy wait cannot be shorter); upper bounds leave room for a
// loaded machine descheduling the process between turns.
describe('measureLongestBlock (bench/event-loop.ts)', () => {
  test('slices that yield with setImmediate read as the longest slice, not their sum', async () => {
    const measured = await measureLongestBlock(async () => {
      for (const ms of [10, 40, 10]) {
        block(ms);
        await turn();
      }
      return 'done';
    });
    expect(measured.result).toBe('done');
    expect(measured.longestBlockMs).toBeGreaterThanOrEqual(40);
    expect(measured.longestBlockMs).toBeLessThan(60 + 40);
    expect(measured.turns).toBeGreaterThanOrEqual(3);
    expect(measured.totalMs).toBeGreaterThanOrEqual(60);
  });

  test('the synchronous start of the call is measured', async () => {
    const measured = await measureLongestBlock(async () => {
      block(50);
      await turn();
      block(2);
    });
    expect(measured.longestBlockMs).toBeGreaterThanOrEqual(50);
  });

  test('a call that never yields is one block; awaiting resolved promises does not yield', async () => {
    const measured = await measureLongestBlock(async () => {
      for (let k = 0; k < 3; k++) {
        block(15);
        await Promise.resolve();
      }
    });
    expect(measured.longestBlockMs).toBeGreaterThanOrEqual(45);
  });

  test('a rejection passes through', async () => {
    await expect(measureLongestBlock(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
