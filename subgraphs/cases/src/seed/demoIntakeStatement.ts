import { DEMO_PLACES, type SeededRandom } from '@amparo/kit';

const REASONS = [
  'Salió de su comunidad por amenazas de una pandilla contra su familia.',
  'Refiere violencia de su expareja durante varios años.',
  'Busca trabajo para sostener a sus hijos.',
  'Viaja para reunirse con familiares.',
  'Perdió su cosecha por la sequía y no tenía cómo alimentar a su familia.',
  'Fue retornada y necesita apoyo para reintegrarse.',
] as const;

const EVENTS = [
  'Durante el trayecto fue asaltada cerca de {city}.',
  'Pasó varias noches en la calle en {city}.',
  'Un hombre le ofreció trabajo en {city} y le retuvo sus documentos.',
  'Viaja con sus dos hijos pequeños.',
  'Está embarazada de unos cinco meses.',
  'Perdió contacto con su hermana en {city}.',
] as const;

const REQUESTS = [
  'Solicita albergue y atención médica.',
  'Pide orientación legal.',
  'Necesita comunicarse con su familia.',
  'Pide apoyo psicosocial.',
  'Solicita intérprete en su idioma.',
] as const;

/** A synthetic intake statement, assembled from generic sentences (no real account). */
export function demoIntakeStatement(random: SeededRandom): string {
  const events = random.sample(EVENTS, random.int(0, 2)).map((e) => e.replace('{city}', random.pick(DEMO_PLACES).city));
  return [random.pick(REASONS), ...events, random.pick(REQUESTS)].join(' ');
}
