// The action's reference tables for the README, generated from action.yml and the endpoint
// catalogue so they cannot drift: inputs, outputs, the OAuth scopes a service app needs, and what
// needs more than a Read-Only Administrator.
import { parse } from 'yaml';
import { ADMIN_ROLE_NAMES, ENDPOINTS } from '../okta/endpoints.js';

interface ActionYaml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();

export function renderActionReference(actionYaml: string): string {
  const action = parse(actionYaml) as ActionYaml;
  const lines = ['| input | default | meaning |', '|---|---|---|'];
  for (const [name, i] of Object.entries(action.inputs)) {
    const dflt = i.required ? '*required*' : i.default ? `\`${i.default}\`` : '';
    lines.push(`| \`${name}\` | ${cell(dflt)} | ${cell(i.description)} |`);
  }
  lines.push('', '| output | meaning |', '|---|---|');
  for (const [name, o] of Object.entries(action.outputs)) lines.push(`| \`${name}\` | ${cell(o.description)} |`);

  const scopes = [...new Set(ENDPOINTS.map((e) => e.scope).filter((s): s is string => !!s))].sort();
  lines.push('', 'Scopes to grant the service app (all read-only):', '', '```', scopes.join(' '), '```');

  lines.push('', '| what | needs |', '|---|---|');
  for (const e of ENDPOINTS) {
    const roles = e.adminRoles?.filter((r) => r !== 'READ_ONLY_ADMIN').map((r) => ADMIN_ROLE_NAMES[r] ?? r);
    if (!roles?.length && !e.sswsOnly) continue;
    const needs = [roles?.length ? `the ${roles.join(' or ')} role` : '', e.sswsOnly ? 'an API token (Okta refuses OAuth access tokens here)' : ''].filter(Boolean).join('; ');
    lines.push(`| \`GET ${e.path}\` | ${needs} |`);
  }
  return lines.join('\n');
}
