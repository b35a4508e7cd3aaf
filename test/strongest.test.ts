import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { StrongestEdges } from '../src/rank/strongest.js';
import { runSync } from '../src/schedule.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);

/** The naive reference: every edge offered to a node, sorted, the strongest `capacity` kept, listed by id. */
function reference(nodes: number, capacity: number, edges: readonly (readonly [number, number, number])[]) {
  const start = [0];
  const neighbour: number[] = [];
  const similarity: number[] = [];
  for (let n = 0; n < nodes; n++) {
    const kept = edges
      .filter(([node]) => node === n)
      .map(([, id, value]) => [id, value] as const)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, capacity)
      .sort((a, b) => a[0] - b[0]);
    for (const [id, value] of kept) {
      neighbour.push(id);
      similarity.push(value);
    }
    start.push(neighbour.length);
  }
  return { start, neighbour, similarity };
}

const plain = (graph: { start: Int32Array; neighbour: Int32Array; similarity: Float64Array }) => ({
  start: Array.from(graph.start),
  neighbour: Array.from(graph.neighbour),
  similarity: Array.from(graph.similarity),
});

// Edges as a graph makes them: each node offered each neighbour at most once, similarities
// from a few values so ties (broken by id) are common.
const edgesArbitrary = fc.integer({ min: 1, max: 40 }).chain((nodes) =>
  fc.tuple(
    fc.constant(nodes),
    fc.uniqueArray(fc.tuple(fc.nat({ max: nodes - 1 }), fc.nat({ max: nodes - 1 }), fc.constantFrom(0.1, 0.25, 0.5, 0.75, 1)), {
      selector: ([node, id]) => `${node}:${id}`,
      maxLength: 300,
    }),
    fc.integer({ min: 1, max: 8 }),
  ),
);

describe('strongest edges', () => {
  test('added at once or offered through block buffers, each node keeps the strongest by similarity, then id', () => {
    fc.assert(
      fc.property(edgesArbitrary, fc.boolean(), ([nodes, edges, capacity], half) => {
        const expected = reference(nodes, capacity, edges);
        const direct = new StrongestEdges(nodes, capacity);
        for (const [node, id, value] of edges) direct.add(node, id, value);
        expect(plain(runSync(direct.toGraph()))).toEqual(expected);
        // Blocks of two nodes, buffers of 16: most offers wait, many buffers fill and are added early.
        const buffered = new StrongestEdges(nodes, capacity, 1);
        for (const [k, [node, id, value]] of edges.entries()) {
          if (half && k % 2 === 0) buffered.add(node, id, value);
          else buffered.offer(node, id, value);
        }
        expect(plain(runSync(buffered.toGraph()))).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  test('a full buffer is added before it overflows into the next block', () => {
    const edges = new StrongestEdges(2, 100, 0); // blocks of one node, 16 offers each; room for every edge
    for (let id = 0; id < 100; id++) {
      edges.offer(0, id, (id % 10) / 10);
      edges.offer(1, id, id / 100);
    }
    const ids = Array.from({ length: 100 }, (_, id) => id);
    expect(plain(runSync(edges.toGraph()))).toEqual({
      start: [0, 100, 200],
      neighbour: [...ids, ...ids],
      similarity: [...ids.map((id) => (id % 10) / 10), ...ids.map((id) => id / 100)],
    });
  });
});
