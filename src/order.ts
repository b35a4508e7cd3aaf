/**
 * Stage 6, order: chosen groups → output order.
 *
 * Reading order places each sentence by its representative's relative position among the
 * prose sentences of its article (index / count), so a lead comes first whichever article it
 * is from and a closing remark comes last; ties break by `(documentId, start)`. A summary does
 * not open with a sentence that cannot stand alone ("He said…", "But…") when a chosen one can:
 * the first that can moves to the front.
 * Score order is most salient first (`Ranking.score`), ties the same way.
 */
import { Kind, type Analysis, type Groups, type Segments } from './model.js';

export interface OrderSettings {
  order: 'source' | 'score';
}

export function order(
  segments: Segments,
  analysis: Analysis,
  groups: Groups,
  score: Float64Array,
  chosen: readonly number[],
  settings: OrderSettings,
): number[] {
  const sorted = [...chosen];
  if (settings.order === 'score') {
    sorted.sort((a, b) => score[b]! - score[a]! || groups.representative[a]! - groups.representative[b]!);
    return sorted;
  }
  // Each representative's share of its article's prose sentences before it. The chosen
  // representatives in sentence order (articles in order, each article's in order): one walk of
  // each article involved counts them all, however many of its sentences were chosen (a budget
  // of a thousand sentences from one article of a million walked it a thousand times).
  const representatives = chosen.map((group) => groups.representative[group]!).sort((a, b) => a - b);
  const share = new Map<number, number>();
  for (let r = 0; r < representatives.length; ) {
    const document = segments.doc[representatives[r]!]!;
    const from = r;
    const before: number[] = [];
    let prose = 0;
    for (let i = segments.firstOfDoc[document]!; i < segments.firstOfDoc[document + 1]!; i++) {
      if (r < representatives.length && representatives[r] === i) {
        before.push(prose);
        r++;
      }
      if (segments.kind[i] === Kind.PROSE) prose++;
    }
    for (let k = from; k < r; k++) share.set(representatives[k]!, prose > 0 ? before[k - from]! / prose : 0);
  }
  const position = new Map<number, number>();
  for (const group of chosen) position.set(group, share.get(groups.representative[group]!)!);
  sorted.sort((a, b) => position.get(a)! - position.get(b)! || groups.representative[a]! - groups.representative[b]!);
  const standsAlone = (group: number) => analysis.standalone[groups.representative[group]!] === 1;
  if (sorted.length > 1 && !standsAlone(sorted[0]!)) {
    const opener = sorted.findIndex(standsAlone);
    if (opener > 0) sorted.unshift(...sorted.splice(opener, 1));
  }
  return sorted;
}
