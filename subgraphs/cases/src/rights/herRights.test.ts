import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROVIDER_ORGANIZATIONS, principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { ConfigError } from '@amparo/schema';
import { casesSubgraph } from '../definition.js';
import { purgeExpiredCases } from './purgeExpiredCases.js';
import { loadRetentionDays } from './retentionConfig.js';

let sg: TestSubgraph;
const orgA = DEMO_PROVIDER_ORGANIZATIONS[0]!.id;
const orgB = DEMO_PROVIDER_ORGANIZATIONS[1]!.id;
const caseworkerA = principalFor('caseworker', orgA, 'cw-a');
const caseworkerB = principalFor('caseworker', orgB, 'cw-b');
const STATEMENT = 'Viajó con su hija de seis años desde San Marcos.';

type Res<T> = { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
const call = async <T>(principal: ReturnType<typeof principalFor>, query: string, variables = {}) =>
  (await sg.request<T>(principal, query, variables)).body as Res<T>;

async function openCase(input: Record<string, unknown> = {}) {
  const body = await call<{ openCase: { id: string } }>(
    caseworkerA,
    'mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }',
    {
      input: {
        countryOfAssistance: 'MX',
        phase: 'DESTINATION',
        sex: 'FEMALE',
        givenName: 'Marta',
        familyName: 'López Pérez',
        birthDate: '1994-03-10',
        nationality: 'GT',
        languages: ['mam'],
        intakeStatement: STATEMENT,
        migrationStatus: 'IN_PROCESS',
        genderIdentity: 'mujer',
        vulnerabilities: ['GBV_SURVIVOR', 'INDIGENOUS'],
        needs: ['SHELTER', 'LEGAL_AID'],
        ...input,
      },
    },
  );
  return body.data!.openCase.id;
}
const row = async (id: string) =>
  (await sg.db.query<Record<string, unknown>>('SELECT * FROM cases WHERE id = $1', [id]))[0]!;
const EXPORT = 'query ($id: ID!) { exportCaseData(caseId: $id) }';
const ADD_CHILD = `mutation ($id: ID!) { addFamilyMember(caseId: $id, input: { relationship: CHILD, givenName: "Ixchel",
  birthDate: "2020-09-09", accompanying: true, note: "Nació en Tapachula." }) { id } }`;
const ADD_NOTE = 'mutation ($id: ID!) { addCaseNote(caseId: $id, text: "Teme que la encuentre su expareja.") { id } }';
/** Her family members and the case's notes, the rows erasure must delete. */
const familyAndNotes = async (id: string) =>
  (
    await sg.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM family_members WHERE case_id = $1)
         + (SELECT count(*) FROM case_notes WHERE case_id = $1) AS n`,
      [id],
    )
  )[0]!.n;
const ERASE = 'mutation ($id: ID!) { eraseCase(id: $id) { id status erasedAt ageGroup givenName referenceCode } }';

beforeAll(async () => {
  sg = await startTestSubgraph(casesSubgraph);
});
afterAll(() => sg?.close());

describe('her data export', () => {
  it('gives the owning caseworker everything recorded, the migration status included', async () => {
    const id = await openCase();
    await call(caseworkerA, 'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
      input: {
        caseId: id,
        organizationId: orgB,
        sections: ['IDENTITY'],
        purpose: 'legal aid',
        validUntil: new Date(Date.now() + 86_400_000).toISOString(),
        givenHow: 'SIGNED',
      },
    });
    await call(
      caseworkerA,
      'mutation ($id: ID!, $input: RecordIncidentInput!) { recordIncident(caseId: $id, input: $input) { id } }',
      { id, input: { violenceType: 'PHYSICAL', phase: 'ORIGIN', country: 'GT', occurredFrom: '2025-02-01' } },
    );
    await call(caseworkerA, ADD_CHILD, { id });
    await call(caseworkerA, ADD_NOTE, { id });
    const body = await call<{ exportCaseData: string }>(caseworkerA, EXPORT, { id });
    const exported = JSON.parse(body.data!.exportCaseData) as {
      case: Record<string, unknown>;
      consents: { purpose: string }[];
      incidents: { violenceType: string; occurredFrom: string }[];
      familyMembers: Record<string, unknown>[];
      notes: Record<string, unknown>[];
    };
    expect(exported.familyMembers).toEqual([
      expect.objectContaining({
        relationship: 'CHILD',
        givenName: 'Ixchel',
        presumedMinor: true,
        note: 'Nació en Tapachula.',
      }),
    ]);
    expect(exported.notes).toEqual([
      expect.objectContaining({ author: 'cw-a', text: 'Teme que la encuentre su expareja.' }),
    ]);
    expect(exported.case.assignedCaseworkers).toEqual(['cw-a']);
    expect(exported.incidents).toEqual([
      expect.objectContaining({ violenceType: 'PHYSICAL', occurredFrom: '2025-02-01' }),
    ]);
    expect(exported.case).toMatchObject({
      id,
      givenName: 'Marta',
      intakeStatement: STATEMENT,
      migrationStatus: 'IN_PROCESS',
      languages: ['mam'],
    });
    expect(exported.case).not.toHaveProperty('migrationStatusSealed');
    expect(exported.consents).toEqual([expect.objectContaining({ purpose: 'legal aid' })]);
    const [event] = await sg.db.query<{ fields: string[] }>(
      `SELECT fields FROM audit_events WHERE $1 = ANY(record_ids) AND 'exportCaseData' = ANY(fields)`,
      [id],
    );
    expect(event).toBeDefined();
  });

  it('answers any other organisation, even one holding a consent, like a missing case', async () => {
    const id = await openCase();
    const foreign = await call(caseworkerB, EXPORT, { id });
    expect(foreign).toEqual({ data: { exportCaseData: null } });
    expect(await call(caseworkerA, EXPORT, { id: randomUUID() })).toEqual(foreign);
  });
});

describe('erasure', () => {
  it('removes personal data, keeps what statistics need, and cannot be done twice', async () => {
    const id = await openCase();
    await call(caseworkerA, ADD_CHILD, { id });
    await call(caseworkerA, ADD_NOTE, { id });
    expect(await familyAndNotes(id)).toBe(2);
    const before = await row(id);
    const body = await call<{ eraseCase: Record<string, unknown> }>(caseworkerA, ERASE, { id });
    expect(body.data!.eraseCase).toMatchObject({ status: 'CLOSED', ageGroup: '25-34', givenName: null });
    expect(body.data!.eraseCase.erasedAt).not.toBeNull();
    expect(body.data!.eraseCase.referenceCode).not.toBe(before.reference_code);
    const after = await row(id);
    expect(after).toMatchObject({
      country_of_assistance: 'MX',
      phase: 'DESTINATION',
      sex: 'FEMALE',
      age_group: '25-34',
      given_name: null,
      family_name: null,
      birth_date: null,
      nationality: null,
      languages: [],
      intake_statement: null,
      migration_status_sealed: null,
      gender_identity: null,
      vulnerabilities: [],
      needs: ['LEGAL_AID', 'SHELTER'],
    });
    // Family members and working notes go entirely: nothing in them is needed for statistics.
    expect(await familyAndNotes(id)).toBe(0);
    const dump = JSON.stringify(after);
    for (const personal of ['Marta', 'López', '1994', 'mam', 'San Marcos']) expect(dump).not.toContain(personal);
    const again = await call(caseworkerA, ERASE, { id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it("is refused on another organisation's case exactly like a missing one", async () => {
    const id = await openCase();
    const foreign = await call(caseworkerB, ERASE, { id });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreign).toEqual(await call(caseworkerB, ERASE, { id: randomUUID() }));
    expect((await row(id)).given_name).toBe('Marta');
  });
});

describe('retention', () => {
  it('purges personal data of cases closed longer ago than the retention period, and only those', async () => {
    const old = await openCase({ birthDate: null, estimatedAge: 15 });
    const recent = await openCase();
    const open = await openCase();
    for (const id of [old, recent]) {
      await call(caseworkerA, ADD_CHILD, { id });
      await call(caseworkerA, ADD_NOTE, { id });
      await call(caseworkerA, 'mutation ($id: ID!) { closeCase(id: $id, reason: NEEDS_MET) { id } }', { id });
    }
    await sg.db.query(`UPDATE cases SET closed_at = now() - interval '400 days' WHERE id = $1`, [old]);
    expect(await purgeExpiredCases(sg.db, 365)).toBe(1);
    expect(await row(old)).toMatchObject({ given_name: null, intake_statement: null, age_group: '12-17' });
    expect((await row(old)).erased_at).not.toBeNull();
    expect(await familyAndNotes(old)).toBe(0);
    expect((await row(recent)).given_name).toBe('Marta');
    expect(await familyAndNotes(recent)).toBe(2);
    expect((await row(open)).given_name).toBe('Marta');
    expect(await purgeExpiredCases(sg.db, 365)).toBe(0);
    const [event] = await sg.db.query<{ principal_sub: string }>(
      `SELECT principal_sub FROM audit_events WHERE $1 = ANY(record_ids) AND principal_sub = 'system:retention'`,
      [old],
    );
    expect(event).toBeDefined();
  });

  it('reads CASES_RETENTION_DAYS, 365 by default, refusing nonsense with one line', () => {
    expect(loadRetentionDays({})).toBe(365);
    expect(loadRetentionDays({ CASES_RETENTION_DAYS: '30' })).toBe(30);
    expect(() => loadRetentionDays({ CASES_RETENTION_DAYS: 'soon' })).toThrow(ConfigError);
    expect(() => loadRetentionDays({ CASES_RETENTION_DAYS: '0' })).toThrow(/^CASES_RETENTION_DAYS: /);
  });
});
