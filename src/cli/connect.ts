// The options every command that talks to Okta shares, and turning them into a client:
// the organization, the credentials (options or environment), and how hard to push.
import { OktaClient, type Progress } from '../okta/client.js';
import { CredentialsError, resolveCredentials } from '../okta/credentials.js';
import { OrgDomainError, parseOrganization } from '../okta/orgDomain.js';
import type { Value } from '../mql/values.js';
import { parsePropAssignments, PropAssignmentError } from '../policy/propAssignments.js';
import { intOption, UsageError, type OptionSpec } from './args.js';

export const CONNECTION_OPTIONS: OptionSpec = {
  organization: { type: 'string', short: 'o' },
  token: { type: 'string' },
  'client-id': { type: 'string' },
  'private-key': { type: 'string' },
  'private-key-id': { type: 'string' },
  scopes: { type: 'string' },
  'allow-custom-domain': { type: 'boolean' },
  'max-concurrency': { type: 'string' },
  props: { type: 'string', multiple: true },
};

export const CONNECTION_HELP = `Connection:
  --organization ORG      the org: dev-123456.okta.com, https://acme.okta.com (or OKTA_ORG_URL)
  --token TOKEN           an API token (or OKTA_API_TOKEN, OKTA_CLIENT_TOKEN, OKTA_TOKEN)
  --client-id ID          an OAuth service app instead (or OKTA_API_CLIENT_ID)
  --private-key KEY       its private key: PEM or JWK text, or a file (or OKTA_API_PRIVATE_KEY)
  --private-key-id KID    the key id registered with the app (or OKTA_API_PRIVATE_KEY_ID)
  --scopes "S …"          okta.*.read scopes granted to the app (or OKTA_API_SCOPES)
  --allow-custom-domain   accept an org custom domain
  --max-concurrency N     requests in flight at once (default 8)
  --props name=value      a property for props.<name> (repeatable)
`;

type Values = Readonly<Record<string, unknown>>;

/** The organization from the option, else OKTA_ORG_URL, else OKTA_ORG_NAME + OKTA_BASE_URL. */
function organizationInput(values: Values, env: NodeJS.ProcessEnv): string {
  const given = values.organization as string | undefined;
  if (given) return given;
  if (env.OKTA_ORG_URL) return env.OKTA_ORG_URL;
  if (env.OKTA_ORG_NAME && env.OKTA_BASE_URL) return `${env.OKTA_ORG_NAME}.${env.OKTA_BASE_URL}`;
  throw new UsageError('no organization: give --organization (for example dev-123456.okta.com) or set OKTA_ORG_URL');
}

/** `--props name=value` options as props. */
export function parseProps(entries: readonly string[] | undefined): Record<string, Value> {
  try {
    return parsePropAssignments(entries ?? []);
  } catch (error) {
    if (error instanceof PropAssignmentError) throw new UsageError(`--props: ${error.message}`);
    throw error;
  }
}

export interface Connection {
  client: OktaClient;
  host: string;
  notice?: string;
}

export function connect(values: Values, env: NodeJS.ProcessEnv, onProgress?: (p: Progress) => void): Connection {
  try {
    const target = parseOrganization(organizationInput(values, env), { allowCustomDomain: values['allow-custom-domain'] === true });
    const credentials = resolveCredentials(
      {
        token: values.token as string | undefined,
        clientId: values['client-id'] as string | undefined,
        privateKey: values['private-key'] as string | undefined,
        privateKeyId: values['private-key-id'] as string | undefined,
        scopes: values.scopes as string | undefined,
      },
      env,
    );
    const client = new OktaClient({ target, credentials, maxConcurrency: intOption(values['max-concurrency'], 'max-concurrency', 1, 64), onProgress });
    return { client, host: new URL(target.origin).host, notice: target.notice };
  } catch (error) {
    if (error instanceof OrgDomainError || error instanceof CredentialsError) throw new UsageError(error.message);
    throw error;
  }
}
