import {
  DEMO_PLACES,
  DEMO_PROVIDER_ORGANIZATIONS,
  DEMO_SIZES,
  SeededRandom,
  demoId,
  demoServiceId,
  type Database,
  type SeedOptions,
} from '@amparo/kit';
import { formatReferenceCode, REFERENCE_CODE_BYTES } from '../cases/referenceCode.js';
import { demoIntakeStatement } from './demoIntakeStatement.js';
import { demoPerson } from './demoPerson.js';
import { insertRows } from './insertRows.js';

/** Demo cases are opened during the three years before this instant (fixed: the seed is deterministic). */
const SEED_NOW = Date.UTC(2026, 5, 30);
const THREE_YEARS_S = 3 * 365 * 86_400;

const CASE_COLUMNS = [
  'id',
  'reference_code',
  'organization_id',
  'status',
  'country_of_assistance',
  'phase',
  'given_name',
  'family_name',
  'preferred_name',
  'sex',
  'birth_date',
  'estimated_age',
  'nationality',
  'languages',
  'intake_statement',
  'opened_at',
] as const;
const REFERRAL_COLUMNS = ['id', 'case_id', 'service_id', 'status', 'created_at'] as const;

/** Where she is relative to her own country decides the phase of her migration. */
function phaseOf(random: SeededRandom, country: string, nationality: string | null): string {
  if (country === nationality)
    return random.weighted([
      ['RETURN', 55],
      ['ORIGIN', 45],
    ] as const);
  if (country === 'US' || country === 'CA') return 'DESTINATION';
  if (country === 'MX')
    return random.weighted([
      ['TRANSIT', 60],
      ['DESTINATION', 40],
    ] as const);
  return random.weighted([
    ['TRANSIT', 80],
    ['DESTINATION', 20],
  ] as const);
}

/**
 * Deterministic demo cases: DEMO_SIZES.cases × scale, owned by the provider
 * organisations, about 30% referred to 1–2 services that the services seed at
 * the same scale creates. Case ids are `demoId('case', i)`, so other
 * subgraphs' seeds can point at them.
 */
export async function seedCases(db: Database, options: SeedOptions = {}): Promise<void> {
  const random = new SeededRandom('cases');
  const scale = options.scale ?? 1;
  const count = Math.round(DEMO_SIZES.cases * scale);
  // Same rounding as the services seed: index serviceCount - 1 is the last service it creates.
  const serviceCount = Math.round(DEMO_SIZES.services * scale);
  const cases: unknown[][] = [];
  const referrals: unknown[][] = [];

  for (let i = 0; i < count; i++) {
    const id = demoId('case', i);
    const org = random.pick(DEMO_PROVIDER_ORGANIZATIONS);
    const openedAt = SEED_NOW - random.int(0, THREE_YEARS_S) * 1000;
    const person = demoPerson(random, openedAt);
    const country = random.chance(0.85) ? org.place.country : random.pick(DEMO_PLACES).country;
    const referred = serviceCount > 0 && random.chance(0.3);
    const closed = random.chance(0.3);
    const status = closed ? 'CLOSED' : referred ? 'REFERRED' : 'OPEN';
    const code = formatReferenceCode(Uint8Array.from({ length: REFERENCE_CODE_BYTES }, () => random.int(0, 255)));
    cases.push([
      id,
      code,
      org.id,
      status,
      country,
      phaseOf(random, country, person.nationality),
      person.givenName,
      person.familyName,
      person.preferredName,
      person.sex,
      person.birthDate,
      person.estimatedAge,
      person.nationality,
      person.languages,
      random.chance(0.75) ? demoIntakeStatement(random) : null,
      new Date(openedAt).toISOString(),
    ]);
    if (!referred) continue;
    for (let r = random.chance(0.7) ? 1 : 2; r > 0; r--) {
      const createdAt = Math.min(SEED_NOW, openedAt + random.int(0, 30 * 86_400) * 1000);
      const referralStatus = closed
        ? random.weighted([
            ['COMPLETED', 60],
            ['DECLINED', 25],
            ['ACCEPTED', 15],
          ] as const)
        : random.weighted([
            ['PENDING', 40],
            ['ACCEPTED', 40],
            ['DECLINED', 10],
            ['COMPLETED', 10],
          ] as const);
      referrals.push([
        demoId('referral', referrals.length),
        id,
        demoServiceId(random.int(0, serviceCount - 1)),
        referralStatus,
        new Date(createdAt).toISOString(),
      ]);
    }
  }

  await db.transaction(async (tx) => {
    await insertRows(tx, 'cases', CASE_COLUMNS, cases);
    await insertRows(tx, 'referrals', REFERRAL_COLUMNS, referrals);
  });
  options.progress?.(`cases: ${count} cases, ${referrals.length} referrals`);
}
