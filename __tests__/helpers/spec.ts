// Okta's official OpenAPI spec, read from the shared material. Tests that need it fail loudly,
// naming the path, when it is absent; they never pass silently.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export const SPEC_PATH = resolve(import.meta.dirname, '../../../shared/okta-openapi/management.yaml');

let cached: any;

export function loadOktaSpec(): any {
  if (!existsSync(SPEC_PATH)) {
    throw new Error(
      `Okta's OpenAPI spec is not at ${SPEC_PATH}; the conformance tests cannot run without it ` +
        '(it lives in ../shared/okta-openapi/management.yaml next to the project checkout).',
    );
  }
  cached ??= parse(readFileSync(SPEC_PATH, 'utf8'), { maxAliasCount: -1 });
  return cached;
}
