/**
 * English: what the segmenter, the furniture rules and the stand-alone test know about
 * English news. Everything here is data; the stages hold the logic.
 */
import type { ConflictWords, FurniturePatterns, LanguageRules } from './types.js';
import { porterStem } from './porter.js';

/**
 * Words that end in a full stop without ending a sentence: sbd's own English list (its
 * default) plus what it misses in news: military and political titles, US state
 * abbreviations, street and company words. Matched case-sensitively, without the dot.
 */
const ABBREVIATIONS = [
  // sbd 1.0.19's list
  'al', 'adj', 'assn', 'Ave', 'BSc', 'MSc', 'Cell', 'Ch', 'Co', 'cc', 'Corp', 'Dem', 'Dept', 'ed', 'eg', 'Eq', 'Eqs', 'est',
  'etc', 'Ex', 'ext', 'Fig', 'fig', 'Figs', 'figs', 'i.e', 'ie', 'Inc', 'inc', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug',
  'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'jr', 'mi', 'Miss', 'Mrs', 'Mr', 'Ms', 'Mol', 'mt', 'mts', 'no', 'Nos', 'PhD', 'MD', 'BA',
  'MA', 'MM', 'pl', 'pop', 'pp', 'Prof', 'Dr', 'pt', 'Ref', 'Refs', 'Rep', 'repr', 'rev', 'Sec', 'Secs', 'Sgt', 'Col', 'Gen',
  'Sen', 'Gov', 'Lt', 'Maj', 'Capt', 'St', 'Sr', 'sr', 'Jr', 'Rev', 'Sun', 'Mon', 'Tu', 'Tue', 'Tues', 'Wed', 'Th', 'Thu',
  'Thur', 'Thurs', 'Fri', 'Sat', 'trans', 'Univ', 'Viz', 'Vol', 'vs', 'v',
  // titles
  'Adm', 'Brig', 'Cmdr', 'Cdr', 'Cpl', 'Gens', 'Govs', 'Pfc', 'Pvt', 'Sens', 'Reps', 'Supt', 'Det', 'Insp', 'Atty', 'Amb',
  'Hon', 'Pres', 'Msgr', 'Fr', 'Drs', 'Messrs', 'Mmes', 'Sra', 'Mme', 'Mlle', 'Lieut', 'Sgts', 'Cols',
  // US states (AP style)
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans', 'Ky', 'La', 'Md', 'Mass',
  'Mich', 'Minn', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Penn', 'Tenn', 'Tex', 'Va', 'Vt', 'Wash', 'Wis', 'Wisc', 'Wyo',
  // places, organisations, misc
  // ("No" stays out: sbd already keeps "No. 1" together, and "No." is a sentence in quotes.)
  'Blvd', 'Rd', 'Ste', 'Mt', 'Ft', 'Pt', 'Hwy', 'Rte', 'Bros', 'Ltd', 'approx', 'cf', 'ca',
];

/** Capitalised words that do open a sentence after an initialism ("…to the U.S. The next day"). */
const OPENERS_AFTER_INITIALISM = new Set(
  ('The A An He She It They We I You His Her Its Their Our My This That These Those There Here But And Or So Yet Then Now ' +
    'When While After Before As If In On At For With By From To Also However Meanwhile What Why How Who Where Which Some ' +
    'Many Most All No One Two Both Still Instead Since Although Though Earlier Later Last Next According Officials Police')
    .split(' '),
);

/** Time zones, weekdays and months: after "3 p.m." they continue the sentence. */
const CONTINUATIONS_AFTER_TIME = new Set(
  ('Eastern Central Mountain Pacific Atlantic Alaska Hawaii ET CT MT PT EST EDT CST CDT MST MDT PST PDT AKST AKDT HST GMT UTC BST CET ' +
    'CEST EET EEST WET JST KST IST AEST AEDT Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April ' +
    'May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec')
    .split(' '),
);

/** Opens with a reference to something said before, or a conjunction: the sentence leans on what precedes it. */
const DANGLING_OPENING =
  /^(?:["“'‘]?\s*)(?:he|she|it|they|them|his|her|its|their|this|that|these|those|there|but|and|or|so|yet|also|however|meanwhile|still|instead|then|thus|therefore|hence|moreover|furthermore|additionally|besides|likewise|similarly|otherwise|nevertheless|nonetheless|accordingly|consequently|such|both|neither|either)\b/i;

/** Words that say who speaks or where a quotation comes from. */
const ATTRIBUTION =
  /\b(?:said|says|say|told|tells|asked|asks|added|adds|wrote|writes|according|explained|noted|stated|announced|declared|insisted|argued|claimed|claims|recalled|continued|tweeted|posted|replied|responded|warned|joked|admitted|acknowledged|described|statement|interview)\b/i;

const FURNITURE: FurniturePatterns = {
  share: /^(?:SHARE\b|(?:share|tweet|email|e-mail|print|pin|save|comments?|reddit|facebook|twitter|linkedin|whatsapp|flipboard)(?:\s+(?:this|on|via|to|article|story|page|post|link)\b.*)?$)/i,
  shareLine: /^SHARE\b/,
  captionLabel:
    /^(?:\(?(?:image|images|photo|photos|photograph|picture|video|graphic|illustration|caption|credit|photo credit|image credit|image source|source|media|gallery)s?(?:\s+(?:source|credit|copyright|caption|courtesy))?\s*[:|\-–—]|image copyright\b|image caption\b|media caption\b|getty images\b|\(?ap photo\b|\(?photo by\b|\(?photo courtesy\b|\(?courtesy of\b|view (?:photo|image)s?\b|click (?:to|here to) (?:enlarge|expand)\b|\d+\s+photos?\b|file photo\b|photo:)/i,
  // ", left," and friends: who is where in a picture.
  captionPosition:
    /(?:,\s(?:left|right|centre|center|top|bottom|front|rear|background|foreground|second (?:from )?(?:left|right)|far (?:left|right))\s?,|\((?:L|R|C|left|right|center|centre|top|bottom)\)|\b(?:pictured|seen here)\b|\b(?:AP|AFP|Reuters|Getty|EPA|Shutterstock|Bloomberg|Xinhua)\s*(?:Photo|Images?)\b|\bphoto(?:graph)?\s*(?:by|:|\/)|\/\s?(?:AP|AFP|Reuters|Getty Images|EPA)\b)/i,
  // Bylines that depend on capitals, so matched case-sensitively (under /iu, \p{Lu} matches any letter).
  // The lookahead looks for the words reports or writes, then from or for, before a name is
  // tried: most sentences start with a capital, and trying `\s+` after each of 40 letters of
  // theirs cost two-fifths of this pattern's time (test/furniture-patterns.test.ts holds the
  // pattern to its form without the lookahead).
  bylineNamed: /^(?:(?:By|BY)\s+\p{Lu}|(?=[^]*?(?:reports|writes) (?:from|for)\b)\p{Lu}[\p{L}.'’ -]{1,40}\s+(?:reports|writes) (?:from|for)\b|(?:Follow|follow) (?:@\S+|\p{Lu}\S*(?: \p{Lu}\S*)?) on (?:Twitter|X|Facebook|Instagram|Threads|Bluesky)\b)/u,
  // Two writers of two or three names each ("By Jane Q. Doe and John Roe"): one writer ("By Jane
  // Doe The …") looks just like "By Monday Kim …", so only two are matched.
  bylineRunIn: /^(?:By|BY) (?:\p{Lu}[\p{L}'’-]*\.? ){2,3}and (?:\p{Lu}[\p{L}'’-]*\.? ){2,3}/u,
  // The lookahead finds "contributed" before the run of 120 characters backtracks through it.
  byline:
    /^(?:(?:the\s+)?(?:associated press|reuters|afp|agence france-presse|bloomberg|cnn|bbc(?: news)?|npr|ap|upi|staff(?: writer| reporter)?|wire services?)$|with (?:files|reporting|additional reporting) from\b|(?:additional )?(?:reporting|writing|editing|research) by\b|(?=[^.]{0,120}?contributed)[^.]{0,120}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b|(?:this|the) (?:article|story|report) (?:was|has been) (?:updated|corrected|amended)\b|correction:|editor'?s note:|contact (?:the )?(?:author|reporter|writer)\b|email (?:the )?(?:author|reporter)\b)/i,
  boilerplate: new RegExp(
    String.raw`^(?:advertisement|advertising|sponsored(?: content)?|story highlights|highlights|story continues below|continue reading\b|read (?:more|next|the full|the rest)\b|click (?:here|to)\b|tap (?:here|to)\b|sign up\b|subscribe\b|already a subscriber\b|log ?in\b|register\b|follow us\b|like us on\b|join us on\b|download (?:the|our) app\b|get (?:the|our) (?:app|newsletter)\b|newsletter\b|watch:|listen:|watch (?:the )?video\b|watch live\b|video:|audio:|loading\b|please enable javascript\b|enable javascript\b|your browser does not support\b|media playback is (?:unsupported|not supported)\b|skip (?:ad|advertisement)\b|this (?:video|content|page|site) (?:is|uses|requires)\b|we use cookies\b|by (?:using|continuing)\b.{0,40}\b(?:cookies|site)\b|all rights reserved\b|copyright\b|©|\(c\)\s*\d{4}|terms (?:of (?:use|service)|and conditions)\b|privacy policy\b|related:|related (?:content|coverage|stories|articles|links|video)\b|more:|see also\b|also read\b|recommended\b|trending\b|most (?:read|popular|viewed|shared)\b|(?:this|the) (?:article|story|post) (?:first |originally )?appeared\b|(?:this|the) (?:article|story) (?:is|was) (?:reproduced|republished|published)\b|(?:originally|first) published\b|for more (?:news|stories|information)\b|get breaking news\b|breaking news alerts?\b|we want to hear from you\b|share your (?:views|thoughts|story)\b|comments? (?:are|have been) (?:closed|disabled)\b|leave a comment\b|\d+ comments?\b|next (?:article|story|slide)\b|previous (?:article|story|slide)\b|back to top\b|view comments\b|show comments\b|report an error\b|` +
      // Sign-up forms, error and video-player notices, and a web archive's crawl notice: the
      // same sentences on page after page, in every cluster a scraper touched.
      String.raw`(?:email |newsletter )?sign up\b|by signing up\b|you (?:can|may) unsubscribe\b|you must select a newsletter\b|thank you for (?:subscribing|signing up)\b|view all\b.{0,40}\bnewsletters\b|` +
      String.raw`an error (?:has )?occurred\b|please try again\b|sorry,? (?:the|this) page\b|(?:the|this) page you(?: are|'re) looking for (?:does not|doesn't|no longer|cannot|can't|could not)\b|we (?:can't|cannot|couldn't|could not) find the page\b|(?:error )?(?:404 )?page not found\b|if you (?:are|were|came|arrived)\b[^.]{0,40}\bfrom a bookmark\b|` +
      // Calls to the reader as the sentence's first words: a quotation ("“Send us your stories,”
      // the commission urged") opens with its mark, and a story's "asks users to click below"
      // does not open with the call.
      String.raw`(?:(?:please )?click (?:below|the (?:button|link) below)|(?:you (?:must|need to) |please )?confirm your (?:e-?mail(?: address)?|subscription|signature)|send us your (?:photos|pictures|images|videos?|footage|tips|stories)|(?:please )?leave (?:your |a )?comments? below|have your say|please)\b(?:(?<!please)|(?![^.]*,\s*[^,.]{0,40}\b(?:said|says|urged|urges|told|tells|wrote|writes|asked|asks|added|tweeted|posted|warned)\b)[^.]{0,80}\bin the comments(?: section)?(?: below)?[.!]?$)|this (?:feature|content|video) is (?:not|no longer|currently not) (?:available|accessible)\b|this data is currently not\b|` +
      String.raw`rating is available when\b|have a (?:news )?tip\b|want (?:more )?(?:stories|news) like (?:these|this)\b|download (?:the|our)\b.{0,40}\bapp\b|add as an interest\b|breaking news emails?\b|the news and stories that matter\b|` +
      String.raw`starting in \d{4}, alexa internet\b|flowing in every day, these data\b|these crawls are part of\b|crawls of supported\b|the warc files associated with this crawl\b|that way, as the pages that are referenced\b)` +
      // Reported speech without quotation marks names its speaker after a comma ("Send us your
      // tips, the FBI urged"): not the site talking.
      String.raw`(?![^.]*,\s*[^,.]{0,40}\b(?:said|says|urged|urges|told|tells|wrote|writes|asked|asks|added|tweeted|posted|warned)\b)`,
    'i',
  ),
  // Calls to action that make a sentence furniture wherever they stand in it ("click here"), and
  // forms, help desks and missing-page notices in a site's own words ("our mailing list", "the
  // form below", "the page URL may have changed"), which a story that names a surname Page, a
  // form or a mailing list does not use. Other calls to the reader count only as the sentence's
  // opening (in `boilerplate`) or its close ("… in the comments.").
  boilerplateAnywhere: new RegExp(
    String.raw`\b(?:(?:click here|tap here|sign up (?:for|to) (?:our|the|a) [^.]{0,60}\bnewsletters?|subscribe to (?:our|the) [^.]{0,60}\b(?:newsletters?|channel|podcast)|full screen autoplay|internet archive|wayback machine|tweet location history|location information to your tweets|broken links on the web|` +
      String.raw`join our (?:mailing|e-?mail) list|(?:in|on|using) the form below|(?:fill (?:in|out)|complete) (?:this|our) (?:(?:short|quick|simple|online|contact|sign-?up|registration) ){0,2}form|fill (?:in|out) your (?:contact )?details|` +
      String.raw`page (?:url|address) (?:may|might) have changed|page you(?: are|'re| were) (?:looking for|trying to reach|requested) (?:may|might) have been (?:moved|removed|deleted|renamed)|older (?:news )?(?:story|stories|article|articles)\b[^.]{0,30}\b(?:may|might) no longer be here|` +
      String.raw`please (?:visit|see|contact) our help (?:center|centre|desk|page))\b|` +
      String.raw`(?:share your (?:own )?(?:thoughts|views|opinions?)|tell us what you think|let us know what you think)\b[^.]{0,80}\bin the comments(?: section)?(?: below)?[.!]?$)`,
    'i',
  ),
  linkListHeading:
    /^(?:the latest|latest(?: news| stories| headlines)?|related(?: (?:stories|articles|coverage|content|news|links|reading|posts))?|read (?:more|next|also)|more (?:from|on|news|stories|coverage)\b.{0,40}|recommended(?: for you| stories)?|you (?:may|might) (?:also )?(?:like|be interested in)|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|top (?:stories|news|headlines)|editor'?s picks|also (?:read|see|on [\p{L} ]{1,30})|see also|popular (?:now|stories)|what to read next|further reading|in other news|elsewhere|more headlines)\s*:?$/iu,
  // "SEOUL, South Korea (AP) —" or "FORT WAYNE, Ind. (WANE)" at the start of a line: a dateline
  // before the first sentence (a dash, or an agency in capitals in brackets, ends it). Without a
  // place, the outlet's credit alone: any name in brackets and a dash ("(Reuters) -", "(WABC-TV)
  // --", "(NBC 5) —"), or one of the agencies that credit without a dash ("(CNN)The Senate",
  // "(CNN Money) The Dow"). "(FBI) Director …", "(APPLAUSE) Let me …" and "(Hammer equals
  // gavel.) But …" are the story's own words.
  datelinePrefix:
    /^(?:\(\p{Lu}[\p{L}\p{N}.&'’/ -]{0,30}\)\s*(?:[—–]|--?)\s*|\((?:CNN|AP|AFP|UPI|BBC|NPR|Reuters)(?: \p{Lu}\p{L}*)?\)(?:\s*(?=\p{Lu})|$)|[\p{Lu}][\p{Lu}.'’ -]{1,40}(?:,\s*[\p{Lu}][\p{L}.'’ -]{1,40}){0,2}\s*(?:(?:\([\p{L}\s.]{1,30}\)\s*)?(?:[—–]|--?)\s*|\(\p{Lu}[\p{Lu}\s.]{1,20}\)\s+))/u,
  // A video player's buttons, scraped as text before the story's first words. Case matters:
  // "Close aides said…" and "Skip Bayless said…" are sentences.
  playerControls: /^(?:CLOSE\b|Skip (?:in|Ad)\b)(?:\s+(?:CLOSE|Close|Skip(?: in| Ad)?|[x×]|Embed|Share|Replay|Autoplay|Full Screen)(?=\s|$))*/,
  dateAlone:
    /^(?:(?:published|updated|posted|last updated|first published|modified)\b.{0,60}|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+(?:\d{1,2}\s+)?[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?.{0,30}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}.{0,30}|\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}.{0,30}|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}.{0,30}|\d{1,2}:\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?.{0,40})$/i,
};

const words = (list: string) => new Set(list.split(' '));
/** A word table with no prototype: looking up any word ("constructor", a polluted name) finds only these entries. */
const table = <T>(entries: Record<string, T>): Readonly<Record<string, T>> => Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));

/** Numbers, dates, units and titles in English news, for finding where sources disagree. */
const CONFLICTS: ConflictWords = {
  numbers: table({
    zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
    thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
    forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  }),
  // Not "second": far more often "a second time" or a unit than the ordinal.
  ordinals: table({ first: 1, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12 }),
  magnitudes: table({ hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12, m: 1e6, mn: 1e6, bn: 1e9, k: 1e3 }),
  vague: words('dozens hundreds thousands millions billions scores tens'),
  numberJoiner: 'and',
  half: 'half',
  ordinalSuffixes: words('th st nd rd'),
  timeSuffixes: words('am pm'),
  unitSuffixes: words('km kg ft mi lb lbs mph cm mm g mg ml l kph kmh sq'),
  timeWords: words('am pm'),
  months: table({
    january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11,
    december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  }),
  weekdays: table({
    monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
    mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7,
  }),
  ambiguousMonths: words('may march'),
  units: words(
    'second seconds minute minutes hour hours day days week weeks month months year years decade decades century centuries ' +
      'percent percentage point points mile miles kilometer kilometers kilometre kilometres km meter meters metre metres ' +
      'foot feet inch inches yard yards pound pounds ounce ounces kilogram kilograms kg ton tons tonne tonnes gram grams ' +
      'degree degrees acre acres hectare hectares gallon gallons liter liters litre litres barrel barrels mph ' +
      'dollar dollars euro euros cent cents yen yuan rupees rubles roubles ' +
      'people persons person men women children adults students soldiers troops officers victims deaths dead casualties ' +
      'staff workers employees members residents passengers homes houses buildings cases votes seats times',
  ),
  unitPairs: table({ per: 'cent' }),
  titles: words(
    'mr mrs ms miss dr prof sir dame lord lady president vice prime minister secretary senator sen rep representative ' +
      'congressman congresswoman congressmember governor gov mayor judge justice chief officer lt lieutenant sgt sergeant ' +
      'capt captain col colonel gen general adm admiral maj major cpl corporal pvt private det detective insp inspector ' +
      'supt superintendent sheriff deputy attorney chairman chairwoman chair speaker leader king queen prince princess pope ' +
      'rev reverend father bishop cardinal ambassador commissioner director spokesman spokeswoman spokesperson ' +
      'professor doctor dean coach acting former interim',
  ),
  functionWords: words(
    'a an the and or but of to in on at by for with from as is are was were be been being has have had do does did ' +
      'that this these those it its he she they we you i his her their our my me him them us who whom which what ' +
      'not no nor so than then too very can could will would shall should may might must also just only about more most ' +
      'over under after before into out up down off again further once here there when where why how all any both each few ' +
      'other some such own same s t said says say between during despite among against through without within since until ' +
      'because while although though however meanwhile yet still even instead whether if unless one',
  ),
  abbreviationsWithDot: words(
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
      'mr mrs ms dr st gen gov sen rep lt col sgt capt adm prof jr sr no',
  ),
  nameFillers: words('of the and for de la von van al'),
  events: table({
    killed: 'dead', dead: 'dead', died: 'dead', deaths: 'dead', death: 'dead', fatalities: 'dead', lives: 'dead', bodies: 'dead',
    injured: 'injured', wounded: 'injured', hurt: 'injured', injuries: 'injured',
    missing: 'missing', arrested: 'arrested', arrests: 'arrested', detained: 'arrested',
  }),
  partial: words('other others more additional further new extra'),
  genericNouns: words('year month week day hour minute second time percent point other'),
  people: words('people persons person'),
};

export const ENGLISH: LanguageRules = {
  code: 'eng',
  abbreviations: ABBREVIATIONS,
  openersAfterInitialism: OPENERS_AFTER_INITIALISM,
  continuationsAfterTime: CONTINUATIONS_AFTER_TIME,
  danglingOpening: DANGLING_OPENING,
  attribution: ATTRIBUTION,
  stem: porterStem,
  furniture: FURNITURE,
  conflicts: CONFLICTS,
};
