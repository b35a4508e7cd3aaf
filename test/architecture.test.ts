import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

/**
 * The shape of the source tree, read from the import lines of src/: stages stand side by side
 * (none imports another; summarize.ts alone knows their order), there are no import cycles,
 * no file is over 250 lines, and nothing outside src/node/ imports a Node built-in.
 */
const src = fileURLToPath(new URL('../src/', import.meta.url));
const STAGES = ['segment', 'analyse', 'dedupe', 'conflicts', 'rank', 'select', 'order'];

const files: string[] = [];
const walk = (directory: string) => {
  for (const name of readdirSync(directory)) {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.ts')) files.push(path.relative(src, full).split(path.sep).join('/'));
  }
};
walk(src);

/** Relative imports of a file, resolved to paths relative to src/ (".js" read as ".ts"). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(src, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"](\.[^'"]+)['"]/gm)].map((match) => {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!.replace(/\.js$/, '.ts')));
    return files.includes(target) ? target : target.replace(/\.ts$/, '/index.ts');
  });
}
const stageOf = (file: string) => STAGES.find((stage) => file === `${stage}.ts` || file.startsWith(`${stage}/`));

describe('the source tree reads as the pipeline', () => {
  test('every stage is there', () => {
    for (const stage of STAGES) expect(files.some((file) => stageOf(file) === stage), stage).toBe(true);
  });

  test('no stage imports another stage', () => {
    const crossings = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => stageOf(file) !== undefined && stageOf(target) !== undefined && stageOf(target) !== stageOf(file))
        .map((target) => `${file} → ${target}`),
    );
    expect(crossings).toEqual([]);
  });

  test('only summarize.ts imports the stages', () => {
    const importers = files.filter((file) => stageOf(file) === undefined && importsOf(file).some((target) => stageOf(target) !== undefined));
    expect(importers).toEqual(['summarize.ts']);
  });

  test('no import cycles', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of importsOf(file)) if (files.includes(target)) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  test('no file over 250 lines', () => {
    const long = files.filter((file) => readFileSync(path.join(src, file), 'utf8').split('\n').length > 250);
    expect(long).toEqual([]);
  });

  test('the core imports no Node built-in; index.ts only re-exports', () => {
    for (const file of files.filter((name) => !name.startsWith('node/'))) expect(readFileSync(path.join(src, file), 'utf8'), file).not.toMatch(/from\s+['"]node:/);
    const index = readFileSync(path.join(src, 'index.ts'), 'utf8');
    expect(index.split('\n').filter((line) => line.trim() !== '' && !/^(?:export\b|\s|\})/.test(line))).toEqual([]);
  });
});
