import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exp, ln, pow } from '../src/math.js';

// Same bits everywhere is the point (only +, −, ×, ÷); close to Math's values is the check.
describe('deterministic ln, exp, pow', () => {
  const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(b)));
  test('edge values', () => {
    expect([ln(1), ln(0), ln(-1), ln(Infinity), exp(0), exp(1000), exp(-1000), pow(0, 2), pow(5, 0), pow(7, 1)]).toEqual([0, -Infinity, NaN, Infinity, 1, Infinity, 0, 0, 1, 7]);
  });
  test('agree with Math to a few ulps', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (x, y) => {
        close(ln(x), Math.log(x));
        if (Math.abs(y * Math.log(x)) < 700) expect(Math.abs(pow(x, y) - Math.pow(x, y))).toBeLessThanOrEqual(1e-12 * Math.pow(x, y));
      }),
      { numRuns: 2000 },
    );
    for (let x = -20; x <= 20; x += 0.37) expect(Math.abs(exp(x) - Math.exp(x))).toBeLessThanOrEqual(1e-14 * Math.exp(x));
  });
});
