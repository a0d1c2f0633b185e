// Where credentials come from: explicit options first, then the environment variables Okta's
// tooling uses. An API token (SSWS), an OAuth service app (private-key JWT), or both: then the
// service app reads the Management API and the token only the endpoints Okta serves to tokens alone.
import { readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { parsePrivateKey } from '../jose/jwk.js';

export interface ServiceAppCredentials {
  clientId: string;
  privateKey: KeyObject;
  /** The `kid` of the public key registered with the app. */
  keyId?: string;
  scopes: string[];
}

export interface Credentials {
  apiToken?: string;
  serviceApp?: ServiceAppCredentials;
}

export interface CredentialInput {
  token?: string;
  clientId?: string;
  /** PEM or JWK text, or the path of a file holding one. */
  privateKey?: string;
  privateKeyId?: string;
  /** Space- or comma-separated. */
  scopes?: string;
}

export class CredentialsError extends Error {
  override name = 'CredentialsError';
}

const TOKEN_VARIABLES = ['OKTA_API_TOKEN', 'OKTA_CLIENT_TOKEN', 'OKTA_TOKEN'] as const;

const nonEmpty = (v: string | undefined): string | undefined => (v && v.trim() ? v.trim() : undefined);

/** The key text: given directly (PEM or JSON), else read from the file it names. */
function readKey(value: string): KeyObject {
  const looksInline = value.startsWith('-----BEGIN') || value.startsWith('{');
  let text = value;
  if (!looksInline) {
    try {
      text = readFileSync(value, 'utf8');
    } catch (error) {
      throw new CredentialsError(
        `the private key is neither PEM or JWK text nor a readable file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      );
    }
  }
  try {
    return parsePrivateKey(text);
  } catch (error) {
    throw new CredentialsError((error as Error).message);
  }
}

/** Whether any credential is given, as an argument or in the environment (before checking it). */
export function credentialsGiven(input: CredentialInput, env: NodeJS.ProcessEnv = process.env): boolean {
  return [input.token, input.clientId, input.privateKey, ...TOKEN_VARIABLES.map((n) => env[n]), env.OKTA_API_CLIENT_ID, env.OKTA_API_PRIVATE_KEY].some((v) => nonEmpty(v) !== undefined);
}

export function resolveCredentials(input: CredentialInput, env: NodeJS.ProcessEnv = process.env): Credentials {
  const apiToken = nonEmpty(input.token) ?? TOKEN_VARIABLES.map((name) => nonEmpty(env[name])).find(Boolean);
  if (apiToken !== undefined && /\s/.test(apiToken)) throw new CredentialsError('the API token contains whitespace');

  const clientId = nonEmpty(input.clientId) ?? nonEmpty(env.OKTA_API_CLIENT_ID);
  const privateKey = nonEmpty(input.privateKey) ?? nonEmpty(env.OKTA_API_PRIVATE_KEY);
  const keyId = nonEmpty(input.privateKeyId) ?? nonEmpty(env.OKTA_API_PRIVATE_KEY_ID);
  const scopes = (nonEmpty(input.scopes) ?? nonEmpty(env.OKTA_API_SCOPES) ?? '').split(/[\s,]+/).filter(Boolean);

  let serviceApp: ServiceAppCredentials | undefined;
  if (clientId || privateKey) {
    const missing = [
      !clientId && 'a client id (--client-id or OKTA_API_CLIENT_ID)',
      !privateKey && 'a private key (--private-key or OKTA_API_PRIVATE_KEY)',
      scopes.length === 0 && 'scopes (--scopes or OKTA_API_SCOPES)',
    ].filter(Boolean);
    if (missing.length) throw new CredentialsError(`the OAuth service app needs ${missing.join(', ')}`);
    if (!/^[\w.-]{6,100}$/.test(clientId!)) throw new CredentialsError('the client id is not an Okta client id');
    const bad = scopes.find((s) => !/^okta\.[A-Za-z.]+$/.test(s));
    if (bad) throw new CredentialsError(`'${bad.slice(0, 60)}' is not an Okta API scope (they look like okta.users.read)`);
    serviceApp = { clientId: clientId!, privateKey: readKey(privateKey!), keyId, scopes };
  }

  if (!apiToken && !serviceApp) {
    throw new CredentialsError(
      'no Okta credentials: give an API token (--token, or OKTA_API_TOKEN, OKTA_CLIENT_TOKEN, OKTA_TOKEN) ' +
        'or an OAuth service app (--client-id, --private-key, --private-key-id, --scopes, or OKTA_API_CLIENT_ID, ' +
        'OKTA_API_PRIVATE_KEY, OKTA_API_PRIVATE_KEY_ID, OKTA_API_SCOPES)',
    );
  }
  return { apiToken, serviceApp };
}

/** Every secret string these credentials hold, for scrubbing text that might leave the process. */
export function secretsOf(credentials: Credentials): string[] {
  const secrets: string[] = [];
  if (credentials.apiToken) secrets.push(credentials.apiToken);
  if (credentials.serviceApp) {
    const key = credentials.serviceApp.privateKey;
    const jwk = key.export({ format: 'jwk' });
    for (const part of ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const) if (jwk[part]) secrets.push(jwk[part]!);
    const pem = key.export({ format: 'pem', type: 'pkcs8' }).toString();
    secrets.push(...pem.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----')));
  }
  return secrets;
}
