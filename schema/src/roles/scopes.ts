import type { Role } from './roles.js';

/**
 * Scopes declared on fields with `@requiresScopes`. A principal's scopes are
 * derived from its role by {@link scopesForRole}; scopes a token claims
 * beyond its role are ignored, so a forged `scope` claim opens nothing.
 */
export const SCOPES = [
  'catalogue:read',
  'catalogue:write',
  'statistics:read',
  'cases:read',
  'cases:write',
  'cases:shared:read',
  'cases:migration-status',
  'interpreting:request',
  'interpreting:bookings',
  'interpreters:read',
  'searches:read',
  'searches:write',
  'audit:read',
  'organizations:admin',
  'self:data',
  'statistics:extract',
  'cases:findable:extract',
  'searches:findable:sync',
] as const;

export type Scope = (typeof SCOPES)[number];

/** The authoritative role → scopes table (ARCHITECTURE.md, tested in tests/). */
export const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = Object.freeze({
  public: ['catalogue:read', 'statistics:read'],
  migrant: ['catalogue:read', 'statistics:read', 'interpreting:request', 'self:data'],
  caseworker: [
    'catalogue:read',
    'catalogue:write',
    'statistics:read',
    'cases:read',
    'cases:write',
    'cases:migration-status',
    'interpreting:request',
    'interpreters:read',
    'searches:read',
    'searches:write',
  ],
  interpreter: ['catalogue:read', 'statistics:read', 'interpreting:bookings'],
  family: ['catalogue:read', 'statistics:read', 'searches:read', 'searches:write'],
  consular: ['catalogue:read', 'statistics:read', 'cases:shared:read', 'searches:read', 'searches:write'],
  statistician: ['catalogue:read', 'statistics:read'],
  enforcement: ['catalogue:read', 'statistics:read'],
  auditor: ['catalogue:read', 'statistics:read', 'audit:read'],
  admin: ['catalogue:read', 'catalogue:write', 'statistics:read', 'organizations:admin'],
});

export function scopesForRole(role: Role): readonly Scope[] {
  return ROLE_SCOPES[role];
}

/**
 * Jobs the gateway runs on its own behalf, never on a client's. Their scopes
 * belong to no role, so no client's projection can reach the fields that
 * require them; only the gateway can mint a token naming a system job.
 */
export const SYSTEM_JOBS = {
  /** Collects de-identified extracts and publishes statistics releases. */
  'statistics-pipeline': ['statistics:extract', 'statistics:read'],
  /**
   * Carries the people assisted in cases who consented to be found
   * (TO_BE_FOUND) into the searches subgraph as found-person records.
   */
  'findability-sync': ['cases:findable:extract', 'searches:findable:sync'],
} as const satisfies Record<string, readonly Scope[]>;

export type SystemJob = keyof typeof SYSTEM_JOBS;
