import { badUserInput } from '@amparo/kit';
import { validateCaseInput } from '../cases/validateCaseInput.js';

/** A family member's fields as GraphQL hands them over (omitted = undefined, null = clear). */
export interface FamilyMemberInput {
  relationship?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  sex?: string | null;
  birthDate?: string | null;
  estimatedAge?: number | null;
  accompanying?: boolean | null;
  note?: string | null;
}

/** Input checked and mapped to `family_members` columns, with the GraphQL names written (for the audit event). */
export interface ValidFamilyMemberInput {
  readonly columns: Readonly<Record<string, unknown>>;
  readonly fields: readonly string[];
}

export const MAX_FAMILY_NOTE_LENGTH = 1000;

/**
 * Checks a family member's input with the same rules as her own record
 * (names, sex, birth date, estimated age: validateCaseInput, so the fields
 * and messages are the same), plus the relationship, whether the person is
 * with her now, and a short note. Refusals are BAD_USER_INPUT naming the
 * field and never repeating the value.
 */
export function validateFamilyMemberInput(input: FamilyMemberInput, today = new Date()): ValidFamilyMemberInput {
  const { relationship, accompanying, note, ...person } = input;
  const columns: Record<string, unknown> = { ...validateCaseInput(person, today).columns };
  const fields = Object.keys(person).filter((name) => person[name as keyof typeof person] !== undefined);
  for (const [name, value] of Object.entries({ relationship, accompanying })) {
    if (value === undefined) continue;
    if (value === null) throw badUserInput(`input.${name}`, 'cannot be cleared');
    // Enum and Boolean, already checked by GraphQL validation.
    columns[name] = value;
    fields.push(name);
  }
  if (note !== undefined) {
    const trimmed = note?.trim() ?? null;
    if (trimmed !== null && (trimmed.length === 0 || trimmed.length > MAX_FAMILY_NOTE_LENGTH)) {
      throw badUserInput('input.note', `must be 1 to ${MAX_FAMILY_NOTE_LENGTH} characters; leave it out instead`);
    }
    columns.note = trimmed;
    fields.push('note');
  }
  return { columns, fields: fields.sort() };
}
