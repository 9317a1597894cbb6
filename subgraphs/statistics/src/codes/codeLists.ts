import { DEMO_LANGUAGES, DEMO_NATIONALITIES, RCM_COUNTRIES } from '@amparo/kit';
import { CATEGORY_CODES } from './categoryCodes.js';
import { TOTAL_CODE, type Dimension } from './dimensions.js';
import { LABEL_LANGUAGES, labels, type Labels } from './labels.js';

/** One code of a code list with its labels. */
export interface CodeEntry {
  readonly code: string;
  readonly labels: Labels;
}

const UNKNOWN = labels('Desconocido', 'Unknown', 'Inconnu', 'Desconhecido');
const OTHER = labels('Otro', 'Other', 'Autre', 'Outro');
const TOTAL = labels('Total', 'Total', 'Total', 'Total');

/** Country names from ICU, so the four languages stay correct without a hand-kept table. */
function countryLabels(code: string): Labels {
  const entries = LABEL_LANGUAGES.map((lang) => [
    lang,
    new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code,
  ]);
  return Object.fromEntries(entries) as Labels;
}

const entries = (list: readonly (readonly [string, Labels])[]): CodeEntry[] =>
  list.map(([code, l]) => ({ code, labels: l }));

const YES_NO_UNKNOWN = entries([
  ['Y', labels('Sí', 'Yes', 'Oui', 'Sim')],
  ['N', labels('No', 'No', 'Non', 'Não')],
  ['_U', UNKNOWN],
]);

/**
 * The codes each dimension takes in fine cells (margins add `_T`). SDMX
 * conventions: SEX F/M/_O/_U, AGE bands Y_LT12 … Y_GE60, `_U` unknown,
 * `_O` other. Bands are fixed: there are no arbitrary ranges to difference.
 */
export const CODE_LISTS: Readonly<Record<Dimension, readonly CodeEntry[]>> = Object.freeze({
  // Outside the RCM region (`_O`) and not recorded (`_U`): owners must be able to say so.
  COUNTRY: [
    ...RCM_COUNTRIES.map((code) => ({ code, labels: countryLabels(code) })),
    { code: '_O', labels: OTHER },
    { code: '_U', labels: UNKNOWN },
  ],
  NATIONALITY: [
    ...DEMO_NATIONALITIES.map(([code]) => ({ code, labels: countryLabels(code) })),
    { code: '_O', labels: OTHER },
    { code: '_U', labels: UNKNOWN },
  ],
  SEX: entries([
    ['F', labels('Mujeres', 'Female', 'Femmes', 'Mulheres')],
    ['M', labels('Hombres', 'Male', 'Hommes', 'Homens')],
    ['_O', labels('Otro', 'Other', 'Autre', 'Outro')],
    ['_U', UNKNOWN],
  ]),
  AGE_GROUP: entries([
    ['Y_LT12', labels('Menos de 12 años', 'Under 12 years', 'Moins de 12 ans', 'Menos de 12 anos')],
    ['Y12T17', labels('12 a 17 años', '12 to 17 years', '12 à 17 ans', '12 a 17 anos')],
    ['Y18T24', labels('18 a 24 años', '18 to 24 years', '18 à 24 ans', '18 a 24 anos')],
    ['Y25T34', labels('25 a 34 años', '25 to 34 years', '25 à 34 ans', '25 a 34 anos')],
    ['Y35T49', labels('35 a 49 años', '35 to 49 years', '35 à 49 ans', '35 a 49 anos')],
    ['Y50T59', labels('50 a 59 años', '50 to 59 years', '50 à 59 ans', '50 a 59 anos')],
    ['Y_GE60', labels('60 años o más', '60 years or over', '60 ans ou plus', '60 anos ou mais')],
    ['_U', UNKNOWN],
  ]),
  PHASE: entries([
    ['ORIGIN', labels('Origen', 'Origin', 'Origine', 'Origem')],
    ['TRANSIT', labels('Tránsito', 'Transit', 'Transit', 'Trânsito')],
    ['DESTINATION', labels('Destino', 'Destination', 'Destination', 'Destino')],
    ['RETURN', labels('Retorno', 'Return', 'Retour', 'Retorno')],
    ['_U', UNKNOWN],
  ]),
  DISABILITY: YES_NO_UNKNOWN,
  INDIGENOUS_LANGUAGE: YES_NO_UNKNOWN,
  CATEGORY: [...entries(CATEGORY_CODES), { code: '_U', labels: UNKNOWN }],
  VIOLENCE_TYPE: entries([
    ['PHYSICAL', labels('Física', 'Physical', 'Physique', 'Física')],
    ['SEXUAL', labels('Sexual', 'Sexual', 'Sexuelle', 'Sexual')],
    ['PSYCHOLOGICAL', labels('Psicológica', 'Psychological', 'Psychologique', 'Psicológica')],
    ['ECONOMIC', labels('Económica', 'Economic', 'Économique', 'Econômica')],
    [
      'TRAFFICKING',
      labels('Trata de personas', 'Trafficking in persons', 'Traite des personnes', 'Tráfico de pessoas'),
    ],
    ['EXTORTION', labels('Extorsión', 'Extortion', 'Extorsion', 'Extorsão')],
    ['KIDNAPPING', labels('Secuestro', 'Kidnapping', 'Enlèvement', 'Sequestro')],
    ['INSTITUTIONAL', labels('Institucional', 'Institutional', 'Institutionnelle', 'Institucional')],
    ['_O', OTHER],
  ]),
  // Languages are labelled with their own name (autonym) in every language: ICU does not know most of them.
  LANGUAGE: [
    ...DEMO_LANGUAGES.filter((l) => l.code !== 'spa').map((l) => ({
      code: l.code,
      labels: labels(l.name, l.name, l.name, l.name),
    })),
    { code: '_O', labels: OTHER },
  ],
});

/** The member codes of a dimension, without the total. */
export function codesOf(dimension: Dimension): string[] {
  return CODE_LISTS[dimension].map((c) => c.code);
}

/** True when `code` may appear in a published cell key for `dimension` (members and `_T`). */
export function isPublishedCode(dimension: Dimension, code: string): boolean {
  return code === TOTAL_CODE || CODE_LISTS[dimension].some((c) => c.code === code);
}

/** The code list as published: members, then `_T`. */
export function publishedCodeList(dimension: Dimension): CodeEntry[] {
  return [...CODE_LISTS[dimension], { code: TOTAL_CODE, labels: TOTAL }];
}
