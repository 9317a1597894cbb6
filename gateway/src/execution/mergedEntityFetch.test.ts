import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import type { FetchNode } from '@apollo/query-planner';
import { mergeEntityFetches } from './mergedEntityFetch.js';

const fetchOf = (operation: string, operationName = 'Op__services__1'): FetchNode =>
  ({
    kind: 'Fetch',
    serviceName: 'services',
    operation,
    operationName,
    operationKind: 'query',
  }) as unknown as FetchNode;

describe('mergeEntityFetches', () => {
  it('aliases each _entities, renames its representations and fragments apart, and declares shared variables once', () => {
    const merged = mergeEntityFetches([
      fetchOf(
        'query Op__services__1($representations:[_Any!]!,$language:String){_entities(representations:$representations){...F}} fragment F on Service{name(language:$language)}',
      ),
      fetchOf(
        'query Op__services__2($representations:[_Any!]!,$language:String){_entities(representations:$representations){...F}} fragment F on Organization{name}',
      ),
    ]);
    expect(merged?.operationName).toBe('Op__services__1__merged');
    const document = parse(merged?.query ?? '');
    const [operation, ...fragments] = document.definitions;
    expect(operation?.kind).toBe('OperationDefinition');
    if (operation?.kind !== 'OperationDefinition') return;
    expect(operation.variableDefinitions?.map((d) => d.variable.name.value)).toEqual([
      'representations_0',
      'language',
      'representations_1',
    ]);
    expect(merged?.query).toMatch(/_0: _entities\(representations: \$representations_0\) \{\s*\.\.\.F_0/);
    expect(merged?.query).toMatch(/_1: _entities\(representations: \$representations_1\) \{\s*\.\.\.F_1/);
    expect(fragments.map((f) => (f.kind === 'FragmentDefinition' ? f.name.value : null))).toEqual(['F_0', 'F_1']);
  });

  it('keeps apart fetches that use a client variable named like its own', () => {
    const entities = 'query A($representations:[_Any!]!){_entities(representations:$representations){__typename}}';
    // Same type as the merge's own $representations_0: merged, the client's value would be overwritten.
    const clash = fetchOf(
      'query B($representations:[_Any!]!,$representations_0:[_Any!]!){_entities(representations:$representations){...on Service{related(to:$representations_0){id}}}}',
    );
    expect(
      mergeEntityFetches([fetchOf(entities), { ...clash, variableUsages: ['representations_0'] } as FetchNode]),
    ).toBeNull();
  });

  it('refuses members it cannot merge safely, which then go as planned', () => {
    const entities = 'query A($representations:[_Any!]!){_entities(representations:$representations){__typename}}';
    expect(mergeEntityFetches([fetchOf(entities), fetchOf('query B{cases{id}}')])).toBeNull();
    expect(
      mergeEntityFetches([
        fetchOf('query A($representations:[_Any!]!,$x:Int){_entities(representations:$representations){__typename}}'),
        fetchOf(
          'query B($representations:[_Any!]!,$x:String){_entities(representations:$representations){__typename}}',
        ),
      ]),
    ).toBeNull();
  });
});
