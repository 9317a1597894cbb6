import { DEMO_SIZES, SeededRandom, type Database, type DemoPlace, type SeedOptions } from '@amparo/kit';
import {
  FOUND_PERSON_COLUMNS,
  foundPersonId,
  foundPersonRow,
  randomFoundDate,
  randomFoundPlace,
} from './demoFoundPerson.js';
import { refreshMatchKeys } from '../matching/refreshMatchKeys.js';
import { NICKNAMES } from './demoNames.js';
import { demoPartnerOrganizations } from './demoPartnerOrganizations.js';
import { randomPerson, type DemoPerson } from './demoPerson.js';
import { SEARCH_REQUEST_COLUMNS, searchRequestId, searchRequestRow } from './demoSearchRequest.js';
import { insertRows } from '@amparo/kit';
import { applicableVariants, applyNameVariant, type NameVariant, type PersonName } from './nameVariant.js';

/** Share of seeded searches that are about someone a found record describes. */
export const TRUE_MATCH_SHARE = 0.25;

/** Demo family accounts: `demo-family-1` … `demo-family-25` (dev tokens use these subjects). */
export const DEMO_FAMILY_COUNT = 25;

/** The family account that opened seeded search `index`, or null when staff opened it for the family. */
export function demoRequesterSub(index: number): string | null {
  // Every fifth request was opened by a family member herself.
  return index % 5 === 0 ? `demo-family-${1 + ((index / 5) % DEMO_FAMILY_COUNT)}` : null;
}

function registeredName(person: DemoPerson): PersonName {
  return { givenNames: person.givenNames, firstSurname: person.firstSurname, secondSurname: person.secondSurname };
}

/**
 * Mayan respellings apply to few people but are what the matcher must beat
 * Primero on (issue 7), so they are chosen whenever possible half the time.
 */
function pickVariant(random: SeededRandom, applicable: readonly NameVariant[]): NameVariant {
  if (applicable.includes('mayan_spelling') && random.chance(0.5)) return 'mayan_spelling';
  return random.pick(applicable);
}

function aliasesFor(random: SeededRandom, name: PersonName, variant: NameVariant | null): string[] {
  const nicknames = NICKNAMES[name.givenNames.split(' ')[0] ?? ''] ?? [];
  // A family that already gave the nickname as the name does not list it again.
  return variant !== 'nickname' && nicknames.length > 0 && random.chance(0.3) ? [random.pick(nicknames)] : [];
}

/**
 * Deterministic demo data (issue 7): DEMO_SIZES.foundPersons found-person
 * records and DEMO_SIZES.searchRequests search requests, times `scale`. A
 * quarter of the searches describe a found person the way a relative would
 * — typos, swapped or missing surnames, nicknames, Mayan respellings — and
 * `seed_true_matches` records which, so matching quality can be measured.
 */
export async function seedSearches(db: Database, options: SeedOptions = {}): Promise<void> {
  const random = new SeededRandom('searches');
  const scale = options.scale ?? 1;
  const foundCount = Math.round(DEMO_SIZES.foundPersons * scale);
  const searchCount = Math.round(DEMO_SIZES.searchRequests * scale);
  const matchCount = Math.min(foundCount, Math.round(searchCount * TRUE_MATCH_SHARE));

  const indices = (n: number) => Array.from({ length: n }, (_, i) => i);
  const matchedFound = random.sample(indices(foundCount), matchCount);
  const matchingSearches = random.sample(indices(searchCount), matchCount);
  const foundOfSearch = new Map(matchingSearches.map((s, k) => [s, matchedFound[k] as number]));
  const identified = new Set(matchedFound);

  const people = indices(foundCount).map(() => randomPerson(random));
  const foundDates = people.map(() => randomFoundDate(random));
  const foundPlaces = people.map(() => randomFoundPlace(random));
  const foundRows = people.map((person, i) =>
    foundPersonRow(random, i, person, {
      date: foundDates[i] as string,
      place: foundPlaces[i] as DemoPlace,
      identified: identified.has(i),
    }),
  );

  const searchRows: unknown[][] = [];
  const truthRows: unknown[][] = [];
  for (let i = 0; i < searchCount; i++) {
    const found = foundOfSearch.get(i);
    const person = found === undefined ? randomPerson(random) : (people[found] as DemoPerson);
    const registered = registeredName(person);
    const variant = found === undefined ? null : pickVariant(random, applicableVariants(registered));
    const name = variant ? applyNameVariant(random, registered, variant) : registered;
    searchRows.push(
      searchRequestRow(random, i, person, name, {
        requesterSub: demoRequesterSub(i),
        aliases: aliasesFor(random, registered, variant),
        lastContactBefore: found === undefined ? randomFoundDate(random) : (foundDates[found] as string),
        foundIn: found === undefined ? undefined : foundPlaces[found],
      }),
    );
    if (found !== undefined && variant) truthRows.push([searchRequestId(i), foundPersonId(found), variant]);
  }

  await db.transaction(async (tx) => {
    await insertRows(tx, 'found_person_records', FOUND_PERSON_COLUMNS, foundRows);
    await insertRows(tx, 'search_requests', SEARCH_REQUEST_COLUMNS, searchRows);
    await insertRows(tx, 'seed_true_matches', ['search_request_id', 'found_person_record_id', 'variant'], truthRows);
    await insertRows(
      tx,
      'partner_organizations',
      ['organization_id', 'country'],
      demoPartnerOrganizations().map((p) => [p.organizationId, p.country]),
    );
    await refreshMatchKeys(tx, 'found_person_records');
    await refreshMatchKeys(tx, 'search_requests');
    // Seeded outcomes are history the families were already told; a pending match is not news to them.
    await tx.query(
      `UPDATE search_requests SET family_status = CASE WHEN status = 'POTENTIAL_MATCH' THEN 'OPEN' ELSE status END`,
    );
  });
  options.progress?.(
    `searches: ${foundCount} found-person records, ${searchCount} search requests, ${truthRows.length} true matches`,
  );
}
