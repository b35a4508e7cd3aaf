/**
 * npm run bench:conflicts — how well the conflict finder ("sources that disagree") works on
 * real news clusters.
 *
 * (a) Injected changes: for every cluster, every number, year, weekday, month and name in a
 *     sentence that another article carries near-identically is changed in turn (seeded) in a
 *     copy of its article, added to the cluster as one more document. Found: a conflict sets
 *     the copy's changed words and the original's against each other. Exact: both spans are
 *     exactly the words that differ (bench/inject.ts says which).
 * (b) Unchanged clusters: how many conflicts are reported at the library's settings, and at
 *     looser duplicate thresholds (stress), each matched to its reading in
 *     bench/conflict-judgments.ts.
 *
 * Reads ../shared/benchmarks/multinews-val.jsonl (research licence: read at run time, never
 * copied; `--show` prints what was reported to the terminal, for reading, never to a file).
 *
 *   --data FILE      clusters, one JSON object a line: { id, documents: [{id, text}] }
 *   --seed N         the seed of the changes (default 1)
 *   --per-cluster N  N changes per cluster, kinds in rotation, instead of every candidate
 *   --stress LIST    duplicate thresholds of the stress runs (default 0.5,0.6,0.7)
 *   --show           print every reported conflict of (b) with its sentences, to read
 *   --misses         print every injected change that was not found, with its sentence, to read
 *   --show-attached  print every paraphrase attached to a variant, beside the member it matched, to read
 *   --write          write bench/CONFLICTS.md
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyse } from '../src/analyse.js';
import { findConflicts } from '../src/conflicts/index.js';
import { paraphrasesOf } from '../src/conflicts/paraphrase.js';
import { phrasesOf } from '../src/conflicts/phrases.js';
import { tokenise } from '../src/conflicts/tokens.js';
import { dedupe } from '../src/dedupe/index.js';
import { createCaches, type Caches } from '../src/caches.js';
import { CONFLICT_KINDS, type Conflicts, type Groups, type Segments } from '../src/model.js';
import { runSync } from '../src/schedule.js';
import { segment } from '../src/segment/index.js';
import { stringAt } from '../src/string-table.js';
import { resolveInput } from '../src/validate.js';
import { ATTACHMENT_JUDGMENTS, JUDGMENTS, type Judgment } from './conflict-judgments.js';
import { report } from './conflicts-report.js';
import { candidatesOf, expectedSpan, judgeTrial, namesOf, replacementFor, type Candidate, type ChangeKind } from './inject.js';
import { prng } from './generate.js';

interface Document {
  id: string;
  text: string;
}
interface Cluster {
  id: string;
  documents: Document[];
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve(root, '../shared/benchmarks/multinews-val.jsonl') },
    seed: { type: 'string', default: '1' },
    'per-cluster': { type: 'string' },
    stress: { type: 'string', default: '0.5,0.6,0.7' },
    show: { type: 'boolean', default: false },
    misses: { type: 'boolean', default: false },
    'show-attached': { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
  },
});
if (!existsSync(args.data!)) {
  console.error(
    `bench:conflicts: the benchmark data is missing: ${args.data}\n` +
      'It lives in ../shared/benchmarks/ beside the project checkout (research licence: it is never copied into the project).\n' +
      'Pass another file in the same format with --data FILE.',
  );
  process.exit(1);
}
const clusters = readFileSync(args.data!, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Cluster);
const canonical = (documents: readonly Document[]) => documents.map((d) => ({ id: String(d.id), text: d.text })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The stages up to conflicts, with the time the conflict stage alone took. */
function run(documents: readonly Document[], threshold: number, caches: Caches) {
  const { settings } = resolveInput([], { duplicateThreshold: threshold }, false);
  const segments = runSync(segment(documents, settings, caches));
  const analysis = runSync(analyse(segments, documents.map((d) => d.text), settings, caches));
  const groups = runSync(dedupe(segments, analysis, settings));
  const started = performance.now();
  const conflicts = runSync(findConflicts(segments, analysis, groups, settings));
  return { segments, groups, conflicts, ms: performance.now() - started };
}

/** Spans of conflict c, variant by variant, with their document ids. */
function variantsOf(documents: readonly Document[], segments: Segments, conflicts: Conflicts, c: number) {
  const variants: { documentId: string; sentence: number; start: number; end: number }[][] = [];
  for (let v = conflicts.variantStart[c]!; v < conflicts.variantStart[c + 1]!; v++) {
    const spans = [];
    for (let p = conflicts.spanStart[v]!; p < conflicts.spanStart[v + 1]!; p++) {
      const sentence = conflicts.spanSentence[p]!;
      spans.push({ documentId: documents[segments.doc[sentence]!]!.id, sentence, start: conflicts.spanFrom[p]!, end: conflicts.spanTo[p]! });
    }
    variants.push(spans);
  }
  return variants;
}

/** A paraphrase attached to a variant: where, and the group member it was found to say the same as (for reading). */
export interface Attachment {
  id: string;
  lines: string[];
}
const attachments = new Map<string, Attachment>();
/** Spans outside the conflict's group (paraphrases), recorded once each by cluster, document and offset. */
function noteAttachments(cluster: string, documents: readonly Document[], segments: Segments, groups: Groups, conflicts: Conflicts, c: number): number {
  let count = 0;
  const mark = (text: string, from: number, to: number, start: number, end: number) => `${text.slice(from, start)}[[${text.slice(start, end)}]]${text.slice(end, to)}`;
  variantsOf(documents, segments, conflicts, c).forEach((spans, v) => {
    const member = spans.find((span) => groups.groupOf[span.sentence] === conflicts.group[c])!;
    for (const span of spans) {
      if (groups.groupOf[span.sentence] === conflicts.group[c]) continue;
      count++;
      const id = `${cluster} ${span.documentId.slice(-3)}@${span.start}`;
      if (attachments.has(id)) continue;
      const text = (s: number) => documents[segments.doc[s]!]!.text;
      attachments.set(id, {
        id,
        lines: [
          `  variant ${v}, group member: ${mark(text(member.sentence), segments.start[member.sentence]!, segments.end[member.sentence]!, member.start, member.end)}`,
          `  paraphrase attached:       ${mark(text(span.sentence), segments.start[span.sentence]!, segments.end[span.sentence]!, span.start, span.end)}`,
        ],
      });
    }
  });
  return count;
}

/** Sentences of groups that span two documents or more: where a change can be seen. */
function pool(groups: Groups): number[] {
  const sentences: number[] = [];
  for (let g = 0; g < groups.count; g++) if (groups.support[g]! >= 2) for (let p = groups.memberStart[g]!; p < groups.memberStart[g + 1]!; p++) sentences.push(groups.members[p]!);
  return sentences;
}

export interface Tally {
  trials: number;
  found: number;
  exact: number;
  merged: number;
  foundMerged: number;
}
const tally = (): Tally => ({ trials: 0, found: 0, exact: 0, merged: 0, foundMerged: 0 });

function inject(seed: number, perCluster: number | undefined) {
  const random = prng(seed);
  const total = tally();
  const byKind = new Map<ChangeKind, Tally>();
  let skipped = 0;
  let ms = 0;
  let attached = 0;
  for (const cluster of clusters) {
    const documents = canonical(cluster.documents);
    if (documents.length < 2) continue;
    const caches = createCaches();
    const base = run(documents, 0.3, caches);
    const names = namesOf(documents.map((d) => d.text));
    const nameSet = new Set(names);
    let plan: { document: Document; candidate: Candidate }[] = [];
    for (const sentence of pool(base.groups)) {
      const document = documents[base.segments.doc[sentence]!]!;
      for (const candidate of candidatesOf(document.text, base.segments.start[sentence]!, base.segments.end[sentence]!, nameSet)) plan.push({ document, candidate });
    }
    if (perCluster !== undefined) {
      const chosen: typeof plan = [];
      for (let trial = 0; trial < perCluster; trial++) {
        const wanted = (['number', 'date', 'name'] as const)[trial % 3];
        const fresh = plan.filter(({ candidate }) => !chosen.some((c) => c.candidate === candidate) && (wanted === 'date' ? ['year', 'weekday', 'month'].includes(candidate.kind) : candidate.kind === wanted));
        if (fresh.length === 0) skipped++;
        else chosen.push(fresh[Math.floor(random() * fresh.length)]!);
      }
      plan = chosen;
    }
    for (const { document, candidate } of plan) {
      const replacement = replacementFor(document.text, candidate, names, random);
      if (replacement === null) {
        skipped++;
        continue;
      }
      const copyText = document.text.slice(0, candidate.start) + replacement + document.text.slice(candidate.end);
      const copyId = `${document.id}~changed`;
      const withCopy = canonical([...documents, { id: copyId, text: copyText }]);
      const [originalStart, originalEnd] = expectedSpan(document.text, candidate.start, candidate.end, candidate.kind);
      const [copyStart, copyEnd] = expectedSpan(copyText, candidate.start, candidate.start + replacement.length, candidate.kind);
      const result = run(withCopy, 0.3, caches);
      ms += result.ms;
      // Did the changed sentence stay in its original's group (where a change can be seen at all)?
      const sentenceAt = (id: string, at: number) => {
        const d = withCopy.findIndex((x) => x.id === id);
        for (let i = result.segments.firstOfDoc[d]!; i < result.segments.firstOfDoc[d + 1]!; i++) if (result.segments.start[i]! <= at && result.segments.end[i]! > at) return i;
        return -1;
      };
      const inCopy = sentenceAt(copyId, candidate.start);
      const inOriginal = sentenceAt(document.id, candidate.start);
      const merged = inCopy >= 0 && inOriginal >= 0 && result.groups.groupOf[inCopy]! >= 0 && result.groups.groupOf[inCopy] === result.groups.groupOf[inOriginal];
      for (let c = 0; c < result.conflicts.count; c++) attached += noteAttachments(cluster.id, withCopy, result.segments, result.groups, result.conflicts, c);
      const reported = Array.from({ length: result.conflicts.count }, (_, c) => variantsOf(withCopy, result.segments, result.conflicts, c));
      const { found, exact } = judgeTrial(reported, {
        originalId: document.id,
        copyId,
        start: candidate.start,
        originalEnd: candidate.end,
        copyEnd: candidate.start + replacement.length,
        originalSpan: [originalStart, originalEnd],
        copySpan: [copyStart, copyEnd],
      });
      if (!found && args.misses) {
        const s = inOriginal >= 0 ? [result.segments.start[inOriginal]!, result.segments.end[inOriginal]!] : [candidate.start, candidate.end];
        console.log(`MISS ${cluster.id} ${candidate.kind} ${merged ? 'merged' : 'not merged'} ${JSON.stringify(candidate.text)} → ${JSON.stringify(replacement)}: ${document.text.slice(s[0], s[1])}`);
      }
      for (const t of [total, byKind.get(candidate.kind) ?? (byKind.set(candidate.kind, tally()), byKind.get(candidate.kind)!)]) {
        t.trials++;
        if (found) t.found++;
        if (exact) t.exact++;
        if (merged) t.merged++;
        if (found && merged) t.foundMerged++;
      }
    }
  }
  return { total, byKind, skipped, ms, attached };
}

/** Conflicts on the unchanged clusters at one duplicate threshold. */
function real(threshold: number) {
  let ms = 0;
  let worst = { ms: 0, cluster: '' };
  let groups = 0;
  let attached = 0;
  const reported: { cluster: string; kind: string; documents: Document[]; segments: Segments; spans: ReturnType<typeof variantsOf> }[] = [];
  for (const cluster of clusters) {
    const documents = canonical(cluster.documents);
    const result = run(documents, threshold, createCaches());
    ms += result.ms;
    if (result.ms > worst.ms) worst = { ms: result.ms, cluster: cluster.id };
    for (let g = 0; g < result.groups.count; g++) if (result.groups.memberStart[g + 1]! - result.groups.memberStart[g]! > 1) groups++;
    for (let c = 0; c < result.conflicts.count; c++) attached += noteAttachments(cluster.id, documents, result.segments, result.groups, result.conflicts, c);
    for (let c = 0; c < result.conflicts.count; c++)
      reported.push({ cluster: cluster.id, kind: CONFLICT_KINDS[result.conflicts.kind[c]!]!, documents, segments: result.segments, spans: variantsOf(documents, result.segments, result.conflicts, c) });
  }
  return { threshold, ms, worst, groups, reported, attached };
}

/**
 * The paraphrase rule on its own, on the unchanged clusters: every number with a counted noun
 * in a group's representative, and the sentences of other groups that would join its side if
 * the group had a conflict. (At the library's settings no group has one, so nothing is
 * attached; this is how the rule would do.)
 */
function wouldAttach() {
  const { settings } = resolveInput([], {}, false);
  const language = settings.language.conflicts!;
  const pairs: { id: string; lines: string[] }[] = [];
  for (const cluster of clusters) {
    const documents = canonical(cluster.documents);
    const caches = createCaches();
    const segments = runSync(segment(documents, settings, caches));
    const analysis = runSync(analyse(segments, documents.map((d) => d.text), settings, caches));
    const groups = runSync(dedupe(segments, analysis, settings));
    const mark = (sentence: number, start: number, end: number) => {
      const text = documents[segments.doc[sentence]!]!.text;
      return `${text.slice(segments.start[sentence]!, start)}[[${text.slice(start, end)}]]${text.slice(end, segments.end[sentence]!)}`;
    };
    for (let g = 0; g < groups.count; g++) {
      const sentence = groups.representative[g]!;
      if (!/\d/.test(stringAt(analysis.keys, analysis.keyId[sentence]!))) continue;
      const tokens = tokenise(segments.analysisText[segments.doc[sentence]!]!, segments.start[sentence]!, segments.end[sentence]!, language.abbreviationsWithDot);
      for (const phrase of phrasesOf(tokens, language).filter((p) => p.kind === 'number' && /^[\d.]+$/.test(p.value)))
        for (const match of runSync(paraphrasesOf(segments, analysis, groups, g, [{ sentence, tokens, phrase }], (h) => h < g, language))) {
          const other = groups.representative[match.h]!;
          if (segments.doc[other] === segments.doc[sentence]) continue;
          pairs.push({
            id: `${cluster.id} ${documents[segments.doc[sentence]!]!.id.slice(-3)}@${tokens.start[phrase.from]} ${documents[segments.doc[other]!]!.id.slice(-3)}@${match.tokens.start[match.phrase.from]}`,
            lines: [`  ${mark(sentence, tokens.start[phrase.from]!, tokens.end[phrase.spanTo - 1]!)}`, `  ${mark(other, match.tokens.start[match.phrase.from]!, match.tokens.end[match.phrase.spanTo - 1]!)}`],
          });
        }
    }
  }
  return pairs;
}

const began = performance.now();
process.stderr.write('injected changes… ');
const injected = inject(Number(args.seed), args['per-cluster'] === undefined ? undefined : Number(args['per-cluster']));
process.stderr.write('unchanged clusters… ');
const thresholds = [0.3, ...args.stress!.split(',').map(Number)];
const reals = thresholds.map(real);
process.stderr.write('paraphrase rule… ');
const candidates = wouldAttach();
process.stderr.write(`${((performance.now() - began) / 1000).toFixed(0)} s\n`);

if (args.show) {
  for (const { threshold, reported } of reals)
    for (const { cluster, kind, documents, segments, spans } of reported) {
      console.log(`\n[threshold ${threshold}] ${cluster} ${kind}`);
      spans.forEach((variant, v) => {
        for (const span of variant) {
          const text = documents.find((d) => d.id === span.documentId)!.text;
          const [from, to] = [segments.start[span.sentence]!, segments.end[span.sentence]!];
          console.log(`  v${v} ${span.documentId}: ${text.slice(from, span.start)}[[${text.slice(span.start, span.end)}]]${text.slice(span.end, to)}`);
        }
      });
    }
}

if (args['show-attached']) {
  for (const { id, lines } of attachments.values()) console.log(`\n${id}\n${lines.join('\n')}`);
  for (const { id, lines } of candidates) console.log(`\n(would attach) ${id}\n${lines.join('\n')}`);
}

const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
})();
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
const markdown = report({ clusters: clusters.length, seed: Number(args.seed), injected, reals, judgments: JUDGMENTS as readonly Judgment[], attachments: [...attachments.keys()], candidates: candidates.map((c) => c.id), attachmentJudgments: ATTACHMENT_JUDGMENTS, commit, machine });
console.log(markdown.split('\n## What was reported')[0]);
if (args.write) {
  writeFileSync(path.join(root, 'bench/CONFLICTS.md'), markdown);
  console.log('wrote bench/CONFLICTS.md');
}
