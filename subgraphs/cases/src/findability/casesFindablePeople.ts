import {
  badUserInput,
  decodeCursor,
  forbidden,
  pageSize,
  toConnection,
  type Connection,
  type Queryable,
} from '@amparo/kit';
import { firewallPolicy, type Principal } from '@amparo/schema';
import { isUuid } from '../cases/isUuid.js';

/** Scope of the findability extract; it belongs to no role, only to the gateway's findability-sync job. */
export const FINDABLE_EXTRACT_SCOPE = 'cases:findable:extract';

/**
 * One woman assisted in a case who consented to be found, as the searches
 * subgraph needs her to match family searches: who she is and where she is
 * assisted (the country), nothing else — never her migration status, her
 * intake statement, needs, incidents or family.
 */
export interface FindablePerson {
  /** The case id again, for the kit's READ audit (it names the record by `id`); not in the schema. */
  readonly id: string;
  readonly caseId: string;
  readonly organizationId: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly sex: string;
  readonly birthDate: string | null;
  readonly estimatedAge: number | null;
  readonly nationality: string | null;
  readonly languages: readonly string[];
  readonly countryOfAssistance: string;
}

interface FindableRow {
  id: string;
  organization_id: string;
  given_name: string | null;
  family_name: string | null;
  sex: string;
  birth_date: string | null;
  estimated_age: number | null;
  nationality: string | null;
  languages: string[];
  country_of_assistance: string;
}

/**
 * The cases the extract covers: not erased, with a TO_BE_FOUND consent that
 * is neither revoked nor expired now (evaluated in SQL on every call, like
 * every consent).
 */
const FINDABLE = `c.erased_at IS NULL AND EXISTS (
  SELECT 1 FROM consents k WHERE k.case_id = c.id AND 'TO_BE_FOUND' = ANY (k.sections)
     AND k.revoked_at IS NULL AND k.valid_until > now())`;

function decodeFindableCursor(after: string | null | undefined): string | null {
  const position = decodeCursor(after);
  if (position === null) return null;
  const [id] = position;
  if (position.length === 1 && typeof id === 'string' && isUuid(id)) return id;
  throw badUserInput('after', 'is not a cursor this API returned; pass pageInfo.endCursor of the previous page');
}

/**
 * Issue 7, "people assisted in cases become findable only if they consented
 * to be found": the people whose case carries an active TO_BE_FOUND consent,
 * by case id, a page at a time. Only the gateway's findability-sync job
 * holds the scope; it is checked again here, whatever the SDL says (F3).
 */
export async function casesFindablePeople(
  db: Queryable,
  principal: Principal,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<FindablePerson>> {
  if (!firewallPolicy(principal) || !principal.scopes.includes(FINDABLE_EXTRACT_SCOPE)) throw forbidden();
  const size = pageSize(args.first, 100);
  const after = decodeFindableCursor(args.after);
  const [rows, [count]] = await Promise.all([
    db.query<FindableRow>(
      `SELECT c.id, c.organization_id, c.given_name, c.family_name, c.sex, c.birth_date, c.estimated_age,
              c.nationality, c.languages, c.country_of_assistance
         FROM cases c WHERE ${FINDABLE} ${after ? 'AND c.id > $1::uuid' : ''}
        ORDER BY c.id LIMIT ${size + 1}`,
      after ? [after] : [],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases c WHERE ${FINDABLE}`),
  ]);
  return toConnection(
    rows.map((r) => ({
      id: r.id,
      caseId: r.id,
      organizationId: r.organization_id,
      givenName: r.given_name,
      familyName: r.family_name,
      sex: r.sex,
      birthDate: r.birth_date,
      estimatedAge: r.estimated_age,
      nationality: r.nationality,
      languages: r.languages,
      countryOfAssistance: r.country_of_assistance,
    })),
    size,
    count?.n ?? 0,
    (p) => [p.caseId],
  );
}
