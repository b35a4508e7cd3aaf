/**
 * The mark every renderer writes under a summary sentence whose sources disagree:
 * `Sources differ: "17 months" [1, 2] / "18 months" [3]`. A reader who trusts the sentence
 * should see that another source gives another number, and which one, without opening the
 * JSON. The documents are named by the renderer's own citation numbers; a document that gives
 * a version but is cited nowhere in the summary (a paraphrase the conflict stage found beside
 * the fact) has no number, so it is counted ("and 1 more") as citations beyond the limit are.
 *
 * A summary may come from elsewhere (a file, another version), so everything is read as own
 * properties and checked: a conflict whose `sentence` is no index of a sentence, or that is
 * not shaped as the types say, is left out rather than thrown on.
 */
import { own } from '../own.js';
import type { Summary } from '../types.js';
import { andMore } from './citations.js';
import { singleLine } from './safe.js';

/** One version of a disputed fact as the renderers show it. */
export interface ShownVersion {
  /** The variant's words, made one line by `singleLine`; each renderer still escapes them for its format. */
  text: string;
  /** Citation numbers of the documents giving it, ascending. */
  numbers: number[];
  /** Documents giving it that have no citation number. */
  more: number;
}

/** Per summary sentence index, each of its conflicts' versions, in `Summary.conflicts` order. */
export type Disputes = Map<number, ShownVersion[][]>;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

export function disputes(summary: Summary, numberOf: ReadonlyMap<string, number>): Disputes {
  const bySentence: Disputes = new Map();
  for (const conflict of list(own(summary, 'conflicts'))) {
    if (!isObject(conflict)) continue;
    const sentence = own(conflict, 'sentence');
    if (typeof sentence !== 'number' || !Number.isInteger(sentence) || sentence < 0 || sentence >= summary.sentences.length) continue;
    const versions: ShownVersion[] = [];
    for (const variant of list(own(conflict, 'variants'))) {
      if (!isObject(variant)) continue;
      const text = own(variant, 'text');
      if (typeof text !== 'string') continue;
      const ids = new Set<string>();
      for (const span of list(own(variant, 'spans'))) {
        const id = isObject(span) ? own(span, 'documentId') : undefined;
        if (typeof id === 'string') ids.add(id);
      }
      const numbers: number[] = [];
      for (const id of ids) {
        const number = numberOf.get(id);
        if (number !== undefined) numbers.push(number);
      }
      versions.push({ text: singleLine(text), numbers: numbers.sort((a, b) => a - b), more: ids.size - numbers.length });
    }
    // One version is no disagreement: nothing to show.
    if (versions.length < 2) continue;
    const shown = bySentence.get(sentence) ?? [];
    shown.push(versions);
    bySentence.set(sentence, shown);
  }
  return bySentence;
}

/** The opening words of every mark, so that tests and readers find them. */
export const DIFFER = 'Sources differ:';

/** `[2, 4 and 1 more]`: the plain-text citation of one version. */
export const bracketed = (version: ShownVersion): string => `[${[version.numbers.join(', '), andMore(version.more)].filter(Boolean).join(' ')}]`;
