import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFederation, type Federation } from '../src/index.js';

/**
 * The checks of the published GraphQL security scanners (graphql-cop,
 * InQL, clairvoyance…), each written as a test that must come out safe.
 */
let federation: Federation;
let base: string;

const post = (body: string, contentType = 'application/json', headers: Record<string, string> = {}) =>
  fetch(federation.gateway.url, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });

beforeAll(async () => {
  federation = await startFederation({ seedScale: 0.05, subgraphs: ['services', 'cases', 'statistics'] });
  base = federation.gateway.url.replace(/\/graphql$/, '');
});
afterAll(() => federation?.close());

describe('published scanner checks', () => {
  it('field suggestions: none', async () => {
    const { body } = await federation.query('{ servics { totalCount } }');
    expect(JSON.stringify(body)).not.toMatch(/Did you mean/i);
  });

  it('IDE pages: none, in any mode', async () => {
    for (const path of ['/graphql', '/', '/graphiql', '/playground', '/altair', '/sandbox', '/voyager']) {
      const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(await response.text()).not.toMatch(/<html|graphiql|playground/i);
    }
  });

  it('queries and mutations over GET: refused', async () => {
    const query = encodeURIComponent('{ services(first: 1) { totalCount } }');
    expect((await fetch(`${base}/graphql?query=${query}`)).status).toBe(405);
    const mutation = encodeURIComponent('mutation { __typename }');
    expect((await fetch(`${base}/graphql?query=${mutation}`)).status).toBe(405);
  });

  it('CSRF: url-encoded, form and text/plain POSTs are refused before execution', async () => {
    const query = '{ services(first: 1) { totalCount } }';
    expect((await post(`query=${encodeURIComponent(query)}`, 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post(JSON.stringify({ query }), 'text/plain')).status).toBe(415);
    const form = new FormData();
    form.set('query', query);
    expect((await fetch(federation.gateway.url, { method: 'POST', body: form })).status).toBe(415);
  });

  it('101 aliases, __typename included: refused', async () => {
    const aliases = Array.from({ length: 101 }, (_, i) => `a${i}: __typename`).join(' ');
    const nested = await federation.query(`{ services(first: 1) { ${aliases} } }`);
    expect(nested.status).toBe(400);
    expect(nested.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxAliases' });
    const atRoot = await federation.query(`{ ${aliases} }`);
    expect(atRoot.status).toBe(400);
    expect(atRoot.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('JSON array batching: refused', async () => {
    const one = { query: '{ __typename }' };
    const response = await post(JSON.stringify([one, one, one]));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('directive overloading: refused', async () => {
    const directives = Array.from({ length: 50 }, () => '@skip(if: false)').join(' ');
    const { status, body } = await federation.query(`{ __typename ${directives} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.limit).toBe('maxDirectives');
  });

  it('circular introspection: subject to the depth limit', async () => {
    let nested = '{ name }';
    for (let i = 0; i < 20; i++) nested = `{ fields { type ${nested.replace(/^\{ /, '{ name ofType ')} } }`;
    const { status, body } = await federation.query(`{ __schema { types ${nested} } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.limit).toBe('maxDepth');
  });

  it('cost evasion through variables and other page-size names: refused', async () => {
    const byVariable = await federation.query('query ($n: Int) { services(first: $n) { totalCount } }', { n: 100_000 });
    expect(byVariable.status).toBe(400);
    expect(byVariable.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const otherName = await federation.query('{ organization(id: "x") { services(first: 5000) { id } } }');
    expect(otherName.status).toBe(400);
  });

  it('500× field duplication: refused', async () => {
    const { status, body } = await federation.query(`{ services(first: 1) { ${'__typename '.repeat(500)} } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.limit).toBe('maxFields');
  });

  it('unhandled errors: no exception, stack or internal address leaks, even when a subgraph is down', async () => {
    await federation.subgraphs.get('statistics')?.app.close();
    const { body } = await federation.query('{ statisticsReleases(first: 1) { totalCount } }');
    const text = JSON.stringify(body);
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/exception|stacktrace|127\.0\.0\.1|localhost|ECONNREFUSED|at [\w.]+ \(/i);
    for (const error of body.errors ?? []) {
      expect(
        Object.keys(error.extensions ?? {}).every((k) =>
          ['code', 'field', 'reason', 'limit', 'retryAfterSeconds'].includes(k),
        ),
      ).toBe(true);
    }
  });

  it('oversized bodies and malformed JSON get clear 4xx answers', async () => {
    const huge = JSON.stringify({ query: `{ __typename } # ${'x'.repeat(200_000)}` });
    expect((await post(huge)).status).toBe(413);
    const malformed = await post('{"query": ');
    expect(malformed.status).toBe(400);
    expect(
      ((await malformed.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('BAD_USER_INPUT');
  });

  it('CORS: an origin not on the allowlist gets no CORS grant', async () => {
    const response = await fetch(federation.gateway.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
