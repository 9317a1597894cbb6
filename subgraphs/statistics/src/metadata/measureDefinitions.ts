import { labels, type Labels } from '../codes/labels.js';
import type { Measure } from '../measures/measures.js';

/** A measure's published name, its definition and what one unit counts, in es, en, fr and pt. */
export interface MeasureDefinition {
  readonly name: Labels;
  readonly definition: Labels;
  readonly unit: Labels;
}

const WOMEN_AND_PEOPLE = labels('personas', 'people', 'personnes', 'pessoas');

/** Definitions of every measure (seed 000 §6.1d–e, §6.3m; seed 004 for searches). */
export const MEASURE_DEFINITIONS: Readonly<Record<Measure, MeasureDefinition>> = {
  CASES_OPENED: {
    name: labels('Casos abiertos', 'Cases opened', 'Dossiers ouverts', 'Casos abertos'),
    definition: labels(
      'Personas cuyo caso de asistencia se abrió en el periodo, contadas una vez por persona.',
      'People whose assistance case was opened in the period, each person counted once.',
      'Personnes dont le dossier d’assistance a été ouvert pendant la période, chacune comptée une fois.',
      'Pessoas cujo caso de assistência foi aberto no período, cada pessoa contada uma vez.',
    ),
    unit: WOMEN_AND_PEOPLE,
  },
  CASES_ACTIVE: {
    name: labels('Casos activos', 'Cases active', 'Dossiers actifs', 'Casos ativos'),
    definition: labels(
      'Personas cuyo caso de asistencia estuvo abierto en algún momento del periodo (abierto antes del fin del periodo y no cerrado antes de su inicio), contadas una vez por persona.',
      'People whose assistance case was open at any time during the period (opened before the period ended and not closed before it began), each person counted once.',
      'Personnes dont le dossier d’assistance a été ouvert à un moment quelconque de la période (ouvert avant la fin de la période et non clos avant son début), chacune comptée une fois.',
      'Pessoas cujo caso de assistência esteve aberto em algum momento do período (aberto antes do fim do período e não encerrado antes do seu início), cada pessoa contada uma vez.',
    ),
    unit: WOMEN_AND_PEOPLE,
  },
  CASES_CLOSED: {
    name: labels('Casos cerrados', 'Cases closed', 'Dossiers clos', 'Casos encerrados'),
    definition: labels(
      'Personas cuyo caso de asistencia se cerró en el periodo, contadas una vez por persona (el motivo del cierre no se publica).',
      'People whose assistance case was closed in the period, each person counted once (the reason for closure is not published).',
      'Personnes dont le dossier d’assistance a été clos pendant la période, chacune comptée une fois (le motif de clôture n’est pas publié).',
      'Pessoas cujo caso de assistência foi encerrado no período, cada pessoa contada uma vez (o motivo do encerramento não é publicado).',
    ),
    unit: WOMEN_AND_PEOPLE,
  },
  NEEDS: {
    name: labels(
      'Necesidades por categoría',
      'Needs by category',
      'Besoins par catégorie',
      'Necessidades por categoria',
    ),
    definition: labels(
      'Personas con un caso activo en el periodo que tienen registrada una necesidad de cada categoría de servicio; cada persona cuenta una vez en cada una de hasta tres categorías (las primeras que expresó), por lo que el total por categoría suma más que el número de personas.',
      'People with a case active in the period who have a need of each service category recorded; each person counts once in each of up to three categories (the first ones she stated), so the categories add up to more than the number of people.',
      'Personnes ayant un dossier actif pendant la période pour lesquelles un besoin de chaque catégorie de service est enregistré ; chaque personne compte une fois dans chacune d’au plus trois catégories (les premières exprimées), de sorte que les catégories totalisent plus que le nombre de personnes.',
      'Pessoas com um caso ativo no período que têm registrada uma necessidade de cada categoria de serviço; cada pessoa conta uma vez em cada uma de até três categorias (as primeiras que expressou), de modo que as categorias somam mais que o número de pessoas.',
    ),
    unit: WOMEN_AND_PEOPLE,
  },
  REFERRALS_MADE: {
    name: labels('Derivaciones realizadas', 'Referrals made', 'Orientations effectuées', 'Encaminhamentos feitos'),
    definition: labels(
      'Personas derivadas a un servicio en el periodo, por categoría del servicio.',
      'People referred to a service in the period, by category of the service.',
      'Personnes orientées vers un service pendant la période, par catégorie de service.',
      'Pessoas encaminhadas a um serviço no período, por categoria do serviço.',
    ),
    unit: WOMEN_AND_PEOPLE,
  },
  REFERRALS_COMPLETED: {
    name: labels(
      'Derivaciones completadas',
      'Referrals completed',
      'Orientations abouties',
      'Encaminhamentos concluídos',
    ),
    definition: labels(
      'Personas cuya derivación a un servicio se completó (el servicio fue prestado) en el periodo.',
      'People whose referral to a service was completed (the service was delivered) in the period.',
      'Personnes dont l’orientation vers un service a abouti (le service a été rendu) pendant la période.',
      'Pessoas cujo encaminhamento a um serviço foi concluído (o serviço foi prestado) no período.',
    ),
    unit: WOMEN_AND_PEOPLE,
  },
  INCIDENTS: {
    name: labels(
      'Incidentes de violencia',
      'Incidents of violence',
      'Incidents de violence',
      'Incidentes de violência',
    ),
    definition: labels(
      'Personas que refirieron al menos un incidente de violencia en el periodo, por tipo de violencia y fase migratoria en que ocurrió.',
      'People who reported at least one incident of violence in the period, by type of violence and the migration phase in which it happened.',
      'Personnes ayant signalé au moins un incident de violence pendant la période, par type de violence et phase migratoire où il a eu lieu.',
      'Pessoas que relataram ao menos um incidente de violência no período, por tipo de violência e fase migratória em que ocorreu.',
    ),
    unit: WOMEN_AND_PEOPLE,
  },
  INTERPRETATION_FULFILLED: {
    name: labels(
      'Interpretaciones atendidas',
      'Interpretation requests fulfilled',
      'Demandes d’interprétation satisfaites',
      'Pedidos de interpretação atendidos',
    ),
    definition: labels(
      'Personas cuya solicitud de interpretación se atendió con una intérprete en el periodo, por idioma.',
      'People whose interpretation request was fulfilled by an interpreter in the period, by language.',
      'Personnes dont la demande d’interprétation a été satisfaite pendant la période, par langue.',
      'Pessoas cujo pedido de interpretação foi atendido no período, por idioma.',
    ),
    unit: WOMEN_AND_PEOPLE,
  },
  INTERPRETATION_UNMET: {
    name: labels(
      'Interpretaciones no atendidas',
      'Interpretation requests unmet',
      'Demandes d’interprétation non satisfaites',
      'Pedidos de interpretação não atendidos',
    ),
    definition: labels(
      'Personas cuya solicitud de interpretación no pudo atenderse en el periodo (demanda insatisfecha), por idioma.',
      'People whose interpretation request could not be met in the period (unmet demand), by language.',
      'Personnes dont la demande d’interprétation n’a pu être satisfaite pendant la période (demande non couverte), par langue.',
      'Pessoas cujo pedido de interpretação não pôde ser atendido no período (demanda não atendida), por idioma.',
    ),
    unit: WOMEN_AND_PEOPLE,
  },
  SEARCHES_OPENED: {
    name: labels('Búsquedas abiertas', 'Searches opened', 'Recherches ouvertes', 'Buscas abertas'),
    definition: labels(
      'Personas migrantes desaparecidas cuya búsqueda se abrió en el periodo.',
      'Missing migrants whose search was opened in the period.',
      'Migrants disparus dont la recherche a été ouverte pendant la période.',
      'Migrantes desaparecidos cuja busca foi aberta no período.',
    ),
    unit: WOMEN_AND_PEOPLE,
  },
  SEARCHES_LOCATED_ALIVE: {
    name: labels(
      'Personas localizadas con vida',
      'People located alive',
      'Personnes retrouvées en vie',
      'Pessoas localizadas com vida',
    ),
    definition: labels(
      'Personas buscadas que fueron localizadas con vida en el periodo.',
      'Searched-for people who were located alive in the period.',
      'Personnes recherchées retrouvées en vie pendant la période.',
      'Pessoas procuradas que foram localizadas com vida no período.',
    ),
    unit: WOMEN_AND_PEOPLE,
  },
  SEARCHES_LOCATED_DECEASED: {
    name: labels(
      'Personas localizadas sin vida',
      'People located deceased',
      'Personnes retrouvées décédées',
      'Pessoas localizadas sem vida',
    ),
    definition: labels(
      'Personas buscadas identificadas como fallecidas, contadas en el periodo en que se comunicó el fallecimiento a la familia, una vez por persona. Se publica con menos desgloses que las localizadas con vida.',
      'Searched-for people identified as deceased, counted in the period in which the death was communicated to the family, each person once. Published with fewer breakdowns than people located alive.',
      'Personnes recherchées identifiées comme décédées, comptées dans la période où le décès a été annoncé à la famille, chacune une fois. Publié avec moins de ventilations que les personnes retrouvées en vie.',
      'Pessoas procuradas identificadas como falecidas, contadas no período em que o falecimento foi comunicado à família, cada pessoa uma vez. Publicado com menos desagregações que as localizadas com vida.',
    ),
    unit: WOMEN_AND_PEOPLE,
  },
  SERVICES: {
    name: labels('Servicios disponibles', 'Services available', 'Services disponibles', 'Serviços disponíveis'),
    definition: labels(
      'Servicios de asistencia del catálogo al final del periodo, por país y categoría (cuenta servicios, no personas).',
      'Assistance services in the catalogue at the end of the period, by country and category (counts services, not people).',
      'Services d’assistance du catalogue à la fin de la période, par pays et catégorie (compte des services, pas des personnes).',
      'Serviços de assistência do catálogo no fim do período, por país e categoria (conta serviços, não pessoas).',
    ),
    unit: labels('servicios', 'services', 'services', 'serviços'),
  },
};
