/**
 * Reading a large input on several threads (the `parallel` option). The documents, in
 * canonical order, are cut into contiguous parts of about equal text; this thread reads the
 * first part while the pool reads the others (each thread runs `readPart`), and the parts are
 * joined into exactly the read one thread makes: document indexes, sentence ids and term ids
 * (numbered by first appearance over the whole input) are renumbered, and the confidence
 * warning, which looks at every document, is worked out again. Results never depend on the
 * number of threads.
 */
import type { Analysis, Read, Segments } from './model.js';
import type { Settings } from './options.js';
import { waitFor, type Work } from './schedule.js';
import type { Parallel, PartRead, PartRequest, SourceDocument, SummaryWarning } from './types.js';

/**
 * Less text than this is read on one thread: a part costs a thread's start (0.2 s for a new
 * worker) and copying its text there, about what reading a megabyte saves.
 */
export const PARALLEL_CHARACTERS = 2_000_000;

/** Items copied or renumbered between two pauses when joining the parts. */
const JOIN_SLICE = 262_144;

/** A part's read as it crosses threads: an HTML page's masked text travels, an unchanged one is `null`. */
interface PartData {
  segments: Omit<Segments, 'analysisText'> & { analysisText: (string | null)[] };
  analysis: Analysis;
}

/** The options a part is read with: only what segment and analyse read, all of it cloneable. */
export function partOptions(settings: Settings): Record<string, unknown> {
  return {
    language: settings.language.code,
    stopwords: [...settings.stopwords],
    maxSentenceLength: settings.maxSentenceLength,
    skipFurniture: settings.skipFurniture,
  };
}

/** A read as it is posted back from a thread: unchanged texts left out (the caller has them). */
export function toPart(read: Read): PartRead {
  const { analysisText, ...segments } = read.segments;
  const texts = analysisText.map((text, d) => (text === read.documents[d]!.text ? null : text));
  return { segments: { ...segments, analysisText: texts }, analysis: read.analysis } satisfies PartData as unknown as PartRead;
}

/** Where to cut documents into `parts` runs of about equal text: `parts + 1` document indexes. */
function cuts(documents: readonly SourceDocument[], parts: number): number[] {
  let total = 0;
  for (const document of documents) total += document.text.length;
  const at = [0];
  let sum = 0;
  for (let d = 0; d < documents.length && at.length < parts; d++) {
    sum += documents[d]!.text.length;
    if (sum >= (total * at.length) / parts && d + 1 < documents.length) at.push(d + 1);
  }
  at.push(documents.length);
  return at;
}

/** A part answer that does not fit its request is a pool's defect: say so rather than return a wrong summary. */
function checkPart(part: PartData, documents: number): void {
  const s = part?.segments;
  const a = part?.analysis;
  const ok =
    s !== undefined &&
    a !== undefined &&
    s.firstOfDoc?.length === documents + 1 &&
    s.analysisText?.length === documents &&
    s.doc?.length === s.count &&
    a.termStart?.length === s.count + 1 &&
    a.key?.length === s.count &&
    a.vocabulary?.length === a.termCount;
  if (!ok) throw new Error('chorus-summary: a parallel pool answered with something other than what readPart() returns for its request.');
}

/**
 * Read `documents` on this thread and the pool's, or on this one alone when the input is small.
 * `readHere` is the one-thread read; `noStory` the confidence warning over all documents.
 */
export function* readInParts(
  documents: readonly SourceDocument[],
  settings: Settings,
  parallel: Parallel,
  readHere: (documents: readonly SourceDocument[]) => Work<Read>,
  noStory: (segments: Pick<Segments, 'firstOfDoc' | 'start' | 'end' | 'kind'>) => SummaryWarning | undefined,
  minimum = PARALLEL_CHARACTERS,
): Work<Read> {
  let length = 0;
  for (const document of documents) length += document.text.length;
  const parts = length < minimum ? 1 : Math.min(Math.floor(parallel.threads) + 1, documents.length);
  if (!(parts >= 2)) return yield* readHere(documents);

  const at = cuts(documents, parts);
  const options = partOptions(settings);
  const elsewhere: Promise<PartRead>[] = [];
  for (let p = 1; p + 1 < at.length; p++) {
    const request: PartRequest = { documents: documents.slice(at[p], at[p + 1]).map(({ id, text }) => ({ id, text })), options };
    const answer = Promise.resolve().then(() => parallel.run(request));
    answer.catch(() => undefined); // an abort here leaves it unread: its failure is nobody's to report
    elsewhere.push(answer);
  }
  const first = yield* readHere(documents.slice(0, at[1]));
  const others = (yield* waitFor(Promise.all(elsewhere))) as unknown as PartData[];
  others.forEach((part, k) => checkPart(part, at[k + 2]! - at[k + 1]!));
  return yield* join(documents, [toPart(first) as unknown as PartData, ...others], noStory);
}

/** The parts as one read, exactly as one thread reads all their documents. */
function* join(documents: readonly SourceDocument[], parts: PartData[], noStory: Parameters<typeof readInParts>[4]): Work<Read> {
  let count = 0;
  let termTotal = 0;
  for (const { segments, analysis } of parts) {
    count += segments.count;
    termTotal += analysis.terms.length;
  }
  const doc = new Int32Array(count);
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const indexInDoc = new Int32Array(count);
  const kind = new Uint8Array(count);
  const firstOfDoc = new Int32Array(documents.length + 1);
  const analysisText: string[] = [];
  const warnings: SummaryWarning[] = [];
  const key: string[] = [];
  const termStart = new Int32Array(count + 1);
  const terms = new Int32Array(termTotal);
  const words = new Int32Array(count);
  const standalone = new Float64Array(count);
  const vocabulary: string[] = [];
  const termOf = new Map<string, number>();

  let sentence = 0; // first sentence id of the part
  let document = 0; // first document index of the part
  let term = 0; // first term position of the part
  for (const { segments: s, analysis: a } of parts) {
    for (let i = 0; i < s.count; i++) doc[sentence + i] = s.doc[i]! + document;
    start.set(s.start, sentence);
    end.set(s.end, sentence);
    indexInDoc.set(s.indexInDoc, sentence);
    kind.set(s.kind, sentence);
    words.set(a.words, sentence);
    standalone.set(a.standalone, sentence);
    const documents_ = s.firstOfDoc.length - 1;
    for (let d = 0; d < documents_; d++) {
      firstOfDoc[document + d] = s.firstOfDoc[d]! + sentence;
      analysisText.push(s.analysisText[d] ?? documents[document + d]!.text);
    }
    for (const warning of s.warnings) if (warning.code !== 'NO_STORY') warnings.push(warning);
    yield;
    // Term ids: a part's are in first appearance within it, so taking its new stems in id
    // order numbers them in first appearance within the whole input.
    const global = new Int32Array(a.termCount);
    for (let t = 0; t < a.termCount; t++) {
      const stem = a.vocabulary[t]!;
      let id = termOf.get(stem);
      if (id === undefined) {
        id = vocabulary.length;
        vocabulary.push(stem);
        termOf.set(stem, id);
      }
      global[t] = id;
      if ((t & (JOIN_SLICE - 1)) === JOIN_SLICE - 1) yield;
    }
    for (let k = 0; k < a.terms.length; k++) {
      terms[term + k] = global[a.terms[k]!]!;
      if ((k & (JOIN_SLICE - 1)) === JOIN_SLICE - 1) yield;
    }
    for (let i = 0; i < s.count; i++) {
      termStart[sentence + i] = a.termStart[i]! + term;
      key.push(a.key[i]!);
      if ((i & (JOIN_SLICE - 1)) === JOIN_SLICE - 1) yield;
    }
    sentence += s.count;
    document += documents_;
    term += a.terms.length;
  }
  firstOfDoc[documents.length] = count;
  termStart[count] = termTotal;
  const confidence = noStory({ firstOfDoc, start, end, kind });
  if (confidence) warnings.push(confidence);
  const segments: Segments = { count, doc, start, end, indexInDoc, kind, firstOfDoc, analysisText, warnings };
  const analysis: Analysis = { key, termStart, terms, termCount: vocabulary.length, vocabulary, words, standalone };
  return { documents, segments, analysis };
}
