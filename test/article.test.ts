import { describe, expect, test } from 'vitest';
import { htmlToText } from '../src/node/html.js';

/**
 * The main article of a page (src/node/article.ts): pages built like news sites, each with
 * the story's paragraphs (which must all be kept) and something else that must not be:
 * other stories' teasers, comments, cookie banners, navigation, footers.
 */
const STORY = [
  'The city council approved the new budget on Monday after a long debate, ending months of negotiations between the mayor and the opposition.',
  'The mayor said the vote was a victory for residents, who will see new schools, a hospital wing and repaired roads by the end of next year.',
  'Opponents warned that property taxes would rise, and several members said they would try to overturn parts of the plan in the spring.',
  'The budget passed by nine votes to four, with two members absent, according to the clerk, who read the final tally aloud after midnight.',
];
const story = (tag = 'p') => STORY.map((paragraph) => `<${tag}>${paragraph}</${tag}>`).join('\n');
/** Something that reads like prose (long, with commas) but is not the story. */
const junk = (what: string) => `${what}: a long sentence, with commas, that reads like prose, goes on for a while, and is not the story at all, whatever it says.`;
const teaser = (n: number) => `<article class="card"><h3><a href="/s${n}">Other story ${n}</a></h3><p>${junk(`Teaser ${n}`)}</p></article>`;

const pages: [string, string, string[]][] = [
  [
    'several <article> elements: the story and teasers',
    `<body><main><article><h1>Budget passes</h1>${story()}</article>${teaser(1)}${teaser(2)}</main><section class="more">${teaser(3)}${teaser(4)}${teaser(5)}</section></body>`,
    ['Teaser'],
  ],
  [
    'a related-stories rail inside the article',
    `<body><article><h1>Budget passes</h1>${story()}<div class="related-stories"><ul><li><a href="/a">${junk('Related one')}</a></li><li><a href="/b">${junk('Related two')}</a></li></ul></div></article></body>`,
    ['Related'],
  ],
  [
    'comments after the story, longer than it',
    `<body><div class="story-body">${story()}</div><section id="comments"><ol>${Array.from({ length: 12 }, (_, i) => `<li class="comment"><p>${junk(`Comment ${i}`)}</p><p>${junk(`Reply ${i}`)}</p></li>`).join('')}</ol></section></body>`,
    ['Comment', 'Reply'],
  ],
  [
    'a cookie banner, a navigation bar and a footer',
    `<body><div id="cookie-banner"><p>${junk('Cookies')}</p><p>${junk('Consent')}</p></div><nav>${junk('Navigation')}</nav><div role="navigation"><p>${junk('Menu')}</p></div><div>${story()}</div><footer><p>${junk('Footer')}</p></footer><div class="site-footer"><p>${junk('Legal')}</p></div></body>`,
    ['Cookies', 'Consent', 'Navigation', 'Menu', 'Footer', 'Legal'],
  ],
  [
    'a story split by an advert, no class names',
    `<body><div><div>${story().split('\n').slice(0, 2).join('')}</div><div class="ad-slot"><p>${junk('Advert')}</p></div><div>${story().split('\n').slice(2).join('')}</div></div><div><p>${junk('Elsewhere')}</p></div></body>`,
    ['Advert', 'Elsewhere'],
  ],
  [
    'div soup: the longest block of prose wins over a list of links',
    `<div><div><a href="/1">Home</a> <a href="/2">World</a> <a href="/3">${junk('Linked')}</a></div><div><div>${story()}</div></div><div><p><a href="/x">${junk('Link list')}</a></p><p><a href="/y">${junk('Link list two')}</a></p></div></div>`,
    ['Home', 'Linked', 'Link list'],
  ],
  [
    'hidden elements and a dialog',
    `<body><div hidden><p>${junk('Hidden')}</p></div><div aria-hidden="true"><p>${junk('Aria hidden')}</p></div><div role="dialog"><p>${junk('Dialog')}</p></div><article>${story()}</article></body>`,
    ['Hidden', 'Dialog'],
  ],
  [
    'unclosed and stray end tags',
    `<body></div></section><div class="content">${story().replace(/<\/p>/g, '')}</span></article><div class="comments"><p>${junk('Comment')}</body>`,
    ['Comment'],
  ],
];

describe('the main article of a page', () => {
  test.each(pages)('%s', (_name, html, excluded) => {
    const { text } = htmlToText(`<!doctype html><html><head><title>T</title></head>${html}</html>`);
    for (const paragraph of STORY) expect(text).toContain(paragraph);
    for (const word of excluded) expect(text).not.toContain(word);
  });

  test('a page whose paragraphs are all short: its <article>, else everything but what is left out', () => {
    expect(htmlToText('<body><nav>Home</nav><div>Menu bar</div><article><h1>Head</h1><p>Short one.</p><p>Short two.</p></article></body>').text).toBe('Head\n\nShort one.\n\nShort two.');
    expect(htmlToText('<body><div class="related">Other</div><div>Short one.</div><div>Short two.</div></body>').text).toBe('Short one.\n\nShort two.');
  });

  const metadata: [string, string, { title?: string; url?: string }][] = [
    ['og:title and canonical', `<meta property="og:title" content="Budget &amp; taxes"><link rel="canonical" href="https://a.example/b?x=1&amp;y=2">`, { title: 'Budget & taxes', url: 'https://a.example/b?x=1&y=2' }],
    ['attributes in any order and quoting', `<META content='Budget' property=og:title><link href=https://a.example/c rel="alternate canonical">`, { title: 'Budget', url: 'https://a.example/c' }],
    ['<title> and og:url when nothing better', `<title>Budget &notin; taxes</title><meta name="og:url" content="https://a.example/d">`, { title: 'Budget ∉ taxes', url: 'https://a.example/d' }],
    ['nothing', '<meta charset="utf-8"><link rel="stylesheet" href="x.css">', {}],
  ];
  test.each(metadata)('the page title and URL: %s', (_name, head, expected) => {
    const { text: _text, ...found } = htmlToText(`<html><head>${head}</head><body><p>Text.</p></body></html>`);
    expect(found).toEqual(expected);
  });

  test('linear: unclosed meta, link and title tags (regular expressions once took minutes on 120 KB)', () => {
    const started = performance.now();
    for (const hostile of ['<meta '.repeat(20_000), '<meta property="og:title" '.repeat(20_000), '<link rel="canonical" '.repeat(20_000), '<title>'.repeat(50_000), `${'<meta a="'.repeat(20_000)}>`]) htmlToText(hostile);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test('linear: a megabyte of nested, unclosed and stray tags', () => {
    const hostile = `${'<div class="a">'.repeat(50_000)}${'</section>'.repeat(50_000)}${'<p>text, more text, '.repeat(20_000)}${'</div>'.repeat(50_000)}<a>${'x'.repeat(100_000)}`;
    const started = performance.now();
    htmlToText(hostile);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
