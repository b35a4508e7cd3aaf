/**
 * Shared by the report's browser tests: headless Chromium as test/browser.test.ts runs it
 * (Debian's /usr/bin/chromium through playwright-core; never downloaded), and the checks every
 * report page must pass once loaded from file://: nothing requested but the file, no script
 * run but its own, no element or attribute it does not write itself.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const installed = existsSync(CHROMIUM);
export const inCI = process.env.CI === 'true';
export const runBrowser = installed || inCI;
if (!installed && !inCI) console.warn(`report browser tests skipped: Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`);

/** Screenshots and the reports they show: git-ignored, kept after the run to be looked at. */
export const OUTPUT = fileURLToPath(new URL('./output/', import.meta.url));

export async function launch(): Promise<Browser> {
  expect(installed, `CI=true: Chromium must be installed at ${CHROMIUM}`).toBe(true);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
}

/** `html` written to test/output/<name>.html; its file:// URL. */
export function save(name: string, html: string): string {
  const file = `${OUTPUT}${name}.html`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

export interface Watched {
  page: Page;
  /** Every request but the report itself, every dialog (an injected alert()), every CSP violation, every page error. */
  requests: string[];
  /** Of those, the ones that were answered (a request CSP blocks is still reported, as failed). */
  loaded: string[];
  dialogs: string[];
  violations: () => Promise<string[]>;
  errors: string[];
}

/** A page that records what must never happen, opened on `url`. */
export async function open(browser: Browser, url: string, viewport = { width: 1280, height: 800 }, colorScheme: 'light' | 'dark' = 'light'): Promise<Watched> {
  const page = await browser.newPage({ viewport, colorScheme });
  const watched: Watched = { page, requests: [], loaded: [], dialogs: [], errors: [], violations: () => page.evaluate(() => (window as unknown as { violations: string[] }).violations) };
  page.on('request', (request) => {
    if (request.url() !== url) watched.requests.push(request.url());
  });
  page.on('requestfinished', (request) => {
    if (request.url() !== url) watched.loaded.push(request.url());
  });
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  // Runs before the page's own script (and is no inline script of the page, so CSP does not stop it).
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { violations: string[] }).violations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(url);
  return watched;
}

/** Elements and attributes toReport writes; anything else in the DOM came from the input. */
const TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'h3', 'p', 'section', 'ol', 'ul', 'li', 'button', 'span', 'div', 'a', 'article', 'time', 'code', 'em', 'script']);
const ATTRIBUTES = new Set(['charset', 'http-equiv', 'content', 'name', 'lang', 'class', 'id', 'type', 'aria-expanded', 'aria-controls', 'aria-labelledby', 'aria-label', 'aria-live', 'role', 'data-k', 'data-doc', 'hidden', 'href', 'rel', 'tabindex']);

/** Nothing but the report's own markup, nothing loaded, nothing run, nothing blocked. */
export async function expectClean(watched: Watched, label: string): Promise<void> {
  const found = await watched.page.evaluate(() =>
    Array.from(document.querySelectorAll('*')).map((element) => ({ tag: element.localName, attributes: Array.from(element.attributes).map((attribute) => [attribute.name, attribute.value]) })),
  );
  for (const { tag, attributes } of found) {
    expect(TAGS.has(tag), `${label}: element <${tag}>`).toBe(true);
    for (const [name, value] of attributes) {
      expect(ATTRIBUTES.has(name!), `${label}: attribute ${name} on <${tag}>`).toBe(true);
      if (name === 'href') expect(value, `${label}: href`).toMatch(/^(?:#[\w.-]+|https?:\/\/\S+|mailto:\S+)$/i);
    }
  }
  expect(found.filter((element) => element.tag === 'script'), `${label}: one script`).toHaveLength(1);
  expect(watched.requests, `${label}: requests`).toEqual([]);
  expect(watched.dialogs, `${label}: dialogs`).toEqual([]);
  expect(await watched.violations(), `${label}: CSP violations`).toEqual([]);
  expect(watched.errors, `${label}: page errors`).toEqual([]);
}
