/**
 * `toReport`: one self-contained HTML page, the summary (or a digest's stories) beside the
 * source articles, for reading where each sentence came from. Selecting a sentence highlights
 * every passage it was merged from, scrolls to them and shows its support; passages of
 * versions that disagree are marked apart. Nothing is loaded: one inline stylesheet and one
 * inline script, both constants allowed by hash in the page's Content-Security-Policy, which
 * allows nothing else, so the page works from `file://` and no input can run or load anything.
 */
import { ChorusError } from '../../errors.js';
import { issue } from '../../issue.js';
import { own } from '../../own.js';
import type { Digest, SourceDocument, Story, Summary } from '../../types.js';
import { escapeHtml } from '../html.js';
import { safeUrl, singleLine } from '../safe.js';
import { cspHash } from '../sha256.js';
import { SCRIPT, STYLE } from './assets.js';
import { markText } from './marks.js';
import { articleName, sentenceList, storyCard } from './sentences.js';
import { articlesById, buildUnit, isObject, Keys, list, type Article, type Unit } from './units.js';

export interface ReportOptions {
  /** The page's title and heading. @default "Summary of N articles", or "Digest of N articles" */
  title?: string;
}

const text = (value: string | undefined): string => escapeHtml(singleLine(value ?? ''));
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Computed once: the CSP sources of the page's own style and script. */
let policy: string | undefined;
const contentSecurityPolicy = () =>
  (policy ??= `default-src 'none'; script-src ${cspHash(SCRIPT)}; style-src ${cspHash(STYLE)}; img-src 'none'; base-uri 'none'; form-action 'none'`);

function article(unit: Unit, item: Article, u: number, i: number): string {
  const report = unit.reports.get(item.id);
  const url = safeUrl(item.url);
  const date = text(item.publishedAt);
  const meta = [text(item.source), date && `<time>${/^\d{4}-\d\d-\d\dT/.test(date) ? date.slice(0, 10) : date}</time>`, url && `<a href="${escapeHtml(url)}" rel="noopener noreferrer">link</a>`, item.title ? `<code>${text(item.id)}</code>` : '']
    .filter(Boolean)
    .join(' · ');
  const skipped = typeof report?.skipped === 'number' && report.skipped > 0 ? `<p class="meta">${count(report.skipped, 'passage')} not read as prose (headlines, captions, bylines, page furniture) shown dimmed.</p>` : '';
  const body = item.text === undefined ? '<p class="hint">The text of this article was not given to the report.</p>' : `<div class="text">${markText(item.text, unit.marks.get(item.id) ?? [])}</div>`;
  return `<article id="d${u}-${i}" data-doc="${item.index}" aria-labelledby="t${u}-${i}">\n<h3 id="t${u}-${i}" class="title">${articleName(unit, item.id)}</h3>\n${meta ? `<p class="meta">${meta}</p>\n` : ''}${skipped}${body}\n</article>\n`;
}

function page(title: string, stats: string, left: string, right: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top"><h1>${title}</h1><p class="meta">${stats}</p></header>
<section id="summary" class="pane" aria-labelledby="summary-h">
<h2 id="summary-h" class="vh">Summary</h2>
${left}
</section>
<section id="sources" class="pane" aria-labelledby="sources-h">
<h2 id="sources-h" class="vh">Source articles</h2>
${right}
</section>
<p id="status" class="vh" role="status" aria-live="polite"></p>
<a class="back" href="#summary">↑ Summary</a>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/**
 * The report of a `Summary` (or of a `Digest`) as one HTML page. `documents` are the documents
 * summarised: the `Summary` holds offsets, not the articles' text. Pure: no Node built-ins.
 * Read as own properties and checked like the summary, so a document of the wrong shape is
 * left out rather than thrown on.
 */
export function toReport(summaryOrDigest: Summary | Digest, documents: readonly SourceDocument[], options: ReportOptions = {}): string {
  if (!Array.isArray(documents))
    throw new ChorusError([issue({ code: 'INVALID_DOCUMENTS', path: ['documents'], problem: 'toReport needs the documents that were summarised, as an array', received: documents, fix: 'Pass the same documents you gave summarize() or digest().' })]);
  const byId = articlesById(documents);
  const keys = new Keys();
  const given = own(options, 'title');
  const stories = own(summaryOrDigest, 'stories');
  if (Array.isArray(stories)) {
    const units = stories.filter(isObject).map((story) => {
      const summary = own(story, 'summary');
      const ids = list(own(story, 'documentIds')).filter((id): id is string => typeof id === 'string');
      return buildUnit(isObject(summary) ? (summary as Summary) : undefined, story as Story, ids, byId, keys);
    });
    let first = 0;
    const cards = units.map((unit, u) => {
      const card = storyCard(unit, u, first);
      first += unit.summary ? list(own(unit.summary, 'sentences')).length : 0;
      return card;
    });
    const articles = units.map((unit, u) => `<div id="a${u}" hidden>\n${unit.articles.map((item, i) => article(unit, item, u, i)).join('')}</div>\n`);
    const digest = summaryOrDigest as Digest;
    const digestStats = own(digest, 'stats');
    const documentCount = isObject(digestStats) ? own(digestStats, 'documents') : undefined;
    const total = typeof documentCount === 'number' ? documentCount : byId.size;
    const unassigned = list(own(digest, 'unassigned')).length;
    const title = text(typeof given === 'string' ? given : `Digest of ${count(total, 'article')}`);
    const stats = `${count(units.length, 'story', 'stories')} from ${count(total, 'article')}${unassigned ? ` · ${count(unassigned, 'article')} in no story` : ''}${notFound(units)}`;
    const hint = '<p id="pick" class="hint">Open a story’s summary to read its articles here.</p>\n';
    return page(title, stats, cards.join(''), hint + articles.join(''));
  }
  const summary = summaryOrDigest as Summary;
  const unit = buildUnit(summary, undefined, [], byId, keys);
  const sentences = list(own(summary, 'sentences')).length;
  const title = text(typeof given === 'string' ? given : `Summary of ${count(unit.articles.length, 'article')}`);
  const disputed = new Set(list(own(summary, 'conflicts')).map((conflict) => isObject(conflict) && own(conflict, 'sentence')).filter((s) => typeof s === 'number')).size;
  const stats = `${count(sentences, 'sentence')} from ${count(unit.articles.length, 'article')}${disputed ? ` · sources differ on ${count(disputed, 'sentence')}` : ''}${notFound([unit])} · select a sentence to see where it was reported`;
  const left = sentences ? sentenceList(unit, 0) : '<p class="hint">The summary has no sentences.</p>';
  return page(title, stats, left, `<div id="a0">\n${unit.articles.map((item, i) => article(unit, item, 0, i)).join('')}</div>`);
}

/** Said in the header when the documents passed do not give some span's text at its offsets. */
function notFound(units: Unit[]): string {
  const missing = units.reduce((sum, unit) => sum + unit.notFound, 0);
  return missing ? ` · ${count(missing, 'cited passage')} not found in the documents given` : '';
}
