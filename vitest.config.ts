import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql ships ESM (`module`) and CJS (`main`); Apollo's packages load the CJS
// one, so our code must get the same instance or graphql-js refuses the schema.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

/**
 * One vitest run for the whole tree (one summary line for CI): unit tests
 * beside the code (`*.test.ts`), whole-federation tests in `tests/` (`*.e2e.ts`).
 * Benchmarks (`*.bench.ts`) are never part of `npm test`.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    include: ['{schema,gateway,sdk,tests}/src/**/*.test.ts', 'subgraphs/*/src/**/*.test.ts', 'tests/**/*.e2e.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    pool: 'forks',
    // Two cores: each e2e file runs a whole federation.
    maxWorkers: 2,
    testTimeout: 60_000,
    // Generous: e2e files start whole federations, which a loaded 2-core machine makes slow.
    hookTimeout: 600_000,
    reporters: ['default'],
  },
});
