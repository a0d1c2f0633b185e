// `empty`: a brand-new org, exactly as Okta hands it over; nothing has been configured yet.
import type { OrgFixture } from '../fixture/format.js';
import { freshOrg } from './fresh.js';

export function emptyOrg(now: Date, token: string): OrgFixture {
  const { b } = freshOrg({
    key: 'fresh-start',
    name: 'empty',
    description: 'A new org with only what Okta creates: one super admin, default policies, system zones.',
    companyName: 'Fresh Start Inc',
    emailDomain: 'freshstart.example',
    admin: { key: 'founder', firstName: 'Rowan', lastName: 'Ashdown', createdDaysAgo: 420, lastLoginDaysAgo: 0, title: 'Founder' },
    now,
    token,
  });
  return b.fixture;
}
