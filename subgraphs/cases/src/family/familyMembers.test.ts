import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph, principalFor } from '@amparo/kit';
import { casesSubgraph } from '../definition.js';
import { callAs, orgB, consulate, caseworkerA, caseworkerB, consul, inAYear } from '../testing/casesTestActors.js';

let sg: TestSubgraph;

const call = <T>(principal: Parameters<typeof callAs>[1], query: string, variables = {}) =>
  callAs<T>(sg, principal, query, variables);

const MEMBER = 'id relationship givenName familyName sex birthDate estimatedAge presumedMinor accompanying note';
const ADD = `mutation ($caseId: ID!, $input: FamilyMemberInput!) { addFamilyMember(caseId: $caseId, input: $input) { ${MEMBER} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateFamilyMemberInput!) { updateFamilyMember(id: $id, input: $input) { ${MEMBER} } }`;
const REMOVE = 'mutation ($id: ID!) { removeFamilyMember(id: $id) }';
const CASE = `query ($id: ID!) { case(id: $id) { id sharedSections familyMembers { ${MEMBER} } } }`;
const CONSENT = 'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }';
const REVOKE = 'mutation ($id: ID!) { revokeConsent(id: $id) { id } }';

interface Member {
  id: string;
  relationship: string;
  givenName: string | null;
  birthDate: string | null;
  estimatedAge: number | null;
  presumedMinor: boolean;
  accompanying: boolean;
  note: string | null;
}
interface SeenCase {
  case: { id: string; sharedSections: string[] | null; familyMembers: Member[] } | null;
}

const child = { relationship: 'CHILD', givenName: 'Ixchel', familyName: 'Pérez', sex: 'FEMALE', accompanying: true };

async function openCase() {
  const body = await call<{ openCase: { id: string } }>(
    caseworkerA,
    'mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }',
    {
      input: {
        countryOfAssistance: 'MX',
        phase: 'TRANSIT',
        givenName: 'Juana',
        birthDate: '1992-04-01',
        sex: 'FEMALE',
      },
    },
  );
  return body.data!.openCase.id;
}
async function add(caseId: string, input: Record<string, unknown>, principal = caseworkerA) {
  return call<{ addFamilyMember: Member }>(principal, ADD, { caseId, input });
}
async function consent(caseId: string, organizationId: string, sections: string[]) {
  const body = await call<{ recordConsent: { id: string } }>(caseworkerA, CONSENT, {
    input: {
      caseId,
      organizationId,
      sections,
      purpose: 'shelter placement',
      validUntil: inAYear(),
      givenHow: 'SIGNED',
    },
  });
  return body.data!.recordConsent.id;
}
const countMembers = async () => (await sg.db.query<{ n: number }>('SELECT count(*) AS n FROM family_members'))[0]!.n;

beforeAll(async () => {
  sg = await startTestSubgraph(casesSubgraph);
});
afterAll(() => sg?.close());

describe('family members on her case', () => {
  it('are recorded, changed and removed by the owning caseworker, each write audited without values', async () => {
    const caseId = await openCase();
    const added = await add(caseId, { ...child, birthDate: '2019-06-15', note: 'Viaja en brazos.' });
    expect(added.errors).toBeUndefined();
    const member = added.data!.addFamilyMember;
    expect(member).toMatchObject({
      relationship: 'CHILD',
      givenName: 'Ixchel',
      presumedMinor: true,
      accompanying: true,
    });

    const updated = await call<{ updateFamilyMember: Member }>(caseworkerA, UPDATE, {
      id: member.id,
      input: { accompanying: false, note: '  Se separaron en Tapachula.  ', givenName: null },
    });
    expect(updated.errors).toBeUndefined();
    // Omitted fields stay; null clears; the note is trimmed.
    expect(updated.data!.updateFamilyMember).toMatchObject({
      birthDate: '2019-06-15',
      accompanying: false,
      note: 'Se separaron en Tapachula.',
      givenName: null,
    });

    const seen = await call<SeenCase>(caseworkerA, CASE, { id: caseId });
    expect(seen.data!.case!.familyMembers.map((m) => m.id)).toEqual([member.id]);

    const removed = await call<{ removeFamilyMember: string }>(caseworkerA, REMOVE, { id: member.id });
    expect(removed).toEqual({ data: { removeFamilyMember: member.id } });
    expect((await call<SeenCase>(caseworkerA, CASE, { id: caseId })).data!.case!.familyMembers).toEqual([]);

    const events = await sg.db.query<{ fields: string[]; record_type: string }>(
      `SELECT fields, record_type FROM audit_events WHERE $1 = ANY(record_ids) AND action = 'WRITE' ORDER BY seq`,
      [member.id],
    );
    expect(events.map((e) => e.fields[0])).toEqual(['addFamilyMember', 'updateFamilyMember', 'removeFamilyMember']);
    expect(events.every((e) => e.record_type === 'FamilyMember')).toBe(true);
    const trail = JSON.stringify(await sg.db.query('SELECT * FROM audit_events'));
    for (const value of ['Ixchel', 'Tapachula', '2019-06-15']) expect(trail).not.toContain(value);
  });

  it('presume a minor with the same rule as hers: unknown age, an estimate under 20, or under 18', async () => {
    const caseId = await openCase();
    const cases: [Record<string, unknown>, boolean][] = [
      [{}, true],
      [{ estimatedAge: 19 }, true],
      [{ estimatedAge: 20 }, false],
      [{ birthDate: '2015-01-01' }, true],
      [{ birthDate: '1960-01-01', relationship: 'PARENT' }, false],
    ];
    for (const [input, presumed] of cases) {
      const body = await add(caseId, { ...child, ...input });
      expect(body.data?.addFamilyMember.presumedMinor, JSON.stringify(input)).toBe(presumed);
    }
  });

  it('refuse bad input naming the field, without echoing the value, and write nothing', async () => {
    const caseId = await openCase();
    const before = await countMembers();
    const bad: [Record<string, unknown>, string][] = [
      [{ birthDate: '2020-02-30' }, 'input.birthDate'],
      [{ birthDate: '2999-01-01' }, 'input.birthDate'],
      [{ estimatedAge: 130 }, 'input.estimatedAge'],
      [{ givenName: '   ' }, 'input.givenName'],
      [{ familyName: 'x'.repeat(201) }, 'input.familyName'],
      [{ note: 'n'.repeat(1001) }, 'input.note'],
      [{ note: '' }, 'input.note'],
    ];
    for (const [input, field] of bad) {
      const body = await add(caseId, { ...child, ...input });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(JSON.stringify(body)).not.toContain('Ixchel');
    }
    expect(await countMembers()).toBe(before);

    const member = (await add(caseId, child)).data!.addFamilyMember;
    for (const [input, field] of [
      [{}, 'input'],
      [{ relationship: null }, 'input.relationship'],
      [{ accompanying: null }, 'input.accompanying'],
      [{ sex: null }, 'input.sex'],
      // A valid first field and an invalid second one: nothing of the update is written.
      [{ accompanying: false, birthDate: '2020-13-01' }, 'input.birthDate'],
    ] as const) {
      const body = await call(caseworkerA, UPDATE, { id: member.id, input });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const [row] = await sg.db.query<{ accompanying: boolean; relationship: string }>(
      'SELECT accompanying, relationship FROM family_members WHERE id = $1',
      [member.id],
    );
    expect(row).toEqual({ accompanying: true, relationship: 'CHILD' });
  });

  it("answer another organisation's case or family member exactly like a missing one, changing nothing", async () => {
    const caseId = await openCase();
    const member = (await add(caseId, child)).data!.addFamilyMember;
    const foreignAdd = await add(caseId, child, caseworkerB);
    expect(foreignAdd.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreignAdd).toEqual(await add(randomUUID(), child, caseworkerB));
    expect(foreignAdd).toEqual(await add('not-an-id', child, caseworkerB));

    const foreignUpdate = await call(caseworkerB, UPDATE, { id: member.id, input: { accompanying: false } });
    expect(foreignUpdate.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreignUpdate).toEqual(
      await call(caseworkerB, UPDATE, { id: randomUUID(), input: { accompanying: false } }),
    );
    const foreignRemove = await call(caseworkerB, REMOVE, { id: member.id });
    expect(foreignRemove.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreignRemove).toEqual(await call(caseworkerB, REMOVE, { id: randomUUID() }));

    const [row] = await sg.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM family_members WHERE case_id = $1 AND accompanying',
      [caseId],
    );
    expect(row!.n).toBe(1);
  });

  it('are refused on a closed case', async () => {
    const caseId = await openCase();
    const member = (await add(caseId, child)).data!.addFamilyMember;
    await call(caseworkerA, 'mutation ($id: ID!) { closeCase(id: $id, reason: NEEDS_MET) { id } }', { id: caseId });
    expect((await add(caseId, child)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'caseId',
    });
    const removed = await call(caseworkerA, REMOVE, { id: member.id });
    expect(removed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('leave nothing half-written when the audit append fails', async () => {
    const caseId = await openCase();
    const before = await countMembers();
    await sg.db.exec(`CREATE FUNCTION fail_writes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'WRITE' THEN RAISE EXCEPTION 'audit unavailable'; END IF; RETURN NEW; END; $$;
      CREATE TRIGGER fail_writes BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_writes();`);
    try {
      const body = await add(caseId, child);
      expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(body)).not.toContain('audit unavailable');
      expect(await countMembers()).toBe(before);
    } finally {
      await sg.db.exec('DROP TRIGGER fail_writes ON audit_events; DROP FUNCTION fail_writes();');
    }
  });
});

describe('who sees family members', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await openCase();
    await add(caseId, { ...child, estimatedAge: 6 });
    await add(caseId, { relationship: 'PARTNER', givenName: 'Mateo', sex: 'MALE', accompanying: false });
  });

  it('the owning caseworker: all of them, oldest record first', async () => {
    const body = await call<SeenCase>(caseworkerA, CASE, { id: caseId });
    expect(body.data!.case!.sharedSections).toBeNull();
    expect(body.data!.case!.familyMembers.map((m) => m.givenName)).toEqual(['Ixchel', 'Mateo']);
  });

  it('another organisation: nothing without a consent, none without FAMILY, all of them with it', async () => {
    expect(await call(caseworkerB, CASE, { id: caseId })).toEqual({ data: { case: null } });

    const identityOnly = await consent(caseId, orgB, ['IDENTITY', 'INTAKE_STATEMENT']);
    const withoutFamily = await call<SeenCase>(caseworkerB, CASE, { id: caseId });
    expect(withoutFamily.data!.case).toMatchObject({ id: caseId, familyMembers: [] });

    const family = await consent(caseId, orgB, ['FAMILY']);
    const withFamily = await call<SeenCase>(caseworkerB, CASE, { id: caseId });
    expect(withFamily.data!.case!.sharedSections).toContain('FAMILY');
    expect(withFamily.data!.case!.familyMembers).toEqual([
      expect.objectContaining({ givenName: 'Ixchel', estimatedAge: 6, presumedMinor: true, accompanying: true }),
      expect.objectContaining({ givenName: 'Mateo', presumedMinor: true, accompanying: false }),
    ]);

    await call(caseworkerA, REVOKE, { id: family });
    expect((await call<SeenCase>(caseworkerB, CASE, { id: caseId })).data!.case!.familyMembers).toEqual([]);
    await call(caseworkerA, REVOKE, { id: identityOnly });
    expect(await call(caseworkerB, CASE, { id: caseId })).toEqual({ data: { case: null } });
  });

  it('another organisation cannot change them even while FAMILY is shared', async () => {
    await consent(caseId, orgB, ['FAMILY']);
    const [member] = (await call<SeenCase>(caseworkerB, CASE, { id: caseId })).data!.case!.familyMembers;
    const body = await call(caseworkerB, UPDATE, { id: member!.id, input: { note: 'cambio' } });
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(await sg.db.query('SELECT note FROM family_members'))).not.toContain('cambio');
  });

  it('a consulate: only through a consent that shares FAMILY', async () => {
    await consent(caseId, consulate, ['IDENTITY']);
    expect((await call<SeenCase>(consul, CASE, { id: caseId })).data!.case!.familyMembers).toEqual([]);
    await consent(caseId, consulate, ['FAMILY']);
    const seen = await call<SeenCase>(consul, CASE, { id: caseId });
    expect(seen.data!.case!.familyMembers.map((m) => m.givenName)).toEqual(['Ixchel', 'Mateo']);
    const write = await add(caseId, child, consul);
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('interpreters, auditors and enforcement: never, not even the field', async () => {
    await consent(caseId, orgB, ['FAMILY']);
    const enforcementOrg = principalFor('caseworker', orgB, 'cw-x', 'IMMIGRATION_ENFORCEMENT');
    for (const principal of [
      principalFor('interpreter', orgB, 'int'),
      principalFor('auditor', null, 'dpo'),
      principalFor('enforcement', null, 'enf'),
      enforcementOrg,
    ]) {
      const read = await call<SeenCase>(principal, CASE, { id: caseId });
      expect(read.data?.case ?? null).toBeNull();
      expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(read)).not.toContain('Ixchel');
      const write = await add(caseId, child, principal);
      expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
