/**
 * What documents share verbatim: whole texts (copies), sentences, and runs of terms at the top
 * of a document. Each distinct one gets a class id (table.ts); a sentence or run is *shared*
 * when documents with two or more different texts carry it. Shared text is either wire copy
 * (one story, several outlets) or page furniture (newsletter prompts, video-player notices,
 * archive notices); boilerplate.ts tells which.
 */
import { Kind, type Analysis, type Segments } from '../model.js';
import type { Work } from '../schedule.js';
import type { GroupParameters } from './parameters.js';
import type { DocumentTerms } from './terms.js';
import { IntList } from '../int-list.js';
import { Interner } from '../interner.js';
import { hashId, hashInts } from './table.js';


export interface Shared {
  /** Class of each whole text: documents with equal headline, prose and snippet terms share one. */
  textOf: Int32Array;
  /** Documents holding each text class. */
  copies: Int32Array;
  /** Class of each prose sentence of at least SENTENCE_MIN_WORDS words, else −1. */
  sentenceClass: Int32Array;
  sentenceClasses: number;
  /** Per document, its first `leadTerms` terms: `lead[leadStart[d] .. leadStart[d + 1])`; the class of the run starting at each position, or −1. */
  leadStart: Int32Array;
  lead: Int32Array;
  runClass: Int32Array;
  runClasses: number;
  /** Shared sentence classes, then shared run classes (ids offset by sentenceClasses): each with up to `maxCarriers` documents, in canonical order. */
  sharedStart: Int32Array;
  carriers: Int32Array;
  sharedClass: Int32Array;
}

export function* findShared(segments: Segments, analysis: Analysis, terms: DocumentTerms, parameters: GroupParameters): Work<Shared> {
  const { sentenceMinWords, leadTerms, runTerms, maxCarriers } = parameters;
  const documents = segments.firstOfDoc.length - 1;
  const { keyId, termStart } = analysis;
  const { kind, firstOfDoc } = segments;
  let work = 0;

  // Sentences: one class per distinct key (long enough); whole texts: one class per distinct sequence.
  // Room for as many classes as expected items from the start: each class list doubled at once otherwise.
  const sentences = new Interner((a, b) => keyId[a] === keyId[b], segments.count >> 2, segments.count >> 2);
  const sentenceClass = new Int32Array(segments.count).fill(-1);
  const sameText = (a: number, b: number): boolean => {
    const { headStart, head, extraStart, extra } = terms;
    if (!sameInts(head, headStart[a]!, headStart[a + 1]!, headStart[b]!, headStart[b + 1]!)) return false;
    if (!sameInts(extra, extraStart[a]!, extraStart[a + 1]!, extraStart[b]!, extraStart[b + 1]!)) return false;
    let s = firstOfDoc[a]!;
    let t = firstOfDoc[b]!;
    for (;;) {
      while (s < firstOfDoc[a + 1]! && kind[s] !== Kind.PROSE) s++;
      while (t < firstOfDoc[b + 1]! && kind[t] !== Kind.PROSE) t++;
      if (s === firstOfDoc[a + 1] || t === firstOfDoc[b + 1]) return s === firstOfDoc[a + 1] && t === firstOfDoc[b + 1];
      if (keyId[s++] !== keyId[t++]) return false;
    }
  };
  const texts = new Interner(sameText, documents, documents);
  const textOf = new Int32Array(documents);
  for (let d = 0; d < documents; d++) {
    let h = hashInts(terms.head, terms.headStart[d]!, terms.headStart[d + 1]!);
    h = hashInts(terms.extra, terms.extraStart[d]!, terms.extraStart[d + 1]!, h);
    for (let s = firstOfDoc[d]!; s < firstOfDoc[d + 1]!; s++) {
      if (kind[s] !== Kind.PROSE) continue;
      const own = hashId(keyId[s]!);
      h = Math.imul(h ^ own, 0x01000193) >>> 0;
      if (analysis.words[s]! >= sentenceMinWords) sentenceClass[s] = sentences.classOf(s, own);
      work += 16;
    }
    textOf[d] = texts.classOf(d, h);
    if ((work += 16) >= 50_000) {
      work = 0;
      yield;
    }
  }
  const copies = new Int32Array(texts.classes);
  for (let d = 0; d < documents; d++) copies[textOf[d]!]!++;

  // The lead of each document and the class of every run in it.
  const leadStart = new Int32Array(documents + 1);
  const lead = new IntList(documents * 8);
  const { weak } = terms;
  for (let d = 0; d < documents; d++) {
    leadStart[d] = lead.length;
    const take = (list: ArrayLike<number>, from: number, to: number) => {
      for (let p = from; p < to && lead.length - leadStart[d]! < leadTerms; p++) if (!weak[list[p]!]) lead.push(list[p]!);
    };
    take(terms.head, terms.headStart[d]!, terms.headStart[d + 1]!);
    for (let s = firstOfDoc[d]!; s < firstOfDoc[d + 1]! && lead.length - leadStart[d]! < leadTerms; s++) take(analysis.terms, termStart[s]!, termStart[s + 1]!);
    take(terms.extra, terms.extraStart[d]!, terms.extraStart[d + 1]!);
    if ((d & 2047) === 2047) yield;
  }
  leadStart[documents] = lead.length;
  const leadList = lead.toArray();
  const runs = new Interner((a, b) => sameInts(leadList, a, a + runTerms, b, b + runTerms), documents * 4, documents * 4);
  const runClass = new Int32Array(leadList.length).fill(-1);
  for (let d = 0; d < documents; d++) {
    for (let p = leadStart[d]!; p + runTerms <= leadStart[d + 1]!; p++) runClass[p] = runs.classOf(p, hashInts(leadList, p, p + runTerms));
    if ((d & 1023) === 1023) yield;
  }

  // Carriers: distinct documents per class, and whether two texts are among them.
  const classes = sentences.classes + runs.classes;
  const carrierCount = new Int32Array(classes);
  const lastDocument = new Int32Array(classes).fill(-1);
  const firstText = new Int32Array(classes).fill(-1);
  const mixed = new Uint8Array(classes);
  const visit = (c: number, d: number) => {
    if (lastDocument[c] === d) return;
    lastDocument[c] = d;
    carrierCount[c]!++;
    if (firstText[c]! < 0) firstText[c] = textOf[d]!;
    else if (firstText[c] !== textOf[d]) mixed[c] = 1;
  };
  const forEachClass = (d: number, each: (c: number) => void) => {
    for (let s = firstOfDoc[d]!; s < firstOfDoc[d + 1]!; s++) if (sentenceClass[s]! >= 0) each(sentenceClass[s]!);
    for (let p = leadStart[d]!; p < leadStart[d + 1]!; p++) if (runClass[p]! >= 0) each(sentences.classes + runClass[p]!);
  };
  for (let d = 0; d < documents; d++) {
    forEachClass(d, (c) => visit(c, d));
    if ((d & 1023) === 1023) yield;
  }
  // Shared classes in class order, each with its first maxCarriers carriers.
  const slot = new Int32Array(classes).fill(-1);
  const sharedClass = new IntList();
  const sharedStart = new IntList();
  let total = 0;
  for (let c = 0; c < classes; c++) {
    if (!mixed[c]) continue;
    slot[c] = sharedClass.length;
    sharedClass.push(c);
    sharedStart.push(total);
    total += Math.min(maxCarriers, carrierCount[c]!);
  }
  sharedStart.push(total);
  const starts = sharedStart.toArray();
  const filled = new Int32Array(sharedClass.length);
  const carriers = new Int32Array(total);
  lastDocument.fill(-1);
  for (let d = 0; d < documents; d++) {
    forEachClass(d, (c) => {
      const k = slot[c]!;
      if (k < 0 || lastDocument[c] === d) return;
      lastDocument[c] = d;
      if (filled[k]! < starts[k + 1]! - starts[k]!) carriers[starts[k]! + filled[k]!++] = d;
    });
    if ((d & 1023) === 1023) yield;
  }
  return {
    textOf,
    copies,
    sentenceClass,
    sentenceClasses: sentences.classes,
    leadStart,
    lead: leadList,
    runClass,
    runClasses: runs.classes,
    sharedStart: starts,
    carriers,
    sharedClass: sharedClass.toArray(),
  };
}

function sameInts(values: ArrayLike<number>, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let i = 0; i < aEnd - a; i++) if (values[a + i] !== values[b + i]) return false;
  return true;
}
