// Org fixtures loaded from JSON files: what loads, and how each kind of mistake is reported.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FixtureError, type OrgFixture } from '../../src/simulator/fixture/format.js';
import { loadFixtureFile, parseFixture } from '../../src/simulator/fixture/load.js';
import { startSimulator } from '../../src/simulator/index.js';
import { emptyOrg } from '../../src/simulator/orgs/empty.js';
import { readAll } from '../helpers/http.js';

const now = new Date('2026-12-04T12:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'okta-posture-fixture-'));
const write = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const problems = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof FixtureError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a FixtureError');
};

describe('loading a fixture file', () => {
  it('serves a fixture written out from an org, with the token given on the command line', async () => {
    const org = emptyOrg(now, 'ignored');
    const path = write('empty.json', JSON.stringify(org, null, 2));
    const sim = await startSimulator({ fixture: path, token: 'file-token-123' });
    try {
      const { items } = await readAll(`${sim.url}/api/v1/users`, 'file-token-123');
      expect(items.map((u) => u.id)).toEqual(org.users.map((u) => u.id));
    } finally {
      await sim.close();
    }
  });

  it('fills collections a hand-written fixture leaves out', () => {
    const org = emptyOrg(now, 'tok');
    const minimal = { name: 'tiny', pipeline: 'idx', credentials: org.credentials, org: org.org, orgSettings: org.orgSettings, threatInsight: org.threatInsight };
    const fixture = parseFixture(JSON.stringify(minimal), 'tiny.json');
    expect(fixture.users).toEqual([]);
    expect(fixture.policyRules).toEqual({});
    expect(fixture.features).toEqual([]);
  });

  it('reports a JSON syntax error with its line and column', () => {
    const path = write('broken.json', '{\n  "name": "x",\n  "pipeline": idx\n}');
    expect(problems(() => loadFixtureFile(path))[0]).toMatch(/^not valid JSON at line 3, column 15/);
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadFixtureFile(join(dir, 'missing.json'))).toThrow(/missing\.json: [\s\S]*cannot read the file: ENOENT/);
  });

  it('lists every structural mistake at once', () => {
    const list = problems(() => parseFixture(JSON.stringify({ name: '', pipeline: 'oie', users: {}, orgSettings: {} }), 'bad.json'));
    expect(list).toEqual(
      expect.arrayContaining([
        '"name" must be a non-empty string',
        '"pipeline" must be "idx" (Identity Engine) or "v1" (Classic)',
        '"org" must be the org object (GET /api/v1/org)',
        '"users" must be an array',
        '"orgSettings.oktaSupport" must be an object',
      ]),
    );
  });

  it('rejects objects Okta would never return, naming the request and the JSON path', () => {
    const org: OrgFixture = emptyOrg(now, 'tok');
    org.users[0]!.status = 'ENABLED';
    org.zones[0]!.usage = 'ALLOWLIST';
    const list = problems(() => parseFixture(JSON.stringify(org), 'org.json'));
    expect(list).toContainEqual(expect.stringMatching(/^GET \/api\/v1\/users \$\[0\]\.status: "ENABLED" is not one of/));
    expect(list).toContainEqual(expect.stringMatching(/^GET \/api\/v1\/zones \$\[0\]\.usage: "ALLOWLIST" is not one of "BLOCKLIST", "POLICY"/));
  });
});
