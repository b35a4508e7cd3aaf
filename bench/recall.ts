/**
 * Blocking recall: of the pairs of prose sentences within the duplicate threshold (all pairs,
 * plain Levenshtein), how many dedupe puts in one group. It runs the library's own stages from
 * src/ (bundled into the benchmark), so it measures exactly what summarize() merges.
 */
import levenshtein from 'fast-levenshtein';
import { analyse } from '../src/analyse.js';
import { dedupe } from '../src/dedupe/index.js';
import { createCaches } from '../src/caches.js';
import { Kind } from '../src/model.js';
import { runSync } from '../src/schedule.js';
import { segment } from '../src/segment/index.js';
import { stringAt } from '../src/string-table.js';
import { resolveInput } from '../src/validate.js';

export function blockingRecall(documents: readonly { id: string; text: string }[], threshold = 0.3): { pairs: number; found: number } {
  const { documents: canonical, settings } = resolveInput(documents, { duplicateThreshold: threshold }, false);
  const caches = createCaches();
  const segments = runSync(segment(canonical, settings, caches));
  const analysis = runSync(analyse(segments, canonical.map((document) => document.text), settings, caches));
  const groups = runSync(dedupe(segments, analysis, settings));
  // Distinct keys carry all the information: identical keys are distance 0 and always grouped.
  const groupOfKey = new Map<string, number>();
  for (let i = 0; i < segments.count; i++) {
    if (segments.kind[i] !== Kind.PROSE) continue; // no key (keyId −1)
    const key = stringAt(analysis.keys, analysis.keyId[i]!);
    if (!groupOfKey.has(key)) groupOfKey.set(key, groups.groupOf[i]!);
  }
  const keys = [...groupOfKey.keys()];
  let pairs = 0;
  let found = 0;
  for (let a = 0; a < keys.length; a++)
    for (let b = a + 1; b < keys.length; b++) {
      const x = keys[a]!;
      const y = keys[b]!;
      const longer = Math.max(x.length, y.length);
      if (Math.abs(x.length - y.length) > threshold * longer) continue;
      if (levenshtein.get(x, y) / longer > threshold) continue;
      pairs++;
      if (groupOfKey.get(x) === groupOfKey.get(y)) found++;
    }
  return { pairs, found };
}
