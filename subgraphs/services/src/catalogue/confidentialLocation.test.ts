import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { servicesSubgraph } from '../definition.js';

let sg: TestSubgraph;
const shelter = DEMO_ORGANIZATIONS.find((o) => o.kind === 'SHELTER')!;
const ngo = DEMO_ORGANIZATIONS.find((o) => o.kind === 'NGO')!;
const enforcementOrg = DEMO_ORGANIZATIONS.find((o) => o.kind === 'IMMIGRATION_ENFORCEMENT')!;
const shelterStaff = principalFor('caseworker', shelter.id, 'shelter-staff', 'SHELTER');
const referrer = principalFor('caseworker', ngo.id, 'ngo-staff', 'NGO');
let hidden = '';
let open = '';

const CREATE = `mutation ($input: CreateServiceInput!) { createService(input: $input) { id latitude city address area } }`;
const place = {
  categories: ['SHELTER'],
  phases: ['TRANSIT'],
  country: 'MX',
  area: 'Chiapas',
  city: 'Tapachula',
  address: 'Calle Secreta 12',
  latitude: 14.9039,
  longitude: -92.2575,
  languages: ['spa'],
  timeZone: 'America/Mexico_City',
  contacts: [{ kind: 'PHONE', value: '+52 962 000 0000' }],
};

beforeAll(async () => {
  sg = await startTestSubgraph(servicesSubgraph);
  for (const o of [shelter, ngo, enforcementOrg])
    await sg.db.query('INSERT INTO organizations (id, name, kind, country) VALUES ($1, $2, $3, $4)', [
      o.id,
      o.name,
      o.kind,
      'MX',
    ]);
  const a = await sg.request<{
    createService: { id: string; latitude: number | null; city: string | null; address: string | null; area: string };
  }>(shelterStaff, CREATE, { input: { ...place, name: 'Casa Refugio', locationIsConfidential: true } });
  expect(a.body.data!.createService).toMatchObject({ latitude: null, city: null, address: null, area: 'Chiapas' });
  hidden = a.body.data!.createService.id;
  const b = await sg.request<{ createService: { id: string } }>(shelterStaff, CREATE, {
    input: { ...place, name: 'Comedor' },
  });
  open = b.body.data!.createService.id;
});
afterAll(() => sg?.close());

const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) {
  ... on Service { id area city latitude confidentialLocation { area city address latitude longitude } } } }`;
interface Located {
  _entities: ({
    id: string;
    city: string | null;
    latitude: number | null;
    confidentialLocation: { address: string | null; latitude: number | null } | null;
  } | null)[];
}
const rep = (id: string, accepted: boolean) => ({ __typename: 'Service', id, viewerHasAcceptedReferral: accepted });

describe('confidential locations', () => {
  it('shows the address only to staff whose organisation has an accepted referral', async () => {
    const { body } = await sg.request<Located>(referrer, ENTITIES, { r: [rep(hidden, true), rep(hidden, false)] });
    expect(body.errors).toBeUndefined();
    const [accepted, notAccepted] = body.data!._entities;
    expect(accepted).toMatchObject({
      city: null,
      latitude: null,
      confidentialLocation: { address: 'Calle Secreta 12', latitude: 14.9039 },
    });
    expect(notAccepted).toMatchObject({ city: null, latitude: null, confidentialLocation: null });
  });

  it('answers the public location of an ordinary service whatever the referral', async () => {
    const { body } = await sg.request<Located>(referrer, ENTITIES, { r: [rep(open, false)] });
    expect(body.data!._entities[0]).toMatchObject({
      city: 'Tapachula',
      confidentialLocation: { address: 'Calle Secreta 12' },
    });
  });

  it('is refused to the public and to enforcement, even with a forged representation', async () => {
    for (const who of [
      principalFor('public'),
      principalFor('enforcement', enforcementOrg.id, 'officer', 'IMMIGRATION_ENFORCEMENT'),
    ]) {
      const { body } = await sg.request<Located>(who, ENTITIES, { r: [rep(hidden, true)] });
      expect(JSON.stringify(body.data ?? null)).not.toContain('Calle Secreta');
      expect(body.errors?.length).toBeGreaterThan(0);
    }
    const disguised = principalFor('caseworker', enforcementOrg.id, 'disguised', 'IMMIGRATION_ENFORCEMENT');
    const { body } = await sg.request<Located>(disguised, ENTITIES, { r: [rep(hidden, true)] });
    expect(JSON.stringify(body.data ?? null)).not.toContain('Calle Secreta');
  });

  it('records each read of a location in the audit trail', async () => {
    const reads = await sg.db.query<{ role: string; record_ids: string[]; fields: string[] }>(
      `SELECT role, record_ids, fields FROM audit_events WHERE action = 'READ' AND principal_sub = 'ngo-staff'`,
    );
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.some((r) => r.record_ids.includes(hidden) && r.fields.includes('confidentialLocation'))).toBe(true);
  });
});
