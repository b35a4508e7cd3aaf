/**
 * Walking a directory for the files a pattern (or a directory input) names. One rule for
 * directories and glob patterns alike:
 *
 * - a regular file is a candidate, also when reached through a symbolic link;
 * - a symbolic link to a directory is never followed (no loop, no escape from the tree);
 * - a FIFO, socket or device, or a link to nothing, is reported when its name matches, and
 *   never opened (opening a FIFO waits for a writer; a device can be endless);
 * - a directory that cannot be read is reported, and the walk goes on.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { advance, startPositions, type Segment } from './glob.js';

export interface WalkReport {
  /** A matching regular file (absolute path). */
  file(absolute: string): void;
  /** A matching entry that is not read, or a directory that could not be; `reason` follows its name ("is a named pipe …"). */
  problem(absolute: string, reason: string): void;
}

/** What a non-regular file is, in words. */
export function kindOf(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean }): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return info.isDirectory() ? 'a directory' : 'not a regular file';
}

/** A file system error in words ("permission denied"), without the path Node puts in its message. */
export function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'a path component is not a directory',
    ELOOP: 'too many levels of symbolic links',
    ENAMETOOLONG: 'the name is too long',
    EISDIR: 'it is a directory',
    EMFILE: 'too many open files',
    EIO: 'input/output error',
  };
  return (code !== undefined && Object.hasOwn(reasons, code) ? reasons[code] : code) ?? 'unknown error';
}

/** Walk `base` (absolute), reporting every file whose path below it matches `segments`. */
export async function walk(base: string, segments: readonly Segment[], report: WalkReport): Promise<void> {
  const end = segments.length;
  const pending: [string, number[]][] = [[base, startPositions(segments)]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [directory, positions] = next;
    let entries: Dirent[];
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A pattern whose fixed part names no directory simply matches nothing.
      if (!(directory === base && (code === 'ENOENT' || code === 'ENOTDIR'))) report.problem(directory, `is a directory that cannot be read (${errorReason(error)})`);
      continue;
    }
    for (const entry of entries) {
      const after = advance(segments, positions, entry.name);
      if (after.length === 0) continue;
      const full = path.join(directory, entry.name);
      const complete = after[after.length - 1] === end;
      if (entry.isDirectory()) {
        if (after[0]! < end) pending.push([full, after]);
      } else if (entry.isFile()) {
        if (complete) report.file(full);
      } else if (entry.isSymbolicLink()) {
        if (!complete) continue; // a link is never walked into
        const info = await stat(full).catch((error: unknown) => error as Error);
        if (info instanceof Error) report.problem(full, `is a symbolic link that cannot be followed (${errorReason(info)})`);
        else if (info.isFile()) report.file(full);
        else if (!info.isDirectory()) report.problem(full, `links to ${kindOf(info)}, not a regular file`);
      } else if (complete) report.problem(full, `is ${kindOf(entry)}, not a regular file`);
    }
  }
}
