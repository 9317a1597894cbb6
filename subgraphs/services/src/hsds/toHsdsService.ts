import { DEMO_LANGUAGES } from '@amparo/kit';
import type { OpeningHours } from '../catalogue/openingHours.js';
import type { Service } from '../catalogue/serviceRow.js';
import type { Translation } from '../i18n/translation.js';
import type { Organization } from '../organizations/organizationRow.js';

const LANGUAGE_NAMES = new Map(DEMO_LANGUAGES.map((l) => [l.code, l.name]));
const BYDAY = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const PHONE_TYPES: Record<string, string> = { PHONE: 'voice', WHATSAPP: 'cell', SMS: 'text' };
const FEES: Record<string, string> = {
  FREE: 'Free of charge',
  LOW_COST: 'Low cost',
  SLIDING_SCALE: 'Sliding scale',
  FEE: 'Fee',
};

/**
 * One service in Open Referral HSDS 3.0 shape. HSDS has no notion of a
 * confidential location: for one, no location (address, coordinates, city)
 * is exported at all, only the service area and the contact channels.
 */
export function toHsdsService(
  service: Service,
  organization: Organization | null,
  hours: readonly OpeningHours[],
  translations: readonly Translation[],
) {
  const english = translations.find((t) => t.language === 'en');
  const contact = (kind: string) => service.contacts.find((c) => c.kind === kind)?.value ?? null;
  const phones = service.contacts
    .filter((c) => PHONE_TYPES[c.kind])
    .map((c, i) => ({
      id: `${service.id}:phone:${i}`,
      number: c.value,
      type: PHONE_TYPES[c.kind] as string,
      description: c.kind === 'WHATSAPP' ? 'WhatsApp' : null,
      languages: [],
    }));
  const schedules = service.openAroundTheClock
    ? [
        {
          id: `${service.id}:schedule:all`,
          service_id: service.id,
          freq: 'DAILY',
          opens_at: '00:00',
          closes_at: '23:59',
          description: `Open around the clock (${service.timeZone})`,
        },
      ]
    : hours.map((h) => ({
        id: `${service.id}:schedule:${h.weekday}:${h.opens}`,
        service_id: service.id,
        freq: 'WEEKLY',
        wkst: 'MO',
        byday: BYDAY[h.weekday] as string,
        opens_at: h.opens,
        closes_at: h.closes,
        description: `Local time, ${service.timeZone}`,
      }));
  const locationId = `${service.id}:location`;
  const serviceAtLocations = service.locationIsConfidential
    ? []
    : [
        {
          id: `${service.id}:at:location`,
          service_id: service.id,
          location_id: locationId,
          description: null,
          location: {
            id: locationId,
            location_type: 'physical',
            name: service.defaultName,
            latitude: service.latitude,
            longitude: service.longitude,
            addresses: [
              {
                id: `${locationId}:address`,
                location_id: locationId,
                address_1: service.address ?? '',
                city: service.city ?? '',
                region: service.area,
                state_province: service.area ?? '',
                postal_code: '',
                country: service.country,
                address_type: 'physical',
              },
            ],
          },
        },
      ];
  return {
    id: service.id,
    organization_id: service.organizationId,
    name: service.defaultName,
    alternate_name: english?.name ?? null,
    description: service.defaultDescription,
    url: contact('WEB'),
    email: contact('EMAIL'),
    status: service.status.toLowerCase().replace('_', ' '),
    fees_description: service.cost.description ?? FEES[service.cost.kind] ?? null,
    eligibility_description: service.servesRegardlessOfMigrationStatus
      ? 'Serves anyone, whatever her migration status.'
      : null,
    assured_date: service.lastVerifiedOn,
    organization: organization
      ? { id: organization.id, name: organization.name, description: organization.name, website: null }
      : null,
    phones,
    schedules,
    service_areas: [
      {
        id: `${service.id}:area`,
        service_id: service.id,
        name: [service.area, service.country].filter(Boolean).join(', '),
        extent_type: null,
      },
    ],
    service_at_locations: serviceAtLocations,
    languages: service.languages.map((code) => ({
      id: `${service.id}:language:${code}`,
      service_id: service.id,
      name: LANGUAGE_NAMES.get(code) ?? code,
      code,
    })),
    attributes: [
      ...service.categories.map((c) => ({
        id: `${service.id}:category:${c}`,
        taxonomy_term_id: `amparo:category:${c}`,
      })),
      ...service.populations.map((p) => ({
        id: `${service.id}:population:${p}`,
        taxonomy_term_id: `amparo:population:${p}`,
      })),
    ],
  };
}
