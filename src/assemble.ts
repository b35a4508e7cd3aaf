/**
 * The stages' output → the public `Summary`: provenance (every member of a chosen group is a
 * source span, marked with its variant when the sources disagree), the conflicts, per-document
 * reports, warnings in canonical order, and the stats.
 */
import { keyDistance } from './measures.js';
import { CONFLICT_KINDS, Kind, type Conflicts, type StageResults } from './model.js';
import type { Work } from './schedule.js';
import { lengthAt, stringAt } from './string-table.js';
import { compareCodeUnits, sortInPieces } from './text.js';
import type { Conflict, DocumentReport, SourceDocument, SourceSpan, Summary, SummarySentence, SummaryWarning } from './types.js';

/** Every conflict as plain data; `sentence` for those whose group is in the summary. */
function conflictList(documents: readonly SourceDocument[], segments: StageResults['segments'], conflicts: Conflicts, sentenceOf: Map<number, number>): Conflict[] {
  const list: Conflict[] = [];
  for (let c = 0; c < conflicts.count; c++) {
    const kind = CONFLICT_KINDS[conflicts.kind[c]!]!;
    const sentence = sentenceOf.get(conflicts.group[c]!);
    const conflict: Conflict = sentence === undefined ? { kind, variants: [] } : { kind, sentence, variants: [] };
    for (let v = conflicts.variantStart[c]!; v < conflicts.variantStart[c + 1]!; v++) {
      const spans = [];
      for (let p = conflicts.spanStart[v]!; p < conflicts.spanStart[v + 1]!; p++)
        spans.push({ documentId: documents[segments.doc[conflicts.spanSentence[p]!]!]!.id, start: conflicts.spanFrom[p]!, end: conflicts.spanTo[p]! });
      const first = documents[segments.doc[conflicts.spanSentence[conflicts.spanStart[v]!]!]!]!;
      conflict.variants.push({ text: first.text.slice(spans[0]!.start, spans[0]!.end), spans });
    }
    list.push(conflict);
  }
  return list;
}

export function* assemble(results: StageResults): Work<Summary> {
  const { documents, segments, analysis, groups, conflicts, ranking, chosen } = results;

  const span = (sentence: number, representativeKey: string, disputed: boolean): SourceSpan => {
    const document = segments.doc[sentence]!;
    const start = segments.start[sentence]!;
    const end = segments.end[sentence]!;
    const source: SourceSpan = {
      documentId: documents[document]!.id,
      sentenceIndex: segments.indexInDoc[sentence]!,
      start,
      end,
      text: documents[document]!.text.slice(start, end),
      distance: keyDistance(representativeKey, stringAt(analysis.keys, analysis.keyId[sentence]!)),
    };
    if (disputed && conflicts.variantOf[sentence]! >= 0) source.variant = conflicts.variantOf[sentence]!;
    return source;
  };
  // Summary sentences citing each document: a group counts once per document it has members in.
  const contributed = new Int32Array(documents.length);
  const lastGroupOf = new Int32Array(documents.length).fill(-1);
  let words = 0;
  let work = 0; // span objects made and key characters measured since the last pause
  const sentences: SummarySentence[] = [];
  const sentenceOf = new Map<number, number>();
  for (const group of chosen) {
    sentenceOf.set(group, sentences.length);
    const representative = groups.representative[group]!;
    const representativeKey = stringAt(analysis.keys, analysis.keyId[representative]!);
    const disputed = conflicts.firstOfGroup[group]! >= 0;
    const sources = [span(representative, representativeKey, disputed)];
    for (let p = groups.memberStart[group]!; p < groups.memberStart[group + 1]!; p++) {
      const member = groups.members[p]!;
      // A fact reprinted a million times, or long keys to measure: its spans take a while.
      work += 64 + lengthAt(analysis.keys, analysis.keyId[member]!);
      if (work >= 50_000) {
        work = 0;
        yield;
      }
      if (member !== representative) sources.push(span(member, representativeKey, disputed));
      const document = segments.doc[member]!;
      if (lastGroupOf[document] !== group) {
        lastGroupOf[document] = group;
        contributed[document]!++;
      }
    }
    words += analysis.words[representative]!;
    sentences.push({ text: sources[0]!.text, score: ranking.score[group]!, support: groups.support[group]!, sources });
  }

  const warnings: SummaryWarning[] = [...segments.warnings];
  if (results.budgetNeeded)
    warnings.push({
      code: 'BUDGET_TOO_SMALL',
      message: `no sentence fits the budget, so the summary is empty; { ${results.budgetNeeded.kind}: ${results.budgetNeeded.limit} } is the smallest budget that gives one.`,
    });
  // A report per document, pausing: a feed may hold a million documents.
  const reports: DocumentReport[] = [];
  for (let d = 0; d < documents.length; d++) {
    const document = documents[d]!;
    const first = segments.firstOfDoc[d]!;
    const last = segments.firstOfDoc[d + 1]!;
    const skippedSpans: { start: number; end: number }[] = [];
    for (let i = first; i < last; i++) {
      if (segments.kind[i] !== Kind.PROSE) skippedSpans.push({ start: segments.start[i]!, end: segments.end[i]! });
      if ((++work & 65535) === 0) yield; // one page may have a million sentences
    }
    const skipped = skippedSpans.length;
    if (last > first && skipped === last - first)
      warnings.push({
        code: 'NO_PROSE',
        documentId: document.id,
        message: `none of the document's ${last - first} sentences reads as prose (headlines, captions, bylines, links or markup only); it contributes nothing.`,
      });
    const report: DocumentReport = { id: document.id, sentences: last - first, skipped, contributed: contributed[d]!, skippedSpans };
    if (document.title !== undefined) report.title = document.title;
    if (document.url !== undefined) report.url = document.url;
    if (document.source !== undefined) report.source = document.source;
    if (document.publishedAt !== undefined) report.publishedAt = document.publishedAt as string; // a string since validation
    reports.push(report);
    if ((work += 16) >= 65_536) {
      work = 0;
      yield;
    }
  }
  const ordered = yield* inCanonicalOrder(warnings, documents);

  return {
    sentences,
    documents: reports,
    stats: { documents: documents.length, sentences: segments.count, duplicateGroups: groups.duplicateGroups, words },
    warnings: ordered,
    conflicts: conflictList(documents, segments, conflicts, sentenceOf),
  };
}

/**
 * Warnings in canonical order: by document (those about no document first), then position,
 * then code; stable. Each warning's document is looked up once, and the sort pauses (a feed may
 * hold a million documents, each with a warning). Summaries and digests both order theirs so.
 */
export function* inCanonicalOrder(warnings: readonly SummaryWarning[], documents: readonly SourceDocument[]): Work<SummaryWarning[]> {
  const indexOf = new Map<string, number>();
  for (let d = 0; d < documents.length; d++) {
    indexOf.set(documents[d]!.id, d);
    if ((d & 16383) === 16383) yield;
  }
  const at = new Int32Array(warnings.length);
  for (let k = 0; k < warnings.length; k++) {
    const id = warnings[k]!.documentId;
    at[k] = id === undefined ? -1 : indexOf.get(id) ?? -1;
    if ((k & 16383) === 16383) yield;
  }
  const order = yield* sortInPieces(
    warnings.map((_, k) => k),
    (a, b) => at[a]! - at[b]! || (warnings[a]!.start ?? -1) - (warnings[b]!.start ?? -1) || compareCodeUnits(warnings[a]!.code, warnings[b]!.code),
  );
  return order.map((k) => warnings[k]!);
}
