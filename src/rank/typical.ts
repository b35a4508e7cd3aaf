/**
 * How typical of the cluster each article is: the cosine between the set of its content terms
 * and the set of terms that at least two articles use (the story's shared vocabulary), up to
 * one factor for the whole input. An article about something else (a page that strayed into
 * the cluster, an archive or sign-up notice, an unrelated story on the same page) shares few of
 * them; the article that tells the story most fully shares the most. A fact's prior is
 * multiplied by the square root of its best article's value over the best article's value, so a
 * typical article's lead outranks an off-topic article's lead, and a fact keeps a floor of
 * `TYPICALITY_FLOOR` (no fact is ruled out, whatever its article). With one article, or when no
 * two articles share a term, every fact gets 1.
 */
import type { Analysis, Groups, Segments } from '../model.js';
import type { Work } from '../schedule.js';

/** The least share of the most typical article's value a fact is credited with. */
const TYPICALITY_FLOOR = 0.1;

/** Per group: (typicality of its most typical article ÷ the best article's)^½, at least √TYPICALITY_FLOOR. */
export function* typicality(segments: Segments, analysis: Analysis, groups: Groups, termDocuments: Int32Array): Work<Float64Array> {
  const documents = segments.firstOfDoc.length - 1;
  const value = new Float64Array(documents);
  const seenIn = new Int32Array(analysis.termCount).fill(-1); // the document that counted each term last
  let best = 0;
  let work = 0;
  for (let d = 0; d < documents; d++) {
    let terms = 0;
    let shared = 0;
    for (let i = segments.firstOfDoc[d]!; i < segments.firstOfDoc[d + 1]!; i++) {
      if (groups.groupOf[i]! < 0) continue;
      for (let p = analysis.termStart[i]!; p < analysis.termStart[i + 1]!; p++) {
        const term = analysis.terms[p]!;
        if (seenIn[term] === d) continue;
        seenIn[term] = d;
        terms++;
        if (termDocuments[term]! >= 2) shared++;
      }
      if ((work += 8 + analysis.termStart[i + 1]! - analysis.termStart[i]!) >= 50_000) {
        work = 0;
        yield;
      }
    }
    value[d] = terms > 0 ? shared / Math.sqrt(terms) : 0;
    if (value[d]! > best) best = value[d]!;
  }
  const factor = new Float64Array(groups.count).fill(1);
  if (best === 0) return factor;
  for (let g = 0; g < groups.count; g++) {
    let most = 0;
    for (let p = groups.memberStart[g]!; p < groups.memberStart[g + 1]!; p++) most = Math.max(most, value[segments.doc[groups.members[p]!]!]!);
    factor[g] = Math.sqrt(Math.max(TYPICALITY_FLOOR, most / best));
    if ((g & 4095) === 4095) yield;
  }
  return factor;
}
