import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MEASURES } from '../measures/measures.js';
import { statisticsSubgraph } from '../definition.js';
import { DIMENSIONS } from './dimensions.js';

// The SDL alone, federation directives unchecked: enough to validate operations against it.
const schema = buildSchema(readFileSync(statisticsSubgraph.sdlPath, 'utf8'), { assumeValidSDL: true });

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum`);
  return type.getValues().map((v) => v.name);
}

describe('dimensions and measures', () => {
  it('SDL enums match the code exactly', () => {
    expect(enumValues('Dimension')).toEqual([...DIMENSIONS]);
    expect(enumValues('Measure')).toEqual([...MEASURES]);
  });

  it('has no migration-status dimension (F4)', () => {
    expect(DIMENSIONS.filter((d) => /MIGRA|STATUS|LEGAL|VISA|DOCUMENT/.test(d))).toEqual([]);
  });

  it('makes asking for migration status a GraphQL validation error', () => {
    const errors = validate(
      schema,
      parse(
        '{ statisticsRelease(id: "x") { table(measure: CASES_OPENED, dimensions: [MIGRATION_STATUS]) { measure } } }',
      ),
    );
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/"MIGRATION_STATUS" does not exist in "Dimension"/),
    ]);
  });
});
