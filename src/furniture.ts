/**
 * What is not prose. Scraped news pages carry headlines, photo captions and credits, share
 * buttons, bylines, datelines, "The Latest" link lists and other page furniture. Such
 * sentences are marked with a kind other than `PROSE` and never selected (nor ranked, nor
 * merged); the segmenter keeps them, so every sentence index and count stays honest.
 *
 * Rules work on one line of the original text at a time (with a little context), because
 * furniture is laid out in lines: a caption is its own line, a headline has no full stop.
 */

export const Kind = {
  PROSE: 0,
  /** A line without final punctuation (headline, subhead, label), or a short question alone on a line. */
  HEADING: 1,
  /** A photo caption or credit. */
  CAPTION: 2,
  /** Share buttons and similar controls ("SHARE …", "Share on Facebook"). */
  SHARE: 3,
  /** Bylines, agency lines, "With files from …", "… contributed to this report". */
  BYLINE: 4,
  /** A dateline or date standing alone ("SEOUL, South Korea —", "Updated 3:04 PM"). */
  DATELINE: 5,
  /** A "The Latest" / "Related" list of links to other stories. */
  LINK_LIST: 6,
  /** Advertisement markers, newsletter and follow prompts, cookie and copyright notices. */
  BOILERPLATE: 7,
  /** Too short, or not ending as a sentence ends (cut-off text, a lead-in ending in ":"). */
  FRAGMENT: 8,
  /** A piece of a run of text longer than `maxSentenceLength` without a boundary. */
  OVERLONG: 9,
  /** A line that appears twice in its document (alt text and caption, a repeated headline). */
  REPEATED: 10,
  /** Mostly markup, symbols, digits or control characters rather than words. */
  NOISE: 11,
} as const;

export type KindCode = (typeof Kind)[keyof typeof Kind];

export const KIND_NAMES: readonly string[] = Object.keys(Kind).map((name) => name.toLowerCase().replace('_', ' '));

/** Final punctuation, possibly followed by closing quotes or brackets. */
const ENDS_AS_SENTENCE = /[.!?…。！？](?:["'”’»)\]]{0,3})$/u;

const SHARE = /^(?:SHARE\b|(?:share|tweet|email|e-mail|print|pin|save|comments?|reddit|facebook|twitter|linkedin|whatsapp|flipboard)(?:\s+(?:this|on|via|to|article|story|page|post|link)\b.*)?$)/i;

const CAPTION_LABEL =
  /^(?:\(?(?:image|images|photo|photos|photograph|picture|video|graphic|illustration|caption|credit|photo credit|image credit|image source|source|media|gallery)s?(?:\s+(?:source|credit|copyright|caption|courtesy))?\s*[:|\-–—]|image copyright\b|image caption\b|media caption\b|getty images\b|\(?ap photo\b|\(?photo by\b|\(?photo courtesy\b|\(?courtesy of\b|view (?:photo|image)s?\b|click (?:to|here to) (?:enlarge|expand)\b|\d+\s+photos?\b|file photo\b|photo:)/i;

/** ", left," and friends: who is where in a picture. */
const CAPTION_POSITION = /(?:,\s(?:left|right|centre|center|top|bottom|front|rear|background|foreground|second (?:from )?(?:left|right)|far (?:left|right))\s?,|\((?:L|R|C|left|right|center|centre|top|bottom)\)|\b(?:pictured|seen here)\b|\b(?:AP|AFP|Reuters|Getty|EPA|Shutterstock|Bloomberg|Xinhua)\s*(?:Photo|Images?)\b|\bphoto(?:graph)?\s*(?:by|:|\/)|\/\s?(?:AP|AFP|Reuters|Getty Images|EPA)\b)/i;

/** Bylines that depend on capitals, so matched case-sensitively (under /iu, \p{Lu} matches any letter). */
const BYLINE_NAMED = /^(?:(?:By|BY)\s+\p{Lu}|\p{Lu}[\p{L}.'’ -]{1,40}\s+(?:reports|writes) (?:from|for)\b|(?:Follow|follow) (?:@\S+|\p{Lu}\S*(?: \p{Lu}\S*)?) on (?:Twitter|X|Facebook|Instagram|Threads|Bluesky)\b)/u;

const BYLINE =
  /^(?:(?:the\s+)?(?:associated press|reuters|afp|agence france-presse|bloomberg|cnn|bbc(?: news)?|npr|ap|upi|staff(?: writer| reporter)?|wire services?)$|with (?:files|reporting|additional reporting) from\b|(?:additional )?(?:reporting|writing|editing|research) by\b|[^.]{0,120}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b|(?:this|the) (?:article|story|report) (?:was|has been) (?:updated|corrected|amended)\b|correction:|editor'?s note:|contact (?:the )?(?:author|reporter|writer)\b|email (?:the )?(?:author|reporter)\b)/i;

const BOILERPLATE =
  /^(?:advertisement|advertising|sponsored(?: content)?|story highlights|highlights|story continues below|continue reading\b|read (?:more|next|the full|the rest)\b|click (?:here|to)\b|tap (?:here|to)\b|sign up\b|subscribe\b|already a subscriber\b|log ?in\b|register\b|follow us\b|like us on\b|join us on\b|download (?:the|our) app\b|get (?:the|our) (?:app|newsletter)\b|newsletter\b|watch:|listen:|watch (?:the )?video\b|watch live\b|video:|audio:|loading\b|please enable javascript\b|enable javascript\b|your browser does not support\b|media playback is (?:unsupported|not supported)\b|skip (?:ad|advertisement)\b|this (?:video|content|page|site) (?:is|uses|requires)\b|we use cookies\b|by (?:using|continuing)\b.{0,40}\b(?:cookies|site)\b|all rights reserved\b|copyright\b|©|\(c\)\s*\d{4}|terms (?:of (?:use|service)|and conditions)\b|privacy policy\b|related:|related (?:content|coverage|stories|articles|links|video)\b|more:|see also\b|also read\b|recommended\b|trending\b|most (?:read|popular|viewed|shared)\b|(?:this|the) (?:article|story|post) (?:first |originally )?appeared\b|(?:this|the) (?:article|story) (?:is|was) (?:reproduced|republished|published)\b|(?:originally|first) published\b|for more (?:news|stories|information)\b|get breaking news\b|breaking news alerts?\b|we want to hear from you\b|share your (?:views|thoughts|story)\b|comments? (?:are|have been) (?:closed|disabled)\b|leave a comment\b|\d+ comments?\b|next (?:article|story|slide)\b|previous (?:article|story|slide)\b|back to top\b|view comments\b|show comments\b|report an error\b)/i;

/** Calls to action that make a sentence furniture wherever they stand in it. */
const BOILERPLATE_ANYWHERE = /\b(?:click here|tap here|sign up (?:for|to) (?:our|the|a) [^.]{0,60}\bnewsletters?|subscribe to (?:our|the) [^.]{0,60}\b(?:newsletters?|channel|podcast))\b/i;

const LINK_LIST_HEADING =
  /^(?:the latest|latest(?: news| stories| headlines)?|related(?: (?:stories|articles|coverage|content|news|links|reading|posts))?|read (?:more|next|also)|more (?:from|on|news|stories|coverage)\b.{0,40}|recommended(?: for you| stories)?|you (?:may|might) (?:also )?(?:like|be interested in)|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|top (?:stories|news|headlines)|editor'?s picks|also (?:read|see|on [\p{L} ]{1,30})|see also|popular (?:now|stories)|what to read next|further reading|in other news|elsewhere|more headlines)\s*:?$/iu;

/**
 * "SEOUL, South Korea (AP) —" or "FORT WAYNE, Ind. (WANE)" at the start of a line: a dateline
 * before the first sentence (a dash, or an agency in capitals in brackets, ends it).
 */
const DATELINE_PREFIX =
  /^[\p{Lu}][\p{Lu}.'’ -]{1,40}(?:,\s*[\p{Lu}][\p{L}.'’ -]{1,40}){0,2}\s*(?:(?:\([\p{L}\s.]{1,30}\)\s*)?(?:[—–]|--?)\s*|\(\p{Lu}[\p{Lu}\s.]{1,20}\)\s+)/u;

const DATE_ALONE =
  /^(?:(?:published|updated|posted|last updated|first published|modified)\b.{0,60}|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+(?:\d{1,2}\s+)?[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?.{0,30}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}.{0,30}|\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}.{0,30}|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}.{0,30}|\d{1,2}:\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?.{0,40})$/i;

/** Exactly the characters JavaScript's `\s` matches, without a regular expression. */
export function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Whitespace-separated words (as `text.split(/\s+/)` counts them): the unit of the `words` budget. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceCode(text.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      count++;
    }
  }
  return count;
}

const NON_ASCII_LETTER = /\p{L}/u;
const NON_ASCII_UPPER = /\p{Lu}/u;

/**
 * Letters among visible characters, and upper-case among letters, in one pass over char
 * codes (ASCII without a regular expression: this runs on every sentence). Markup, numbers
 * and binary garbage have a low letter share; shouted headings a high upper-case share.
 */
function letterProfile(text: string): { letterShare: number; upperShare: number } {
  let letters = 0;
  let upper = 0;
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (isSpaceCode(code)) continue;
      visible++;
      if (code >= 65 && code <= 90) {
        letters++;
        upper++;
      } else if (code >= 97 && code <= 122) letters++;
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue; // counted with its high surrogate
    if (isSpaceCode(code)) continue;
    const char = code >= 0xd800 && code <= 0xdbff ? text.slice(i, i + 2) : text[i]!;
    visible++;
    if (NON_ASCII_LETTER.test(char)) {
      letters++;
      if (NON_ASCII_UPPER.test(char)) upper++;
    }
  }
  return { letterShare: visible === 0 ? 0 : letters / visible, upperShare: letters === 0 ? 0 : upper / letters };
}

/** A line of a document and the sentences found in it, as offsets into the document's text. */
export interface LineSentences {
  /** Offsets of the line's text, trimmed. */
  start: number;
  end: number;
  /** A blank line (or the document start) comes right before this line. */
  afterBlank: boolean;
  /** Sentence spans in the line, in order: `[start0, end0, start1, end1, …]`. */
  spans: number[];
}

/** Length of a dateline prefix at the start of a line's first sentence, or 0. */
export function datelinePrefixLength(sentence: string): number {
  const match = DATELINE_PREFIX.exec(sentence);
  if (!match) return 0;
  const rest = sentence.slice(match[0].length);
  if (rest === '') return /\p{Lu}{2,}/u.test(match[0]) ? match[0].length : 0; // a dateline standing alone
  // A dateline introduces a sentence; "U.S. - China talks" is not one.
  if (!/^[\p{Lu}"“‘'(\p{N}]/u.test(rest) || !/\p{Lu}{2,}/u.test(match[0])) return 0;
  return match[0].length;
}

/** Kind of one sentence judged alone (not its line). */
export function sentenceKind(sentence: string, aloneOnLine: boolean): KindCode {
  const words = countWords(sentence);
  // Dates are mostly digits: check them before the test for noise.
  if (aloneOnLine && DATE_ALONE.test(sentence) && words <= 12) return Kind.DATELINE;
  if (datelinePrefixLength(sentence) === sentence.length) return Kind.DATELINE;
  const profile = letterProfile(sentence);
  if (profile.letterShare < 0.5 || /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?>|[\u0000-\u0008\u000e-\u001f\ufffd]/i.test(sentence)) return Kind.NOISE;
  if (SHARE.test(sentence) && (words <= 12 || sentence.startsWith('SHARE '))) return Kind.SHARE;
  if (CAPTION_LABEL.test(sentence)) return Kind.CAPTION;
  if ((BYLINE_NAMED.test(sentence) || BYLINE.test(sentence)) && words <= 40) return Kind.BYLINE;
  if ((BOILERPLATE.test(sentence) || BOILERPLATE_ANYWHERE.test(sentence)) && words <= 40) return Kind.BOILERPLATE;
  // Scraped pages cut articles off with an ellipsis ("The mayor said the plan would…").
  if (/(?:…|\.\.\.)["'”’)]*$/.test(sentence)) return Kind.FRAGMENT;
  if (!ENDS_AS_SENTENCE.test(sentence)) {
    // A headline starts like a sentence and stands alone; a lead-in ("He said:") or cut-off text does not.
    const heading = aloneOnLine && words <= 25 && /^["“‘'(]?[\p{Lu}\p{N}]/u.test(sentence) && !/[:,;]$/.test(sentence);
    return heading ? Kind.HEADING : Kind.FRAGMENT;
  }
  if (aloneOnLine && /[?？]["'”’)]*$/.test(sentence) && words <= 15) return Kind.HEADING;
  if (words < 4) return Kind.FRAGMENT;
  if (words <= 25 && profile.upperShare > 0.7) return Kind.HEADING;
  return Kind.PROSE;
}

/**
 * Classify every sentence of one document. `text` is the document; `lines` its non-blank
 * lines with their sentence spans; `cache` (one per call) remembers sentence kinds across
 * documents, since reprints repeat them. Returns one kind per sentence, in order.
 */
export function classifyDocument(text: string, lines: readonly LineSentences[], cache?: Map<string, KindCode>): KindCode[] {
  const kinds: KindCode[] = [];
  // Lines that appear twice in a document are captions repeated as alt text, or headlines.
  const lineCounts = new Map<string, number>();
  for (const line of lines) {
    const key = text.slice(line.start, line.end);
    lineCounts.set(key, (lineCounts.get(key) ?? 0) + 1);
  }

  let linkListLeft = 0; // items of a link list still to mark
  let listMayFollowBlank = false; // the list heading stood alone in its block
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    const lineText = text.slice(line.start, line.end);
    const sentenceCount = line.spans.length / 2;
    const lineWords = countWords(lineText);

    let lineKind: KindCode | undefined;
    if (linkListLeft > 0 && (!line.afterBlank || listMayFollowBlank) && lineWords <= 45) {
      lineKind = Kind.LINK_LIST;
      linkListLeft--;
      listMayFollowBlank = false;
    } else {
      linkListLeft = 0;
      if (LINK_LIST_HEADING.test(lineText) && lineWords <= 8) {
        lineKind = Kind.LINK_LIST;
        linkListLeft = 12;
        listMayFollowBlank = true; // "Related" above a blank line: the list is the next block
      } else if (CAPTION_POSITION.test(lineText) && lineWords <= 80) {
        lineKind = Kind.CAPTION;
      } else if (/^SHARE\b/.test(lineText)) {
        lineKind = Kind.SHARE;
      }
    }

    const repeated = lineWords >= 5 && (lineCounts.get(lineText) ?? 0) > 1;
    for (let s = 0; s < sentenceCount; s++) {
      if (lineKind !== undefined) {
        kinds.push(lineKind);
        continue;
      }
      const sentence = text.slice(line.spans[2 * s]!, line.spans[2 * s + 1]!);
      // A sentence's own kind depends only on its text and whether it stands alone on its line.
      const cacheKey = (sentenceCount === 1 ? '1' : '0') + sentence;
      let kind = cache?.get(cacheKey);
      if (kind === undefined) {
        kind = sentenceKind(sentence, sentenceCount === 1);
        cache?.set(cacheKey, kind);
      }
      kinds.push(kind === Kind.PROSE && repeated ? Kind.REPEATED : kind);
    }
  }
  return kinds;
}
