// Security configuration lists: authenticators, network zones, trusted origins, custom domains,
// identity providers, API tokens, log streams, hooks, behaviour rules, custom roles, resource
// sets, device assurance, and branding.
import { notFound } from '../errors.js';
import { applyExpression, cachedList, mustFind } from './lookup.js';
import { SimError, Unpaged, type Handler } from './types.js';

const ZONE_FILTER_ATTRIBUTES = ['id', 'usage', 'system'];
const ORIGIN_FILTER_ATTRIBUTES = ['name', 'origin', 'status', 'type'];

export const securityHandlers: Record<string, Handler> = {
  '/api/v1/authenticators': ({ store }) => store.fixture.authenticators,
  '/api/v1/authenticators/{authenticatorId}/methods': ({ store, params }) => {
    mustFind(store.authenticators, params.authenticatorId!, 'Authenticator');
    return store.fixture.authenticatorMethods[params.authenticatorId!] ?? [];
  },
  '/api/v1/zones': ({ store, url }) => {
    const filter = url.searchParams.get('filter');
    if (filter === null) return store.fixture.zones;
    return cachedList(store, `zones?filter=${filter}`, () => applyExpression(store.fixture.zones, filter, ZONE_FILTER_ATTRIBUTES));
  },
  '/api/v1/zones/{zoneId}': ({ store, params }) => mustFind(store.zones, params.zoneId!, 'Zone'),
  '/api/v1/trustedOrigins': ({ store, url }) => {
    const filter = url.searchParams.get('filter');
    const q = url.searchParams.get('q');
    const all = store.fixture.trustedOrigins;
    if (q !== null) return new Unpaged(all.filter((o) => String(o.name).toLowerCase().startsWith(q.toLowerCase())));
    if (filter === null) return all;
    return cachedList(store, `origins?filter=${filter}`, () => applyExpression(all, filter, ORIGIN_FILTER_ATTRIBUTES));
  },
  '/api/v1/domains': ({ store }) => store.fixture.domains,
  '/api/v1/idps': ({ store, url }) => {
    const type = url.searchParams.get('type');
    const q = url.searchParams.get('q');
    if (type === null && q === null) return store.fixture.idps;
    return cachedList(store, `idps?type=${type}&q=${q}`, () =>
      store.fixture.idps.filter(
        (i) => (type === null || i.type === type) && (q === null || String(i.name).toLowerCase().startsWith(q.toLowerCase())),
      ),
    );
  },
  '/api/v1/idps/{idpId}/credentials/keys': ({ store, params }) => {
    mustFind(store.idps, params.idpId!, 'IdpAppInstance');
    return store.fixture.idpKeys[params.idpId!] ?? [];
  },
  '/api/v1/api-tokens': ({ store }) => store.fixture.apiTokens,
  '/api/v1/logStreams': ({ store }) => store.fixture.logStreams,
  '/api/v1/eventHooks': ({ store }) => store.fixture.eventHooks,
  '/api/v1/behaviors': ({ store }) => store.fixture.behaviors,
  '/api/v1/iam/roles': ({ store }) => store.fixture.customRoles,
  '/api/v1/iam/roles/{roleIdOrLabel}/permissions': ({ store, params }) => {
    const role =
      store.customRoles.get(params.roleIdOrLabel!) ??
      store.fixture.customRoles.find((r) => r.label === params.roleIdOrLabel);
    if (!role) throw new SimError(notFound(params.roleIdOrLabel!, 'CustomRole'));
    return store.fixture.customRolePermissions[String(role.id)] ?? [];
  },
  '/api/v1/iam/resource-sets': ({ store }) => store.fixture.resourceSets,
  '/api/v1/device-assurances': ({ store }) => store.fixture.deviceAssurances,
  '/api/v1/brands': ({ store }) => store.fixture.brands,
  '/api/v1/brands/{brandId}/pages/sign-in/customized': ({ store, params }) => {
    mustFind(store.brands, params.brandId!, 'Brand');
    const page = store.fixture.signInPages[params.brandId!]?.customized;
    if (!page) throw new SimError(notFound(params.brandId!, 'SignInPage'));
    return page;
  },
  '/api/v1/brands/{brandId}/pages/sign-in/default': ({ store, params }) => {
    mustFind(store.brands, params.brandId!, 'Brand');
    const page = store.fixture.signInPages[params.brandId!]?.default;
    if (!page) throw new SimError(notFound(params.brandId!, 'SignInPage'));
    return page;
  },
};
