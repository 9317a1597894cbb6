import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFederation, type Federation } from '../src/index.js';

/** Trusted documents: ids from the manifest only; an allowlisted client may send nothing else. */
const QUERY = 'query TrustedServices { services(first: 2) { totalCount } }';
const ID = `sha256:${createHash('sha256').update(QUERY).digest('hex')}`;
const CASES = 'query TrustedCases { cases(first: 2) { edges { node { preferredName } } } }';
const CASES_ID = `sha256:${createHash('sha256').update(CASES).digest('hex')}`;
let federation: Federation;

const send = (body: Record<string, unknown>, token?: string) =>
  fetch(federation.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] },
  }));

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'amparo-trusted-'));
  const manifest = join(dir, 'persisted-documents.json');
  writeFileSync(manifest, JSON.stringify({ [ID.slice(7)]: QUERY, [CASES_ID.slice(7)]: CASES }));
  federation = await startFederation({
    seedScale: 0.05,
    subgraphs: ['services', 'cases'],
    gatewayEnv: { TRUSTED_DOCUMENTS_PATH: manifest, TRUSTED_DOCUMENTS_REQUIRED_FOR: 'partner-app' },
  });
});
afterAll(() => federation?.close());

describe('trusted documents', () => {
  it('executes a document sent by id', async () => {
    const { status, body } = await send({ documentId: ID });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ services: { totalCount: expect.any(Number) } });
  });

  it("validates a trusted document against the caller's projection like any other (F1)", async () => {
    const token = await federation.tokenFor('enforcement');
    const { status, body } = await send({ documentId: CASES_ID }, token);
    expect(status).toBe(400);
    expect(body.data ?? null).toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/preferredName"\s*:\s*"/);
  });

  it('refuses an unknown id, and a query that does not match its id', async () => {
    const unknown = await send({ documentId: `sha256:${'0'.repeat(64)}` });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documentId' });
    const mismatch = await send({ documentId: ID, query: '{ services(first: 100) { totalCount } }' });
    expect(mismatch.status).toBe(400);
  });

  it('lets an allowlisted client run only manifest documents, keyed on its token, not on a header', async () => {
    const token = await federation.tokenFor('caseworker', { client: 'partner-app' });
    const free = await send({ query: '{ services(first: 1) { totalCount } }' }, token);
    expect(free.status).toBe(400);
    expect(free.body.errors?.[0]?.extensions?.field).toBe('documentId');
    expect((await send({ documentId: ID }, token)).status).toBe(200);
    const other = await federation.tokenFor('caseworker', { client: 'another-app' });
    expect((await send({ query: '{ services(first: 1) { totalCount } }' }, other)).status).toBe(200);
  });
});
