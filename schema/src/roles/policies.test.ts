import { describe, expect, it } from 'vitest';
import { ROLES } from './roles.js';
import { firewallPolicy, isAllowed, satisfiesPolicies, satisfiesScopes } from './policies.js';
import { scopesForRole } from './scopes.js';
import type { Principal } from './principal.js';

const as = (role: (typeof ROLES)[number], orgKind: string | null = null): Principal => ({
  sub: 's',
  role,
  org: null,
  orgKind,
  scopes: scopesForRole(role),
});

describe('firewall policy', () => {
  it.each(ROLES.filter((r) => r !== 'enforcement'))(
    'lets %s through when its organisation is not enforcement',
    (role) => {
      expect(firewallPolicy(as(role))).toBe(true);
    },
  );

  it('refuses the enforcement role whatever else it holds', () => {
    expect(firewallPolicy({ ...as('enforcement'), scopes: scopesForRole('caseworker') })).toBe(false);
  });

  it.each(ROLES)('refuses %s acting for an immigration-enforcement organisation', (role) => {
    expect(firewallPolicy(as(role, 'IMMIGRATION_ENFORCEMENT'))).toBe(false);
  });
});

describe('role table', () => {
  it.each(ROLES)('gives %s no system-job scope', (role) => {
    expect(scopesForRole(role)).not.toContain('statistics:extract');
  });

  it('gives enforcement only what the public has', () => {
    expect([...scopesForRole('enforcement')].sort()).toEqual([...scopesForRole('public')].sort());
  });
});

describe('directive semantics', () => {
  it('treats the outer list as OR and the inner lists as AND', () => {
    const caseworker = as('caseworker');
    expect(satisfiesScopes(caseworker, [['cases:read', 'cases:write']])).toBe(true);
    expect(satisfiesScopes(caseworker, [['cases:read', 'audit:read']])).toBe(false);
    expect(satisfiesScopes(caseworker, [['audit:read'], ['cases:read']])).toBe(true);
  });

  it('fails an unknown policy name', () => {
    expect(satisfiesPolicies(as('admin'), [['no-such-policy']])).toBe(false);
  });

  it('needs every declared mechanism to pass', () => {
    const requirement = { authenticated: true, scopes: [['cases:read']], policies: [['firewall']] };
    expect(isAllowed(as('caseworker'), requirement)).toBe(true);
    expect(isAllowed(as('caseworker', 'IMMIGRATION_ENFORCEMENT'), requirement)).toBe(false);
    expect(isAllowed(as('auditor'), requirement)).toBe(false);
    expect(isAllowed(as('public'), { authenticated: true, scopes: null, policies: null })).toBe(false);
  });
});
