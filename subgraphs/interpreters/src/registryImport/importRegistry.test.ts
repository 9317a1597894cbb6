import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { interpretersSubgraph } from '../definition.js';
import { importRegistry } from './importRegistry.js';
import { CsvSyntaxError, parseCsv } from './parseCsv.js';

let sg: TestSubgraph;
beforeAll(async () => {
  sg = await startTestSubgraph(interpretersSubgraph);
});
afterAll(() => sg?.close());

const HEADER =
  'registry_id,display_name,languages,spheres,countries,time_zone,modalities,gender,communities,status,certifications,weekly_availability';
const ROSA =
  'OJ-001,"Tzoc, Rosa",quc>spa:BOTH:NATIVE,VIOLENCE;LEGAL_CIVIL,GT,America/Guatemala,VIDEO;PHONE,FEMALE,Nahualá,ACTIVE,Organismo Judicial|2019-05-01|2029-05-01,1-5 09:00-17:00';
const JUANA =
  'OJ-002,Juana Ixcoy,mam>spa:ONE_WAY:FLUENT,TRAFFICKING,GT;MX,America/Guatemala,IN_PERSON,,,,,6 09:00-13:00';

const count = async (sql: string) => (await sg.db.query<{ n: number }>(sql))[0]?.n;

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and the line each record starts on', () => {
    const records = parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n\n"",z\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"\nthere'] },
      { line: 5, fields: ['', 'z'] },
    ]);
  });

  it('refuses an unclosed quote and a stray one, naming the line', () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open\n')).toThrow('line 2');
    expect(() => parseCsv('a,b\nx,y"z\n')).toThrow('line 2: a quote inside an unquoted field');
  });
});

describe('importRegistry', () => {
  it('imports nothing when one row is malformed, and reports every bad row with its line', async () => {
    const csv = [
      HEADER,
      ROSA,
      'OJ-003,Ana,quc-spa,VIOLENCE,GT,America/Guatemala,,,,,,',
      'OJ-004,Marta,kek>spa:BOTH:NATIVE,SORCERY,GT,Mars/Olympus,,,,,,',
      'OJ-001,Rosa again,quc>spa:BOTH:NATIVE,VIOLENCE,GT,America/Guatemala,,,,,,',
      'OJ-005,too few fields',
    ].join('\n');
    const result = await importRegistry(sg.db, csv);
    expect(result).toMatchObject({ imported: false, created: 0, updated: 0, skipped: 4 });
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'languages'],
      [4, 'spheres'],
      [4, 'time_zone'],
      [5, 'registry_id'],
      [6, null],
    ]);
    expect(await count('SELECT count(*) AS n FROM interpreters')).toBe(0);
  });

  it('imports the good rows with --skip-bad-rows, still reporting the bad ones', async () => {
    const csv = [HEADER, ROSA, 'OJ-003,Ana,quc-spa,VIOLENCE,GT,America/Guatemala,,,,,,'].join('\n');
    const result = await importRegistry(sg.db, csv, { skipBadRows: true });
    expect(result).toMatchObject({ imported: true, created: 1, updated: 0, skipped: 1 });
    expect(result.errors).toHaveLength(1);
    await sg.db.exec(
      'DELETE FROM interpreter_languages; DELETE FROM interpreter_certifications; DELETE FROM interpreter_weekly_availability; DELETE FROM interpreters',
    );
  });

  it('is idempotent: a second import updates the same interpreters and leaves the same registry', async () => {
    const csv = [HEADER, ROSA, JUANA].join('\n');
    const snapshot = async () =>
      sg.db.query(
        `SELECT i.registry_id, i.display_name, i.spheres, i.countries, i.gender, i.communities, i.status,
                (SELECT array_agg(from_language || '>' || to_language || ':' || direction ORDER BY from_language) FROM interpreter_languages l WHERE l.interpreter_id = i.id) AS languages,
                (SELECT array_agg(issuer || issued_on ORDER BY issuer) FROM interpreter_certifications c WHERE c.interpreter_id = i.id) AS certifications,
                (SELECT array_agg(day_of_week::text || starts_at::text ORDER BY day_of_week) FROM interpreter_weekly_availability w WHERE w.interpreter_id = i.id) AS weekly
           FROM interpreters i ORDER BY registry_id`,
      );
    expect(await importRegistry(sg.db, csv)).toMatchObject({ imported: true, created: 2, updated: 0, errors: [] });
    const first = await snapshot();
    expect(first).toHaveLength(2);
    expect(first[0]).toMatchObject({ registry_id: 'OJ-001', display_name: 'Tzoc, Rosa', communities: ['Nahualá'] });
    expect((first[0] as { weekly: string[] }).weekly).toHaveLength(5);
    expect(first[1]).toMatchObject({ registry_id: 'OJ-002', gender: null, status: 'ACTIVE', certifications: null });
    expect(await importRegistry(sg.db, csv)).toMatchObject({ imported: true, created: 0, updated: 2 });
    expect(await snapshot()).toEqual(first);
    // A changed row updates in place.
    const changed = [HEADER, ROSA.replace('VIOLENCE;LEGAL_CIVIL', 'HEALTH')].join('\n');
    expect(await importRegistry(sg.db, changed)).toMatchObject({ created: 0, updated: 1 });
    expect(
      await count(`SELECT count(*) AS n FROM interpreters WHERE registry_id = 'OJ-001' AND spheres = '{HEALTH}'`),
    ).toBe(1);
  });

  it('refuses a broken file or header outright, even with --skip-bad-rows', async () => {
    const before = await count('SELECT count(*) AS n FROM interpreters');
    const unclosed = await importRegistry(sg.db, `${HEADER}\nOJ-9,"Rosa,quc>spa:BOTH:NATIVE\n`, { skipBadRows: true });
    expect(unclosed).toMatchObject({ imported: false, errors: [{ line: 2, column: null }] });
    const header = await importRegistry(sg.db, 'registry_id,name\nOJ-9,Rosa\n', { skipBadRows: true });
    expect(header.imported).toBe(false);
    expect(header.errors.map((e) => e.column)).toEqual(expect.arrayContaining(['name', 'display_name', 'languages']));
    expect(await count('SELECT count(*) AS n FROM interpreters')).toBe(before);
  });
});
