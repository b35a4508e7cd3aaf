/**
 * Stage 6, order: chosen groups → output order.
 *
 * Reading order places each sentence by its representative's relative position among the
 * prose sentences of its article (index / count), so a lead comes first whichever article it
 * is from and a closing remark comes last; ties break by `(documentId, start)`.
 * Score order is best first, ties the same way.
 */
import type { Groups } from './dedupe.js';
import { Kind } from './furniture.js';
import type { Segments } from './segment.js';

export function order(segments: Segments, groups: Groups, score: Float64Array, chosen: readonly number[], by: 'source' | 'score'): number[] {
  const sorted = [...chosen];
  if (by === 'score') {
    sorted.sort((a, b) => score[b]! - score[a]! || groups.representative[a]! - groups.representative[b]!);
    return sorted;
  }
  const position = new Map<number, number>();
  for (const group of chosen) {
    const sentence = groups.representative[group]!;
    const document = segments.doc[sentence]!;
    let before = 0;
    let total = 0;
    for (let i = segments.firstOfDoc[document]!; i < segments.firstOfDoc[document + 1]!; i++) {
      if (segments.kind[i] !== Kind.PROSE) continue;
      if (i < sentence) before++;
      total++;
    }
    position.set(group, total > 0 ? before / total : 0);
  }
  sorted.sort((a, b) => position.get(a)! - position.get(b)! || groups.representative[a]! - groups.representative[b]!);
  return sorted;
}
