/**
 * Runs the grouping the way `digest()` will: documents in canonical (id) order, segment and
 * analyse over the whole feed, then `groupStories`, from the library's sources (the grouping is
 * internal). Times each part in wall and CPU time.
 */
import { analyse } from '../src/analyse.js';
import { groupStories, type Grouping } from '../src/group/index.js';
import { GROUP_PARAMETERS, type GroupParameters } from '../src/group/parameters.js';
import { createCaches } from '../src/caches.js';
import type { Analysis, Segments } from '../src/model.js';
import { runSync } from '../src/schedule.js';
import { segment } from '../src/segment/index.js';
import { compareCodeUnits } from '../src/text.js';
import type { SourceDocument } from '../src/types.js';
import { resolveInput } from '../src/validate.js';

export const DEFAULT_STORY_SIMILARITY = 0.175;

export interface Timed<T> {
  value: T;
  wallMs: number;
  cpuMs: number;
}

export function timed<T>(run: () => T): Timed<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

export interface Prepared {
  /** In canonical order: grouping indexes index this. */
  documents: SourceDocument[];
  segments: Segments;
  analysis: Analysis;
}

const settings = resolveInput([], {}, false).settings;

/** Segment and analyse a feed (documents sorted by id first). */
export function prepare(documents: readonly SourceDocument[]): Timed<Prepared> {
  return timed(() => {
    const canonical = [...documents].sort((a, b) => compareCodeUnits(a.id, b.id));
    const caches = createCaches();
    const segments = runSync(segment(canonical, settings, caches));
    const analysis = runSync(analyse(segments, canonical.map((document) => document.text), settings, caches));
    return { documents: canonical, segments, analysis };
  });
}

export interface GroupRun {
  storySimilarity?: number;
  timeWindowHours?: number;
  parameters?: Partial<GroupParameters>;
}

/** The grouping of prepared documents, timed. */
export function group(prepared: Prepared, run: GroupRun = {}): Timed<Grouping> {
  const parameters = { ...GROUP_PARAMETERS, ...run.parameters };
  return timed(() =>
    runSync(
      groupStories(
        prepared.documents,
        prepared.segments,
        prepared.analysis,
        { storySimilarity: run.storySimilarity ?? DEFAULT_STORY_SIMILARITY, minDocuments: 1, timeWindowHours: run.timeWindowHours, stopwords: settings.stopwords, language: settings.language },
        parameters,
      ),
    ),
  );
}
