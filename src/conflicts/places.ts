/**
 * Step 2 of a group: from paired nodes to conflicts. Every text whose words are the same at a
 * paired place joins it; each place where some pair differs becomes one conflict, its texts
 * sorted into variants by value, every member of a text a span.
 */
import type { ConflictWords } from '../language/index.js';
import type { Segments } from '../model.js';
import type { Work } from '../schedule.js';
import { mapRange } from './align.js';
import { sameName } from './names.js';
import { classOf, NAME, type GroupText, type Nodes } from './pairs.js';
import type { Phrase, PhraseKind } from './phrases.js';
import { memberSpans, type Span } from './spans.js';
import type { Tokens } from './tokens.js';

/** Most versions of one fact: more is a list (numbered lines of a log, captions of a gallery). */
const MAX_VARIANTS = 12;

/**
 * Work between two pauses (a node aligned with one text, a member read off, a pair of places
 * compared): a group of thousands of reprints with dozens of places held the event loop for
 * seconds in one piece.
 */
const PAUSE_WORK = 2_000;

/** A conflict found in one group, before it is laid out flat. */
export interface Found {
  kind: PhraseKind;
  /** Where the first span of variant 0 starts within its sentence: conflicts of a group are in this order. */
  at: number;
  /** Most supported first (by their documents, paraphrases joined in paraphrase.ts included); spans by (document, start). */
  variants: FoundVariant[];
}

export interface FoundVariant {
  value: string;
  /** The words of the first text that gives it, and its phrase there (numbers and dates only): what a paraphrase is compared with. */
  source?: { tokens: Tokens; phrase: Phrase; sentence: number };
  /** Members of the group that give this variant. */
  spans: Span[];
  /** Their distinct documents. */
  documents: number;
  /** Sentences outside the group that give the same number (paraphrase.ts), by (document, start). */
  attached: Span[];
}

/**
 * Texts that carry a node's words at the aligned place join its component (only texts the
 * node's text was aligned with: `aligned(t)`); then the nodes of one text that overlap are one place.
 */
function* propagate(texts: readonly GroupText[], nodes: Nodes, matchOf: MatchOf, aligned: (t: number) => number): Work<void> {
  const created = nodes.count;
  let work = 0;
  for (let n = 0; n < created; n++) {
    const t = nodes.text[n]!;
    const last = aligned(t);
    if ((work += 1 + last) >= PAUSE_WORK) {
      work = 0;
      yield;
    }
    for (let z = 0; z < last; z++) {
      if (z === t) continue;
      const match = t < z ? matchOf(t, z) : matchOf(z, t);
      if (match === undefined) continue;
      const mapped = mapRange(match, t < z, nodes.a0[n]!, nodes.a1[n]!);
      if (mapped === null) continue;
      if (nodes.cls[n] === NAME) nodes.union(n, nodes.of(z, NAME, mapped[0], mapped[1]));
      else if (texts[z]!.phrases.some((p) => classOf(p) === nodes.cls[n] && p.from === mapped[0] && p.to === mapped[1])) nodes.union(n, nodes.of(z, nodes.cls[n]!, mapped[0], mapped[1]));
    }
  }
  const byText = Array.from({ length: nodes.count }, (_, n) => n).sort((a, b) => nodes.text[a]! - nodes.text[b]! || a - b);
  for (let i = 0; i < byText.length; i++) {
    const a = byText[i]!;
    if (++work >= PAUSE_WORK) {
      work = 0;
      yield;
    }
    for (let j = i + 1; j < byText.length && nodes.text[byText[j]!] === nodes.text[a]; j++) {
      work++;
      const b = byText[j]!;
      if (nodes.cls[a] === nodes.cls[b] && nodes.a0[a]! < nodes.a1[b]! && nodes.a0[b]! < nodes.a1[a]!) nodes.union(a, b);
    }
  }
}

/** The alignment of texts x < y, when they were aligned. */
export type MatchOf = (x: number, y: number) => Int32Array | undefined;

/** A place: its class and, per text, the word range it covers. */
interface Place {
  cls: number;
  ranges: Map<number, [number, number]>;
}

/**
 * Components with a differing pair, one range per text: of a text's overlapping nodes, the
 * shortest that took part in a differing pair (different pairings cut a run differently). A
 * text with two separate nodes in one component is ambiguous, and the component is dropped.
 */
function* placesOf(texts: readonly GroupText[], nodes: Nodes): Work<Place[]> {
  const components = new Map<number, number[]>();
  let work = 0;
  const pause = (units: number) => (work += units) >= PAUSE_WORK && ((work = 0), true);
  for (let n = 0; n < nodes.count; n++) {
    if (pause(1)) yield;
    const root = nodes.find(n);
    const list = components.get(root);
    if (list === undefined) components.set(root, [n]);
    else list.push(n);
  }
  const places: Place[] = [];
  const rank = (n: number) => (nodes.differs[n] ? 0 : 1e6) + (nodes.a1[n]! - nodes.a0[n]!) * 1e3 + nodes.a0[n]!;
  for (const ids of components.values()) {
    if (pause(ids.length)) yield;
    if (!ids.some((n) => nodes.differs[n])) continue;
    const chosen = new Map<number, number>();
    let ambiguous = false;
    for (const n of ids) {
      const have = chosen.get(nodes.text[n]!);
      if (have === undefined) chosen.set(nodes.text[n]!, n);
      else if (nodes.a0[n]! < nodes.a1[have]! && nodes.a0[have]! < nodes.a1[n]!) {
        if (rank(n) < rank(have)) chosen.set(nodes.text[n]!, n);
      } else ambiguous = true;
    }
    if (ambiguous) continue;
    const ranges = new Map<number, [number, number]>();
    for (const [t, n] of chosen) ranges.set(t, [nodes.a0[n]!, nodes.a1[n]!]);
    places.push({ cls: nodes.cls[ids[0]!]!, ranges });
  }
  // Name places side by side in every text they cover are one name ("Vladimir Putin" / "Joe Biden").
  for (let i = 0; i < places.length; i++) {
    for (let j = 0; j < places.length; j++) {
      const a = places[i]!;
      const b = places[j]!;
      if (pause(1)) yield;
      if (i === j || a.cls !== NAME || b.cls !== NAME || a.ranges.size !== b.ranges.size) continue;
      let adjacent = true;
      if (pause(a.ranges.size)) yield;
      for (const [t, range] of a.ranges) {
        const next = b.ranges.get(t);
        if (next === undefined || next[0] !== range[1] || !/^\s+$/.test(texts[t]!.tokens.text.slice(texts[t]!.tokens.end[range[1] - 1]!, texts[t]!.tokens.start[next[0]]!))) adjacent = false;
      }
      if (!adjacent) continue;
      for (const [t, range] of a.ranges) range[1] = b.ranges.get(t)![1];
      places.splice(j, 1);
      i = -1;
      break;
    }
  }
  return places;
}

/**
 * The conflicts of one group whose texts have been paired. A document that states two
 * variants drops the conflict: it lists different things (numbered captions of one gallery,
 * a list of citations, one page's tiered offers); it does not disagree with another source.
 */
export function* conflictsOf(
  texts: readonly GroupText[],
  nodes: Nodes,
  matchOf: MatchOf,
  aligned: (t: number) => number,
  segments: Segments,
  language: ConflictWords | undefined,
): Work<Found[]> {
  yield* propagate(texts, nodes, matchOf, aligned);
  const found: Found[] = [];
  for (const { cls, ranges } of yield* placesOf(texts, nodes)) {
    yield;
    const variants: (FoundVariant & { names: string[]; places: [number, number, number, number][] })[] = [];
    const kinds: PhraseKind[] = [];
    let work = 0;
    for (const [t, [a0, a1]] of [...ranges.entries()].sort((p, q) => p[0] - q[0])) {
      // A name is compared with each variant so far (up to MAX_VARIANTS): a few units of work.
      if ((work += 1 + variants.length) >= PAUSE_WORK) {
        work = 0;
        yield;
      }
      const { tokens, phrases } = texts[t]!;
      let value: string;
      let end: number;
      let source: FoundVariant['source'];
      const names = tokens.key.slice(a0, a1);
      if (cls === NAME) {
        value = names.join(' ');
        end = tokens.end[a1 - 1]!;
      } else {
        const phrase = phrases.find((p) => classOf(p) === cls && p.from === a0 && p.to === a1);
        if (phrase === undefined) continue;
        value = phrase.value;
        kinds.push(phrase.kind);
        end = tokens.end[phrase.spanTo - 1]!;
        source = { tokens, phrase, sentence: texts[t]!.sentence };
      }
      let variant = variants.find((v) => (cls === NAME ? sameName(v.names, names, language!) : v.value === value));
      // Sources of one fact give it two or three ways; dozens are a list or a log, not a disagreement.
      if (variant === undefined && variants.length === MAX_VARIANTS) break;
      if (variant === undefined) variants.push((variant = { value, names, places: [], spans: [], documents: 0, attached: [], ...(source === undefined ? {} : { source }) }));
      variant.places.push([t, a0, a1, end]);
    }
    if (variants.length < 2 || variants.length === MAX_VARIANTS) continue;
    // Read off the members before any span is located: most places fail here, in big groups.
    const owner = new Map<number, number>();
    let twoSides = false;
    for (let v = 0; v < variants.length; v++) {
      for (const [t] of variants[v]!.places) {
        if ((work += texts[t]!.members.length) >= PAUSE_WORK) {
          work = 0;
          yield;
        }
        for (const member of texts[t]!.members) {
          const had = owner.get(segments.doc[member]!);
          if (had === undefined) owner.set(segments.doc[member]!, v);
          else if (had !== v) twoSides = true;
        }
      }
    }
    if (twoSides) continue;
    for (const variant of variants) {
      // (One by one: a fact reprinted a hundred thousand times has more spans than a call may have arguments.)
      for (const [t, a0, a1, end] of variant.places) for (const span of yield* memberSpans(texts[t]!, a0, a1, end, cls, segments, language)) variant.spans.push(span);
      // Sentence ids run document by document, in order: this is (documentId, start) order.
      variant.spans.sort((p, q) => p.sentence - q.sentence);
      variant.documents = new Set(variant.spans.map((span) => segments.doc[span.sentence])).size;
    }
    if (variants.some((variant) => variant.spans.length === 0)) continue;
    const first = (v: { spans: Span[] }) => v.spans[0]!;
    variants.sort((p, q) => q.documents - p.documents || segments.doc[first(p).sentence]! - segments.doc[first(q).sentence]! || first(p).start - first(q).start);
    const head = first(variants[0]!);
    found.push({
      // A quantity is a date when any side reads as one ("2012" / "2013", "Sept. 12" / "Sept. 13").
      kind: cls === NAME ? 'name' : kinds.includes('date') ? 'date' : 'number',
      at: head.start - segments.start[head.sentence]!,
      variants: variants.map(({ names: _names, places: _places, ...variant }) => variant),
    });
  }
  return found.sort((p, q) => p.at - q.at);
}
