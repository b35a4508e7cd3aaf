/**
 * Part of a read: the segments and analysis of some of the documents, exactly as reading only
 * them would have made them. Segmenting and analysing are per document (caches never change a
 * result), so the sentences of the picked documents are copied as they are; only the document
 * indexes and the term ids change, term ids to the order in which the picked sentences first use
 * them, as a fresh analysis would number them. An entry point that reads a whole feed once and
 * summarises its stories one by one (digest) gets for each story what summarize() would.
 */
import type { Read } from './model.js';
import type { Work } from './schedule.js';
import { StringList, stringAt } from './string-table.js';
import type { SourceDocument, SummaryWarning } from './types.js';
import { noStoryWarning } from './summarize.js';

/** The read of `picked` (indexes into `read.documents`, ascending, so still in canonical order); pauses by sentences copied (a story may hold thousands of articles). */
export function* sliceRead(read: Read, picked: readonly number[]): Work<Read> {
  const { segments: all, analysis: whole } = read;
  let count = 0;
  for (const d of picked) count += all.firstOfDoc[d + 1]! - all.firstOfDoc[d]!;
  const doc = new Int32Array(count);
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const indexInDoc = new Int32Array(count);
  const kind = new Uint8Array(count);
  const firstOfDoc = new Int32Array(picked.length + 1);
  // Key and term ids numbered by first use in the picked sentences, as a fresh analysis numbers them.
  const keyId = new Int32Array(count);
  const localKeyOf = new Map<number, number>();
  const keys = new StringList();
  const words = new Int32Array(count);
  const standalone = new Float64Array(count);
  const termStart = new Int32Array(count + 1);
  const terms: number[] = [];
  const localOf = new Map<number, number>();
  const stems = new StringList();
  const analysisText: string[] = [];
  let i = 0;
  let copiedAtPause = 0;
  for (let local = 0; local < picked.length; local++) {
    const d = picked[local]!;
    // Counted in sentences and term ids copied (each term id is a map lookup).
    if (i + terms.length - copiedAtPause >= 16_384) {
      copiedAtPause = i + terms.length;
      yield;
    }
    firstOfDoc[local] = i;
    analysisText.push(all.analysisText[d]!);
    for (let s = all.firstOfDoc[d]!; s < all.firstOfDoc[d + 1]!; s++, i++) {
      doc[i] = local;
      start[i] = all.start[s]!;
      end[i] = all.end[s]!;
      indexInDoc[i] = all.indexInDoc[s]!;
      kind[i] = all.kind[s]!;
      const key = whole.keyId[s]!;
      let localKey = key < 0 ? -1 : localKeyOf.get(key);
      if (localKey === undefined) {
        localKey = keys.push(stringAt(whole.keys, key), undefined, whole.keys.hash?.[key]);
        localKeyOf.set(key, localKey);
      }
      keyId[i] = localKey;
      words[i] = whole.words[s]!;
      standalone[i] = whole.standalone[s]!;
      termStart[i] = terms.length;
      for (let p = whole.termStart[s]!; p < whole.termStart[s + 1]!; p++) {
        const term = whole.terms[p]!;
        let id = localOf.get(term);
        if (id === undefined) {
          id = stems.push(stringAt(whole.vocabulary, term), undefined, whole.vocabulary.hash?.[term]);
          localOf.set(term, id);
        }
        terms.push(id);
      }
    }
  }
  firstOfDoc[picked.length] = count;
  termStart[count] = terms.length;
  // Feed-wide warnings are dropped; the one about the picked documents alone is made again.
  const warnings: SummaryWarning[] = [];
  const byDocument = yield* warningsOf(all.warnings, read.documents);
  for (const d of picked) warnings.push(...(byDocument.get(read.documents[d]!.id) ?? []));
  const noStory = noStoryWarning(firstOfDoc, start, end, kind);
  if (noStory) warnings.push(noStory);
  return {
    documents: picked.map((d) => read.documents[d]!),
    segments: {
      count,
      doc,
      start,
      end,
      indexInDoc,
      kind,
      firstOfDoc,
      analysisText,
      warnings,
    },
    analysis: { keyId, keys: keys.table(), termStart, terms: Int32Array.from(terms), termCount: stems.size, vocabulary: stems.table(), words, standalone },
  };
}

/**
 * The feed's warnings by document id, in their order, worked out once per feed: filtering the
 * whole list for each story made a digest of 40,000 documents with a warning each quadratic
 * (15 s of its 16 in the summaries).
 */
const warningsByDocument = new WeakMap<readonly SummaryWarning[], Map<string, SummaryWarning[]>>();
function* warningsOf(warnings: readonly SummaryWarning[], documents: readonly SourceDocument[]): Work<Map<string, SummaryWarning[]>> {
  let byDocument = warningsByDocument.get(warnings);
  if (byDocument === undefined) {
    // Pausing as it goes: 100,000 documents' entries made at once were a turn of their own.
    byDocument = new Map();
    for (let d = 0; d < documents.length; d++) {
      byDocument.set(documents[d]!.id, []);
      if ((d & 16383) === 16383) yield;
    }
    for (let w = 0; w < warnings.length; w++) {
      const documentId = warnings[w]!.documentId;
      if (documentId !== undefined) byDocument.get(documentId)?.push(warnings[w]!);
      if ((w & 16383) === 16383) yield;
    }
    warningsByDocument.set(warnings, byDocument);
  }
  return byDocument;
}
