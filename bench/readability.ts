/**
 * A check over summaries that does not trust the library's own classifier: counts sentences
 * that look like page furniture, fragments, and openings that refer to something the reader
 * has not been told.
 */
export interface ReadabilityCounts {
  sentences: number;
  furniture: number;
  fragments: number;
  danglingStart: number;
}

const FURNITURE =
  /^(?:advertisement|image (?:copyright|caption|source)|photo:|video:|share (?:this|on)|click here|follow us|sign up|subscribe|read more|related|story highlights|by [A-Z][a-z]+ [A-Z]|associated press$|reuters$|copyright|all rights reserved)|\b(?:getty images|ap photo|click here|newsletter|cookies)\b|…$|\.\.\.$/i;
const DANGLING = /^["“'‘]?(?:he|she|it|they|them|his|her|its|their|this|these|those|but|and|however|also|meanwhile|still|yet|so)\b/i;

export function readability(lines: readonly string[]): ReadabilityCounts {
  const counts: ReadabilityCounts = { sentences: lines.length, furniture: 0, fragments: 0, danglingStart: 0 };
  for (const line of lines) {
    if (FURNITURE.test(line)) counts.furniture++;
    if (!/[.!?]["'”’)]*$/.test(line) || line.split(/\s+/).length < 4) counts.fragments++;
    if (DANGLING.test(line)) counts.danglingStart++;
  }
  return counts;
}
