/**
 * Does a candidate repeat a sentence already chosen? It does when its tf-idf cosine with one
 * is at least `redundancyThreshold`, or when that share of the shorter one's content terms
 * is in the other (the same thing in other words: cosine misses a paraphrase that shares
 * the story's names and little else, since tf-idf weighs those common words least), or when
 * their comparison keys are within the duplicate threshold (near-identical).
 *
 * The chosen sentences are indexed by term, so a candidate meets only those it shares a term
 * with, and its dot products with all of them accumulate in one pass over its own terms (in
 * ascending term order, exactly the sum a pairwise cosine makes). A pair sharing no term has
 * cosine 0. Near-identical keys share terms; of the chosen a candidate meets, the keys of the
 * `KEY_CHECKS` with the largest dot products are compared, and chosen sentences without any
 * term (all stopwords) are compared by key always. Work per candidate is linear in the chosen
 * sentences it shares terms with, whatever the budget.
 */
import { minSharedTermsFor, withinThreshold } from '../measures.js';
import type { Analysis, Vectors } from '../model.js';
import { stringAt } from '../string-table.js';

/** Most chosen sentences whose keys one candidate is compared with. */
const KEY_CHECKS = 32;

export class RedundancyIndex {
  /** Per term: the chosen groups holding it and their weight for it, flat: [group, weight, …]. */
  private readonly postings = new Map<number, number[]>();
  /** Chosen groups without terms. */
  private readonly termless: number[] = [];
  private readonly dot = new Map<number, number>();
  /** Per chosen group met: distinct terms it shares with the candidate. */
  private readonly shared = new Map<number, number>();
  /** Work done so far (postings read, key characters compared), for the caller's pauses. */
  work = 0;

  constructor(
    private readonly vectors: Vectors,
    private readonly representative: Int32Array,
    private readonly analysis: Pick<Analysis, 'keyId' | 'keys'>,
    private readonly settings: { redundancyThreshold: number; duplicateThreshold: number },
  ) {}

  add(group: number): void {
    const { start, term, weight } = this.vectors;
    if (start[group] === start[group + 1]) this.termless.push(group);
    for (let p = start[group]!; p < start[group + 1]!; p++) {
      let posting = this.postings.get(term[p]!);
      if (posting === undefined) this.postings.set(term[p]!, (posting = []));
      posting.push(group, weight[p]!);
    }
  }

  repeats(candidate: number): boolean {
    const { start, term, weight, norm } = this.vectors;
    const { dot, shared } = this;
    dot.clear();
    shared.clear();
    for (let p = start[candidate]!; p < start[candidate + 1]!; p++) {
      const posting = this.postings.get(term[p]!);
      if (posting === undefined) continue;
      const w = weight[p]!;
      this.work += posting.length;
      for (let k = 0; k < posting.length; k += 2) {
        dot.set(posting[k]!, (dot.get(posting[k]!) ?? 0) + w * posting[k + 1]!);
        shared.set(posting[k]!, (shared.get(posting[k]!) ?? 0) + 1);
      }
    }
    const threshold = this.settings.redundancyThreshold;
    const terms = start[candidate + 1]! - start[candidate]!;
    for (const [other, product] of dot) {
      const denominator = norm[candidate]! * norm[other]!;
      if (denominator > 0 && product / denominator >= threshold) return true;
      // Vectors hold distinct terms, so list lengths are the term counts. At 1 the check is off.
      if (threshold < 1 && shared.get(other)! >= threshold * Math.min(terms, start[other + 1]! - start[other]!)) return true;
    }
    const key = this.keyOf(candidate);
    const near = (other: number) => {
      this.work += key.length;
      return withinThreshold(key, this.keyOf(other), this.settings.duplicateThreshold);
    };
    if (this.termless.some(near)) return true;
    // Near-identical keys share most of their terms (minSharedTermsFor): a chosen sentence that
    // shares few is not worth an edit distance (3,000 sentences of one vocabulary spent most of
    // their time here).
    const met = [...dot.keys()].filter((other) => shared.get(other)! >= minSharedTermsFor(this.settings.duplicateThreshold) * Math.min(terms, start[other + 1]! - start[other]!));
    if (met.length > KEY_CHECKS) met.sort((a, b) => dot.get(b)! - dot.get(a)! || a - b).length = KEY_CHECKS;
    return met.some(near);
  }

  /** The comparison key of a group's representative. */
  private keyOf(group: number): string {
    return stringAt(this.analysis.keys, this.analysis.keyId[this.representative[group]!]!);
  }
}
