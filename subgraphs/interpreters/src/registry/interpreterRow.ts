/** A row of `interpreters` as the resolvers see it. */
export interface InterpreterRow {
  id: string;
  display_name: string;
  spheres: string[];
  countries: string[];
  time_zone: string;
  modalities: string[];
  gender: string | null;
  communities: string[];
  status: string;
}

export const INTERPRETER_COLUMNS =
  'id, display_name, spheres, countries, time_zone, modalities, gender, communities, status';

/** Maps a row to the GraphQL `Interpreter` shape (languages and certifications come from loaders). */
export function toInterpreter(row: InterpreterRow) {
  return {
    id: row.id,
    displayName: row.display_name,
    spheres: row.spheres,
    countries: row.countries,
    timeZone: row.time_zone,
    modalities: row.modalities,
    gender: row.gender,
    communities: row.communities,
    status: row.status,
  };
}

export type Interpreter = ReturnType<typeof toInterpreter>;
