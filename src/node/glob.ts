/**
 * Glob patterns, matched name by name while a directory is walked (walk.ts), so that
 * directories and patterns follow one rule for links and unreadable directories.
 *
 * `*` any run of characters in a name, `?` one character, `[abc]`, `[a-z]`, `[!a]` / `[^a]`
 * one of (or none of) a set, `**` as a whole path segment any number of directories, `{a,b}`
 * alternatives (nested, at most MAX_ALTERNATIVES), `\` escapes the next character. A wildcard
 * never matches a name that starts with a dot unless the pattern's segment does too.
 * Matching is a two-pointer scan (no regular expression built from the pattern), so no
 * pattern takes more than O(name × segment) per name.
 */

/** At most this many patterns from one pattern's `{a,b}` alternatives. */
export const MAX_ALTERNATIVES = 256;

const MAGIC = /[*?[\]{}]/;

/** Whether an input is a pattern rather than a path (it holds `*`, `?`, `[`, `]`, `{` or `}`). */
export const isPattern = (input: string): boolean => MAGIC.test(input);

type Token = { literal: string } | { any: true } | { star: true } | { set: [number, number][]; negated: boolean };

/** One path segment of a pattern: `**`, or a test of one name. */
export type Segment = { globstar: true; skip?: (name: string) => boolean } | { globstar?: false; matches: (name: string) => boolean };

/** A pattern split into the directory it starts from and the segments matched below it. */
export interface CompiledPattern {
  /** The leading segments without wildcards, joined: where the walk starts ('' for the current directory). */
  base: string;
  segments: Segment[];
}

/** Expand `{a,b}` alternatives; throws a RangeError past MAX_ALTERNATIVES. */
export function expandBraces(pattern: string): string[] {
  // The first top-level `{` that has a matching `}` with a comma between them.
  for (let open = 0; open < pattern.length; open++) {
    if (pattern[open] === '\\') {
      open++;
      continue;
    }
    if (pattern[open] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = open; i < pattern.length; i++) {
      const char = pattern[i];
      if (char === '\\') i++;
      else if (char === '{') depth++;
      else if (char === ',' && depth === 1) commas.push(i);
      else if (char === '}' && --depth === 0) {
        if (commas.length === 0) break; // "{a}" is literal
        const head = pattern.slice(0, open);
        const tail = pattern.slice(i + 1);
        const bounds = [open, ...commas, i];
        const out: string[] = [];
        for (let k = 0; k + 1 < bounds.length; k++) {
          for (const expanded of expandBraces(head + pattern.slice(bounds[k]! + 1, bounds[k + 1]) + tail)) {
            out.push(expanded);
            if (out.length > MAX_ALTERNATIVES) throw new RangeError(`more than ${MAX_ALTERNATIVES} alternatives`);
          }
        }
        return [...new Set(out)];
      }
    }
  }
  return [pattern];
}

/** The tokens of one segment, by code point. */
function tokenize(segment: string): Token[] {
  const chars = Array.from(segment);
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === '\\' && i + 1 < chars.length) tokens.push({ literal: chars[++i]! });
    else if (char === '*') {
      if (!('star' in (tokens[tokens.length - 1] ?? {}))) tokens.push({ star: true });
    } else if (char === '?') tokens.push({ any: true });
    else if (char === '[') {
      let j = i + 1;
      const negated = chars[j] === '!' || chars[j] === '^';
      if (negated) j++;
      const set: [number, number][] = [];
      let first = true;
      for (; j < chars.length && (chars[j] !== ']' || first); j++, first = false) {
        let low = chars[j]!;
        if (low === '\\' && j + 1 < chars.length) low = chars[++j]!;
        let high = low;
        if (chars[j + 1] === '-' && j + 2 < chars.length && chars[j + 2] !== ']') {
          high = chars[j + 2]!;
          j += 2;
        }
        set.push([low.codePointAt(0)!, high.codePointAt(0)!]);
      }
      if (j >= chars.length) tokens.push({ literal: '[' }); // no closing bracket: a literal "["
      else {
        tokens.push({ set, negated });
        i = j;
      }
    } else tokens.push({ literal: char });
  }
  return tokens;
}

function matchesOne(token: Token, char: string): boolean {
  if ('literal' in token) return token.literal === char;
  if ('any' in token) return true;
  if ('set' in token) {
    const code = char.codePointAt(0)!;
    return token.set.some(([low, high]) => code >= low && code <= high) !== token.negated;
  }
  return false;
}

/** Whether `name` matches a segment's tokens: greedy, returning to the last `*` on a mismatch. */
function wildcardMatch(tokens: Token[], name: string): boolean {
  const chars = Array.from(name);
  let t = 0;
  let c = 0;
  let star = -1;
  let resume = 0;
  while (c < chars.length) {
    const token = tokens[t];
    if (token && 'star' in token) {
      star = t++;
      resume = c;
    } else if (token && matchesOne(token, chars[c]!)) {
      t++;
      c++;
    } else if (star >= 0) {
      t = star + 1;
      c = ++resume;
    } else return false;
  }
  while (t < tokens.length && 'star' in tokens[t]!) t++;
  return t === tokens.length;
}

/** A name test for one segment; a leading dot must be matched by a leading dot. */
function segmentMatcher(segment: string): Segment {
  const tokens = tokenize(segment);
  const dotAllowed = 'literal' in (tokens[0] ?? {}) && (tokens[0] as { literal: string }).literal === '.';
  return { matches: (name) => (name.startsWith('.') && !dotAllowed ? false : wildcardMatch(tokens, name)) };
}

/** Compile one pattern (braces already expanded). */
export function compilePattern(pattern: string): CompiledPattern {
  const parts = pattern.split('/');
  let fixed = 0;
  while (fixed < parts.length - 1 && !MAGIC.test(parts[fixed]!)) fixed++;
  const unescape = (part: string) => part.replace(/\\(.)/g, '$1');
  const base = parts.slice(0, fixed).map(unescape).join('/') || (pattern.startsWith('/') ? '/' : '');
  const segments: Segment[] = parts
    .slice(fixed)
    .filter((part) => part !== '') // "a//b" and a trailing "/" add no segment
    .map((part) => (part === '**' ? { globstar: true as const, skip: (name: string) => name.startsWith('.') } : segmentMatcher(part)));
  return { base, segments };
}

/** Pattern positions reachable without consuming a name: a `**` may match no directory at all. */
function closure(segments: readonly Segment[], positions: Iterable<number>): number[] {
  const out = new Set<number>();
  for (let p of positions) {
    out.add(p);
    while (p < segments.length && segments[p]!.globstar) out.add(++p);
  }
  return [...out].sort((a, b) => a - b);
}

/** Where a walk starts: every position reachable before the first name. */
export const startPositions = (segments: readonly Segment[]): number[] => closure(segments, [0]);

/** The positions after a name at `positions`; the pattern is complete when it holds `segments.length`. */
export function advance(segments: readonly Segment[], positions: readonly number[], name: string): number[] {
  const next: number[] = [];
  for (const p of positions) {
    const segment = segments[p];
    if (!segment) continue;
    if (segment.globstar) {
      if (!segment.skip?.(name)) next.push(p);
    } else if (segment.matches(name)) next.push(p + 1);
  }
  return next.length === 0 ? next : closure(segments, next);
}

/** Whether a path relative to the pattern's base (split at '/') matches the whole pattern. */
export function matchesPath(pattern: CompiledPattern, names: readonly string[]): boolean {
  let positions = startPositions(pattern.segments);
  for (const name of names) {
    positions = advance(pattern.segments, positions, name);
    if (positions.length === 0) return false;
  }
  return positions.includes(pattern.segments.length);
}
