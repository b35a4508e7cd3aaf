import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { standaloneFactor } from '../src/analyse.js';
import { ENGLISH } from '../src/language/eng.js';
import { buildVectors } from '../src/measures.js';
import type { Analysis, Groups } from '../src/model.js';
import { powerIteration, RANK_PARAMETERS, similarityGraph } from '../src/rank/graph.js';
import { rank } from '../src/rank/index.js';
import { ln } from '../src/math.js';
import { runSync } from '../src/schedule.js';
import { exampleOutlets, groupsOf, loadExamples } from './helpers.js';

/** Property runs: FC_RUNS=N for more; the timeout grows with them. */
const RUNS = Number(process.env.FC_RUNS ?? 300);
const PROPERTY_TIMEOUT = Math.max(30_000, RUNS * 25);

/**
 * The naive reference: dense tf-idf vectors built from scratch, a dense similarity matrix,
 * and the same personalised, node-weighted PageRank iterated over every cell.
 */
function denseRank(analysis: Analysis, groups: Groups, nodeWeight: Float64Array, teleport: Float64Array): Float64Array {
  const n = groups.count;
  const counts: Map<number, number>[] = [];
  const groupsWithTerm = new Map<number, number>();
  for (let g = 0; g < n; g++) {
    const r = groups.representative[g]!;
    const tf = new Map<number, number>();
    for (let p = analysis.termStart[r]!; p < analysis.termStart[r + 1]!; p++) tf.set(analysis.terms[p]!, (tf.get(analysis.terms[p]!) ?? 0) + 1);
    counts.push(tf);
    for (const term of tf.keys()) groupsWithTerm.set(term, (groupsWithTerm.get(term) ?? 0) + 1);
  }
  const vectors = counts.map((tf) => {
    const v = new Map<number, number>();
    for (const [term, c] of [...tf].sort((a, b) => a[0] - b[0])) v.set(term, c * ln((n + 1) / groupsWithTerm.get(term)!));
    return v;
  });
  const norm = vectors.map((v) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0)));
  const sim = (a: number, b: number) => {
    if (norm[a] === 0 || norm[b] === 0) return 0;
    let dot = 0;
    for (const [term, w] of vectors[a]!) dot += w * (vectors[b]!.get(term) ?? 0);
    return dot / (norm[a]! * norm[b]!);
  };
  const W = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i !== j && sim(i, j) >= RANK_PARAMETERS.similarityFloor ? sim(i, j) : 0)));
  const rowSum = W.map((row) => row.reduce((s, w, j) => s + w * nodeWeight[j]!, 0));
  const total = teleport.reduce((s, t) => s + t, 0);
  const personal = Array.from(teleport, (t) => t / total);
  let scores = [...personal];
  for (let iteration = 0; iteration < 1000; iteration++) {
    const dangling = scores.reduce((s, x, i) => (rowSum[i] === 0 ? s + x : s), 0);
    const next = personal.map((p, j) => {
      let inflow = 0;
      for (let i = 0; i < n; i++) if (rowSum[i]! > 0) inflow += (scores[i]! / rowSum[i]!) * W[i]![j]! * nodeWeight[j]!;
      return (1 - RANK_PARAMETERS.damping) * p + RANK_PARAMETERS.damping * (inflow + dangling * p);
    });
    const change = next.reduce((s, x, i) => s + Math.abs(x - scores[i]!), 0);
    scores = next;
    if (change < 1e-14) break;
  }
  return Float64Array.from(scores);
}

function sparseRank(analysis: Analysis, groups: Groups, nodeWeight: Float64Array, teleport: Float64Array): Float64Array {
  const vectors = runSync(buildVectors(analysis, groups));
  // The default caps (maxPostings, maxNeighbours) do not bind on inputs this small.
  const graph = runSync(similarityGraph(vectors, RANK_PARAMETERS));
  return runSync(powerIteration(graph, nodeWeight, teleport, { ...RANK_PARAMETERS, tolerance: 1e-14, maxIterations: 1000 })).scores;
}

describe('rank: sparse equals dense', () => {
  test('on the example articles', () => {
    const { analysis, groups } = groupsOf(loadExamples());
    const nodeWeight = Float64Array.from(groups.support);
    const teleport = Float64Array.from(groups.support, (s, g) => s / (1 + (g % 7)));
    const sparse = sparseRank(analysis, groups, nodeWeight, teleport);
    const dense = denseRank(analysis, groups, nodeWeight, teleport);
    for (let g = 0; g < groups.count; g++) expect(Math.abs(sparse[g]! - dense[g]!)).toBeLessThan(1e-9);
  });

  test('on generated small inputs', () => {
    fc.assert(
      fc.property(exampleOutlets(10, 4), (documents) => {
        const { analysis, groups } = groupsOf(documents);
        const nodeWeight = Float64Array.from(groups.support);
        const teleport = Float64Array.from(groups.support);
        const sparse = sparseRank(analysis, groups, nodeWeight, teleport);
        const dense = denseRank(analysis, groups, nodeWeight, teleport);
        for (let g = 0; g < groups.count; g++) expect(Math.abs(sparse[g]! - dense[g]!)).toBeLessThan(1e-9);
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT);
});

describe('rank: the caps of a large graph', () => {
  // Caps apply above exactUpTo groups; exactUpTo 0 puts these small inputs under them.
  const documents = loadExamples();
  const { analysis, groups } = groupsOf(documents);
  const vectors = runSync(buildVectors(analysis, groups));
  const dense = runSync(similarityGraph(vectors, RANK_PARAMETERS)); // 140 groups: built whole
  const edgesOf = (graph: ReturnType<typeof similarityGraph> extends Generator<unknown, infer G> ? G : never, g: number) =>
    Array.from({ length: graph.start[g + 1]! - graph.start[g]! }, (_, k) => [graph.neighbour[graph.start[g]! + k]!, graph.similarity[graph.start[g]! + k]!] as const);

  test('with caps that do not bind, the capped construction gives the whole graph', () => {
    const capped = runSync(similarityGraph(vectors, { ...RANK_PARAMETERS, exactUpTo: 0, maxCandidates: groups.count, maxNeighbours: groups.count }));
    expect(capped).toEqual(dense);
  });

  test('each group keeps its strongest edges (by similarity, then neighbour id), listed by id', () => {
    const k = 4;
    const capped = runSync(similarityGraph(vectors, { ...RANK_PARAMETERS, exactUpTo: 0, maxCandidates: groups.count, maxNeighbours: k }));
    for (let g = 0; g < groups.count; g++) {
      const strongest = edgesOf(dense, g)
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, k)
        .sort((a, b) => a[0] - b[0]);
      expect(edgesOf(capped, g), `group ${g}`).toEqual(strongest);
    }
  });

  test('every capped edge is an edge of the whole graph, and no group compares more than maxCandidates', () => {
    const capped = runSync(similarityGraph(vectors, { ...RANK_PARAMETERS, exactUpTo: 0, maxCandidates: 3, maxNeighbours: 100 }));
    let edges = 0;
    for (let g = 0; g < groups.count; g++) {
      const whole = new Map(edgesOf(dense, g));
      for (const [other, similarity] of edgesOf(capped, g)) expect(whole.get(other), `${g} → ${other}`).toBe(similarity);
      edges += edgesOf(capped, g).length;
    }
    // Each group adds at most maxCandidates edges, each stored at both ends.
    expect(edges).toBeLessThanOrEqual(2 * 3 * groups.count);
    expect(edges).toBeLessThan(dense.neighbour.length); // the cap binds here
  });
});

describe('rank: the scores mean something', () => {
  const documents = loadExamples();
  const { segments, analysis, groups } = groupsOf(documents);
  const ranking = runSync(rank(segments, analysis, groups, { positionWeight: 1, supportWeight: 1 }));

  test('is not flat, converges, and the best scores 1', () => {
    const scores = Array.from(ranking.score);
    expect(Math.max(...scores)).toBe(1);
    const distinct = new Set(scores.map((score) => score.toFixed(6)));
    expect(distinct.size).toBeGreaterThan(groups.count / 2);
    expect(ranking.iterations).toBeLessThan(RANK_PARAMETERS.maxIterations);
    expect(Array.from(ranking.centrality).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  test('facts carried by more documents score higher on average', () => {
    const mean = (keep: (g: number) => boolean) => {
      const picked = Array.from(ranking.score).filter((_, g) => keep(g));
      return picked.reduce((a, b) => a + b, 0) / picked.length;
    };
    expect(mean((g) => groups.support[g]! >= 2)).toBeGreaterThan(1.5 * mean((g) => groups.support[g] === 1));
  });

  test('support raises a node: the same graph with one node carried more often', () => {
    const vectors = runSync(buildVectors(analysis, groups));
    const graph = runSync(similarityGraph(vectors, RANK_PARAMETERS));
    const even = new Float64Array(groups.count).fill(1);
    const base = runSync(powerIteration(graph, even, even, RANK_PARAMETERS)).scores;
    const boosted = Float64Array.from(even);
    boosted[5] = 4;
    const after = runSync(powerIteration(graph, boosted, boosted, RANK_PARAMETERS)).scores;
    expect(after[5]!).toBeGreaterThan(base[5]!);
  });
});

describe('standaloneFactor', () => {
  const cases: [string, boolean][] = [
    ['Kim arrived in Russia on Tuesday.', true],
    ['He arrived in Russia on Tuesday.', false],
    ['But the meeting was delayed.', false],
    ['“We will meet,” he said.', true],
    ['“We will meet, and then we will decide.', false],
    ['Officials said the talks "went well" on Monday.', true],
  ];
  test.each(cases)('%s stands alone: %s', (text, alone) => expect(standaloneFactor(text, ENGLISH.danglingOpening) === 1).toBe(alone));
});
