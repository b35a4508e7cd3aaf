import { defineConfig } from 'tsup';

// The benchmarks run against the built library (`chorus-summary` resolves to dist/ through the
// package's own exports), so only the benchmark code itself is bundled here.
export default defineConfig({
  entry: { conflicts: 'bench/conflicts.ts', quality: 'bench/quality.ts', run: 'bench/run.ts', 'feed-check': 'bench/feed-check.ts', digest: 'bench/digest.ts' },
  outDir: 'bench/dist',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  external: ['chorus-summary', 'chorus-summary/node', 'lexrank', 'ts-textrank', 'sbd', 'stopword', 'fast-levenshtein'],
  clean: true,
  silent: true,
});
