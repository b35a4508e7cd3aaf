/**
 * Stage 3, dedupe: prose sentences → groups of near-identical sentences (one fact each).
 *
 * Two sentences are duplicates when the Levenshtein distance between their comparison keys
 * is at most `threshold × (length of the longer key)`; groups are the transitive closure
 * (union-find). A sentence that contains another with a few words added ("SHARE North
 * Korea's leader is in Russia…") is within that distance: for a contained key the distance
 * is exactly the length difference.
 *
 * Never all pairs: identical keys collapse first (wire copy reprinted verbatim costs
 * nothing), and the other keys are compared only with candidates from blocking, within a
 * bounded amount of work per key (compare.ts). Layout: `Groups` in model.ts.
 */
import type { Analysis, Groups, Segments } from '../model.js';
import type { Work } from '../schedule.js';
import type { Progress } from '../types.js';
import { compareKeys } from './compare.js';
import { filled } from '../filled.js';

export interface DedupeSettings {
  duplicateThreshold: number;
}

export function* dedupe(segments: Segments, analysis: Analysis, settings: DedupeSettings): Work<Groups> {
  const threshold = settings.duplicateThreshold;
  const { count } = segments;
  // Progress in sentences, over five passes: keys, terms, comparisons, groups, representatives.
  const tick = (pass: number, sentence: number): Progress => ({ stage: 'dedupe', done: pass * count + sentence, total: 5 * count });
  yield tick(0, 0);
  const groupOf = yield* filled(new Int32Array(count), -1);

  // 1. Identical keys collapse: analyse numbered each distinct key (`keyId`) in order of first
  // appearance; per distinct key its first sentence.
  const distinctOf = analysis.keyId;
  const firstSentence: number[] = [];
  for (let i = 0; i < count; i++) {
    if ((i & 65535) === 65535) yield tick(0, i);
    if (distinctOf[i] === firstSentence.length) firstSentence.push(i);
  }
  const distinctCount = firstSentence.length;

  // 2. Distinct terms per distinct key (key d's are `terms[termStart[d] .. termStart[d + 1])`,
  // ascending), and how many distinct keys hold each term.
  const termStart = new Int32Array(distinctCount + 1);
  // Sized from the sentences' term counts (an upper bound): a plain array of millions grew by
  // copies and was copied once more, each a long pause.
  let most = 0;
  for (let d = 0; d < distinctCount; d++) {
    most += analysis.termStart[firstSentence[d]! + 1]! - analysis.termStart[firstSentence[d]!]!;
    if ((d & 65535) === 65535) yield;
  }
  const terms = new Int32Array(most);
  let listed = 0;
  // Indexed by term, at random: every page mapped first (`filled`).
  const keyFrequency = yield* filled(new Int32Array(analysis.termCount));
  const seen = yield* filled(new Int32Array(analysis.termCount), -1);
  for (let d = 0; d < distinctCount; d++) {
    if ((d & 4095) === 4095) yield tick(1, firstSentence[d]!);
    const sentence = firstSentence[d]!;
    termStart[d] = listed;
    for (let p = analysis.termStart[sentence]!; p < analysis.termStart[sentence + 1]!; p++) {
      const term = analysis.terms[p]!;
      if (seen[term] === d) continue;
      seen[term] = d;
      terms[listed++] = term;
      keyFrequency[term]!++;
    }
  }
  termStart[distinctCount] = listed;
  for (let d = 0; d < distinctCount; d++) {
    terms.subarray(termStart[d], termStart[d + 1]).sort();
    if ((d & 4095) === 4095) yield;
  }

  // 3. Compare each key with earlier keys that share one of its rarest terms: union-find over distinct keys.
  const { union, comparisons } = yield* compareKeys(analysis.keys, { termStart, terms }, keyFrequency, threshold, (d) => tick(2, firstSentence[d] ?? count));

  // 4. Groups, numbered by first member; members in sentence order.
  const groupOfRoot = new Int32Array(distinctCount).fill(-1);
  const groupSizes: number[] = [];
  for (let i = 0; i < count; i++) {
    if ((i & 4095) === 4095) yield tick(3, i);
    const distinct = distinctOf[i]!;
    if (distinct < 0) continue;
    const root = union.find(distinct);
    let group = groupOfRoot[root]!;
    if (group < 0) {
      group = groupSizes.length;
      groupOfRoot[root] = group;
      groupSizes.push(0);
    }
    groupOf[i] = group;
    groupSizes[group]!++;
  }
  const groupCount = groupSizes.length;
  const memberStart = new Int32Array(groupCount + 1);
  for (let g = 0; g < groupCount; g++) memberStart[g + 1] = memberStart[g]! + groupSizes[g]!;
  const members = new Int32Array(memberStart[groupCount]!);
  const fill = memberStart.slice(0, groupCount);
  for (let i = 0; i < count; i++) {
    const group = groupOf[i]!;
    if (group >= 0) members[fill[group]!++] = i;
  }

  // 5. Representative (most common key, earliest on a tie) and support (distinct documents).
  const representative = new Int32Array(groupCount);
  const support = new Int32Array(groupCount);
  let duplicateGroups = 0;
  // Members per distinct key within one group, zero between groups (each group clears what it
  // counted): a map of a million-member group's keys rehashed them all in one turn.
  const keyCount = new Int32Array(distinctCount);
  let membersSincePause = 0; // members read since the last pause: one group may hold a million
  const pause = (read: number): boolean => {
    membersSincePause += read;
    if (membersSincePause < 20_000) return false;
    membersSincePause = 0;
    return true;
  };
  for (let g = 0; g < groupCount; g++) {
    if (pause(8)) yield tick(4, members[memberStart[g]!]!);
    const from = memberStart[g]!;
    const to = memberStart[g + 1]!;
    if (to - from > 1) duplicateGroups++;
    let best = members[from]!;
    let documents = 0;
    let lastDocument = -1;
    if (to - from > 1) {
      let bestCount = 0;
      for (let p = from; p < to; p++) {
        const n = ++keyCount[distinctOf[members[p]!]!]!;
        if (n > bestCount) bestCount = n;
        if (pause(1)) yield; // within a group: progress stays at its first member
      }
      // The earliest member (by documentId, start) whose key is among the most common.
      for (let p = from; p < to; p++) {
        if (keyCount[distinctOf[members[p]!]!] === bestCount) {
          best = members[p]!;
          break;
        }
      }
      for (let p = from; p < to; p++) {
        keyCount[distinctOf[members[p]!]!] = 0;
        if (pause(1)) yield;
      }
    }
    for (let p = from; p < to; p++) {
      const document = segments.doc[members[p]!]!;
      if (document !== lastDocument) {
        documents++;
        lastDocument = document;
      }
      if (pause(1)) yield;
    }
    representative[g] = best;
    support[g] = documents;
  }
  yield tick(5, 0);
  return { count: groupCount, groupOf, keyId: distinctOf, memberStart, members, representative, support, duplicateGroups, comparisons };
}
