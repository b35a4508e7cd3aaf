/**
 * The pipeline: validate → segment → analyse → dedupe → rank → select → order → Summary.
 * Every stage is a pure function over plain data; this file only calls them in order.
 */
import { analyse } from './analyse.js';
import { dedupe, keyDistance } from './dedupe.js';
import { Kind } from './furniture.js';
import { resolveInput, type Settings, type SummarizeOptions } from './options.js';
import { order } from './order.js';
import { rank } from './rank.js';
import { runAsync, runSync, type Work } from './schedule.js';
import { segment } from './segment.js';
import { select } from './select.js';
import type { DocumentReport, SourceDocument, SourceSpan, Summary, SummarySentence, SummaryWarning } from './types.js';

/** UTF-16 code-unit order, the same in every runtime and locale. */
const byId = (a: SourceDocument, b: SourceDocument): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function* pipeline(input: readonly SourceDocument[], settings: Settings): Work<Summary> {
  // Canonical order: no stage ever sees the order the caller passed the documents in.
  const documents = [...input].sort(byId);
  const texts = documents.map((document) => document.text);

  // 1. Sentences with exact offsets; furniture marked.
  const segments = yield* segment(documents, settings.maxSentenceLength, settings.skipFurniture);
  // 2. Comparison keys and content terms.
  const analysis = yield* analyse(segments, texts, settings);
  // 3. Near-identical sentences grouped into facts.
  const groups = yield* dedupe(segments, analysis, settings.duplicateThreshold);
  // 4. What each fact is worth: a lead-and-centrality prior, and the words it covers.
  const ranking = yield* rank(segments, analysis, groups, texts, settings);
  // 5. The facts that cover most of the story within the budget, none repeating another.
  const chosen = yield* select(segments, analysis, groups, ranking, settings);
  // 6. Reading order (or score order).
  const ordered = order(segments, groups, ranking.score, chosen, settings.order, texts);

  // Provenance: every member of a chosen group is a source span.
  const span = (sentence: number, representativeKey: string): SourceSpan => {
    const document = segments.doc[sentence]!;
    const start = segments.start[sentence]!;
    const end = segments.end[sentence]!;
    return {
      documentId: documents[document]!.id,
      sentenceIndex: segments.indexInDoc[sentence]!,
      start,
      end,
      text: texts[document]!.slice(start, end),
      distance: keyDistance(representativeKey, analysis.key[sentence]!),
    };
  };
  const contributed = new Int32Array(documents.length);
  let words = 0;
  const sentences: SummarySentence[] = ordered.map((group) => {
    const representative = groups.representative[group]!;
    const representativeKey = analysis.key[representative]!;
    const sources = [span(representative, representativeKey)];
    for (let p = groups.memberStart[group]!; p < groups.memberStart[group + 1]!; p++) {
      const member = groups.members[p]!;
      if (member !== representative) sources.push(span(member, representativeKey));
    }
    let lastDocument = -1;
    for (let p = groups.memberStart[group]!; p < groups.memberStart[group + 1]!; p++) {
      const document = segments.doc[groups.members[p]!]!;
      if (document !== lastDocument) contributed[document]!++;
      lastDocument = document;
    }
    words += analysis.words[representative]!;
    return { text: sources[0]!.text, score: ranking.score[group]!, support: groups.support[group]!, sources };
  });

  const warnings: SummaryWarning[] = [...segments.warnings];
  const reports: DocumentReport[] = documents.map((document, d) => {
    const first = segments.firstOfDoc[d]!;
    const last = segments.firstOfDoc[d + 1]!;
    let skipped = 0;
    for (let i = first; i < last; i++) if (segments.kind[i] !== Kind.PROSE) skipped++;
    if (last > first && skipped === last - first)
      warnings.push({
        code: 'NO_PROSE',
        documentId: document.id,
        message: `none of the document's ${last - first} sentences reads as prose (headlines, captions, bylines, links or markup only); it contributes nothing.`,
      });
    const report: DocumentReport = { id: document.id, sentences: last - first, skipped, contributed: contributed[d]! };
    if (document.title !== undefined) report.title = document.title;
    if (document.url !== undefined) report.url = document.url;
    if (document.source !== undefined) report.source = document.source;
    if (document.publishedAt !== undefined)
      report.publishedAt = document.publishedAt instanceof Date ? document.publishedAt.toISOString() : document.publishedAt;
    return report;
  });
  const documentIndex = new Map(documents.map((document, d) => [document.id, d]));
  warnings.sort(
    (a, b) =>
      documentIndex.get(a.documentId ?? '')! - documentIndex.get(b.documentId ?? '')! ||
      (a.start ?? -1) - (b.start ?? -1) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );

  return {
    sentences,
    documents: reports,
    stats: { documents: documents.length, sentences: segments.count, duplicateGroups: groups.duplicateGroups, words },
    warnings,
  };
}

/**
 * Summarise many articles about one story into one summary whose every sentence cites the
 * exact spans of the articles that carried it.
 *
 * Resolves to the same `Summary` (byte for byte as JSON) for the same documents and options,
 * whatever order the documents come in. Yields to the event loop every few milliseconds;
 * rejects with a `ChorusError` for invalid input (every problem listed in `error.issues`)
 * and with code `ABORTED` when `options.signal` aborts.
 */
export async function summarize(documents: readonly SourceDocument[], options?: SummarizeOptions): Promise<Summary> {
  const { documents: valid, settings } = resolveInput(documents, options, true);
  return runAsync(pipeline(valid, settings), settings.signal, settings.onProgress);
}

/**
 * `summarize()` without yielding to the event loop: for small inputs and synchronous code.
 * Takes the same options except `signal`.
 */
export function summarizeSync(documents: readonly SourceDocument[], options?: Omit<SummarizeOptions, 'signal'>): Summary {
  const { documents: valid, settings } = resolveInput(documents, options, false);
  return runSync(pipeline(valid, settings), settings.onProgress);
}
