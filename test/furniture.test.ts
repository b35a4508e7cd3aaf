import { describe, expect, test } from 'vitest';
import { summarizeSync } from '../src/index.js';
import { KIND_NAMES } from '../src/model.js';
import { loadExamples, segmentOf } from './helpers.js';

/** Kinds of the sentences of one text, as [sentence, kind] rows. */
function kinds(text: string): [string, string][] {
  const segments = segmentOf([{ id: 'd', text }], { maxSentenceLength: 2000 });
  const rows: [string, string][] = [];
  for (let i = 0; i < segments.count; i++) rows.push([text.slice(segments.start[i]!, segments.end[i]!), KIND_NAMES[segments.kind[i]!]!]);
  return rows;
}

const BODY = 'The council approved the budget on Monday after a long debate.';
/** A clause that takes a sentence past 40 words. */
const LONG = 'and officials said that they expected the numbers to keep rising through the weekend as more people arrived from the towns along the coast and the valley.';

describe('furniture: one line each', () => {
  const cases: [string, string][] = [
    ['North Korea’s leader is in Russia to meet Putin, with both locked in standoffs with the West', 'heading'],
    ['What is Kim Jong Un getting in exchange?', 'heading'],
    ['BREAKING NEWS: MARKETS FALL.', 'heading'],
    ['Image source: Associated Press News', 'caption'],
    ['Image: Korean Central News Agency/Korea News Service via AP', 'caption'],
    ['Photo: Reuters', 'caption'],
    ['(AP Photo/Ahn Young-joon)', 'caption'],
    ['Image copyright Getty Images Image caption The mayor spoke on Friday.', 'caption'],
    ['North Korea’s Kim Jong Un, left, speaks to Russian Minister Alexander Kozlov. Kim arrived by train.', 'caption'],
    ['SHARE North Korea’s leader is in Russia to meet Putin', 'share'],
    ['Share on Facebook', 'share'],
    ['Associated Press', 'byline'],
    ['By Jane Doe, Staff Writer', 'byline'],
    ['With files from CBC News', 'byline'],
    ['Associated Press writer Jim Gomez contributed to this report.', 'byline'],
    ['Reporting by Jane Doe; Editing by John Smith.', 'byline'],
    ['Advertisement', 'boilerplate'],
    ['Story highlights', 'boilerplate'],
    ['Click here to sign up for our newsletter.', 'boilerplate'],
    ['The WARC files associated with this crawl are not currently available to the general public.', 'boilerplate'],
    ['Follow us on Twitter for updates.', 'boilerplate'],
    ['To subscribe to the Daily Fax, click here.', 'boilerplate'],
    ['Playbook PM Sign up for our must-read newsletter on the afternoon in Washington.', 'boilerplate'],
    // Sign-up forms, player and error notices, an embed's and a web archive's notices (reworded).
    ['By signing up you agree to get our daily email from the Gazette.', 'boilerplate'],
    ['You can unsubscribe whenever you like.', 'boilerplate'],
    ['Thank you for subscribing to our morning briefing.', 'boilerplate'],
    ['An error has occurred, so please reload the page.', 'boilerplate'],
    ['Rating is available when the clip has been bought.', 'boilerplate'],
    ['This feature is not available in your region right now.', 'boilerplate'],
    ['Have a tip about this story for our reporters?', 'boilerplate'],
    ['Download the Gazette app for alerts on your phone.', 'boilerplate'],
    ['Starting in 2001, Alexa Internet gave its pages to an archive.', 'boilerplate'],
    ['These crawls are part of a project to keep old pages.', 'boilerplate'],
    ['Pages saved here end up in the Wayback Machine after a delay.', 'boilerplate'],
    ['Your Tweet location history can be deleted at any time, the help page says.', 'boilerplate'],
    // Forms, calls for comments and pictures, missing pages (reworded, as on any site).
    ['Enter your details in the form below to join our mailing list and hear about new events.', 'boilerplate'],
    ['Please fill out this short contact form and we will reply soon.', 'boilerplate'],
    ['Click below to add your name to the letter.', 'boilerplate'],
    ['Please confirm your email address to finish signing up.', 'boilerplate'],
    ['Send us your photos of the storm.', 'boilerplate'],
    ['Browse the gallery above and share your own thoughts on the show in the comments.', 'boilerplate'],
    ['Tell us what you think in the comments below.', 'boilerplate'],
    ['The page address may have changed since you saved it.', 'boilerplate'],
    ['If you came here from a bookmark, try the search box.', 'boilerplate'],
    ['If you want an older story, it may no longer be here.', 'boilerplate'],
    ['For more on your account, please visit our help center.', 'boilerplate'],
    ['Please leave your comments below.', 'boilerplate'],
    ['Please keep sending your pictures in the comments.', 'boilerplate'],
    ['We cannot find the page you asked for.', 'boilerplate'],
    // (over 40 words: shorter lines opening "By" and a capital are bylines already)
    [`By Jane Q. Doe and John Roe The film opened on Friday to long queues at every cinema in town, ${LONG}`, 'byline'],
    ['1 of 12 Full Screen Autoplay Close Skip Ad × A look back at the mayor’s career in pictures.', 'boilerplate'],
    ['SEOUL, South Korea —', 'dateline'],
    ['Updated 3:04 PM EDT, September 12, 2023', 'dateline'],
    ['Sept. 12, 2023', 'dateline'],
    ['He said:', 'fragment'],
    ['It ended.', 'fragment'],
    ['…and the company said in a statement that it would', 'fragment'],
    ['The mayor said the plan would cost the city more than…', 'fragment'],
    ['The mayor said the plan would cost the city more than...', 'fragment'],
    ['| 12:30 | 45.2 | -- |', 'noise'],
    ['\u0000\u0001\u0002 binary \ufffd\ufffd junk.', 'noise'],
    [BODY, 'prose'],
    [`By Monday and Tuesday the river had risen by more than two metres, the agency said, ${LONG}`, 'prose'],
    [`By Friday Jane Doe and her lawyers had filed three motions with the court in Lansing, ${LONG}`, 'prose'],
    ['“We will not back down,” the mayor said on Tuesday.', 'prose'],
    // Stories that mention forms, pages and comments are not site notices.
    ['Residents must fill in the census form by Friday, officials said.', 'prose'],
    ['The agency said the page had been removed from its website on Friday.', 'prose'],
    ['She later apologised in the comments of her own post.', 'prose'],
    ['The senator asked voters to send their questions by mail.', 'prose'],
    // Found by a review: names, reports and quotations that the first patterns took for notices.
    ['Investigators believe Lisa Page may have deleted some of the text messages, the report said.', 'prose'],
    ['The 1,000-page report may no longer be available to the public after Friday, officials said.', 'prose'],
    ['Researchers warned that the agency web page may have been removed after the complaints.', 'prose'],
    ['Visitors to the tax site saw a “page not found” message for most of Tuesday morning.', 'prose'],
    ['The two sides hope to complete this process in some form by June, the minister said.', 'prose'],
    ['“Parents should complete this consent form before the trip,” the principal told reporters.', 'prose'],
    ['Thousands of fans signed up to join the mailing list after the band announced the tour on Friday.', 'prose'],
    ['The fake message asks users to “confirm your account” within 24 hours, police said.', 'prose'],
    ['Neighbors tell us the threats against her started in the comments under her videos last year.', 'prose'],
    ['The petition asks supporters to click below the video to add their names, a spokesman said.', 'prose'],
    ['Users who came to the site from a bookmark saw an error page, the company said.', 'prose'],
    ['“Send us your stories,” the commission urged survivors at the hearing on Monday.', 'prose'],
    ['“Customers can contact our help desk at any time,” the company said in a statement.', 'prose'],
    // Found by a second review: reported speech without quotation marks, and a form in a story.
    ['Have your say on the bypass plan at Tuesday’s public meeting, the council urged residents.', 'prose'],
    ['Send us your tips, the FBI urged the public after the bombing on Monday.', 'prose'],
    ['Please help us find the missing girl, her mother wrote in the comments.', 'prose'],
    ['Leave a comment below the video, the prankster told followers, and thousands did.', 'prose'],
    ['Investigators said the form below the signature line had been altered, the report said.', 'prose'],
  ];
  test.each(cases)('%s → %s', (line, expected) => {
    const rows = kinds(line);
    expect(rows.length).toBeGreaterThan(0);
    for (const [sentence, kind] of rows) expect(kind, sentence).toBe(expected);
  });
});

describe('furniture: context', () => {
  test('"The Latest" and the list of unrelated stories under it', () => {
    const text = `${BODY}\n\nThe Latest\nThe Twins win their 10th straight game on Sunday.\nA man, 22, was taken into custody shortly after 7 p.m. on Friday.\n\n${BODY.replace('Monday', 'Friday')}`;
    expect(kinds(text).map(([, kind]) => kind)).toEqual(['prose', 'link list', 'link list', 'link list', 'prose']);
  });

  test('a "Related" heading alone in its block marks the next block', () => {
    const text = `${BODY}\n\nRelated stories\n\nFirst other story is about something else entirely.\nSecond other story about another thing altogether.`;
    expect(kinds(text).map(([, kind]) => kind)).toEqual(['prose', 'link list', 'link list', 'link list']);
  });

  test('a line repeated in a document (caption and alt text) is furniture both times', () => {
    const caption = 'The mayor greets supporters outside City Hall on a rainy Monday evening.';
    const text = `${caption}\n${BODY}\n${caption}`;
    expect(kinds(text).map(([, kind]) => kind)).toEqual(['repeated', 'prose', 'repeated']);
  });
});

describe('furniture: the example articles', () => {
  const documents = loadExamples();
  const marked = new Map<string, string>();
  const segments = segmentOf(documents, { maxSentenceLength: 2000 });
  for (let i = 0; i < segments.count; i++) {
    const text = documents[segments.doc[i]!]!.text.slice(segments.start[i]!, segments.end[i]!);
    marked.set(`${documents[segments.doc[i]!]!.id}|${text}`, KIND_NAMES[segments.kind[i]!]!);
  }
  const kindOf = (id: string, prefix: string) => {
    for (const [key, kind] of marked) if (key.startsWith(`${id}|${prefix}`)) return kind;
    throw new Error(`no sentence "${prefix}" in ${id}`);
  };

  const furniture: [string, string, string][] = [
    ['000_05abb57fa2a955b5.txt', 'Image: Korean Central News Agency', 'caption'],
    ['001_58116605b14530ae.txt', 'Image source: Associated Press News', 'caption'],
    ['001_58116605b14530ae.txt', 'Likely officials on Kim Jong Un’s delegation', 'heading'],
    ['001_58116605b14530ae.txt', 'What is Kim Jong Un getting in exchange?', 'heading'],
    ['002_043759e1e1c18f0b.txt', 'North Korea’s leader is in Russia to meet Putin', 'heading'],
    ['002_043759e1e1c18f0b.txt', 'SHARE North Korea’s leader', 'share'],
    ['002_043759e1e1c18f0b.txt', 'North Korea’s Kim Jong Un, left, speaks', 'caption'],
    ['002_043759e1e1c18f0b.txt', 'Kim arrived by train and was welcomed', 'caption'],
    ['002_043759e1e1c18f0b.txt', 'Associated Press', 'byline'],
    ['002_043759e1e1c18f0b.txt', 'SEOUL, South Korea —', 'dateline'],
    ['002_043759e1e1c18f0b.txt', 'The Latest', 'link list'],
    ['002_043759e1e1c18f0b.txt', 'The Twins win their 10th straight', 'link list'],
    ['002_043759e1e1c18f0b.txt', 'Xavier L. Tate Jr., 22', 'link list'],
    ['002_043759e1e1c18f0b.txt', '“He’s going to be a leader down the road,”', 'link list'],
    ['002_043759e1e1c18f0b.txt', 'After three seasons in a backup role', 'link list'],
    ['003_39fc060f8855b0af.txt', "North Korea's Kim Jong-un arrives in Russia for talks", 'heading'],
    ['003_39fc060f8855b0af.txt', 'Kim may seek food aid from Russia', 'heading'],
    ['003_39fc060f8855b0af.txt', 'With files from CBC News', 'byline'],
  ];
  test.each(furniture)('%s: "%s" is %s', (id, prefix, kind) => {
    expect(kindOf(id, prefix)).toBe(kind);
  });

  test('the story itself is prose, its first sentence without the dateline', () => {
    expect(kindOf('002_043759e1e1c18f0b.txt', 'North Korea’s Kim Jong Un rolled through Russia')).toBe('prose');
    expect(kindOf('004_5b7da64331b10803.txt', 'The North Korean leader arrived in Russia')).toBe('prose');
  });
});

describe('furniture glued to the start of a line: the story’s span starts after it', () => {
  // [line, the sentences found with their kinds]: spans are slices of the line, so a prose row
  // equal to the story's own words means its offsets start after the furniture.
  const cases: [string, [string, string][]][] = [
    ['CLOSE The index fell 500 points on Monday as stocks slid.', [['CLOSE', 'boilerplate'], ['The index fell 500 points on Monday as stocks slid.', 'prose']]],
    [
      'Skip in Skip x Embed x Share A former officer was found dead at his home on Thursday.',
      [['Skip in Skip x Embed x Share', 'boilerplate'], ['A former officer was found dead at his home on Thursday.', 'prose']],
    ],
    ['CLOSE “We are heartbroken,” the family said on Friday.', [['CLOSE', 'boilerplate'], ['“We are heartbroken,” the family said on Friday.', 'prose']]],
    ['CLOSE WASHINGTON (AP) — The Senate passed the bill late on Friday.', [['CLOSE WASHINGTON (AP) —', 'dateline'], ['The Senate passed the bill late on Friday.', 'prose']]],
    // An outlet's credit without a place.
    ['(Reuters) - The central bank raised rates by a quarter point.', [['(Reuters) -', 'dateline'], ['The central bank raised rates by a quarter point.', 'prose']]],
    ['(Wire Health News) -- Toddlers who nap remember more, a study found.', [['(Wire Health News) --', 'dateline'], ['Toddlers who nap remember more, a study found.', 'prose']]],
    ['(NewsDesk)—Runners who rest twice a week run faster, the study said.', [['(NewsDesk)—', 'dateline'], ['Runners who rest twice a week run faster, the study said.', 'prose']]],
    ['(CNN) A Detroit man pleaded not guilty on Friday to three charges.', [['(CNN)', 'dateline'], ['A Detroit man pleaded not guilty on Friday to three charges.', 'prose']]],
    // A subheading and the story scraped onto one line: the credit opens the second sentence.
    [
      'Running a little helps the heart, a new study says. (NewsDesk)—A little jogging is good for the heart, researchers said.',
      [['Running a little helps the heart, a new study says.', 'prose'], ['(NewsDesk)—', 'dateline'], ['A little jogging is good for the heart, researchers said.', 'prose']],
    ],
    ['Thank you all for coming. (APPLAUSE) Let me begin with the budget.', [['Thank you all for coming.', 'prose'], ['(APPLAUSE) Let me begin with the budget.', 'prose']]],
    ['The vote was close. (It was 5 to 4.) Nobody left the room before midnight.', [['The vote was close.', 'prose'], ['(It was 5 to 4.) Nobody left the room before midnight.', 'prose']]],
    ['Rates rose again, a report says. (Reuters) -- (AP) — The central bank raised rates by a quarter point.', [['Rates rose again, a report says.', 'prose'], ['(Reuters) --', 'dateline'], ['(AP) —', 'dateline'], ['The central bank raised rates by a quarter point.', 'prose']]],
    ['(CNN)The Senate passed the bill late on Friday, aides said.', [['(CNN)', 'dateline'], ['The Senate passed the bill late on Friday, aides said.', 'prose']]],
    ['(WXYZ-TV) -- Police arrested three men on Friday night.', [['(WXYZ-TV) --', 'dateline'], ['Police arrested three men on Friday night.', 'prose']]],
    ['(NBC 5) — Police arrested three men on Friday night.', [['(NBC 5) —', 'dateline'], ['Police arrested three men on Friday night.', 'prose']]],
    // Brackets that are the story's own words.
    ['(FBI) Director Jane Roe told senators the bureau had opened an inquiry.', [['(FBI) Director Jane Roe told senators the bureau had opened an inquiry.', 'prose']]],
    ['(APPLAUSE) Let me begin with the budget, the mayor said.', [['(APPLAUSE) Let me begin with the budget, the mayor said.', 'prose']]],
    ['(Hammer equals gavel.) But the crowd chanted it all the same, he said.', [['(Hammer equals gavel.) But the crowd chanted it all the same, he said.', 'prose']]],
    ['(NASA) scientists said the probe was healthy after the flyby.', [['(NASA) scientists said the probe was healthy after the flyby.', 'prose']]],
    // Not controls: capitals opening a sentence, and words that are names or plain English.
    ['CLOSE to 200 people came to the vigil on Sunday night, organisers said.', [['CLOSE to 200 people came to the vigil on Sunday night, organisers said.', 'prose']]],
    ['Close aides said the senator would not run again next year.', [['Close aides said the senator would not run again next year.', 'prose']]],
    ['Skip Bayless said the team would win the title again this season.', [['Skip Bayless said the team would win the title again this season.', 'prose']]],
    ['CLOSEST races are decided by a few hundred votes, the study found.', [['CLOSEST races are decided by a few hundred votes, the study found.', 'prose']]],
  ];
  test.each(cases)('%s', (line, expected) => expect(kinds(line)).toEqual(expected));
});

describe('a warning when no document reads as an article', () => {
  // Invented pages: a site's navigation with teasers, and a notice that a page is archived.
  const navigation = {
    id: 'nav',
    text: 'Home | News | Sports | Weather | Opinion | Obituaries\n\nCity council passes budget after a long night\nThe vote came after midnight.\n\nSchool board to meet on Tuesday about bus routes\nParents are invited to attend.\n\nWeekend weather: sunny with a chance of showers on Sunday\n\nAdvertisement\n\nSign up for our newsletter\n\n© 2024 The Gazette',
  };
  const notice = { id: 'notice', text: 'Page archived\nThese crawls are part of a project to keep old pages.\nPages saved here end up in the Wayback Machine after a delay.' };
  const article = { id: 'story', text: `Council passes budget\n${BODY}\nThe vote was seven to two, and the new budget takes effect in July.` };
  const excerptLike = { id: 'excerpt', text: 'The mayor, left, greets supporters outside City Hall on Monday. (AP Photo/Jane Doe)\nSPRINGFIELD, Ill. (AP) — The council approved the budget on Monday.' };
  const codes = (documents: { id: string; text: string }[]) => segmentOf(documents, { maxSentenceLength: 2000 }).warnings.map((warning) => warning.code);

  test('navigation and a notice: the summary says that nothing looked like a story', () => {
    expect(codes([navigation, notice])).toEqual(['NO_STORY']);
    const summary = summarizeSync([navigation, notice]);
    expect(summary.warnings.map((warning) => warning.code)).toEqual(['NO_STORY', 'NO_PROSE']);
    expect(summary.warnings[0]!.documentId).toBeUndefined();
  });

  test('one article among them, or a short article under a caption and a dateline: no warning', () => {
    expect(codes([navigation, notice, article])).toEqual([]);
    expect(codes([excerptLike])).toEqual([]);
    expect(codes([{ id: 'one', text: BODY }])).toEqual([]);
  });

  test('no prose at all: each document says so (NO_PROSE), and there is no summary to doubt', () => {
    expect(codes([notice])).toEqual([]);
    expect(summarizeSync([notice]).warnings.map((warning) => warning.code)).toEqual(['NO_PROSE']);
  });
});
