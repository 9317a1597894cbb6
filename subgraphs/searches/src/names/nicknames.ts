import { foldName } from './nameKey.js';

/**
 * Hypocorisms of the region mapped to the given name they stand for (folded).
 * Families often give the name the person was called at home: Chepe for
 * José, Chayo for Rosario, Lupe for Guadalupe; a registry holds the full one.
 */
const NICKNAME_TO_NAME: Readonly<Record<string, string>> = {
  lupe: 'guadalupe',
  lupita: 'guadalupe',
  chepe: 'jose',
  pepe: 'jose',
  chepito: 'jose',
  chayo: 'rosario',
  charo: 'rosario',
  conchita: 'concepcion',
  concha: 'concepcion',
  conchi: 'concepcion',
  pancha: 'francisca',
  paquita: 'francisca',
  pancho: 'francisco',
  paco: 'francisco',
  chico: 'francisco',
  kiko: 'francisco',
  lola: 'dolores',
  lolita: 'dolores',
  nacho: 'ignacio',
  tere: 'teresa',
  teresita: 'teresa',
  meche: 'mercedes',
  lencha: 'lorenza',
  tono: 'antonio',
  tonio: 'antonio',
  mari: 'maria',
  maruca: 'maria',
  juanita: 'juana',
  chepita: 'josefa',
  pepa: 'josefa',
  mago: 'margarita',
  chabela: 'isabel',
  chavela: 'isabel',
  chato: 'santos',
  lancha: 'esperanza',
  espe: 'esperanza',
  chela: 'graciela',
  chuy: 'jesus',
  memo: 'guillermo',
  beto: 'alberto',
  quique: 'enrique',
  mariette: 'marie',
};

/** The full given name a nickname stands for, or the folded token itself. */
export function canonicalGivenName(token: string): string {
  const folded = foldName(token);
  return NICKNAME_TO_NAME[folded] ?? folded;
}

/** True when `token` is a known nickname (for the explanation of a match). */
export function isNickname(token: string): boolean {
  return foldName(token) in NICKNAME_TO_NAME;
}
