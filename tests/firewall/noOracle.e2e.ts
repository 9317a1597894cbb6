import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema, buildPolicyIndex, type Requirement } from '@amparo/gateway';
import { ROLES, isAllowed, readSupergraph, scopesForRole, type Role } from '@amparo/schema';
import { minimalSelection, startFederation, type Federation } from '../src/index.js';

/**
 * F2 — no oracle, and the role table. Each role's schema (validation,
 * introspection, error messages) is its own projection: hidden fields behave
 * exactly like fields that never existed.
 */
const supergraph = readSupergraph();
const apiSchema = buildApiSchema(supergraph);
const index = buildPolicyIndex(supergraph);
const NONE: Requirement = { authenticated: false, scopes: null, policies: null };
const principalOf = (role: Role) => ({ sub: `t-${role}`, role, org: null, orgKind: null, scopes: scopesForRole(role) });

/** What the directives in the SDL say about `Type.field` for `role`, read independently of the gateway. */
function mayReach(role: Role, typeName: string, fieldName: string, returnType: string): boolean {
  return [index.get(`${typeName}.${fieldName}`), index.get(typeName), index.get(returnType)].every((r) =>
    isAllowed(principalOf(role), r ?? NONE),
  );
}

let federation: Federation;
const tokens = new Map<Role, string | undefined>();

beforeAll(async () => {
  federation = await startFederation({ seedScale: 0.05 });
  for (const role of ROLES) tokens.set(role, role === 'public' ? undefined : await federation.tokenFor(role));
});
afterAll(() => federation?.close());

describe('role × root field, as the role table and the SDL directives say', () => {
  const roots = [
    ...Object.values(apiSchema.getQueryType()?.getFields() ?? {}).map((f) => ({
      op: 'query',
      type: 'Query',
      field: f,
    })),
    ...Object.values(apiSchema.getMutationType()?.getFields() ?? {}).map((f) => ({
      op: 'mutation',
      type: 'Mutation',
      field: f,
    })),
  ];
  it.each(ROLES)('%s reaches exactly its root fields', async (role) => {
    for (const { op, type, field } of roots) {
      // @skip: validated against the caller's projection, never executed.
      const { body } = await federation.query(
        `${op} { ${minimalSelection(field, true)} }`,
        {},
        { token: tokens.get(role) },
      );
      const refused =
        body.errors?.some(
          (e) =>
            e.message.startsWith(`Cannot query field "${field.name}"`) ||
            e.message === 'Schema is not configured to execute mutation operation.',
        ) ?? false;
      const expected = mayReach(role, type, field.name, field.type.toString().replace(/[[\]!]/g, ''));
      expect(refused, `${role} ${type}.${field.name}`).toBe(!expected);
    }
  });

  it('gives enforcement nothing but the catalogue and statistics', async () => {
    const { body } = await federation.query<IntrospectionQuery>(
      getIntrospectionQuery(),
      {},
      { token: tokens.get('enforcement') },
    );
    const queryType = body.data?.__schema.types.find((t) => t.name === 'Query');
    const names = queryType && 'fields' in queryType ? (queryType.fields ?? []).map((f) => f.name) : [];
    expect(names.length).toBeGreaterThan(0);
    // Every root field enforcement reaches belongs to the public catalogue or the published statistics.
    const PUBLIC_ROOTS =
      /^(services|service|organization|organizations|service\w*|statistics\w*|latestStatisticsRelease|codeList)$/;
    for (const name of names) expect(name).toMatch(PUBLIC_ROOTS);
  });
});

describe('introspection shows each role its projection and nothing more', () => {
  it.each(ROLES)('%s', async (role) => {
    const { status, body } = await federation.query<IntrospectionQuery>(
      getIntrospectionQuery(),
      {},
      { token: tokens.get(role) },
    );
    expect(status).toBe(200);
    const types = body.data?.__schema.types ?? [];
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) {
      if (type.name.startsWith('__') || !('fields' in type) || !type.fields) continue;
      for (const field of type.fields) {
        let named = field.type;
        while ('ofType' in named && named.ofType) named = named.ofType;
        const returnType = 'name' in named ? (named.name as string) : '';
        expect(mayReach(role, type.name, field.name, returnType), `${role} sees ${type.name}.${field.name}`).toBe(true);
      }
    }
  });
});

describe('a hidden field is indistinguishable from one that never existed', () => {
  const probes: [string, string][] = [
    ['{ cases(first: 1) { totalCount } }', '{ kases(first: 1) { totalCount } }'],
    ['{ case(id: "x") { id } }', '{ kase(id: "x") { id } }'],
    [
      '{ services(first: 1) { edges { node { id ... on Case { id } } } } }',
      '{ services(first: 1) { edges { node { id ... on Kase { id } } } } }',
    ],
  ];
  it.each(probes)('%s', async (hidden, missing) => {
    const token = tokens.get('enforcement');
    const a = await federation.query(hidden, {}, { token });
    const b = await federation.query(missing, {}, { token });
    expect(a.status).toBe(b.status);
    const normalize = (body: unknown) =>
      JSON.stringify(body)
        .replaceAll(/[Kk]ase/g, 'case')
        .replaceAll('Case', 'case');
    expect(normalize(a.body)).toBe(normalize(b.body));
  });

  it('never suggests a name, and clairvoyance-style probing reveals nothing hidden', async () => {
    const hiddenNames = new Set<string>();
    for (const [key] of index) {
      const [type, field] = key.split('.');
      if (!mayReach('enforcement', type as string, field ?? '', '')) hiddenNames.add(field ?? (type as string));
    }
    const token = tokens.get('enforcement');
    const words = [
      'case',
      'cases',
      'cas',
      'caso',
      'search',
      'searchRequest',
      'interpreter',
      'migration',
      'status',
      'person',
      'audit',
      'consent',
      'referral',
      'node',
      'user',
    ];
    // A variable's value is checked against its type without suggestions either.
    const misspelt = await federation.query(
      'query ($c: [ServiceCategory!]) { services(filter: { categories: $c }, first: 1) { totalCount } }',
      { c: ['SHELTE'] },
      { token },
    );
    expect(misspelt.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(misspelt.body)).not.toMatch(/Did you mean/i);
    for (const word of words) {
      const { body } = await federation.query(`{ ${word} }`, {}, { token });
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/Did you mean/i);
      for (const name of hiddenNames) {
        if (name !== word && name.length > 3)
          expect(text.includes(`"${name}"`), `${word} revealed ${name}`).toBe(false);
      }
    }
  });
});
