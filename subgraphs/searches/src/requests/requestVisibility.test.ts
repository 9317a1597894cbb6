import { describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, principalFor } from '@amparo/kit';
import { requestVisibility } from './requestVisibility.js';

const org = DEMO_ORGANIZATIONS[0]!.id;

describe('search request visibility', () => {
  it('limits a family member to her own requests and staff to their organisation', () => {
    expect(requestVisibility(principalFor('family', null, 'demo-family-1'))).toEqual({
      column: 'requester_sub',
      value: 'demo-family-1',
    });
    expect(requestVisibility(principalFor('caseworker', org))).toEqual({
      column: 'handling_organization_id',
      value: org,
    });
    expect(requestVisibility(principalFor('consular', org))).toEqual({
      column: 'handling_organization_id',
      value: org,
      partners: true,
    });
  });

  it('gives nothing to roles without searches, to enforcement, and to staff without a valid organisation', () => {
    for (const role of [
      'public',
      'migrant',
      'interpreter',
      'statistician',
      'enforcement',
      'auditor',
      'admin',
    ] as const) {
      expect(requestVisibility(principalFor(role, org))).toBeNull();
    }
    expect(requestVisibility(principalFor('caseworker', org, 'cw', 'IMMIGRATION_ENFORCEMENT'))).toBeNull();
    expect(requestVisibility(principalFor('caseworker', null))).toBeNull();
    expect(requestVisibility(principalFor('caseworker', "x' OR 1=1 --"))).toBeNull();
  });

  it('ignores scopes an enforcement token claims beyond its role', () => {
    const forged = { ...principalFor('enforcement', org), scopes: ['searches:read' as const] };
    expect(requestVisibility(forged)).toBeNull();
  });
});
