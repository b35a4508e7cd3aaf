import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { summarize, toReport, type SourceDocument, type Summary } from '../src/index.js';
import type { HostileCase } from './fixtures/hostile/types.js';
import { loadExamples } from './helpers.js';
import { expectClean, launch, open, runBrowser, save } from './report-browser.js';

/**
 * Issue 17: no input can run script, load a resource or break the layout of the report. Every
 * case of the hostile corpus that summarises (ids, titles, urls, sources and texts built to
 * break renderers), and a set aimed at the report's own markup, is rendered, opened from
 * file:// in headless Chromium and clicked through: no dialog (the payloads call alert()), no
 * request, no CSP violation, no element or attribute the report does not write itself. Then
 * the CSP alone is shown to hold: script and a handler spliced into a report do not run.
 */
const directory = fileURLToPath(new URL('./fixtures/hostile/', import.meta.url));
const cases = readdirSync(directory).filter((file) => file.endsWith('.ts') && file !== 'types.ts').sort();

const PAYLOAD = '"\'><img src=x onerror=alert(1)><script>alert(2)</script><svg onload=alert(3)>';
/** Aimed at the report: its text container, its attributes, its title, its style and its script. */
const REPORT_ATTACKS: SourceDocument[] = [0, 1, 2, 3].map((i) => {
  const sentence = `The council approved the harbour budget of 40 million on Monday after a long debate ${i}.`;
  return {
    id: [`a${PAYLOAD}`, 'b" data-k="0 1 2', 'c</article></section><script>alert(4)</script>', 'd\r\n\u202e\u0000'][i]!,
    title: ['</title><script>alert(5)</script>', `x${PAYLOAD}`, '<style>*{display:none}</style>', '\u001b]0;owned\u0007'][i],
    url: ['javascript:alert(6)', 'https://a/"onmouseover="alert(7)', 'data:text/html,<script>alert(8)</script>', 'https://ok.example/a b'][i],
    source: ['<base href="https://evil/">', 'AP \u202egnp.exe', '<link rel=stylesheet href=https://evil/x.css>', '<meta http-equiv=refresh content="0;url=https://evil/">'][i],
    publishedAt: ['2023-09-12T10:00:00Z', '<img src=x onerror=alert(9)>', '2023-09-13', 'not a date'][i],
    text: `${sentence}\r\n${PAYLOAD}\r\nThe mayor said the vote was a victory for the town.\n</div></article><script>alert(10)</script><!-- ]]> <iframe src=https://evil/>\nImage: AP\n${i === 3 ? '\u0000\u2028' : ''}`,
  };
});

/** A hand-made summary with a hostile version text, sentence text and shape. */
function forged(summary: Summary): Summary {
  return {
    ...summary,
    sentences: summary.sentences.map((sentence) => ({ ...sentence, text: `${sentence.text}${PAYLOAD}` })),
    conflicts: [{ kind: 'number', sentence: 0, variants: [{ text: PAYLOAD, spans: [{ documentId: summary.sentences[0]!.sources[0]!.documentId, start: 0, end: 5 }] }, { text: '</span></button><script>alert(11)</script>', spans: [{ documentId: 'nowhere', start: -1, end: 1e9 }] }] }],
  };
}

describe.skipIf(!runBrowser)('hostile input in the report, in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the report, checks it, clicks up to `clicks` sentences, checks again. */
  async function expectSafeReport(name: string, html: string, clicks = 5) {
    const watched = await open(browser, save(`hostile/${name}`, html));
    await expectClean(watched, name);
    const buttons = await watched.page.locator('button.sentence').count();
    for (let s = 0; s < Math.min(buttons, clicks); s++) await watched.page.click(`#s${s}`);
    expect(await watched.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1), `${name}: nothing wider than the page`).toBe(true);
    await expectClean(watched, `${name}, clicked`);
    await watched.page.close();
  }

  test.each(cases)('%s', async (file) => {
    const { default: hostile } = (await import(/* @vite-ignore */ `./fixtures/hostile/${file}`)) as { default: HostileCase };
    // Errors are another test's business; a polluted prototype must not outlive its synchronous run.
    if (typeof hostile.expect === 'object' || hostile.arrange) return;
    const documents = hostile.documents() as SourceDocument[];
    const summary = await summarize(documents, hostile.options as never);
    await expectSafeReport(file.replace(/\.ts$/, ''), toReport(summary, documents));
  }, 60_000);

  test('ids, titles, urls, sources, dates and texts aimed at the report’s markup; CRLF and NUL in the text', async () => {
    const summary = await summarize(REPORT_ATTACKS, { sentences: 20 });
    expect(summary.sentences.length).toBeGreaterThan(0);
    const html = toReport(summary, REPORT_ATTACKS, { title: `</title>${PAYLOAD}` });
    await expectSafeReport('report-attacks', html, 20);
    // The text in the page is the document's own, CR included (NUL becomes U+FFFD, one for one).
    const watched = await open(browser, save('hostile/report-attacks', html));
    const texts = await watched.page.evaluate(() => Array.from(document.querySelectorAll('article')).map((article) => [Number(article.getAttribute('data-doc')), article.querySelector('.text')!.textContent!] as const));
    for (const [index, text] of texts) expect(text).toBe(REPORT_ATTACKS[index]!.text.replace(/\0/g, '\ufffd'));
    expect(await watched.page.title()).toBe(`</title>${PAYLOAD}`);
    await watched.page.close();
    await expectSafeReport('forged-summary', toReport(forged(summary), REPORT_ATTACKS));
  }, 60_000);

  test('the CSP alone: script and handlers spliced into a report do not run, the report’s own script does', async () => {
    const documents = loadExamples();
    const html = toReport(await summarize(documents, { sentences: 5 }), documents).replace('<body>', `<body>\n<script>alert('inline')</script><img src=x onerror="alert('handler')"><button id="evil" onclick="alert('click')">x</button>`);
    const watched = await open(browser, save('hostile/csp-spliced', html));
    await watched.page.click('#evil');
    await watched.page.click('#s0');
    expect(await watched.page.locator('.s.on').count(), 'the report’s own script runs').toBeGreaterThan(0);
    expect(watched.dialogs).toEqual([]);
    const violations = await watched.violations();
    expect(violations.filter((violation) => violation.startsWith('script-src')).length, 'each blocked script reported').toBeGreaterThanOrEqual(3);
    expect(violations.some((violation) => violation.startsWith('img-src')), 'the image not even loaded').toBe(true);
    expect(watched.loaded, 'the image asked for, refused').toEqual([]);
    await watched.page.close();
  }, 60_000);
});
