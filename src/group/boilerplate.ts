/**
 * Boilerplate: shared sentences and runs (shared.ts) that are page furniture, not wire copy.
 * Wire copy is shared by documents that are alike in everything else too; furniture ("enable
 * JavaScript to watch this video", a newsletter prompt, a cookie notice) by documents that are
 * otherwise unrelated. So for each shared sentence or run, compare its carriers pairwise on what
 * else they say: their vectors without the terms of every sentence and run the two have in
 * common (their residual). If, on average over pairs of carriers with different texts, the
 * residuals are less similar than `residualSimilarity`, it is boilerplate and is left out of
 * every document. A pair whose residual is (nearly) empty says nothing and is skipped, so
 * copies of one wire story are never taken for furniture.
 */
import type { Analysis, Segments } from '../model.js';
import type { Work } from '../schedule.js';
import type { GroupParameters } from './parameters.js';
import type { Shared } from './shared.js';
import { documentFrequencies, vectorsOf, type Cleaning, type TermCounter } from './vectors.js';

const NOTHING: Cleaning = { sentences: undefined, runs: undefined };

/**
 * The boilerplate sentence and run classes. `counted` flags the documents whose terms count in
 * document frequencies (all but verbatim furniture), `total` is the number of documents.
 */
export function* findBoilerplate(
  counter: TermCounter,
  segments: Segments,
  analysis: Analysis,
  shared: Shared,
  counted: Uint8Array,
  total: number,
  parameters: GroupParameters,
): Work<Cleaning> {
  const { sharedClass, sharedStart, carriers, sentenceClasses, sentenceClass, runClass, leadStart, lead } = shared;
  const { minTerms, residualSimilarity, runTerms } = parameters;
  if (sharedClass.length === 0 || residualSimilarity <= 0) return NOTHING;
  const classes = sentenceClasses + shared.runClasses;
  const df = yield* documentFrequencies(counter, counted, NOTHING);

  // Whole vectors of every carrier examined, in canonical order.
  const involvedAt = new Int32Array(counted.length).fill(-1);
  for (let k = 0; k < carriers.length; k++) involvedAt[carriers[k]!] = 0;
  const involved: number[] = [];
  for (let d = 0; d < counted.length; d++) if (involvedAt[d] === 0) involvedAt[d] = involved.push(d) - 1;
  const { vectors } = yield* vectorsOf(counter, involved, df, total, NOTHING, parameters);

  // The residual cosine of two carriers: their vectors without the terms of what both carry.
  const isShared = new Uint8Array(classes);
  for (const c of sharedClass) isShared[c] = 1;
  const carriedBy = new Int32Array(classes).fill(-1); // pair stamp: classes document y carries
  const maskedBy = new Int32Array(counter.tf.length).fill(-1); // pair stamp: terms left out
  let stamp = 0;
  const forEachShared = (d: number, each: (c: number, from: number, to: number, list: Int32Array) => void) => {
    for (let s = segments.firstOfDoc[d]!; s < segments.firstOfDoc[d + 1]!; s++)
      if (sentenceClass[s]! >= 0 && isShared[sentenceClass[s]!]) each(sentenceClass[s]!, analysis.termStart[s]!, analysis.termStart[s + 1]!, analysis.terms);
    for (let p = leadStart[d]!; p < leadStart[d + 1]!; p++)
      if (runClass[p]! >= 0 && isShared[sentenceClasses + runClass[p]!]) each(sentenceClasses + runClass[p]!, p, p + runTerms, lead);
  };
  const residualCosine = (x: number, y: number): number | undefined => {
    stamp++;
    forEachShared(y, (c) => (carriedBy[c] = stamp));
    forEachShared(x, (c, from, to, list) => {
      if (carriedBy[c] === stamp) for (let p = from; p < to; p++) maskedBy[list[p]!] = stamp;
    });
    const { start, term, weight } = vectors;
    let p = start[involvedAt[x]!]!;
    let q = start[involvedAt[y]!]!;
    const pEnd = start[involvedAt[x]! + 1]!;
    const qEnd = start[involvedAt[y]! + 1]!;
    let dot = 0;
    let px = 0;
    let qy = 0;
    let nx = 0;
    let ny = 0;
    while (p < pEnd || q < qEnd) {
      const s = p < pEnd ? term[p]! : Infinity;
      const t = q < qEnd ? term[q]! : Infinity;
      const a = s <= t ? p++ : -1;
      const b = t <= s ? q++ : -1;
      if (maskedBy[Math.min(s, t)] === stamp) continue;
      if (a >= 0) {
        px += weight[a]! * weight[a]!;
        nx++;
      }
      if (b >= 0) {
        qy += weight[b]! * weight[b]!;
        ny++;
      }
      if (a >= 0 && b >= 0) dot += weight[a]! * weight[b]!;
    }
    return nx < minTerms || ny < minTerms ? undefined : dot / Math.sqrt(px * qy);
  };

  const pairWork = (d: number) =>
    segments.firstOfDoc[d + 1]! - segments.firstOfDoc[d]! + leadStart[d + 1]! - leadStart[d]! + vectors.start[involvedAt[d]! + 1]! - vectors.start[involvedAt[d]!]!;
  const found: Cleaning = { sentences: new Uint8Array(sentenceClasses), runs: new Uint8Array(shared.runClasses) };
  let any = false;
  const pairCosine = new Map<number, number | undefined>();
  let work = 0;
  for (let k = 0; k < sharedClass.length; k++) {
    let sum = 0;
    let pairs = 0;
    for (let i = sharedStart[k]!; i < sharedStart[k + 1]!; i++) {
      const x = carriers[i]!;
      for (let j = i + 1; j < sharedStart[k + 1]!; j++) {
        const y = carriers[j]!;
        if (shared.textOf[x] === shared.textOf[y]) continue;
        const pair = involvedAt[x]! * involved.length + involvedAt[y]!;
        let similarity = pairCosine.get(pair);
        if (!pairCosine.has(pair)) {
          similarity = residualCosine(x, y);
          pairCosine.set(pair, similarity);
          work += pairWork(x) + pairWork(y);
        }
        if (similarity === undefined) continue;
        sum += similarity;
        pairs++;
      }
    }
    if (pairs > 0 && sum / pairs < residualSimilarity) {
      any = true;
      const c = sharedClass[k]!;
      if (c < sentenceClasses) found.sentences![c] = 1;
      else found.runs![c - sentenceClasses] = 1;
    }
    if ((work += 16) >= 50_000) {
      work = 0;
      yield;
    }
  }
  return any ? found : NOTHING;
}
