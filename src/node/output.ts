/**
 * Where the CLI's summary goes: its format (from --format, else the --output file's
 * extension, else the terminal), a check that the file is not among what is being read, and
 * the write itself, atomic: a temporary file beside it, then a rename.
 */
import { randomBytes } from 'node:crypto';
import { realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { shorten } from '../issue.js';
import { FORMATS, type Format } from './flags.js';
import { compilePattern, expandBraces, isPattern, matchesPath } from './glob.js';

const BY_EXTENSION: Record<string, Format> = { '.json': 'json', '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html' };

/** The output format: as given, else by the output file's extension (text for any other), else Markdown on a terminal and text when piped. */
export function formatOf(given: string | undefined, output: string | undefined, terminal: boolean): Format | undefined {
  if (given !== undefined) return (FORMATS as readonly string[]).includes(given) ? (given as Format) : undefined;
  if (output !== undefined) {
    const extension = path.extname(output).toLowerCase();
    return Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension] : 'text';
  }
  return terminal ? 'markdown' : 'text';
}

/** A path with its existing directories resolved through links (the file itself may not exist yet). */
async function resolved(file: string): Promise<string> {
  const directory = await realpath(path.dirname(file)).catch(() => path.dirname(file));
  return path.join(directory, path.basename(file));
}

const inside = (directory: string, file: string) => {
  const relative = path.relative(directory, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

/**
 * Why the summary may not be written to `output`, or undefined: it would land in a directory
 * being read, match a pattern being read, or replace an input file; a later run would read
 * the summary as an article (or this one would destroy one).
 */
export async function outputConflict(output: string, inputs: readonly string[], cwd: string): Promise<string | undefined> {
  const target = await resolved(path.resolve(cwd, output));
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch(() => undefined);
    const why = `--output ${shorten(output)}`;
    if (info?.isDirectory()) {
      const directory = await realpath(absolute).catch(() => absolute);
      if (inside(directory, target)) return `${why} is inside ${shorten(input)}, a directory being read: the next run would read the summary as an article. Write it elsewhere.`;
    } else if (info) {
      if ((await resolved(absolute)) === target) return `${why} is the input ${shorten(input)}: writing would replace an article. Write it elsewhere.`;
    } else if (isPattern(input)) {
      let patterns: string[];
      try {
        patterns = expandBraces(input);
      } catch {
        continue; // too many alternatives: the loader reports it
      }
      for (const pattern of patterns.map(compilePattern)) {
        const base = await realpath(path.resolve(cwd, pattern.base)).catch(() => path.resolve(cwd, pattern.base));
        if (inside(base, target) && matchesPath(pattern, path.relative(base, target).split(path.sep)))
          return `${why} matches ${shorten(input)}, a pattern being read: the next run would read the summary as an article. Write it elsewhere.`;
      }
    }
  }
  return undefined;
}

/** Write `text` to `file` whole or not at all: a temporary file in the same directory, then a rename over it. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
