/**
 * Clustering metrics for the digest benchmark: B-cubed precision, recall and F1, normalised
 * mutual information (geometric normalisation, as in the short-text clustering papers) and
 * pairwise precision, recall and F1. Labels are strings; an unassigned document (predicted or in
 * the gold) is given a label of its own, so it counts as a story of one.
 */

export interface ClusterScores {
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
  nmi: number;
  pairPrecision: number;
  pairRecall: number;
  pairF1: number;
}

const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

/** Scores of `predicted` against `gold` (one label per document, same order). */
export function clusterScores(predicted: readonly string[], gold: readonly string[]): ClusterScores {
  const n = gold.length;
  const joint = new Map<string, number>();
  const predictedSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (let i = 0; i < n; i++) {
    add(joint, `${predicted[i]}\u0000${gold[i]}`);
    add(predictedSize, predicted[i]!);
    add(goldSize, gold[i]!);
  }
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const both = joint.get(`${predicted[i]}\u0000${gold[i]}`)!;
    precision += both / predictedSize.get(predicted[i]!)!;
    recall += both / goldSize.get(gold[i]!)!;
  }
  precision /= n;
  recall /= n;
  const pairs = (k: number) => (k * (k - 1)) / 2;
  let together = 0;
  let predictedPairs = 0;
  let goldPairs = 0;
  for (const k of joint.values()) together += pairs(k);
  for (const k of predictedSize.values()) predictedPairs += pairs(k);
  for (const k of goldSize.values()) goldPairs += pairs(k);
  let information = 0;
  for (const [key, k] of joint) {
    const [p, g] = key.split('\u0000') as [string, string];
    information += (k / n) * Math.log((n * k) / (predictedSize.get(p)! * goldSize.get(g)!));
  }
  const entropy = (sizes: Map<string, number>) => {
    let h = 0;
    for (const k of sizes.values()) h -= (k / n) * Math.log(k / n);
    return h;
  };
  const hp = entropy(predictedSize);
  const hg = entropy(goldSize);
  const pairPrecision = predictedPairs ? together / predictedPairs : 1;
  const pairRecall = goldPairs ? together / goldPairs : 1;
  return {
    bcubedPrecision: precision,
    bcubedRecall: recall,
    bcubedF1: f1(precision, recall),
    nmi: hp > 0 && hg > 0 ? information / Math.sqrt(hp * hg) : hp === hg ? 1 : 0,
    pairPrecision,
    pairRecall,
    pairF1: f1(pairPrecision, pairRecall),
  };
}

/** One label per document from a grouping's stories (every other document alone). */
export function labelsOf(count: number, stories: readonly (readonly number[])[]): string[] {
  const labels = Array.from({ length: count }, (_, d) => `alone:${d}`);
  stories.forEach((story, k) => {
    for (const d of story) labels[d] = `story:${k}`;
  });
  return labels;
}
