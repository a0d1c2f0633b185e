// Custom authorization servers (API Access Management) with their policies, rules, scopes,
// claims and signing keys.
import type { OktaObject } from '../fixture/format.js';
import { byPriority, mustFind } from './lookup.js';
import type { Handler, HandlerContext } from './types.js';

const ofServer =
  (pick: (ctx: HandlerContext, serverId: string) => OktaObject[] | undefined): Handler =>
  (ctx) => {
    mustFind(ctx.store.authorizationServers, ctx.params.authServerId!, 'AuthorizationServer');
    return pick(ctx, ctx.params.authServerId!) ?? [];
  };

export const authorizationServerHandlers: Record<string, Handler> = {
  '/api/v1/authorizationServers': ({ store }) => store.fixture.authorizationServers,
  '/api/v1/authorizationServers/{authServerId}/policies': ofServer(({ store }, id) =>
    [...(store.fixture.authServerPolicies[id] ?? [])].sort(byPriority),
  ),
  '/api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules': ofServer(({ store, params }, id) => {
    const policies = store.fixture.authServerPolicies[id] ?? [];
    mustFind(new Map(policies.map((p) => [String(p.id), p])), params.policyId!, 'AuthorizationServerPolicy');
    return [...(store.fixture.authServerPolicyRules[params.policyId!] ?? [])].sort(byPriority);
  }),
  '/api/v1/authorizationServers/{authServerId}/scopes': ofServer(({ store }, id) => store.fixture.authServerScopes[id]),
  '/api/v1/authorizationServers/{authServerId}/claims': ofServer(({ store }, id) => store.fixture.authServerClaims[id]),
  '/api/v1/authorizationServers/{authServerId}/credentials/keys': ofServer(({ store }, id) => store.fixture.authServerKeys[id]),
};
