import {
  DEMO_LANGUAGES,
  DEMO_ORGANIZATIONS,
  DEMO_PLACES,
  DEMO_PROVIDER_ORGANIZATIONS,
  DEMO_SIZES,
  SeededRandom,
  demoServiceId,
  type Database,
  type SeedOptions,
} from '@amparo/kit';

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
    for (let i = 0; i < count; i++) {
      // Every category appears: the first ones cycle through the list.
      const main = i < CATEGORIES.length * 2 ? CATEGORIES[i % CATEGORIES.length] : random.pick(CATEGORIES);
      const categories = [...new Set([main, ...random.sample(CATEGORIES, random.int(0, 2))])];
      const org = random.pick(DEMO_PROVIDER_ORGANIZATIONS);
      const place = random.chance(0.7) ? org.place : random.pick(DEMO_PLACES);
      const languages = ['spa', ...random.sample(indigenous, random.int(0, 2))];
      if (random.chance(0.2)) languages.push('eng');
      rows.push([
        demoServiceId(i),
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
      ]);
    }
    for (let start = 0; start < rows.length; start += 200) {
      const chunk = rows.slice(start, start + 200);
      const values = chunk.map((_, r) => `(${Array.from({ length: 15 }, (_, c) => `$${r * 15 + c + 1}`).join(', ')})`);
      await tx.query(
        `INSERT INTO services (id, organization_id, name, description, categories, phases, country, area, city,
           latitude, longitude, languages, serves_regardless_of_status, requires_identity_document, status)
         VALUES ${values.join(', ')}`,
        chunk.flat(),
      );
    }
  });
  options.progress?.(`services: ${DEMO_ORGANIZATIONS.length} organisations, ${count} services`);
}
