import { languageChain } from './languageChain.js';

/** [es, en, fr, pt] */
type Labels = readonly [string, string, string, string];
const LANGUAGES = ['es', 'en', 'fr', 'pt'] as const;

export const CODE_LABELS: Readonly<Record<string, Readonly<Record<string, Labels>>>> = {
  CATEGORY: {
    SHELTER: ['Albergue', 'Shelter', 'Hébergement', 'Abrigo'],
    FOOD: ['Alimentación', 'Food', 'Alimentation', 'Alimentação'],
    HEALTH: ['Salud', 'Health', 'Santé', 'Saúde'],
    SEXUAL_AND_REPRODUCTIVE_HEALTH: [
      'Salud sexual y reproductiva',
      'Sexual and reproductive health',
      'Santé sexuelle et reproductive',
      'Saúde sexual e reprodutiva',
    ],
    PSYCHOSOCIAL_SUPPORT: ['Apoyo psicosocial', 'Psychosocial support', 'Soutien psychosocial', 'Apoio psicossocial'],
    LEGAL_AID: ['Asesoría jurídica', 'Legal aid', 'Aide juridique', 'Assistência jurídica'],
    ACCESS_TO_JUSTICE: ['Acceso a la justicia', 'Access to justice', 'Accès à la justice', 'Acesso à justiça'],
    GENDER_BASED_VIOLENCE_RESPONSE: [
      'Atención a la violencia de género',
      'Gender-based violence response',
      'Réponse aux violences basées sur le genre',
      'Resposta à violência de gênero',
    ],
    TRAFFICKING_SURVIVOR_SUPPORT: [
      'Apoyo a sobrevivientes de trata',
      'Support for trafficking survivors',
      'Soutien aux survivantes de la traite',
      'Apoio a sobreviventes de tráfico',
    ],
    INTERPRETATION: ['Interpretación', 'Interpretation', 'Interprétariat', 'Interpretação'],
    EMPLOYMENT: ['Empleo', 'Employment', 'Emploi', 'Emprego'],
    EDUCATION: ['Educación', 'Education', 'Éducation', 'Educação'],
    HOUSING: ['Vivienda', 'Housing', 'Logement', 'Moradia'],
    ENTREPRENEURSHIP: ['Emprendimiento', 'Entrepreneurship', 'Entrepreneuriat', 'Empreendedorismo'],
    CHILDCARE: ['Cuidado infantil', 'Childcare', "Garde d'enfants", 'Cuidado infantil'],
    PROGRAMMES_FOR_CHILDREN: [
      'Programas para la niñez',
      'Programmes for children',
      'Programmes pour les enfants',
      'Programas para crianças',
    ],
    CONSULAR_ASSISTANCE: [
      'Asistencia consular',
      'Consular assistance',
      'Assistance consulaire',
      'Assistência consular',
    ],
    FAMILY_COMMUNICATION: [
      'Comunicación con la familia',
      'Family communication',
      'Communication avec la famille',
      'Comunicação com a família',
    ],
    FAMILY_TRACING: ['Búsqueda de familiares', 'Family tracing', 'Recherche familiale', 'Busca de familiares'],
    ASYLUM_REFERRAL: [
      'Orientación sobre asilo',
      'Asylum referral',
      "Orientation vers l'asile",
      'Orientação sobre asilo',
    ],
    REINTEGRATION: ['Reintegración', 'Reintegration', 'Réintégration', 'Reintegração'],
  },
  PHASE: {
    ORIGIN: ['Origen', 'Origin', 'Origine', 'Origem'],
    TRANSIT: ['Tránsito', 'Transit', 'Transit', 'Trânsito'],
    DESTINATION: ['Destino', 'Destination', 'Destination', 'Destino'],
    RETURN: ['Retorno', 'Return', 'Retour', 'Retorno'],
  },
  STATUS: {
    ACTIVE: ['Activo', 'Active', 'Actif', 'Ativo'],
    INACTIVE: ['Inactivo', 'Inactive', 'Inactif', 'Inativo'],
    DEFUNCT: ['Cerrado definitivamente', 'Defunct', 'Fermé définitivement', 'Encerrado'],
    TEMPORARILY_CLOSED: [
      'Cerrado temporalmente',
      'Temporarily closed',
      'Fermé temporairement',
      'Fechado temporariamente',
    ],
  },
  ACCESSIBILITY: {
    WHEELCHAIR_ACCESS: [
      'Acceso en silla de ruedas',
      'Wheelchair access',
      'Accès en fauteuil roulant',
      'Acesso para cadeira de rodas',
    ],
    ACCESSIBLE_TOILET: ['Baño accesible', 'Accessible toilet', 'Toilettes accessibles', 'Banheiro acessível'],
    SIGN_LANGUAGE: ['Lengua de señas', 'Sign language', 'Langue des signes', 'Língua de sinais'],
    EASY_READ: ['Lectura fácil', 'Easy read', 'Facile à lire', 'Leitura fácil'],
    BRAILLE_OR_AUDIO: ['Braille o audio', 'Braille or audio', 'Braille ou audio', 'Braille ou áudio'],
    HEARING_LOOP: ['Bucle magnético', 'Hearing loop', 'Boucle magnétique', 'Aro magnético'],
    SERVICE_ANIMALS_WELCOME: [
      'Se admiten animales de asistencia',
      'Service animals welcome',
      "Animaux d'assistance admis",
      'Animais de assistência bem-vindos',
    ],
    CHILD_FRIENDLY_SPACE: [
      'Espacio amigable para la niñez',
      'Child-friendly space',
      'Espace adapté aux enfants',
      'Espaço amigo da criança',
    ],
  },
  POPULATION: {
    WOMEN: ['Mujeres', 'Women', 'Femmes', 'Mulheres'],
    GIRLS: ['Niñas', 'Girls', 'Filles', 'Meninas'],
    ADOLESCENTS: ['Adolescentes', 'Adolescents', 'Adolescentes', 'Adolescentes'],
    UNACCOMPANIED_ADOLESCENTS: [
      'Adolescentes no acompañadas',
      'Unaccompanied adolescents',
      'Adolescentes non accompagnées',
      'Adolescentes desacompanhadas',
    ],
    LGBTI_AFFIRMING: ['Afirmativo LGBTI', 'LGBTI-affirming', 'Inclusif LGBTI', 'Afirmativo LGBTI'],
    SURVIVORS_OF_VIOLENCE: [
      'Sobrevivientes de violencia',
      'Survivors of violence',
      'Survivantes de violences',
      'Sobreviventes de violência',
    ],
    SURVIVORS_OF_TRAFFICKING: [
      'Sobrevivientes de trata',
      'Survivors of trafficking',
      'Survivantes de la traite',
      'Sobreviventes de tráfico',
    ],
    PEOPLE_WITH_DISABILITIES: [
      'Personas con discapacidad',
      'People with disabilities',
      'Personnes handicapées',
      'Pessoas com deficiência',
    ],
    PREGNANT_WOMEN: ['Mujeres embarazadas', 'Pregnant women', 'Femmes enceintes', 'Mulheres grávidas'],
    WOMEN_WITH_CHILDREN: [
      'Mujeres con hijas e hijos',
      'Women with children',
      'Femmes avec enfants',
      'Mulheres com filhos',
    ],
    INDIGENOUS_WOMEN: ['Mujeres indígenas', 'Indigenous women', 'Femmes autochtones', 'Mulheres indígenas'],
  },
  COST: {
    FREE: ['Gratuito', 'Free', 'Gratuit', 'Gratuito'],
    LOW_COST: ['Bajo costo', 'Low cost', 'Coût réduit', 'Baixo custo'],
    SLIDING_SCALE: ['Según ingresos', 'Sliding scale', 'Selon les revenus', 'Conforme a renda'],
    FEE: ['Con costo', 'Fee', 'Payant', 'Pago'],
  },
  CONTACT: {
    PHONE: ['Teléfono', 'Phone', 'Téléphone', 'Telefone'],
    WHATSAPP: ['WhatsApp', 'WhatsApp', 'WhatsApp', 'WhatsApp'],
    SMS: ['SMS', 'SMS', 'SMS', 'SMS'],
    EMAIL: ['Correo electrónico', 'E-mail', 'Courriel', 'E-mail'],
    WEB: ['Sitio web', 'Website', 'Site web', 'Site'],
  },
  VERIFICATION: {
    VERIFIED: ['Verificado', 'Verified', 'Vérifié', 'Verificado'],
    UNVERIFIED: ['Sin verificar', 'Unverified', 'Non vérifié', 'Não verificado'],
    NEEDS_REVIEW: ['Por revisar', 'Needs review', 'À revoir', 'Em revisão'],
  },
};

export interface CodeLabel {
  code: string;
  label: string;
  language: string;
}

/** The label of `code` in the first language of the fallback chain that has one. */
export function labelFor(list: string, code: string, chain: readonly string[]): CodeLabel {
  const labels = CODE_LABELS[list]?.[code];
  if (!labels) return { code, label: code, language: 'zxx' };
  for (const language of chain) {
    const index = LANGUAGES.indexOf(language as (typeof LANGUAGES)[number]);
    if (index >= 0) return { code, label: labels[index] as string, language };
  }
  return { code, label: labels[1], language: 'en' };
}

export function codeList(list: string, language: string | null | undefined): CodeLabel[] {
  const chain = languageChain(language);
  return Object.keys(CODE_LABELS[list] ?? {}).map((code) => labelFor(list, code, chain));
}
