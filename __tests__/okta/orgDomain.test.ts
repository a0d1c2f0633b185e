import { describe, expect, it } from 'vitest';
import { adminOriginFromWellKnown, OrgDomainError, parseOrganization } from '../../src/okta/orgDomain.js';

describe('organization input', () => {
  it.each([
    ['dev-123456.okta.com', 'https://dev-123456.okta.com', 'https://dev-123456-admin.okta.com'],
    ['https://dev-123456.okta.com', 'https://dev-123456.okta.com', 'https://dev-123456-admin.okta.com'],
    ['https://Acme.OKTA.com/', 'https://acme.okta.com', 'https://acme-admin.okta.com'],
    ['acme.oktapreview.com', 'https://acme.oktapreview.com', 'https://acme-admin.oktapreview.com'],
    ['acme.okta-emea.com', 'https://acme.okta-emea.com', 'https://acme-admin.okta-emea.com'],
    ['agency.okta-gov.com', 'https://agency.okta-gov.com', 'https://agency-admin.okta-gov.com'],
    ['milmove.okta.mil', 'https://milmove.okta.mil', 'https://milmove-admin.okta.mil'],
    ['test.okta-miltest.com', 'https://test.okta-miltest.com', 'https://test-admin.okta-miltest.com'],
    ['unit.trex-gov.com', 'https://unit.trex-gov.com', 'https://unit-admin.trex-gov.com'],
    ['  trial-1234567.okta.com  ', 'https://trial-1234567.okta.com', 'https://trial-1234567-admin.okta.com'],
  ])('accepts %s', (input, origin, adminOrigin) => {
    const t = parseOrganization(input);
    expect(t).toEqual({ origin, adminOrigin, kind: 'okta' });
  });

  it('rewrites the Admin Console host to the org domain, with a notice', () => {
    const t = parseOrganization('dev-123-admin.okta.com');
    expect(t.origin).toBe('https://dev-123.okta.com');
    expect(t.adminOrigin).toBe('https://dev-123-admin.okta.com');
    expect(t.notice).toBe('dev-123-admin.okta.com is the Admin Console host; using the org domain dev-123.okta.com for the API.');
  });

  it.each(['http://127.0.0.1:41233', 'http://localhost:8080', 'http://[::1]:9000', 'https://127.0.0.1:8443'])('accepts the loopback simulator at %s', (input) => {
    const t = parseOrganization(input);
    expect(t.kind).toBe('loopback');
    expect(t.origin).toBe(new URL(input).origin);
    expect(t.adminOrigin).toBe(t.origin);
  });

  it('accepts a custom domain only when allowed', () => {
    expect(() => parseOrganization('login.acme.example')).toThrow(/is not an Okta domain; .*allow custom domains explicitly/);
    expect(parseOrganization('login.acme.example', { allowCustomDomain: true })).toEqual({
      origin: 'https://login.acme.example',
      adminOrigin: 'https://login.acme.example',
      kind: 'custom',
    });
  });

  it.each([
    ['', /no organization given/],
    ['http://dev-123.okta.com', /plain http, which is accepted only for a loopback simulator/],
    ['ftp://dev-123.okta.com', /uses ftp, not https/],
    ['https://admin:hunter2@dev-123.okta.com', /contains a user name or password/],
    ['https://dev-123.okta.com/api/v1', /has a path, query or fragment/],
    ['dev-123.okta.com?x=1', /has a path, query or fragment/],
    ['dev-123.okta.com#frag', /has a path, query or fragment/],
    ['https://10.0.0.5', /is an IP address/],
    ['https://[2001:db8::1]', /is an IP address/],
    ['https://dev-123.okta.com:8443', /names a port/],
    ['evil.com', /is not an Okta domain/],
    ['dev-123.okta.com.evil.com', /is not an Okta domain/],
    ['a.b.okta.com', /has more than one label before okta.com/],
    ['acme.com.com', /looks like a typo/],
    ['-admin.okta.com', /is not a valid host name/],
    ['dev 123.okta.com', /contains spaces/],
    ['javascript:alert(1)', /is not a host name or URL/],
    ['under_score.okta.com', /is not a valid host name/],
  ])('refuses %j, saying what is accepted', (input, message) => {
    expect(() => parseOrganization(input)).toThrow(OrgDomainError);
    expect(() => parseOrganization(input)).toThrow(message);
    if (input) expect(() => parseOrganization(input)).toThrow(/expected an Okta org domain such as dev-123456\.okta\.com/);
  });

  it('never echoes a password from the input', () => {
    expect(() => parseOrganization('https://admin:hunter2@dev-123.okta.com')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
  });
});

describe('the Admin Console host of a custom-domain org', () => {
  it('comes from the Okta org domain that /.well-known/okta-organization names', () => {
    const body = JSON.stringify({ id: '00o1', pipeline: 'idx', _links: { organization: { href: 'https://acme.okta.com' }, alternate: { href: 'https://login.acme.example' } } });
    expect(adminOriginFromWellKnown(body)).toBe('https://acme-admin.okta.com');
  });

  it.each([
    ['not json', /did not answer with JSON/],
    ['{}', /did not name the Okta org domain/],
    [JSON.stringify({ _links: { organization: { href: 'https://login.acme.example' } } }), /is not an Okta org domain/],
  ])('refuses %j', (body, message) => {
    expect(() => adminOriginFromWellKnown(body)).toThrow(message);
  });
});
