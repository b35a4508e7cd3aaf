/**
 * Inputs that cost far more than their size, built as a hostile user would (the scale issue's
 * list, and more of the same kinds), for `npm run bench`: time per megabyte, the longest
 * event-loop block, and how soon an abort rejects. Everything is generated from a fixed seed.
 */
import { prng } from './generate.js';

export interface HostileInput {
  name: string;
  /** What it attacks. */
  attack: string;
  documents: () => { id: string; text: string }[];
  options?: Record<string, unknown>;
}

/** `count` words from a vocabulary of `size` made-up words, seeded. */
function words(random: () => number, size: number, count: number): string {
  const out: string[] = [];
  for (let k = 0; k < count; k++) out.push(`w${Math.floor(random() * size).toString(36)}x`);
  return out.join(' ');
}

/** Sentences of about `length` characters from one vocabulary, ending in a full stop. */
function longSentences(seed: number, count: number, length: number, vocabulary: number): string {
  const random = prng(seed);
  const sentences: string[] = [];
  for (let s = 0; s < count; s++) sentences.push(`${words(random, vocabulary, Math.round(length / 6))}.`);
  return sentences.join(' ');
}

export const HOSTILE_INPUTS: HostileInput[] = [
  {
    name: 'long sentences, one vocabulary (0.5 MB)',
    attack: 'every pair passes the length and shared-word filters: edit distances on 1,900-character keys',
    documents: () => [{ id: 'a', text: longSentences(1, 260, 1900, 400) }],
  },
  {
    name: 'long sentences, one vocabulary (1 MB)',
    attack: 'the same at twice the size',
    documents: () => [{ id: 'a', text: longSentences(2, 520, 1900, 400) }],
  },
  {
    name: 'long sentences across 100 documents (1 MB)',
    attack: 'the same spread over documents, so support and reprint caches cannot help',
    documents: () => Array.from({ length: 100 }, (_, d) => ({ id: `d${d}`, text: longSentences(100 + d, 5, 1900, 400) })),
  },
  {
    name: '3,000 distinct sentences, a million-word budget',
    attack: 'selection checks every candidate against every sentence chosen so far',
    documents: () => {
      const random = prng(3);
      return [{ id: 'a', text: Array.from({ length: 3000 }, () => `${words(random, 2000, 16)}.`).join(' ') }];
    },
    options: { words: 1_000_000 },
  },
  {
    name: 'one 13 MB line',
    attack: 'a single line is split in one go: no pause between its chunks',
    documents: () => [{ id: 'a', text: Array.from({ length: 200_000 }, (_, i) => `Item ${i} of the list was counted by clerk number ${i % 97} today.`).join(' ') }],
  },
  {
    name: '50 MB of template sentences',
    attack: 'a million sentences differing only in a number: one fact with a million sources',
    documents: () => [{ id: 'a', text: Array.from({ length: 800_000 }, (_, i) => `The reading at station ${i} was recorded as ${(i * 7919) % 100_000} units.`).join('\n') }],
  },
  {
    name: '2,000-character runs without a boundary (2 MB)',
    attack: 'over-long runs cut into pieces, each piece a distinct key',
    documents: () => {
      const random = prng(5);
      return [{ id: 'a', text: Array.from({ length: 1000 }, () => words(random, 300, 330)).join('\n') }];
    },
  },
  {
    name: 'words sbd reads as web addresses (1.5 MB)',
    attack: 'sbd tries its URL pattern on every word with a dot inside, backtracking up to 256 characters at each position: 30 times the cost of prose per character',
    documents: () => {
      const word = `${'x1.'.repeat(600)}x1`;
      const line = (words: number) => Array.from({ length: words }, () => word).join(' ');
      // One line of 0.3 MB, and lines of 7,200 characters in documents of their own.
      return [{ id: 'line', text: `${line(170)}.` }, ...Array.from({ length: 80 }, (_, d) => ({ id: `d${String(d).padStart(2, '0')}`, text: `${d} ${line(4)}\n${d + 1} ${line(4)}` }))];
    },
  },
  {
    name: '20,000 tiny documents',
    attack: 'per-document overhead',
    documents: () => {
      const random = prng(6);
      return Array.from({ length: 20_000 }, (_, d) => ({ id: `d${String(d).padStart(5, '0')}`, text: `${words(random, 5000, 12)}.` }));
    },
  },
  {
    name: '1,000 reprints of 150 numbers, a quarter off by one',
    attack: 'one fact in a thousand documents disagreeing at 150 places: the conflicts stage reads every member at every place',
    documents: () =>
      Array.from({ length: 1000 }, (_, d) => ({
        id: `d${String(d).padStart(4, '0')}`,
        text: `The totals were ${Array.from({ length: 150 }, (_, i) => `${i * 3 + ((d + i) % 4 === 0 ? 1 : 0)} units`).join(', ')}. Rescue teams searched the river banks near the town.`,
      })),
  },
  {
    name: '5,000 copies of one sentence, names, numbers and dates varied',
    attack: 'a name, a number and a date that differ across thousands of copies of one fact',
    documents: () => {
      const names = ['Smith', 'Jones', 'Brown', 'Lee', 'Khan', 'Garcia', 'Müller', 'Rossi'];
      return Array.from({ length: 5000 }, (_, d) => ({
        id: `d${String(d).padStart(4, '0')}`,
        text: `Mayor ${names[d % 8]} said ${(d % 9) + 2} people died when ${names[(d >> 3) % 8]} Bridge collapsed on ${1 + (d % 28)} March, according to ${names[(d >> 6) % 8]} and ${names[(d >> 9) % 8]}. Rescue teams searched the river banks near the town.`,
      }));
    },
  },
  {
    name: 'an 8 MB HTML page',
    attack: 'markup masked in one pass, thousands of paragraphs',
    documents: () => {
      const random = prng(7);
      const paragraphs = Array.from({ length: 40_000 }, () => `<p class="x"><span>${words(random, 3000, 24)}.</span></p>`);
      return [{ id: 'a', text: `<html><head><script>${'var a = 1;'.repeat(1000)}</script></head><body>${paragraphs.join('\n')}</body></html>` }];
    },
  },
];
