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
 *    lead position × stand-alone factor × centrality^¼: measured on real news clusters
 *    (bench/QUALITY.md), position is worth about two ROUGE points and centrality a tenth.
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
 * change is below `tolerance` or `maxIterations` is reached.
 */
import type { Analysis } from './analyse.js';
import type { Groups } from './dedupe.js';
import { Kind } from './furniture.js';
import type { Work } from './schedule.js';
import { ln, pow } from './math.js';
import type { Segments } from './segment.js';

export interface RankParameters {
  damping: number;
  similarityFloor: number;
  tolerance: number;
  maxIterations: number;
  maxPostings: number;
  maxNeighbours: number;
}

export const RANK_PARAMETERS: RankParameters = Object.freeze({
  damping: 0.85,
  similarityFloor: 0.1,
  tolerance: 1e-10,
  maxIterations: 200,
  // Below these caps the graph equals the dense one (tested); they bound work at scale.
  maxPostings: 2000,
  maxNeighbours: 100,
});

/** Sparse tf-idf vectors, one per group: terms of group g are at `start[g] .. start[g + 1]`, sorted by term id. */
export interface Vectors {
  start: Int32Array;
  term: Int32Array;
  weight: Float64Array;
  norm: Float64Array;
  /** Groups holding each term. */
  frequency: Int32Array;
}

export function buildVectors(analysis: Analysis, groups: Groups): Vectors {
  const groupCount = groups.count;
  const start = new Int32Array(groupCount + 1);
  const terms: number[] = [];
  const counts: number[] = [];
  const frequency = new Int32Array(analysis.termCount);
  const scratch: number[] = [];
  for (let g = 0; g < groupCount; g++) {
    start[g] = terms.length;
    const sentence = groups.representative[g]!;
    scratch.length = 0;
    for (let p = analysis.termStart[sentence]!; p < analysis.termStart[sentence + 1]!; p++) scratch.push(analysis.terms[p]!);
    scratch.sort((a, b) => a - b);
    for (let p = 0; p < scratch.length; p++) {
      const term = scratch[p]!;
      if (p > 0 && scratch[p - 1] === term) counts[counts.length - 1]!++;
      else {
        terms.push(term);
        counts.push(1);
        frequency[term]!++;
      }
    }
  }
  start[groupCount] = terms.length;
  const weight = new Float64Array(terms.length);
  const norm = new Float64Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    let squares = 0;
    for (let p = start[g]!; p < start[g + 1]!; p++) {
      const w = counts[p]! * ln((groupCount + 1) / frequency[terms[p]!]!);
      weight[p] = w;
      squares += w * w;
    }
    norm[g] = Math.sqrt(squares);
  }
  return { start, term: Int32Array.from(terms), weight, norm, frequency };
}

/** Cosine similarity of two groups' vectors (merge of sorted term lists). */
export function cosine(vectors: Vectors, a: number, b: number): number {
  const denominator = vectors.norm[a]! * vectors.norm[b]!;
  if (denominator === 0) return 0;
  let p = vectors.start[a]!;
  let q = vectors.start[b]!;
  const pEnd = vectors.start[a + 1]!;
  const qEnd = vectors.start[b + 1]!;
  let dot = 0;
  while (p < pEnd && q < qEnd) {
    const tp = vectors.term[p]!;
    const tq = vectors.term[q]!;
    if (tp === tq) {
      dot += vectors.weight[p]! * vectors.weight[q]!;
      p++;
      q++;
    } else if (tp < tq) p++;
    else q++;
  }
  return dot / denominator;
}

/** Undirected weighted graph in CSR form: neighbours of g at `start[g] .. start[g + 1]`, by id. */
export interface Graph {
  start: Int32Array;
  neighbour: Int32Array;
  similarity: Float64Array;
}

/** The similarity graph from an inverted index (see the module comment for the caps). */
export function* similarityGraph(vectors: Vectors, parameters: RankParameters): Work<Graph> {
  const groupCount = vectors.norm.length;
  const edgesOf: number[][] = Array.from({ length: groupCount }, () => []); // flat [neighbour, similarity, …]
  const postings = new Map<number, number[]>();
  const touched: number[] = [];
  const marked = new Uint8Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    touched.length = 0;
    for (let p = vectors.start[g]!; p < vectors.start[g + 1]!; p++) {
      const term = vectors.term[p]!;
      let posting = postings.get(term);
      if (posting === undefined) {
        posting = [];
        postings.set(term, posting);
      }
      if (vectors.frequency[term]! <= parameters.maxPostings) {
        for (const other of posting) {
          if (marked[other]) continue;
          marked[other] = 1;
          touched.push(other);
        }
        posting.push(g);
      }
    }
    touched.sort((a, b) => a - b);
    for (const other of touched) {
      marked[other] = 0;
      const similarity = cosine(vectors, g, other);
      if (similarity >= parameters.similarityFloor) {
        edgesOf[g]!.push(other, similarity);
        edgesOf[other]!.push(g, similarity);
      }
    }
    if ((g & 127) === 127) yield { stage: 'rank', done: g + 1, total: groupCount };
  }

  // Keep each group's strongest neighbours, then list them by id.
  const start = new Int32Array(groupCount + 1);
  const neighbours: number[] = [];
  const similarities: number[] = [];
  const order: number[] = [];
  for (let g = 0; g < groupCount; g++) {
    start[g] = neighbours.length;
    const edges = edgesOf[g]!;
    const n = edges.length / 2;
    order.length = 0;
    for (let e = 0; e < n; e++) order.push(e);
    if (n > parameters.maxNeighbours) {
      order.sort((a, b) => edges[2 * b + 1]! - edges[2 * a + 1]! || edges[2 * a]! - edges[2 * b]!);
      order.length = parameters.maxNeighbours;
    }
    order.sort((a, b) => edges[2 * a]! - edges[2 * b]!);
    for (const e of order) {
      neighbours.push(edges[2 * e]!);
      similarities.push(edges[2 * e + 1]!);
    }
    edgesOf[g] = [];
  }
  start[groupCount] = neighbours.length;
  return { start, neighbour: Int32Array.from(neighbours), similarity: Float64Array.from(similarities) };
}

/**
 * Personalised PageRank with node weights: a walker at i moves to neighbour j with
 * probability ∝ similarity(i, j) × nodeWeight[j], and teleports (probability 1 − damping,
 * or always from a group without neighbours) to j with probability ∝ teleport[j].
 */
export function* powerIteration(
  graph: Graph,
  nodeWeight: Float64Array,
  teleport: Float64Array,
  parameters: RankParameters,
): Work<{ scores: Float64Array; iterations: number }> {
  const n = nodeWeight.length;
  const personal = new Float64Array(n);
  let teleportSum = 0;
  for (let g = 0; g < n; g++) teleportSum += teleport[g]!;
  for (let g = 0; g < n; g++) personal[g] = teleportSum > 0 ? teleport[g]! / teleportSum : 1 / n;
  const rowSum = new Float64Array(n);
  for (let g = 0; g < n; g++) {
    let sum = 0;
    for (let e = graph.start[g]!; e < graph.start[g + 1]!; e++) sum += graph.similarity[e]! * nodeWeight[graph.neighbour[e]!]!;
    rowSum[g] = sum;
  }
  let scores = Float64Array.from(personal);
  let next = new Float64Array(n);
  const d = parameters.damping;
  let iterations = 0;
  while (iterations < parameters.maxIterations) {
    iterations++;
    next.fill(0);
    let dangling = 0;
    for (let g = 0; g < n; g++) {
      if (rowSum[g] === 0) {
        dangling += scores[g]!;
        continue;
      }
      const share = scores[g]! / rowSum[g]!;
      for (let e = graph.start[g]!; e < graph.start[g + 1]!; e++) {
        const j = graph.neighbour[e]!;
        next[j] = next[j]! + share * graph.similarity[e]! * nodeWeight[j]!;
      }
    }
    let change = 0;
    for (let g = 0; g < n; g++) {
      const value = (1 - d) * personal[g]! + d * (next[g]! + dangling * personal[g]!);
      change += Math.abs(value - scores[g]!);
      next[g] = value;
    }
    [scores, next] = [next, scores];
    yield { stage: 'rank', done: iterations, total: parameters.maxIterations };
    if (change < parameters.tolerance) break;
  }
  return { scores, iterations };
}

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

export interface Ranking {
  /** Static salience per group, the best scoring 1: prior × all its concept weight ÷ words^LENGTH_EXPONENT. */
  score: Float64Array;
  /** Per group: lead prior × stand-alone factor × (centrality / best)^¼. */
  prior: Float64Array;
  /** Per group: its representative's words^LENGTH_EXPONENT, what a sentence pays for its length. */
  lengthCost: Float64Array;
  /** Raw PageRank per group (sums to 1). */
  centrality: Float64Array;
  /** Concepts of group g: `concept[conceptStart[g] .. conceptStart[g + 1])`, ids into `conceptWeight`. */
  conceptStart: Int32Array;
  concept: Int32Array;
  conceptWeight: Float64Array;
  iterations: number;
  vectors: Vectors;
}

export interface RankSettings {
  positionWeight: number;
  supportWeight: number;
}

/** Weight of a concept only one article has, and of a fact's private concept. */
const CONCEPT_FLOOR = 0.1;
/** Salience is divided by words^LENGTH_EXPONENT: long sentences pay for their length, a little less than in full. */
export const LENGTH_EXPONENT = 0.85;
/** Centrality enters the prior with this exponent (measured: more hurts, less does nothing). */
const CENTRALITY_EXPONENT = 0.25;

/** How much a sentence can stand alone; 1 for a clean declarative sentence. */
export function standaloneFactor(text: string): number {
  let factor = 1;
  // Opens with a reference to something said before, or a conjunction.
  if (/^(?:["“'‘]?\s*)(?:he|she|it|they|them|his|her|its|their|this|that|these|those|there|but|and|or|so|yet|also|however|meanwhile|still|instead|then|thus|therefore|hence|moreover|furthermore|additionally|besides|likewise|similarly|otherwise|nevertheless|nonetheless|accordingly|consequently|such|both|neither|either)\b/i.test(text)) factor *= 0.6;
  // An unbalanced quotation: a fragment of a longer quote.
  const opens = (text.match(/[“«]/g) ?? []).length;
  const closes = (text.match(/[”»]/g) ?? []).length;
  const straight = (text.match(/"/g) ?? []).length;
  if (opens !== closes || straight % 2 === 1) factor *= 0.6;
  return factor;
}

/**
 * Concepts: per group, the distinct content terms and adjacent term pairs of its
 * representative, plus one private concept; each weighted by the articles that carry it
 * (counted over every prose sentence, so a reprinted fact's words count once per outlet).
 */
function concepts(segments: Segments, analysis: Analysis, groups: Groups, supportWeight: number) {
  const termCount = analysis.termCount;
  // Distinct articles per term and per pair: sentences come in document order, so a
  // "last document seen" stamp counts each article once.
  const termDocuments = new Int32Array(termCount);
  const termLastDocument = new Int32Array(termCount).fill(-1);
  const pairId = new Map<number, number>(); // first * termCount + second → pair index
  const pairDocuments: number[] = [];
  const pairLastDocument: number[] = [];
  for (let i = 0; i < segments.count; i++) {
    if (groups.groupOf[i]! < 0) continue;
    const document = segments.doc[i]!;
    let previous = -1;
    for (let p = analysis.termStart[i]!; p < analysis.termStart[i + 1]!; p++) {
      const term = analysis.terms[p]!;
      if (termLastDocument[term] !== document) {
        termLastDocument[term] = document;
        termDocuments[term]!++;
      }
      if (previous >= 0) {
        const key = previous * termCount + term;
        let pair = pairId.get(key);
        if (pair === undefined) {
          pair = pairDocuments.length;
          pairId.set(key, pair);
          pairDocuments.push(0);
          pairLastDocument.push(-1);
        }
        if (pairLastDocument[pair] !== document) {
          pairLastDocument[pair] = document;
          pairDocuments[pair]!++;
        }
      }
      previous = term;
    }
  }
  // Concept ids: terms first, then pairs, then one private concept per group.
  const pairBase = termCount;
  const privateBase = pairBase + pairDocuments.length;
  const conceptWeight = new Float64Array(privateBase + groups.count);
  const weigh = (documents: number) => CONCEPT_FLOOR + supportWeight * (documents - 1);
  for (let t = 0; t < termCount; t++) conceptWeight[t] = termDocuments[t]! > 0 ? weigh(termDocuments[t]!) : 0;
  for (let q = 0; q < pairDocuments.length; q++) conceptWeight[pairBase + q] = weigh(pairDocuments[q]!);
  const conceptStart = new Int32Array(groups.count + 1);
  const list: number[] = [];
  const seen = new Set<number>();
  for (let g = 0; g < groups.count; g++) {
    conceptStart[g] = list.length;
    conceptWeight[privateBase + g] = CONCEPT_FLOOR;
    seen.clear();
    const r = groups.representative[g]!;
    let previous = -1;
    for (let p = analysis.termStart[r]!; p < analysis.termStart[r + 1]!; p++) {
      const term = analysis.terms[p]!;
      if (!seen.has(term)) {
        seen.add(term);
        list.push(term);
      }
      if (previous >= 0) {
        const concept = pairBase + pairId.get(previous * termCount + term)!;
        if (!seen.has(concept)) {
          seen.add(concept);
          list.push(concept);
        }
      }
      previous = term;
    }
    list.push(privateBase + g);
  }
  conceptStart[groups.count] = list.length;
  return { conceptStart, concept: Int32Array.from(list), conceptWeight };
}

export function* rank(
  segments: Segments,
  analysis: Analysis,
  groups: Groups,
  documentTexts: readonly string[],
  settings: RankSettings,
  parameters: RankParameters = RANK_PARAMETERS,
): Work<Ranking> {
  yield { stage: 'rank', done: 0, total: groups.count };
  const vectors = buildVectors(analysis, groups);
  const graph = yield* similarityGraph(vectors, parameters);
  const lead = leadIndex(segments, groups);
  const positionPrior = (g: number) => pow(1 + lead[g]!, -settings.positionWeight / 2);
  const nodeWeight = new Float64Array(groups.count);
  const teleport = new Float64Array(groups.count);
  for (let g = 0; g < groups.count; g++) {
    nodeWeight[g] = pow(groups.support[g]!, settings.supportWeight);
    teleport[g] = nodeWeight[g]! * positionPrior(g);
  }
  const { scores: centrality, iterations } = yield* powerIteration(graph, nodeWeight, teleport, parameters);
  let bestCentrality = 0;
  for (let g = 0; g < groups.count; g++) if (centrality[g]! > bestCentrality) bestCentrality = centrality[g]!;

  const { conceptStart, concept, conceptWeight } = concepts(segments, analysis, groups, settings.supportWeight);
  const prior = new Float64Array(groups.count);
  const lengthCost = new Float64Array(groups.count);
  const score = new Float64Array(groups.count);
  let best = 0;
  for (let g = 0; g < groups.count; g++) {
    const sentence = groups.representative[g]!;
    const text = documentTexts[segments.doc[sentence]!]!.slice(segments.start[sentence]!, segments.end[sentence]!);
    prior[g] = positionPrior(g) * standaloneFactor(text) * pow(centrality[g]! / bestCentrality, CENTRALITY_EXPONENT);
    let weight = 0;
    for (let p = conceptStart[g]!; p < conceptStart[g + 1]!; p++) weight += conceptWeight[concept[p]!]!;
    lengthCost[g] = pow(Math.max(1, analysis.words[sentence]!), LENGTH_EXPONENT);
    score[g] = (prior[g]! * weight) / lengthCost[g]!;
    if (score[g]! > best) best = score[g]!;
    if ((g & 255) === 255) yield { stage: 'rank', done: g + 1, total: groups.count };
  }
  if (best > 0) for (let g = 0; g < groups.count; g++) score[g] = score[g]! / best;
  yield { stage: 'rank', done: groups.count, total: groups.count };
  return { score, prior, lengthCost, centrality, conceptStart, concept, conceptWeight, iterations, vectors };
}
