/**
 * The summary side of the report: each sentence a button (its accessible name is the sentence
 * and its citations), the versions when its sources disagree, and a panel, shown when it is
 * selected, naming every source with a link to the passage and the version that source gives.
 */
import { own } from '../../own.js';
import type { Story, Summary } from '../../types.js';
import { escapeHtml } from '../html.js';
import { singleLine } from '../safe.js';
import { conflictsOf, isObject, list, MAX_PASSAGES, type Unit } from './units.js';

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
const text = (value: unknown): string => escapeHtml(singleLine(typeof value === 'string' ? value : ''));

/** `[1, 3]`: the distinct documents among the spans, by their numbers in this unit. */
function numbers(unit: Unit, spans: unknown[]): string {
  const seen = new Set<number>();
  for (const span of spans) {
    const number = isObject(span) ? unit.numberOf.get(own(span, 'documentId') as string) : undefined;
    if (number !== undefined) seen.add(number);
  }
  return `[${[...seen].sort((a, b) => a - b).join(', ')}]`;
}

/** The article's name in a list: its number and title, else its id. */
export function articleName(unit: Unit, id: string): string {
  const article = unit.articles[(unit.numberOf.get(id) ?? 0) - 1];
  return `[${unit.numberOf.get(id) ?? '?'}] ${text(article?.title) || text(id)}`;
}

/** Versions of each conflict, each in the style its passages are marked with: `Sources differ: “17 months” [1, 2] / “18 months” [3]`. */
function differ(unit: Unit, conflicts: object[]): string {
  return conflicts
    .map((conflict) => {
      const versions = list(own(conflict, 'variants')).map((variant, v) => {
        const spans = isObject(variant) ? list(own(variant, 'spans')) : [];
        return `<span class="chip v${v % 4}">“${text(isObject(variant) ? own(variant, 'text') : '')}”</span> ${numbers(unit, spans)}`;
      });
      return `<p class="differ">Sources differ: ${versions.join(' / ')}</p>`;
    })
    .join('');
}

/** The panel of sentence `s`: support, and each source with a link to its passage. */
function support(unit: Unit, sentence: object, i: number, s: number, conflicts: object[]): string {
  const sources = list(own(sentence, 'sources'));
  const variants = conflicts[0] ? list(own(conflicts[0], 'variants')) : [];
  const items = sources.slice(0, MAX_PASSAGES).map((span, n) => {
    const id = isObject(span) ? own(span, 'documentId') : undefined;
    if (typeof id !== 'string') return '';
    const key = unit.sourceKeys[i]![n]!;
    const name = articleName(unit, id);
    const outlet = text(unit.articles[(unit.numberOf.get(id) ?? 0) - 1]?.source);
    const v = own(span as object, 'variant');
    const variant = typeof v === 'number' && isObject(variants[v]) ? ` gives <span class="chip v${v % 4}">“${text(own(variants[v], 'text'))}”</span>` : '';
    const role = n === 0 ? ' (shown)' : '';
    const link = key >= 0 ? `<a class="jump" href="#m${key}">${name}</a>` : `${name} <em>(passage not found in the text given)</em>`;
    return `<li>${link}${outlet ? ` — ${outlet}` : ''}${role}${variant}</li>`;
  });
  const count = typeof own(sentence, 'support') === 'number' ? (own(sentence, 'support') as number) : new Set(sources.map((span) => isObject(span) && own(span, 'documentId'))).size;
  const disputed = conflicts.length > 0 ? ', giving the version shown' : '';
  const marked = Math.min(sources.length, MAX_PASSAGES);
  const summary = `Reported by ${plural(count, 'article')} of ${unit.articles.length}${disputed}; ${plural(marked, 'passage')} marked.`;
  if (sources.length > MAX_PASSAGES) items.push(`<li>and ${plural(sources.length - MAX_PASSAGES, 'more passage')}, not marked</li>`);
  return `<div class="support" id="p${s}" hidden><p>${summary}</p><ul>${items.join('')}</ul></div>`;
}

/** The summary's sentences as buttons; `first` numbers them across the report (ids `s…`, `p…`). */
export function sentenceList(unit: Unit, first: number): string {
  const summary = unit.summary as Summary;
  const items = list(own(summary, 'sentences')).map((sentence, i) => {
    if (!isObject(sentence)) return '';
    const s = first + i;
    const conflicts = conflictsOf(summary, i);
    const keys = [...unit.sourceKeys[i]!, ...unit.versionKeys[i]!].filter((key) => key >= 0);
    const cite = numbers(unit, list(own(sentence, 'sources')));
    const button = `<button type="button" class="sentence" id="s${s}" aria-expanded="false" aria-controls="p${s}" data-k="${[...new Set(keys)].join(' ')}">${text(own(sentence, 'text'))} <span class="cite">${cite}</span></button>`;
    return `<li>${button}${differ(unit, conflicts)}${support(unit, sentence, i, s, conflicts)}</li>\n`;
  });
  return `<ol class="sentences">\n${items.join('')}</ol>`;
}

/** A digest's story: headline, key terms, sources and articles, dates, and the button opening its summary (unit `u`). */
export function storyCard(unit: Unit, u: number, first: number): string {
  const story = unit.story as Story;
  const terms = list(own(story, 'keyTerms'))
    .map((term) => `<li>${text(term)}</li>`)
    .join('');
  const from = text(own(story, 'publishedFrom')).slice(0, 10);
  const to = text(own(story, 'publishedTo')).slice(0, 10);
  const dates = from ? ` · ${from}${to && to !== from ? ` – ${to}` : ''}` : '';
  const sources = own(story, 'sources');
  const meta = `${typeof sources === 'number' ? plural(sources, 'source') : ''} · ${plural(unit.articles.length, 'article')}${dates}`;
  const body = unit.summary
    ? `<button type="button" class="story-open" aria-expanded="false" aria-controls="u${u}">Summary, ${plural(list(own(unit.summary, 'sentences')).length, 'sentence')}</button>\n<div id="u${u}" hidden>${sentenceList(unit, first)}</div>`
    : '<p class="hint">Not summarised (past maxStories).</p>';
  return `<section class="story" aria-labelledby="h${u}">\n<h2 id="h${u}">${text(own(story, 'headline')) || 'Untitled story'}</h2>\n<ul class="terms" aria-label="Key terms">${terms}</ul>\n<p class="meta">${meta}</p>\n${body}\n</section>\n`;
}
