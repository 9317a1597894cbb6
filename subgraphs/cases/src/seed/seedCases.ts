import {
  DEMO_ORGANIZATIONS,
  DEMO_PLACES,
  DEMO_PROVIDER_ORGANIZATIONS,
  DEMO_SIZES,
  SeededRandom,
  demoId,
  demoServiceId,
  type Database,
  type SeedOptions,
} from '@amparo/kit';
import { presumedMinor } from '../cases/presumedMinor.js';
import { formatReferenceCode, REFERENCE_CODE_BYTES } from '../cases/referenceCode.js';
import { casesKeyring } from '../crypto/casesKeyring.js';
import { sealMigrationStatus } from '../crypto/sealMigrationStatus.js';
import { demoFamily } from './demoFamily.js';
import { demoIntakeStatement } from './demoIntakeStatement.js';
import { type DemoPerson, demoPerson } from './demoPerson.js';
import { insertRows } from '@amparo/kit';

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
  'migration_status_sealed',
  'closed_at',
  'closure_reason',
  'gender_identity',
  'vulnerabilities',
  'needs',
] as const;
const REFERRAL_COLUMNS = [
  'id',
  'case_id',
  'service_id',
  'status',
  'created_at',
  'receiving_organization_id',
  'consent_id',
  'responded_at',
  'completed_at',
] as const;
const CONSENT_COLUMNS = [
  'id',
  'case_id',
  'organization_id',
  'sections',
  'purpose',
  'given_how',
  'valid_until',
  'recorded_at',
  'recorded_by',
  'revoked_at',
] as const;
const FAMILY_MEMBER_COLUMNS = [
  'id',
  'case_id',
  'relationship',
  'given_name',
  'family_name',
  'sex',
  'birth_date',
  'estimated_age',
  'accompanying',
  'note',
  'recorded_at',
] as const;
const GENDER_IDENTITIES = ['mujer trans', 'no binaria', 'mujer'];
const COMMON_NEEDS = [
  ['SHELTER', 20],
  ['HEALTH', 15],
  ['LEGAL_AID', 15],
  ['PSYCHOSOCIAL_SUPPORT', 12],
  ['FOOD', 10],
  ['SEXUAL_AND_REPRODUCTIVE_HEALTH', 6],
  ['ACCESS_TO_JUSTICE', 5],
  ['ASYLUM_REFERRAL', 5],
  ['EMPLOYMENT', 4],
  ['INTERPRETATION', 3],
  ['FAMILY_COMMUNICATION', 3],
  ['CONSULAR_ASSISTANCE', 2],
] as const;

/** Vulnerabilities and needs of a demo person, drawn from their own stream; needs follow from vulnerabilities. */
function needsAndVulnerabilities(
  random: SeededRandom,
  person: DemoPerson,
  openedAt: Date,
): [vulnerabilities: string[], needs: string[]] {
  const minor = presumedMinor(person, openedAt);
  const vulnerabilities = new Set<string>();
  const needs = new Set<string>();
  if (random.chance(0.45)) {
    vulnerabilities.add('GBV_SURVIVOR');
    needs.add('GENDER_BASED_VIOLENCE_RESPONSE');
  }
  if (random.chance(0.08)) {
    vulnerabilities.add('TRAFFICKING_SURVIVOR');
    needs.add('TRAFFICKING_SURVIVOR_SUPPORT');
  }
  if (minor && random.chance(0.4)) {
    vulnerabilities.add('UNACCOMPANIED_MINOR');
    needs.add('PROGRAMMES_FOR_CHILDREN');
  }
  if (person.sex === 'FEMALE' && !minor && random.chance(0.1)) vulnerabilities.add('PREGNANT');
  if (random.chance(0.06)) vulnerabilities.add('DISABILITY');
  if (random.chance(0.05)) vulnerabilities.add('LGBTI');
  if (person.languages.some((l) => l !== 'spa' && l !== 'eng')) vulnerabilities.add('INDIGENOUS');
  if (random.chance(0.02)) vulnerabilities.add('HUMAN_RIGHTS_DEFENDER_AT_RISK');
  for (let n = random.int(1, 3); n > 0; n--) needs.add(random.weighted(COMMON_NEEDS));
  return [[...vulnerabilities].sort(), [...needs].sort()];
}

const INCIDENT_COLUMNS = [
  'id',
  'case_id',
  'violence_type',
  'phase',
  'country',
  'occurred_from',
  'occurred_to',
  'recorded_at',
] as const;
const VIOLENCE_TYPES = [
  ['PHYSICAL', 25],
  ['SEXUAL', 20],
  ['PSYCHOLOGICAL', 20],
  ['EXTORTION', 12],
  ['ECONOMIC', 8],
  ['KIDNAPPING', 5],
  ['TRAFFICKING', 5],
  ['INSTITUTIONAL', 3],
  ['OTHER', 2],
] as const;
const INCIDENT_PHASES = [
  ['ORIGIN', 35],
  ['TRANSIT', 50],
  ['DESTINATION', 15],
] as const;
const PURPOSES = ['shelter placement', 'legal aid', 'health care', 'psychosocial support', 'family reunification'];
const DAY_MS = 86_400_000;

const MIGRATION_STATUS_SHARES = [
  ['IRREGULAR', 30],
  ['ASYLUM_SEEKER', 20],
  ['IN_PROCESS', 15],
  ['REGULAR', 15],
  ['REFUGEE', 8],
  ['STATELESS', 2],
  ['UNKNOWN', 10],
] as const;
const CLOSURE_REASON_SHARES = [
  ['NEEDS_MET', 45],
  ['REFERRED_ELSEWHERE', 20],
  ['LOST_CONTACT', 15],
  ['MOVED_ON', 12],
  ['DECLINED_FURTHER_ASSISTANCE', 5],
  ['OTHER', 3],
] as const;

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
  // A stream of its own, so adding these columns left every earlier demo value unchanged.
  const later = new SeededRandom('cases:status-and-closure');
  const family = new SeededRandom('cases:family');
  const findable = new SeededRandom('cases:findability');
  const keyring = casesKeyring();
  const scale = options.scale ?? 1;
  const count = Math.round(DEMO_SIZES.cases * scale);
  // Same rounding as the services seed: index serviceCount - 1 is the last service it creates.
  const serviceCount = Math.round(DEMO_SIZES.services * scale);
  const cases: unknown[][] = [];
  const referrals: unknown[][] = [];
  const consents: unknown[][] = [];
  const incidents: unknown[][] = [];
  const familyMembers: unknown[][] = [];
  const consulates = DEMO_ORGANIZATIONS.filter((o) => o.kind === 'CONSULATE');
  /** Her consent to share sections with `organizationId`; a guardian gives it while she is presumed a minor. */
  const consentOf = (caseId: string, organizationId: string, at: number, minor: boolean, sections: string[]) => {
    const consentId = demoId('consent', consents.length);
    const givenHow = minor ? 'GUARDIAN_FOR_MINOR' : later.chance(0.7) ? 'SIGNED' : 'VERBAL_WITNESSED';
    const revoked = later.chance(0.05) ? new Date(at + later.int(1, 90) * DAY_MS).toISOString() : null;
    consents.push([
      consentId,
      caseId,
      organizationId,
      sections,
      later.pick(PURPOSES),
      givenHow,
      new Date(at + later.int(365, 730) * DAY_MS).toISOString(),
      new Date(at).toISOString(),
      'seed',
      revoked,
    ]);
    return consentId;
  };

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
      // Often not asked or not told: the status is optional and never a condition of help.
      later.chance(0.45) ? null : sealMigrationStatus(keyring, id, later.weighted(MIGRATION_STATUS_SHARES)),
      closed ? new Date(Math.min(SEED_NOW, openedAt + later.int(7, 400) * 86_400_000)).toISOString() : null,
      closed ? later.weighted(CLOSURE_REASON_SHARES) : null,
      later.chance(0.03) ? later.pick(GENDER_IDENTITIES) : null,
      ...needsAndVulnerabilities(later, person, new Date(openedAt)),
    ]);
    const minor = presumedMinor(person, new Date(openedAt));
    const relatives = demoFamily(family, person, openedAt);
    for (const m of relatives) {
      familyMembers.push([
        demoId('family-member', familyMembers.length),
        id,
        m.relationship,
        m.givenName,
        m.familyName,
        m.sex,
        m.birthDate,
        m.estimatedAge,
        m.accompanying,
        m.note,
        new Date(openedAt).toISOString(),
      ]);
    }
    const caseRow = cases.at(-1) as unknown[];
    // Survivors of violence report 1–2 incidents, mostly on the route, some before leaving.
    if ((caseRow[CASE_COLUMNS.indexOf('vulnerabilities')] as string[]).includes('GBV_SURVIVOR')) {
      for (let n = later.chance(0.7) ? 1 : 2; n > 0; n--) {
        const phase = later.weighted(INCIDENT_PHASES);
        const to = openedAt - later.int(0, 120) * DAY_MS;
        incidents.push([
          demoId('incident', incidents.length),
          id,
          later.weighted(VIOLENCE_TYPES),
          phase,
          phase === 'ORIGIN' ? person.nationality : country,
          later.chance(0.3) ? null : new Date(to - later.int(0, 60) * DAY_MS).toISOString().slice(0, 10),
          new Date(to).toISOString().slice(0, 10),
          // Told at intake: recorded when the case was opened, so monthly statistics fall in that month.
          new Date(openedAt).toISOString(),
        ]);
      }
    }
    // Some women ask that their consulate know of them (consular assistance, documents).
    if (consulates.length > 0 && later.chance(0.06)) {
      consentOf(id, later.pick(consulates).id, openedAt, minor, ['IDENTITY']);
    }
    // A few of those still assisted agree that family searches may find them (issue 7): TO_BE_FOUND,
    // alone and to her own organisation, active now; from a stream of its own so the draws above keep
    // their values.
    if (!closed && findable.chance(0.04)) {
      const recordedAt = Math.max(openedAt, SEED_NOW - findable.int(0, 120) * DAY_MS);
      consents.push([
        demoId('consent', consents.length),
        id,
        org.id,
        ['TO_BE_FOUND'],
        'family tracing',
        minor ? 'GUARDIAN_FOR_MINOR' : 'SIGNED',
        new Date(recordedAt + findable.int(600, 720) * DAY_MS).toISOString(),
        new Date(recordedAt).toISOString(),
        'seed',
        null,
      ]);
    }
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
      // The services seed owns which organisation runs which service; the receiving organisation
      // here is another provider, drawn from a stream of its own.
      const receiving = later.pick(DEMO_PROVIDER_ORGANIZATIONS.filter((o) => o.id !== org.id));
      const sections = [
        'INTAKE_STATEMENT',
        ...(later.chance(0.8) ? ['IDENTITY'] : []),
        ...(later.chance(0.7) ? ['NEEDS'] : []),
        ...(later.chance(0.3) ? ['INCIDENTS'] : []),
        // A shelter placing her with her children needs to know them; from the family stream,
        // so the draws above keep their values.
        ...(relatives.length > 0 && family.chance(0.6) ? ['FAMILY'] : []),
      ];
      const consentId = consentOf(id, receiving.id, createdAt, minor, sections);
      const responded = referralStatus === 'PENDING' ? null : createdAt + later.int(1, 10) * DAY_MS;
      const completed =
        referralStatus === 'COMPLETED' && responded !== null ? responded + later.int(5, 60) * DAY_MS : null;
      referrals.push([
        demoId('referral', referrals.length),
        id,
        demoServiceId(random.int(0, serviceCount - 1)),
        referralStatus,
        new Date(createdAt).toISOString(),
        receiving.id,
        consentId,
        responded === null ? null : new Date(responded).toISOString(),
        completed === null ? null : new Date(completed).toISOString(),
      ]);
    }
  }

  await db.transaction(async (tx) => {
    await insertRows(tx, 'cases', CASE_COLUMNS, cases);
    await insertRows(tx, 'consents', CONSENT_COLUMNS, consents);
    await insertRows(tx, 'incidents', INCIDENT_COLUMNS, incidents);
    await insertRows(tx, 'referrals', REFERRAL_COLUMNS, referrals);
    await insertRows(tx, 'family_members', FAMILY_MEMBER_COLUMNS, familyMembers);
  });
  const counts = [
    `${count} cases`,
    `${consents.length} consents`,
    `${referrals.length} referrals`,
    `${incidents.length} incidents`,
    `${familyMembers.length} family members`,
  ];
  options.progress?.(`cases: ${counts.join(', ')}`);
}
