// The checker: unknown names are reported where they are, with hints; valid queries, including
// the idioms cnspec bundles use, are never flagged.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/mql/checker.js';
import { parse } from '../../src/mql/parser.js';
import { oktaTypeSchema } from '../../src/resources/typeSchema.js';

const problems = (q: string, props?: string[]) => check(parse(q), oktaTypeSchema(props ? new Set(props) : undefined)).map((e) => `${e.start}: ${e.message}`);

describe('checking queries against the schema', () => {
  it.each([
    ['okta.users.where(emial == "x")', "17: okta.user has no field 'emial' (did you mean profile['email']?)"],
    ['okta.users { lastLgin }', "13: okta.user has no field 'lastLgin' (did you mean 'lastLogin'?)"],
    ['okta.orgnization', "5: okta has no field 'orgnization' (did you mean 'organization'?)"],
    ['okta.groups.lenght', "12: a list has no field or function 'lenght' (did you mean 'length'?)"],
    ['okta.groups.name', "12: a list has no field 'name'; use .map(name) for each element's name, or { name }"],
    ['okta.groups.firts.name', "12: a list has no field or function 'firts' (did you mean 'first'?)"],
    ['okta.groups.whre(name == "x")', "12: there is no function 'whre' (did you mean 'where'?)"],
    ['okta.organization.where(x == 1)', '18: where() works on a list, not on a okta.organization'],
    ['okta.users.all()', '0: all() takes 1 argument, not 0'],
    ['props.minLenght > 3', "6: there is no property 'minLenght' (did you mean 'minLength'?)"],
    ['oktaa.users', "0: 'oktaa' is not a resource, field or variable (did you mean 'okta'?)"],
  ])('%s', (query, message) => {
    expect(problems(query, ['minLength'])).toEqual([message]);
  });

  it.each([
    'okta.policies.mfaEnroll.all(settings["factors"]["okta_sms"]["enroll"]["self"] != /(OPTIONAL|REQUIRED)/)',
    'everyone = okta.groups.where(name == "Everyone").map(id)[0]\nokta.policies.mfaEnroll.any(conditions["people"]["groups"]["include"].contains(everyone))',
    'okta.groups.where(roles.any(type == "SUPER_ADMIN")) { name members.length owners.length > 0 }',
    'okta.policies.signOn { rules.where(status == "ACTIVE").all(actions["signon"]["session"]["maxSessionIdleMinutes"] <= 15) }',
    'okta.apiTokens.all(time.now - created < 90 * time.day)',
    'okta.networks.where(_["usage"] == "BLOCKLIST").any(status == "ACTIVE")',
    'okta.users.where(lastLogin < time.now - 90 * time.day).length == 0',
    'okta.applications { * }',
    'okta.organization.securityNotificationEmails["sendEmailForNewDeviceEnabled"] == true',
    'asset.platform == "okta-org"',
    'props.anything',
  ])('accepts %s', (query) => {
    expect(problems(query)).toEqual([]);
  });

  it('reports every problem of a query, not just the first', () => {
    expect(problems('okta.usrs\nokta.grops')).toHaveLength(2);
  });
});
