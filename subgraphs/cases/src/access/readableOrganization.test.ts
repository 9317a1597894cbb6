import { describe, expect, it } from 'vitest';
import { DEMO_PROVIDER_ORGANIZATIONS, principalFor } from '@amparo/kit';
import { ROLES } from '@amparo/schema';
import { readableOrganization } from './readableOrganization.js';

const org = DEMO_PROVIDER_ORGANIZATIONS[0]!.id;

describe('readableOrganization', () => {
  it("gives a caseworker her own organisation's cases", () => {
    expect(readableOrganization(principalFor('caseworker', org))).toBe(org);
  });

  it('gives every other role nothing, even with an organisation and the cases:read scope', () => {
    for (const role of ROLES.filter((r) => r !== 'caseworker')) {
      const principal = { ...principalFor(role, org), scopes: [...principalFor(role).scopes, 'cases:read' as const] };
      expect(readableOrganization(principal)).toBeNull();
    }
  });

  it('gives nothing to a caseworker of an immigration-enforcement organisation', () => {
    expect(readableOrganization(principalFor('caseworker', org, 'cw', 'IMMIGRATION_ENFORCEMENT'))).toBeNull();
  });

  it('gives nothing to a caseworker without an organisation or without the scope', () => {
    expect(readableOrganization(principalFor('caseworker'))).toBeNull();
    expect(readableOrganization(principalFor('caseworker', 'not-a-uuid'))).toBeNull();
    expect(readableOrganization({ ...principalFor('caseworker', org), scopes: ['catalogue:read'] })).toBeNull();
  });
});
