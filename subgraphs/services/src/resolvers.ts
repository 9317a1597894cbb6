import type { GraphQLResolveInfo } from 'graphql';
import { auditorQueries } from '@amparo/kit';
import { pageSize, type SubgraphContext } from '@amparo/kit';
import { confidentialLocation } from './catalogue/confidentialLocation.js';
import { searchServices, type SearchArgs } from './catalogue/searchServices.js';
import { selectsField, selectsPath } from './catalogue/selectsField.js';
import type { Service } from './catalogue/serviceRow.js';
import { createService } from './editing/createService.js';
import { deactivateService } from './editing/deactivateService.js';
import { isUuid } from './editing/editPermission.js';
import { updateService } from './editing/updateService.js';
import type { ServiceInput } from './editing/validateServiceInput.js';
import { codeList, labelFor } from './i18n/codeLabels.js';
import { languageChain } from './i18n/languageChain.js';
import { pickTranslation } from './i18n/translation.js';
import type { ServicesLoaders } from './loaders.js';
import { servicesStatisticsExtract } from './statistics/servicesStatisticsExtract.js';
import { listOrganizations } from './organizations/listOrganizations.js';
import type { Organization } from './organizations/organizationRow.js';

type Context = SubgraphContext<ServicesLoaders>;
type LanguageArg = { language?: string | null };

type Localized = ReturnType<typeof pickTranslation>;

/**
 * The service's text in the asked language. Asked in the language it was
 * entered in (most of the catalogue, in Spanish), no translation is read and
 * the answer is a plain value: graphql-js completes a page of services
 * without a promise per field (measured in graphql-js alone, a 20-service
 * page with three promise fields each took 338–415 µs to execute, 232–237
 * µs without).
 */
function localized(
  service: Service,
  language: string | null | undefined,
  ctx: Context,
): Localized | Promise<Localized> {
  const chain = languageChain(language);
  if (chain[0] === service.defaultLanguage) return pickTranslation(service, [], chain);
  return ctx.loaders.translations
    .load(service.id)
    .then((translations) => pickTranslation(service, translations, chain));
}

/** One part of {@link localized}, a plain value when it is one. */
const localizedPart =
  <K extends keyof Localized>(key: K) =>
  (service: Service, args: LanguageArg, ctx: Context): Localized[K] | Promise<Localized[K]> => {
    const text = localized(service, args.language, ctx);
    return text instanceof Promise ? text.then((t) => t[key]) : text[key];
  };

export const resolvers = {
  Query: {
    ...auditorQueries('services'),
    services: async (_: unknown, args: SearchArgs, ctx: Context, info: GraphQLResolveInfo) => {
      const page = await searchServices(ctx.db, args, {
        countTotal: selectsField(info, 'totalCount'),
        prefetch: {
          openNow: selectsPath(info, ['edges', 'node', 'openNow']),
          organization: selectsPath(info, ['edges', 'node', 'organization']),
        },
      });
      // The page statement read them: the field resolvers answer them as plain values (the loaders'
      // `known`), with no statement of their own.
      for (const { node, prefetched } of page.edges) {
        if (prefetched.openNow !== undefined)
          ctx.loaders.openNow.prime(node.id, { id: node.id, open: prefetched.openNow });
        if (prefetched.organization) ctx.loaders.organization.prime(node.organizationId, prefetched.organization);
      }
      return page;
    },
    service: (_: unknown, { id }: { id: string }, ctx: Context) => (isUuid(id) ? ctx.loaders.service.load(id) : null),
    organization: (_: unknown, { id }: { id: string }, ctx: Context) =>
      isUuid(id) ? ctx.loaders.organization.load(id) : null,
    organizations: (_: unknown, args: Parameters<typeof listOrganizations>[1], ctx: Context) =>
      listOrganizations(ctx.db, args),
    serviceCodeList: (_: unknown, args: { list: string; language?: string | null }) =>
      codeList(args.list, args.language),
    servicesStatisticsExtract: (_: unknown, args: { period: string }, ctx: Context) =>
      servicesStatisticsExtract(ctx.db, args.period),
  },
  Mutation: {
    createService: (_: unknown, args: { input: ServiceInput }, ctx: Context) => createService(ctx.db, ctx, args.input),
    updateService: (_: unknown, args: { id: string; expectedVersion: number; input: ServiceInput }, ctx: Context) =>
      updateService(ctx.db, ctx, args),
    deactivateService: (_: unknown, args: { id: string; expectedVersion: number }, ctx: Context) =>
      deactivateService(ctx.db, ctx, args),
  },
  Service: {
    // The gateway hands over `viewerHasAcceptedReferral` (from cases) when a
    // query asks for `confidentialLocation`; keep it beside the loaded row.
    __resolveReference: async (ref: { id: string; viewerHasAcceptedReferral?: boolean }, ctx: Context) => {
      const service = isUuid(ref.id) ? await ctx.loaders.service.load(ref.id) : null;
      return service && { ...service, viewerHasAcceptedReferral: ref.viewerHasAcceptedReferral };
    },
    confidentialLocation: confidentialLocation,
    name: localizedPart('name'),
    description: localizedPart('description'),
    nameLanguage: localizedPart('language'),
    categoryLabels: (service: Service, args: LanguageArg) => {
      const chain = languageChain(args.language);
      return service.categories.map((c) => labelFor('CATEGORY', c, chain));
    },
    organization: (service: Service, _: unknown, ctx: Context) =>
      ctx.loaders.organization.known(service.organizationId) ?? ctx.loaders.organization.load(service.organizationId),
    openingHours: (service: Service, _: unknown, ctx: Context) => ctx.loaders.openingHours.load(service.id),
    openNow: (service: Service, _: unknown, ctx: Context) => {
      const known = ctx.loaders.openNow.known(service.id);
      return known ? known.open : ctx.loaders.openNow.load(service.id).then((row) => row?.open ?? false);
    },
  },
  Organization: {
    __resolveReference: (ref: { id: string }, ctx: Context) =>
      isUuid(ref.id) ? ctx.loaders.organization.load(ref.id) : null,
    services: async (org: Organization, args: { first?: number | null }, ctx: Context) =>
      (await ctx.loaders.servicesOfOrganization.load(org.id)).slice(0, pageSize(args.first, 50)),
  },
};
