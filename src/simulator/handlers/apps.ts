// Applications and what hangs off them: assignments, consent grants, signing keys, and the admin
// roles of OAuth service apps.
import { notFound } from '../errors.js';
import { applyExpression, cachedList, mustFind } from './lookup.js';
import { SimError, Unpaged, type Handler } from './types.js';

const APP_FILTER_ATTRIBUTES = ['id', 'status', 'name', 'credentials.signing.kid', 'settings.slo.enabled'];

export const appHandlers: Record<string, Handler> = {
  '/api/v1/apps': ({ store, url }) => {
    const all = store.fixture.apps;
    const q = url.searchParams.get('q');
    const filter = url.searchParams.get('filter');
    if (q !== null) {
      const needle = q.toLowerCase();
      return new Unpaged(
        all.filter((a) => [a.name, a.label].some((v) => typeof v === 'string' && v.toLowerCase().startsWith(needle))),
      );
    }
    if (filter !== null) return cachedList(store, `apps?filter=${filter}`, () => applyExpression(all, filter, APP_FILTER_ATTRIBUTES));
    return all;
  },
  '/api/v1/apps/{appId}': ({ store, params }) => mustFind(store.apps, params.appId!, 'AppInstance'),
  '/api/v1/apps/{appId}/users': ({ store, params }) => {
    mustFind(store.apps, params.appId!, 'AppInstance');
    return store.fixture.appUsers[params.appId!] ?? [];
  },
  '/api/v1/apps/{appId}/groups': ({ store, params }) => {
    mustFind(store.apps, params.appId!, 'AppInstance');
    return store.fixture.appGroups[params.appId!] ?? [];
  },
  '/api/v1/apps/{appId}/grants': ({ store, params }) => {
    mustFind(store.apps, params.appId!, 'AppInstance');
    return store.fixture.appGrants[params.appId!] ?? [];
  },
  '/api/v1/apps/{appId}/credentials/keys': ({ store, params }) => {
    mustFind(store.apps, params.appId!, 'AppInstance');
    return store.fixture.appKeys[params.appId!] ?? [];
  },
  '/oauth2/v1/clients/{clientId}/roles': ({ store, params }) => {
    if (!store.appsByClientId.has(params.clientId!)) throw new SimError(notFound(params.clientId!, 'OAuth2Client'));
    return store.fixture.clientRoles[params.clientId!] ?? [];
  },
};
