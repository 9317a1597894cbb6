import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFederation, type Federation } from '../src/index.js';

/**
 * A shelter's confidential location crosses two subgraphs: services holds it,
 * cases knows which organisations have an accepted referral to it. The
 * gateway plans `confidentialLocation @requires(viewerHasAcceptedReferral)`
 * through cases first; only a caseworker of such an organisation sees it.
 */
let federation: Federation;
let serviceId: string;
let referringOrg: string;
let otherOrg: string;

const QUERY = `query ($id: ID!) { service(id: $id) { id city latitude confidentialLocation { city latitude longitude } } }`;
interface Answer {
  service: {
    city: string | null;
    latitude: number | null;
    confidentialLocation: { city: string | null; latitude: number | null } | null;
  };
}

beforeAll(async () => {
  federation = await startFederation({ seedScale: 0.2 });
  const services = federation.subgraphs.get('services')?.db;
  const cases = federation.subgraphs.get('cases')?.db;
  const confidential = new Set(
    ((await services?.query<{ id: string }>('SELECT id FROM services WHERE confidential_location')) ?? []).map(
      (r) => r.id,
    ),
  );
  const accepted =
    (await cases?.query<{ service_id: string; organization_id: string }>(
      `SELECT DISTINCT r.service_id, c.organization_id FROM referrals r JOIN cases c ON c.id = r.case_id
     WHERE r.status IN ('ACCEPTED', 'COMPLETED')`,
    )) ?? [];
  const pair = accepted.find((r) => confidential.has(r.service_id));
  if (!pair) throw new Error('the seed holds no accepted referral to a confidential shelter');
  serviceId = pair.service_id;
  referringOrg = pair.organization_id;
  const orgsWithReferral = new Set(accepted.filter((r) => r.service_id === serviceId).map((r) => r.organization_id));
  const owners = (await cases?.query<{ organization_id: string }>('SELECT DISTINCT organization_id FROM cases')) ?? [];
  const other = owners.map((r) => r.organization_id).find((o) => !orgsWithReferral.has(o));
  if (!other) throw new Error('the seed holds no organisation without a referral to that shelter');
  otherOrg = other;
});
afterAll(() => federation?.close());

describe('confidential shelter locations', () => {
  it('shows the exact location to a caseworker whose organisation has an accepted referral to the shelter', async () => {
    const token = await federation.tokenFor('caseworker', { org: referringOrg, orgKind: 'NGO' });
    const { body } = await federation.query<Answer>(QUERY, { id: serviceId }, { token });
    expect(body.errors).toBeUndefined();
    expect(body.data?.service.city).toBeNull();
    expect(body.data?.service.confidentialLocation?.city).toBeTruthy();
    expect(body.data?.service.confidentialLocation?.latitude).not.toBeNull();
  });

  it('hides it from a caseworker of another organisation', async () => {
    const token = await federation.tokenFor('caseworker', { org: otherOrg, orgKind: 'NGO' });
    const { body } = await federation.query<Answer>(QUERY, { id: serviceId }, { token });
    expect(body.errors).toBeUndefined();
    expect(body.data?.service.confidentialLocation).toBeNull();
  });

  it('does not exist for the public or for enforcement', async () => {
    for (const token of [undefined, await federation.tokenFor('enforcement')]) {
      const { body } = await federation.query(QUERY, { id: serviceId }, { token });
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.message).toBe('Cannot query field "confidentialLocation" on type "Service".');
    }
  });
});
