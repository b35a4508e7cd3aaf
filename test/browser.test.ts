import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadExamples } from './helpers.js';

/**
 * The core runs in a browser: the built ESM entry is bundled the way an application's bundler
 * would (esbuild, browser platform, so sbd's `browser` field drops sanitize-html), served
 * from 127.0.0.1 to headless Chromium, and its summary of the example articles must be the
 * same JSON, byte for byte, as Node's from the same build.
 */
const CHROMIUM = '/usr/bin/chromium';
const distIndex = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const installed = existsSync(CHROMIUM);
const inCI = process.env.CI === 'true';
if (!installed && !inCI) console.warn(`browser test skipped: Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium; .ci/run does this)`);

describe.skipIf(!installed && !inCI)('the core in headless Chromium', () => {
  let server: http.Server;
  let origin: string;
  let bundle: string;
  const documents = loadExamples();
  /** About 2.5 MB: above the size at which a run shares its reading with a pool. */
  const large = Array.from({ length: 420 }, (_, k) => ({
    id: `outlet-${String(k).padStart(3, '0')}`,
    text: `${documents[k % documents.length]!.text.replace(/\d+/g, (digits) => String(Number(digits) + (k % 7)))}\n\nReported by desk ${k}.`,
  }));

  beforeAll(async () => {
    expect(installed, `CI=true: Chromium must be installed at ${CHROMIUM}`).toBe(true);
    const result = await build({
      stdin: { contents: `export * from ${JSON.stringify(distIndex)};`, resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    bundle = result.outputFiles[0]!.text;
    const page = '<!doctype html><meta charset="utf-8"><script type="module">import * as chorus from "/chorus.js"; window.chorus = chorus;</script>';
    // README's Web Worker for the `parallel` option, as written there.
    const partWorker = `import { runPart } from '/chorus.js';
self.onmessage = (event) => {
  try {
    self.postMessage({ result: runPart(event.data) });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};`;
    server = http.createServer((request, response) => {
      const routes: Record<string, [string, string]> = {
        '/': ['text/html; charset=utf-8', page],
        '/chorus.js': ['text/javascript; charset=utf-8', bundle],
        '/documents.json': ['application/json; charset=utf-8', JSON.stringify(documents)],
        '/large.json': ['application/json; charset=utf-8', JSON.stringify(large)],
        '/part-worker.js': ['text/javascript; charset=utf-8', partWorker],
      };
      const route = routes[request.url ?? ''];
      response.writeHead(route ? 200 : 404, { 'content-type': route?.[0] ?? 'text/plain' });
      response.end(route?.[1] ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  test("the browser bundle leaves out sanitize-html's parser and Node built-ins", () => {
    // sbd's own 10-line browser stub for sanitize-html is in; the real one (postcss, htmlparser2) is not.
    expect(bundle).not.toMatch(/postcss|htmlparser2|require\(["'](?:node:)?(?:fs|path|url)["']\)/);
    // (The conflicts stage and its English data took the core from about 113 to 170 KB unminified; the stand-alone and furniture rules since, to about 200 KB; digest() and its grouping, to about 255 KB; article typicality and select's other starts, to about 303 KB; pausing sorts, chunked lists and the digest's small-feed weighting, to about 311 KB; site notices and outlet credits as furniture, to about 316 KB; reading in parts on other threads (the `parallel` option), to about 328 KB; plain tokens read by number and keys made from bytes, to about 339 KB; tables set in slices and passes that pause (shorter turns), to about 346 KB; keys and stems kept as spans of a few long strings (string-table.ts), to about 356 KB. htmlparser2 and postcss together would add far more than the margin left.)
    expect(bundle.length).toBeLessThan(365_000);
  });

  /** The page served above in headless Chromium, once the core is loaded in it. */
  async function withPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => (window as unknown as { chorus?: unknown }).chorus !== undefined);
      return await use(page);
    } finally {
      await browser.close();
    }
  }

  test('summarises the example articles exactly as Node does', async () => {
    await withPage(async (page) => {
      const inBrowser = await page.evaluate(async () => {
        const chorus = (window as unknown as { chorus: typeof import('../src/index.js') }).chorus;
        const docs = await (await fetch('/documents.json')).json();
        const progress: string[] = [];
        const summary = await chorus.summarize(docs, { words: 150, onProgress: ({ stage }) => progress.push(stage) });
        return { json: JSON.stringify(summary), stages: [...new Set(progress)], hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined' };
      });
      const core = (await import(pathToFileURL(distIndex).href)) as typeof import('../src/index.js');
      const inNode = JSON.stringify(await core.summarize(documents, { words: 150 }));
      expect(inBrowser.hasProcess).toBe(false);
      expect(inBrowser.stages).toEqual(['segment', 'analyse', 'dedupe', 'conflicts', 'rank', 'select']);
      expect(inBrowser.json).toBe(inNode);
    });
  }, 60_000);

  test("README's Web Worker pool gives the same summary as one thread", async () => {
    await withPage(async (page) => {
      const inBrowser = await page.evaluate(async () => {
        const chorus = (window as unknown as { chorus: typeof import('../src/index.js') }).chorus;
        const docs = await (await fetch('/large.json')).json();
        // README's pool, as written there, counting the parts it is given.
        const worker = new Worker(new URL('/part-worker.js', location.href), { type: 'module' });
        let queue: Promise<unknown> = Promise.resolve();
        let parts = 0;
        const pool = {
          threads: 1,
          run: (request: unknown, { signal, transfer = [] }: { signal?: AbortSignal; transfer?: ArrayBuffer[] } = {}) => {
            parts++;
            const part = queue.then(
              () =>
                new Promise((resolve, reject) => {
                  if (signal?.aborted) return reject(new Error('abandoned'));
                  worker.onmessage = ({ data }) => (data.error ? reject(new Error(data.error)) : resolve(data.result));
                  worker.onerror = worker.onmessageerror = () => reject(new Error('the worker failed'));
                  worker.postMessage(request, transfer);
                }),
            );
            queue = part.catch(() => undefined);
            return part;
          },
        } as unknown as import('../src/index.js').Parallel;
        const together = JSON.stringify(await chorus.summarize(docs, { words: 120, parallel: pool }));
        const alone = JSON.stringify(await chorus.summarize(docs, { words: 120 }));
        worker.terminate();
        return { same: together === alone, parts, sentences: JSON.parse(alone).sentences.length };
      });
      expect(inBrowser.parts).toBeGreaterThan(0);
      expect(inBrowser.sentences).toBeGreaterThan(0);
      expect(inBrowser.same).toBe(true);
    });
  }, 120_000);
});
