/** Case-, accent- and space-insensitive form of a community name, so "Nahualá" avoids "nahuala ". */
export function normalizeCommunity(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLowerCase();
}
