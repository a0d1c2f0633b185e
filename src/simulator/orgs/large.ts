// `large`: a generated enterprise org for paging, rate-limit and memory tests. Everything scales
// with the user count: one group per 50 users, one app per 500, one authentication policy per
// 5 apps, and a handful of admins. Deterministic for a given size and clock.
import type { OrgFixture } from '../fixture/format.js';
import { oidcApp, samlApp } from './apps.js';
import { freshOrg } from './fresh.js';
import { accessRule, addPolicy, addRule, passwordRule, passwordSettings, signOnRule } from './policies.js';
import { HARDENED_PASSWORD } from './hardened.js';

const FIRST = ['Alex', 'Bea', 'Cai', 'Dana', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jia', 'Kai', 'Lea', 'Max', 'Nia', 'Oli', 'Pia'];
const LAST = ['Ito', 'Khan', 'Lopez', 'Meyer', 'Novak', 'Osei', 'Park', 'Quint', 'Rossi', 'Silva', 'Tran', 'Uddin', 'Vance', 'Weber'];
const STATUSES = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED', 'PROVISIONED', 'DEPROVISIONED'];

export function largeOrg(now: Date, token: string, users = 100_000): OrgFixture {
  if (!Number.isInteger(users) || users < 1) throw new Error(`--users must be a positive whole number, got ${users}`);
  const org = freshOrg({
    key: 'megacorp',
    name: 'large',
    description: `A generated enterprise org with ${users} users.`,
    companyName: 'Megacorp Industries',
    emailDomain: 'megacorp.example',
    admin: { key: 'root', firstName: 'Root', lastName: 'Admin', lastLoginDaysAgo: 0 },
    now,
    token,
  });
  const { b } = org;
  const f = b.fixture;

  const groupCount = Math.max(1, Math.floor(users / 50));
  const groupIds = Array.from({ length: groupCount }, (_, g) => b.addGroup(`g${g}`, `Team ${g}`, `Generated team ${g}`));

  // Users are created directly rather than through addUser: at 100k this is the hot path.
  const typeId = String((f.users[0]!.type as { id: string }).id);
  const everyone = f.groupMembers[org.everyoneGroupId]!;
  for (let i = 1; i < users; i++) {
    const id = b.userId(`u${i}`);
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const login = `${first}.${last}.${i}@megacorp.example`.toLowerCase();
    const created = b.time.ago(30 + (i % 900));
    b.addUserObject({
      id,
      status: STATUSES[i % STATUSES.length],
      created,
      activated: created,
      statusChanged: created,
      lastLogin: i % 13 === 0 ? null : b.time.ago(i % 120),
      lastUpdated: created,
      passwordChanged: created,
      type: { id: typeId },
      profile: { firstName: first, lastName: last, login, email: login, mobilePhone: null, secondEmail: null },
      credentials: { password: {}, provider: { type: 'OKTA', name: 'OKTA' } },
      _links: { self: { href: `/api/v1/users/${id}` } },
    });
    everyone.push(id);
    f.groupMembers[groupIds[i % groupCount]!]!.push(id);
    if (i % 3 !== 0) b.addFactor(id, i % 7 === 0 ? 'sms' : 'push');
  }

  const admins = Math.min(users - 1, 12);
  for (let i = 1; i <= admins; i++) b.assignUserRole(b.userId(`u${i}`), i <= 4 ? 'SUPER_ADMIN' : i <= 8 ? 'ORG_ADMIN' : 'HELP_DESK_ADMIN');
  b.assignGroupRole(groupIds[0]!, 'GROUP_MEMBERSHIP_ADMIN');

  const appCount = Math.max(20, Math.floor(users / 500));
  const policyIds: string[] = [];
  for (let p = 0; p < Math.ceil(appCount / 5); p++) {
    const id = addPolicy(b, { key: `access-${p}`, type: 'ACCESS_POLICY', name: `App policy ${p}`, priority: 10 + p });
    for (let r = 0; r < 3 + (p % 5); r++) {
      addRule(b, id, accessRule({ key: `r${r}`, name: `Rule ${r}`, priority: r, factorMode: r % 2 ? '1FA' : '2FA', groups: [groupIds[(p + r) % groupCount]!] }));
    }
    addRule(b, id, accessRule({ key: 'catch-all', name: 'Catch-all Rule', priority: 99, system: true, access: 'DENY', factorMode: '2FA' }));
    policyIds.push(id);
  }
  for (let a = 0; a < appCount; a++) {
    const spec = { key: `app${a}`, label: `Business App ${a}`, accessPolicyId: policyIds[a % policyIds.length]! };
    const appId =
      a % 2
        ? samlApp(b, { ...spec, acsUrl: `https://app${a}.megacorp.example/saml`, signatureAlgorithm: 'RSA_SHA256', assertionSigned: true, responseSigned: true })
        : oidcApp(b, { ...spec, applicationType: 'web', grantTypes: ['authorization_code'], authMethod: 'client_secret_basic', redirectUris: [`https://app${a}.megacorp.example/cb`] });
    b.assignApp(appId, [groupIds[a % groupCount]!]);
  }

  for (let p = 0; p < 5; p++) {
    const id = addPolicy(b, { key: `password-${p}`, type: 'PASSWORD', name: `Password policy ${p}`, priority: p + 1, conditions: { people: { groups: { include: [groupIds[p % groupCount]!] } }, authProvider: { provider: 'OKTA' } }, settings: passwordSettings(HARDENED_PASSWORD) });
    addRule(b, id, passwordRule(`p${p}`, `Password rule ${p}`, 1, ['email']));
  }
  for (let p = 0; p < 3; p++) {
    const id = addPolicy(b, { key: `gsp-${p}`, type: 'OKTA_SIGN_ON', name: `Session policy ${p}`, priority: p + 1, conditions: { people: { groups: { include: [groupIds[p % groupCount]!] } } } });
    addRule(b, id, signOnRule(`s${p}`, `Session rule ${p}`, 1, { idleMinutes: 30, lifetimeMinutes: 720, persistentCookie: false }));
  }
  return f;
}
