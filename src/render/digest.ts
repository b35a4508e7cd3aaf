/**
 * A digest rendered as the summaries are: each story under its headline, with its number of
 * sources, key terms and dates, then its summary as `toMarkdown`, `toText` or `toHTML` gives it.
 * Headlines and key terms are input text: escaped and kept to one line like every other.
 */
import type { Digest, Story } from '../types.js';
import type { CitationOptions } from './citations.js';
import { escapeHtml, toHTML } from './html.js';
import { escapeMarkdown, toMarkdown } from './markdown.js';
import { singleLine } from './safe.js';
import { toText } from './text.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "3 sources · 4 articles · key terms: Kim, Putin · 2026-11-20 to 2026-11-21", in plain text. */
function storyLine(story: Story): string {
  const parts = [plural(story.sources, 'source'), plural(story.documentIds.length, 'article')];
  if (story.keyTerms.length > 0) parts.push(`key terms: ${story.keyTerms.map(singleLine).join(', ')}`);
  if (story.publishedFrom !== undefined) {
    const [from, to] = [story.publishedFrom.slice(0, 10), (story.publishedTo ?? story.publishedFrom).slice(0, 10)];
    parts.push(from === to ? from : `${from} to ${to}`);
  }
  return parts.join(' · ');
}

const NOT_SUMMARISED = 'Not summarised: past maxStories.';
const headlineOf = (story: Story) => singleLine(story.headline) || singleLine(story.id);

/** The digest as Markdown: a section per story; footnote labels carry the story's number, so they stay unique on one page. */
export function digestToMarkdown(digest: Digest, options: CitationOptions = {}): string {
  const sections = digest.stories.map((story, k) => {
    const head = `## ${k + 1}. ${escapeMarkdown(headlineOf(story))}\n\n${escapeMarkdown(storyLine(story))}\n\n`;
    if (story.summary === undefined) return `${head}_${NOT_SUMMARISED}_\n`;
    // Input text has every `[` escaped, so an unescaped "[^n]" is one of the renderer's footnotes.
    const body = toMarkdown(story.summary, options).replace(/(?<!\\)\[\^(\d+)\]/g, `[^${k + 1}-$1]`);
    return head + (body || '_No sentence fits the budget or reads as prose._\n');
  });
  const unassigned = digest.unassigned.length === 0 ? [] : [`## Not in any story\n\n${digest.unassigned.map((id) => `- ${escapeMarkdown(singleLine(id))}`).join('\n')}\n`];
  return [...sections, ...unassigned].join('\n');
}

/** The digest as plain text: each story's headline, its line of facts, and its summary with numbered citations. */
export function digestToText(digest: Digest, options: CitationOptions = {}): string {
  const sections = digest.stories.map((story, k) => {
    const head = `${k + 1}. ${headlineOf(story)}\n${storyLine(story)}\n\n`;
    if (story.summary === undefined) return `${head}${NOT_SUMMARISED}\n`;
    return head + (toText(story.summary, options) || 'No sentence fits the budget or reads as prose.\n');
  });
  const unassigned = digest.unassigned.length === 0 ? [] : [`Not in any story: ${digest.unassigned.map(singleLine).join(', ')}\n`];
  return [...sections, ...unassigned].join('\n');
}

/** The digest as an HTML fragment: a section per story; element ids carry the story's number. */
export function digestToHTML(digest: Digest, options: CitationOptions = {}): string {
  const sections = digest.stories.map((story, k) => {
    const head = `<section class="chorus-story">\n<h2>${escapeHtml(headlineOf(story))}</h2>\n<p class="chorus-story-facts">${escapeHtml(storyLine(story))}</p>\n`;
    const body = story.summary === undefined ? `<p>${NOT_SUMMARISED}</p>\n` : toHTML(story.summary, { ...options, idPrefix: `chorus-${k + 1}` });
    return `${head}${body}</section>\n`;
  });
  const unassigned =
    digest.unassigned.length === 0 ? [] : [`<section class="chorus-unassigned">\n<h2>Not in any story</h2>\n<ul>\n${digest.unassigned.map((id) => `  <li>${escapeHtml(singleLine(id))}</li>`).join('\n')}\n</ul>\n</section>\n`];
  return [...sections, ...unassigned].join('');
}
