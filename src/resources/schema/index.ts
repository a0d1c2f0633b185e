// The `okta.*` resource schema: every resource the scanner reads, by name. One place drives the
// evaluator, shell completion and help, the resource docs, and the simulator coverage test.
import type { ResourceSpec } from '../types.js';
import { APP_RESOURCES } from './apps.js';
import { AUTHORIZATION_SERVER_RESOURCES } from './authorizationServers.js';
import { DIRECTORY_RESOURCES } from './directory.js';
import { ORG_RESOURCES } from './org.js';
import { POLICY_RESOURCES } from './policies.js';
import { SECURITY_RESOURCES } from './security.js';

export const RESOURCE_SPECS: Readonly<Record<string, ResourceSpec>> = Object.fromEntries(
  [...ORG_RESOURCES, ...DIRECTORY_RESOURCES, ...APP_RESOURCES, ...POLICY_RESOURCES, ...SECURITY_RESOURCES, ...AUTHORIZATION_SERVER_RESOURCES].map((r) => [r.name, r]),
);
