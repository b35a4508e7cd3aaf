/**
 * A large run on several threads (the `parallel` option); each thread runs `runPart`.
 * - Reading: the documents, in canonical order, are cut into contiguous parts of about equal
 *   text; this thread reads the first while the pool reads the others, and the parts are joined
 *   into exactly the read one thread makes: document indexes, sentence ids and term ids
 *   (numbered by first appearance over the whole input) renumbered, and the confidence warning,
 *   which looks at every document, worked out again.
 * - A digest's stories: this thread summarises from the most important down while the pool
 *   takes batches from the least important up, until they meet.
 * Every part is a pure function of what it is sent, so results never depend on the threads.
 */
import type { Analysis, Read, Segments } from './model.js';
import type { Settings } from './options.js';
import { cuts, lengthsOf } from './parallel-cuts.js';
import { waitFor, type Work } from './schedule.js';
import { DistinctStrings, stringAt } from './string-table.js';
import type { Parallel, PartResult, PartRequest, SourceDocument, SummaryWarning } from './types.js';

/**
 * Less text than this is read on one thread: a part costs a thread's start (0.2 s for a new
 * worker) and copying its text there, about what reading a megabyte saves.
 */
export const PARALLEL_CHARACTERS = 2_000_000;

/** Whether there is a pool with a thread to give. */
function hasThreads(pool: Parallel | undefined): pool is Parallel {
  return pool !== undefined && Math.floor(pool.threads) >= 1;
}

/** Whether a run over `documents` is shared with `pool`: there is one, it has threads, and the text is at least `minimum` characters. */
export function shares(documents: readonly SourceDocument[], pool: Parallel | undefined, minimum = PARALLEL_CHARACTERS): pool is Parallel {
  if (!hasThreads(pool)) return false;
  let length = 0;
  for (const document of documents) length += document.text.length;
  return length >= minimum;
}

/** Items copied or renumbered between two pauses when joining the parts. */
const JOIN_SLICE = 65_536;
/**
 * Strings looked up between two pauses: each is a slice and a probe of a table of hundreds of
 * thousands (a cache miss or two), so 65,536 of them held the event loop 40–100 ms.
 */
const LOOKUP_SLICE = 8_192;

/** A part's read as it crosses threads: an HTML page's masked text travels, an unchanged one is `null`. */
export interface PartData {
  segments: Omit<Segments, 'analysisText'> & { analysisText: (string | null)[] };
  analysis: Analysis;
}

/** The options of a run as a part is sent them: all but the pool, the signal and the callback, each in the form `resolveInput` takes. */
export function partOptions(settings: Settings): Record<string, unknown> {
  const { budget, language, stopwords, parallel: _pool, signal: _signal, onProgress: _progress, ...rest } = settings;
  // The run's own limits were checked on the whole input: a part is never refused by the defaults.
  const unlimited = { maxDocuments: Number.MAX_SAFE_INTEGER, maxInputLength: Number.MAX_SAFE_INTEGER };
  return { ...rest, ...unlimited, [budget.kind]: budget.limit, language: language.code, stopwords: [...stopwords] };
}

/** A read as it is posted to or from a thread: unchanged texts left out (the other side has them). */
export function toPart(read: Read): PartData {
  const { analysisText, ...segments } = read.segments;
  const texts = analysisText.map((text, d) => (text === read.documents[d]!.text ? null : text));
  return { segments: { ...segments, analysisText: texts }, analysis: read.analysis };
}

/** A story's read as a thread receives it: its documents travel with it. */
export interface StoryPart extends PartData {
  documents: SourceDocument[];
}

/** The read a `StoryPart` was made from. */
export function fromPart({ documents, segments, analysis }: StoryPart): Read {
  return { documents, segments: { ...segments, analysisText: segments.analysisText.map((text, d) => text ?? documents[d]!.text) }, analysis };
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
    a.keyId?.length === s.count &&
    a.keys?.block?.length === a.keys.count &&
    a.keys.hash?.length === a.keys.count &&
    a.vocabulary?.block?.length === a.termCount &&
    a.vocabulary.hash?.length === a.termCount;
  if (!ok) throw new Error('chorus-summary: a parallel pool answered with something other than what runPart() returns for its request.');
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
  if (!hasThreads(parallel) || documents.length < 2) return yield* readHere(documents);
  const { lengths, total } = yield* lengthsOf(documents);
  if (total < minimum) return yield* readHere(documents);
  const threads = Math.floor(parallel.threads);

  const at = cuts(lengths, total, threads);
  if (at.length === 2) return yield* readHere(documents); // one part: nothing to share
  const options = partOptions(settings);
  // Aborted when this run gives its parts up (its own abort, a failure): the pool stops on them.
  // One per part: a signal shared by a hundred parts would gather a hundred listeners.
  const abandon: AbortController[] = [];
  let joined = false;
  try {
    const elsewhere: Promise<PartResult>[] = [];
    for (let p = 1; p + 1 < at.length; p++) {
      const request: PartRequest = { task: 'read', documents: documents.slice(at[p], at[p + 1]).map(({ id, text }) => ({ id, text })), options };
      const { signal } = abandon[abandon.push(new AbortController()) - 1]!;
      // Handed over in a task of its own: starting a worker and copying a piece to it is a turn's work.
      const answer = new Promise((resolve) => setTimeout(resolve, 0)).then(() => parallel.run(request, { signal }));
      answer.catch(() => undefined); // a part given up is never read: its failure is nobody's to report
      elsewhere.push(answer);
      yield; // a piece's documents copied out: thousands of objects
    }
    const first = yield* readHere(documents.slice(0, at[1]));
    const others = (yield* waitFor(Promise.all(elsewhere))) as unknown as PartData[];
    others.forEach((part, k) => checkPart(part, at[k + 2]! - at[k + 1]!));
    joined = true;
    return yield* join(documents, [toPart(first), ...others], noStory);
  } finally {
    if (!joined) for (const controller of abandon) controller.abort();
  }
}

/** The parts as one read, exactly as one thread reads all their documents. */
function* join(documents: readonly SourceDocument[], parts: PartData[], noStory: Parameters<typeof readInParts>[4]): Work<Read> {
  let count = 0;
  let termTotal = 0;
  let keyTotal = 0; // the parts' keys and stems together: at least as many as the distinct ones
  let stemTotal = 0;
  for (const { segments, analysis } of parts) {
    count += segments.count;
    termTotal += analysis.terms.length;
    keyTotal += analysis.keys.count;
    stemTotal += analysis.vocabulary.count;
  }
  const doc = new Int32Array(count);
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const indexInDoc = new Int32Array(count);
  const kind = new Uint8Array(count);
  const firstOfDoc = new Int32Array(documents.length + 1);
  const analysisText: string[] = [];
  const warnings: SummaryWarning[] = [];
  const keyId = new Int32Array(count);
  const keys = new DistinctStrings(keyTotal);
  const termStart = new Int32Array(count + 1);
  const terms = new Int32Array(termTotal);
  const words = new Int32Array(count);
  const standalone = new Float64Array(count);
  const stems = new DistinctStrings(stemTotal);

  let sentence = 0; // first sentence id of the part
  let document = 0; // first document index of the part
  let term = 0; // first term position of the part
  for (let p = 0; p < parts.length; p++) {
    const { segments: s, analysis: a } = parts[p]!;
    parts[p] = undefined!; // garbage once copied: a feed's parts need not all outlive the join
    for (let i = 0; i < s.count; i++) {
      doc[sentence + i] = s.doc[i]! + document;
      if ((i & (JOIN_SLICE - 1)) === JOIN_SLICE - 1) yield;
    }
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
    // Term and key ids: a part's are in first appearance within it, so taking its new stems
    // and keys in id order numbers them in first appearance within the whole input. Looked up
    // by the hashes the part made (a vocabulary from caches shared by earlier runs has none).
    const [stemHash, keyHash] = [a.vocabulary.hash, a.keys.hash];
    const global = new Int32Array(a.termCount);
    for (let t = 0; t < a.termCount; t++) {
      const stem = stringAt(a.vocabulary, t);
      global[t] = stemHash === undefined ? stems.idOf(stem) : stems.idOfHashed(stem, stemHash[t]! >>> 0);
      if ((t & (LOOKUP_SLICE - 1)) === LOOKUP_SLICE - 1) yield;
    }
    const globalKey = new Int32Array(a.keys.count);
    for (let k = 0; k < a.keys.count; k++) {
      const key = stringAt(a.keys, k);
      globalKey[k] = keyHash === undefined ? keys.idOf(key) : keys.idOfHashed(key, keyHash[k]! >>> 0);
      if ((k & (LOOKUP_SLICE - 1)) === LOOKUP_SLICE - 1) yield;
    }
    for (let k = 0; k < a.terms.length; k++) {
      terms[term + k] = global[a.terms[k]!]!;
      if ((k & (JOIN_SLICE - 1)) === JOIN_SLICE - 1) yield;
    }
    for (let i = 0; i < s.count; i++) {
      termStart[sentence + i] = a.termStart[i]! + term;
      keyId[sentence + i] = a.keyId[i]! < 0 ? -1 : globalKey[a.keyId[i]!]!;
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
  const vocabulary = stems.table();
  const analysis: Analysis = { keyId, keys: keys.table(), termStart, terms, termCount: vocabulary.count, vocabulary, words, standalone };
  return { documents, segments, analysis };
}
