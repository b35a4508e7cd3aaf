import { describe, expect, test } from 'vitest';
import { summarizeSync } from '../src/index.js';
import { progressBar, type Step } from '../src/node/progress.js';
import { loadExamples } from './helpers.js';

/**
 * The CLI's progress bar, drawn into a fake terminal with a fake clock: it shows while files
 * load, moves only forward through the stages (rank reports in phases: 99% then 13% of its
 * own work), never writes a line wider than the terminal, and leaves nothing behind.
 */
function terminal(columns: number) {
  let time = 0;
  const writes: string[] = [];
  const stream = {
    columns,
    write(text: string) {
      writes.push(text);
      return true;
    },
  };
  return { stream: stream as unknown as NodeJS.WritableStream & { columns: number }, writes, tick: (ms: number) => (time += ms), now: () => time };
}

/** The updates of a real run: files loading, then every stage the library reports (in phases). */
function updates(): [Step, number, number][] {
  const out: [Step, number, number][] = [];
  for (let done = 0; done <= 40; done++) out.push(['load', done, 40]);
  summarizeSync(loadExamples(), { onProgress: ({ stage, done, total }) => out.push([stage, done, total]) });
  out.push(['rank', 99, 100], ['rank', 13, 100], ['rank', 100, 100]); // phases within a stage
  return out;
}

const percentOf = (write: string) => Number(/(\d+)%\s*$/.exec(write)?.[1]);

describe('progress bar', () => {
  test.each([200, 80, 40, 24, 12, 5])('a terminal %i columns wide: forward only, within the width, cleared', (columns) => {
    const { stream, writes, tick, now } = terminal(columns);
    const bar = progressBar(stream, { enabled: true, reading: true, now });
    for (const [step, done, total] of updates()) {
      tick(step === 'load' ? 10 : 100); // 40 files in 400 ms: the bar must show while they load
      bar.update(step, done, total);
    }
    const drawn = writes.filter((write) => /\d%/.test(write));
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.some((write) => write.includes('reading') || columns < 20)).toBe(true);
    const percents = drawn.map(percentOf);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents[percents.length - 1]).toBe(100);
    for (const write of writes) expect(write.replace(/^\r/, '').length).toBeLessThan(columns);
    bar.clear();
    const last = writes[writes.length - 1]!;
    expect(last).toMatch(/^\r +\r$/);
    expect(last.length - 2).toBeGreaterThanOrEqual(Math.max(...drawn.map((write) => write.length - 1)));
  });

  test('nothing before a quarter of a second, nothing when disabled or on a terminal too narrow, no clearing when nothing was drawn', () => {
    const narrow = terminal(3);
    const squeezed = progressBar(narrow.stream, { enabled: true, reading: true, now: narrow.now });
    narrow.tick(1_000);
    squeezed.update('select', 1, 1);
    squeezed.clear();
    expect(narrow.writes).toEqual([]);
    const fast = terminal(80);
    const bar = progressBar(fast.stream, { enabled: true, reading: true, now: fast.now });
    bar.update('load', 1, 2);
    fast.tick(200);
    bar.update('segment', 1, 2);
    bar.clear();
    expect(fast.writes).toEqual([]);
    const off = terminal(80);
    const quiet = progressBar(off.stream, { enabled: false, reading: true, now: off.now });
    off.tick(5_000);
    quiet.update('select', 1, 1);
    quiet.clear();
    expect(off.writes).toEqual([]);
  });
});
