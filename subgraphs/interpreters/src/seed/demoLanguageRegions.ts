/**
 * Synthetic-data reference for the interpreters seed: where each language of
 * the region is spoken (RCM country codes), the communities its speakers come
 * from, and the language it is usually interpreted into.
 */
export interface DemoLanguageRegion {
  /** ISO 639-3. */
  readonly code: string;
  /** The other side of the usual pair (ISO 639-3). */
  readonly partner: string;
  readonly countries: readonly string[];
  readonly communities: readonly string[];
  readonly kind: 'indigenous' | 'sign' | 'other';
}

const indigenous = (code: string, countries: string[], communities: string[]): DemoLanguageRegion => ({
  code,
  partner: 'spa',
  countries,
  communities,
  kind: 'indigenous',
});

/** Indigenous languages, all interpreted into Spanish (seed 000 §6.1m). */
export const DEMO_INDIGENOUS_REGIONS: readonly DemoLanguageRegion[] = [
  indigenous('quc', ['GT', 'MX', 'US'], ['Totonicapán', 'Santa Cruz del Quiché', 'Nahualá', 'Momostenango', 'Zunil']),
  indigenous('mam', ['GT', 'MX', 'US'], ['Todos Santos Cuchumatán', 'San Juan Ostuncalco', 'Comitancillo', 'Tacaná']),
  indigenous('kek', ['GT', 'BZ'], ['Cobán', 'San Pedro Carchá', 'Senahú', 'Lanquín']),
  indigenous('cak', ['GT'], ['San Juan Comalapa', 'Tecpán', 'Patzún', 'Sololá']),
  indigenous('tzj', ['GT'], ['Santiago Atitlán', 'San Pedro La Laguna', 'San Juan La Laguna']),
  indigenous('ixl', ['GT', 'US'], ['Nebaj', 'Chajul', 'Cotzal']),
  indigenous('poh', ['GT'], ['San Cristóbal Verapaz', 'Tactic', 'Tamahú']),
  indigenous('cab', ['HN', 'BZ', 'GT', 'NI', 'US'], ['Trujillo', 'Triunfo de la Cruz', 'Dangriga', 'Livingston']),
  indigenous('nhe', ['MX'], ['Huejutla', 'Chicontepec', 'Tlanchinol']),
  indigenous('tzo', ['MX'], ['San Juan Chamula', 'Zinacantán', 'Chenalhó']),
  indigenous('tzh', ['MX'], ['Oxchuc', 'Tenejapa', 'Ocosingo']),
  indigenous('yua', ['MX', 'BZ'], ['Valladolid', 'Tizimín', 'Peto']),
  indigenous('zap', ['MX', 'US'], ['Juchitán', 'Teotitlán del Valle', 'Yalálag']),
  indigenous('mix', ['MX', 'US'], ['Tlaxiaco', 'Juxtlahuaca', 'Tlapa']),
  indigenous('miq', ['NI', 'HN'], ['Waspam', 'Puerto Lempira', 'Bilwi']),
  indigenous('len', ['HN', 'SV'], ['Intibucá', 'La Esperanza', 'Guajiquiro']),
  indigenous('ppl', ['SV'], ['Nahuizalco', 'Izalco', 'Santo Domingo de Guzmán']),
  indigenous('gym', ['PA', 'CR'], ['Kankintú', 'Chichica', 'Coto Brus']),
  indigenous('kvn', ['PA'], ['Gunayala', 'Ustupu', 'Narganá']),
];

/**
 * National sign languages (seed 002 §1.3.4). ISO 639-3: mfs Mexican, gsm
 * Guatemalan, hds Honduran, esn Salvadoran, ase American Sign Language.
 */
export const DEMO_SIGN_LANGUAGE_REGIONS: readonly DemoLanguageRegion[] = [
  { code: 'mfs', partner: 'spa', countries: ['MX'], communities: [], kind: 'sign' },
  { code: 'gsm', partner: 'spa', countries: ['GT'], communities: [], kind: 'sign' },
  { code: 'hds', partner: 'spa', countries: ['HN'], communities: [], kind: 'sign' },
  { code: 'esn', partner: 'spa', countries: ['SV'], communities: [], kind: 'sign' },
  { code: 'ase', partner: 'eng', countries: ['US', 'CA'], communities: [], kind: 'sign' },
];

/** Other languages women on the routes speak. */
export const DEMO_OTHER_LANGUAGE_REGIONS: readonly DemoLanguageRegion[] = [
  { code: 'eng', partner: 'spa', countries: ['US', 'CA', 'BZ', 'MX'], communities: [], kind: 'other' },
  { code: 'hat', partner: 'spa', countries: ['DO', 'MX', 'PA'], communities: [], kind: 'other' },
  { code: 'fra', partner: 'eng', countries: ['CA'], communities: [], kind: 'other' },
  { code: 'por', partner: 'spa', countries: ['MX', 'PA', 'CR'], communities: [], kind: 'other' },
];

/** Who certifies interpreters, by country; the last entry serves everywhere. */
export const DEMO_CERTIFICATION_ISSUERS: Readonly<Record<string, readonly string[]>> = {
  GT: ['Organismo Judicial de Guatemala', 'Academia de Lenguas Mayas de Guatemala'],
  MX: ['Instituto Nacional de Lenguas Indígenas', 'Consejo de la Judicatura Federal'],
  HN: ['Poder Judicial de Honduras'],
  SV: ['Corte Suprema de Justicia de El Salvador'],
  US: ['National Center for State Courts'],
  CA: ['Immigration and Refugee Board of Canada'],
  '*': ['Red Regional de Intérpretes Comunitarios'],
};
