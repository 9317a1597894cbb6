/**
 * The roles of ARCHITECTURE.md "Identity, roles and the firewall", as carried
 * in the `role` claim of a bearer token. Requests without a token are `public`.
 */
export const ROLES = [
  'public',
  'migrant',
  'caseworker',
  'interpreter',
  'family',
  'consular',
  'statistician',
  'enforcement',
  'auditor',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
