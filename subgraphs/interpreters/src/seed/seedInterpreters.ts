import {
  DEMO_LANGUAGES,
  DEMO_PLACES,
  DEMO_SIZES,
  SeededRandom,
  demoId,
  type Database,
  type DemoPlace,
  type SeedOptions,
} from '@amparo/kit';
import { DEMO_GIVEN_NAMES, DEMO_SURNAMES } from './demoInterpreterNames.js';
import {
  DEMO_CERTIFICATION_ISSUERS,
  DEMO_INDIGENOUS_REGIONS,
  DEMO_OTHER_LANGUAGE_REGIONS,
  DEMO_SIGN_LANGUAGE_REGIONS,
  type DemoLanguageRegion,
} from './demoLanguageRegions.js';
import { insertRows } from '@amparo/kit';
import { seedSchedules } from './seedSchedules.js';

const SPHERES = [
  'LEGAL_CIVIL',
  'LEGAL_LABOUR',
  'LEGAL_CRIMINAL',
  'VIOLENCE',
  'TRAFFICKING',
  'HEALTH',
  'ASYLUM',
] as const;
const MODALITIES = ['PHONE', 'VIDEO', 'IN_PERSON'] as const;

/** The indigenous languages of DEMO_LANGUAGES, with where they are spoken when the seed knows it. */
function indigenousRegions(): DemoLanguageRegion[] {
  return DEMO_LANGUAGES.filter((l) => l.indigenous).map(
    (l) =>
      DEMO_INDIGENOUS_REGIONS.find((r) => r.code === l.code) ?? {
        code: l.code,
        partner: 'spa',
        countries: ['GT', 'MX'],
        communities: [],
        kind: 'indigenous',
      },
  );
}

function placeFor(random: SeededRandom, region: DemoLanguageRegion): DemoPlace {
  const local = DEMO_PLACES.filter((p) => region.countries.includes(p.country));
  // Most interpreters live where the language is spoken; some followed the routes north.
  return local.length > 0 && random.chance(0.8) ? random.pick(local) : random.pick(DEMO_PLACES);
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Deterministic demo registry: DEMO_SIZES.interpreters × scale interpreters
 * across the RCM countries, every indigenous language of DEMO_LANGUAGES paired
 * with Spanish, national sign languages, and other languages of the routes.
 */
export async function seedInterpreters(db: Database, options: SeedOptions = {}): Promise<void> {
  const random = new SeededRandom('interpreters');
  const count = Math.round(DEMO_SIZES.interpreters * (options.scale ?? 1));
  const indigenous = indigenousRegions();
  const all = [...indigenous, ...DEMO_SIGN_LANGUAGE_REGIONS, ...DEMO_OTHER_LANGUAGE_REGIONS];
  const interpreters: unknown[][] = [];
  const pairs: unknown[][] = [];
  const certifications: unknown[][] = [];
  let certificationIndex = 0;

  for (let i = 0; i < count; i++) {
    const id = demoId('interpreter', i);
    // The first ones cycle through every language, so each has at least one interpreter.
    const region =
      i < all.length
        ? (all[i] as DemoLanguageRegion)
        : random.weighted([
            [random.pick(indigenous), 75],
            [random.pick(DEMO_SIGN_LANGUAGE_REGIONS), 10],
            [random.pick(DEMO_OTHER_LANGUAGE_REGIONS), 15],
          ] as const);
    const place = placeFor(random, region);

    const own = new Map<string, unknown[]>();
    const addPair = (from: string, to: string, proficiency: string) => {
      if (from === to || own.has(`${from}|${to}`) || own.has(`${to}|${from}`)) return;
      own.set(`${from}|${to}`, [id, from, to, random.chance(0.85) ? 'BOTH' : 'ONE_WAY', proficiency]);
    };
    addPair(region.code, region.partner, region.kind === 'indigenous' && random.chance(0.8) ? 'NATIVE' : 'FLUENT');
    if (region.kind === 'indigenous' && random.chance(0.3)) {
      const neighbours = indigenous.filter(
        (r) => r.code !== region.code && r.countries.some((c) => region.countries.includes(c)),
      );
      if (neighbours.length > 0) addPair(random.pick(neighbours).code, 'spa', random.pick(['FLUENT', 'WORKING']));
    }
    if (region.partner === 'spa' && ['US', 'CA'].includes(place.country) && random.chance(0.5)) {
      addPair(region.code, 'eng', random.pick(['FLUENT', 'WORKING']));
    }
    pairs.push(...own.values());

    const countries = [place.country];
    const elsewhere = region.countries.filter((c) => c !== place.country);
    if (elsewhere.length > 0 && random.chance(0.25)) countries.push(random.pick(elsewhere));

    const gender = random.weighted([
      ['FEMALE', 78],
      ['MALE', 14],
      ['NON_BINARY', 3],
      [null, 5],
    ] as const);
    const given = random.pick(DEMO_GIVEN_NAMES[gender ?? 'FEMALE']);
    const communities =
      region.communities.length > 0 ? random.sample(region.communities, random.int(1, 2)) : [place.area];

    interpreters.push([
      id,
      `${given} ${random.pick(DEMO_SURNAMES)}`,
      random.sample(SPHERES, random.int(1, 4)),
      countries,
      place.timeZone,
      random.sample(MODALITIES, random.int(1, 3)),
      gender,
      communities,
      random.weighted([
        ['ACTIVE', 93],
        ['SUSPENDED', 7],
      ] as const),
    ]);

    const issuers = [...(DEMO_CERTIFICATION_ISSUERS[place.country] ?? []), ...(DEMO_CERTIFICATION_ISSUERS['*'] ?? [])];
    for (let c = random.int(0, 2); c > 0; c--) {
      const year = random.int(2014, 2025);
      const month = random.int(1, 12);
      const day = random.int(1, 28);
      const expires = random.chance(0.6) ? isoDate(year + random.pick([3, 5]), month, day) : null;
      certifications.push([
        demoId('interpreter-certification', certificationIndex++),
        id,
        random.pick(issuers),
        isoDate(year, month, day),
        expires,
      ]);
    }
  }

  let bookingCount = 0;
  await db.transaction(async (tx) => {
    await insertRows(
      tx,
      'interpreters',
      ['id', 'display_name', 'spheres', 'countries', 'time_zone', 'modalities', 'gender', 'communities', 'status'],
      interpreters,
    );
    await insertRows(
      tx,
      'interpreter_languages',
      ['interpreter_id', 'from_language', 'to_language', 'direction', 'proficiency'],
      pairs,
    );
    await insertRows(
      tx,
      'interpreter_certifications',
      ['id', 'interpreter_id', 'issuer', 'issued_on', 'expires_on'],
      certifications,
    );
    bookingCount = await seedSchedules(
      tx,
      interpreters.map((row) => ({
        id: row[0] as string,
        language: (pairs.find((p) => p[0] === row[0])?.[1] as string | undefined) ?? 'spa',
        spheres: row[2] as string[],
        modalities: row[5] as string[],
      })),
    );
  });
  options.progress?.(
    `interpreters: ${count} interpreters, ${pairs.length} language pairs, ${certifications.length} certifications, ${bookingCount} past bookings`,
  );
}
