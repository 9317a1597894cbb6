import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { readSupergraph } from '@amparo/schema';
import { executePlan, type SubgraphAnswer, type SubgraphRequest } from './executePlan.js';
import { loadFederatedSchema } from './FederatedSchema.js';
import { OperationChoiceError, prepareOperation } from './preparedOperation.js';

const schema = loadFederatedSchema(readSupergraph());
const CASE_PAGE = `query Page($id: ID!) { case(id: $id) { referenceCode referrals { status service { name } } } }`;

/** Canned subgraph answers, by subgraph; records what the plan sent. */
function subgraphs(answers: Record<string, (request: SubgraphRequest) => SubgraphAnswer>) {
  const sent: { subgraph: string; request: SubgraphRequest }[] = [];
  const fetch = async (subgraph: string, request: SubgraphRequest) => {
    sent.push({ subgraph, request });
    const answer = answers[subgraph];
    if (!answer) throw new Error(`unexpected fetch to ${subgraph}`);
    return answer(request);
  };
  return { sent, fetch };
}

const caseAnswer = (): SubgraphAnswer => ({
  data: {
    case: {
      referenceCode: 'AMP-1',
      referrals: [
        { status: 'PENDING', service: { __typename: 'Service', id: 's1' } },
        { status: 'ACCEPTED', service: { __typename: 'Service', id: 's2' } },
      ],
    },
  },
});

describe('executePlan', () => {
  it('sends each referral service as a representation and merges the answers into the right objects', async () => {
    const prepared = prepareOperation(schema, parse(CASE_PAGE), null);
    const { sent, fetch } = subgraphs({
      cases: caseAnswer,
      services: (request) => ({
        data: {
          _entities: (request.variables.representations as { id: string }[]).map((r) => ({ name: `name of ${r.id}` })),
        },
      }),
    });
    const result = await executePlan(schema.supergraphSchema, prepared, { id: 'c1' }, fetch);
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({
      case: {
        referenceCode: 'AMP-1',
        referrals: [
          { status: 'PENDING', service: { name: 'name of s1' } },
          { status: 'ACCEPTED', service: { name: 'name of s2' } },
        ],
      },
    });
    expect(sent.map((s) => s.subgraph)).toEqual(['cases', 'services']);
    expect(sent[0]?.request.variables).toEqual({ id: 'c1' });
    expect(sent[1]?.request.variables.representations).toEqual([
      { __typename: 'Service', id: 's1' },
      { __typename: 'Service', id: 's2' },
    ]);
  });

  it("files an entity error under the client's path of the object that sent that representation", async () => {
    const prepared = prepareOperation(schema, parse(CASE_PAGE), null);
    const { fetch } = subgraphs({
      cases: caseAnswer,
      services: () => ({
        data: { _entities: [{ name: 'first' }, null] },
        errors: [{ message: 'service withdrawn', path: ['_entities', 1, 'name'], extensions: { code: 'NOT_FOUND' } }],
      }),
    });
    const result = await executePlan(schema.supergraphSchema, prepared, { id: 'c1' }, fetch);
    expect(result.errors.map((e) => ({ message: e.message, path: e.path, code: e.extensions.code }))).toEqual([
      { message: 'service withdrawn', path: ['case', 'referrals', 1, 'service', 'name'], code: 'NOT_FOUND' },
    ]);
    // Referral.service and Service.name are non-null: the missing name nulls the nearest nullable parent.
    expect(result.data).toEqual({ case: null });
  });

  it('marks a subgraph error without a code as a downstream error and keeps the other data', async () => {
    const prepared = prepareOperation(schema, parse(CASE_PAGE), null);
    const { fetch } = subgraphs({
      cases: () => ({ data: { case: null }, errors: [{ message: 'boom', path: ['case'] }] }),
    });
    const result = await executePlan(schema.supergraphSchema, prepared, { id: 'c1' }, fetch);
    expect(result.errors.map((e) => [e.path, e.extensions.code, e.extensions.serviceName])).toEqual([
      [['case'], 'DOWNSTREAM_SERVICE_ERROR', 'cases'],
    ]);
    expect(result.data).toEqual({ case: null });
  });

  it('turns a failed fetch into an internal error at no path, without the entity fetch that depended on it', async () => {
    const prepared = prepareOperation(schema, parse(CASE_PAGE), null);
    const { sent, fetch } = subgraphs({
      cases: () => {
        throw new Error('subgraph cases answered HTTP 502');
      },
    });
    const result = await executePlan(schema.supergraphSchema, prepared, { id: 'c1' }, fetch);
    expect(result.errors.map((e) => [e.message, e.path, e.extensions.code])).toEqual([
      ['subgraph cases answered HTTP 502', undefined, 'INTERNAL_SERVER_ERROR'],
    ]);
    expect(sent.map((s) => s.subgraph)).toEqual(['cases']);
  });
});

describe('executePlan, when a subgraph breaks its own schema', () => {
  it('reports a null for a non-null field as an error at its path, and nulls the nearest nullable parent', async () => {
    const prepared = prepareOperation(schema, parse('query Q($id: ID!) { case(id: $id) { referenceCode } }'), null);
    const { fetch } = subgraphs({ cases: () => ({ data: { case: { referenceCode: null } } }) });
    const result = await executePlan(schema.supergraphSchema, prepared, { id: 'c1' }, fetch);
    expect(result.errors.map((e) => [e.message, e.path, e.extensions.code])).toEqual([
      ['Cannot return null for non-nullable field Case.referenceCode.', ['case', 'referenceCode'], 'INVALID_GRAPHQL'],
    ]);
    expect(result.data).toEqual({ case: null });
  });

  it('answers no data and an internal error when the data has a shape no schema allows', async () => {
    const prepared = prepareOperation(schema, parse(CASE_PAGE), null);
    const { fetch } = subgraphs({ cases: () => ({ data: { case: { referenceCode: 'AMP-1', referrals: 'none' } } }) });
    const result = await executePlan(schema.supergraphSchema, prepared, { id: 'c1' }, fetch);
    expect(result.data).toBeUndefined();
    expect(result.errors.map((e) => e.extensions.code)).toEqual(['INTERNAL_SERVER_ERROR']);
  });
});

describe('prepareOperation', () => {
  const two = parse('query A { __typename } query B { __typename }');

  it('runs the named operation of several', () => {
    expect(prepareOperation(schema, two, 'B').definition.name?.value).toBe('B');
  });

  it.each([
    ['several operations and no name', two, null, /name the one to run/],
    ['a name the document does not hold', two, 'C', /no operation named "C"/],
    ['only fragments', parse('fragment F on Query { __typename }'), null, /no operation/],
  ])('refuses %s as a client error', (_label, document, name, message) => {
    expect(() => prepareOperation(schema, document, name)).toThrow(OperationChoiceError);
    expect(() => prepareOperation(schema, document, name)).toThrow(message);
  });
});

describe('executePlan, entity fetches of one Parallel node to one subgraph', () => {
  const PAGE = `query Page($id: ID!) { case(id: $id) { organization { name } referrals { service { name } } } }`;
  const twoReferrals = [
    { service: { __typename: 'Service', id: 's1' } },
    { service: { __typename: 'Service', id: 's2' } },
  ];
  const caseWith =
    (organization: unknown, referrals: unknown[] = twoReferrals) =>
    (): SubgraphAnswer => ({ data: { case: { organization, referrals } } });
  /** Answers every `_entities` alias of the request with a name per representation. */
  const named = (request: SubgraphRequest): SubgraphAnswer => {
    const data: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(request.variables)) {
      const alias = /^representations_(\d+)$/.exec(name)?.[1];
      const key = alias === undefined ? (name === 'representations' ? '_entities' : null) : `_${alias}`;
      if (key) data[key] = (value as { id: string }[]).map((r) => ({ name: `name of ${r.id}` }));
    }
    return { data };
  };

  it('go as one request, each answer merged where its own fetch would have put it', async () => {
    const prepared = prepareOperation(schema, parse(PAGE), null);
    const { sent, fetch } = subgraphs({
      cases: caseWith({ __typename: 'Organization', id: 'o1' }),
      services: named,
    });
    const result = await executePlan(schema.supergraphSchema, prepared, { id: 'c1' }, fetch);
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({
      case: {
        organization: { name: 'name of o1' },
        referrals: [{ service: { name: 'name of s1' } }, { service: { name: 'name of s2' } }],
      },
    });
    expect(sent.map((s) => s.subgraph)).toEqual(['cases', 'services']);
    const merged = sent[1]?.request;
    expect(merged?.query).toMatch(/_0: _entities\(representations: \$representations_0\)/);
    expect(merged?.query).toMatch(/_1: _entities\(representations: \$representations_1\)/);
    expect(Object.values(merged?.variables ?? {})).toEqual(
      expect.arrayContaining([
        [{ __typename: 'Organization', id: 'o1' }],
        [
          { __typename: 'Service', id: 's1' },
          { __typename: 'Service', id: 's2' },
        ],
      ]),
    );
  });

  it("file each member's errors under the client's path of the object that sent that representation", async () => {
    const prepared = prepareOperation(schema, parse(PAGE), null);
    const { sent, fetch } = subgraphs({
      cases: caseWith({ __typename: 'Organization', id: 'o1' }),
      services: (request) => {
        const answer = named(request);
        const serviceAlias = Object.entries(request.variables).find(
          ([, value]) => (value as { __typename: string }[])[0]?.__typename === 'Service',
        )?.[0];
        const key = `_${serviceAlias?.split('_')[1]}`;
        (answer.data as Record<string, unknown[]>)[key]![1] = null;
        return {
          ...answer,
          errors: [{ message: 'service withdrawn', path: [key, 1, 'name'], extensions: { code: 'NOT_FOUND' } }],
        };
      },
    });
    const result = await executePlan(schema.supergraphSchema, prepared, { id: 'c1' }, fetch);
    expect(sent.map((s) => s.subgraph)).toEqual(['cases', 'services']);
    expect(result.errors.map((e) => ({ message: e.message, path: e.path, code: e.extensions.code }))).toEqual([
      { message: 'service withdrawn', path: ['case', 'referrals', 1, 'service', 'name'], code: 'NOT_FOUND' },
    ]);
  });

  it('go as planned when only one of them has anything to send', async () => {
    const prepared = prepareOperation(schema, parse(PAGE), null);
    const { sent, fetch } = subgraphs({
      cases: caseWith({ __typename: 'Organization', id: 'o1' }, []),
      services: named,
    });
    const result = await executePlan(schema.supergraphSchema, prepared, { id: 'c1' }, fetch);
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({ case: { organization: { name: 'name of o1' }, referrals: [] } });
    expect(sent[1]?.request.query).not.toMatch(/_0:/);
    expect(Object.keys(sent[1]?.request.variables ?? {})).toEqual(['representations']);
  });

  it('each get an internal error when the one request fails', async () => {
    const prepared = prepareOperation(schema, parse(PAGE), null);
    const { fetch } = subgraphs({
      cases: caseWith({ __typename: 'Organization', id: 'o1' }),
      services: () => {
        throw new Error('subgraph services answered HTTP 502');
      },
    });
    const result = await executePlan(schema.supergraphSchema, prepared, { id: 'c1' }, fetch);
    expect(result.errors.map((e) => [e.message, e.extensions.code, e.extensions.serviceName])).toEqual([
      ['subgraph services answered HTTP 502', 'INTERNAL_SERVER_ERROR', 'services'],
      ['subgraph services answered HTTP 502', 'INTERNAL_SERVER_ERROR', 'services'],
    ]);
  });
});
