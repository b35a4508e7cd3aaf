/**
 * A check over summaries that does not trust the library's own classifier: it counts, with
 * patterns of its own, what a reader notices and ROUGE does not.
 *
 * - furniture: a sentence that is page furniture, or carries some glued to it (a video
 *   player's "CLOSE", "Watch:", "Photo:", "Getty Images", a byline run into the text);
 * - lowerStart: a sentence that starts in lower case (a piece cut out of a longer one);
 * - fragments: no final punctuation, or under four words;
 * - danglingStart: an opening that refers to something the reader has not been told (a
 *   connective anywhere, or a pronoun opening the summary);
 * - unbalancedQuotes: quotation marks that do not pair up (a piece of a longer quotation);
 * - unattributedQuotes: a sentence that is all quotation, with no one saying it;
 * - repeats: pairs of sentences of one summary that say one fact twice: at least half of the
 *   shorter one's stemmed content words (stopwords removed) are in the other.
 */
import { eng } from 'stopword';
import { rougeStem } from './rouge.js';

export interface ReadabilityCounts {
  sentences: number;
  furniture: number;
  lowerStart: number;
  fragments: number;
  danglingStart: number;
  unbalancedQuotes: number;
  unattributedQuotes: number;
  repeats: number;
}

export const emptyCounts = (): ReadabilityCounts => ({
  sentences: 0,
  furniture: 0,
  lowerStart: 0,
  fragments: 0,
  danglingStart: 0,
  unbalancedQuotes: 0,
  unattributedQuotes: 0,
  repeats: 0,
});

const FURNITURE =
  /^(?:advertisement|image (?:copyright|caption|source)|photo:|video:|share (?:this|on)|click here|follow us|sign up|subscribe|read more|related|story highlights|associated press$|reuters$|copyright|all rights reserved)|\b(?:getty images|ap photo|click here|newsletter|cookies)\b|…$|\.\.\.$/i;
/** The site talking to its reader: forms, calls for comments and pictures, missing-page and help notices. */
const SITE_NOTICE =
  /\b(?:our mailing list|(?:the|this) form below|fill (?:in|out) (?:this|the|your) (?:form|details)|our help (?:center|centre|desk)|page (?:url|address) may have|from a bookmark, the page|may no longer be here|share your (?:own )?(?:thoughts|views))\b|\bin the comments(?: below)?\W*$|^(?:click below|send us your|(?:you must |please )?confirm your (?:e-?mail|signature|subscription)|(?:please )?leave (?:your |a )?comments? below|have your say)/i;
/** Furniture glued to the front of a sentence: a player's button, a label, a credit, an outlet's name in brackets (case matters for the capitals). */
const FURNITURE_PREFIX =
  /^(?:CLOSE|Close|SKIP|Skip|Replay|REPLAY|Watch(?: video)?:|WATCH:|Video:|VIDEO:|Photo:|PHOTO:|Photos:|Listen:|Read more:|Related:|RELATED:|More:|Getty Images|AP Photo|FILE\s*[-–—]|File\s*[-–—]|Image \d+ of \d+|\d+ of \d+ |\([A-Z][A-Za-z. ]{0,30}\)\s*(?:—|–|--?)|\([A-Z]{2,8}\) (?=[A-Z]))/;
/** A byline run into the first sentence: "By Jane Doe and John Roe The mayor said …" (case matters). */
const BYLINE = /^By (?:[A-Z][a-z]+ |[A-Z]\. ){1,3}(?:and (?:[A-Z][a-z]+ |[A-Z]\. ){1,3})?[A-Z][a-z]+ [A-Z]/;
/** Opens with a pronoun: unresolved only when nothing comes before it (the summary's first sentence). */
const PRONOUN_OPENING = /^["“'‘]?(?:he|she|it|they|them|his|her|its|their|this|these|those)\b/i;
/** Opens with a connective that points at text the summary may not carry, wherever it stands. */
const CONNECTIVE_OPENING = /^["“'‘]?(?:but|and|however|also|meanwhile|still|yet|so|then|thus|therefore|moreover|instead)\b/i;
/** Opens in lower case, after any quotes or brackets ("was arrested on Monday …"); "iPhone" and "eBay" are names. */
const LOWER_START = /^["“'‘(\[]*[a-z](?![A-Z])/;
/** Words that name who is speaking or where a quotation comes from. */
const ATTRIBUTION =
  /\b(?:said|says|say|told|tells|tell|asked|asks|added|adds|wrote|writes|according|explained|explains|noted|notes|stated|states|announced|declared|insisted|argued|claimed|claims|recalled|continued|tweeted|posted|replied|responded|warned|joked|quipped|admitted|acknowledged|described|called|calls|put it|statement|interview)\b/i;
const STOPWORDS = new Set(eng);

/** Quotation marks that do not pair up: curly ones that do not balance, or an odd number of straight double quotes. */
function unbalanced(line: string): boolean {
  let curly = 0;
  let straight = 0;
  for (const char of line) {
    if (char === '“') curly++;
    else if (char === '”') curly--;
    else if (char === '"') straight++;
  }
  return curly !== 0 || straight % 2 === 1;
}

/** All quotation (under four words outside the quotes) and no word of attribution anywhere. */
function unattributed(line: string): boolean {
  if (!/["“”]/.test(line)) return false;
  const outside = line.replace(/[“"][^”"]*[”"]?/g, ' ');
  return outside.split(/\s+/).filter((word) => /[a-z0-9]/i.test(word)).length < 4 && !ATTRIBUTION.test(line);
}

/** A stopword with a contraction ("i'm", "don't", "they're") is a stopword. */
const isStopword = (token: string) =>
  STOPWORDS.has(token) || (token.includes("'") && (STOPWORDS.has(token.slice(0, token.indexOf("'"))) || (token.endsWith("n't") && STOPWORDS.has(token.slice(0, -3)))));

/** Stemmed content words of a sentence (stopwords, contracted ones too, and single characters removed), as a set. */
export function contentWords(line: string): Set<string> {
  const words = new Set<string>();
  for (const token of line.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z0-9]+(?:'[a-z0-9]+)*/g) ?? []) {
    const word = token.endsWith("'s") ? token.slice(0, -2) : token;
    if (word.length < 2 || isStopword(word)) continue;
    words.add(rougeStem(word.replace(/'/g, ''), false));
  }
  return words;
}

/** At least half of the shorter sentence's content words are in the other (and it has some). */
export function sayTheSame(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [shorter, longer] = a.size <= b.size ? [a, b] : [b, a];
  if (shorter.size === 0) return false;
  let shared = 0;
  for (const word of shorter) if (longer.has(word)) shared++;
  return 2 * shared >= shorter.size;
}

export function readability(lines: readonly string[]): ReadabilityCounts {
  const counts = emptyCounts();
  counts.sentences = lines.length;
  const words = lines.map(contentWords);
  for (const [index, line] of lines.entries()) {
    if (FURNITURE.test(line) || SITE_NOTICE.test(line) || FURNITURE_PREFIX.test(line) || BYLINE.test(line)) counts.furniture++;
    if (LOWER_START.test(line)) counts.lowerStart++;
    if (!/[.!?]["'”’)]*$/.test(line) || line.split(/\s+/).length < 4) counts.fragments++;
    if (CONNECTIVE_OPENING.test(line) || (index === 0 && PRONOUN_OPENING.test(line))) counts.danglingStart++;
    if (unbalanced(line)) counts.unbalancedQuotes++;
    if (unattributed(line)) counts.unattributedQuotes++;
    for (let other = 0; other < index; other++) if (sayTheSame(words[index]!, words[other]!)) counts.repeats++;
  }
  return counts;
}
