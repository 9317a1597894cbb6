import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_ORGANIZATIONS,
  DEMO_PROVIDER_ORGANIZATIONS,
  demoId,
  principalFor,
  startTestSubgraph,
  type TestSubgraph,
} from '@amparo/kit';
import { takeTurnFor } from '../bookings/confirmInterpreter.js';
import { interpretersSubgraph } from '../definition.js';
import {
  insertTestInterpreters,
  nextSpringForward,
  shiftDate,
  testInterpreterId as idOf,
  upcomingWeekday,
} from '../testing/flowFixtures.js';

let sg: TestSubgraph;
const orgA = DEMO_PROVIDER_ORGANIZATIONS[0]?.id ?? null;
const orgB = DEMO_PROVIDER_ORGANIZATIONS[1]?.id ?? null;
const caseworkerA = principalFor('caseworker', orgA, 'caseworker-a');
const caseworkerB = principalFor('caseworker', orgB, 'caseworker-b');
const enforcementOrg = DEMO_ORGANIZATIONS.find((o) => o.kind === 'IMMIGRATION_ENFORCEMENT')?.id ?? null;
const caseId = demoId('case', 7);

const monday = upcomingWeekday(Date.now(), 1);
// Guatemala (UTC-6, no DST): 09:00–17:00 local is 15:00–23:00 UTC.
const mondayWindow = { windowStartsAt: `${monday}T15:00:00Z`, windowEndsAt: `${monday}T23:00:00Z` };

beforeAll(async () => {
  sg = await startTestSubgraph(interpretersSubgraph);
  await insertTestInterpreters(sg.db, [
    { key: 1 }, // female, both ways, native, certified
    { key: 2, pairs: [['mam', 'spa', 'BOTH', 'FLUENT']] },
    { key: 3, gender: 'MALE' },
    { key: 4, pairs: [['mam', 'spa', 'ONE_WAY', 'NATIVE']] },
    { key: 5, certification: 'expired' },
    { key: 6, status: 'SUSPENDED' },
    { key: 7, spheres: ['HEALTH'] },
    { key: 8, weekly: [[[6, 7], '09:00', '17:00']] },
    { key: 9, communities: ['Todos Santos Cuchumatán'] },
    { key: 10 }, // like 1, but busy lately
    // Time zones: same 09:00–17:00 pattern, New York (DST) and Guatemala (none).
    { key: 20, pairs: [['quc', 'spa', 'BOTH', 'NATIVE']], timeZone: 'America/New_York', countries: ['US'] },
    { key: 21, pairs: [['quc', 'spa', 'BOTH', 'NATIVE']] },
    // Concurrency and the interpreter's own view: on call around the clock.
    {
      key: 30,
      pairs: [['kek', 'spa', 'BOTH', 'NATIVE']],
      weekly: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
      accountSub: 'demo-interpreter-flow',
    },
  ]);
  for (let i = 0; i < 3; i++) {
    const start = Date.now() - (i + 2) * 86_400_000;
    await sg.db.query(
      `INSERT INTO interpretation_bookings (interpreter_id, language, sphere, modality, starts_at, ends_at, status)
       VALUES ($1, 'mam', 'VIOLENCE', 'VIDEO', $2, $3, 'COMPLETED')`,
      [idOf(10), new Date(start).toISOString(), new Date(start + 3_600_000).toISOString()],
    );
  }
});
afterAll(() => sg?.close());

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;
interface RequestResult {
  id: string;
  status: string;
  candidates: {
    interpreter: { id: string };
    score: number;
    earliestStartAt: string;
    reasons: { code: string; points: number }[];
  }[];
  excludedInterpreters: { interpreter: { id: string }; reason: string }[];
}

const REQUEST = `mutation ($input: RequestInterpretationInput!) {
  requestInterpretation(input: $input) {
    id status
    candidates(first: 20) { interpreter { id } score earliestStartAt reasons { code points } }
    excludedInterpreters { interpreter { id } reason }
  }
}`;
const CONFIRM = `mutation ($r: ID!, $i: ID!) { confirmInterpreter(requestId: $r, interpreterId: $i) { id status booking { startsAt endsAt status } } }`;
const UPDATE = `mutation ($r: ID!, $s: BookingStatus!) { updateBookingStatus(requestId: $r, status: $s) { id status } }`;

const base = {
  language: 'mam',
  sphere: 'VIOLENCE',
  modality: 'VIDEO',
  urgency: 'SCHEDULED',
  durationMinutes: 60,
  country: 'GT',
  ...mondayWindow,
};

async function request(input: Record<string, unknown>, principal = caseworkerA) {
  const { body } = await sg.request<{ requestInterpretation: RequestResult }>(principal, REQUEST, {
    input: { ...base, ...input },
  });
  return { result: body.data?.requestInterpretation ?? null, errors: body.errors as Errors };
}
async function requestOk(input: Record<string, unknown>, principal = caseworkerA) {
  const { result, errors } = await request(input, principal);
  expect(errors).toBeUndefined();
  return result as RequestResult;
}
const byId = (a: string, b: string) => (a < b ? -1 : 1);

describe('matching', () => {
  it('ranks by language direction, certification, proficiency, gender and recent load, with reasons', async () => {
    // Interpreter 9 would tie with 1; the community exclusion is tested on its own below.
    const result = await requestOk({ preferredGender: 'FEMALE', avoidCommunities: ['Todos Santos Cuchumatán'] });
    expect(result.status).toBe('MATCHED');
    const ranked = result.candidates.map((c) => [c.interpreter.id, c.score]);
    // 4 (one-way) and 5 (expired certification) both score 75: ties go by id.
    const tied = [idOf(4), idOf(5)].sort(byId);
    expect(ranked).toEqual([
      [idOf(1), 105],
      [idOf(2), 101],
      [idOf(10), 99],
      [idOf(3), 80],
      [tied[0], 75],
      [tied[1], 75],
    ]);
    const reasons = (key: number) =>
      result.candidates.find((c) => c.interpreter.id === idOf(key))?.reasons.map((r) => r.code);
    expect(reasons(1)).toEqual([
      'LANGUAGE_BOTH_WAYS',
      'SPHERE_CERTIFIED',
      'PROFICIENCY',
      'AVAILABLE',
      'GENDER_PREFERRED',
      'RECENT_LOAD',
    ]);
    expect(reasons(4)).toContain('LANGUAGE_ONE_WAY');
    expect(reasons(5)).toContain('SPHERE_UNCERTIFIED');
    expect(result.candidates.find((c) => c.interpreter.id === idOf(10))?.reasons).toContainEqual({
      code: 'RECENT_LOAD',
      points: -6,
    });
    // Suspended, wrong sphere, not working on Mondays: never proposed.
    for (const key of [6, 7, 8]) expect(result.candidates.map((c) => c.interpreter.id)).not.toContain(idOf(key));
    for (const c of result.candidates) expect(c.earliestStartAt).toBe(`${monday}T15:00:00.000Z`);
  });

  it('excludes interpreters from a community she asked to avoid, whatever the accents or case, and says why', async () => {
    const plain = await requestOk({});
    expect(plain.candidates.map((c) => c.interpreter.id)).toContain(idOf(9));
    const avoiding = await requestOk({ avoidCommunities: ['todos santos cuchumatan'] });
    expect(avoiding.candidates.map((c) => c.interpreter.id)).not.toContain(idOf(9));
    expect(avoiding.excludedInterpreters).toEqual([{ interpreter: { id: idOf(9) }, reason: 'COMMUNITY_AVOIDED' }]);
    const confirm = await sg.request(caseworkerA, CONFIRM, { r: avoiding.id, i: idOf(9) });
    expect(confirm.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_CANDIDATE' });
  });

  it('follows the gender preference: preferred first, others ranked lower but still proposed', async () => {
    const male = await requestOk({ preferredGender: 'MALE' });
    expect(male.candidates[0]?.interpreter.id).toBe(idOf(3));
    expect(male.candidates[0]?.reasons).toContainEqual({ code: 'GENDER_PREFERRED', points: 25 });
    expect(male.candidates.find((c) => c.interpreter.id === idOf(1))?.reasons).toContainEqual({
      code: 'GENDER_NOT_PREFERRED',
      points: 0,
    });
    const none = await requestOk({});
    // Without a preference 1, 3 and 9 score the same (80): the order is by id alone.
    const top = none.candidates.filter((c) => c.score === 80).map((c) => c.interpreter.id);
    expect(top).toEqual([idOf(1), idOf(3), idOf(9)].sort(byId));
  });
});

describe('urgent requests', () => {
  it('matches NOW against who is working right now, starting within 30 minutes', async () => {
    const before = Date.now();
    const result = await requestOk({ language: 'kek', urgency: 'NOW', windowStartsAt: null, windowEndsAt: null });
    expect(result.status).toBe('MATCHED');
    expect(result.candidates.map((c) => c.interpreter.id)).toEqual([idOf(30)]);
    const start = Date.parse(result.candidates[0]?.earliestStartAt ?? '');
    expect(start).toBeGreaterThanOrEqual(before);
    expect(start).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
    // NOW takes no window: one given is refused rather than silently ignored.
    const mam = await request({ urgency: 'NOW', windowStartsAt: `${monday}T15:00:00Z`, windowEndsAt: null });
    expect(mam.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.windowStartsAt' });
  });
});

describe('availability across a daylight-saving change', () => {
  const sunday = nextSpringForward(Date.now());
  const friday = shiftDate(sunday, -2);
  const nextMonday = shiftDate(sunday, 1);
  const candidatesFor = async (date: string, hour: number) => {
    const hh = String(hour).padStart(2, '0');
    const result = await requestOk({
      language: 'quc',
      windowStartsAt: `${date}T${hh}:00:00Z`,
      windowEndsAt: `${date}T${String(hour + 1).padStart(2, '0')}:00:00Z`,
    });
    return result.candidates.map((c) => c.interpreter.id);
  };

  it('opens a New York 09:00 shift at 14:00 UTC before the change and at 13:00 UTC after it', async () => {
    expect(await candidatesFor(friday, 13)).toEqual([]);
    expect(await candidatesFor(friday, 14)).toEqual([idOf(20)]);
    expect(await candidatesFor(nextMonday, 13)).toEqual([idOf(20)]);
  });

  it('keeps a Guatemala 09:00 shift at 15:00 UTC on both sides of the change', async () => {
    expect(await candidatesFor(friday, 15)).toEqual([idOf(20), idOf(21)].sort(byId));
    expect(await candidatesFor(nextMonday, 15)).toEqual([idOf(20), idOf(21)].sort(byId));
    expect(await candidatesFor(nextMonday, 22)).toEqual([idOf(21)]);
  });
});

describe('booking', () => {
  const slot = upcomingWeekday(Date.now(), 3);
  const kekWindow = {
    language: 'kek',
    windowStartsAt: `${slot}T15:00:00Z`,
    windowEndsAt: `${slot}T16:00:00Z`,
    caseId,
    personPreferredName: 'Ixchel',
  };
  let winner = '';
  let losers: string[] = [];

  it('lets exactly one of 50 concurrent confirmations of one interpreter for one slot succeed', async () => {
    const requests = await Promise.all(Array.from({ length: 50 }, () => requestOk(kekWindow)));
    for (const r of requests) expect(r.status).toBe('MATCHED');
    const responses = await Promise.all(
      requests.map((r) => sg.request(caseworkerA, CONFIRM, { r: r.id, i: idOf(30) })),
    );
    const succeeded = responses.filter((r) => r.body.errors === undefined);
    expect(succeeded).toHaveLength(1);
    for (const r of responses.filter((r) => r.body.errors !== undefined)) {
      expect(r.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'interpreterId',
        reason: 'INTERPRETER_UNAVAILABLE',
      });
      expect(r.body.errors?.[0]?.message).toBe('the interpreter is no longer free in this window');
    }
    const [held] = await sg.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM interpretation_bookings WHERE interpreter_id = $1 AND status = 'CONFIRMED'`,
      [idOf(30)],
    );
    expect(held?.n).toBe(1);
    const data = succeeded[0]?.body.data as {
      confirmInterpreter: { id: string; status: string; booking: Record<string, string> };
    };
    expect(data.confirmInterpreter).toMatchObject({
      status: 'CONFIRMED',
      booking: { startsAt: `${slot}T15:00:00.000Z`, endsAt: `${slot}T16:00:00.000Z`, status: 'CONFIRMED' },
    });
    winner = data.confirmInterpreter.id;
    losers = requests.map((r) => r.id).filter((id) => id !== winner);
  });

  it('allows only the lifecycle transitions, and cancelling frees the slot', async () => {
    // Once the slot is taken a new request for it finds nobody; a loser of the race is still MATCHED.
    expect((await requestOk(kekWindow)).status).toBe('REQUESTED');
    const other = { id: losers[0] as string };
    const bad = async (requestId: string, status: string) =>
      (await sg.request(caseworkerA, UPDATE, { r: requestId, s: status })).body.errors?.[0]?.extensions;
    expect(await bad(other.id, 'COMPLETED')).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TRANSITION' });
    expect(await bad(other.id, 'CONFIRMED')).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TRANSITION' });
    expect(await bad(other.id, 'NO_SHOW')).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TRANSITION' });
    // Taken by the winner: unavailable until the winner cancels.
    expect(
      (await sg.request(caseworkerA, CONFIRM, { r: other.id, i: idOf(30) })).body.errors?.[0]?.extensions,
    ).toMatchObject({
      reason: 'INTERPRETER_UNAVAILABLE',
    });
    expect((await sg.request(caseworkerA, UPDATE, { r: winner, s: 'CANCELLED' })).body.data).toEqual({
      updateBookingStatus: { id: winner, status: 'CANCELLED' },
    });
    expect(await bad(winner, 'COMPLETED')).toMatchObject({ reason: 'INVALID_TRANSITION' });
    const confirmed = await sg.request(caseworkerA, CONFIRM, { r: other.id, i: idOf(30) });
    expect(confirmed.body.errors).toBeUndefined();
    expect(
      (await sg.request(caseworkerA, CONFIRM, { r: other.id, i: idOf(30) })).body.errors?.[0]?.extensions,
    ).toMatchObject({
      reason: 'INVALID_TRANSITION',
    });
    expect((await sg.request(caseworkerA, UPDATE, { r: other.id, s: 'COMPLETED' })).body.errors).toBeUndefined();
    expect(await bad(other.id, 'NO_SHOW')).toMatchObject({ reason: 'INVALID_TRANSITION' });
    const [booking] = await sg.db.query<{ status: string }>(
      'SELECT status FROM interpretation_bookings WHERE request_id = $1',
      [other.id],
    );
    expect(booking?.status).toBe('COMPLETED');
  });

  it('makes a confirmation wait while another transaction is confirming the same interpreter', async () => {
    const nextWeek = upcomingWeekday(Date.now() + 7 * 86_400_000, 3);
    const mine = await requestOk({
      ...kekWindow,
      windowStartsAt: `${nextWeek}T15:00:00Z`,
      windowEndsAt: `${nextWeek}T16:00:00Z`,
    });
    expect(mine.status).toBe('MATCHED');
    let settled = false;
    let confirming: Promise<{ body: { errors?: unknown } }> | undefined;
    // Holds the interpreter's turn as an unfinished confirmation does; the foreign-key checks of other
    // bookings take a lighter lock that does not wait on it.
    await sg.db.transaction(async (tx) => {
      await takeTurnFor(tx, idOf(30));
      confirming = sg.request(caseworkerA, CONFIRM, { r: mine.id, i: idOf(30) }).then((response) => {
        settled = true;
        return response;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
    });
    expect((await confirming)?.body.errors).toBeUndefined();
  });

  it('hides a request of another organisation exactly like a missing one', async () => {
    const mine = await requestOk({});
    const read = await sg.request(caseworkerB, 'query ($id: ID!) { interpretationRequest(id: $id) { id } }', {
      id: mine.id,
    });
    expect(read.body).toEqual({ data: { interpretationRequest: null } });
    const confirm = await sg.request(caseworkerB, CONFIRM, { r: mine.id, i: idOf(30) });
    const missing = await sg.request(caseworkerB, CONFIRM, { r: '00000000-0000-4000-8000-000000000000', i: idOf(30) });
    expect(confirm.body.errors?.[0]).toEqual(missing.body.errors?.[0]);
    expect(confirm.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe("the interpreter's own view", () => {
  const MINE =
    '{ myInterpretationBookings { startsAt endsAt modality language status person { preferredName language } } }';
  const interpreter = principalFor('interpreter', null, 'demo-interpreter-flow');

  it('shows time, modality, language and the preferred name only', async () => {
    const { body } = await sg.request<{ myInterpretationBookings: Record<string, unknown>[] }>(interpreter, MINE);
    expect(body.errors).toBeUndefined();
    const bookings = body.data?.myInterpretationBookings ?? [];
    expect(bookings.length).toBeGreaterThan(0);
    expect(bookings[0]).toMatchObject({
      modality: 'VIDEO',
      language: 'kek',
      person: { preferredName: 'Ixchel', language: 'kek' },
    });
    expect(JSON.stringify(body)).not.toMatch(/VIOLENCE|caseId|organization/);
  });

  it('refuses the sphere, the interpreter record, requests and the unmet-demand figures', async () => {
    for (const query of [
      '{ myInterpretationBookings { sphere } }',
      '{ myInterpretationBookings { interpreter { displayName } } }',
      `{ interpretationRequest(id: "${demoId('x', 1)}") { id } }`,
      '{ unmetInterpretationDemand(from: "2020-01-01", to: "2100-01-01") { count } }',
    ]) {
      const { body } = await sg.request(interpreter, query);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('shows nothing to an interpreter account with no record, and nothing to enforcement', async () => {
    const stranger = await sg.request(principalFor('interpreter', null, 'someone-else'), MINE);
    expect(stranger.body).toEqual({ data: { myInterpretationBookings: [] } });
    const enforcement = await sg.request(principalFor('enforcement', enforcementOrg), MINE);
    expect(enforcement.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('Case.interpretationBookings', () => {
  const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Case { interpretationBookings { language startsAt person { preferredName } } } } }`;

  it("shows the bookings of a case requested by the caller's own organisation only", async () => {
    const own = await sg.request<{ _entities: { interpretationBookings: unknown[] }[] }>(caseworkerA, ENTITIES, {
      r: [{ __typename: 'Case', id: caseId }],
    });
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data?._entities[0]?.interpretationBookings.length).toBeGreaterThan(0);
    const other = await sg.request(caseworkerB, ENTITIES, { r: [{ __typename: 'Case', id: caseId }] });
    expect(other.body).toEqual({ data: { _entities: [{ interpretationBookings: [] }] } });
    const enforcement = await sg.request(
      principalFor('caseworker', enforcementOrg, 'x', 'IMMIGRATION_ENFORCEMENT'),
      ENTITIES,
      {
        r: [{ __typename: 'Case', id: caseId }],
      },
    );
    expect(JSON.stringify(enforcement.body)).not.toContain('Ixchel');
  });
});

describe('requests by the woman herself, and unmet demand', () => {
  const migrant = principalFor('migrant', null, 'migrant-1');

  it('records her own request without a case, visible to her alone', async () => {
    const { body } = await sg.request<{ requestInterpretation: { id: string; status: string } }>(
      migrant,
      'mutation ($input: RequestInterpretationInput!) { requestInterpretation(input: $input) { id status } }',
      { input: base },
    );
    expect(body.errors).toBeUndefined();
    const id = body.data?.requestInterpretation.id;
    const READ = 'query ($id: ID!) { interpretationRequest(id: $id) { id language } }';
    expect((await sg.request(migrant, READ, { id })).body.data).toEqual({
      interpretationRequest: { id, language: 'mam' },
    });
    expect((await sg.request(principalFor('migrant', null, 'migrant-2'), READ, { id })).body.data).toEqual({
      interpretationRequest: null,
    });
    expect((await sg.request(caseworkerA, READ, { id })).body.data).toEqual({ interpretationRequest: null });
    const withCase = await request({ caseId }, migrant);
    expect(withCase.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.caseId' });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const [before] = await sg.db.query<{ n: number }>('SELECT count(*) AS n FROM interpretation_requests');
    const cases: [Record<string, unknown>, string][] = [
      [{ language: 'Mam' }, 'input.language'],
      [{ durationMinutes: 5 }, 'input.durationMinutes'],
      [{ windowStartsAt: null }, 'input.windowStartsAt'],
      [{ windowEndsAt: `${monday}T15:30:00Z` }, 'input.windowEndsAt'],
      [{ windowStartsAt: '2020-01-01T00:00:00Z', windowEndsAt: '2020-01-01T05:00:00Z' }, 'input.windowEndsAt'],
      [{ country: 'Guatemala' }, 'input.country'],
    ];
    for (const [input, field] of cases) {
      const { errors } = await request(input);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const [after] = await sg.db.query<{ n: number }>('SELECT count(*) AS n FROM interpretation_requests');
    expect(after?.n).toBe(before?.n);
  });

  it("counts requests nobody could take by language, sphere and country, for her own organisation's caseworkers and admins", async () => {
    const unmet = await requestOk({ language: 'zzz', sphere: 'TRAFFICKING', country: 'HN' });
    expect(unmet.status).toBe('REQUESTED');
    expect(unmet.candidates).toEqual([]);
    await requestOk({ language: 'zzz', sphere: 'TRAFFICKING', country: 'HN' });
    const DEMAND =
      '{ unmetInterpretationDemand(from: "2020-01-01", to: "2100-01-01") { language sphere country count } }';
    for (const principal of [caseworkerA, principalFor('admin')]) {
      const { body } = await sg.request<{ unmetInterpretationDemand: unknown[] }>(principal, DEMAND);
      expect(body.data?.unmetInterpretationDemand).toContainEqual({
        language: 'zzz',
        sphere: 'TRAFFICKING',
        country: 'HN',
        count: 2,
      });
    }
    // Another organisation does not count them: across organisations exact counts would date one another's cases.
    const other = await sg.request<{ unmetInterpretationDemand: { language: string }[] }>(caseworkerB, DEMAND);
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data?.unmetInterpretationDemand.map((d) => d.language)).not.toContain('zzz');
    // The matched requests above are not counted.
    const { body } = await sg.request<{ unmetInterpretationDemand: { language: string }[] }>(caseworkerA, DEMAND);
    expect(body.data?.unmetInterpretationDemand.map((d) => d.language)).not.toContain('mam');
    expect((await sg.request(principalFor('migrant'), DEMAND)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { errors } = (
      await sg.request(caseworkerA, '{ unmetInterpretationDemand(from: "2027-01-01", to: "2026-01-01") { count } }')
    ).body;
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
