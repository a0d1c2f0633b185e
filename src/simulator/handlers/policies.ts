// Policies of every type, their rules, and the apps mapped to each access policy.
import { POLICY_TYPES } from '../../okta/endpoints.js';
import { oktaError } from '../errors.js';
import { byPriority, cachedList, mustFind } from './lookup.js';
import { SimError, type Handler } from './types.js';

export const policyHandlers: Record<string, Handler> = {
  '/api/v1/policies': ({ store, url }) => {
    const type = url.searchParams.get('type');
    if (!type) throw new SimError(oktaError('E0000001', 'type', ['type: The policy type is required.']));
    const known = POLICY_TYPES[type];
    if (!known || (known.identityEngineOnly && store.fixture.pipeline !== 'idx')) {
      throw new SimError(oktaError('E0000001', 'type', [`type: Invalid policy type: ${type}`]));
    }
    const status = url.searchParams.get('status');
    const q = url.searchParams.get('q')?.toLowerCase();
    return cachedList(store, `policies?type=${type}&status=${status}&q=${q}`, () =>
      store.fixture.policies
        .filter((p) => p.type === type && (!status || p.status === status))
        .filter((p) => !q || String(p.name).toLowerCase().startsWith(q))
        .sort(byPriority),
    );
  },
  '/api/v1/policies/{policyId}': ({ store, params }) => mustFind(store.policies, params.policyId!, 'Policy'),
  '/api/v1/policies/{policyId}/rules': ({ store, params }) => {
    mustFind(store.policies, params.policyId!, 'Policy');
    return cachedList(store, `rules:${params.policyId}`, () =>
      [...(store.fixture.policyRules[params.policyId!] ?? [])].sort(byPriority),
    );
  },
  '/api/v1/policies/{policyId}/mappings': ({ store, params }) => {
    const policy = mustFind(store.policies, params.policyId!, 'Policy');
    return store.appsWithPolicy(String(policy.id)).map((app) => ({
      id: `rsm${String(app.id).slice(3)}`,
      _links: {
        application: { href: `${store.origin}/api/v1/apps/${String(app.id)}` },
        policy: { href: `${store.origin}/api/v1/policies/${String(policy.id)}` },
      },
    }));
  },
};
