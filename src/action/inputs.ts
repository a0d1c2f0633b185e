// The action's inputs, read and checked in one place: every problem is collected and reported
// together, naming the input and what it accepts. Credentials are not validated here beyond their
// presence; the client's own parsing reports what is wrong with them.
import type { Value } from '../mql/values.js';
import { parsePropAssignments } from '../policy/propAssignments.js';

export type CompareMode = { kind: 'off' } | { kind: 'auto' } | { kind: 'ref'; ref: string };

export interface ActionInputs {
  organization: string;
  token?: string;
  clientId?: string;
  privateKey?: string;
  privateKeyId?: string;
  scopes?: string;
  allowCustomDomain: boolean;
  /** Files, directories, globs or https URLs; empty: the built-in bundle. */
  policies: string[];
  policyUids: string[];
  props: Record<string, Value>;
  waivers?: string;
  /** Fail when the risk is at or above it; undefined: never fail on risk. */
  riskThreshold?: number;
  failOnError: boolean;
  sarifFile?: string;
  jsonFile?: string;
  summary: boolean;
  annotations: boolean;
  prComment: boolean;
  compare: CompareMode;
  maxConcurrency: number;
  timeoutMinutes: number;
  githubToken?: string;
}

export class InputError extends Error {
  override name = 'InputError';
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0]! : `the inputs have ${problems.length} problems:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

type Get = (name: string) => string;

const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

/** Reads every input through `get` (core.getInput in the action). */
export function readInputs(get: Get): ActionInputs {
  const problems: string[] = [];
  const text = (name: string): string | undefined => get(name).trim() || undefined;

  const bool = (name: string, fallback: boolean): boolean => {
    const v = text(name);
    if (v === undefined) return fallback;
    if (/^(true|yes|on)$/i.test(v)) return true;
    if (/^(false|no|off)$/i.test(v)) return false;
    problems.push(`'${name}' must be true or false, not '${v}'`);
    return fallback;
  };
  const int = (name: string, fallback: number | undefined, min: number, max: number): number | undefined => {
    const v = text(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      problems.push(`'${name}' must be a whole number from ${min} to ${max}, not '${v}'`);
      return fallback;
    }
    return Number(v);
  };

  const organization = text('organization');
  if (!organization) problems.push("'organization' is required: the org's domain, such as acme.okta.com");

  const token = text('token');
  const clientId = text('client-id');
  const privateKey = get('private-key').trim() || undefined;
  const privateKeyId = text('private-key-id');
  const scopes = text('scopes');
  if ((privateKey || privateKeyId || scopes) && !clientId) problems.push("'private-key', 'private-key-id' and 'scopes' belong to a service app: give its 'client-id' too");
  if (clientId && !privateKey) problems.push("'client-id' needs the service app's 'private-key' (PEM or JWK)");
  if (clientId && !scopes) problems.push("'client-id' needs 'scopes': the okta.*.read scopes granted to the service app, such as okta.users.read okta.policies.read");

  let props: Record<string, Value> = {};
  try {
    props = parsePropAssignments(lines(get('props')));
  } catch (error) {
    problems.push(`'props': ${(error as Error).message}`);
  }

  const compareText = text('compare-policies') ?? 'auto';
  const compare: CompareMode = compareText === 'auto' ? { kind: 'auto' } : compareText === 'off' ? { kind: 'off' } : { kind: 'ref', ref: compareText };
  if (compare.kind === 'ref' && (compare.ref.startsWith('-') || /\s/.test(compare.ref))) problems.push(`'compare-policies' must be auto, off or a git ref, not '${compareText}'`);

  const inputs: ActionInputs = {
    organization: organization ?? '',
    token,
    clientId,
    privateKey,
    privateKeyId,
    scopes,
    allowCustomDomain: bool('allow-custom-domain', false),
    policies: lines(get('policies')),
    policyUids: lines(get('policy-uids')).flatMap((l) => l.split(',').map((u) => u.trim()).filter(Boolean)),
    props,
    waivers: text('waivers'),
    riskThreshold: int('risk-threshold', undefined, 0, 100),
    failOnError: bool('fail-on-error', true),
    sarifFile: text('sarif-file'),
    jsonFile: text('json-file'),
    summary: bool('summary', true),
    annotations: bool('annotations', true),
    prComment: bool('pr-comment', false),
    compare,
    maxConcurrency: int('max-concurrency', 8, 1, 64)!,
    timeoutMinutes: int('timeout-minutes', 30, 1, 360)!,
    githubToken: text('github-token'),
  };
  if (problems.length) throw new InputError(problems);
  return inputs;
}
