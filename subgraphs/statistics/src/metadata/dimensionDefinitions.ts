import type { Dimension } from '../codes/dimensions.js';
import { labels, type Labels } from '../codes/labels.js';

/** A dimension's published name and definition in es, en, fr and pt. */
export interface DimensionDefinition {
  readonly name: Labels;
  readonly definition: Labels;
}

/** Definitions of every dimension. Migration status is not one, and never will be (F4). */
export const DIMENSION_DEFINITIONS: Readonly<Record<Dimension, DimensionDefinition>> = {
  COUNTRY: {
    name: labels('País de atención', 'Country of assistance', 'Pays d’assistance', 'País de atendimento'),
    definition: labels(
      'País donde la organización prestó la asistencia (ISO 3166-1 alfa-2).',
      'Country where the organisation provided the assistance (ISO 3166-1 alpha-2).',
      'Pays où l’organisation a fourni l’assistance (ISO 3166-1 alpha-2).',
      'País onde a organização prestou a assistência (ISO 3166-1 alfa-2).',
    ),
  },
  NATIONALITY: {
    name: labels('Nacionalidad', 'Nationality', 'Nationalité', 'Nacionalidade'),
    definition: labels(
      'Nacionalidad declarada por la persona (ISO 3166-1 alfa-2; _O otras, _U desconocida).',
      'Nationality the person declared (ISO 3166-1 alpha-2; _O other, _U unknown).',
      'Nationalité déclarée par la personne (ISO 3166-1 alpha-2 ; _O autre, _U inconnue).',
      'Nacionalidade declarada pela pessoa (ISO 3166-1 alfa-2; _O outra, _U desconhecida).',
    ),
  },
  SEX: {
    name: labels('Sexo', 'Sex', 'Sexe', 'Sexo'),
    definition: labels(
      'Sexo registrado, códigos SDMX: F mujeres, M hombres, _O otro, _U desconocido, _T total.',
      'Recorded sex, SDMX codes: F female, M male, _O other, _U unknown, _T total.',
      'Sexe enregistré, codes SDMX : F femmes, M hommes, _O autre, _U inconnu, _T total.',
      'Sexo registrado, códigos SDMX: F mulheres, M homens, _O outro, _U desconhecido, _T total.',
    ),
  },
  AGE_GROUP: {
    name: labels('Grupo de edad', 'Age group', 'Groupe d’âge', 'Faixa etária'),
    definition: labels(
      'Edad cumplida al inicio del caso, en bandas fijas (Y_LT12 … Y_GE60); nunca rangos arbitrarios. La edad estimada con presunción de minoría cuenta en la banda de menores.',
      'Age in completed years when the case began, in fixed bands (Y_LT12 … Y_GE60); never arbitrary ranges. An estimated age under the presumption of minority counts in the minors’ band.',
      'Âge révolu au début du dossier, en tranches fixes (Y_LT12 … Y_GE60) ; jamais de tranches arbitraires. Un âge estimé sous présomption de minorité compte dans la tranche des mineures.',
      'Idade completa no início do caso, em faixas fixas (Y_LT12 … Y_GE60); nunca faixas arbitrárias. Idade estimada com presunção de menoridade conta na faixa de menores.',
    ),
  },
  PHASE: {
    name: labels('Fase migratoria', 'Migration phase', 'Phase migratoire', 'Fase migratória'),
    definition: labels(
      'Fase del proceso migratorio: origen, tránsito, destino o retorno.',
      'Phase of the migration process: origin, transit, destination or return.',
      'Phase du parcours migratoire : origine, transit, destination ou retour.',
      'Fase do processo migratório: origem, trânsito, destino ou retorno.',
    ),
  },
  DISABILITY: {
    name: labels('Discapacidad', 'Disability', 'Handicap', 'Deficiência'),
    definition: labels(
      'La persona declaró una discapacidad (Y sí, N no, _U desconocido).',
      'The person reported a disability (Y yes, N no, _U unknown).',
      'La personne a déclaré un handicap (Y oui, N non, _U inconnu).',
      'A pessoa declarou uma deficiência (Y sim, N não, _U desconhecido).',
    ),
  },
  INDIGENOUS_LANGUAGE: {
    name: labels(
      'Habla lengua indígena',
      'Indigenous-language speaker',
      'Locutrice d’une langue autochtone',
      'Falante de língua indígena',
    ),
    definition: labels(
      'La persona habla una lengua indígena (Y sí, N no, _U desconocido).',
      'The person speaks an indigenous language (Y yes, N no, _U unknown).',
      'La personne parle une langue autochtone (Y oui, N non, _U inconnu).',
      'A pessoa fala uma língua indígena (Y sim, N não, _U desconhecido).',
    ),
  },
  CATEGORY: {
    name: labels('Categoría de servicio', 'Service category', 'Catégorie de service', 'Categoria de serviço'),
    definition: labels(
      'Categoría del servicio (catálogo del subgrafo services).',
      'Category of the service (the services subgraph’s catalogue).',
      'Catégorie du service (catalogue du sous-graphe services).',
      'Categoria do serviço (catálogo do subgrafo services).',
    ),
  },
  VIOLENCE_TYPE: {
    name: labels('Tipo de violencia', 'Type of violence', 'Type de violence', 'Tipo de violência'),
    definition: labels(
      'Tipo de violencia del incidente referido.',
      'Type of violence of the reported incident.',
      'Type de violence de l’incident signalé.',
      'Tipo de violência do incidente relatado.',
    ),
  },
  LANGUAGE: {
    name: labels('Idioma', 'Language', 'Langue', 'Idioma'),
    definition: labels(
      'Idioma de la interpretación solicitada (ISO 639-3).',
      'Language of the interpretation requested (ISO 639-3).',
      'Langue de l’interprétation demandée (ISO 639-3).',
      'Idioma da interpretação solicitada (ISO 639-3).',
    ),
  },
};

/** SDMX FREQ, the first position of every key: which period type a release covers. */
export const FREQ_DEFINITION: DimensionDefinition = {
  name: labels('Frecuencia', 'Frequency', 'Fréquence', 'Frequência'),
  definition: labels(
    'Tipo de periodo de la publicación: M mensual, Q trimestral, A anual.',
    'Period type of the release: M monthly, Q quarterly, A annual.',
    'Type de période de la publication : M mensuelle, Q trimestrielle, A annuelle.',
    'Tipo de período da publicação: M mensal, Q trimestral, A anual.',
  ),
};

export const FREQ_CODES = [
  { code: 'M', periodType: 'MONTH', labels: labels('Mensual', 'Monthly', 'Mensuelle', 'Mensal') },
  { code: 'Q', periodType: 'QUARTER', labels: labels('Trimestral', 'Quarterly', 'Trimestrielle', 'Trimestral') },
  { code: 'A', periodType: 'YEAR', labels: labels('Anual', 'Annual', 'Annuelle', 'Anual') },
] as const;
