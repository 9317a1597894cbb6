import { SignJWT, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INTERNAL_TOKEN_HEADER,
  createInternalSigner,
  generateInternalKeyPair,
  hashBody,
  scopesForRole,
  type Principal,
} from '@amparo/schema';
import { startFederation, type Federation } from '../src/index.js';

/** F3 — no bypass: subgraphs answer only fresh, single-use requests signed by the gateway for them. */
let federation: Federation;
let casesUrl: string;
let someCaseId: string;

const caseworker = (org: string): Principal => ({
  sub: 'cw',
  role: 'caseworker',
  org,
  orgKind: 'NGO',
  scopes: scopesForRole('caseworker'),
});
const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id preferredName } } }';

async function post(url: string, body: string, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { [INTERNAL_TOKEN_HEADER]: token } : {}) },
    body,
  });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  federation = await startFederation({ seedScale: 0.05, subgraphs: ['services', 'cases'] });
  casesUrl = federation.subgraphs.get('cases')?.url as string;
  const [row] =
    (await federation.subgraphs
      .get('cases')
      ?.db.query<{ id: string; organization_id: string }>(
        'SELECT id, organization_id FROM cases ORDER BY id LIMIT 1',
      )) ?? [];
  someCaseId = row?.id as string;
});
afterAll(() => federation?.close());

describe('F3: direct subgraph calls', () => {
  const entitiesBody = () =>
    JSON.stringify({ query: ENTITIES, variables: { r: [{ __typename: 'Case', id: someCaseId }] } });

  it('refuses a request without an internal token, _entities and _service included', async () => {
    for (const body of [
      entitiesBody(),
      JSON.stringify({ query: '{ _service { sdl } }' }),
      JSON.stringify({ query: '{ cases { totalCount } }' }),
    ]) {
      const { status, text } = await post(casesUrl, body);
      expect(status).toBe(401);
      expect(text).not.toMatch(/preferredName"\s*:\s*"|sdl"\s*:\s*"/);
    }
  });

  it('refuses a request whose path spells /graphql another way, without running it', async () => {
    const base = new URL(casesUrl);
    for (const path of ['/%67raphql', '/%67%72%61%70%68%71%6c', '/graphql?x=1', '/graphql/']) {
      const { status, text } = await post(`${base.origin}${path}`, JSON.stringify({ query: '{ _service { sdl } }' }));
      expect([401, 404], path).toContain(status);
      expect(text, path).not.toMatch(/sdl"\s*:\s*"|principal|Cannot read/);
    }
    // The encoded path reaches the GraphQL route itself: it must be the token check that refuses it.
    expect((await post(`${base.origin}/%67raphql`, entitiesBody())).status).toBe(401);
  });

  it('refuses a token signed by another key (forged)', async () => {
    const forger = await createInternalSigner((await generateInternalKeyPair()).privateJwk);
    const body = entitiesBody();
    const token = await forger(
      { principal: caseworker('x'), requestId: 'f', operationName: null, operationHash: null },
      'cases',
      body,
    );
    expect((await post(casesUrl, body, token)).status).toBe(401);
  });

  it('refuses an expired token signed with the real key', async () => {
    const key = await importJWK(federation.internalKeys.privateJwk, 'EdDSA');
    const body = entitiesBody();
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role: 'caseworker', org: 'x', bh: hashBody(body) })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('amparo-gateway')
      .setAudience('cases')
      .setSubject('cw')
      .setJti('expired-1')
      .setIssuedAt(now - 120)
      .setExpirationTime(now - 60)
      .sign(key);
    expect((await post(casesUrl, body, token)).status).toBe(401);
  });

  it('refuses a captured request replayed, and a captured token with another body', async () => {
    const sign = await createInternalSigner(federation.internalKeys.privateJwk);
    const body = JSON.stringify({ query: '{ __typename }' });
    const token = await sign(
      { principal: caseworker('x'), requestId: 'r', operationName: null, operationHash: null },
      'cases',
      body,
    );
    expect((await post(casesUrl, body, token)).status).toBe(200);
    expect((await post(casesUrl, body, token)).status).toBe(401);
    const fresh = await sign(
      { principal: caseworker('x'), requestId: 'r2', operationName: null, operationHash: null },
      'cases',
      body,
    );
    expect((await post(casesUrl, entitiesBody(), fresh)).status).toBe(401);
  });

  it('refuses a token meant for another subgraph', async () => {
    const sign = await createInternalSigner(federation.internalKeys.privateJwk);
    const body = JSON.stringify({ query: '{ __typename }' });
    const token = await sign(
      { principal: caseworker('x'), requestId: 'r', operationName: null, operationHash: null },
      'services',
      body,
    );
    expect((await post(casesUrl, body, token)).status).toBe(401);
  });

  it('answers _entities for a Case with null to a validly signed enforcement principal', async () => {
    const sign = await createInternalSigner(federation.internalKeys.privateJwk);
    const body = entitiesBody();
    const enforcement: Principal = {
      sub: 'o',
      role: 'enforcement',
      org: null,
      orgKind: null,
      scopes: scopesForRole('enforcement'),
    };
    const token = await sign(
      { principal: enforcement, requestId: 'e', operationName: null, operationHash: null },
      'cases',
      body,
    );
    const { status, text } = await post(casesUrl, body, token);
    expect(status).toBe(200);
    expect(JSON.parse(text).data).toEqual({ _entities: [null] });
  });

  it('does not expose _entities or _service through the gateway', async () => {
    const token = await federation.tokenFor('caseworker');
    const { body } = await federation.query(ENTITIES, { r: [{ __typename: 'Case', id: someCaseId }] }, { token });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/Cannot query field "_entities"|Unknown type "_Any"/);
  });
});
