import type { LabelLanguage } from '../codes/labels.js';
import { laplaceIntervalHalfWidth } from '../disclosure/laplaceInterval.js';
import type { ReleasePolicy } from '../disclosure/releasePolicy.js';
import { NEEDS_CATEGORIES_PER_CASE as needs } from '../measures/measures.js';
import { MAX_CORRECTIONS_PER_PERIOD } from '../pipeline/assertCorrectsReleaseInForce.js';

/**
 * The disclosure-control method in plain words, for the policy new releases
 * are computed with (each release also carries its own `method`).
 */
export function disclosureControlText(policy: ReleasePolicy, language: LabelLanguage): string {
  const tau = policy.scale.numerator / policy.scale.denominator;
  const k = laplaceIntervalHalfWidth(policy.scale, policy.confidenceLevel);
  const percent = Math.round(policy.confidenceLevel * 100);
  const { threshold, contributionCap: cap } = policy;
  switch (language) {
    case 'es':
      return (
        `Ninguna cifra publicada permite identificar a una persona. Cada publicación se calcula una sola vez a partir de conteos sin datos personales que entregan los servicios que atienden a las personas; después nunca cambia (una corrección es una publicación nueva que indica a cuál reemplaza; un periodo admite ${MAX_CORRECTIONS_PER_PERIOD} como máximo). ` +
        `A cada cifra, totales incluidos, se le suma una vez un ruido aleatorio entero (Laplace discreto, escala ${tau}): las cifras son aproximadas, y ninguna persona cambia lo publicado de forma detectable. ` +
        `Las cifras menores que ${threshold} después del ruido no se muestran (confidenciales, CONF_STATUS C). Cada cifra mostrada trae un intervalo (±${k}) que contiene la cifra real con una probabilidad de al menos ${percent} %. ` +
        `Solo se publican tablas fijas con grupos de edad fijos, y los totales son cifras con su propio ruido, por lo que restar una tabla de otra no revela a nadie; las filas pueden no sumar exactamente el total. ` +
        `Cada persona cuenta como máximo ${cap} vez/veces por medida y periodo (en necesidades, una vez en cada una de hasta ${needs} categorías). La condición migratoria nunca es una dimensión.`
      );
    case 'fr':
      return (
        `Aucun chiffre publié ne permet d’identifier une personne. Chaque publication est calculée une seule fois à partir de comptages sans données personnelles fournis par les services qui accompagnent les personnes ; elle ne change plus ensuite (une correction est une nouvelle publication qui indique celle qu’elle remplace ; une période en admet ${MAX_CORRECTIONS_PER_PERIOD} au plus). ` +
        `Un bruit aléatoire entier (Laplace discret, échelle ${tau}) est ajouté une fois à chaque chiffre, totaux compris : les chiffres sont approchés, et aucune personne ne modifie ce qui est publié de manière détectable. ` +
        `Les chiffres inférieurs à ${threshold} après bruit ne sont pas affichés (confidentiels, CONF_STATUS C). Chaque chiffre affiché a un intervalle (±${k}) qui contient le vrai chiffre avec une probabilité d’au moins ${percent} %. ` +
        `Seuls des tableaux fixes, avec des tranches d’âge fixes, sont publiés, et les totaux ont leur propre bruit : soustraire un tableau d’un autre ne révèle personne ; les lignes peuvent ne pas donner exactement le total. ` +
        `Chaque personne compte au plus ${cap} fois par mesure et période (pour les besoins, une fois dans chacune d’au plus ${needs} catégories). Le statut migratoire n’est jamais une dimension.`
      );
    case 'pt':
      return (
        `Nenhum número publicado permite identificar uma pessoa. Cada publicação é calculada uma única vez a partir de contagens sem dados pessoais entregues pelos serviços que atendem as pessoas; depois nunca muda (uma correção é uma nova publicação que indica qual substitui; um período admite no máximo ${MAX_CORRECTIONS_PER_PERIOD}). ` +
        `A cada número, totais incluídos, soma-se uma vez um ruído aleatório inteiro (Laplace discreto, escala ${tau}): os números são aproximados, e nenhuma pessoa altera o que é publicado de forma detectável. ` +
        `Números menores que ${threshold} depois do ruído não são mostrados (confidenciais, CONF_STATUS C). Cada número mostrado traz um intervalo (±${k}) que contém o número real com probabilidade de pelo menos ${percent} %. ` +
        `Só são publicadas tabelas fixas com faixas etárias fixas, e os totais têm seu próprio ruído, então subtrair uma tabela de outra não revela ninguém; as linhas podem não somar exatamente o total. ` +
        `Cada pessoa conta no máximo ${cap} vez(es) por medida e período (nas necessidades, uma vez em cada uma de até ${needs} categorias). A situação migratória nunca é uma dimensão.`
      );
    default:
      return (
        `No published number can identify a person. Each release is computed once from counts without personal data that the services assisting people deliver; it never changes afterwards (a correction is a new release that names the one it replaces; a period takes at most ${MAX_CORRECTIONS_PER_PERIOD}). ` +
        `Random whole-number noise (discrete Laplace, scale ${tau}) is added once to every number, totals included: numbers are approximate, and no single person changes what is published in a way anyone can detect. ` +
        `Numbers below ${threshold} after noise are not shown (confidential, CONF_STATUS C). Each shown number has an interval (±${k}) that contains the true number with probability at least ${percent} %. ` +
        `Only fixed tables with fixed age bands are published, and totals carry their own noise, so subtracting one table from another reveals nobody; rows need not add up exactly to their total. ` +
        `Each person counts at most ${cap} time(s) per measure and period (for needs, once in each of up to ${needs} categories). Migration status is never a dimension.`
      );
  }
}
