import type { Case } from '../cases/caseRow.js';

/** Sections of a case a consent can share. */
export const CASE_SECTIONS = [
  'IDENTITY',
  'INTAKE_STATEMENT',
  'NEEDS',
  'INCIDENTS',
  'FAMILY',
  'MIGRATION_STATUS',
] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];

/**
 * What a receiving organisation or consulate sees: exactly the consented
 * sections; every other personal field is null. Done where the row is loaded,
 * so no resolver can hand out a field the consent does not cover. Sex,
 * languages, country, phase and presumedMinor stay: a service needs them to
 * help at all (and to bring an interpreter), and the protections for children
 * must follow her. Lists loaded apart follow the same rule in their
 * resolvers: incidents and family members only with their section; notes
 * and assigned caseworkers never (they belong to the owning organisation).
 */
export function redactCase(c: Case, sharedSections: readonly string[] | null): Case {
  if (sharedSections === null) return c;
  const has = (s: CaseSection) => sharedSections.includes(s);
  const identity = has('IDENTITY');
  return {
    ...c,
    sharedSections: [...sharedSections].sort(),
    givenName: identity ? c.givenName : null,
    familyName: identity ? c.familyName : null,
    preferredName: identity ? c.preferredName : null,
    birthDate: identity ? c.birthDate : null,
    estimatedAge: identity ? c.estimatedAge : null,
    nationality: identity ? c.nationality : null,
    genderIdentity: identity ? c.genderIdentity : null,
    vulnerabilities: has('NEEDS') ? c.vulnerabilities : [],
    needs: has('NEEDS') ? c.needs : [],
    intakeStatement: has('INTAKE_STATEMENT') ? c.intakeStatement : null,
    migrationStatusSealed: has('MIGRATION_STATUS') ? c.migrationStatusSealed : null,
  };
}
