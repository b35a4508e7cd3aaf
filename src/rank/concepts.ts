/**
 * Concepts: the words and word pairs selection covers, each weighted by how many articles
 * carry it.
 */
import type { Analysis, Groups, Ranking, Segments } from '../model.js';
import type { Work } from '../schedule.js';

/** Weight of a concept only one article has, and of a fact's private concept. */
const CONCEPT_FLOOR = 0.1;

/**
 * Concepts: per group, the distinct content terms and adjacent term pairs of its
 * representative, plus one private concept; each weighted by the articles that carry it
 * (counted over every prose sentence, so a reprinted fact's words count once per outlet).
 */
export function* concepts(segments: Segments, analysis: Analysis, groups: Groups, supportWeight: number): Work<Pick<Ranking, 'conceptStart' | 'concept' | 'conceptWeight'>> {
  const termCount = analysis.termCount;
  // Distinct articles per term and per pair: sentences come in document order, so a
  // "last document seen" stamp counts each article once.
  const termDocuments = new Int32Array(termCount);
  const termLastDocument = new Int32Array(termCount).fill(-1);
  const pairId = new Map<number, number>(); // first * termCount + second → pair index
  const pairDocuments: number[] = [];
  const pairLastDocument: number[] = [];
  for (let i = 0; i < segments.count; i++) {
    if ((i & 4095) === 4095) yield;
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
    if ((g & 4095) === 4095) yield;
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

