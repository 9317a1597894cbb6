import { presumedMinor } from '../cases/presumedMinor.js';

/** A row of `family_members` as the resolvers see it. */
export interface FamilyMemberRow {
  id: string;
  case_id: string;
  relationship: string;
  given_name: string | null;
  family_name: string | null;
  sex: string;
  birth_date: string | null;
  estimated_age: number | null;
  accompanying: boolean;
  note: string | null;
}

export const FAMILY_MEMBER_COLUMNS = `f.id, f.case_id, f.relationship, f.given_name, f.family_name, f.sex, f.birth_date,
  f.estimated_age, f.accompanying, f.note`;

/** Maps a row to the GraphQL `FamilyMember` shape. */
export function toFamilyMember(row: FamilyMemberRow, today = new Date()) {
  return {
    id: row.id,
    caseId: row.case_id,
    relationship: row.relationship,
    givenName: row.given_name,
    familyName: row.family_name,
    sex: row.sex,
    birthDate: row.birth_date,
    estimatedAge: row.estimated_age,
    // The same presumption as for her: a child whose age is unknown or in doubt is treated as a child.
    presumedMinor: presumedMinor({ birthDate: row.birth_date, estimatedAge: row.estimated_age }, today),
    accompanying: row.accompanying,
    note: row.note,
  };
}

export type FamilyMember = ReturnType<typeof toFamilyMember>;
