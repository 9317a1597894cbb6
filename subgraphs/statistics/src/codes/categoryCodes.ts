import { labels, type Labels } from './labels.js';

/** Service categories, the same codes as the services subgraph's `ServiceCategory` (seed 000 §6.2a, §6.3). */
export const CATEGORY_CODES: readonly (readonly [string, Labels])[] = [
  ['SHELTER', labels('Albergue', 'Shelter', 'Hébergement', 'Abrigo')],
  ['FOOD', labels('Alimentación', 'Food', 'Alimentation', 'Alimentação')],
  ['HEALTH', labels('Salud', 'Health', 'Santé', 'Saúde')],
  [
    'SEXUAL_AND_REPRODUCTIVE_HEALTH',
    labels(
      'Salud sexual y reproductiva',
      'Sexual and reproductive health',
      'Santé sexuelle et reproductive',
      'Saúde sexual e reprodutiva',
    ),
  ],
  [
    'PSYCHOSOCIAL_SUPPORT',
    labels('Apoyo psicosocial', 'Psychosocial support', 'Soutien psychosocial', 'Apoio psicossocial'),
  ],
  ['LEGAL_AID', labels('Asesoría jurídica', 'Legal aid', 'Aide juridique', 'Assistência jurídica')],
  ['ACCESS_TO_JUSTICE', labels('Acceso a la justicia', 'Access to justice', 'Accès à la justice', 'Acesso à justiça')],
  [
    'GENDER_BASED_VIOLENCE_RESPONSE',
    labels(
      'Atención a la violencia de género',
      'Gender-based violence response',
      'Réponse aux violences de genre',
      'Resposta à violência de gênero',
    ),
  ],
  [
    'TRAFFICKING_SURVIVOR_SUPPORT',
    labels(
      'Apoyo a sobrevivientes de trata',
      'Trafficking survivor support',
      'Soutien aux survivantes de la traite',
      'Apoio a sobreviventes de tráfico',
    ),
  ],
  ['INTERPRETATION', labels('Interpretación', 'Interpretation', 'Interprétation', 'Interpretação')],
  ['EMPLOYMENT', labels('Empleo', 'Employment', 'Emploi', 'Emprego')],
  ['EDUCATION', labels('Educación', 'Education', 'Éducation', 'Educação')],
  ['HOUSING', labels('Vivienda', 'Housing', 'Logement', 'Habitação')],
  ['ENTREPRENEURSHIP', labels('Emprendimiento', 'Entrepreneurship', 'Entrepreneuriat', 'Empreendedorismo')],
  ['CHILDCARE', labels('Cuidado infantil', 'Childcare', "Garde d'enfants", 'Cuidado infantil')],
  [
    'PROGRAMMES_FOR_CHILDREN',
    labels(
      'Programas para la niñez',
      'Programmes for children',
      'Programmes pour les enfants',
      'Programas para crianças',
    ),
  ],
  [
    'CONSULAR_ASSISTANCE',
    labels('Asistencia consular', 'Consular assistance', 'Assistance consulaire', 'Assistência consular'),
  ],
  [
    'FAMILY_COMMUNICATION',
    labels('Comunicación familiar', 'Family communication', 'Communication familiale', 'Comunicação familiar'),
  ],
  ['FAMILY_TRACING', labels('Búsqueda de familiares', 'Family tracing', 'Recherche de proches', 'Busca de familiares')],
  [
    'ASYLUM_REFERRAL',
    labels('Orientación sobre asilo', 'Asylum referral', "Orientation vers l'asile", 'Encaminhamento para asilo'),
  ],
  ['REINTEGRATION', labels('Reintegración', 'Reintegration', 'Réintégration', 'Reintegração')],
];
