/**
 * ROUGE as ROUGE-1.5.5 reports it with `-n 2 -m -l N -2 4 -u -f A -p 0.5 -t 0`: ROUGE-1,
 * ROUGE-2, ROUGE-L (union LCS over the summary's lines) and ROUGE-SU4 (skip bigrams with at
 * most 4 words between, plus unigrams), with Porter stemming of tokens longer than three
 * characters after the WordNet exceptions table, both texts cut to their first N whitespace
 * words, lower-cased and reduced to [a-z0-9] tokens. F is the harmonic mean (alpha 0.5).
 *
 * Tokens as ROUGE makes them: `-` is split off and dropped with every other character outside
 * [a-z0-9], so "hot-and-cold" is three tokens.
 *
 * Written here, not taken from npm, because it must reproduce the calibration table in
 * ../shared/benchmarks/README.md to ±0.01 (the test in test/rouge.test.ts holds it to
 * hand-checked pairs; `npm run bench:quality -- --calibrate` checks the table).
 */
export interface Score {
  recall: number;
  precision: number;
  f: number;
}

export interface RougeScores {
  rouge1: Score;
  rouge2: Score;
  rougeL: Score;
  rougeSU4: Score;
}

export interface RougeOptions {
  /** Cut both texts to their first N whitespace-separated words (`-l N`); 0 = no cut. */
  length: number;
  /** Irregular forms (`went` → `go`) consulted before the Porter stemmer. */
  exceptions?: ReadonlyMap<string, string>;
}

/** Parse the `word<TAB>base` exceptions file. */
export function parseExceptions(tsv: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of tsv.split('\n')) {
    const [word, base] = line.split('\t');
    if (word && base) map.set(word.trim(), base.trim());
  }
  return map;
}

/** Keep the first `limit` whitespace words over all lines, as `-l` does. */
export function truncateLines(lines: readonly string[], limit: number): string[] {
  if (limit <= 0) return [...lines];
  const kept: string[] = [];
  let count = 0;
  for (const line of lines) {
    if (count >= limit) break;
    const words = line.split(/\s+/).filter(Boolean);
    const take = words.slice(0, limit - count);
    count += take.length;
    kept.push(take.join(' '));
  }
  return kept;
}

function tokens(text: string, exceptions: ReadonlyMap<string, string> | undefined): string[] {
  const raw = text.toLowerCase().replace(/[^a-z0-9]/g, ' ').split(/\s+/).filter(Boolean);
  return raw.map((token) => (token.length > 3 ? (exceptions?.get(token) ?? rougeStem(token, true)) : token));
}

function count(grams: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const gram of grams) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return counts;
}

function score(hit: number, peerTotal: number, modelTotal: number): Score {
  const recall = modelTotal > 0 ? hit / modelTotal : 0;
  const precision = peerTotal > 0 ? hit / peerTotal : 0;
  const f = recall > 0 && precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
  return { recall, precision, f };
}

function overlap(peer: Map<string, number>, model: Map<string, number>): Score {
  let hit = 0;
  let peerTotal = 0;
  let modelTotal = 0;
  for (const n of peer.values()) peerTotal += n;
  for (const [gram, n] of model) {
    modelTotal += n;
    hit += Math.min(n, peer.get(gram) ?? 0);
  }
  return score(hit, peerTotal, modelTotal);
}

function ngrams(words: string[], n: number): string[] {
  const grams: string[] = [];
  for (let i = 0; i + n <= words.length; i++) grams.push(words.slice(i, i + n).join(' '));
  return grams;
}

/**
 * Skip bigrams with at most `skip` words between the pair, plus unigrams (`-2 skip -u`).
 * As in ROUGE-1.5.5's createSkipBigram, the outer loop stops before the last token, so the
 * last token's unigram is not counted: the calibration table depends on that quirk.
 */
function skipBigrams(words: string[], skip: number): string[] {
  const grams: string[] = [];
  for (let i = 0; i < words.length - 1; i++) {
    grams.push(words[i]!);
    for (let j = i + 1; j < words.length && j <= i + skip + 1; j++) grams.push(`${words[i]} ${words[j]}`);
  }
  return grams;
}

/** Positions of `model` on one longest common subsequence with `peer` (ROUGE's tie-breaking). */
function lcsPositions(model: string[], peer: string[]): number[] {
  const m = model.length;
  const n = peer.length;
  const c = Array.from({ length: m + 1 }, () => new Int32Array(n + 1));
  const b = Array.from({ length: m + 1 }, () => new Uint8Array(n + 1)); // 1 diagonal, 2 up, 3 left
  for (let i = 1; i <= m; i++)
    for (let j = 1; j <= n; j++) {
      if (model[i - 1] === peer[j - 1]) {
        c[i]![j] = c[i - 1]![j - 1]! + 1;
        b[i]![j] = 1;
      } else if (c[i - 1]![j]! >= c[i]![j - 1]!) {
        c[i]![j] = c[i - 1]![j]!;
        b[i]![j] = 2;
      } else {
        c[i]![j] = c[i]![j - 1]!;
        b[i]![j] = 3;
      }
    }
  const positions: number[] = [];
  let i = m;
  let j = n;
  while (i > 0 && j > 0) {
    const step = b[i]![j];
    if (step === 1) {
      positions.push(i - 1);
      i--;
      j--;
    } else if (step === 2) i--;
    else j--;
  }
  return positions;
}

/** Union LCS of each model line against all peer lines, each token counted at most as often as both sides have it. */
function unionLcs(peerLines: string[][], modelLines: string[][]): Score {
  const peerCounts = count(peerLines.flat());
  const modelCounts = count(modelLines.flat());
  const peerTotal = peerLines.reduce((sum, line) => sum + line.length, 0);
  const modelTotal = modelLines.reduce((sum, line) => sum + line.length, 0);
  let hit = 0;
  for (const model of modelLines) {
    const union = new Set<number>();
    for (const peer of peerLines) for (const position of lcsPositions(model, peer)) union.add(position);
    for (const position of [...union].sort((a, b) => a - b)) {
      const token = model[position]!;
      if ((modelCounts.get(token) ?? 0) > 0 && (peerCounts.get(token) ?? 0) > 0) {
        hit++;
        modelCounts.set(token, modelCounts.get(token)! - 1);
        peerCounts.set(token, peerCounts.get(token)! - 1);
      }
    }
  }
  return score(hit, peerTotal, modelTotal);
}

/** Score one summary (one sentence per line) against one reference. */
export function rouge(summaryLines: readonly string[], referenceLines: readonly string[], options: RougeOptions): RougeScores {
  const peerLines = truncateLines(summaryLines, options.length).map((line) => tokens(line, options.exceptions));
  const modelLines = truncateLines(referenceLines, options.length).map((line) => tokens(line, options.exceptions));
  const peer = peerLines.flat();
  const model = modelLines.flat();
  return {
    rouge1: overlap(count(ngrams(peer, 1)), count(ngrams(model, 1))),
    rouge2: overlap(count(ngrams(peer, 2)), count(ngrams(model, 2))),
    rougeL: unionLcs(peerLines, modelLines),
    rougeSU4: overlap(count(skipBigrams(peer, 4)), count(skipBigrams(model, 4))),
  };
}

/** Mean of each figure over many scores. */
export function mean(all: readonly RougeScores[]): RougeScores {
  const average = (pick: (scores: RougeScores) => Score): Score => {
    const n = all.length || 1;
    return {
      recall: all.reduce((sum, s) => sum + pick(s).recall, 0) / n,
      precision: all.reduce((sum, s) => sum + pick(s).precision, 0) / n,
      f: all.reduce((sum, s) => sum + pick(s).f, 0) / n,
    };
  };
  return { rouge1: average((s) => s.rouge1), rouge2: average((s) => s.rouge2), rougeL: average((s) => s.rougeL), rougeSU4: average((s) => s.rougeSU4) };
}

/*
 * ROUGE-1.5.5's own stemmer: Martin Porter's Perl implementation as ROUGE ships it, with
 * C.-Y. Lin's 2004 change to step 4 (the -ement/-ment/-ent rules apply in sequence).
 * `ionAfterAnyLetter` selects the -ion rule the benchmark README describes.
 */
const CONSONANT = '[^aeiou]';
const VOWEL = '[aeiouy]';
const CONSONANTS = `${CONSONANT}[^aeiouy]*`;
const VOWELS = `${VOWEL}[aeiou]*`;
const M_GT_0 = new RegExp(`^(${CONSONANTS})?${VOWELS}${CONSONANTS}`);
const M_EQ_1 = new RegExp(`^(${CONSONANTS})?${VOWELS}${CONSONANTS}(${VOWELS})?$`);
const M_GT_1 = new RegExp(`^(${CONSONANTS})?${VOWELS}${CONSONANTS}${VOWELS}${CONSONANTS}`);
const VOWEL_IN_STEM = new RegExp(`^(${CONSONANTS})?${VOWEL}`);
const SHORT_CVC = new RegExp(`^${CONSONANTS}${VOWEL}[^aeiouwxy]$`);
const STEP2: Record<string, string> = {
  ational: 'ate', tional: 'tion', enci: 'ence', anci: 'ance', izer: 'ize', bli: 'ble', alli: 'al', entli: 'ent', eli: 'e',
  ousli: 'ous', ization: 'ize', ation: 'ate', ator: 'ate', alism: 'al', iveness: 'ive', fulness: 'ful', ousness: 'ous',
  aliti: 'al', iviti: 'ive', biliti: 'ble', logi: 'log',
};
const STEP3: Record<string, string> = { icate: 'ic', ative: '', alize: 'al', iciti: 'ic', ical: 'ic', ful: '', ness: '' };

export function rougeStem(word: string, ionAfterAnyLetter: boolean): string {
  if (word.length < 3) return word;
  let w = word;
  const initialY = w[0] === 'y';
  if (initialY) w = `Y${w.slice(1)}`;
  let m: RegExpExecArray | null;
  // Step 1a
  if ((m = /(ss|i)es$/.exec(w))) w = w.slice(0, m.index) + m[1];
  else if ((m = /([^s])s$/.exec(w))) w = w.slice(0, m.index) + m[1];
  // Step 1b
  if ((m = /eed$/.exec(w))) {
    if (M_GT_0.test(w.slice(0, m.index))) w = w.slice(0, -1);
  } else if ((m = /(ed|ing)$/.exec(w))) {
    const stem = w.slice(0, m.index);
    if (VOWEL_IN_STEM.test(stem)) {
      w = stem;
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      else if (SHORT_CVC.test(w)) w += 'e';
    }
  }
  // Step 1c
  if ((m = /y$/.exec(w))) {
    const stem = w.slice(0, m.index);
    if (VOWEL_IN_STEM.test(stem)) w = `${stem}i`;
  }
  // Step 2
  if ((m = /(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/.exec(w))) {
    const stem = w.slice(0, m.index);
    if (M_GT_0.test(stem)) w = stem + STEP2[m[1]!];
  }
  // Step 3
  if ((m = /(icate|ative|alize|iciti|ical|ful|ness)$/.exec(w))) {
    const stem = w.slice(0, m.index);
    if (M_GT_0.test(stem)) w = stem + STEP3[m[1]!];
  }
  // Step 4
  if ((m = /(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$/.exec(w))) {
    const stem = w.slice(0, m.index);
    if (M_GT_1.test(stem)) w = stem;
  }
  if ((m = /ment$/.exec(w))) {
    const stem = w.slice(0, m.index);
    if (M_GT_1.test(stem)) w = stem;
  }
  if ((m = /ent$/.exec(w))) {
    const stem = w.slice(0, m.index);
    if (M_GT_1.test(stem)) w = stem;
  } else if ((m = (ionAfterAnyLetter ? /(.)(ion)$/ : /(s|t)(ion)$/).exec(w))) {
    const stem = w.slice(0, m.index) + m[1];
    if (M_GT_1.test(stem)) w = stem;
  }
  // Step 5
  if ((m = /e$/.exec(w))) {
    const stem = w.slice(0, m.index);
    if (M_GT_1.test(stem) || (M_EQ_1.test(stem) && !SHORT_CVC.test(stem))) w = stem;
  }
  if (/ll$/.test(w) && M_GT_1.test(w)) w = w.slice(0, -1);
  if (initialY) w = `y${w.slice(1)}`;
  return w;
}
