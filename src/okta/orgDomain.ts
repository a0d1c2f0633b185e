// Turns what a user types as the organization into the one origin credentials may be sent to.
// Okta's own domains over https; a custom domain only when the user opts in; plain http only for
// a loopback host (the simulator). Everything else is refused, saying what is accepted.
import { isIP } from 'node:net';

/** Okta-hosted org domains, as Okta's SDKs and config validators accept them. */
export const OKTA_DOMAINS = [
  'okta.com',
  'oktapreview.com',
  'okta-emea.com',
  'okta-gov.com',
  'okta.mil',
  'okta-miltest.com',
  'trex-gov.com',
] as const;

export interface OrgTarget {
  /** `https://dev-123.okta.com` (no trailing slash): the only origin that sees credentials. */
  origin: string;
  /** Where Okta serves its internal Admin Console APIs: `https://dev-123-admin.okta.com`. */
  adminOrigin: string;
  kind: 'okta' | 'custom' | 'loopback';
  /** Said to the user when the input was rewritten (e.g. the `-admin` host). */
  notice?: string;
}

export class OrgDomainError extends Error {
  override name = 'OrgDomainError';
}

const ACCEPTED =
  `an Okta org domain such as dev-123456.okta.com or https://acme.okta.com (${OKTA_DOMAINS.join(', ')}), ` +
  'a custom domain with allow-custom-domain, or http://127.0.0.1:PORT for the simulator';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

export function parseOrganization(input: string, options: { allowCustomDomain?: boolean } = {}): OrgTarget {
  const raw = input.trim();
  // Echo the input without any user-info, which might hold a password.
  const shown = raw.replace(/\/\/[^/?#]*@/, '//').slice(0, 200);
  const refuse = (why: string): never => {
    throw new OrgDomainError(`the organization '${shown}' ${why}; expected ${ACCEPTED}`);
  };
  if (!raw) throw new OrgDomainError(`no organization given; expected ${ACCEPTED}`);
  if (/\s/.test(raw)) refuse('contains spaces');

  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) && !hasScheme && !/^[^:/]+:\d+$/.test(raw)) refuse('is not a host name or URL');
  let url: URL;
  try {
    url = new URL(hasScheme ? raw : `https://${raw}`);
  } catch {
    return refuse('is not a host name or URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') refuse(`uses ${url.protocol.slice(0, -1)}, not https`);
  if (url.username || url.password) refuse('contains a user name or password; give the credentials separately');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || /[?#]/.test(raw)) {
    refuse('has a path, query or fragment; give only the host');
  }
  const host = url.hostname.toLowerCase();

  if (isLoopback(host)) {
    const origin = `${url.protocol}//${url.host}`;
    return { origin, adminOrigin: origin, kind: 'loopback' };
  }
  if (url.protocol === 'http:') refuse('uses plain http, which is accepted only for a loopback simulator; use https');
  if (isIP(host.replace(/^\[|\]$/g, ''))) refuse('is an IP address');
  if (url.port) refuse('names a port; Okta orgs are served on the default https port');

  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) refuse('is not a valid host name');
  const domain = OKTA_DOMAINS.find((d) => host.endsWith(`.${d}`));
  if (domain) {
    const sub = host.slice(0, -domain.length - 1);
    if (sub.includes('.')) refuse(`has more than one label before ${domain}`);
    if (sub.endsWith('-admin')) {
      const org = sub.slice(0, -'-admin'.length); // non-empty: a label cannot start with '-'
      return {
        origin: `https://${org}.${domain}`,
        adminOrigin: `https://${org}-admin.${domain}`,
        kind: 'okta',
        notice: `${host} is the Admin Console host; using the org domain ${org}.${domain} for the API.`,
      };
    }
    return { origin: `https://${host}`, adminOrigin: `https://${sub}-admin.${domain}`, kind: 'okta' };
  }
  if (host.endsWith('.com.com')) refuse("ends in '.com.com', which looks like a typo");
  if (!options.allowCustomDomain) {
    refuse("is not an Okta domain; if it is your org's custom domain, allow custom domains explicitly");
  }
  // The admin host of a custom-domain org is found later from /.well-known/okta-organization.
  return { origin: `https://${host}`, adminOrigin: `https://${host}`, kind: 'custom' };
}

/**
 * The Admin Console origin of a custom-domain org, from its `/.well-known/okta-organization`
 * answer, which names the Okta-hosted org domain.
 */
export function adminOriginFromWellKnown(body: string): string {
  let href: unknown;
  try {
    href = (JSON.parse(body) as { _links?: { organization?: { href?: unknown } } })._links?.organization?.href;
  } catch {
    throw new OrgDomainError('/.well-known/okta-organization did not answer with JSON');
  }
  if (typeof href !== 'string') throw new OrgDomainError('/.well-known/okta-organization did not name the Okta org domain');
  let target: OrgTarget | undefined;
  try {
    target = parseOrganization(href);
  } catch {
    target = undefined;
  }
  if (target?.kind !== 'okta') {
    throw new OrgDomainError(`/.well-known/okta-organization named ${href.slice(0, 200)}, which is not an Okta org domain`);
  }
  return target.adminOrigin;
}
