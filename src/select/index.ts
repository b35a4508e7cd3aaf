/**
 * Stage 5, select: facts → the chosen ones, within the budget, never saying a thing twice.
 *
 * Budgeted maximum coverage, greedily: each step takes the fact whose
 * `prior × (weight of its concepts not yet covered) ÷ words^0.85` is highest (ties by
 * `(documentId, start)` of the representative), then marks its concepts covered. A fact that
 * repeats what is chosen gains little and falls behind on its own; two checks also reject
 * outright a candidate near-identical to a chosen sentence (keys within the duplicate
 * threshold) or saying the same thing in other words (tf-idf cosine ≥ `redundancyThreshold`),
 * found through an index of the chosen sentences' terms, not a scan of all chosen.
 * Gains only shrink as coverage grows, so the greedy step is lazy: a candidate is re-scored
 * only when it reaches the top of the queue (the same choices as re-scoring all, far less work).
 * When a words budget ends short though the facts hold enough words to fill it, the pass is
 * run again from each of the few facts worth most on their own; a selection that reaches the
 * budget beats one that does not, and then the one covering the most prior-weighted concept
 * weight wins (ties: the first pass).
 *
 * Budgets (a sentence is never cut):
 *   words       add until the total reaches N; skip a sentence that would pass 1.3 × N.
 *   sentences   exactly N (fewer only when the candidates run out).
 *   characters  sentences joined by one space never pass N; keep trying shorter ones.
 */
import type { Analysis, Budget, Groups, Ranking, Segments, Selection } from '../model.js';
import type { Work } from '../schedule.js';
import { CandidateQueue } from './queue.js';
import { RedundancyIndex } from './redundancy.js';

export interface SelectSettings {
  budget: Budget;
  duplicateThreshold: number;
  redundancyThreshold: number;
}

/** Candidates looked at, plus postings read and key characters compared, between two progress ticks. */
const WORK_PER_TICK = 20_000;

/** How far past a `words` budget the last sentence may run. */
export const WORDS_OVERSHOOT = 1.3;

/** How many other first picks are tried when the greedy choice stranded the budget. */
const OTHER_STARTS = 4;

interface Pass {
  chosen: number[];
  words: number;
  /** Σ prior × concept weight each choice newly covered: what the greedy step approximates. */
  value: number;
}

export function* select(
  segments: Segments,
  analysis: Analysis,
  groups: Groups,
  ranking: Ranking,
  settings: SelectSettings,
): Work<Selection> {
  const { budget } = settings;
  let best = yield* pass(segments, analysis, groups, ranking, settings, -1);
  // The ratio rule can strand a words budget: a short sentence first, and then the one worth
  // more no longer fits, or repeats it. When the facts had the words to fill the budget but the
  // pass fell short, start instead from each of the facts worth most on their own and keep the
  // selection worth most (the classic fix for greedy budgeted coverage). The budget asked for
  // that many words: a selection that reaches it comes before one left short, whatever their
  // worth (the worth sums the covered weight of facts, and a short summary leaves some out).
  if (budget.kind === 'words' && best.words < budget.limit && wordsOfAll(analysis, groups) >= budget.limit) {
    for (const start of worthMost(ranking, groups.count, OTHER_STARTS + 1)) {
      if (start === best.chosen[0]) continue;
      const other = yield* pass(segments, analysis, groups, ranking, settings, start);
      const reaches = other.words >= budget.limit;
      if (reaches !== best.words >= budget.limit ? reaches : other.value > best.value) best = other;
    }
  }
  yield { stage: 'select', done: groups.count, total: groups.count };
  const { chosen } = best;
  // Facts were there, but none fits: the budget that would take the shortest (same kind).
  let budgetNeeded: Budget | undefined;
  if (chosen.length === 0 && groups.count > 0 && budget.kind !== 'sentences') {
    let limit = Infinity;
    for (let g = 0; g < groups.count; g++) {
      const sentence = groups.representative[g]!;
      // A sentence of w words fits a budget N when w ≤ 1.3 × N.
      const size = budget.kind === 'words' ? Math.ceil(analysis.words[sentence]! / WORDS_OVERSHOOT - 1e-9) : segments.end[sentence]! - segments.start[sentence]!;
      if (size < limit) limit = size;
    }
    budgetNeeded = { kind: budget.kind, limit };
  }
  return { chosen, budgetNeeded };
}

/** Words of every fact's representative together. */
function wordsOfAll(analysis: Analysis, groups: Groups): number {
  let words = 0;
  for (let g = 0; g < groups.count; g++) words += analysis.words[groups.representative[g]!]!;
  return words;
}

/** The `count` groups of greatest prior × all their concept weight, best first (ties by id). */
function worthMost(ranking: Ranking, groups: number, count: number): number[] {
  const { conceptStart, concept, conceptWeight, prior } = ranking;
  const worth = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    for (let p = conceptStart[g]!; p < conceptStart[g + 1]!; p++) worth[g] = worth[g]! + conceptWeight[concept[p]!]!;
    worth[g] = worth[g]! * prior[g]!;
  }
  const top: number[] = [];
  for (let g = 0; g < groups; g++) {
    let at = top.length;
    while (at > 0 && worth[top[at - 1]!]! < worth[g]!) at--;
    if (at < count) top.splice(at, 0, g);
    if (top.length > count) top.pop();
  }
  return top;
}

/** One greedy pass; `first` (≥ 0) is taken first when it fits, then the greedy rule as usual. */
function* pass(segments: Segments, analysis: Analysis, groups: Groups, ranking: Ranking, settings: SelectSettings, first: number): Work<Pass> {
  const { budget } = settings;
  const { conceptStart, concept, conceptWeight, prior, lengthCost } = ranking;
  const covered = new Uint8Array(conceptWeight.length);
  const gain = (group: number) => {
    let weight = 0;
    for (let p = conceptStart[group]!; p < conceptStart[group + 1]!; p++) if (!covered[concept[p]!]) weight += conceptWeight[concept[p]!]!;
    return (prior[group]! * weight) / lengthCost[group]!;
  };
  const report = first < 0; // progress from the first pass only: it never moves back

  // Upper bounds of each candidate's current gain; exact for the one at the top when re-scored.
  const bound = new Float64Array(groups.count);
  const queue = new CandidateQueue(bound, groups.representative);
  for (let g = 0; g < groups.count; g++) {
    if ((g & 4095) === 4095) yield;
    bound[g] = g === first ? Infinity : gain(g);
    queue.push(g);
  }
  if (report) yield { stage: 'select', done: 0, total: groups.count };

  const chosen: number[] = [];
  const redundancy = new RedundancyIndex(ranking.vectors, groups.representative, analysis, settings);
  let words = 0;
  let characters = 0;
  let value = 0;
  let steps = 0;
  let nextTick = WORK_PER_TICK; // steps and redundancy work at which to tick next
  while (queue.size > 0) {
    if (++steps + redundancy.work >= nextTick) {
      nextTick = steps + redundancy.work + WORK_PER_TICK;
      yield report ? { stage: 'select', done: groups.count - queue.size, total: groups.count } : undefined;
    }
    const group = queue.pop()!;
    const sentence = groups.representative[group]!;
    const sentenceWords = analysis.words[sentence]!;
    const length = segments.end[sentence]! - segments.start[sentence]!;
    // What does not fit now never will: the totals only grow.
    if (budget.kind === 'words' && words + sentenceWords > budget.limit * WORDS_OVERSHOOT) continue;
    if (budget.kind === 'characters' && characters + (chosen.length > 0 ? 1 : 0) + length > budget.limit) continue;

    const current = group === first ? Infinity : gain(group);
    const next = queue.peek();
    if (next !== undefined && (current < bound[next]! || (current === bound[next]! && groups.representative[next]! < sentence))) {
      bound[group] = current; // stale: back in line with its true gain
      queue.push(group);
      continue;
    }
    if (current <= 0) continue;

    if (redundancy.repeats(group)) continue; // it stays redundant: the chosen set only grows

    chosen.push(group);
    value += gain(group) * lengthCost[group]!;
    redundancy.add(group);
    for (let p = conceptStart[group]!; p < conceptStart[group + 1]!; p++) covered[concept[p]!] = 1;
    words += sentenceWords;
    characters += (chosen.length > 1 ? 1 : 0) + length;
    if (budget.kind === 'words' && words >= budget.limit) break;
    if (budget.kind === 'sentences' && chosen.length >= budget.limit) break;
  }
  return { chosen, words, value };
}
