/**
 * A check over summaries that does not trust the library's own classifier: counts sentences
 * that look like page furniture, fragments, and openings that refer to something the reader
 * has not been told (a connective anywhere, or a pronoun opening the summary).
 */
export interface ReadabilityCounts {
  sentences: number;
  furniture: number;
  fragments: number;
  danglingStart: number;
}

const FURNITURE =
  /^(?:advertisement|image (?:copyright|caption|source)|photo:|video:|share (?:this|on)|click here|follow us|sign up|subscribe|read more|related|story highlights|associated press$|reuters$|copyright|all rights reserved)|\b(?:getty images|ap photo|click here|newsletter|cookies)\b|…$|\.\.\.$/i;
/** A byline run into the first sentence: "By Jane Doe and John Roe The mayor said …" (case matters). */
const BYLINE = /^By (?:[A-Z][a-z]+ |[A-Z]\. ){1,3}(?:and (?:[A-Z][a-z]+ |[A-Z]\. ){1,3})?[A-Z][a-z]+ [A-Z]/;
/** Opens with a pronoun: unresolved only when nothing comes before it (the summary's first sentence). */
const PRONOUN_OPENING = /^["“'‘]?(?:he|she|it|they|them|his|her|its|their|this|these|those)\b/i;
/** Opens with a connective that points at text the summary may not carry, wherever it stands. */
const CONNECTIVE_OPENING = /^["“'‘]?(?:but|and|however|also|meanwhile|still|yet|so|then|thus|therefore|moreover|instead)\b/i;

export function readability(lines: readonly string[]): ReadabilityCounts {
  const counts: ReadabilityCounts = { sentences: lines.length, furniture: 0, fragments: 0, danglingStart: 0 };
  for (const [index, line] of lines.entries()) {
    if (FURNITURE.test(line) || BYLINE.test(line)) counts.furniture++;
    if (!/[.!?]["'”’)]*$/.test(line) || line.split(/\s+/).length < 4) counts.fragments++;
    if (CONNECTIVE_OPENING.test(line) || (index === 0 && PRONOUN_OPENING.test(line))) counts.danglingStart++;
  }
  return counts;
}
