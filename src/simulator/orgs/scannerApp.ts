// The OAuth service app a posture scanner signs in as: client credentials with a private-key
// JWT, every read scope the scan needs, and an admin role assigned to the app.
import { ENDPOINTS } from '../../okta/endpoints.js';
import type { Jwk } from '../../jose/jwk.js';
import { serviceApp } from './apps.js';
import type { OrgBuilder } from './orgBuilder.js';

/** Every OAuth scope the catalogued endpoints need. */
export const SCANNER_SCOPES: readonly string[] = [
  ...new Set(ENDPOINTS.map((e) => e.scope).filter((s): s is string => s !== null)),
].sort();

export interface ScannerKey {
  /** The public half, registered with the app (carries `kid`). */
  publicJwk: Jwk;
}

export function addScannerApp(
  b: OrgBuilder,
  key: ScannerKey,
  options: { requireDpop: boolean; role: string; label?: string },
): { appId: string; clientId: string } {
  const app = serviceApp(b, {
    key: 'posture-scanner',
    label: options.label ?? 'okta-posture scanner',
    keys: [key.publicJwk],
    requireDpop: options.requireDpop,
    grantedScopes: [...SCANNER_SCOPES],
    createdDaysAgo: 30,
  });
  b.assignClientRole(app.clientId, options.role);
  return app;
}
