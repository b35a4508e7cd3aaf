/**
 * Boilerplate: shared sentences and runs (shared.ts) that are page furniture, not wire copy.
 * Wire copy is shared by documents that are alike in everything else too; furniture ("enable
 * JavaScript to watch this video", a newsletter prompt, a photo credit) by documents that are
 * otherwise unrelated. So for each shared sentence or run, compare its carriers' *residual*
 * vectors (every shared sentence and run left out): if, on average over pairs of carriers with
 * different texts, they are less similar than `residualSimilarity`, it is boilerplate and is left
 * out of every document. Pairs where either residual is (nearly) empty say nothing and are
 * skipped, so near-identical copies of one wire story are never taken for furniture.
 */
import type { Work } from '../schedule.js';
import type { GroupParameters } from './parameters.js';
import type { Shared } from './shared.js';
import { cosineOf, documentFrequencies, vectorsOf, type Cleaning, type TermCounter } from './vectors.js';

const NOTHING: Cleaning = { sentences: undefined, runs: undefined };

/**
 * The boilerplate sentence and run classes. `counted` flags the documents whose terms count in
 * document frequencies (all but verbatim furniture), `total` is the number of documents.
 */
export function* findBoilerplate(counter: TermCounter, shared: Shared, counted: Uint8Array, total: number, parameters: GroupParameters): Work<Cleaning> {
  const { sharedClass, sharedStart, carriers, sentenceClasses } = shared;
  const { minTerms, residualSimilarity } = parameters;
  if (sharedClass.length === 0 || residualSimilarity <= 0) return NOTHING;
  const all: Cleaning = { sentences: new Uint8Array(sentenceClasses), runs: new Uint8Array(shared.runClasses) };
  for (const c of sharedClass) {
    if (c < sentenceClasses) all.sentences![c] = 1;
    else all.runs![c - sentenceClasses] = 1;
  }
  const df = yield* documentFrequencies(counter, counted, NOTHING);

  // Residual vectors of every carrier examined, in canonical order.
  const involvedAt = new Int32Array(counted.length).fill(-1);
  for (let k = 0; k < carriers.length; k++) involvedAt[carriers[k]!] = 0;
  const involved: number[] = [];
  for (let d = 0; d < counted.length; d++) if (involvedAt[d] === 0) involvedAt[d] = involved.push(d) - 1;
  const { vectors } = yield* vectorsOf(counter, involved, df, total, all, parameters.idfPower);
  const size = (k: number) => vectors.start[k + 1]! - vectors.start[k]!;

  const found: Cleaning = { sentences: new Uint8Array(sentenceClasses), runs: new Uint8Array(shared.runClasses) };
  let any = false;
  const pairCosine = new Map<number, number>();
  let work = 0;
  for (let k = 0; k < sharedClass.length; k++) {
    let sum = 0;
    let pairs = 0;
    for (let x = sharedStart[k]!; x < sharedStart[k + 1]!; x++) {
      const a = involvedAt[carriers[x]!]!;
      if (size(a) < minTerms) continue;
      for (let y = x + 1; y < sharedStart[k + 1]!; y++) {
        const b = involvedAt[carriers[y]!]!;
        if (shared.textOf[carriers[x]!] === shared.textOf[carriers[y]!] || size(b) < minTerms) continue;
        const pair = a * involved.length + b;
        let similarity = pairCosine.get(pair);
        if (similarity === undefined) {
          similarity = cosineOf(vectors, a, b);
          pairCosine.set(pair, similarity);
          work += size(a) + size(b);
        }
        sum += similarity;
        pairs++;
        work += 4;
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
