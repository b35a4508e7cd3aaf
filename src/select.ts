/**
 * Stage 5, select: scores → chosen groups, within the budget, never saying a thing twice.
 *
 * Candidates are taken best first (ties by `(documentId, start)` of the representative). A
 * candidate is rejected when it is near-identical to a chosen sentence (keys within the
 * duplicate threshold: blocking in dedupe may group by transitivity, this checks directly)
 * or says the same thing in other words (tf-idf cosine at or above `redundancyThreshold`).
 *
 * Budgets (a sentence is never cut):
 *   words       add until the total reaches N; skip a sentence that would pass 1.3 × N.
 *   sentences   exactly N (fewer only when the candidates run out).
 *   characters  sentences joined by one space never pass N; keep trying shorter ones.
 */
import type { Analysis } from './analyse.js';
import { keyDistance, type Groups } from './dedupe.js';
import type { Budget } from './options.js';
import { cosine, type Ranking } from './rank.js';
import type { Work } from './schedule.js';
import type { Segments } from './segment.js';

export interface SelectSettings {
  budget: Budget;
  duplicateThreshold: number;
  redundancyThreshold: number;
}

/** How far past a `words` budget the last sentence may run. */
export const WORDS_OVERSHOOT = 1.3;

export function* select(
  segments: Segments,
  analysis: Analysis,
  groups: Groups,
  ranking: Ranking,
  settings: SelectSettings,
): Work<number[]> {
  const candidates: number[] = [];
  for (let g = 0; g < groups.count; g++) candidates.push(g);
  candidates.sort(
    (a, b) => ranking.score[b]! - ranking.score[a]! || groups.representative[a]! - groups.representative[b]!,
  );
  yield { stage: 'select', done: 0, total: candidates.length };

  const { budget } = settings;
  const chosen: number[] = [];
  let words = 0;
  let characters = 0;
  for (let c = 0; c < candidates.length; c++) {
    if ((c & 255) === 255) yield { stage: 'select', done: c, total: candidates.length };
    const group = candidates[c]!;
    const sentence = groups.representative[group]!;
    const sentenceWords = analysis.words[sentence]!;
    const length = segments.end[sentence]! - segments.start[sentence]!;

    if (budget.kind === 'words' && words + sentenceWords > budget.limit * WORDS_OVERSHOOT) continue;
    if (budget.kind === 'characters' && characters + (chosen.length > 0 ? 1 : 0) + length > budget.limit) continue;

    let redundant = false;
    const key = analysis.key[sentence]!;
    for (const other of chosen) {
      const otherKey = analysis.key[groups.representative[other]!]!;
      const longer = Math.max(key.length, otherKey.length);
      if (
        cosine(ranking.vectors, group, other) >= settings.redundancyThreshold ||
        (Math.abs(key.length - otherKey.length) <= settings.duplicateThreshold * longer &&
          keyDistance(key, otherKey) <= settings.duplicateThreshold)
      ) {
        redundant = true;
        break;
      }
    }
    if (redundant) continue;

    chosen.push(group);
    words += sentenceWords;
    characters += (chosen.length > 1 ? 1 : 0) + length;
    if (budget.kind === 'words' && words >= budget.limit) break;
    if (budget.kind === 'sentences' && chosen.length >= budget.limit) break;
  }
  yield { stage: 'select', done: candidates.length, total: candidates.length };
  return chosen;
}
