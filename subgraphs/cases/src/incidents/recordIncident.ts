import { appendAuditEvents, badUserInput, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { caseWriteEvent } from '../cases/caseWriteEvent.js';
import { ISO_COUNTRY_CODES } from '../cases/isoCountryCodes.js';
import { lockOwnedCase } from '../cases/lockOwnedCase.js';
import { INCIDENT_COLUMNS, toIncident, type Incident, type IncidentRow } from './incidentRow.js';

export interface RecordIncidentInput {
  violenceType: string;
  phase?: string | null;
  country?: string | null;
  occurredFrom?: string | null;
  occurredTo?: string | null;
}

function date(field: string, value: string | null | undefined, today: Date): string | null {
  if (value === null || value === undefined) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== value
  ) {
    throw badUserInput(field, 'must be a real calendar date written YYYY-MM-DD');
  }
  if (value < '1950-01-01' || parsed > today) throw badUserInput(field, 'must lie between 1950-01-01 and today');
  return value;
}

/** Records one incident of violence on a case of the caller's organisation, with its WRITE audit event. */
export async function recordIncident(
  ctx: SubgraphContext<unknown>,
  caseId: string,
  input: RecordIncidentInput,
  today = new Date(),
): Promise<Incident> {
  const from = date('input.occurredFrom', input.occurredFrom, today);
  const to = date('input.occurredTo', input.occurredTo, today);
  if (from !== null && to !== null && to < from)
    throw badUserInput('input.occurredTo', 'must not be before occurredFrom');
  if (input.country != null && !ISO_COUNTRY_CODES.has(input.country)) {
    throw badUserInput('input.country', 'must be an ISO 3166-1 alpha-2 country code, e.g. MX');
  }
  const organizationId = writableOrganization(ctx.principal);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockOwnedCase(tx, caseId, organizationId);
    if (locked.status === 'CLOSED') throw badUserInput('caseId', 'the case is closed');
    const [row] = await tx.query<IncidentRow>(
      `INSERT INTO incidents AS i (case_id, violence_type, phase, country, occurred_from, occurred_to)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${INCIDENT_COLUMNS}`,
      [locked.id, input.violenceType, input.phase ?? null, input.country ?? null, from, to],
    );
    const incident = toIncident(row as IncidentRow);
    await appendAuditEvents(tx, 'cases', [
      caseWriteEvent(
        ctx,
        'Incident',
        [locked.id, incident.id],
        ['recordIncident', 'violenceType', 'phase', 'country', 'occurred'],
      ),
    ]);
    return incident;
  });
}
