import { badUserInput, forbidden, type Queryable } from '@amparo/kit';
import { firewallPolicy, type Principal } from '@amparo/schema';
import { isUuid } from '../requests/requestAccess.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function parseInstant(field: string, value: string): number {
  const ms = INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw badUserInput(field, 'must be an ISO 8601 date or instant, e.g. 2027-03-01');
  return ms;
}

/**
 * Counts of requests nobody could take, recorded in [from, to), by language,
 * sphere and country — the figure an organisation needs to find interpreters
 * and governments to train them. Counts only: no request, person, case or
 * organisation is named. A caller of an organisation counts her
 * organisation's requests only: across organisations, exact counts over a
 * window as short as a minute would tell one organisation when another met a
 * woman needing, say, a K'iche' interpreter in a trafficking case. Only a
 * platform admin (no organisation) counts all of them; governments get the
 * figures with noise from the statistics releases (INTERPRETATION_UNMET).
 */
export async function unmetInterpretationDemand(
  db: Queryable,
  principal: Principal,
  args: { from: string; to: string },
) {
  if (!firewallPolicy(principal)) throw forbidden();
  const org = principal.org && isUuid(principal.org) ? principal.org : null;
  if (!org && principal.role !== 'admin') throw forbidden();
  const from = parseInstant('from', args.from);
  const to = parseInstant('to', args.to);
  if (to <= from) throw badUserInput('to', 'must be after from');
  return db.query<{ language: string; sphere: string; country: string; count: number }>(
    `SELECT d.language, d.sphere, d.country, count(*) AS count
       FROM unmet_interpretation_demand d JOIN interpretation_requests r ON r.id = d.request_id
      WHERE d.recorded_at >= $1::timestamptz AND d.recorded_at < $2::timestamptz
        AND ($3::uuid IS NULL OR r.organization_id = $3::uuid)
      GROUP BY d.language, d.sphere, d.country
      ORDER BY count(*) DESC, d.language, d.sphere, d.country`,
    [new Date(from).toISOString(), new Date(to).toISOString(), org],
  );
}
