import {
  DEMO_LANGUAGES,
  DEMO_ORGANIZATIONS,
  DEMO_PLACES,
  DEMO_PROVIDER_ORGANIZATIONS,
  DEMO_SIZES,
  SeededRandom,
  demoServiceId,
  type Database,
  type Queryable,
  type SeedOptions,
} from '@amparo/kit';
import { refreshSearchText } from '../catalogue/refreshSearchText.js';
import { CODE_LABELS } from '../i18n/codeLabels.js';

const CATEGORIES = [
  'SHELTER',
  'FOOD',
  'HEALTH',
  'SEXUAL_AND_REPRODUCTIVE_HEALTH',
  'PSYCHOSOCIAL_SUPPORT',
  'LEGAL_AID',
  'ACCESS_TO_JUSTICE',
  'GENDER_BASED_VIOLENCE_RESPONSE',
  'TRAFFICKING_SURVIVOR_SUPPORT',
  'INTERPRETATION',
  'EMPLOYMENT',
  'EDUCATION',
  'HOUSING',
  'ENTREPRENEURSHIP',
  'CHILDCARE',
  'PROGRAMMES_FOR_CHILDREN',
  'CONSULAR_ASSISTANCE',
  'FAMILY_COMMUNICATION',
  'FAMILY_TRACING',
  'ASYLUM_REFERRAL',
  'REINTEGRATION',
] as const;

const NAMES: Record<string, string> = {
  SHELTER: 'Albergue temporal',
  FOOD: 'Comedor comunitario',
  HEALTH: 'Atención médica',
  SEXUAL_AND_REPRODUCTIVE_HEALTH: 'Salud sexual y reproductiva',
  PSYCHOSOCIAL_SUPPORT: 'Acompañamiento psicosocial',
  LEGAL_AID: 'Asesoría jurídica',
  ACCESS_TO_JUSTICE: 'Acceso a la justicia',
  GENDER_BASED_VIOLENCE_RESPONSE: 'Atención a violencia de género',
  TRAFFICKING_SURVIVOR_SUPPORT: 'Apoyo a sobrevivientes de trata',
  INTERPRETATION: 'Interpretación en lenguas indígenas',
  EMPLOYMENT: 'Orientación laboral',
  EDUCATION: 'Educación y alfabetización',
  HOUSING: 'Vivienda de transición',
  ENTREPRENEURSHIP: 'Emprendimiento para mujeres',
  CHILDCARE: 'Cuidado infantil',
  PROGRAMMES_FOR_CHILDREN: 'Espacio amigable para la niñez',
  CONSULAR_ASSISTANCE: 'Asistencia consular',
  FAMILY_COMMUNICATION: 'Llamadas a familiares',
  FAMILY_TRACING: 'Búsqueda de familiares',
  ASYLUM_REFERRAL: 'Orientación sobre asilo',
  REINTEGRATION: 'Reintegración de personas retornadas',
};

const ACCESSIBILITY = Object.keys(CODE_LABELS.ACCESSIBILITY ?? {});
const POPULATIONS = Object.keys(CODE_LABELS.POPULATION ?? {});
const CATEGORY_LABELS = CODE_LABELS.CATEGORY ?? {};
const HOURS = [
  ['08:00', '16:00'],
  ['09:00', '17:00'],
  ['07:30', '13:30'],
  ['10:00', '18:00'],
] as const;

/** Deterministic demo catalogue: the shared demo organisations and ≥ 600 services along the routes. */
export async function seedServices(db: Database, options: SeedOptions = {}): Promise<void> {
  const random = new SeededRandom('services');
  const count = Math.round(DEMO_SIZES.services * (options.scale ?? 1));
  const indigenous = DEMO_LANGUAGES.filter((l) => l.indigenous).map((l) => l.code);
  await db.transaction(async (tx) => {
    for (const org of DEMO_ORGANIZATIONS) {
      await tx.query('INSERT INTO organizations (id, name, kind, country, city) VALUES ($1, $2, $3, $4, $5)', [
        org.id,
        org.name,
        org.kind,
        org.place.country,
        org.place.city,
      ]);
    }
    const rows: unknown[][] = [];
    const translations: unknown[][] = [];
    const hours: unknown[][] = [];
    // A second stream for the details, so the first one (and the services the
    // other subgraphs' seeds refer to) stays exactly as it was.
    const details = new SeededRandom('services-details');
    for (let i = 0; i < count; i++) {
      // Every category appears: the first ones cycle through the list.
      const main = i < CATEGORIES.length * 2 ? CATEGORIES[i % CATEGORIES.length] : random.pick(CATEGORIES);
      const categories = [...new Set([main, ...random.sample(CATEGORIES, random.int(0, 2))])];
      const org = random.pick(DEMO_PROVIDER_ORGANIZATIONS);
      const place = random.chance(0.7) ? org.place : random.pick(DEMO_PLACES);
      const languages = ['spa', ...random.sample(indigenous, random.int(0, 2))];
      if (random.chance(0.2)) languages.push('eng');
      const id = demoServiceId(i);
      const labels = CATEGORY_LABELS[main as string] ?? ['', '', '', ''];
      translations.push([id, 'en', `${labels[1]} – ${place.city}`, `${labels[1]} for migrant women in ${place.city}.`]);
      if (details.chance(0.3)) translations.push([id, 'fr', `${labels[2]} – ${place.city}`, null]);
      if (details.chance(0.3)) translations.push([id, 'pt', `${labels[3]} – ${place.city}`, null]);
      const aroundTheClock = main === 'SHELTER' || details.chance(0.05);
      if (!aroundTheClock) {
        const [opens, closes] = details.pick(HOURS);
        const lastDay = details.pick([5, 6, 7]);
        for (let day = 1; day <= lastDay; day++) hours.push([id, day, opens, closes]);
      }
      const confidential = main === 'SHELTER' && details.chance(0.5);
      const phone = `+${details.int(500, 599)} ${details.int(2000, 7999)} ${details.int(1000, 9999)}`;
      const contacts = [{ kind: 'PHONE', value: phone }];
      if (details.chance(0.6)) contacts.push({ kind: 'WHATSAPP', value: phone });
      if (details.chance(0.3)) contacts.push({ kind: 'EMAIL', value: `contacto${i}@example.org` });
      if (details.chance(0.3)) contacts.push({ kind: 'WEB', value: `https://example.org/servicios/${i}` });
      const verified = details.chance(0.7);
      const detailColumns = [
        confidential
          ? null
          : `Calle ${details.int(1, 30)} ${details.int(1, 99)}-${details.int(1, 99)}, zona ${details.int(1, 18)}`,
        confidential,
        place.timeZone,
        aroundTheClock,
        details.sample(ACCESSIBILITY, details.int(0, 3)),
        [
          'WOMEN',
          ...details.sample(
            POPULATIONS.filter((p) => p !== 'WOMEN'),
            details.int(0, 3),
          ),
        ],
        details.weighted([
          ['FREE', 85],
          ['LOW_COST', 8],
          ['SLIDING_SCALE', 5],
          ['FEE', 2],
        ] as const),
        JSON.stringify(contacts),
        verified ? 'VERIFIED' : details.pick(['UNVERIFIED', 'NEEDS_REVIEW']),
        verified
          ? `2026-${String(details.int(1, 10)).padStart(2, '0')}-${String(details.int(1, 28)).padStart(2, '0')}`
          : null,
      ];
      rows.push([
        id,
        org.id,
        `${NAMES[main as string]} ${place.city}`,
        `${NAMES[main as string]} para mujeres migrantes en ${place.city}.`,
        categories,
        random.sample(['ORIGIN', 'TRANSIT', 'DESTINATION', 'RETURN'], random.int(1, 3)),
        place.country,
        place.area,
        place.city,
        place.latitude + (random.next() - 0.5) * 0.08,
        place.longitude + (random.next() - 0.5) * 0.08,
        languages,
        random.chance(0.92),
        random.chance(0.1),
        random.weighted([
          ['ACTIVE', 90],
          ['TEMPORARILY_CLOSED', 5],
          ['INACTIVE', 4],
          ['DEFUNCT', 1],
        ] as const),
        ...detailColumns,
      ]);
    }
    for (let start = 0; start < rows.length; start += 200) {
      const chunk = rows.slice(start, start + 200);
      await insertRows(
        tx,
        `services (id, organization_id, name, description, categories, phases, country, area, city,
           latitude, longitude, languages, serves_regardless_of_status, requires_identity_document, status,
           address, confidential_location, time_zone, open_around_the_clock, accessibility, populations, cost_kind,
           contacts, verification_status, verified_on)`,
        chunk,
      );
    }
    for (let start = 0; start < translations.length; start += 500) {
      await insertRows(
        tx,
        'service_translations (service_id, language, name, description)',
        translations.slice(start, start + 500),
      );
    }
    for (let start = 0; start < hours.length; start += 500) {
      await insertRows(tx, 'service_hours (service_id, weekday, opens, closes)', hours.slice(start, start + 500));
    }
    await refreshSearchText(tx, 'all');
  });
  options.progress?.(`services: ${DEMO_ORGANIZATIONS.length} organisations, ${count} services`);
}

/** One multi-row INSERT for a chunk of rows (all rows have the same width). */
export async function insertRows(tx: Queryable, target: string, chunk: readonly unknown[][]): Promise<void> {
  if (chunk.length === 0) return;
  const width = (chunk[0] as unknown[]).length;
  const values = chunk.map(
    (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`,
  );
  await tx.query(`INSERT INTO ${target} VALUES ${values.join(', ')}`, chunk.flat());
}
