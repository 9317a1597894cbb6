/** Particles that open a compound surname ("de la Cruz", "del Cid") and belong to the word after them. */
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'da', 'dos', 'van', 'von']);

/**
 * Splits a family name recorded as one field (the cases subgraph keeps
 * `familyName` whole) into first and second surname, as searches record
 * them: "Tzoc Xiquín" → ["Tzoc", "Xiquín"], "de la Cruz López" →
 * ["de la Cruz", "López"], "Ajpop" → ["Ajpop", null]. A surname with more
 * words than two groups keeps the rest in the second.
 */
export function splitFamilyName(familyName: string | null): [string | null, string | null] {
  const words = familyName?.trim().split(/\s+/).filter(Boolean) ?? [];
  const groups: string[] = [];
  let pending: string[] = [];
  for (const word of words) {
    pending.push(word);
    if (!PARTICLES.has(word.toLowerCase())) {
      groups.push(pending.join(' '));
      pending = [];
    }
  }
  if (pending.length > 0) groups.push(pending.join(' '));
  if (groups.length === 0) return [null, null];
  return [groups[0] as string, groups.length > 1 ? groups.slice(1).join(' ') : null];
}
