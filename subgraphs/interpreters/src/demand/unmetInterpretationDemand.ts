import { badUserInput, type Queryable } from '@amparo/kit';

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function parseInstant(field: string, value: string): number {
  const ms = INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw badUserInput(field, 'must be an ISO 8601 date or instant, e.g. 2027-03-01');
  return ms;
}

/**
 * Counts of requests nobody could take, recorded in [from, to), by language,
 * sphere and country — the figure governments need to train interpreters.
 * Counts only: no request, person, case or organisation is named.
 */
export async function unmetInterpretationDemand(db: Queryable, args: { from: string; to: string }) {
  const from = parseInstant('from', args.from);
  const to = parseInstant('to', args.to);
  if (to <= from) throw badUserInput('to', 'must be after from');
  return db.query<{ language: string; sphere: string; country: string; count: number }>(
    `SELECT language, sphere, country, count(*) AS count FROM unmet_interpretation_demand
      WHERE recorded_at >= $1::timestamptz AND recorded_at < $2::timestamptz
      GROUP BY language, sphere, country
      ORDER BY count(*) DESC, language, sphere, country`,
    [new Date(from).toISOString(), new Date(to).toISOString()],
  );
}
