import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, principalFor, startTestSubgraph, verifyAuditChain, type TestSubgraph } from '@amparo/kit';
import { servicesSubgraph } from '../definition.js';

let sg: TestSubgraph;
const [ownerOrg, otherOrg] = DEMO_ORGANIZATIONS.filter((o) => o.kind === 'SHELTER');
const enforcementOrg = DEMO_ORGANIZATIONS.find((o) => o.kind === 'IMMIGRATION_ENFORCEMENT')!;
const owner = principalFor('caseworker', ownerOrg!.id, 'owner-1', 'SHELTER');
const ownerColleague = principalFor('caseworker', ownerOrg!.id, 'owner-2', 'SHELTER');
const stranger = principalFor('caseworker', otherOrg!.id, 'stranger', 'SHELTER');
const admin = principalFor('admin', null, 'admin-1');

beforeAll(async () => {
  sg = await startTestSubgraph(servicesSubgraph, { seed: true, seedScale: 0.05 });
});
afterAll(() => sg?.close());

const CREATE = `mutation ($input: CreateServiceInput!) {
  createService(input: $input) { id name version organization { id } status locationIsConfidential latitude contacts { kind value } }
}`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateServiceInput!) {
  updateService(id: $id, expectedVersion: $v, input: $input) { id name description version categories openingHours { weekday opens closes } }
}`;
const DEACTIVATE = `mutation ($id: ID!, $v: Int!) { deactivateService(id: $id, expectedVersion: $v) { id status version } }`;

const valid = {
  name: 'Casa de Acogida Prueba',
  description: 'Acogida para mujeres migrantes.',
  categories: ['SHELTER'],
  phases: ['TRANSIT'],
  country: 'GT',
  area: 'Huehuetenango',
  city: 'La Mesilla',
  latitude: 15.6317,
  longitude: -91.8292,
  languages: ['spa', 'mam'],
  timeZone: 'America/Guatemala',
  contacts: [{ kind: 'WHATSAPP', value: '+502 5555 1234' }],
  openingHours: [{ weekday: 1, opens: '08:00', closes: '16:00' }],
  translations: [{ language: 'en', name: 'Test shelter' }],
};

interface Created {
  createService: { id: string; version: number; name: string; organization: { id: string } };
}

async function create(input: Record<string, unknown> = {}, as = owner) {
  const { body } = await sg.request<Created>(as, CREATE, { input: { ...valid, ...input } });
  expect(body.errors).toBeUndefined();
  return body.data!.createService;
}

const auditRows = async (id: string) =>
  sg.db.query<{ action: string; principal_sub: string; fields: string[] }>(
    `SELECT action, principal_sub, fields FROM audit_events WHERE $1 = ANY(record_ids) ORDER BY seq`,
    [id],
  );

describe('createService', () => {
  it('creates a service for the caseworker’s own organisation, audited as a WRITE', async () => {
    const s = await create();
    expect(s).toMatchObject({ name: 'Casa de Acogida Prueba', version: 1, organization: { id: ownerOrg!.id } });
    const audit = await auditRows(s.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'WRITE', principal_sub: 'owner-1' });
    expect(audit[0]!.fields).toContain('name');
    expect((await verifyAuditChain(sg.db)).valid).toBe(true);
  });

  it('lets an admin create for any organisation, refuses a caseworker creating for another one', async () => {
    const s = await create({ organizationId: otherOrg!.id }, admin);
    expect(s.organization.id).toBe(otherOrg!.id);
    const { body } = await sg.request(owner, CREATE, { input: { ...valid, organizationId: otherOrg!.id } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses anonymous callers and enforcement bodies, writing nothing', async () => {
    const before = await sg.db.query<{ n: number }>('SELECT count(*) AS n FROM services');
    const anonymous = await sg.request(principalFor('public'), CREATE, { input: valid });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    const officer = principalFor('enforcement', enforcementOrg.id, 'officer', 'IMMIGRATION_ENFORCEMENT');
    const refused = await sg.request(officer, CREATE, { input: valid });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Even a staff role in an enforcement body cannot publish a fake shelter.
    const disguised = principalFor('caseworker', enforcementOrg.id, 'disguised', 'IMMIGRATION_ENFORCEMENT');
    const alsoRefused = await sg.request(disguised, CREATE, { input: valid });
    expect(alsoRefused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await sg.db.query<{ n: number }>('SELECT count(*) AS n FROM services')).toEqual(before);
  });

  it('names the offending field of invalid input and writes nothing', async () => {
    const before = await sg.db.query<{ n: number; a: number }>(
      'SELECT (SELECT count(*) FROM services) AS n, (SELECT count(*) FROM audit_events) AS a',
    );
    const checks: [Record<string, unknown>, string][] = [
      [{ name: '   ' }, 'input.name'],
      [{ country: 'Guatemala' }, 'input.country'],
      [{ categories: [] }, 'input.categories'],
      [{ languages: ['spa', 'Mam'] }, 'input.languages[1]'],
      [{ latitude: 95 }, 'input.latitude'],
      [
        {
          longitude: null,
          latitude: null,
          area: null,
          city: null,
          address: null,
          description: null,
          categories: ['FOOD'],
          timeZone: 'Mars/Olympus',
        },
        'input.timeZone',
      ],
      [{ contacts: [{ kind: 'EMAIL', value: 'not-an-address' }] }, 'input.contacts[0].value'],
      [{ openingHours: [{ weekday: 8, opens: '08:00', closes: '09:00' }] }, 'input.openingHours[0].weekday'],
      [{ openingHours: [{ weekday: 2, opens: '18:00', closes: '09:00' }] }, 'input.openingHours[0].closes'],
      [{ translations: [{ language: 'english!', name: 'x' }] }, 'input.translations[0].language'],
      [{ lastVerifiedOn: '2026-02-30' }, 'input.lastVerifiedOn'],
      [{ locationIsConfidential: true, contacts: [] }, 'input.contacts'],
    ];
    for (const [input, field] of checks) {
      const { body } = await sg.request(owner, CREATE, { input: { ...valid, ...input } });
      expect(body.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(
      await sg.db.query('SELECT (SELECT count(*) FROM services) AS n, (SELECT count(*) FROM audit_events) AS a'),
    ).toEqual(before);
  });
});

describe('updateService and deactivateService', () => {
  it('updates with the current version, replacing lists and side tables, and bumps the version', async () => {
    const s = await create();
    const { body } = await sg.request<{
      updateService: { version: number; name: string; categories: string[]; openingHours: unknown[] };
    }>(ownerColleague, UPDATE, {
      id: s.id,
      v: 1,
      input: {
        name: 'Casa renombrada',
        categories: ['SHELTER', 'FOOD'],
        openingHours: [{ weekday: 6, opens: '09:00', closes: '12:00' }],
      },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.updateService).toMatchObject({
      version: 2,
      name: 'Casa renombrada',
      categories: ['SHELTER', 'FOOD'],
      openingHours: [{ weekday: 6, opens: '09:00', closes: '12:00' }],
    });
    const [row] = await sg.db.query<{ search_text: string }>('SELECT search_text FROM services WHERE id = $1', [s.id]);
    expect(row!.search_text).toContain('casa renombrada');
    expect((await auditRows(s.id)).map((a) => a.action)).toEqual(['WRITE', 'WRITE']);
  });

  it('refuses a stale version with reason STALE_VERSION and writes nothing', async () => {
    const s = await create();
    await sg.request(owner, UPDATE, { id: s.id, v: 1, input: { name: 'Primera' } });
    const { body } = await sg.request(owner, UPDATE, { id: s.id, v: 1, input: { name: 'Perdida', translations: [] } });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'STALE_VERSION',
      field: 'expectedVersion',
    });
    const [row] = await sg.db.query<{ name: string; version: number; t: number }>(
      'SELECT name, version, (SELECT count(*) FROM service_translations WHERE service_id = $1) AS t FROM services WHERE id = $1',
      [s.id],
    );
    expect(row).toEqual({ name: 'Primera', version: 2, t: 1 });
    expect(await auditRows(s.id)).toHaveLength(2);
  });

  it('of concurrent updates with the same expected version, exactly one wins', async () => {
    const s = await create();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        sg.request(i % 2 ? owner : ownerColleague, UPDATE, { id: s.id, v: 1, input: { name: `Versión ${i}` } }),
      ),
    );
    const winners = results.filter((r) => !r.body.errors);
    const losers = results.filter((r) => r.body.errors?.[0]?.extensions?.reason === 'STALE_VERSION');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(5);
    const [row] = await sg.db.query<{ name: string; version: number }>(
      'SELECT name, version FROM services WHERE id = $1',
      [s.id],
    );
    expect(row!.version).toBe(2);
    expect(row!.name).toBe((winners[0]!.body.data as { updateService: { name: string } }).updateService.name);
    expect(await auditRows(s.id)).toHaveLength(2);
  });

  it('refuses staff of another organisation, and answers NOT_FOUND for an unknown id', async () => {
    const s = await create();
    const other = await sg.request(stranger, UPDATE, { id: s.id, v: 1, input: { name: 'Ajena' } });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const missing = await sg.request(owner, UPDATE, {
      id: '00000000-0000-4000-8000-000000000000',
      v: 1,
      input: { name: 'x' },
    });
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const empty = await sg.request(owner, UPDATE, { id: s.id, v: 1, input: {} });
    expect(empty.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  });

  it('deactivates under the same version guard; an admin may deactivate any service', async () => {
    const s = await create();
    const stale = await sg.request(admin, DEACTIVATE, { id: s.id, v: 7 });
    expect(stale.body.errors?.[0]?.extensions?.reason).toBe('STALE_VERSION');
    const { body } = await sg.request<{ deactivateService: { status: string; version: number } }>(admin, DEACTIVATE, {
      id: s.id,
      v: 1,
    });
    expect(body.data!.deactivateService).toEqual({ id: s.id, status: 'INACTIVE', version: 2 });
  });
});
