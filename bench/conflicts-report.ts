/** bench/CONFLICTS.md from the figures of bench:conflicts and the judgments in bench/conflict-judgments.ts. */
import type { Judgment } from './conflict-judgments.js';

interface Tally {
  trials: number;
  found: number;
  exact: number;
  merged: number;
  foundMerged: number;
}
interface Reported {
  cluster: string;
  kind: string;
  spans: { documentId: string; start: number }[][];
}
interface Real {
  threshold: number;
  attached: number;
  ms: number;
  worst: { ms: number; cluster: string };
  groups: number;
  reported: Reported[];
}
export interface ReportInput {
  clusters: number;
  seed: number;
  injected: { total: Tally; byKind: Map<string, Tally>; skipped: number; ms: number; attached: number };
  reals: Real[];
  judgments: readonly Judgment[];
  /** Every paraphrase attached anywhere (ids: cluster, document suffix @ offset), and my reading of them. */
  attachments: readonly string[];
  /** Pairs the paraphrase rule matches on the unchanged clusters (group representative, other group's): what would be attached. */
  candidates: readonly string[];
  attachmentJudgments: readonly Judgment[];
  commit: string;
  machine: string;
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

/** How a reported conflict is named in the judgments: the cluster, then each variant's first span (document suffix @ start). */
export function conflictId(reported: Reported): string {
  return `${reported.cluster} ${reported.spans.map((variant) => `${variant[0]!.documentId.slice(-3)}@${variant[0]!.start}`).join(' ')}`;
}

/** The figures that answer the targets, in a few lines. */
function summary(input: ReportInput, judgmentOf: Map<string, Judgment>): string[] {
  const { total } = input.injected;
  const shipping = input.reals.find((real) => real.threshold === 0.3);
  const stress = new Map<string, Reported>();
  for (const real of input.reals) if (real.threshold !== 0.3) for (const reported of real.reported) stress.set(conflictId(reported), reported);
  const stressRight = [...stress.keys()].filter((id) => judgmentOf.get(id)?.right === true).length;
  const attachedOf = new Map(input.attachmentJudgments.map((judgment) => [judgment.id, judgment]));
  const rule = [...input.attachments, ...input.candidates];
  const ruleRight = rule.filter((id) => attachedOf.get(id)?.right === true).length;
  const ruleJudged = rule.filter((id) => attachedOf.has(id)).length;
  const weakKinds = [...input.injected.byKind.entries()].filter(([, t]) => t.trials > 0 && t.found < 0.95 * t.trials).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const injectedMet = total.trials > 0 && total.exact >= 0.95 * total.trials;
  const shippingCount = shipping?.reported.length ?? 0;
  const stressJudged = [...stress.keys()].filter((id) => judgmentOf.has(id)).length;
  const precision = stressJudged ? (stressRight / stressJudged).toFixed(2) : '–';
  return [
    `- Injected changes: ${percent(total.found, total.trials)} found, ${percent(total.exact, total.trials)} with exact spans on both sides (${total.trials} trials; every change found had exact spans: ${percent(total.exact, total.found)}). Issue 15's target, found ≥ 95% with exact spans: **${injectedMet ? 'met' : 'missed'}** overall${weakKinds.length > 0 ? `; on their own, ${weakKinds.map(([kind, t]) => `${kind}s (${percent(t.found, t.trials)} of ${t.trials})`).join(' and ')} are below it` : ''}.`,
    `- The unchanged clusters at the library's settings (duplicate threshold 0.3): ${shippingCount} conflicts reported in ${input.clusters} clusters${shippingCount === 0 ? ', so precision at the default threshold cannot be read from the real clusters at all' : ''}. Where the near-identical sentences of those clusters differ around a number, date or name, they differ in spelling, quote marks, abbreviations, a word added or dropped or a rewording (the prototype read all 43 such places; none was a disagreement). The stress runs (looser duplicate thresholds) reported ${stress.size} distinct conflicts; I judged ${stressRight} of ${stress.size} right${stress.size - stressJudged > 0 ? ` (${stress.size - stressJudged} not judged yet)` : ''}, precision ${precision}: once dedupe merges sentences that are not one fact, most differences it finds are different facts in the same frame, or the same fact named at two levels (a state and a town in it). Issue 15's target, precision ≥ 0.8 by reading 30 conflicts on real clusters: **not met**, and not measurable as specified: the default threshold gives ${shippingCount} to read, and the three stress runs together give ${stress.size} distinct ones, fewer than 30, at ${precision}.`,
    `- Paraphrases: the rule that joins a paraphrase to a variant (same counted thing, same number, much the same words) matched ${rule.length} pairs over the clusters; I judged ${ruleRight} of ${ruleJudged} right (${ruleJudged ? (ruleRight / ruleJudged).toFixed(2) : '–'}). The wrong ones count the same number of another thing (two people each charged with as many counts, another group's test, a width against a length, another musher's attack). A paraphrase with a different number is never made a conflict of its own: in the prototype that was precise only at a strict overlap, on seven cases, too little to ship.`,
  ];
}

export function report(input: ReportInput): string {
  const { injected, reals, judgments } = input;
  const judgmentOf = new Map(judgments.map((judgment) => [judgment.id, judgment]));
  const row = (label: string, t: Tally) =>
    `| ${label} | ${t.trials} | ${percent(t.found, t.trials)} | ${percent(t.exact, t.trials)} | ${percent(t.exact, t.found)} | ${t.merged} | ${percent(t.foundMerged, t.merged)} |`;
  const kinds = [...injected.byKind.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const lines = [
    '# Sources that disagree: benchmark',
    '',
    `Written by \`npm run bench:conflicts -- --write\` at commit \`${input.commit}\` (${input.machine}). Data: the ${input.clusters} Multi-News val clusters in ../shared/benchmarks (research licence: read at run time; nothing of their text is quoted here).`,
    '',
    '## In short',
    '',
    ...summary(input, judgmentOf),
    '',
    '## Injected changes',
    '',
    `Every number, year, weekday, month and name in a sentence that another article of its cluster carries near-identically, changed in turn in a copy of its article (seed ${input.seed}); the copy joins the cluster as one more document. Found: a conflict sets the changed words against the original's. Exact: both spans are exactly the words that differ (a number with its sign, magnitude and unit; a day with its month). "Merged": trials in which the changed sentence still falls in its original's group (a change that pushes a short sentence past the duplicate threshold cannot be seen in the group). ${injected.skipped} candidates had nothing to change into.`,
    '',
    '| changed | trials | found | exact (of trials) | exact (of found) | merged | found when merged |',
    '|---|---|---|---|---|---|---|',
    row('**all**', injected.total),
    ...kinds.map(([kind, t]) => row(kind, t)),
    '',
    `Conflict stage time over all ${injected.total.trials} trials: ${injected.ms.toFixed(0)} ms.`,
    '',
    '## Unchanged clusters',
    '',
    'Conflicts reported on the clusters as they are, at the library\'s duplicate threshold (0.3) and, to have something to judge, at looser ones (stress: more and less similar sentences are merged, so more differences come up). Each reported conflict was read and judged: right when the sources really give a different number, date or name for one fact.',
    '',
    '| duplicate threshold | groups of 2+ | conflicts | per cluster | judged right | judged wrong | not judged | stage time (all clusters) | slowest cluster |',
    '|---|---|---|---|---|---|---|---|---|',
    ...reals.map(({ threshold, ms, worst, groups, reported }) => {
      const verdicts = reported.map((r) => judgmentOf.get(conflictId(r)));
      const right = verdicts.filter((v) => v?.right === true).length;
      const wrong = verdicts.filter((v) => v?.right === false).length;
      return `| ${threshold}${threshold === 0.3 ? ' (default)' : ' (stress)'} | ${groups} | ${reported.length} | ${(reported.length / input.clusters).toFixed(3)} | ${right} | ${wrong} | ${reported.length - right - wrong} | ${ms.toFixed(0)} ms | ${worst.ms.toFixed(1)} ms |`;
    }),
    '',
    '## What was reported, and my reading of it',
    '',
    'In my own words; `id` is the cluster and each variant\'s first span (document suffix @ offset). The threshold is the lowest at which it was reported.',
    '',
  ];
  const seen = new Set<string>();
  for (const { threshold, reported } of reals) {
    for (const conflict of reported) {
      const id = conflictId(conflict);
      if (seen.has(id)) continue;
      seen.add(id);
      const judgment = judgmentOf.get(id);
      lines.push(`- \`${id}\` (${conflict.kind}, ${threshold}): ${judgment === undefined ? '**not judged yet**' : `${judgment.right ? '**right**' : '**wrong**'}: ${judgment.note}`}`);
    }
  }
  if (seen.size === 0) lines.push('Nothing was reported.');
  const attachedOf = new Map(input.attachmentJudgments.map((judgment) => [judgment.id, judgment]));
  const judged = [...input.attachments, ...input.candidates];
  const right = judged.filter((id) => attachedOf.get(id)?.right === true).length;
  const wrong = judged.filter((id) => attachedOf.get(id)?.right === false).length;
  lines.push(
    '',
    '## Paraphrases attached to a variant',
    '',
    `A sentence outside the group that counts the same thing with one variant's number, in much the same words, joins that variant's spans (never a new conflict). Attached spans: ${input.injected.attached} over the injected trials; ${reals.map((r) => `${r.attached} at ${r.threshold}`).join(', ')} on the unchanged clusters. Since that is too little to judge the rule by, it was also run on its own over the unchanged clusters: every number with a counted noun in a group's representative against the representatives of the other groups, i.e. what would be attached if that group had a conflict: ${input.candidates.length} pairs. Judged right (the same fact with the same number) ${right}, wrong ${wrong}, not judged ${judged.length - right - wrong}.`,
    '',
    ...judged.map((id) => {
      const judgment = attachedOf.get(id);
      return `- \`${id}\`: ${judgment === undefined ? '**not judged yet**' : `${judgment.right ? '**right**' : '**wrong**'}: ${judgment.note}`}`;
    }),
  );
  return `${lines.join('\n')}\n`;
}
