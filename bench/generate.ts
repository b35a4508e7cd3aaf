/**
 * A deterministic generator of realistic story clusters for the scale benchmark.
 *
 * Built from the five example articles (examples/articles/) and variation rules, with a fixed
 * seed, so `npm run bench` measures the same input on every machine:
 *   - wire copy reprinted by many outlets, most verbatim, some with small edits (a word
 *     dropped or added, house style for quotes and dashes, a typo, "on Tuesday");
 *   - paraphrases: clauses moved ("…, analysts say" to the front), synonyms swapped;
 *   - paragraphs reordered, articles cut short or run long (very different lengths);
 *   - unrelated sentences (a sidebar on another story), page furniture (headline, share
 *     button, photo credit, byline, "Advertisement", a "The Latest" link list).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface GeneratedDocument {
  id: string;
  text: string;
}

export interface ClusterOptions {
  /**
   * Articles written as one line: paragraphs joined by a space instead of a blank line, as
   * pages scraped without their markup arrive. Nothing then repeats line for line, so the
   * library's per-line cache gets no hits. 'half': the odd-numbered articles. Default 'none'
   * (the output is byte-identical to what it was before this option existed).
   */
  oneLine?: 'none' | 'half' | 'all';
}

/** mulberry32: small, fast, and the same sequence everywhere. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNRELATED = [
  'The Twins won their tenth straight game on Sunday, sweeping the series at home.',
  'A winter storm is expected to bring heavy snow to the northern plains this weekend.',
  'The central bank left interest rates unchanged at its meeting on Wednesday.',
  'A new museum of modern art opened downtown to long lines of visitors.',
  'Police said the suspect was taken into custody without incident shortly after 7 p.m.',
  'The film topped the box office for a third weekend, earning an estimated $40 million.',
  'Shares of the carmaker fell sharply after it cut its forecast for the year.',
  'Researchers said the new vaccine was safe and effective in a trial of 3,000 adults.',
  'The coach said the team was ready to step up and lead the league into a new era.',
  'Officials closed the bridge for repairs after inspectors found cracks in a support beam.',
];

const FURNITURE_TOP = ['SHARE', 'Advertisement', 'Image: Associated Press', 'By Staff Writer', 'Associated Press', 'Story highlights'];
const FURNITURE_BOTTOM = ['The Latest', 'Related stories', 'With files from the wire services', 'Follow us on Twitter for updates.'];
const SYNONYMS: [RegExp, string][] = [
  [/\bsaid\b/, 'stated'],
  [/\bexpected\b/, 'anticipated'],
  [/\bmeeting\b/, 'summit'],
  [/\bseek\b/, 'look for'],
  [/\bofficials\b/, 'authorities'],
  [/\barrived\b/, 'landed'],
  [/\bclose\b/, 'near'],
];

/** Paragraphs (lines) of the example articles, by article. */
function loadSource(root: string): string[][] {
  const directory = path.join(root, 'examples/articles');
  return readdirSync(directory)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) =>
      readFileSync(path.join(directory, name), 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.split(' ').length >= 8 && /[.!?”"]$/.test(line)),
    );
}

function edit(sentence: string, random: () => number): string {
  const words = sentence.split(' ');
  const roll = random();
  if (roll < 0.25 && words.length > 8) words.splice(1 + Math.floor(random() * (words.length - 2)), 1);
  else if (roll < 0.45) words.splice(1 + Math.floor(random() * (words.length - 1)), 0, random() < 0.5 ? 'reportedly' : 'also');
  else if (roll < 0.65) return sentence.replace(/’/g, "'").replace(/“|”/g, '"').replace(/ — /g, ' - ');
  else if (roll < 0.8) {
    const at = Math.floor(random() * words.length);
    const word = words[at]!;
    if (word.length > 3) words[at] = word.slice(0, 1) + word.slice(2, 3) + word.slice(1, 2) + word.slice(3);
  } else return sentence.replace(/\bTuesday\b/, 'on Tuesday').replace(/\bMonday\b/, 'early Monday');
  return words.join(' ');
}

function paraphrase(sentence: string, random: () => number): string {
  let out = sentence;
  const moved = /^(.*), (analysts|experts|officials) (say|said)\.$/.exec(out);
  if (moved) out = `${moved[2]![0]!.toUpperCase()}${moved[2]!.slice(1)} ${moved[3]} ${moved[1]![0]!.toLowerCase()}${moved[1]!.slice(1)}.`;
  for (const [pattern, replacement] of SYNONYMS) if (random() < 0.5) out = out.replace(pattern, replacement);
  return out;
}

/**
 * `count` articles on one story, about 5 KB each on average. Same count, same seed → same
 * bytes. With `verbatim: false` every paragraph gets a token unique to its outlet, so no line
 * or sentence repeats verbatim: the worst case for the library's per-call caches. With
 * `oneLine` some or all articles have no line breaks (see ClusterOptions); which ones depends
 * on the article's number only, so the random stream, and every other byte, is unchanged.
 */
export function generateCluster(count: number, root: string, seed = 20261123, verbatim = true, options: ClusterOptions = {}): GeneratedDocument[] {
  const oneLine = options.oneLine ?? 'none';
  const random = prng(seed ^ count);
  const sources = loadSource(root);
  const documents: GeneratedDocument[] = [];
  for (let n = 0; n < count; n++) {
    const source = sources[Math.floor(random() * sources.length)]!;
    let paragraphs = [...source];
    // Reorder a few paragraphs after the lead; cut short or run long.
    for (let k = 0; k < 3; k++) {
      const a = 1 + Math.floor(random() * (paragraphs.length - 1));
      const b = 1 + Math.floor(random() * (paragraphs.length - 1));
      if (random() < 0.3) [paragraphs[a], paragraphs[b]] = [paragraphs[b]!, paragraphs[a]!];
    }
    const length = random();
    if (length < 0.25) paragraphs = paragraphs.slice(0, 3 + Math.floor(random() * 4));
    else if (length > 0.9) paragraphs = [...paragraphs, ...sources[(sources.indexOf(source) + 1) % sources.length]!.slice(0, 6)];
    const style = random(); // house style of this outlet
    const body = paragraphs.map((paragraph) => {
      const roll = random();
      let text = roll < 0.7 ? paragraph : roll < 0.88 ? edit(paragraph, random) : paraphrase(paragraph, random);
      if (style < 0.3) text = text.replace(/’/g, "'");
      return text;
    });
    if (random() < 0.5) body.splice(2 + Math.floor(random() * 3), 0, UNRELATED[Math.floor(random() * UNRELATED.length)]!);
    const top = [`${body[0]!.split(' ').slice(0, 9).join(' ')}`, FURNITURE_TOP[Math.floor(random() * FURNITURE_TOP.length)]!];
    const bottom = random() < 0.4 ? [FURNITURE_BOTTOM[Math.floor(random() * FURNITURE_BOTTOM.length)]!, UNRELATED[Math.floor(random() * UNRELATED.length)]!] : [];
    // Reworded: a token unique to this outlet and paragraph, so no line or sentence repeats.
    const paragraphsOut = [...top, ...body, ...bottom].map((paragraph, k) => (verbatim ? paragraph : paragraph.replace(' ', ` ${n}x${k} `)));
    const asOneLine = oneLine === 'all' || (oneLine === 'half' && n % 2 === 1);
    documents.push({ id: `outlet-${String(n).padStart(5, '0')}`, text: paragraphsOut.join(asOneLine ? ' ' : '\n\n') });
  }
  return documents;
}
