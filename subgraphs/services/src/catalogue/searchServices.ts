import { badUserInput, decodeCursor, pageSize, toConnection, type Queryable } from '@amparo/kit';
import { boxHalfSizes, distanceKmSql, innerBoxHalfSizes } from './greatCircle.js';
import { nearestPageSql } from './nearestPage.js';
import { openAtSql } from './openingHours.js';
import { toOrganization, type Organization, type OrganizationRow } from '../organizations/organizationRow.js';
import { SERVICE_COLUMNS, toService, type ServiceRow } from './serviceRow.js';
import {
  searchTerms,
  validateNear,
  validateServiceFilter,
  type NearInput,
  type ServiceFilter,
} from './serviceFilter.js';

const PREPARED = { prepare: true } as const;

type PageRow = ServiceRow & {
  distance_km: number | null;
  /** Every match's count, on each row (withTotalCount). */
  total_count?: number;
  open_now?: boolean;
  organization_json?: OrganizationRow | null;
};

export interface SearchArgs {
  filter?: ServiceFilter | null;
  near?: NearInput | null;
  orderBy?: 'NAME' | 'DISTANCE' | null;
  first?: number | null;
  after?: string | null;
}

export interface SearchOptions {
  /** Count every match for `totalCount` (a second query); false when the client did not select it. @default true */
  countTotal?: boolean;
  /**
   * Read each service's `openNow` and organisation with the page itself, for
   * the caller to prime its loaders: a catalogue page asks for both, and
   * two more statements per search cost more than the page's few rows.
   */
  prefetch?: { openNow?: boolean; organization?: boolean };
}

/** What the page statement read besides the service, when asked to (SearchOptions.prefetch). */
export interface Prefetched {
  readonly openNow?: boolean;
  readonly organization?: Organization | null;
}

/** The organisation of `services.organization_id`, as the organisation loader reads it. */
const ORGANIZATION_JSON = `(SELECT json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'country', o.country, 'city', o.city)
  FROM organizations o WHERE o.id = services.organization_id) AS organization_json`;

/**
 * Whether a filter reads columns that only the table rows hold, not the
 * position indexes (0004 holds categories, languages and
 * regardlessOfStatus; 0005 adds the search text).
 */
function needsRowsToFilter(filter: ServiceFilter): boolean {
  return Boolean(
    filter.phases?.length ||
      filter.countries?.length ||
      filter.accessibility?.length ||
      filter.populations?.length ||
      filter.statuses?.length ||
      filter.openNow ||
      filter.openAt,
  );
}

/**
 * The services 0005's text position index holds, and the others (its
 * partial-index predicates, verbatim: the planner proves an index usable
 * only from the same condition). Together they are every service, apart.
 */
const SEARCH_TEXT_IN_INDEX = 'octet_length(search_text) <= 2000';
const SEARCH_TEXT_NOT_IN_INDEX = 'octet_length(search_text) > 2000';

/**
 * The page and the count of every match in one statement, one round trip
 * instead of two. The count is the outer row and the page is joined to it,
 * so an empty page (past the last cursor) still brings the count: one row
 * whose page columns are all null. The page's order is restated outside.
 */
function withTotalCount(pageSql: string, countSql: string, byDistance: boolean): string {
  return `SELECT page.*, total.n AS total_count FROM (${countSql}) AS total
    LEFT JOIN LATERAL (${pageSql}) AS page ON true
    ORDER BY ${byDistance ? 'page.distance_km' : 'page.name'}, page.id`;
}

/**
 * The catalogue search: filters combine with AND, list filters match any of
 * their values (accessibility: all of them). Keyset pagination on (name, id),
 * or (distance, id) with `near`, so pages neither skip nor repeat rows while
 * services are being added. Distance uses only the public position (rounded
 * for confidential shelters) and is rounded to 0.1 km before it is compared,
 * so the cursor holds exactly the value the ORDER BY used.
 */
export async function searchServices(db: Queryable, args: SearchArgs, options: SearchOptions = {}) {
  const size = pageSize(args.first);
  const filter = validateServiceFilter(args.filter ?? {});
  const near = args.near ? validateNear(args.near) : null;
  const byDistance = near !== null && args.orderBy !== 'NAME';
  if (args.orderBy === 'DISTANCE' && !near) throw badUserInput('orderBy', 'DISTANCE needs `near`');

  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // Categories, languages, regardlessOfStatus and text are in the position indexes (0004, 0005):
  // with only those, the nearest rows are found by walking an index outwards (see nearestPageSql).
  if (filter.categories?.length) where.push(`categories && ${param(filter.categories)}::text[]`);
  if (filter.languages?.length) where.push(`languages && ${param(filter.languages)}::text[]`);
  if (filter.regardlessOfStatus) where.push('serves_regardless_of_status');
  const onlyIndexedFilters = !needsRowsToFilter(filter);
  if (filter.phases?.length) where.push(`phases && ${param(filter.phases)}::text[]`);
  if (filter.countries?.length) where.push(`country = ANY(${param(filter.countries)}::text[])`);
  if (filter.accessibility?.length) where.push(`accessibility @> ${param(filter.accessibility)}::text[]`);
  if (filter.populations?.length) where.push(`populations && ${param(filter.populations)}::text[]`);
  if (filter.statuses?.length) where.push(`status = ANY(${param(filter.statuses)}::text[])`);
  const terms = searchTerms(filter.text);
  // Text near a place is read from 0005's two indexes, one statement part each (see SEARCH_TEXT_IN_INDEX).
  const splitByText = near !== null && onlyIndexedFilters && terms.length > 0;
  for (const term of terms) {
    // LIKE on the trigram-indexed column; the pattern's own wildcards are escaped. search_pattern() is
    // IMMUTABLE (0005): planned for its value, it is folded to a constant. Text near a place is kept
    // prepared (its plan is the text position index's whatever the term), so the pattern is computed
    // once per statement by a subquery there, not once per row tested.
    const pattern = `search_pattern(${param(term.replace(/[\\%_]/g, (c) => `\\${c}`))})`;
    where.push(splitByText ? `search_text LIKE (SELECT ${pattern})` : `search_text LIKE ${pattern}`);
  }
  if (filter.openNow || filter.openAt) {
    const at = param(filter.openAt ? new Date(filter.openAt).toISOString() : new Date().toISOString());
    where.push(openAtSql(at, 'services'));
  }

  // Nothing but a place: the count reads the position-only index (countBox below).
  const placeOnly = where.length === 0;
  let distance = 'NULL::float8';
  let center: { lat: string; lon: string } | null = null;
  let withinRadius: string | null = null;
  let withinBox: string | null = null;
  let countBox: string | null = null;
  if (near) {
    center = { lat: param(near.latitude), lon: param(near.longitude) };
    // A bounding box first (indexed), then the exact great-circle distance.
    const { dLat, dLon } = boxHalfSizes(near.latitude, near.radiusKm);
    const [west, south, east, north] = [
      param(near.longitude - dLon),
      param(near.latitude - dLat),
      param(near.longitude + dLon),
      param(near.latitude + dLat),
    ];
    withinBox = `point(public_longitude, public_latitude) <@ box(point(${west}::float8, ${south}::float8), point(${east}::float8, ${north}::float8))`;
    // The same box with the axes swapped, which only 0006's index is keyed on (see there).
    countBox = `point(public_latitude, public_longitude) <@ box(point(${south}::float8, ${west}::float8), point(${north}::float8, ${east}::float8))`;
    where.push(withinBox);
    distance = distanceKmSql(center.lat, center.lon);
    withinRadius = `${distance} <= ${param(near.radiusKm)}`;
    where.push(withinRadius);
  }
  // The count's conditions: the filters, without the cursor pushed below.
  const filters = [...where];
  const whereAll = (conditions: string[]): [string, ...string[]] => {
    const clause = (all: string[]) => (all.length ? `WHERE ${all.join(' AND ')}` : '');
    if (!splitByText) return [clause(conditions)];
    return [clause([SEARCH_TEXT_IN_INDEX, ...conditions]), clause([SEARCH_TEXT_NOT_IN_INDEX, ...conditions])];
  };

  /** The count of every match (not only the page's), its parameters added to the page's. */
  const totalCountSql = (conditions: string[]): string => {
    const inner = near && innerBoxHalfSizes(near.latitude, near.radiusKm);
    const countConditions = conditions.map((condition) => {
      if (condition === withinBox && placeOnly && countBox) return countBox;
      if (condition !== withinRadius || !near || !inner) return condition;
      // Most of a circle lies in its inscribed box, where the distance need not be computed to be counted.
      const bound = (value: number) => `${param(value)}::float8`;
      return `((public_latitude BETWEEN ${bound(near.latitude - inner.dLat)} AND ${bound(near.latitude + inner.dLat)}
      AND public_longitude BETWEEN ${bound(near.longitude - inner.dLon)} AND ${bound(near.longitude + inner.dLon)})
      OR ${withinRadius})`;
    });
    return splitByText
      ? `SELECT ${whereAll(countConditions)
          .map((filtered) => `(SELECT count(*) FROM services ${filtered})`)
          .join(' + ')} AS n`
      : `SELECT count(*) AS n FROM services ${whereAll(countConditions)[0]}`;
  };

  const after = decodeCursor(args.after);
  const orderKey = byDistance ? distance : 'name';
  if (after) {
    const [key, id] = after;
    const keyOk = byDistance ? typeof key === 'number' : typeof key === 'string';
    if (!keyOk || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id))
      throw badUserInput('after', 'is not a cursor of this ordering; pass pageInfo.endCursor of the previous page');
    where.push(`(${orderKey}, id) > (${param(key)}${byDistance ? '::float8' : ''}, ${param(id)}::uuid)`);
  }
  const paged = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const columns = [
    SERVICE_COLUMNS,
    ...(options.prefetch?.openNow ? [`${openAtSql(param(new Date().toISOString()), 'services')} AS open_now`] : []),
    ...(options.prefetch?.organization ? [ORGANIZATION_JSON] : []),
  ].join(', ');
  let pageSql = `SELECT ${columns}, ${distance} AS distance_km FROM services ${paged}
    ORDER BY ${orderKey}, id LIMIT ${size + 1}`;
  if (byDistance && center)
    pageSql = onlyIndexedFilters
      ? nearestPageSql({ matches: whereAll(where), distance, center, rows: param(size + 1), columns })
      : // Ids and distances of every match in the box (the planner ANDs the filters' own indexes with
        // the position's), then the page's few rows.
        `WITH page AS (SELECT id, ${distance} AS distance_km FROM services ${paged}
           ORDER BY distance_km, id LIMIT ${size + 1})
         SELECT ${columns}, page.distance_km FROM page JOIN services USING (id)
         ORDER BY page.distance_km, id`;
  // Only when the client asked for it: it reads every match, where the page reads about 20.
  const countSql = options.countTotal === false ? null : totalCountSql(filters);
  // Near a place with only the position indexes' filters, the statement has one plan whatever the values
  // (index-only scans of a position index, bounded by the radius), so it is kept prepared: planning cost
  // several times the execution. Others are planned for their values (text by name, countries… vary by
  // orders of magnitude in how many rows they match).
  const prepared = byDistance && near !== null && onlyIndexedFilters ? PREPARED : undefined;
  const rows = await db.query<PageRow>(
    countSql ? withTotalCount(pageSql, countSql, byDistance) : pageSql,
    params,
    prepared,
  );
  const count = rows[0]?.total_count ?? 0;
  const nodes = rows
    .filter((row) => row.id !== null)
    .map((row) => ({
      service: toService(row),
      distanceKm: row.distance_km,
      prefetched: {
        ...(row.open_now === undefined ? {} : { openNow: row.open_now }),
        ...(row.organization_json === undefined
          ? {}
          : { organization: row.organization_json ? toOrganization(row.organization_json) : null }),
      } satisfies Prefetched,
    }));
  const connection = toConnection(nodes, size, count, (n) =>
    byDistance ? [n.distanceKm ?? 0, n.service.id] : [n.service.defaultName, n.service.id],
  );
  return {
    ...connection,
    edges: connection.edges.map((e) => ({
      cursor: e.cursor,
      node: e.node.service,
      distanceKm: e.node.distanceKm,
      prefetched: e.node.prefetched,
    })),
  };
}
