import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph, principalFor } from '@amparo/kit';
import { casesSubgraph } from '../definition.js';
import {
  callAs,
  orgA,
  orgB,
  consulate,
  caseworkerA,
  colleagueA,
  caseworkerB,
  consul,
} from '../testing/casesTestActors.js';

let sg: TestSubgraph;
const ALL_SECTIONS = ['IDENTITY', 'INTAKE_STATEMENT', 'NEEDS', 'INCIDENTS', 'FAMILY', 'MIGRATION_STATUS'];

const call = <T>(principal: Parameters<typeof callAs>[1], query: string, variables = {}) =>
  callAs<T>(sg, principal, query, variables);

const ADD = `mutation ($caseId: ID!, $text: String!) {
  addCaseNote(caseId: $caseId, text: $text) { id author text createdAt } }`;
const NOTES = 'query ($id: ID!) { case(id: $id) { id sharedSections notes { id author text createdAt } } }';
const SHARED = 'query ($id: ID!) { case(id: $id) { id sharedSections intakeStatement } }';

interface Note {
  id: string;
  author: string;
  text: string;
  createdAt: string;
}

async function openCase() {
  const body = await call<{ openCase: { id: string } }>(
    caseworkerA,
    'mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }',
    {
      input: {
        countryOfAssistance: 'GT',
        phase: 'RETURN',
        givenName: 'Lucía',
        birthDate: '1990-01-01',
        intakeStatement: 'Regresó deportada desde Texas.',
      },
    },
  );
  return body.data!.openCase.id;
}
const note = (caseId: string, text: string, principal = caseworkerA) =>
  call<{ addCaseNote: Note }>(principal, ADD, { caseId, text });
const countNotes = async () => (await sg.db.query<{ n: number }>('SELECT count(*) AS n FROM case_notes'))[0]!.n;

beforeAll(async () => {
  sg = await startTestSubgraph(casesSubgraph);
});
afterAll(() => sg?.close());

describe('case notes', () => {
  it('are appended by caseworkers of the owning organisation and read newest first, authored by subject', async () => {
    const caseId = await openCase();
    const first = await note(caseId, '  Primera llamada: pide albergue.  ');
    expect(first.errors).toBeUndefined();
    expect(first.data!.addCaseNote).toMatchObject({ author: 'cw-a', text: 'Primera llamada: pide albergue.' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await note(caseId, 'Cita con la abogada el lunes.', colleagueA);
    expect(second.data!.addCaseNote.author).toBe('cw-a2');

    const body = await call<{ case: { notes: Note[] } }>(caseworkerA, NOTES, { id: caseId });
    expect(body.data!.case.notes.map((n) => [n.author, n.text])).toEqual([
      ['cw-a2', 'Cita con la abogada el lunes.'],
      ['cw-a', 'Primera llamada: pide albergue.'],
    ]);
    const [event] = await sg.db.query<{ fields: string[]; record_type: string }>(
      `SELECT fields, record_type FROM audit_events WHERE $1 = ANY(record_ids) AND action = 'WRITE'`,
      [first.data!.addCaseNote.id],
    );
    expect(event).toEqual({ fields: ['addCaseNote', 'text'], record_type: 'CaseNote' });
    expect(JSON.stringify(await sg.db.query('SELECT * FROM audit_events'))).not.toContain('albergue');
  });

  it('refuse empty or oversize text naming the field, and write nothing', async () => {
    const caseId = await openCase();
    const before = await countNotes();
    for (const text of ['', '   ', 'x'.repeat(10_001)]) {
      const body = await note(caseId, text);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    }
    expect((await note(caseId, 'y'.repeat(10_000))).errors).toBeUndefined();
    expect(await countNotes()).toBe(before + 1);
  });

  it("answer another organisation's case exactly like a missing one", async () => {
    const caseId = await openCase();
    const foreign = await note(caseId, 'intruso', caseworkerB);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreign).toEqual(await note(randomUUID(), 'intruso', caseworkerB));
    expect(JSON.stringify(await sg.db.query('SELECT text FROM case_notes'))).not.toContain('intruso');
  });

  it('are refused on a closed case, and the store refuses to edit one', async () => {
    const caseId = await openCase();
    const id = (await note(caseId, 'Antes del cierre.')).data!.addCaseNote.id;
    await call(caseworkerA, 'mutation ($id: ID!) { closeCase(id: $id, reason: NEEDS_MET) { id } }', { id: caseId });
    expect((await note(caseId, 'Después.')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'caseId',
    });
    await expect(sg.db.query(`UPDATE case_notes SET text = 'reescrita' WHERE id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('leave nothing half-written when the audit append fails', async () => {
    const caseId = await openCase();
    const before = await countNotes();
    await sg.db.exec(`CREATE FUNCTION fail_writes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'WRITE' THEN RAISE EXCEPTION 'audit unavailable'; END IF; RETURN NEW; END; $$;
      CREATE TRIGGER fail_writes BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_writes();`);
    try {
      const body = await note(caseId, 'No debe quedar.');
      expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await countNotes()).toBe(before);
    } finally {
      await sg.db.exec('DROP TRIGGER fail_writes ON audit_events; DROP FUNCTION fail_writes();');
    }
  });
});

describe('who reads case notes', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await openCase();
    await note(caseId, 'Nota de trabajo confidencial.');
  });

  it('another organisation sees none, even with a consent to every section', async () => {
    await call(caseworkerA, 'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
      input: {
        caseId,
        organizationId: orgB,
        sections: ALL_SECTIONS,
        purpose: 'legal aid',
        validUntil: new Date(Date.now() + 86_400_000).toISOString(),
        givenHow: 'SIGNED',
      },
    });
    const body = await call<{ case: { sharedSections: string[]; notes: Note[] } }>(caseworkerB, NOTES, { id: caseId });
    expect(body.data!.case.sharedSections).toEqual([...ALL_SECTIONS].sort());
    expect(body.data!.case.notes).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('confidencial');
  });

  it('a consulate may not even ask for them, though it sees the case it was given', async () => {
    await call(caseworkerA, 'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
      input: {
        caseId,
        organizationId: consulate,
        sections: ['INTAKE_STATEMENT'],
        purpose: 'consular assistance',
        validUntil: new Date(Date.now() + 86_400_000).toISOString(),
        givenHow: 'SIGNED',
      },
    });
    const shared = await call<{ case: { intakeStatement: string } }>(consul, SHARED, { id: caseId });
    expect(shared.data!.case.intakeStatement).toBe('Regresó deportada desde Texas.');
    const body = await call(consul, NOTES, { id: caseId });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(body)).not.toContain('confidencial');
  });

  it('interpreters, auditors and enforcement: never; nor may they write one', async () => {
    for (const principal of [
      principalFor('interpreter', orgA, 'int'),
      principalFor('auditor', null, 'dpo'),
      principalFor('enforcement', null, 'enf'),
      principalFor('caseworker', orgA, 'cw-x', 'IMMIGRATION_ENFORCEMENT'),
    ]) {
      const read = await call(principal, NOTES, { id: caseId });
      expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(read)).not.toContain('confidencial');
      expect((await note(caseId, 'x', principal)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
