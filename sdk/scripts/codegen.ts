import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { buildApiSchema } from '@amparo/gateway';
import { readSupergraph } from '@amparo/schema';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createCodegenConfig } from '../codegen.js';

/** The SDK package root. */
export const SDK_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where each generated artefact lives, relative to an output root. */
export const GENERATED_FILES = ['schema.graphql', 'src/generated/graphql.ts', 'src/generated/persisted-documents.json'];

/** The id the SDK sends for a document: `sha256:` + hex of the exact document text. */
export function documentId(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/**
 * Regenerates everything under `root` (the SDK itself, or a temporary
 * directory for the staleness test): the printed API schema, the typed
 * documents, and the trusted-documents manifest (sha256 hex → exact text).
 */
export async function runCodegen(root: string = SDK_ROOT): Promise<void> {
  const schemaPath = join(root, 'schema.graphql');
  const outputDir = join(root, 'src/generated');
  mkdirSync(outputDir, { recursive: true });
  // Sorted so that the order subgraphs are composed in never shows up as a diff.
  writeFileSync(schemaPath, `${printSchema(lexicographicSortSchema(buildApiSchema(readSupergraph())))}\n`);
  await generate(
    createCodegenConfig({ schema: schemaPath, operations: join(SDK_ROOT, 'operations'), output: outputDir }),
    true,
  );
  const generated = readFileSync(join(outputDir, 'graphql.ts'), 'utf8');
  const manifest = persistedDocuments(await import(pathToFileURL(join(outputDir, 'graphql.ts')).href), generated);
  writeFileSync(join(outputDir, 'persisted-documents.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The manifest from the generated module's document exports (every `…Document`). */
function persistedDocuments(module: Record<string, unknown>, source: string): Record<string, string> {
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(module)) {
    if (!name.endsWith('Document') || !(value instanceof String)) continue;
    const text = value.toString();
    entries.push([documentId(text).slice('sha256:'.length), text]);
  }
  if (entries.length === 0 || !source.includes('TypedDocumentString')) {
    throw new Error('codegen produced no typed document strings');
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runCodegen();
  console.log(`wrote ${GENERATED_FILES.join(', ')}`);
}
