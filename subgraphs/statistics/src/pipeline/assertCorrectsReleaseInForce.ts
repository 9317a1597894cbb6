import { badUserInput, type Queryable } from '@amparo/kit';

/**
 * Corrections a period may have after its first release. Each release draws
 * its noise afresh, and every release of a period stays readable (`asOf`):
 * averaging n releases of one period narrows each cell's noise by √n and
 * spends the period's ε n times (statistics README, "Nobody can be
 * identified"). Three corrections bound that at 4 × ε, where a correction is
 * a rare event (a late extract, a fixed error), not a way to publish updates.
 */
export const MAX_CORRECTIONS_PER_PERIOD = 3;

/**
 * A period has one line of releases: the first, then corrections, each
 * naming the release it replaces. Publishing for a period that already has a
 * release is refused unless `replaces` names the release in force (the one
 * no other release replaces: the last published), so two runs of the
 * pipeline — the schedule and an operator, say — can neither publish the same
 * period twice nor fork its corrections.
 *
 * Call inside the publishing transaction: the advisory lock holds until it
 * ends, so a concurrent publication of the same period waits and then sees
 * this one. Release ids and periods are public; naming them in the error
 * tells the operator what to pass.
 */
export async function assertCorrectsReleaseInForce(
  tx: Queryable,
  period: string,
  replaces: string | null,
): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('amparo.statistics.release'), hashtext($1))`, [period]);
  // The head of the line: replaced by nobody (a tie on published_at cannot put an older release first).
  const [inForce] = await tx.query<{ id: string }>(
    `SELECT r.id FROM releases r
      WHERE r.period = $1 AND NOT EXISTS (SELECT 1 FROM releases c WHERE c.replaces = r.id)
      ORDER BY r.published_at DESC, r.id DESC LIMIT 1`,
    [period],
  );
  if (!inForce && replaces !== null) {
    throw badUserInput('input.replaces', `no release of ${period} is published; leave replaces out`);
  }
  if (inForce && replaces === null) {
    throw badUserInput(
      'input.replaces',
      `release ${inForce.id} is already published for ${period}; a correction must name it in replaces`,
    );
  }
  if (inForce && replaces !== inForce.id) {
    throw badUserInput('input.replaces', `must name the release in force for ${period}, ${inForce.id}`);
  }
  if (inForce) {
    const [line] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM releases WHERE period = $1', [period]);
    if ((line?.n ?? 0) > MAX_CORRECTIONS_PER_PERIOD) {
      throw badUserInput(
        'input.replaces',
        `${period} has had ${MAX_CORRECTIONS_PER_PERIOD} corrections, the most a period may have: every release draws its noise again, and averaging them would narrow it`,
      );
    }
  }
}
