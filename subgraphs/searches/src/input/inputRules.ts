import { badUserInput } from '@amparo/kit';

/**
 * Small validators shared by the mutations' inputs. Each names the offending
 * field and never echoes its value (it may be a name).
 */
export function text(field: string, value: string | null | undefined, max: number, required = false): string | null {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) {
    if (required) throw badUserInput(field, 'is required');
    return null;
  }
  if (trimmed.length > max) throw badUserInput(field, `must be at most ${max} characters`);
  return trimmed;
}

export function isoDate(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const parsed = Date.parse(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(parsed) ||
    new Date(parsed).toISOString().slice(0, 10) !== value
  ) {
    throw badUserInput(field, 'must be a date as YYYY-MM-DD');
  }
  if (parsed > Date.now() + 86_400_000) throw badUserInput(field, 'must not be in the future');
  if (value < '1900-01-01') throw badUserInput(field, 'must be after 1900-01-01');
  return value;
}

export function country(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!/^[A-Z]{2}$/.test(value)) throw badUserInput(field, 'must be an ISO 3166-1 alpha-2 code such as GT');
  return value;
}

export function countries(field: string, values: readonly string[] | null | undefined): string[] {
  const list = values ?? [];
  if (list.length > 10) throw badUserInput(field, 'must list at most 10 countries');
  return [...new Set(list.map((c, i) => country(`${field}.${i}`, c) as string))];
}

export function languages(field: string, values: readonly string[] | null | undefined): string[] {
  const list = values ?? [];
  if (list.length > 10) throw badUserInput(field, 'must list at most 10 languages');
  list.forEach((code, i) => {
    if (!/^[a-z]{3}$/.test(code)) throw badUserInput(`${field}.${i}`, 'must be an ISO 639-3 code such as quc');
  });
  return [...new Set(list)];
}

export function ageRange(
  field: string,
  value: { min: number; max: number } | null | undefined,
): { min: number; max: number } | null {
  if (!value) return null;
  if (value.min < 0 || value.max > 120 || value.min > value.max) {
    throw badUserInput(field, 'must be two ages between 0 and 120, min not above max');
  }
  return value;
}

export function coordinates(
  field: string,
  latitude: number | null | undefined,
  longitude: number | null | undefined,
): [number, number] | [null, null] {
  const hasLat = latitude !== null && latitude !== undefined;
  const hasLon = longitude !== null && longitude !== undefined;
  if (!hasLat && !hasLon) return [null, null];
  if (!hasLat || !hasLon) throw badUserInput(field, 'needs both latitude and longitude, or neither');
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) throw badUserInput(field, 'is not a point on Earth');
  return [latitude, longitude];
}

export const SEXES = ['FEMALE', 'MALE', 'INTERSEX', 'OTHER', 'UNKNOWN'] as const;
