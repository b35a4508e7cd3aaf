import fc from 'fast-check';
import { expect, test } from 'vitest';
import { ClusterSums } from '../src/group/sums.js';

/** Sparse vectors as maps term → weight; the CSR form ClusterSums reads, terms ascending. */
function vectorsOf(documents: Map<number, number>[]) {
  const start = [0];
  const term: number[] = [];
  const weight: number[] = [];
  for (const document of documents) {
    for (const t of [...document.keys()].sort((a, b) => a - b)) {
      term.push(t);
      weight.push(document.get(t)!);
    }
    start.push(term.length);
  }
  return { start: Int32Array.from(start), term: Int32Array.from(term), weight: Float64Array.from(weight) };
}

/** The naive reference: sums as maps, the dot product over shared terms in ascending order. */
function naiveDot(a: Map<number, number>, c: Map<number, number>): number {
  let sum = 0;
  for (const t of [...a.keys()].sort((x, y) => x - y)) if (c.has(t)) sum += a.get(t)! * c.get(t)!;
  return sum;
}

const TERMS = 400;
const documentArbitrary = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 0, max: TERMS - 1 }), fc.double({ min: 0.01, max: 10, noNaN: true })), { selector: ([t]) => t, minLength: 1, maxLength: 60 })
  .map((entries) => new Map(entries));

test('cluster sums: merged sums and their dot products equal the naive ones to the last bit, small and large sums alike', () => {
  fc.assert(
    fc.property(fc.array(documentArbitrary, { minLength: 3, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 60 }), (documents, merges) => {
      const sums = new ClusterSums(vectorsOf(documents), TERMS);
      const naive = documents.map((document) => new Map(document));
      const alive = documents.map((_, d) => d);
      // Merge clusters in an order drawn by fast-check, so that some grow far larger than others.
      for (const pick of merges) {
        if (alive.length < 3) break;
        const a = alive[pick % alive.length]!;
        const b = alive[(pick * 7 + 1) % alive.length]!;
        if (a === b) continue;
        sums.merge(a, b);
        for (const [t, w] of naive[b]!) naive[a]!.set(t, (naive[a]!.get(t) ?? 0) + w);
        alive.splice(alive.indexOf(b), 1);
      }
      for (const a of alive) {
        sums.load(a);
        for (const c of alive) if (c !== a) expect(sums.dot(c)).toBe(naiveDot(naive[a]!, naive[c]!));
        sums.unload(a);
      }
    }),
    { numRuns: 300 },
  );
});
