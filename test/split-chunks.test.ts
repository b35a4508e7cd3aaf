import { afterEach, describe, expect, test, vi } from 'vitest';
import sbd from 'sbd';
import { createCaches } from '../src/caches.js';
import { segment } from '../src/segment/index.js';
import { LINE_CHUNK } from '../src/segment/split.js';
import { settingsWith } from './helpers.js';

/** Words sbd reads as web addresses: its URL pattern backtracks at every character (1–1.5 µs each). */
const addressLike = (length: number) => Array.from({ length: Math.ceil(length / 1800) }, () => `${'x1.'.repeat(600)}x1`).join(' ').slice(0, length);

/** Characters handed to sbd in each step of the segment stage (each step is one turn of the event loop at most). */
function sbdCharactersPerStep(texts: string[]): { perStep: number[]; perCall: number[] } {
  const perCall: number[] = [];
  const perStep: number[] = [0];
  const sentences = sbd.sentences;
  vi.spyOn(sbd, 'sentences').mockImplementation((text, options) => {
    perCall.push(text.length);
    perStep[perStep.length - 1]! += text.length;
    return sentences(text, options);
  });
  const work = segment(texts.map((text, d) => ({ id: `d${d}`, text })), settingsWith(), createCaches());
  while (!work.next().done) perStep.push(0);
  return { perStep, perCall };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('long lines reach sbd in chunks', () => {
  test('no call of sbd reads more than a chunk, and no step more than 16,000 characters', () => {
    // One line of five chunks, and lines just under a chunk one after another.
    const texts = [addressLike(5 * LINE_CHUNK), Array.from({ length: 12 }, (_, k) => `${k} ${addressLike(LINE_CHUNK - 100)}`).join('\n')];
    const { perStep, perCall } = sbdCharactersPerStep(texts);
    expect(perCall.reduce((a, b) => a + b, 0)).toBeGreaterThan(15 * LINE_CHUNK); // sbd did read them
    expect(Math.max(...perCall)).toBeLessThanOrEqual(LINE_CHUNK);
    // At 1.5 µs a character, 16,000 characters are 24 ms.
    expect(Math.max(...perStep)).toBeLessThanOrEqual(16_000);
  });

  test.each([
    ['an abbreviation', 'He met Mr. Smith'],
    ['an initial', 'He met J. Smith'],
    ['an initialism', 'He met U.S. Navy officers'],
  ])('a cut is not made after %s', (_, words) => {
    // Filler sentences, then the tested words with their full stop just inside the chunk's last tenth.
    const filler = 'The council met again today. ';
    const tail = `${words} at the hall on Monday morning before the vote.`;
    const stopAt = words.lastIndexOf('. ') + 1;
    const before = LINE_CHUNK - 40 - stopAt;
    const line = `${filler.repeat(Math.floor(before / filler.length))}${tail} ${filler.repeat(3).trim()}`;
    expect(line.length).toBeGreaterThan(LINE_CHUNK);
    expect(line.indexOf(tail) + stopAt).toBeGreaterThan(0.9 * LINE_CHUNK);
    const segments = (() => {
      const work = segment([{ id: 'a', text: line }], settingsWith(), createCaches());
      for (;;) {
        const step = work.next();
        if (step.done) return step.value;
      }
    })();
    const texts = Array.from({ length: segments.count }, (_, k) => line.slice(segments.start[k], segments.end[k]));
    expect(texts).toContain(tail);
  });
});
