import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { base64, cspHash, sha256 } from '../src/render/sha256.js';

/** The report's CSP names its inline script and style by a SHA-256 the core computes itself: it must be node:crypto's, bit for bit. */
const node = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

describe('SHA-256 and base64 without Node built-ins', () => {
  test('the standard vectors and every padding length around a block', () => {
    expect(cspHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(cspHash('abc')).toBe(`'sha256-${node(new TextEncoder().encode('abc'))}'`);
    for (let length = 0; length < 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 255);
      expect(base64(sha256(bytes)), `length ${length}`).toBe(node(bytes));
    }
  });

  test('random strings, UTF-8 encoded (astral characters and lone surrogates too)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 50 }), (a, b) => {
        const bytes = new TextEncoder().encode(a + b);
        expect(base64(sha256(bytes))).toBe(node(bytes));
      }),
      { numRuns: 300 },
    );
  });

  test('base64 of 0, 1 and 2 trailing bytes', () => {
    for (const text of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar']) expect(base64(new TextEncoder().encode(text))).toBe(Buffer.from(text).toString('base64'));
  });
});
