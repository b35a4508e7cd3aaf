/**
 * Step 1 of a group: align every pair of its distinct texts and pair the salient phrases that
 * stand in the same place where the two differ. Each paired phrase becomes a node; paired
 * nodes are joined (union-find), and a pair whose values differ marks both nodes.
 */
import type { ConflictWords } from '../language/index.js';
import { align, alignedCount, hunksOf, type Hunk } from './align.js';
import { sameName, type Vocabulary } from './names.js';
import type { Phrase } from './phrases.js';
import { gapBefore, type Tokens } from './tokens.js';

/** One reading of a group (classes.ts): one member's words and phrases, and every member that gives the same phrases. */
export interface GroupText {
  /** The member whose text was read. */
  sentence: number;
  tokens: Tokens;
  phrases: Phrase[];
  /** The phrases' values in order. */
  signature: string;
  /** Sentence ids, in order. */
  members: number[];
}

/** What pairs with what: quantities (numbers, years, times; a year changed tenfold still pairs), weekdays, calendar dates, names. */
export const QUANTITY = 0;
export const WEEKDAY = 1;
export const CALENDAR = 2;
export const NAME = 3;
export const classOf = (phrase: Phrase): number =>
  phrase.kind === 'name' ? NAME : phrase.value.startsWith('w') ? WEEKDAY : phrase.value.startsWith('m') ? CALENDAR : QUANTITY;

/**
 * Most pivots of a group (readings aligned with every other reading; the rest are aligned with
 * the pivots only): 16, and fewer with thousands of readings (a log of lines that differ in
 * one number), so the work stays about linear.
 */
const MAX_PIVOTS = 16;
export const pivotsFor = (readings: number) => (readings <= 256 ? MAX_PIVOTS : Math.max(2, Math.floor((MAX_PIVOTS * 256) / readings)));
/** Longest hunk side, in words, in which names pair: a longer one is a rewording. */
const MAX_NAME_HUNK = 4;
/** Words besides the numbers that may differ where numbers pair ("in the past 17 months" / "over the last 18 months"). */
const MAX_QUANTITY_CONTEXT = 2;
/** Share of the shorter text's words two texts must align on before their differences count (a chained group's ends say different things). */
const MIN_ALIGNED = 0.6;

/** The nodes of one group: phrase occurrences (text, class, word range, value) as parallel arrays, with their union-find. */
export class Nodes {
  readonly text: number[] = [];
  readonly cls: number[] = [];
  readonly a0: number[] = [];
  readonly a1: number[] = [];
  readonly differs: boolean[] = [];
  private readonly parent: number[] = [];
  private readonly index = new Map<string, number>();

  get count(): number {
    return this.text.length;
  }
  of(text: number, cls: number, a0: number, a1: number): number {
    const id = `${text}:${cls}:${a0}:${a1}`;
    let node = this.index.get(id);
    if (node === undefined) {
      node = this.text.length;
      this.text.push(text);
      this.cls.push(cls);
      this.a0.push(a0);
      this.a1.push(a1);
      this.differs.push(false);
      this.parent.push(node);
      this.index.set(id, node);
    }
    return node;
  }
  find(x: number): number {
    while (this.parent[x] !== x) x = this.parent[x] = this.parent[this.parent[x]!]!;
    return x;
  }
  union(x: number, y: number): void {
    const a = this.find(x);
    const b = this.find(y);
    if (a !== b) this.parent[Math.max(a, b)] = Math.min(a, b);
  }
}

export interface PairContext {
  language: ConflictWords | undefined;
  vocabulary: Vocabulary;
  /** The documents whose writing tells whether an opening word is a name: those of the group's members. */
  evidence: () => readonly number[];
}

/** Runs of adjacent one-word name phrases (joined by whitespace only): `[from, to)` each. */
function runsOf(phrases: readonly Phrase[], tokens: Tokens): [number, number][] {
  const runs: [number, number][] = [];
  for (const phrase of phrases) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === phrase.from && /^\s+$/.test(gapBefore(tokens, phrase.from))) last[1] = phrase.to;
    else runs.push([phrase.from, phrase.to]);
  }
  return runs;
}

const touching = (phrase: Phrase, from: number, to: number) => phrase.from < to && phrase.to > from;
const count = (keys: readonly string[], key: string) => keys.reduce((n, k) => n + (k === key ? 1 : 0), 0);

/** Word k of T opens its sentence (or a quotation) and the articles give no sign that it is a name. */
function unprovenOpener(T: GroupText, k: number, context: PairContext): boolean {
  const phrase = T.phrases.find((p) => p.kind === 'name' && p.from === k);
  return phrase !== undefined && phrase.opener && !context.vocabulary.isName(T.tokens.key[k]!, context.evidence());
}

/** Names that differ in one hunk: short sides, the same number of other phrases, runs paired in order. */
function pairNames(x: number, y: number, X: GroupText, Y: GroupText, hunk: Hunk, pa: Phrase[], pb: Phrase[], nodes: Nodes, context: PairContext): void {
  const language = context.language!;
  const { a0, a1, b0, b1 } = hunk;
  if (a1 - a0 > MAX_NAME_HUNK || b1 - b0 > MAX_NAME_HUNK || Math.abs(a1 - a0 - (b1 - b0)) > 2) return;
  // A number or date on one side only: the phrase was reworded ("Channel 4" / "KXYZ").
  const others = (T: GroupText, from: number, to: number) => T.phrases.filter((q) => q.kind !== 'name' && touching(q, from, to)).length;
  if (others(X, a0, a1) !== others(Y, b0, b1)) return;
  const runsA = runsOf(pa, X.tokens);
  const runsB = runsOf(pb, Y.tokens);
  if (runsA.length !== runsB.length) return;
  for (let k = 0; k < runsA.length; k++) {
    const [u0, u1] = runsA[k]!;
    const [v0, v1] = runsB[k]!;
    // Runs of equal length pair word by word ("Anna Berg" / "Maria Berg": the first word differs); others whole ("Putin" / "Kim Jong Un").
    const pieces: [number, number, number, number][] =
      u1 - u0 === v1 - v0 && u1 - u0 > 1 ? Array.from({ length: u1 - u0 }, (_, i) => [u0 + i, u0 + i + 1, v0 + i, v0 + i + 1]) : [[u0, u1, v0, v1]];
    for (let [p0, p1, q0, q1] of pieces) {
      let u = X.tokens.key.slice(p0, p1);
      let v = Y.tokens.key.slice(q0, q1);
      // A name the other text still holds as often was moved, not changed (a list reordered or extended).
      if (u.some((key) => count(Y.tokens.key, key) >= count(X.tokens.key, key)) || v.some((key) => count(X.tokens.key, key) >= count(Y.tokens.key, key))) continue;
      let differs = !sameName(u, v, language);
      if (differs) {
        // Only a difference needs to know whether a capitalised opening word is a name ("Meanwhile" / "Still" are not).
        if (unprovenOpener(X, p0, context)) p0++;
        if (unprovenOpener(Y, q0, context)) q0++;
        if (p0 === p1 || q0 === q1) continue;
        u = X.tokens.key.slice(p0, p1);
        v = Y.tokens.key.slice(q0, q1);
        differs = !sameName(u, v, language);
      }
      const nx = nodes.of(x, NAME, p0, p1);
      const ny = nodes.of(y, NAME, q0, q1);
      nodes.union(nx, ny);
      if (differs) nodes.differs[nx] = nodes.differs[ny] = true;
    }
  }
}

/** Numbers, weekdays or dates in one hunk: as many on each side, at most two other words changed, paired in order. */
function pairQuantities(x: number, y: number, hunk: Hunk, cls: number, pa: Phrase[], pb: Phrase[], nodes: Nodes): void {
  if (pa.length !== pb.length) return;
  const outside = (phrases: Phrase[], from: number, to: number) => to - from - phrases.reduce((sum, q) => sum + Math.min(q.to, to) - Math.max(q.from, from), 0);
  if (outside(pa, hunk.a0, hunk.a1) > MAX_QUANTITY_CONTEXT || outside(pb, hunk.b0, hunk.b1) > MAX_QUANTITY_CONTEXT) return;
  for (let k = 0; k < pa.length; k++) {
    const nx = nodes.of(x, cls, pa[k]!.from, pa[k]!.to);
    const ny = nodes.of(y, cls, pb[k]!.from, pb[k]!.to);
    nodes.union(nx, ny);
    if (pa[k]!.value !== pb[k]!.value) nodes.differs[nx] = nodes.differs[ny] = true;
  }
}

/** Align texts x < y and pair their phrases hunk by hunk. Returns the alignment (kept for propagation). */
export function pairTexts(x: number, y: number, texts: readonly GroupText[], nodes: Nodes, context: PairContext): Int32Array {
  const X = texts[x]!;
  const Y = texts[y]!;
  const match = align(X.tokens.key, Y.tokens.key);
  const n = X.tokens.key.length;
  const m = Y.tokens.key.length;
  if (alignedCount(match) < MIN_ALIGNED * Math.min(n, m)) return match;
  for (const hunk of hunksOf(match, n, m)) {
    // One side only added or dropped words: not a variant.
    if (hunk.a1 === hunk.a0 || hunk.b1 === hunk.b0) continue;
    // Spacing or hyphenation only ("Wal-Mart" / "Walmart").
    if (X.tokens.key.slice(hunk.a0, hunk.a1).join('') === Y.tokens.key.slice(hunk.b0, hunk.b1).join('')) continue;
    for (let cls = QUANTITY; cls <= NAME; cls++) {
      const pa = X.phrases.filter((q) => classOf(q) === cls && touching(q, hunk.a0, hunk.a1));
      const pb = Y.phrases.filter((q) => classOf(q) === cls && touching(q, hunk.b0, hunk.b1));
      if (pa.length === 0 || pb.length === 0) continue;
      if (cls !== NAME) pairQuantities(x, y, hunk, cls, pa, pb, nodes);
      else pairNames(x, y, X, Y, hunk, pa, pb, nodes, context);
    }
  }
  return match;
}
