import fc from 'fast-check';
import { expect, test } from 'vitest';
import { DistinctIds } from '../src/distinct-ids.js';

test('distinct ids are dense, in order of first appearance, the same for the same key (against one Map)', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 200 }), (keys) => {
      const ids = new DistinctIds();
      const reference = new Map<string, number>();
      for (const key of keys) {
        if (!reference.has(key)) reference.set(key, reference.size);
        expect(ids.idOf(key)).toBe(reference.get(key));
      }
      expect(ids.size).toBe(reference.size);
    }),
    { numRuns: 500 },
  );
});

test('keys that differ only in the middle spread over the shards', () => {
  const ids = new DistinctIds();
  for (let n = 0; n < 10_000; n++) ids.idOf(`the same long opening words of a template sentence ${n} and the same long closing words`);
  const sizes = (ids as unknown as { shards: Map<string, number>[] }).shards.map((shard) => shard.size);
  expect(Math.max(...sizes)).toBeLessThan(100); // 39 a shard on average
});
