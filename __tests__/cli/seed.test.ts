// Every query of the seed document ("Assess Okta Security with cnspec"), run with the bundled CLI
// against the simulated demo org, with the output shape and verdicts the document shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { runCli } from '../helpers/cli.js';
import { spawn } from 'node:child_process';
import { CLI, ROOT } from '../helpers/cli.js';

let demo: RunningSimulator;
let hardened: RunningSimulator;
const run = (sim: RunningSimulator, query: string, ...flags: string[]) =>
  runCli(['run', '--organization', sim.url, '--token', sim.token, ...flags, query]);

beforeAll(async () => {
  demo = await startSimulator({ org: 'demo' });
  hardened = await startSimulator({ org: 'hardened' });
});
afterAll(async () => {
  await demo.close();
  await hardened.close();
});

describe('the seed queries', () => {
  it('okta.organization shows the subdomain, company name and status', async () => {
    const r = await run(demo, 'okta.organization');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('okta.organization: {\n  subdomain: "quillfeather"\n  companyName: "Quillfeather Labs"\n  status: "ACTIVE"\n}\n');
  });

  it("okta.users { profile status lastUpdated credentials['provider']['name'] }", async () => {
    const r = await run(demo, "okta.users { profile status lastUpdated credentials['provider']['name'] }");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^okta\.users: \[\n  0: \{\n    profile: \{department: "Engineering", email: "ada\.okafor@quillfeather\.example", firstName: "Ada", lastName: "Okafor", login: "ada\.okafor@quillfeather\.example", title: "CTO"\}\n    status: "ACTIVE"\n    lastUpdated: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC\n    credentials\[provider\]\[name\]: "OKTA"\n  \}\n  1: \{/);
    expect(r.stdout.match(/^  \d+: \{$/gm)).toHaveLength(demo.fixture.users.filter((u) => u.status !== 'DEPROVISIONED').length);
    expect(r.stdout).toContain('status: "PROVISIONED"');
  });

  it('okta.applications { status name label signOnMode }', async () => {
    const r = await run(demo, 'okta.applications { status name label signOnMode }');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  0: {\n    status: "ACTIVE"\n    name: "saasure"\n    label: "Okta Admin Console"\n    signOnMode: "OPENID_CONNECT"\n  }');
    expect(r.stdout).toContain('    name: "quillfeather_pagerduty_1"\n    label: "PagerDuty"\n    signOnMode: "AUTO_LOGIN"');
  });

  it('okta.policies { accessPolicy { name rules { status == "ACTIVE" } } }', async () => {
    const q = 'okta.policies {\n    accessPolicy {\n        name\n        rules { status == "ACTIVE" }\n    }\n}';
    const r = await run(demo, q);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^okta\.policies: \{\n  accessPolicy: \[\n    0: \{\n      name: "Okta Admin Console"\n      rules: \[\n        0: \{\n          status == "ACTIVE": true\n        \}/);
  });

  it('okta.organization.threatInsightSettings.action == "block": fails on demo, passes on hardened', async () => {
    const q = 'okta.organization.threatInsightSettings.action == "block"';
    const failed = await run(demo, q);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('[failed] okta.organization.threatInsightSettings.action == "block"\n  expected: == "block"\n  actual:   "audit"\n');
    const ok = await runCli(['run', '--organization', hardened.url, '--token', hardened.token, '--client-id', hardened.serviceApp!.clientId, '--private-key', hardened.serviceApp!.privateKey, '--private-key-id', hardened.serviceApp!.keyId, '--scopes', hardened.serviceApp!.scopes.join(' '), q]);
    expect(ok.stdout).toBe('[ok] value: "block"\n');
    expect(ok.code).toBe(0);
  });

  it('okta.domains { domain validationStatus == "COMPLETED" }: one domain is not verified', async () => {
    const r = await run(demo, 'okta.domains { domain validationStatus == "COMPLETED" }');
    expect(r.stdout).toBe(
      'okta.domains: [\n  0: {\n    domain: "login.quillfeather.example"\n    validationStatus == "COMPLETED": true\n  }\n  1: {\n    domain: "id.quillfeather.example"\n    validationStatus == "COMPLETED": false\n  }\n]\n',
    );
    expect(r.code).toBe(1);
  });

  it("okta.users.where( status == \"SUSPENDED\" ) { profile['email'] status }", async () => {
    const r = await run(demo, "okta.users.where( status == \"SUSPENDED\" ) { profile['email'] status }");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('okta.users.where: [\n  0: {\n    profile[email]: "mara.costa@quillfeather.example"\n    status: "SUSPENDED"\n  }\n]\n');
  });

  it('reads the token from OKTA_CLIENT_TOKEN, as the seed suggests', async () => {
    const r = await runCli(['run', '--organization', demo.url, 'okta.organization.companyName'], { env: { OKTA_CLIENT_TOKEN: demo.token, OKTA_API_TOKEN: '', OKTA_TOKEN: '' } });
    expect(r.stdout).toBe('okta.organization.companyName: "Quillfeather Labs"\n');
  });

  it('prints JSON with --json', async () => {
    const r = await run(demo, 'okta.users.where(status == "SUSPENDED") { status lastLogin }', '--json');
    expect(JSON.parse(r.stdout)).toEqual({ 'okta.users.where': [{ status: 'SUSPENDED', lastLogin: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }] });
  });
});

describe('run: what goes wrong', () => {
  it('points at an unknown field with a caret and a suggestion, exit 2', async () => {
    const r = await run(demo, 'okta.users.where(emial == "x")');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("query:1:18: okta.user has no field 'emial' (did you mean profile['email']?)\n1 | okta.users.where(emial == \"x\")\n                     ^^^^^\n");
  });

  it('names what a read-only credential cannot read, exit 1 for the failed assertion', async () => {
    const reader = await startSimulator({ org: 'demo' });
    try {
      const app = reader.serviceApp!;
      const r = await runCli(['run', '-o', reader.url, '--client-id', app.clientId, '--private-key', app.privateKey, '--private-key-id', app.keyId, '--scopes', 'okta.users.read', 'okta.apiTokens.all(network["connection"] != "ANYWHERE")']);
      expect(r.stdout).toMatch(/^\[error\] okta\.apiTokens\.all\(network\[connection\] != "ANYWHERE"\)\n  error: GET \/api\/v1\/api-tokens: the service app's token lacks the scope okta\.apiTokens\.read; needs the OAuth scope okta\.apiTokens\.read/);
      expect(r.code).toBe(1);
    } finally {
      await reader.close();
    }
  });

  it('refuses a bad organization and missing credentials with exit 2', async () => {
    const bad = await runCli(['run', '-o', 'http://evil.example', '--token', 'x', 'okta.users']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('uses plain http, which is accepted only for a loopback simulator');
    const none = await runCli(['run', '-o', demo.url, 'okta.users'], { env: { OKTA_API_TOKEN: '', OKTA_CLIENT_TOKEN: '', OKTA_TOKEN: '', OKTA_API_CLIENT_ID: '', OKTA_API_PRIVATE_KEY: '' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no Okta credentials');
  });

  it('exits 2 when Okta refuses the credentials', async () => {
    const r = await runCli(['run', '-o', demo.url, '--token', 'revoked-token-123', 'okta.users.length']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/error: Okta refused the API token/);
    expect(r.stdout).not.toContain('revoked-token-123');
  });
});

describe('shell', () => {
  it('reads statements from standard input, across lines while braces are open, with help', async () => {
    // Started as the seed starts cnspec's shell: `shell okta --organization … --token …`.
    const child = spawn(process.execPath, [CLI, 'shell', 'okta', '--organization', demo.url, '--token', demo.token], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.stdin.end('okta.organization.companyName\nokta.domains {\n  domain\n}\nhelp okta.group\nokta.grups\nexit\nokta.users\n');
    const code = await new Promise((r) => child.on('close', r));
    expect(out).toContain('okta.organization.companyName: "Quillfeather Labs"\n');
    expect(out).toContain('okta.domains: [\n  0: {\n    domain: "login.quillfeather.example"\n  }');
    expect(out).toContain('okta.group: A group of users.');
    expect(out).toMatch(/members\s+\[\]okta\.user\s+members/);
    expect(err).toContain("shell:1:6: okta has no field 'grups' (did you mean 'groups'?)");
    expect(out).not.toContain('okta.users: [');
    expect(code).toBe(1);
  });
});
