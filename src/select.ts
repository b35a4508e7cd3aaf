/**
 * Stage 5, select: facts → the chosen ones, within the budget, never saying a thing twice.
 *
 * Budgeted maximum coverage, greedily: each step takes the fact whose
 * `prior × (weight of its concepts not yet covered) ÷ words^0.85` is highest (ties by
 * `(documentId, start)` of the representative), then marks its concepts covered. A fact that
 * repeats what is chosen gains little and falls behind on its own; two checks also reject
 * outright a candidate near-identical to a chosen sentence (keys within the duplicate
 * threshold) or saying the same thing in other words (tf-idf cosine ≥ `redundancyThreshold`).
 * Gains only shrink as coverage grows, so the greedy step is lazy: a candidate is re-scored
 * only when it reaches the top of the queue (the same choices as re-scoring all, far less work).
 *
 * Budgets (a sentence is never cut):
 *   words       add until the total reaches N; skip a sentence that would pass 1.3 × N.
 *   sentences   exactly N (fewer only when the candidates run out).
 *   characters  sentences joined by one space never pass N; keep trying shorter ones.
 */
import { cosine, withinThreshold } from './measures.js';
import type { Analysis, Budget, Groups, Ranking, Segments } from './model.js';
import type { Work } from './schedule.js';

export interface SelectSettings {
  budget: Budget;
  duplicateThreshold: number;
  redundancyThreshold: number;
}

/** How far past a `words` budget the last sentence may run. */
export const WORDS_OVERSHOOT = 1.3;

/** A binary max-heap of groups by (value desc, representative asc). */
class CandidateQueue {
  private readonly items: number[] = [];
  constructor(
    private readonly value: Float64Array,
    private readonly tieBreak: Int32Array,
  ) {}
  get size(): number {
    return this.items.length;
  }
  private before(a: number, b: number): boolean {
    const va = this.value[a]!;
    const vb = this.value[b]!;
    return va > vb || (va === vb && this.tieBreak[a]! < this.tieBreak[b]!);
  }
  push(group: number): void {
    const items = this.items;
    items.push(group);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  peek(): number | undefined {
    return this.items[0];
  }
  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < items.length && this.before(items[left]!, items[best]!)) best = left;
        if (right < items.length && this.before(items[right]!, items[best]!)) best = right;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}

export function* select(
  segments: Segments,
  analysis: Analysis,
  groups: Groups,
  ranking: Ranking,
  settings: SelectSettings,
): Work<number[]> {
  const { budget } = settings;
  const { conceptStart, concept, conceptWeight, prior, lengthCost } = ranking;
  const covered = new Uint8Array(conceptWeight.length);
  const gain = (group: number) => {
    let weight = 0;
    for (let p = conceptStart[group]!; p < conceptStart[group + 1]!; p++) if (!covered[concept[p]!]) weight += conceptWeight[concept[p]!]!;
    return (prior[group]! * weight) / lengthCost[group]!;
  };

  // Upper bounds of each candidate's current gain; exact for the one at the top when re-scored.
  const bound = new Float64Array(groups.count);
  const queue = new CandidateQueue(bound, groups.representative);
  for (let g = 0; g < groups.count; g++) {
    bound[g] = gain(g);
    queue.push(g);
  }
  yield { stage: 'select', done: 0, total: groups.count };

  const chosen: number[] = [];
  let words = 0;
  let characters = 0;
  let steps = 0;
  while (queue.size > 0) {
    if ((++steps & 255) === 0) yield { stage: 'select', done: groups.count - queue.size, total: groups.count };
    const group = queue.pop()!;
    const sentence = groups.representative[group]!;
    const sentenceWords = analysis.words[sentence]!;
    const length = segments.end[sentence]! - segments.start[sentence]!;
    // What does not fit now never will: the totals only grow.
    if (budget.kind === 'words' && words + sentenceWords > budget.limit * WORDS_OVERSHOOT) continue;
    if (budget.kind === 'characters' && characters + (chosen.length > 0 ? 1 : 0) + length > budget.limit) continue;

    const current = gain(group);
    const next = queue.peek();
    if (next !== undefined && (current < bound[next]! || (current === bound[next]! && groups.representative[next]! < sentence))) {
      bound[group] = current; // stale: back in line with its true gain
      queue.push(group);
      continue;
    }
    if (current <= 0) continue;

    let redundant = false;
    const key = analysis.key[sentence]!;
    for (const other of chosen) {
      if (
        cosine(ranking.vectors, group, other) >= settings.redundancyThreshold ||
        withinThreshold(key, analysis.key[groups.representative[other]!]!, settings.duplicateThreshold)
      ) {
        redundant = true;
        break;
      }
    }
    if (redundant) continue; // it stays redundant: the chosen set only grows

    chosen.push(group);
    for (let p = conceptStart[group]!; p < conceptStart[group + 1]!; p++) covered[concept[p]!] = 1;
    words += sentenceWords;
    characters += (chosen.length > 1 ? 1 : 0) + length;
    if (budget.kind === 'words' && words >= budget.limit) break;
    if (budget.kind === 'sentences' && chosen.length >= budget.limit) break;
  }
  yield { stage: 'select', done: groups.count, total: groups.count };
  return chosen;
}
