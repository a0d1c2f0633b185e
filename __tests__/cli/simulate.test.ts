// `okta-posture simulate` as users run it: the bundled CLI, started through npx, serving an org
// that curl-like requests can read, and refusing bad options with exit code 2.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { get, linkLines, ssws } from '../helpers/http.js';
import { CLI, runCli, serve } from '../helpers/cli.js';

describe('okta-posture simulate', () => {
  it('starts through npx, prints the org URL and token each on its own line, and stops cleanly', async () => {
    const served = await serve('npx', ['--no-install', 'okta-posture', 'simulate', '--org', 'demo', '--token', 'cli-test-token'], 6);
    try {
      expect(served.env.OKTA_ORG_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(served.env.OKTA_API_TOKEN).toBe('cli-test-token');
      expect(existsSync(served.env.OKTA_API_PRIVATE_KEY!)).toBe(true);
      expect(served.env.OKTA_API_SCOPES).toContain('okta.users.read');
      const r = await get(`${served.env.OKTA_ORG_URL}/api/v1/users?limit=3`, ssws('cli-test-token'));
      expect(r.status).toBe(200);
      expect(r.json).toHaveLength(3);
      expect(linkLines(r)).toHaveLength(2);
      expect(r.headers['x-rate-limit-remaining']).toBeDefined();
      const keyFile = served.env.OKTA_API_PRIVATE_KEY!;
      await served.stop();
      expect(existsSync(keyFile)).toBe(false);
    } finally {
      if (served.child.exitCode === null) process.kill(-served.child.pid!, 'SIGKILL');
    }
  });

  it('serves the large org with the requested size and rate limit', async () => {
    const served = await serve(process.execPath, [CLI, 'simulate', '--org', 'large', '--users', '500', '--rate-limit', '2'], 2);
    try {
      const url = `${served.env.OKTA_ORG_URL}/api/v1/groups`;
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await get(url, ssws(served.env.OKTA_API_TOKEN!))).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });

  it.each([
    [['--org', 'nope'], /--org must be one of demo, hardened, empty, large, classic, got 'nope'/],
    [['--faults', '1.5'], /--faults must be a probability between 0 and 1, got '1.5'/],
    [['--port', 'eighty'], /--port must be a whole number from 0 to 65535, got 'eighty'/],
    [['--fault-kinds', 'rate-limit,meteor'], /'meteor' is not one of them/],
    [['--colour', 'blue'], /Unknown option '--colour'/],
    [['--fixture', '/nonexistent/org.json'], /org\.json: [\s\S]*cannot read the file: ENOENT/],
  ])('refuses %j with exit code 2 and a message saying what is accepted', async (args, message) => {
    const r = await runCli(['simulate', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('writes a built-in org as a fixture that loads again', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'okta-posture-cli-')), 'empty.json');
    const written = await runCli(['simulate', '--org', 'empty', '--write-fixture', file, '--token', 'written-token']);
    expect(written.code).toBe(0);
    const served = await serve(process.execPath, [CLI, 'simulate', '--fixture', file], 2);
    try {
      expect(served.env.OKTA_API_TOKEN).toBe('written-token');
      expect((await get(`${served.env.OKTA_ORG_URL}/api/v1/org`, ssws('written-token'))).json.companyName).toBe('Fresh Start Inc');
    } finally {
      await served.stop();
    }
  });

  it('prints help', async () => {
    const r = await runCli(['simulate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--rate-limit N');
  });

  it('names an unknown command', async () => {
    const r = await runCli(['scna']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'scna'");
  });
});
