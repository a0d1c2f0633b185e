// The response schemas cut from Okta's OpenAPI spec (see extractSchemas.ts), shipped with the
// simulator so fixtures can be validated where the spec itself is not at hand.
import type { SchemaBundle } from './extractSchemas.js';
import bundle from './oktaSchemas.json' with { type: 'json' };

export function bundledSchemas(): SchemaBundle {
  return bundle as unknown as SchemaBundle;
}
