import { defineConfig } from 'tsup';

/**
 * The published package: one ESM and one CJS bundle with their own
 * declarations (`.d.ts` / `.d.cts`), for the dual `exports` map. The only
 * type the generated code imports (`DocumentTypeDecoration`) is inlined, so
 * the tarball has no dependencies at all. tsup reads the named export `tsup`.
 */
export const tsup = defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  platform: 'neutral',
  target: 'es2022',
  dts: { resolve: ['@graphql-typed-document-node/core'], compilerOptions: { composite: false, types: [] } },
  outDir: 'dist',
  // dist/tsc belongs to `tsc -b`; our files have fixed names, so nothing stale survives.
  clean: false,
  splitting: false,
  sourcemap: false,
  treeshake: true,
  tsconfig: 'tsconfig.json',
});
