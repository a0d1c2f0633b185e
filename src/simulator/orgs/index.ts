// The built-in orgs the simulator serves, by name.
import type { OrgFixture } from '../fixture/format.js';
import { classicOrg } from './classic.js';
import { demoOrg } from './demo.js';
import { emptyOrg } from './empty.js';
import { hardenedOrg } from './hardened.js';
import { largeOrg } from './large.js';
import type { ScannerKey } from './scannerApp.js';

export interface BuiltInOrgOptions {
  now: Date;
  /** The SSWS API token value the org accepts. */
  token: string;
  /** Public key registered for the scanner service app (orgs that have one). */
  scannerKey: ScannerKey;
  /** Number of users in the `large` org. */
  users?: number;
}

export interface BuiltInOrg {
  description: string;
  /** Whether the org has a scanner service app that signs in with `scannerKey`. */
  hasScannerApp: boolean;
  build: (o: BuiltInOrgOptions) => OrgFixture;
}

export const BUILT_IN_ORGS: Readonly<Record<string, BuiltInOrg>> = {
  demo: {
    description: 'Quillfeather Labs, a small company with deliberate misconfigurations',
    hasScannerApp: true,
    build: (o) => demoOrg(o.now, o.token, o.scannerKey),
  },
  hardened: {
    description: 'Northwind Aerospace, configured as the DISA STIG and HealthInsight recommend',
    hasScannerApp: true,
    build: (o) => hardenedOrg(o.now, o.token, o.scannerKey),
  },
  empty: { description: 'a new org with only what Okta creates', hasScannerApp: false, build: (o) => emptyOrg(o.now, o.token) },
  large: {
    description: 'a generated enterprise org (--users N, default 100000)',
    hasScannerApp: false,
    build: (o) => largeOrg(o.now, o.token, o.users),
  },
  classic: {
    description: 'Brackwater Freight Logistics, a Classic Engine org (pipeline v1) with weak settings in their Classic shapes',
    hasScannerApp: false,
    build: (o) => classicOrg(o.now, o.token),
  },
};

export function buildOrg(name: string, options: BuiltInOrgOptions): OrgFixture {
  const org = BUILT_IN_ORGS[name];
  if (!org) throw new Error(`there is no built-in org '${name}'; choose one of: ${Object.keys(BUILT_IN_ORGS).join(', ')}`);
  return org.build(options);
}
