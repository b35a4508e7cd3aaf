import { defineConfig } from 'tsup';

// Two builds. The core runs everywhere (browsers, Deno, Bun, edge), so it is built for the
// neutral platform and keeps its dependencies external: sbd's `browser` field swaps its
// Node-only sanitize-html for a DOM stub only when the *user's* bundler resolves sbd, so sbd
// must never be inlined here. The Node entry imports the core by the package's own name, so
// both entries share one copy of the core (one `ChorusError` class for `instanceof`).
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    target: 'es2022',
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
  },
  {
    entry: { node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node20',
    dts: true,
    sourcemap: true,
    // threads.ts finds worker.js beside itself through import.meta.url, shimmed in the CJS build.
    shims: true,
    external: ['chorus-summary'],
  },
  {
    // The worker thread of threadPool(): ESM only, loaded by path from either node build.
    entry: { worker: 'src/node/worker.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    external: ['chorus-summary'],
  },
  {
    // The `chorus` command: ESM only, with its #! line; it uses both entries by name.
    entry: { cli: 'src/node/bin.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    external: ['chorus-summary', 'chorus-summary/node'],
  },
]);
