/**
 * Stage 4, conflicts: where the near-identical sentences of one fact disagree, in a number, a
 * date or a name ("17 months" in two reprints, "18 months" in a third). News changes as a
 * story develops; a reader needs to see where sources differ, not have it smoothed over.
 *
 * Per group whose members come from two documents or more and differ in their comparison keys
 * (identical keys cannot disagree: reprints cost nothing), the members are sorted into
 * readings (classes.ts): those that say what the representative says, give or take words
 * without a number, date or name, are its reading; each other is read in full, its words with
 * exact offsets and its phrases (tokens.ts, phrases.ts). Readings that say something no other
 * does are pivots: aligned word by word with every reading, they pair the phrases that stand
 * in the same place where two differ (align.ts, pairs.ts). Places where a pair differs become
 * conflicts, every member that words the place a span of its variant (places.ts, spans.ts);
 * a paraphrase outside the group that gives one side's number joins that side (paraphrase.ts).
 * A typo, a quote mark, "U.S."/"US", a spelling variant of a name, a number in words or
 * digits, a word added or dropped: none of these is a conflict.
 *
 * A group with a conflict is shown by the earliest member of its most supported variant, and
 * its support is that variant's documents: rank and select read these. Layout: `Conflicts` in
 * model.ts.
 */
import type { LanguageRules } from '../language/index.js';
import { ConflictKind, type Analysis, type Conflicts, type Groups, type Segments } from '../model.js';
import type { Work } from '../schedule.js';
import { readingsOf, type Scratch } from './classes.js';
import { Vocabulary } from './names.js';
import { Nodes, pairTexts, type PairContext } from './pairs.js';
import { attachParaphrases } from './paraphrase.js';
import { conflictsOf, type Found } from './places.js';

export interface ConflictSettings {
  language: LanguageRules;
}

/** Units of work (a text read, a pair aligned, a group passed over) between two progress ticks: each is a few microseconds. */
const TICK = 256;

/**
 * Members that cannot disagree: one document only (a document that states two versions lists
 * different things, see places.ts), or one comparison key (reprints that differ in case,
 * quotes or spacing at most).
 */
function cannotDisagree(groups: Groups, g: number): boolean {
  if (groups.support[g]! < 2) return true;
  const key = groups.keyId[groups.representative[g]!];
  for (let p = groups.memberStart[g]!; p < groups.memberStart[g + 1]!; p++) if (groups.keyId[groups.members[p]!] !== key) return false;
  return true;
}

/**
 * The documents a name is looked up in: every one when there are at most `MAX_EVIDENCE`, else
 * the first `MAX_EVIDENCE` of those that carry the group's fact (the cost stays bounded in a
 * call of ten thousand articles).
 */
const MAX_EVIDENCE = 32;
function documentsOf(segments: Segments, groups: Groups, g: number): number[] {
  if (segments.analysisText.length <= MAX_EVIDENCE) return segments.analysisText.map((_, d) => d);
  const documents: number[] = [];
  for (let p = groups.memberStart[g]!; p < groups.memberStart[g + 1]! && documents.length < MAX_EVIDENCE; p++) {
    const document = segments.doc[groups.members[p]!]!;
    if (documents[documents.length - 1] !== document) documents.push(document);
  }
  return documents;
}

/** The conflicts of every group, in the flat layout, with each group's representative and support. */
export function* findConflicts(segments: Segments, analysis: Analysis, groups: Groups, settings: ConflictSettings): Work<Conflicts> {
  const language = settings.language.conflicts;
  const context: PairContext = { language, vocabulary: new Vocabulary(segments.analysisText), evidence: () => [] };
  const byGroup = new Map<number, Found[]>();
  let work = 0;
  const tick = () => {
    if (++work < TICK) return false;
    work = 0;
    return true;
  };
  yield { stage: 'conflicts', done: 0, total: groups.count };
  let keys = 0;
  for (let i = 0; i < segments.count; i++) keys = Math.max(keys, groups.keyId[i]! + 1);
  const scratch: Scratch = { readingOfKey: new Int32Array(keys).fill(-1), changedOfKey: new Int32Array(keys), touched: [], readingOfMember: new Int32Array(64) };
  for (let g = 0; g < groups.count; g++) {
    if (tick()) yield { stage: 'conflicts', done: g, total: groups.count };
    if (groups.memberStart[g + 1]! - groups.memberStart[g]! < 2 || cannotDisagree(groups, g)) continue;
    let evidence: number[] | undefined;
    context.evidence = () => (evidence ??= documentsOf(segments, groups, g));
    const read = yield* readingsOf(segments, groups, g, language, (key) => context.vocabulary.isName(key, context.evidence()), scratch);
    if (read === null) continue;
    const texts = read.readings;
    const nodes = new Nodes();
    const matches = new Map<number, Int32Array>();
    const pivots = read.pivots;
    for (let x = 0; x < Math.min(pivots, texts.length); x++) {
      for (let y = x + 1; y < texts.length; y++) {
        matches.set(x * texts.length + y, pairTexts(x, y, texts, nodes, context));
        // A pair of long readings can take a millisecond: a pause after each (cheap unless due), progress now and then.
        yield tick() ? { stage: 'conflicts', done: g, total: groups.count } : undefined;
      }
    }
    if (!nodes.differs.includes(true)) continue;
    const matchOf = (x: number, y: number) => matches.get(x * texts.length + y);
    const found = yield* conflictsOf(texts, nodes, matchOf, (t) => (t < pivots ? texts.length : pivots), segments, language);
    if (found.length > 0) byGroup.set(g, found);
    yield;
  }
  if (language !== undefined) yield* attachParaphrases(segments, analysis, groups, byGroup, language);
  yield { stage: 'conflicts', done: groups.count, total: groups.count };
  return yield* layOut(segments, groups, byGroup);
}

/**
 * The conflicts found per group → the flat layout: most supported fact first, a group's conflicts
 * together. Pauses after each conflict: one of a fact reprinted thousands of times sorts as many spans.
 */
function* layOut(segments: Segments, groups: Groups, byGroup: Map<number, Found[]>): Work<Conflicts> {
  const order = [...byGroup.keys()].sort((a, b) => groups.support[b]! - groups.support[a]! || a - b);
  const all = order.flatMap((g) => byGroup.get(g)!.map((found) => ({ g, found })));
  const variantCount = all.reduce((sum, { found }) => sum + found.variants.length, 0);
  const spanCount = all.reduce((sum, { found }) => sum + found.variants.reduce((n, v) => n + v.spans.length + v.attached.length, 0), 0);
  const conflicts: Conflicts = {
    count: all.length,
    group: new Int32Array(all.length),
    kind: new Uint8Array(all.length),
    variantStart: new Int32Array(all.length + 1),
    variantSupport: new Int32Array(variantCount),
    spanStart: new Int32Array(variantCount + 1),
    spanSentence: new Int32Array(spanCount),
    spanFrom: new Int32Array(spanCount),
    spanTo: new Int32Array(spanCount),
    firstOfGroup: new Int32Array(groups.count).fill(-1),
    variantOf: new Int32Array(segments.count).fill(-1),
    representative: groups.representative.slice(),
    support: groups.support.slice(),
  };
  let v = 0;
  let p = 0;
  for (let c = 0; c < all.length; c++) {
    const { g, found } = all[c]!;
    yield;
    conflicts.group[c] = g;
    conflicts.kind[c] = found.kind === 'name' ? ConflictKind.NAME : found.kind === 'date' ? ConflictKind.DATE : ConflictKind.NUMBER;
    const first = conflicts.firstOfGroup[g]! < 0;
    if (first) {
      conflicts.firstOfGroup[g] = c;
      conflicts.representative[g] = found.variants[0]!.spans[0]!.sentence;
      conflicts.support[g] = found.variants[0]!.documents;
    }
    found.variants.forEach((variant, index) => {
      const spans = [...variant.spans, ...variant.attached].sort((a, b) => segments.doc[a.sentence]! - segments.doc[b.sentence]! || a.start - b.start);
      conflicts.variantSupport[v] = new Set(spans.map((span) => segments.doc[span.sentence])).size;
      for (const span of spans) {
        conflicts.spanSentence[p] = span.sentence;
        conflicts.spanFrom[p] = span.start;
        conflicts.spanTo[p] = span.end;
        if (first && groups.groupOf[span.sentence] === g) conflicts.variantOf[span.sentence] = index;
        p++;
      }
      conflicts.spanStart[++v] = p;
    });
    conflicts.variantStart[c + 1] = v;
  }
  return conflicts;
}
