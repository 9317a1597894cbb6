import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENERATED_FILES, runCodegen, SDK_ROOT } from '../scripts/codegen.js';
import { documentId } from './client/documentId.js';
import * as generated from './generated/graphql.js';

const scratch = mkdtempSync(join(tmpdir(), 'amparo-sdk-codegen-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('generated SDK code', () => {
  it('is up to date with the composed schema and the operations (run `npm run codegen -w @amparo/sdk`)', async () => {
    await runCodegen(scratch);
    for (const file of GENERATED_FILES) {
      const fresh = readFileSync(join(scratch, file), 'utf8');
      const committed = readFileSync(join(SDK_ROOT, file), 'utf8');
      expect(committed, `${file} is stale`).toBe(fresh);
    }
  });

  it('lists every generated operation in the trusted-documents manifest under its sha256', async () => {
    const manifest = JSON.parse(
      readFileSync(join(SDK_ROOT, 'src/generated/persisted-documents.json'), 'utf8'),
    ) as Record<string, string>;
    const documents = Object.entries(generated).filter(([name]) => name.endsWith('Document'));
    expect(documents.length).toBeGreaterThan(20);
    for (const [, document] of documents) {
      const id = await documentId(String(document));
      expect(manifest[id.slice('sha256:'.length)]).toBe(String(document));
    }
    expect(Object.keys(manifest)).toHaveLength(documents.length);
  });

  it('imports nothing at run time that a browser lacks', () => {
    const sources = readdirSync(join(SDK_ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    );
    expect(sources).toContain('index.ts');
    for (const file of sources) {
      const text = readFileSync(join(SDK_ROOT, 'src', file), 'utf8');
      expect(text, file).not.toMatch(/from '(node:|graphql'|fs'|crypto'|http')/);
      expect(text, file).not.toMatch(/^import (?!type)[^;]*'@graphql-typed-document-node/m);
    }
  });
});
