import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROVIDER_ORGANIZATIONS, principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { casesSubgraph } from '../definition.js';
import { installCasesKeyring, keyringOf } from '../crypto/casesKeyring.js';
import { reencryptMigrationStatuses } from '../crypto/reencryptMigrationStatuses.js';
import { sealedKeyId } from '../crypto/sealMigrationStatus.js';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
let sg: TestSubgraph;
const orgA = DEMO_PROVIDER_ORGANIZATIONS[0]!.id;
const orgB = DEMO_PROVIDER_ORGANIZATIONS[1]!.id;
const caseworkerA = principalFor('caseworker', orgA, 'cw-a');
const caseworkerB = principalFor('caseworker', orgB, 'cw-b');

const FIELDS = 'id status givenName preferredName birthDate estimatedAge presumedMinor migrationStatus closureReason';
const OPEN = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateCaseInput!) { updateCase(id: $id, input: $input) { ${FIELDS} } }`;
const CLOSE = `mutation ($id: ID!) { closeCase(id: $id, reason: NEEDS_MET) { ${FIELDS} } }`;
const READ = `query ($id: ID!) { case(id: $id) { id migrationStatus } }`;

interface CaseOut {
  id: string;
  status: string;
  presumedMinor: boolean;
  migrationStatus: string | null;
  closureReason: string | null;
}

const intake = {
  countryOfAssistance: 'MX',
  phase: 'TRANSIT',
  givenName: 'Rosa Elena',
  preferredName: 'Rosa',
  sex: 'FEMALE',
  languages: ['mam', 'spa'],
  intakeStatement: 'Salió de Huehuetenango en marzo.',
  migrationStatus: 'ASYLUM_SEEKER',
};

async function open(input: Record<string, unknown> = intake, principal = caseworkerA) {
  const { body } = await sg.request<{ openCase: CaseOut }>(principal, OPEN, { input });
  return body;
}
const countRows = async (table: string) =>
  (await sg.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n;

beforeAll(async () => {
  process.env.CASES_ENCRYPTION_KEYS = `k1:${k1.key.toString('base64')}`;
  sg = await startTestSubgraph(casesSubgraph);
});
afterAll(() => sg?.close());

describe('migration status at rest', () => {
  it('is returned to the caseworker, yet a dump of the table does not reveal it', async () => {
    const body = await open();
    expect(body.errors).toBeUndefined();
    expect(body.data!.openCase).toMatchObject({ status: 'OPEN', migrationStatus: 'ASYLUM_SEEKER' });
    const dump = JSON.stringify(await sg.db.query('SELECT * FROM cases'));
    expect(dump).toContain('Rosa Elena');
    expect(dump).not.toMatch(/ASYLUM/i);
    const [row] = await sg.db.query<{ migration_status_sealed: string }>(
      'SELECT migration_status_sealed FROM cases WHERE id = $1',
      [body.data!.openCase.id],
    );
    expect(sealedKeyId(row!.migration_status_sealed)).toBe('k1');
  });

  it('keeps old records readable after a rotation, re-seals on write and with reencrypt', async () => {
    const a = (await open()).data!.openCase.id;
    const b = (await open({ ...intake, migrationStatus: 'REFUGEE' })).data!.openCase.id;
    const keyring = keyringOf([k2, k1]);
    installCasesKeyring(keyring);
    const read = await sg.request<{ case: { migrationStatus: string } }>(caseworkerA, READ, { id: b });
    expect(read.body.data!.case.migrationStatus).toBe('REFUGEE');

    await sg.request(caseworkerA, UPDATE, { id: a, input: { migrationStatus: 'IN_PROCESS' } });
    const sealedOf = async (id: string) =>
      (await sg.db.query<{ s: string }>('SELECT migration_status_sealed AS s FROM cases WHERE id = $1', [id]))[0]!.s;
    expect(sealedKeyId(await sealedOf(a))).toBe('k2');
    expect(sealedKeyId(await sealedOf(b))).toBe('k1');

    expect(await reencryptMigrationStatuses(sg.db, keyring, 1)).toBeGreaterThan(0);
    expect(sealedKeyId(await sealedOf(b))).toBe('k2');
    expect(await reencryptMigrationStatuses(sg.db, keyring)).toBe(0);
    // Now the old key can go.
    installCasesKeyring(keyringOf([k2]));
    const after = await sg.request<{ case: { migrationStatus: string } }>(caseworkerA, READ, { id: b });
    expect(after.body.data!.case.migrationStatus).toBe('REFUGEE');
  });

  it('is optional: a case opened without it has none', async () => {
    const { migrationStatus: _, ...withoutStatus } = intake;
    const body = await open(withoutStatus);
    expect(body.data!.openCase.migrationStatus).toBeNull();
  });
});

describe('openCase, updateCase, closeCase', () => {
  it('presumes a minor when her age is unknown or in doubt', async () => {
    const unknown = await open({ countryOfAssistance: 'GT', phase: 'ORIGIN' });
    expect(unknown.data!.openCase.presumedMinor).toBe(true);
    const doubt = await open({ countryOfAssistance: 'GT', phase: 'ORIGIN', estimatedAge: 19 });
    expect(doubt.data!.openCase.presumedMinor).toBe(true);
    const adult = await open({ countryOfAssistance: 'GT', phase: 'ORIGIN', birthDate: '1990-04-02' });
    expect(adult.data!.openCase.presumedMinor).toBe(false);
  });

  it('refuses bad input naming the field, without echoing the value, and writes nothing', async () => {
    const before = await countRows('cases');
    const cases: [Record<string, unknown>, string][] = [
      [{ birthDate: '2001-02-30' }, 'input.birthDate'],
      [{ birthDate: '2999-01-01' }, 'input.birthDate'],
      [{ countryOfAssistance: 'XX' }, 'input.countryOfAssistance'],
      [{ nationality: 'gt' }, 'input.nationality'],
      [{ languages: ['spanish'] }, 'input.languages'],
      [{ givenName: 'x'.repeat(201) }, 'input.givenName'],
      [{ intakeStatement: 'y'.repeat(20_001) }, 'input.intakeStatement'],
      [{ estimatedAge: 130 }, 'input.estimatedAge'],
    ];
    for (const [change, field] of cases) {
      const body = await open({ ...intake, ...change });
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(body.errors?.[0]?.message).not.toContain(String(Object.values(change)[0]).slice(0, 10));
    }
    expect(await countRows('cases')).toBe(before);
  });

  it('updates and closes; closing a closed case is an invalid transition', async () => {
    const id = (await open()).data!.openCase.id;
    const updated = await sg.request<{ updateCase: CaseOut & { preferredName: string } }>(caseworkerA, UPDATE, {
      id,
      input: { preferredName: 'Rosi', migrationStatus: null },
    });
    expect(updated.body.data!.updateCase).toMatchObject({ preferredName: 'Rosi', migrationStatus: null });
    const closed = await sg.request<{ closeCase: CaseOut }>(caseworkerA, CLOSE, { id });
    expect(closed.body.data!.closeCase).toMatchObject({ status: 'CLOSED', closureReason: 'NEEDS_MET' });
    const again = await sg.request(caseworkerA, CLOSE, { id });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(again.body.errors?.[0]?.message).toMatch(/invalid transition/);
    const edit = await sg.request(caseworkerA, UPDATE, { id, input: { preferredName: 'R' } });
    expect(edit.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it("answers another organisation's case exactly like a missing one", async () => {
    const id = (await open()).data!.openCase.id;
    for (const [query, variables] of [
      [CLOSE, {}],
      [UPDATE, { input: { preferredName: 'X' } }],
    ] as const) {
      const foreign = await sg.request(caseworkerB, query, { ...variables, id });
      const missing = await sg.request(caseworkerB, query, { ...variables, id: randomUUID() });
      expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(foreign).toEqual(missing);
    }
    const read = await sg.request<{ case: CaseOut }>(caseworkerA, READ, { id });
    expect(read.body.data!.case).toMatchObject({ id });
  });

  it('refuses every role but caseworker, and enforcement, before anything is written', async () => {
    const before = await countRows('cases');
    const enforcementOrg = principalFor('caseworker', orgA, 'cw', 'IMMIGRATION_ENFORCEMENT');
    for (const principal of [
      enforcementOrg,
      ...(['public', 'enforcement', 'consular', 'interpreter', 'auditor', 'admin', 'migrant'] as const).map((r) =>
        principalFor(r, orgA),
      ),
    ]) {
      const body = await open(intake, principal);
      expect(body.data ?? null).toBeNull();
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(body.errors?.[0]?.extensions?.code);
    }
    expect(await countRows('cases')).toBe(before);
  });

  it('appends one WRITE audit event per mutation, naming fields but never values', async () => {
    const id = (await open()).data!.openCase.id;
    const events = await sg.db.query<{ action: string; fields: string[]; organization_id: string; role: string }>(
      `SELECT action, fields, organization_id, role FROM audit_events WHERE $1 = ANY(record_ids) AND action = 'WRITE'`,
      [id],
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ organization_id: orgA, role: 'caseworker' });
    expect(events[0]!.fields).toContain('migrationStatus');
    expect(JSON.stringify(await sg.db.query('SELECT * FROM audit_events'))).not.toContain('Rosa');
  });

  it('leaves nothing half-written when the audit append fails', async () => {
    await sg.db.exec(`CREATE FUNCTION fail_writes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'WRITE' THEN RAISE EXCEPTION 'audit unavailable'; END IF; RETURN NEW; END; $$;
      CREATE TRIGGER fail_writes BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_writes();`);
    try {
      const before = await countRows('cases');
      const body = await open();
      expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(body)).not.toContain('audit unavailable');
      expect(await countRows('cases')).toBe(before);
    } finally {
      await sg.db.exec('DROP TRIGGER fail_writes ON audit_events; DROP FUNCTION fail_writes();');
    }
  });
});

describe('recordIncident', () => {
  const RECORD =
    'mutation ($id: ID!, $input: RecordIncidentInput!) { recordIncident(caseId: $id, input: $input) { id } }';

  it('refuses impossible or reversed dates and unknown countries, naming the field', async () => {
    const id = (await open()).data!.openCase.id;
    for (const [input, field] of [
      [{ occurredFrom: '2025-13-01' }, 'input.occurredFrom'],
      [{ occurredFrom: '2025-05-02', occurredTo: '2025-05-01' }, 'input.occurredTo'],
      [{ country: 'ZZ' }, 'input.country'],
    ] as const) {
      const { body } = await sg.request(caseworkerA, RECORD, { id, input: { violenceType: 'SEXUAL', ...input } });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const foreign = await sg.request(caseworkerB, RECORD, { id, input: { violenceType: 'SEXUAL' } });
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await countRows('incidents')).toBe(0);
  });
});
