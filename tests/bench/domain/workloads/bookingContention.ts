import { performance } from 'node:perf_hooks';
import { DEMO_PROVIDER_ORGANIZATIONS } from '@amparo/kit';
import { Client } from 'undici';
import { round } from '../../latencyStats.js';
import { summarize, type LatencySummary } from '../closedLoopLoad.js';
import { bearer, operation, type WorkloadContext } from '../domainWorkload.js';
import { graphqlData, requireData } from '../graphqlAnswer.js';

const REQUEST = `mutation RequestInterpreter($input: RequestInterpretationInput!) {
  requestInterpretation(input: $input) { id status candidates(first: 20) { interpreter { id } earliestStartAt } }
}`;
const CONFIRM = `mutation ConfirmInterpreter($requestId: ID!, $interpreterId: ID!) {
  confirmInterpreter(requestId: $requestId, interpreterId: $interpreterId) {
    id status booking { startsAt endsAt status }
  }
}`;
const DURATION_MINUTES = 60;
const DAY_MS = 86_400_000;

interface Requested {
  requestInterpretation: {
    id: string;
    status: string;
    candidates: { interpreter: { id: string }; earliestStartAt: string }[];
  };
}
interface Confirmed {
  confirmInterpreter: { id: string; status: string; booking: { startsAt: string; status: string } | null };
}

export interface ContentionResult {
  readonly status: 'ok' | 'failed';
  readonly rounds: number;
  readonly contenders: number;
  readonly requests: number;
  /** Confirmations answered per second of burst (first sent → last answered), over all rounds. */
  readonly requestsPerSecond: number;
  readonly latencyMs: LatencySummary;
  /** Confirmations that won, per round: the invariant is exactly 1 each. */
  readonly winnersPerRound: readonly number[];
  /** Losers answered with the documented BAD_USER_INPUT / INTERPRETER_UNAVAILABLE. */
  readonly documentedConflicts: number;
  /** Answers that were neither a win nor the documented conflict. */
  readonly failures: number;
  readonly errors: number;
  /** Confirmed bookings of the raced interpreter in the raced slot, per round, read from the database. */
  readonly heldBookingsPerRound: readonly number[];
  readonly invariant: string;
  readonly failureReasons: readonly string[];
  readonly dataset: Readonly<Record<string, number | string>>;
}

/** The extensions of an answer's first error, if it is a GraphQL answer with one. */
function conflictOf(text: string): { code?: string; field?: string; reason?: string } | undefined {
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string; field?: string; reason?: string } }[] };
    return body.errors?.[0]?.extensions;
  } catch {
    return undefined;
  }
}

/** The first Tuesday, Wednesday or Thursday at least 7 + `offset` days from now, as YYYY-MM-DD. */
function raceDay(offset: number): string {
  let day = Date.now() + (7 + offset) * DAY_MS;
  while (![2, 3, 4].includes(new Date(day).getUTCDay())) day += DAY_MS;
  return new Date(day).toISOString().slice(0, 10);
}

/**
 * Booking contention (issue 6's invariant, through the whole federation):
 * per round, `contenders` interpretation requests of one caseworker for the
 * same one-hour window are all MATCHED with the same interpreter; then as
 * many clients, each on its own warmed-up connection, send
 * confirmInterpreter for her at once. Exactly one may win; every other must
 * get the documented BAD_USER_INPUT with reason INTERPRETER_UNAVAILABLE; and
 * the database must hold exactly one confirmed booking of her in the slot.
 * Reports the latency distribution of the confirmations.
 */
export async function runBookingContention({ federation, settings, post, progress }: WorkloadContext) {
  const organization = DEMO_PROVIDER_ORGANIZATIONS[1] ?? DEMO_PROVIDER_ORGANIZATIONS[0];
  if (!organization) throw new Error('no demo provider organisation');
  const token = await federation.tokenFor('caseworker', {
    org: organization.id,
    orgKind: organization.kind,
    sub: 'bench-booking-caseworker',
  });
  const headers = bearer(token);
  const interpreters = await federation.database('interpreters');
  // What the registry can serve by video: one (language, sphere, country) per interpreter, to probe with.
  const offers = await interpreters.query<{ language: string; sphere: string; country: string }>(
    `SELECT DISTINCT ON (i.id) CASE WHEN l.from_language = 'spa' THEN l.to_language ELSE l.from_language END AS language,
            i.spheres[1] AS sphere, i.countries[1] AS country
       FROM interpreters i JOIN interpreter_languages l ON l.interpreter_id = i.id
      WHERE i.status = 'ACTIVE' AND 'VIDEO' = ANY (i.modalities) AND cardinality(i.spheres) > 0
        AND cardinality(i.countries) > 0 AND 'spa' IN (l.from_language, l.to_language)
      ORDER BY i.id LIMIT 40`,
  );
  const base = (language: string, sphere: string, country: string) => ({
    language,
    targetLanguage: 'spa',
    sphere,
    modality: 'VIDEO',
    urgency: 'SCHEDULED',
    durationMinutes: DURATION_MINUTES,
    country,
    personPreferredName: 'Ana',
  });
  const request = async (input: Record<string, unknown>) => {
    const { status, text } = await post(REQUEST, { input }, token);
    return requireData<Requested>('requestInterpretation', status, text).requestInterpretation;
  };

  /** The first interpreter proposed for a long window on `day`, and her earliest start in it. */
  const findSlot = async (day: string) => {
    for (const offer of offers) {
      const input = {
        ...base(offer.language, offer.sphere, offer.country),
        windowStartsAt: `${day}T12:00:00Z`,
        windowEndsAt: `${day}T23:59:00Z`,
      };
      const probe = await request(input);
      const top = probe.candidates[0];
      if (probe.status === 'MATCHED' && top) {
        return { interpreterId: top.interpreter.id, startsAt: top.earliestStartAt, input };
      }
    }
    return undefined;
  };

  const latencies: number[] = [];
  const winnersPerRound: number[] = [];
  const heldBookingsPerRound: number[] = [];
  const reasons = new Set<string>();
  let documentedConflicts = 0;
  let failures = 0;
  let errors = 0;
  let burstSeconds = 0;
  const clients = Array.from(
    { length: settings.contenders },
    () => new Client(new URL(federation.gateway.url).origin, { headersTimeout: 30_000, bodyTimeout: 30_000 }),
  );
  const path = new URL(federation.gateway.url).pathname;
  try {
    for (let r = 0; r < settings.contentionRounds; r++) {
      // Find a slot someone can take: probe with a long window until one interpreter is proposed.
      const day = raceDay(r);
      const slot = await findSlot(day);
      if (!slot) throw new Error(`round ${r + 1}: no interpreter is free on ${day} for any probed language`);
      const startsAt = new Date(slot.startsAt).getTime();
      const window = {
        ...slot.input,
        windowStartsAt: new Date(startsAt).toISOString(),
        windowEndsAt: new Date(startsAt + DURATION_MINUTES * 60_000).toISOString(),
      };
      const requestIds: string[] = [];
      for (let c = 0; c < settings.contenders; c++) {
        const made = await request(window);
        if (made.status !== 'MATCHED' || !made.candidates.some((x) => x.interpreter.id === slot.interpreterId)) {
          throw new Error(`round ${r + 1}: a request for the raced slot was not matched with the raced interpreter`);
        }
        requestIds.push(made.id);
      }
      // Warm every connection so the race measures the confirmation, not TCP set-up.
      await Promise.all(
        clients.map(async (client) => {
          const response = await client.request({
            path,
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: operation('{ __typename }', {}),
          });
          await response.body.text();
        }),
      );
      const burstStarted = performance.now();
      const answers = await Promise.all(
        requestIds.map(async (requestId, c) => {
          const client = clients[c] as Client;
          const t0 = performance.now();
          try {
            const response = await client.request({
              path,
              method: 'POST',
              headers: { 'content-type': 'application/json', ...headers },
              body: operation(CONFIRM, { requestId, interpreterId: slot.interpreterId }),
            });
            const text = await response.body.text();
            latencies.push(performance.now() - t0);
            return { status: response.statusCode, text };
          } catch (error) {
            errors++;
            if (reasons.size < 5) reasons.add(`transport: ${error instanceof Error ? error.message : String(error)}`);
            return null;
          }
        }),
      );
      burstSeconds += (performance.now() - burstStarted) / 1000;
      let winners = 0;
      for (const answer of answers) {
        if (!answer) continue;
        const parsed = graphqlData<Confirmed>(answer.status, answer.text);
        if (!('problem' in parsed)) {
          const confirmed = parsed.data.confirmInterpreter;
          if (
            confirmed.status === 'CONFIRMED' &&
            confirmed.booking?.status === 'CONFIRMED' &&
            new Date(confirmed.booking.startsAt).getTime() === startsAt
          ) {
            winners++;
          } else {
            failures++;
            if (reasons.size < 5) reasons.add('a confirmation answered without the raced booking');
          }
          continue;
        }
        const error = conflictOf(answer.text);
        if (
          answer.status === 200 &&
          error?.code === 'BAD_USER_INPUT' &&
          error.field === 'interpreterId' &&
          error.reason === 'INTERPRETER_UNAVAILABLE'
        ) {
          documentedConflicts++;
        } else {
          failures++;
          if (reasons.size < 5) reasons.add(`loser answered otherwise: ${parsed.problem}`);
        }
      }
      const [held] = await interpreters.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM interpretation_bookings
          WHERE interpreter_id = $1 AND status = 'CONFIRMED'
            AND tstzrange(starts_at, ends_at, '[)') && tstzrange($2::timestamptz, $3::timestamptz, '[)')`,
        [slot.interpreterId, window.windowStartsAt, window.windowEndsAt],
      );
      winnersPerRound.push(winners);
      heldBookingsPerRound.push(held?.n ?? -1);
      progress(
        `  round ${r + 1}/${settings.contentionRounds}: ${winners} won, ${answers.length - winners} lost, ${held?.n} booking held`,
      );
    }
  } finally {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  }
  const held =
    winnersPerRound.every((w) => w === 1) &&
    heldBookingsPerRound.every((h) => h === 1) &&
    failures === 0 &&
    errors === 0 &&
    documentedConflicts === settings.contentionRounds * (settings.contenders - 1);
  return {
    status: held ? 'ok' : 'failed',
    rounds: settings.contentionRounds,
    contenders: settings.contenders,
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / Math.max(burstSeconds, 1e-9), 1),
    latencyMs: summarize(latencies),
    winnersPerRound,
    documentedConflicts,
    failures,
    errors,
    heldBookingsPerRound,
    invariant: held
      ? `held: each of ${settings.contentionRounds} races had exactly 1 winner, ${settings.contenders - 1} documented conflicts and 1 booking in the database`
      : 'BROKEN: see winnersPerRound, heldBookingsPerRound, failures',
    failureReasons: [...reasons],
    dataset: {
      interpreters: (await interpreters.query<{ n: number }>('SELECT count(*)::int AS n FROM interpreters'))[0]?.n ?? 0,
      contenders: settings.contenders,
      rounds: settings.contentionRounds,
    },
  } satisfies ContentionResult;
}
