/**
 * Stage 4, rank: groups → what each fact is worth.
 *
 * Two products, both plain data:
 *
 * 1. A prior per fact. LexRank over groups (one node per fact, not per copy): each group is
 *    the tf-idf vector of its representative; edges join groups whose cosine similarity is at
 *    least `similarityFloor`; centrality is a personalised PageRank in which a fact carried by
 *    more documents weighs more (as a node it receives more of its neighbours' weight, and it
 *    is more often teleported to), and so does a fact near the top of an article. The prior is
 *    lead position × article typicality (typical.ts) × stand-alone factor × centrality^¼:
 *    measured on real news clusters (bench/QUALITY.md), position is worth about two ROUGE
 *    points and centrality a tenth.
 *
 * 2. Concepts: each fact's content words and adjacent content-word pairs, each weighted by how
 *    many articles carry it (`0.1 + supportWeight × (articles − 1)`) plus a private concept of
 *    weight 0.1. Selection covers as much concept weight as the budget allows; a word only
 *    one article uses counts little, one that every outlet repeats counts most.
 *
 * The graph is sparse and built from an inverted index: only groups that share a term are
 * ever compared, and a term held by more than `maxPostings` groups ("said", the name in the
 * story) is not used to find neighbours (it still counts in the similarity of groups found
 * through rarer terms). Each group keeps its `maxNeighbours` most similar neighbours. Below
 * those caps the result equals the dense computation. Power iteration runs until the L1
 * change is below `tolerance` (times facts/1,000 above a thousand facts) or `maxIterations` is
 * reached.
 */
import { buildVectors } from '../measures.js';
import { pow } from '../math.js';
import { Kind, type Analysis, type Concepts, type Groups, type Ranking, type Segments } from '../model.js';
import { waitFor, type Work } from '../schedule.js';
import type { Progress } from '../types.js';
import { concepts, conceptsInput } from './concepts.js';
import { powerIteration, RANK_PARAMETERS, similarityGraph, type RankParameters } from './graph.js';
import { typicality } from './typical.js';

/** For a caller that makes concepts on another thread (parallel-concepts.ts). */
export { concepts, conceptsInput } from './concepts.js';

export interface RankSettings {
  positionWeight: number;
  supportWeight: number;
}

/** Salience is divided by words^LENGTH_EXPONENT: long sentences pay for their length, a little less than in full. */
export const LENGTH_EXPONENT = 0.85;
/** Centrality enters the prior with this exponent (measured: more hurts, less does nothing). */
const CENTRALITY_EXPONENT = 0.25;

/** Per group: the smallest index among prose sentences of its articles that any member has (0 = a lead). */
export function leadIndex(segments: Segments, groups: Groups): Int32Array {
  const proseIndex = new Int32Array(segments.count);
  let previousDocument = -1;
  let index = 0;
  for (let i = 0; i < segments.count; i++) {
    if (segments.doc[i] !== previousDocument) {
      previousDocument = segments.doc[i]!;
      index = 0;
    }
    proseIndex[i] = segments.kind[i] === Kind.PROSE ? index++ : index;
  }
  const lead = new Int32Array(groups.count).fill(0x7fffffff);
  for (let g = 0; g < groups.count; g++) {
    for (let p = groups.memberStart[g]!; p < groups.memberStart[g + 1]!; p++) {
      const value = proseIndex[groups.members[p]!]!;
      if (value < lead[g]!) lead[g] = value;
    }
  }
  return lead;
}

/** `n ↦ pow(n, exponent)`, each result for a whole n below 1,024 remembered (exactly what pow gives). */
function integerPower(exponent: number): (n: number) => number {
  const known = new Float64Array(1024).fill(Number.NaN);
  return (n) => {
    if (!(n >= 0 && n < 1024 && Number.isInteger(n))) return pow(n, exponent);
    const value = known[n]!;
    return value === value ? value : (known[n] = pow(n, exponent));
  };
}

export function* rank(
  segments: Segments,
  analysis: Analysis,
  groups: Groups,
  settings: RankSettings,
  parameters: RankParameters = RANK_PARAMETERS,
  conceptsElsewhere?: () => Promise<Concepts> | undefined,
): Work<Ranking> {
  // Progress in groups, over three passes (graph, centrality, scores), never moving back.
  const count = groups.count;
  const tick = (pass: number, done: number): Progress => ({ stage: 'rank', done: pass * count + Math.min(done, count), total: 3 * count });
  yield tick(0, 0);
  const vectors = yield* buildVectors(analysis, groups);
  const graph = yield* similarityGraph(vectors, parameters, (g) => tick(0, g));
  // Concepts from another thread, when the caller has one, asked for now (parallel-concepts.ts
  // says why not sooner): the same function of the same arrays, so the same concepts.
  const elsewhere = conceptsElsewhere?.();
  const lead = leadIndex(segments, groups);
  // Positions, supports and word counts are small whole numbers, and our own pow
  // (engine-independent) costs about a microsecond: each power is worked out once.
  const leadPower = integerPower(-settings.positionWeight / 2);
  const positionPrior = (g: number) => leadPower(1 + lead[g]!);
  const supportPower = integerPower(settings.supportWeight);
  const nodeWeight = new Float64Array(groups.count);
  const teleport = new Float64Array(groups.count);
  for (let g = 0; g < groups.count; g++) {
    nodeWeight[g] = supportPower(groups.support[g]!);
    teleport[g] = nodeWeight[g]! * positionPrior(g);
    if ((g & 4095) === 4095) yield;
  }
  const { scores: centrality, iterations } = yield* powerIteration(graph, nodeWeight, teleport, parameters, (i) =>
    tick(1, Math.floor((count * i) / parameters.maxIterations)),
  );
  let bestCentrality = 0;
  for (let g = 0; g < groups.count; g++) if (centrality[g]! > bestCentrality) bestCentrality = centrality[g]!;
  yield;

  const { conceptStart, concept, conceptWeight, termDocuments } = elsewhere
    ? yield* waitFor(elsewhere)
    : yield* concepts(conceptsInput(segments, analysis, groups, settings.supportWeight));
  const typical = yield* typicality(segments, analysis, groups, termDocuments);
  const prior = new Float64Array(groups.count);
  const lengthCost = new Float64Array(groups.count);
  const lengthPower = integerPower(LENGTH_EXPONENT);
  const score = new Float64Array(groups.count);
  let best = 0;
  for (let g = 0; g < groups.count; g++) {
    const sentence = groups.representative[g]!;
    prior[g] = positionPrior(g) * typical[g]! * analysis.standalone[sentence]! * pow(centrality[g]! / bestCentrality, CENTRALITY_EXPONENT);
    let weight = 0;
    for (let p = conceptStart[g]!; p < conceptStart[g + 1]!; p++) weight += conceptWeight[concept[p]!]!;
    lengthCost[g] = lengthPower(Math.max(1, analysis.words[sentence]!));
    score[g] = (prior[g]! * weight) / lengthCost[g]!;
    if (score[g]! > best) best = score[g]!;
    if ((g & 255) === 255) yield tick(2, g + 1);
  }
  if (best > 0) for (let g = 0; g < groups.count; g++) score[g] = score[g]! / best;
  yield tick(3, 0);
  return { score, prior, lengthCost, centrality, conceptStart, concept, conceptWeight, iterations, vectors };
}
