#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/cli/args.ts
// Command-line option parsing on node:util's parseArgs, with typed readers that reject bad
// values with a message naming the option and what it accepts.

class UsageError extends Error {
    name = 'UsageError';
}
function parseCommandArgs(argv, options, allowPositionals = false) {
    try {
        return (0,external_node_util_namespaceObject.parseArgs)({ args: argv, options, allowPositionals, strict: true });
    }
    catch (error) {
        throw new UsageError(error.message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
    }
}
function intOption(value, name, min, max = Number.MAX_SAFE_INTEGER) {
    if (value === undefined)
        return undefined;
    const text = String(value);
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
        throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${text}'`);
    }
    return Number(text);
}
function rateOption(value, name) {
    if (value === undefined)
        return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > 1 || String(value).trim() === '') {
        throw new UsageError(`--${name} must be a probability between 0 and 1, got '${String(value)}'`);
    }
    return n;
}
function choiceOption(value, name, choices) {
    if (value === undefined)
        return undefined;
    if (!choices.includes(value)) {
        throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got '${String(value)}'`);
    }
    return value;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/simulator/faults.ts
// Reproducible fault injection. Whether the n-th request for a given URL fails, and how, depends
// only on the seed, the URL and n, so a run replays identically whatever order requests arrive in.
const FAULT_KINDS = ['rate-limit', 'server-error', 'bad-gateway', 'unavailable', 'reset', 'stall', 'truncated'];
/** 32-bit FNV-1a, then a final avalanche: a fast, well-spread hash for the fault lottery. */
function hash32(text, seed) {
    let h = (0x811c9dc5 ^ seed) >>> 0;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
}
class FaultPlan {
    options;
    seen = new Map();
    kinds;
    injected = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0]));
    constructor(options) {
        this.options = options;
        if (!(options.rate >= 0 && options.rate <= 1))
            throw new Error(`the fault rate must be between 0 and 1, got ${options.rate}`);
        this.kinds = options.kinds?.length ? options.kinds : FAULT_KINDS;
    }
    /** The fault for this request, if any. `key` is the method and URL path with query. */
    decide(key) {
        if (this.options.rate === 0)
            return undefined;
        const n = (this.seen.get(key) ?? 0) + 1;
        this.seen.set(key, n);
        const roll = hash32(`${n}\u0000${key}`, this.options.seed) / 2 ** 32;
        if (roll >= this.options.rate)
            return undefined;
        const kind = this.kinds[hash32(`kind\u0000${n}\u0000${key}`, this.options.seed) % this.kinds.length];
        this.injected[kind]++;
        return kind;
    }
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: ./src/okta/rateLimitBuckets.ts
// Okta's per-minute rate-limit buckets for management reads: a request counts against the
// bucket whose template matches it exactly, else the one with the longest matching prefix.
// Limits are the last published Workforce figures (requests per minute, whole org).
const bucket = (method, template, match, orgLimit) => ({
    id: `${method} ${template}${match === 'prefix' ? '*' : ''}`,
    method,
    template,
    match,
    orgLimit,
});
const RATE_LIMIT_BUCKETS = [
    bucket('GET', '/api/v1/users', 'exact', 600),
    bucket('GET', '/api/v1/users/{id}', 'exact', 2000),
    bucket('GET', '/api/v1/apps/{id}', 'exact', 500),
    bucket('GET', '/api/v1/apps', 'prefix', 100),
    bucket('GET', '/api/v1/groups/{id}', 'exact', 1000),
    bucket('GET', '/api/v1/groups', 'prefix', 500),
    bucket('GET', '/api/v1/logs', 'prefix', 120),
    bucket('GET', '/api/v1/events', 'prefix', 100),
    bucket('GET', '/api/v1/devices', 'prefix', 100),
    bucket('GET', '/oauth2/v1/clients', 'prefix', 100),
    bucket('POST', '/oauth2/v1/token', 'exact', 600),
    // "Most other /api/v1 actions", and everything else a scanner reads.
    bucket('GET', '/', 'prefix', 1200),
];
/** By default each API token or OAuth app may use half of a bucket (Okta's per-token ceiling). */
const PER_TOKEN_SHARE = 0.5;
/** Simultaneous in-flight requests an org allows (Workforce). */
const ORG_CONCURRENCY_LIMIT = 75;
function segmentsMatch(template, path) {
    return template.every((t, i) => t.startsWith('{') || t === path[i]);
}
const split = (p) => p.split('/').filter(Boolean);
const compiled = RATE_LIMIT_BUCKETS.map((b) => ({ bucket: b, segments: split(b.template) }));
/** The bucket a request counts against. Every GET has one (the catch-all). */
function bucketFor(method, path) {
    const segments = split(path);
    const candidates = compiled.filter((c) => c.bucket.method === method.toUpperCase());
    const exact = candidates.find((c) => c.bucket.match === 'exact' && c.segments.length === segments.length && segmentsMatch(c.segments, segments));
    if (exact)
        return exact.bucket;
    let best;
    for (const c of candidates) {
        if (c.bucket.match !== 'prefix' || c.segments.length > segments.length)
            continue;
        if (!segmentsMatch(c.segments, segments))
            continue;
        if (!best || c.segments.length > best.segments.length)
            best = c;
    }
    return (best ?? compiled[compiled.length - 1]).bucket;
}

;// CONCATENATED MODULE: ./src/jose/jwk.ts
// JSON Web Keys: turning PEM or JWK text into key objects, public JWKs, and RFC 7638 thumbprints.

/** A private key from PEM (PKCS#8 or PKCS#1/SEC1) or JWK JSON text. The error never echoes the key. */
function parsePrivateKey(text) {
    const trimmed = text.trim();
    try {
        if (trimmed.startsWith('{')) {
            const jwk = JSON.parse(trimmed);
            if (!jwk.d)
                throw new Error('missing d');
            return createPrivateKey({ key: jwk, format: 'jwk' });
        }
        return createPrivateKey({ key: trimmed, format: 'pem' });
    }
    catch {
        throw new Error('the private key is not a PEM private key (-----BEGIN PRIVATE KEY-----) or a private JWK (JSON with "d")');
    }
}
function publicJwk(key) {
    const pub = key.type === 'private' ? (0,external_node_crypto_namespaceObject.createPublicKey)(key) : key;
    const jwk = pub.export({ format: 'jwk' });
    return jwk.kty === 'RSA' ? { kty: 'RSA', e: jwk.e, n: jwk.n } : { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
}
function importPublicJwk(jwk) {
    return (0,external_node_crypto_namespaceObject.createPublicKey)({ key: jwk, format: 'jwk' });
}
/** RFC 7638 SHA-256 thumbprint, base64url. */
function jwkThumbprint(jwk) {
    const members = jwk.kty === 'RSA' ? { e: jwk.e, kty: jwk.kty, n: jwk.n } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(JSON.stringify(members)).digest('base64url');
}

;// CONCATENATED MODULE: ./src/jose/jws.ts
// Compact JWS (RFC 7515) signing and verification for the algorithms Okta accepts in client
// assertions and DPoP proofs: RS256/384/512 and ES256/384/512, on node:crypto only.

const JWS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];
const HASH = {
    RS256: 'sha256',
    RS384: 'sha384',
    RS512: 'sha512',
    ES256: 'sha256',
    ES384: 'sha384',
    ES512: 'sha512',
};
const EC_CURVE = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };
const base64url = (data) => Buffer.from(data).toString('base64url');
const sha256base64url = (data) => (0,external_node_crypto_namespaceObject.createHash)('sha256').update(data).digest('base64url');
/** The algorithm a key signs with: RS256 for RSA, the curve's ES algorithm for EC. */
function algorithmFor(key) {
    if (key.asymmetricKeyType === 'rsa')
        return 'RS256';
    if (key.asymmetricKeyType === 'ec') {
        const curve = key.export({ format: 'jwk' }).crv;
        const alg = curve ? EC_CURVE[curve] : undefined;
        if (alg)
            return alg;
        throw new Error(`EC curve ${curve ?? '(unknown)'} is not supported; use P-256, P-384 or P-521`);
    }
    throw new Error(`${key.asymmetricKeyType ?? 'this'} keys are not supported; use an RSA or EC key`);
}
function signJws(header, payload, privateKey) {
    const alg = header.alg ?? algorithmFor(privateKey);
    const input = `${base64url(JSON.stringify({ ...header, alg }))}.${base64url(JSON.stringify(payload))}`;
    const signature = cryptoSign(HASH[alg], Buffer.from(input), {
        key: privateKey,
        dsaEncoding: alg.startsWith('ES') ? 'ieee-p1363' : undefined,
    });
    return `${input}.${base64url(signature)}`;
}
/** Splits and parses a compact JWS without checking its signature. Throws on malformed input. */
function decodeJws(token) {
    const parts = token.split('.');
    if (parts.length !== 3)
        throw new Error('not a compact JWS (expected three dot-separated parts)');
    const [h, p, s] = parts;
    const parse = (part, what) => {
        let value;
        try {
            value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
        }
        catch {
            throw new Error(`the JWS ${what} is not base64url-encoded JSON`);
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            throw new Error(`the JWS ${what} is not a JSON object`);
        }
        return value;
    };
    return { header: parse(h, 'header'), payload: parse(p, 'payload'), signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
}
/** True when `jws` carries a valid signature by `publicKey` with an allowed algorithm. */
function verifyJws(jws, publicKey) {
    const alg = jws.header.alg;
    if (typeof alg !== 'string' || !JWS_ALGORITHMS.includes(alg))
        return false;
    const expectedType = alg.startsWith('RS') ? 'rsa' : 'ec';
    if (publicKey.asymmetricKeyType !== expectedType)
        return false;
    try {
        return (0,external_node_crypto_namespaceObject.verify)(HASH[alg], Buffer.from(jws.signingInput), {
            key: publicKey,
            dsaEncoding: expectedType === 'ec' ? 'ieee-p1363' : undefined,
        }, jws.signature);
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/simulator/dpopProof.ts
// Verifies DPoP proofs (RFC 9449) the way Okta does: one `DPoP` header, `typ: dpop+jwt`, an
// embedded public JWK that signed it, matching `htm` and `htu`, fresh `iat`, unique `jti`, and,
// on resource calls, `ath` bound to the access token.


const MAX_AGE_SECONDS = 300;
class DpopVerifier {
    now;
    usedJti = new Map();
    constructor(now = Date.now) {
        this.now = now;
    }
    verify(header, expect) {
        if (header === undefined)
            return { ok: false, description: 'DPoP proof JWT header is missing.' };
        if (Array.isArray(header) || header.includes(','))
            return { ok: false, description: 'Multiple DPoP proof JWT headers were provided.' };
        let jws;
        try {
            jws = decodeJws(header);
        }
        catch {
            return { ok: false, description: 'The DPoP proof JWT is malformed.' };
        }
        const { header: h, payload: p } = jws;
        if (h.typ !== 'dpop+jwt')
            return { ok: false, description: "The DPoP proof JWT 'typ' header is invalid." };
        if (typeof h.jwk !== 'object' || h.jwk === null || 'd' in h.jwk) {
            return { ok: false, description: "The DPoP proof JWT 'jwk' header is missing or invalid." };
        }
        let key;
        try {
            key = importPublicJwk(h.jwk);
        }
        catch {
            return { ok: false, description: "The DPoP proof JWT 'jwk' header is missing or invalid." };
        }
        if (!verifyJws(jws, key))
            return { ok: false, description: 'The DPoP proof JWT signature is invalid.' };
        if (p.htm !== expect.method)
            return { ok: false, description: "'htm' claim in the DPoP proof JWT is invalid." };
        const target = new URL(expect.url);
        if (typeof p.htu !== 'string' || !sameTarget(p.htu, target)) {
            return { ok: false, description: "'htu' claim in the DPoP proof JWT is invalid." };
        }
        const nowSeconds = this.now() / 1000;
        if (typeof p.iat !== 'number' || p.iat < nowSeconds - MAX_AGE_SECONDS) {
            return { ok: false, description: 'The DPoP proof JWT was issued more than five minutes in the past.' };
        }
        if (p.iat > nowSeconds + 60)
            return { ok: false, description: "The DPoP proof JWT 'iat' is in the future." };
        if (typeof p.jti !== 'string' || !p.jti)
            return { ok: false, description: "'jti' claim in the DPoP proof JWT is missing." };
        this.forgetOld(nowSeconds);
        if (this.usedJti.has(p.jti))
            return { ok: false, description: "The DPoP proof JWT 'jti' has already been used." };
        if (expect.accessToken !== undefined && p.ath !== sha256base64url(expect.accessToken)) {
            return { ok: false, description: "'ath' claim in the DPoP proof JWT is invalid." };
        }
        this.usedJti.set(p.jti, nowSeconds);
        return { ok: true, proof: { jkt: jwkThumbprint(h.jwk), nonce: typeof p.nonce === 'string' ? p.nonce : undefined } };
    }
    forgetOld(nowSeconds) {
        if (this.usedJti.size < 10_000)
            return;
        for (const [jti, at] of this.usedJti)
            if (at < nowSeconds - MAX_AGE_SECONDS)
                this.usedJti.delete(jti);
    }
}
/** `htu` is compared without query and fragment, with the path percent-decoded (as Okta normalises it). */
function sameTarget(htu, target) {
    let claimed;
    try {
        claimed = new URL(htu);
    }
    catch {
        return false;
    }
    const norm = (u) => `${u.protocol}//${u.host}${decodeURIComponent(u.pathname)}`;
    return !claimed.search && norm(claimed) === norm(target);
}

;// CONCATENATED MODULE: ./src/okta/endpoints.ts
// The catalogue of Okta Management API reads a posture scan uses: path template (as Okta's
// OpenAPI spec spells it), OAuth scope, admin roles, how the list pages, and page sizes.
// The client takes page sizes from here; the simulator serves exactly these endpoints.
const object = { kind: 'object' };
const none = { kind: 'none' };
const endpoints_link = (defaultLimit, maxLimit) => ({ kind: 'link', defaultLimit, maxLimit });
const SECURITY_NOTIFICATIONS_PATH = '/api/internal/org/settings/security-notification-settings';
const ENDPOINTS = [
    // Organization
    { path: '/.well-known/okta-organization', scope: null, paging: object },
    { path: '/api/v1/org', scope: 'okta.orgs.read', paging: object },
    { path: '/api/v1/org/privacy/oktaSupport', scope: 'okta.orgs.read', paging: object, adminRoles: ['SUPER_ADMIN'] },
    { path: '/api/v1/org/privacy/oktaCommunication', scope: 'okta.orgs.read', paging: object },
    { path: '/api/v1/org/preferences', scope: 'okta.orgs.read', paging: object },
    { path: '/api/v1/org/contacts', scope: 'okta.orgs.read', paging: none },
    { path: '/api/v1/org/contacts/{contactType}', scope: 'okta.orgs.read', paging: object },
    { path: '/api/v1/org/orgSettings/thirdPartyAdminSetting', scope: 'okta.orgs.read', paging: object },
    { path: '/api/v1/org/settings/autoAssignAdminAppSetting', scope: 'okta.orgs.read', paging: object },
    { path: '/api/v1/org/settings/clientPrivilegesSetting', scope: 'okta.orgs.read', paging: object },
    { path: '/api/v1/org/captcha', scope: 'okta.captchas.read', paging: object, identityEngineOnly: true },
    { path: '/attack-protection/api/v1/user-lockout-settings', scope: 'okta.orgs.read', paging: object },
    {
        path: '/attack-protection/api/v1/authenticator-settings',
        scope: 'okta.orgs.read',
        paging: object,
        identityEngineOnly: true,
    },
    // The spec names no role; in practice only Super Admins can read the Admin Console settings.
    {
        path: '/api/v1/first-party-app-settings/{appName}',
        scope: 'okta.apps.read',
        paging: object,
        adminRoles: ['SUPER_ADMIN'],
    },
    {
        path: SECURITY_NOTIFICATIONS_PATH,
        scope: null,
        paging: object,
        adminHost: true,
        sswsOnly: true,
        adminRoles: ['SUPER_ADMIN', 'ORG_ADMIN'],
        undocumented: 'internal Admin Console API that holds the security notification emails; the Okta Terraform provider reads it',
    },
    { path: '/api/v1/threats/configuration', scope: 'okta.threatInsights.read', paging: object },
    // Users
    {
        path: '/api/v1/users',
        scope: 'okta.users.read',
        paging: endpoints_link(200, 200),
        query: ['filter', 'search', 'q', 'sortBy', 'sortOrder'],
    },
    { path: '/api/v1/users/{id}', scope: 'okta.users.read', paging: object },
    { path: '/api/v1/users/{id}/groups', scope: 'okta.users.read', paging: none },
    { path: '/api/v1/users/{userId}/factors', scope: 'okta.users.read', paging: none },
    { path: '/api/v1/users/{userId}/roles', scope: 'okta.roles.read', paging: none },
    { path: '/api/v1/iam/assignees/users', scope: 'okta.roles.read', paging: { kind: 'body', listKey: 'value', pageSize: 100 } },
    // Groups
    { path: '/api/v1/groups', scope: 'okta.groups.read', paging: endpoints_link(10000, 10000), query: ['filter', 'search', 'q', 'expand'] },
    { path: '/api/v1/groups/rules', scope: 'okta.groups.read', paging: endpoints_link(50, 200) },
    { path: '/api/v1/groups/{groupId}', scope: 'okta.groups.read', paging: object },
    { path: '/api/v1/groups/{groupId}/users', scope: 'okta.groups.read', paging: endpoints_link(1000, 1000) },
    { path: '/api/v1/groups/{groupId}/roles', scope: 'okta.roles.read', paging: none },
    { path: '/api/v1/groups/{groupId}/owners', scope: 'okta.groups.read', paging: endpoints_link(1000, 1000) },
    // Applications
    { path: '/api/v1/apps', scope: 'okta.apps.read', paging: endpoints_link(200, 200), query: ['filter', 'q', 'expand'] },
    { path: '/api/v1/apps/{appId}', scope: 'okta.apps.read', paging: object },
    { path: '/api/v1/apps/{appId}/users', scope: 'okta.apps.read', paging: endpoints_link(50, 500) },
    { path: '/api/v1/apps/{appId}/groups', scope: 'okta.apps.read', paging: endpoints_link(20, 200) },
    { path: '/api/v1/apps/{appId}/grants', scope: 'okta.appGrants.read', paging: none },
    { path: '/api/v1/apps/{appId}/credentials/keys', scope: 'okta.apps.read', paging: none },
    { path: '/oauth2/v1/clients/{clientId}/roles', scope: 'okta.roles.read', paging: none },
    // Policies
    {
        path: '/api/v1/policies',
        scope: 'okta.policies.read',
        paging: endpoints_link(20, 200),
        query: ['type', 'status', 'q', 'expand'],
    },
    { path: '/api/v1/policies/{policyId}', scope: 'okta.policies.read', paging: object },
    { path: '/api/v1/policies/{policyId}/rules', scope: 'okta.policies.read', paging: endpoints_link(undefined, 200) },
    { path: '/api/v1/policies/{policyId}/mappings', scope: 'okta.policies.read', paging: none },
    // Authenticators, zones, origins, domains, IdPs
    { path: '/api/v1/authenticators', scope: 'okta.authenticators.read', paging: none, identityEngineOnly: true },
    {
        path: '/api/v1/authenticators/{authenticatorId}/methods',
        scope: 'okta.authenticators.read',
        paging: none,
        identityEngineOnly: true,
    },
    { path: '/api/v1/zones', scope: 'okta.networkZones.read', paging: endpoints_link(undefined, undefined), query: ['filter'] },
    { path: '/api/v1/zones/{zoneId}', scope: 'okta.networkZones.read', paging: object },
    { path: '/api/v1/trustedOrigins', scope: 'okta.trustedOrigins.read', paging: endpoints_link(20, 200), query: ['filter', 'q'] },
    { path: '/api/v1/domains', scope: 'okta.domains.read', paging: { kind: 'wrapped', listKey: 'domains' } },
    { path: '/api/v1/idps', scope: 'okta.idps.read', paging: endpoints_link(20, 200), query: ['q', 'type'] },
    { path: '/api/v1/idps/{idpId}/credentials/keys', scope: 'okta.idps.read', paging: none },
    // Authorization servers (API Access Management)
    ...[
        ['/api/v1/authorizationServers', endpoints_link(200, 200)],
        ['/api/v1/authorizationServers/{authServerId}/policies', none],
        ['/api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules', none],
        ['/api/v1/authorizationServers/{authServerId}/scopes', endpoints_link(undefined, 200)],
        ['/api/v1/authorizationServers/{authServerId}/claims', none],
        ['/api/v1/authorizationServers/{authServerId}/credentials/keys', none],
    ].map(([path, paging]) => ({
        path: path,
        scope: 'okta.authorizationServers.read',
        paging: paging,
        feature: 'API_ACCESS_MANAGEMENT',
    })),
    // Tokens, hooks, streams, detection, roles
    { path: '/api/v1/api-tokens', scope: 'okta.apiTokens.read', paging: none, adminRoles: ['SUPER_ADMIN'] },
    { path: '/api/v1/logStreams', scope: 'okta.logStreams.read', paging: endpoints_link(20, 200), feature: 'LOG_STREAMING' },
    { path: '/api/v1/eventHooks', scope: 'okta.eventHooks.read', paging: none },
    { path: '/api/v1/behaviors', scope: 'okta.behaviors.read', paging: none },
    { path: '/api/v1/iam/roles', scope: 'okta.roles.read', paging: { kind: 'body', listKey: 'roles', pageSize: 20 } },
    { path: '/api/v1/iam/roles/{roleIdOrLabel}/permissions', scope: 'okta.roles.read', paging: { kind: 'wrapped', listKey: 'permissions' } },
    {
        path: '/api/v1/iam/resource-sets',
        scope: 'okta.roles.read',
        paging: { kind: 'body', listKey: 'resource-sets', pageSize: 20 },
    },
    {
        path: '/api/v1/device-assurances',
        scope: 'okta.deviceAssurance.read',
        paging: none,
        identityEngineOnly: true,
        feature: 'DEVICE_ASSURANCE',
    },
    // Branding
    { path: '/api/v1/brands', scope: 'okta.brands.read', paging: endpoints_link(20, 200) },
    { path: '/api/v1/brands/{brandId}/pages/sign-in/customized', scope: 'okta.brands.read', paging: object },
    { path: '/api/v1/brands/{brandId}/pages/sign-in/default', scope: 'okta.brands.read', paging: object },
];
/** Policy types Okta accepts on `GET /api/v1/policies?type=`, and on which engine. */
const POLICY_TYPES = {
    OKTA_SIGN_ON: { identityEngineOnly: false },
    PASSWORD: { identityEngineOnly: false },
    MFA_ENROLL: { identityEngineOnly: false },
    IDP_DISCOVERY: { identityEngineOnly: false },
    ACCESS_POLICY: { identityEngineOnly: true },
    PROFILE_ENROLLMENT: { identityEngineOnly: true },
    POST_AUTH_SESSION: { identityEngineOnly: true },
    ENTITY_RISK: { identityEngineOnly: true },
    DEVICE_SIGNAL_COLLECTION: { identityEngineOnly: true },
    SESSION_VIOLATION_DETECTION: { identityEngineOnly: true },
    CLIENT_UPDATE: { identityEngineOnly: true },
    IDENTITY_CLAIM_SOURCING: { identityEngineOnly: true },
    USER_LIFECYCLE: {
        identityEngineOnly: false,
        undocumented: 'Workflow › Automations are stored as USER_LIFECYCLE policies; the spec omits the type',
    },
};
/** Read scopes are implied by their `manage` counterparts. */
function scopeSatisfies(granted, required) {
    return granted.includes(required) || granted.includes(required.replace(/\.read$/, '.manage'));
}
const COMPILED = ENDPOINTS.map((endpoint) => {
    const segments = endpoint.path.split('/').filter(Boolean);
    return { endpoint, segments, staticCount: segments.filter((s) => !s.startsWith('{')).length };
}).sort((a, b) => b.staticCount - a.staticCount);
/** The catalogued endpoint a URL path belongs to, with its path parameters. Static segments win. */
function matchEndpoint(pathname) {
    let segments;
    try {
        segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    }
    catch {
        return undefined;
    }
    for (const c of COMPILED) {
        if (c.segments.length !== segments.length)
            continue;
        const params = {};
        const ok = c.segments.every((s, i) => {
            if (s.startsWith('{')) {
                params[s.slice(1, -1)] = segments[i];
                return true;
            }
            return s === segments[i];
        });
        if (ok)
            return { endpoint: c.endpoint, params };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/simulator/handlers/types.ts
/** A list served as one page regardless of the endpoint's paging (Okta's `q` lookups). */
class Unpaged {
    items;
    constructor(items) {
        this.items = items;
    }
}
/** Thrown by handlers for an Okta error answer (unknown id, bad query). */
class SimError extends Error {
    response;
    constructor(response) {
        super(`simulated error ${response.status}`);
        this.response = response;
    }
}

;// CONCATENATED MODULE: ./src/simulator/errors.ts
// Okta's error responses: the JSON error object and the headers that go with auth failures.

const SUMMARIES = {
    E0000001: [400, 'Api validation failed: {0}'],
    E0000005: [403, 'Invalid session'],
    E0000006: [403, 'You do not have permission to perform the requested action'],
    E0000007: [404, 'Not found: {0}'],
    E0000009: [500, 'Internal Server Error'],
    E0000010: [503, 'Service is in read only mode'],
    E0000011: [401, 'Invalid token provided'],
    E0000015: [401, 'You do not have permission to access the feature you are requesting'],
    E0000022: [405, 'The endpoint does not support the provided HTTP method'],
    E0000031: [400, 'Invalid search criteria.'],
    E0000047: [429, 'API call exceeded rate limit due to too many requests.'],
};
const errorId = () => `oae${(0,external_node_crypto_namespaceObject.randomBytes)(16).toString('base64url').slice(0, 22)}`;
function oktaError(code, detail = '', causes = []) {
    const [status, summary] = SUMMARIES[code] ?? [500, 'Internal Server Error'];
    return {
        status,
        body: {
            errorCode: code,
            errorSummary: summary.replace('{0}', detail),
            errorLink: code,
            errorId: errorId(),
            errorCauses: causes.map((errorSummary) => ({ errorSummary })),
        },
    };
}
const notFound = (id, type) => oktaError('E0000007', `Resource not found: ${id} (${type})`);
/** A missing OAuth scope: 403 with an empty body; the reason is in `WWW-Authenticate`. */
function insufficientScope(origin, scheme, scope, path) {
    return {
        status: 403,
        headers: {
            'www-authenticate': wwwAuthenticate(origin, scheme, {
                scope,
                error: 'insufficient_scope',
                error_description: 'The access token provided does not contain the required scopes.',
                resource: path,
            }),
        },
    };
}
function wwwAuthenticate(origin, scheme, params) {
    const parts = [
        ...(scheme === 'DPoP' ? ['algs="RS256 RS384 RS512 ES256 ES384 ES512"'] : []),
        `authorization_uri="${origin}/oauth2/v1/authorize"`,
        `realm="${origin}"`,
        ...Object.entries(params).map(([k, v]) => `${k}="${v}"`),
    ];
    return `${scheme} ${parts.join(', ')}`;
}
/** OAuth token-endpoint errors use the RFC 6749 body. */
function oauthError(status, error, description, headers) {
    return { status, body: { error, error_description: description }, headers };
}

;// CONCATENATED MODULE: ./src/simulator/pagination.ts

function cursorOf(item, index) {
    return typeof item.id === 'string' ? item.id : String(index);
}
const cursorIndexes = new WeakMap();
/** Position of every cursor in a list, computed once per list (lists are immutable once served). */
function cursorIndex(items) {
    let index = cursorIndexes.get(items);
    if (!index) {
        index = new Map(items.map((item, i) => [cursorOf(item, i), i]));
        cursorIndexes.set(items, index);
    }
    return index;
}
/** Reads `limit`; undefined means "the endpoint's default". */
function parseLimit(raw) {
    if (raw === null || raw === '')
        return undefined;
    if (!/^-?\d+$/.test(raw))
        return oktaError('E0000001', 'limit', ['limit: must be an integer']);
    const n = Number(raw);
    if (n === -1)
        return undefined;
    if (n < 1)
        return oktaError('E0000001', 'limit', ['limit: must be at least 1']);
    return n;
}
/**
 * Slices one page out of `items`. `url` is the request URL (absolute); `after` is the cursor.
 * A cursor that names no item is a client error, as Okta answers for a stale or forged cursor.
 */
function pageOf(items, url, paging) {
    const requested = parseLimit(url.searchParams.get('limit'));
    if (typeof requested === 'object')
        return requested;
    const defaultLimit = paging.kind === 'link' ? paging.defaultLimit : paging.pageSize;
    const maxLimit = paging.kind === 'link' ? paging.maxLimit : paging.pageSize;
    let limit = requested ?? defaultLimit ?? Number.POSITIVE_INFINITY;
    if (maxLimit !== undefined)
        limit = Math.min(limit, maxLimit);
    let start = 0;
    const after = url.searchParams.get('after');
    if (after !== null) {
        const index = cursorIndex(items).get(after) ?? -1;
        if (index < 0)
            return oktaError('E0000001', 'after', [`after: the cursor '${after}' is not valid`]);
        start = index + 1;
    }
    const end = Math.min(items.length, start + limit);
    const page = items.slice(start, end);
    const self = url.toString();
    if (end >= items.length)
        return { items: page, self };
    const nextUrl = new URL(url);
    nextUrl.searchParams.set('after', cursorOf(items[end - 1], end - 1));
    if (requested !== undefined)
        nextUrl.searchParams.set('limit', String(limit));
    return { items: page, self, next: nextUrl.toString() };
}
/** `Link` header lines: `self` always, `next` when there is a next page; each its own header line. */
function linkHeaders(page) {
    const lines = [`<${page.self}>; rel="self"`];
    if (page.next)
        lines.push(`<${page.next}>; rel="next"`);
    return lines;
}

;// CONCATENATED MODULE: ./src/simulator/respond.ts


/**
 * The response for a handler's result. `whole` serves a list as one page with no next link
 * (for validating everything an endpoint can return in one go).
 */
function shapeResponse(endpoint, result, url, whole = false) {
    const paging = endpoint.paging;
    if (paging.kind === 'object')
        return { status: 200, body: result };
    const items = result instanceof Unpaged ? result.items : result;
    if (whole)
        result = new Unpaged(items);
    if (!Array.isArray(items))
        throw new Error(`the handler for ${endpoint.path} returned an object for a list endpoint`);
    switch (paging.kind) {
        case 'none':
            return { status: 200, body: items };
        case 'wrapped':
            return { status: 200, body: { [paging.listKey]: items } };
        case 'link': {
            if (result instanceof Unpaged)
                return { status: 200, body: items, headers: { link: linkHeaders({ items, self: url.toString() }) } };
            const page = pageOf(items, url, paging);
            if (!('items' in page))
                return page;
            return { status: 200, body: page.items, headers: { link: linkHeaders(page) } };
        }
        case 'body': {
            if (result instanceof Unpaged)
                return { status: 200, body: { [paging.listKey]: items, _links: {} } };
            const page = pageOf(items, url, paging);
            if (!('items' in page))
                return page;
            // Okta's wrapped lists carry only a `next` link, and only when there is a next page.
            const links = {};
            if (page.next)
                links.next = { href: page.next };
            return { status: 200, body: { [paging.listKey]: page.items, _links: links } };
        }
    }
}

;// CONCATENATED MODULE: ./src/simulator/scimFilter.ts
// Okta's `filter`/`search` expression language (SCIM-like): `status eq "ACTIVE" and
// (profile.email sw "a" or not (lastUpdated gt "2024-01-01T00:00:00.000Z"))`.
class FilterSyntaxError extends Error {
    name = 'FilterSyntaxError';
}
function tokenize(input) {
    const tokens = [];
    let i = 0;
    while (i < input.length) {
        const c = input[i];
        if (/\s/.test(c))
            i++;
        else if (c === '(' || c === ')') {
            tokens.push({ kind: c === '(' ? 'lparen' : 'rparen', text: c });
            i++;
        }
        else if (c === '"') {
            let j = i + 1;
            let text = '';
            while (j < input.length && input[j] !== '"') {
                if (input[j] === '\\' && j + 1 < input.length)
                    j++;
                text += input[j];
                j++;
            }
            if (j >= input.length)
                throw new FilterSyntaxError(`unterminated string at ${i}`);
            tokens.push({ kind: 'string', text });
            i = j + 1;
        }
        else {
            let j = i;
            while (j < input.length && !/[\s()"]/.test(input[j]))
                j++;
            tokens.push({ kind: 'word', text: input.slice(i, j) });
            i = j;
        }
    }
    return tokens;
}
const OPERATORS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'sw', 'co', 'ew', 'pr']);
function lookup(item, path) {
    let value = item;
    for (const part of path.split('.')) {
        if (typeof value !== 'object' || value === null)
            return undefined;
        value = value[part];
    }
    return value;
}
function compare(op, actual, expected) {
    if (op === 'pr')
        return actual !== undefined && actual !== null && actual !== '';
    if (Array.isArray(actual))
        return actual.some((a) => compare(op, a, expected));
    if (actual === undefined || actual === null)
        return op === 'ne' ? expected !== null : expected === null && op === 'eq';
    const a = actual;
    switch (op) {
        case 'eq':
            return a === expected || (typeof a === 'string' && typeof expected === 'string' && a.toLowerCase() === expected.toLowerCase());
        case 'ne':
            return !compare('eq', actual, expected);
        case 'gt':
            return a > expected;
        case 'ge':
            return a >= expected;
        case 'lt':
            return a < expected;
        case 'le':
            return a <= expected;
        case 'sw':
            return String(a).toLowerCase().startsWith(String(expected).toLowerCase());
        case 'ew':
            return String(a).toLowerCase().endsWith(String(expected).toLowerCase());
        case 'co':
            return String(a).toLowerCase().includes(String(expected).toLowerCase());
        default:
            return false;
    }
}
/**
 * Compiles an expression into a predicate. `attributes` limits which attribute paths may be used
 * (Okta's `filter` allows only a few per endpoint); undefined allows any.
 */
function compileFilter(input, attributes) {
    const tokens = tokenize(input);
    let pos = 0;
    const peek = () => tokens[pos];
    const isWord = (t, w) => t?.kind === 'word' && t.text.toLowerCase() === w;
    const literal = (t) => {
        if (!t)
            throw new FilterSyntaxError('expected a value at the end of the expression');
        if (t.kind === 'string')
            return t.text;
        if (t.kind !== 'word')
            throw new FilterSyntaxError(`expected a value, found '${t.text}'`);
        if (t.text === 'true')
            return true;
        if (t.text === 'false')
            return false;
        if (t.text === 'null')
            return null;
        if (/^-?\d+(\.\d+)?$/.test(t.text))
            return Number(t.text);
        throw new FilterSyntaxError(`expected a quoted string, number or boolean, found '${t.text}'`);
    };
    const comparison = () => {
        const attr = tokens[pos++];
        if (!attr || attr.kind !== 'word')
            throw new FilterSyntaxError('expected an attribute name');
        if (attributes && !attributes.includes(attr.text)) {
            throw new FilterSyntaxError(`the attribute '${attr.text}' cannot be used here`);
        }
        const opToken = tokens[pos++];
        const op = opToken?.kind === 'word' ? opToken.text.toLowerCase() : '';
        if (!OPERATORS.has(op))
            throw new FilterSyntaxError(`expected an operator after '${attr.text}'`);
        const expected = op === 'pr' ? undefined : literal(tokens[pos++]);
        return (item) => compare(op, lookup(item, attr.text), expected);
    };
    const unary = () => {
        if (isWord(peek(), 'not')) {
            pos++;
            const inner = unary();
            return (item) => !inner(item);
        }
        if (peek()?.kind === 'lparen') {
            pos++;
            const inner = or();
            if (peek()?.kind !== 'rparen')
                throw new FilterSyntaxError('missing closing parenthesis');
            pos++;
            return inner;
        }
        return comparison();
    };
    const and = () => {
        const parts = [unary()];
        while (isWord(peek(), 'and')) {
            pos++;
            parts.push(unary());
        }
        return parts.length === 1 ? parts[0] : (item) => parts.every((p) => p(item));
    };
    const or = () => {
        const parts = [and()];
        while (isWord(peek(), 'or')) {
            pos++;
            parts.push(and());
        }
        return parts.length === 1 ? parts[0] : (item) => parts.some((p) => p(item));
    };
    if (tokens.length === 0)
        throw new FilterSyntaxError('the expression is empty');
    const predicate = or();
    if (pos < tokens.length)
        throw new FilterSyntaxError(`unexpected '${tokens[pos].text}'`);
    return predicate;
}

;// CONCATENATED MODULE: ./src/simulator/handlers/lookup.ts
// Shared helpers for handlers: find-or-404, and filtered lists that keep their identity across
// pages so that a cursor taken on page one still points into the same list on page two.



function mustFind(map, id, type) {
    const found = map.get(id);
    if (found === undefined)
        throw new SimError(notFound(id, type));
    return found;
}
const listCaches = new WeakMap();
/** `list` filtered by `predicate`, memoized per store under `key`. */
function cachedList(store, key, compute) {
    let cache = listCaches.get(store);
    if (!cache)
        listCaches.set(store, (cache = new Map()));
    let list = cache.get(key);
    if (!list)
        cache.set(key, (list = compute()));
    return list;
}
/** Applies an Okta `filter` or `search` expression; a bad expression is Okta's 400 E0000031. */
function applyExpression(items, expression, attributes) {
    try {
        const predicate = compileFilter(expression, attributes);
        return items.filter(predicate);
    }
    catch (error) {
        if (error instanceof FilterSyntaxError)
            throw new SimError(oktaError('E0000031', '', [error.message]));
        throw error;
    }
}
const byPriority = (a, b) => Number(a.priority ?? 0) - Number(b.priority ?? 0);

;// CONCATENATED MODULE: ./src/simulator/handlers/apps.ts
// Applications and what hangs off them: assignments, consent grants, signing keys, and the admin
// roles of OAuth service apps.



const APP_FILTER_ATTRIBUTES = ['id', 'status', 'name', 'credentials.signing.kid', 'settings.slo.enabled'];
const appHandlers = {
    '/api/v1/apps': ({ store, url }) => {
        const all = store.fixture.apps;
        const q = url.searchParams.get('q');
        const filter = url.searchParams.get('filter');
        if (q !== null) {
            const needle = q.toLowerCase();
            return new Unpaged(all.filter((a) => [a.name, a.label].some((v) => typeof v === 'string' && v.toLowerCase().startsWith(needle))));
        }
        if (filter !== null)
            return cachedList(store, `apps?filter=${filter}`, () => applyExpression(all, filter, APP_FILTER_ATTRIBUTES));
        return all;
    },
    '/api/v1/apps/{appId}': ({ store, params }) => mustFind(store.apps, params.appId, 'AppInstance'),
    '/api/v1/apps/{appId}/users': ({ store, params }) => {
        mustFind(store.apps, params.appId, 'AppInstance');
        return store.fixture.appUsers[params.appId] ?? [];
    },
    '/api/v1/apps/{appId}/groups': ({ store, params }) => {
        mustFind(store.apps, params.appId, 'AppInstance');
        return store.fixture.appGroups[params.appId] ?? [];
    },
    '/api/v1/apps/{appId}/grants': ({ store, params }) => {
        mustFind(store.apps, params.appId, 'AppInstance');
        return store.fixture.appGrants[params.appId] ?? [];
    },
    '/api/v1/apps/{appId}/credentials/keys': ({ store, params }) => {
        mustFind(store.apps, params.appId, 'AppInstance');
        return store.fixture.appKeys[params.appId] ?? [];
    },
    '/oauth2/v1/clients/{clientId}/roles': ({ store, params }) => {
        if (!store.appsByClientId.has(params.clientId))
            throw new SimError(notFound(params.clientId, 'OAuth2Client'));
        return store.fixture.clientRoles[params.clientId] ?? [];
    },
};

;// CONCATENATED MODULE: ./src/simulator/handlers/authorizationServers.ts

const ofServer = (pick) => (ctx) => {
    mustFind(ctx.store.authorizationServers, ctx.params.authServerId, 'AuthorizationServer');
    return pick(ctx, ctx.params.authServerId) ?? [];
};
const authorizationServerHandlers = {
    '/api/v1/authorizationServers': ({ store }) => store.fixture.authorizationServers,
    '/api/v1/authorizationServers/{authServerId}/policies': ofServer(({ store }, id) => [...(store.fixture.authServerPolicies[id] ?? [])].sort(byPriority)),
    '/api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules': ofServer(({ store, params }, id) => {
        const policies = store.fixture.authServerPolicies[id] ?? [];
        mustFind(new Map(policies.map((p) => [String(p.id), p])), params.policyId, 'AuthorizationServerPolicy');
        return [...(store.fixture.authServerPolicyRules[params.policyId] ?? [])].sort(byPriority);
    }),
    '/api/v1/authorizationServers/{authServerId}/scopes': ofServer(({ store }, id) => store.fixture.authServerScopes[id]),
    '/api/v1/authorizationServers/{authServerId}/claims': ofServer(({ store }, id) => store.fixture.authServerClaims[id]),
    '/api/v1/authorizationServers/{authServerId}/credentials/keys': ofServer(({ store }, id) => store.fixture.authServerKeys[id]),
};

;// CONCATENATED MODULE: ./src/simulator/handlers/directory.ts


const USER_FILTER_ATTRIBUTES = [
    'status', 'lastUpdated', 'id', 'profile.login', 'profile.email', 'profile.firstName', 'profile.lastName',
];
const GROUP_FILTER_ATTRIBUTES = ['id', 'type', 'lastUpdated', 'lastMembershipUpdated'];
const profileOf = (u) => (u.profile ?? {});
const directoryHandlers = {
    '/api/v1/users': ({ store, url }) => {
        const q = url.searchParams.get('q');
        const filter = url.searchParams.get('filter');
        const search = url.searchParams.get('search');
        const all = store.fixture.users;
        if (q !== null) {
            // `q` matches the start of first name, last name or email, skips deprovisioned users, and never pages.
            const needle = q.toLowerCase();
            const limit = Number(url.searchParams.get('limit') ?? 10) || 10;
            const hits = all.filter((u) => {
                if (u.status === 'DEPROVISIONED')
                    return false;
                const p = profileOf(u);
                return [p.firstName, p.lastName, p.email].some((v) => typeof v === 'string' && v.toLowerCase().startsWith(needle));
            });
            return new Unpaged(hits.slice(0, limit));
        }
        if (search !== null)
            return cachedList(store, `users?search=${search}`, () => applyExpression(all, search));
        if (filter !== null) {
            return cachedList(store, `users?filter=${filter}`, () => applyExpression(all, filter, USER_FILTER_ATTRIBUTES));
        }
        return cachedList(store, 'users', () => all.filter((u) => u.status !== 'DEPROVISIONED'));
    },
    '/api/v1/users/{id}': ({ store, params }) => {
        const user = store.findUser(params.id);
        return user ?? mustFind(store.users, params.id, 'User');
    },
    '/api/v1/users/{id}/groups': ({ store, params }) => {
        const user = store.findUser(params.id) ?? mustFind(store.users, params.id, 'User');
        return store.groupsOfUser(String(user.id));
    },
    '/api/v1/users/{userId}/factors': ({ store, params }) => {
        mustFind(store.users, params.userId, 'User');
        return store.fixture.userFactors[params.userId] ?? [];
    },
    '/api/v1/users/{userId}/roles': ({ store, params }) => {
        mustFind(store.users, params.userId, 'User');
        return store.rolesOfUser(params.userId);
    },
    '/api/v1/iam/assignees/users': ({ store }) => cachedList(store, 'assignees', () => store.usersWithRoles().map((u) => ({
        id: u.id,
        orn: `orn:okta:directory:${String(store.fixture.org.id)}:users:${String(u.id)}`,
        _links: {
            self: { href: `${store.origin}/api/v1/users/${String(u.id)}` },
            roles: { href: `${store.origin}/api/v1/users/${String(u.id)}/roles` },
        },
    }))),
    '/api/v1/groups': ({ store, url }) => {
        const all = store.fixture.groups;
        const filter = url.searchParams.get('filter');
        const search = url.searchParams.get('search');
        const q = url.searchParams.get('q');
        const expand = url.searchParams.get('expand');
        let list;
        if (q !== null) {
            const needle = q.toLowerCase();
            const hits = all.filter((g) => String(profileOf(g).name ?? '').toLowerCase().startsWith(needle));
            return new Unpaged(hits.slice(0, Number(url.searchParams.get('limit') ?? 300) || 300));
        }
        if (search !== null)
            list = cachedList(store, `groups?search=${search}`, () => applyExpression(all, search));
        else if (filter !== null) {
            list = cachedList(store, `groups?filter=${filter}`, () => applyExpression(all, filter, GROUP_FILTER_ATTRIBUTES));
        }
        else
            list = all;
        if (expand !== 'stats')
            return list;
        return cachedList(store, `groups?filter=${filter}&search=${search}&expand=stats`, () => list.map((g) => {
            const id = String(g.id);
            const roles = store.fixture.groupRoles[id] ?? [];
            const stats = {
                usersCount: store.fixture.groupMembers[id]?.length ?? 0,
                appsCount: Object.values(store.fixture.appGroups).filter((assigned) => assigned.some((a) => a.id === id)).length,
                groupPushMappingsCount: 0,
                hasAdminPrivlege: roles.length > 0,
            };
            return { ...g, _embedded: { ...g._embedded, stats } };
        }));
    },
    '/api/v1/groups/rules': ({ store }) => store.fixture.groupRules,
    '/api/v1/groups/{groupId}': ({ store, params }) => mustFind(store.groups, params.groupId, 'UserGroup'),
    '/api/v1/groups/{groupId}/users': ({ store, params }) => {
        mustFind(store.groups, params.groupId, 'UserGroup');
        return cachedList(store, `members:${params.groupId}`, () => (store.fixture.groupMembers[params.groupId] ?? []).map((id) => store.users.get(id)).filter((u) => !!u));
    },
    '/api/v1/groups/{groupId}/roles': ({ store, params }) => {
        mustFind(store.groups, params.groupId, 'UserGroup');
        return store.fixture.groupRoles[params.groupId] ?? [];
    },
    '/api/v1/groups/{groupId}/owners': ({ store, params }) => {
        mustFind(store.groups, params.groupId, 'UserGroup');
        return store.fixture.groupOwners[params.groupId] ?? [];
    },
};

;// CONCATENATED MODULE: ./src/simulator/handlers/org.ts
// Org-level settings: the org object, privacy and contact settings, Admin Console and
// attack-protection settings, ThreatInsight, and the internal security-notification settings.



const orgHandlers = {
    '/.well-known/okta-organization': ({ store }) => ({
        id: store.fixture.org.id,
        pipeline: store.fixture.pipeline,
        _links: { organization: { href: store.origin } },
    }),
    '/api/v1/org': ({ store }) => store.fixture.org,
    '/api/v1/org/privacy/oktaSupport': ({ store }) => store.fixture.orgSettings.oktaSupport,
    '/api/v1/org/privacy/oktaCommunication': ({ store }) => store.fixture.orgSettings.oktaCommunication,
    '/api/v1/org/preferences': ({ store }) => store.fixture.orgSettings.preferences,
    '/api/v1/org/contacts': ({ store }) => store.fixture.orgSettings.contacts,
    '/api/v1/org/contacts/{contactType}': ({ store, params }) => {
        const userId = store.fixture.orgSettings.contactUsers[params.contactType];
        if (!['BILLING', 'TECHNICAL'].includes(params.contactType)) {
            throw new SimError(oktaError('E0000001', 'contactType', ['contactType: must be BILLING or TECHNICAL']));
        }
        if (!userId)
            throw new SimError(notFound(params.contactType, 'OrgContactUser'));
        return { userId, _links: { user: { href: `${store.origin}/api/v1/users/${userId}` } } };
    },
    '/api/v1/org/orgSettings/thirdPartyAdminSetting': ({ store }) => store.fixture.orgSettings.thirdPartyAdmin,
    '/api/v1/org/settings/autoAssignAdminAppSetting': ({ store }) => store.fixture.orgSettings.autoAssignAdminApp,
    '/api/v1/org/settings/clientPrivilegesSetting': ({ store }) => store.fixture.orgSettings.clientPrivileges,
    '/api/v1/org/captcha': ({ store }) => store.fixture.orgSettings.captcha,
    '/attack-protection/api/v1/user-lockout-settings': ({ store }) => store.fixture.orgSettings.userLockout,
    '/attack-protection/api/v1/authenticator-settings': ({ store }) => store.fixture.orgSettings.authenticatorSettings,
    '/api/v1/first-party-app-settings/{appName}': ({ store, params }) => {
        if (params.appName !== 'admin-console')
            throw new SimError(notFound(params.appName, 'FirstPartyApp'));
        return store.fixture.orgSettings.adminConsole;
    },
    [SECURITY_NOTIFICATIONS_PATH]: ({ store }) => store.fixture.orgSettings.securityNotifications,
    '/api/v1/threats/configuration': ({ store }) => store.fixture.threatInsight,
};

;// CONCATENATED MODULE: ./src/simulator/handlers/policies.ts
// Policies of every type, their rules, and the apps mapped to each access policy.




const policyHandlers = {
    '/api/v1/policies': ({ store, url }) => {
        const type = url.searchParams.get('type');
        if (!type)
            throw new SimError(oktaError('E0000001', 'type', ['type: The policy type is required.']));
        const known = POLICY_TYPES[type];
        if (!known || (known.identityEngineOnly && store.fixture.pipeline !== 'idx')) {
            throw new SimError(oktaError('E0000001', 'type', [`type: Invalid policy type: ${type}`]));
        }
        const status = url.searchParams.get('status');
        const q = url.searchParams.get('q')?.toLowerCase();
        return cachedList(store, `policies?type=${type}&status=${status}&q=${q}`, () => store.fixture.policies
            .filter((p) => p.type === type && (!status || p.status === status))
            .filter((p) => !q || String(p.name).toLowerCase().startsWith(q))
            .sort(byPriority));
    },
    '/api/v1/policies/{policyId}': ({ store, params }) => mustFind(store.policies, params.policyId, 'Policy'),
    '/api/v1/policies/{policyId}/rules': ({ store, params }) => {
        mustFind(store.policies, params.policyId, 'Policy');
        return cachedList(store, `rules:${params.policyId}`, () => [...(store.fixture.policyRules[params.policyId] ?? [])].sort(byPriority));
    },
    '/api/v1/policies/{policyId}/mappings': ({ store, params }) => {
        const policy = mustFind(store.policies, params.policyId, 'Policy');
        return store.appsWithPolicy(String(policy.id)).map((app) => ({
            id: `rsm${String(app.id).slice(3)}`,
            _links: {
                application: { href: `${store.origin}/api/v1/apps/${String(app.id)}` },
                policy: { href: `${store.origin}/api/v1/policies/${String(policy.id)}` },
            },
        }));
    },
};

;// CONCATENATED MODULE: ./src/simulator/handlers/security.ts
// Security configuration lists: authenticators, network zones, trusted origins, custom domains,
// identity providers, API tokens, log streams, hooks, behaviour rules, custom roles, resource
// sets, device assurance, and branding.



const ZONE_FILTER_ATTRIBUTES = ['id', 'usage', 'system'];
const ORIGIN_FILTER_ATTRIBUTES = ['name', 'origin', 'status', 'type'];
const securityHandlers = {
    '/api/v1/authenticators': ({ store }) => store.fixture.authenticators,
    '/api/v1/authenticators/{authenticatorId}/methods': ({ store, params }) => {
        mustFind(store.authenticators, params.authenticatorId, 'Authenticator');
        return store.fixture.authenticatorMethods[params.authenticatorId] ?? [];
    },
    '/api/v1/zones': ({ store, url }) => {
        const filter = url.searchParams.get('filter');
        if (filter === null)
            return store.fixture.zones;
        return cachedList(store, `zones?filter=${filter}`, () => applyExpression(store.fixture.zones, filter, ZONE_FILTER_ATTRIBUTES));
    },
    '/api/v1/zones/{zoneId}': ({ store, params }) => mustFind(store.zones, params.zoneId, 'Zone'),
    '/api/v1/trustedOrigins': ({ store, url }) => {
        const filter = url.searchParams.get('filter');
        const q = url.searchParams.get('q');
        const all = store.fixture.trustedOrigins;
        if (q !== null)
            return new Unpaged(all.filter((o) => String(o.name).toLowerCase().startsWith(q.toLowerCase())));
        if (filter === null)
            return all;
        return cachedList(store, `origins?filter=${filter}`, () => applyExpression(all, filter, ORIGIN_FILTER_ATTRIBUTES));
    },
    '/api/v1/domains': ({ store }) => store.fixture.domains,
    '/api/v1/idps': ({ store, url }) => {
        const type = url.searchParams.get('type');
        const q = url.searchParams.get('q');
        if (type === null && q === null)
            return store.fixture.idps;
        return cachedList(store, `idps?type=${type}&q=${q}`, () => store.fixture.idps.filter((i) => (type === null || i.type === type) && (q === null || String(i.name).toLowerCase().startsWith(q.toLowerCase()))));
    },
    '/api/v1/idps/{idpId}/credentials/keys': ({ store, params }) => {
        mustFind(store.idps, params.idpId, 'IdpAppInstance');
        return store.fixture.idpKeys[params.idpId] ?? [];
    },
    '/api/v1/api-tokens': ({ store }) => store.fixture.apiTokens,
    '/api/v1/logStreams': ({ store }) => store.fixture.logStreams,
    '/api/v1/eventHooks': ({ store }) => store.fixture.eventHooks,
    '/api/v1/behaviors': ({ store }) => store.fixture.behaviors,
    '/api/v1/iam/roles': ({ store }) => store.fixture.customRoles,
    '/api/v1/iam/roles/{roleIdOrLabel}/permissions': ({ store, params }) => {
        const role = store.customRoles.get(params.roleIdOrLabel) ??
            store.fixture.customRoles.find((r) => r.label === params.roleIdOrLabel);
        if (!role)
            throw new SimError(notFound(params.roleIdOrLabel, 'CustomRole'));
        return store.fixture.customRolePermissions[String(role.id)] ?? [];
    },
    '/api/v1/iam/resource-sets': ({ store }) => store.fixture.resourceSets,
    '/api/v1/device-assurances': ({ store }) => store.fixture.deviceAssurances,
    '/api/v1/brands': ({ store }) => store.fixture.brands,
    '/api/v1/brands/{brandId}/pages/sign-in/customized': ({ store, params }) => {
        mustFind(store.brands, params.brandId, 'Brand');
        const page = store.fixture.signInPages[params.brandId]?.customized;
        if (!page)
            throw new SimError(notFound(params.brandId, 'SignInPage'));
        return page;
    },
    '/api/v1/brands/{brandId}/pages/sign-in/default': ({ store, params }) => {
        mustFind(store.brands, params.brandId, 'Brand');
        const page = store.fixture.signInPages[params.brandId]?.default;
        if (!page)
            throw new SimError(notFound(params.brandId, 'SignInPage'));
        return page;
    },
};

;// CONCATENATED MODULE: ./src/simulator/routes.ts
// Matches request paths to the endpoint catalogue and its handlers. Every catalogued endpoint
// must have a handler and every handler an endpoint; the router refuses to build otherwise.







const HANDLERS = {
    ...orgHandlers,
    ...directoryHandlers,
    ...appHandlers,
    ...policyHandlers,
    ...securityHandlers,
    ...authorizationServerHandlers,
};
function handlerFor(endpointPath) {
    const handler = HANDLERS[endpointPath];
    if (!handler)
        throw new Error(`no simulator handler for ${endpointPath}`);
    return handler;
}
function checkHandlers() {
    const missing = ENDPOINTS.filter((e) => !HANDLERS[e.path]).map((e) => e.path);
    const orphans = Object.keys(HANDLERS).filter((p) => !ENDPOINTS.some((e) => e.path === p));
    if (missing.length || orphans.length) {
        throw new Error(`simulator routes out of step: no handler for [${missing.join(', ')}]; no endpoint for [${orphans.join(', ')}]`);
    }
}
checkHandlers();
/** The route for a GET path, or undefined. */
function matchRoute(pathname) {
    const match = matchEndpoint(pathname);
    return match && { ...match, handler: HANDLERS[match.endpoint.path] };
}

;// CONCATENATED MODULE: ./src/simulator/conformance/schemaValidator.ts
// Validates JSON values against OpenAPI 3.0 schemas as Okta's spec writes them: `nullable`,
// `discriminator` mappings (dispatched, never tried branch by branch), `allOf` inheritance,
// Java-style `(?i)` patterns, and properties the schema does not declare (reported, because a
// misspelt key in a fixture is exactly the mistake this guards against).
const REF_PREFIX = '#/components/schemas/';
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const typeOf = (v) => v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
class SchemaValidator {
    schemas;
    patterns = new Map();
    constructor(schemas) {
        this.schemas = schemas;
    }
    validate(value, schema, path = '$') {
        const problems = [];
        this.node(value, schema, path, problems, new Set(), true);
        return problems;
    }
    resolve(schema) {
        let name;
        let current = schema;
        for (let depth = 0; current.$ref; depth++) {
            if (depth > 32)
                throw new Error(`$ref cycle at ${current.$ref}`);
            if (!current.$ref.startsWith(REF_PREFIX))
                throw new Error(`unsupported $ref ${current.$ref}`);
            name = current.$ref.slice(REF_PREFIX.length);
            const target = this.schemas[name];
            if (!target)
                throw new Error(`the schema ${name} is missing`);
            current = target;
        }
        return { schema: current, name };
    }
    /** Every property name a schema declares, through `allOf`; `null` when it allows any. */
    declared(schema, seen = new Set()) {
        const { schema: s } = this.resolve(schema);
        if (seen.has(s))
            return new Set();
        seen.add(s);
        if (s.additionalProperties !== undefined && s.additionalProperties !== false)
            return null;
        // Alternatives, and `type: object` with no properties, leave the keys open.
        if (s.oneOf || s.anyOf)
            return null;
        if (!s.properties && !s.allOf)
            return s.type ? null : new Set();
        const names = new Set(Object.keys(s.properties ?? {}));
        for (const part of s.allOf ?? []) {
            const inner = this.declared(part, seen);
            if (inner === null)
                return null;
            inner.forEach((n) => names.add(n));
        }
        return names;
    }
    node(value, input, path, problems, dispatched, checkUnknown) {
        const { schema, name } = this.resolve(input);
        if (schema.discriminator && isObject(value) && !(name && dispatched.has(name))) {
            const tag = value[schema.discriminator.propertyName];
            const target = typeof tag === 'string' ? schema.discriminator.mapping?.[tag] : undefined;
            if (target) {
                const next = new Set(dispatched);
                if (name)
                    next.add(name);
                this.node(value, { $ref: target }, path, problems, next, checkUnknown);
                return;
            }
            if (schema.discriminator.mapping && !schema.oneOf && !schema.anyOf) {
                // A base schema with a mapping: an unmapped tag is validated against the base itself.
            }
            else if (schema.discriminator.mapping) {
                problems.push({
                    path: `${path}.${schema.discriminator.propertyName}`,
                    message: `${JSON.stringify(tag)} is not one of ${Object.keys(schema.discriminator.mapping).join(', ')}`,
                });
                return;
            }
        }
        if (value === null) {
            if (schema.nullable || schema.enum?.includes(null))
                return;
            if (schema.type || schema.properties || schema.enum) {
                problems.push({ path, message: `is null, but the schema does not allow null` });
                return;
            }
        }
        for (const part of schema.allOf ?? []) {
            this.node(value, part, path, problems, name ? new Set([...dispatched, name]) : dispatched, false);
        }
        const alternatives = schema.oneOf ?? schema.anyOf;
        if (alternatives) {
            const attempts = alternatives.map((alt) => {
                const inner = [];
                this.node(value, alt, path, inner, dispatched, true);
                return inner;
            });
            if (!attempts.some((a) => a.length === 0)) {
                const best = attempts.reduce((a, b) => (b.length < a.length ? b : a));
                problems.push(...best);
            }
        }
        if (schema.enum && value !== null && !schema.enum.some((e) => e === value)) {
            problems.push({ path, message: `${JSON.stringify(value)} is not one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}` });
        }
        if (schema.type) {
            const actual = typeOf(value);
            const ok = schema.type === actual ||
                (schema.type === 'number' && actual === 'integer') ||
                (schema.type === 'object' && actual === 'object');
            if (!ok) {
                problems.push({ path, message: `expected ${schema.type}, got ${actual}` });
                return;
            }
        }
        if (typeof value === 'string')
            this.string(value, schema, path, problems);
        if (typeof value === 'number') {
            if (schema.minimum !== undefined && value < schema.minimum)
                problems.push({ path, message: `${value} is below the minimum ${schema.minimum}` });
            if (schema.maximum !== undefined && value > schema.maximum)
                problems.push({ path, message: `${value} is above the maximum ${schema.maximum}` });
        }
        if (Array.isArray(value)) {
            if (schema.minItems !== undefined && value.length < schema.minItems)
                problems.push({ path, message: `has ${value.length} items, fewer than ${schema.minItems}` });
            if (schema.maxItems !== undefined && value.length > schema.maxItems)
                problems.push({ path, message: `has ${value.length} items, more than ${schema.maxItems}` });
            if (schema.items)
                value.forEach((item, i) => this.node(item, schema.items, `${path}[${i}]`, problems, new Set(), true));
        }
        if (isObject(value))
            this.object(value, schema, path, problems, checkUnknown);
    }
    string(value, schema, path, problems) {
        if (schema.format === 'date-time' && !DATE_TIME.test(value))
            problems.push({ path, message: `${JSON.stringify(value)} is not an ISO 8601 date-time` });
        if (schema.minLength !== undefined && value.length < schema.minLength)
            problems.push({ path, message: `is shorter than ${schema.minLength} characters` });
        if (schema.maxLength !== undefined && value.length > schema.maxLength)
            problems.push({ path, message: `is longer than ${schema.maxLength} characters` });
        if (schema.pattern) {
            const re = this.pattern(schema.pattern);
            if (re && !re.test(value))
                problems.push({ path, message: `${JSON.stringify(value)} does not match the pattern ${schema.pattern}` });
        }
    }
    pattern(source) {
        if (!this.patterns.has(source)) {
            let re;
            try {
                re = source.startsWith('(?i)') ? new RegExp(source.slice(4), 'iu') : new RegExp(source, 'u');
            }
            catch {
                re = null; // A pattern JavaScript cannot compile is not held against the value.
            }
            this.patterns.set(source, re);
        }
        return this.patterns.get(source);
    }
    object(value, schema, path, problems, checkUnknown) {
        for (const key of schema.required ?? []) {
            if (!(key in value))
                problems.push({ path, message: `is missing the required property "${key}"` });
        }
        const props = schema.properties ?? {};
        for (const [key, child] of Object.entries(value)) {
            const childPath = /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
            const propSchema = props[key];
            if (propSchema) {
                if (this.resolve(propSchema).schema.writeOnly)
                    problems.push({ path: childPath, message: 'is write-only and must not appear in a response' });
                else
                    this.node(child, propSchema, childPath, problems, new Set(), true);
            }
            else if (typeof schema.additionalProperties === 'object') {
                this.node(child, schema.additionalProperties, childPath, problems, new Set(), true);
            }
        }
        if (checkUnknown && (schema.properties || schema.allOf)) {
            const declared = this.declared(schema);
            if (declared) {
                for (const key of Object.keys(value)) {
                    if (!declared.has(key))
                        problems.push({ path, message: `has the property "${key}", which the schema does not declare` });
                }
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/simulator/conformance/specGaps.ts
/** Schemas for what Okta serves but the spec does not describe. */
const ADDED_SCHEMAS = {
    SecurityNotificationSettings: {
        type: 'object',
        properties: {
            sendEmailForNewDeviceEnabled: { type: 'boolean' },
            sendEmailForFactorEnrollmentEnabled: { type: 'boolean' },
            sendEmailForFactorResetEnabled: { type: 'boolean' },
            sendEmailForPasswordChangedEnabled: { type: 'boolean' },
            reportSuspiciousActivityEnabled: { type: 'boolean' },
        },
        required: [
            'sendEmailForNewDeviceEnabled',
            'sendEmailForFactorEnrollmentEnabled',
            'sendEmailForFactorResetEnabled',
            'sendEmailForPasswordChangedEnabled',
            'reportSuspiciousActivityEnabled',
        ],
    },
    UserLifecyclePolicy: {
        allOf: [
            { $ref: '#/components/schemas/Policy' },
            { type: 'object', properties: { conditions: { nullable: true, type: 'object' } } },
        ],
    },
    UserLifecyclePolicyRule: {
        allOf: [
            { $ref: '#/components/schemas/PolicyRule' },
            {
                type: 'object',
                properties: {
                    conditions: {
                        type: 'object',
                        properties: {
                            people: {
                                type: 'object',
                                properties: {
                                    users: { $ref: '#/components/schemas/UserPolicyRuleCondition' },
                                    groups: { $ref: '#/components/schemas/GroupCondition' },
                                },
                            },
                        },
                    },
                    actions: {
                        type: 'object',
                        properties: { userLifecycle: { $ref: '#/components/schemas/ScheduledUserLifecycleAction' } },
                    },
                },
            },
        ],
    },
};
/** Response schemas for endpoints the spec does not describe, by endpoint path. */
const ADDED_RESPONSES = {
    '/api/internal/org/settings/security-notification-settings': {
        $ref: '#/components/schemas/SecurityNotificationSettings',
    },
};
/** Discriminator tags to add wherever the spec maps the policy (or rule) types. */
const ADDED_DISCRIMINATOR_TAGS = [
    { whereMapped: '#/components/schemas/PasswordPolicy', tag: 'USER_LIFECYCLE', target: '#/components/schemas/UserLifecyclePolicy' },
    { whereMapped: '#/components/schemas/PasswordPolicyRule', tag: 'USER_LIFECYCLE', target: '#/components/schemas/UserLifecyclePolicyRule' },
];
const KNOWN_GAPS = [
    {
        id: 'first-party-app-names',
        reason: "Okta's own Admin Console and Dashboard are OPENID_CONNECT apps named saasure and okta_enduser; the OIDC schema's name enum allows only oidc_client",
        path: /\.name$/,
        message: /^"(saasure|okta_enduser)" is not one of "oidc_client"$/,
    },
    {
        id: 'api-token-window',
        reason: 'the TimeDuration pattern on ApiToken.tokenWindow matches no duration; Okta returns values such as P30D',
        path: /\.tokenWindow$/,
        message: /does not match the pattern/,
    },
    {
        id: 'api-token-links',
        reason: 'the ApiToken and BehaviorRule schemas name their HAL links "_link"; Okta (and the spec\'s own examples) use "_links"',
        endpoints: /^\/api\/v1\/(api-tokens|behaviors)/,
        path: /^\$(\[\d+\])?$/,
        message: /^has the property "_links", which the schema does not declare$/,
    },
    {
        id: 'catch-all-rule-conditions',
        reason: 'an ACCESS_POLICY catch-all rule has "conditions": null (Okta\'s own example shows it); the rule schema types conditions as an object',
        endpoints: /^\/api\/v1\/policies\/\{policyId\}\/rules$/,
        path: /\.conditions$/,
        message: /^is null/,
    },
    {
        id: 'user-lifecycle-type',
        reason: 'Workflow › Automations are served as USER_LIFECYCLE policies and rules; the spec leaves the type out of its enums',
        endpoints: /^\/api\/v1\/policies/,
        path: /\.type$/,
        message: /^"USER_LIFECYCLE" is not one of/,
    },
    {
        id: 'idp-discovery-okta-provider',
        reason: "every org's default IdP routing rule sends users to Okta itself ({ type: OKTA }); the provider-type enum leaves OKTA out",
        endpoints: /^\/api\/v1\/policies\/\{policyId\}\/rules$/,
        path: /\.actions\.idp\.providers\[\d+\]\.type$/,
        message: /^"OKTA" is not one of/,
    },
    {
        id: 'fastpass-factor',
        reason: 'Okta FastPass enrollments list as factorType signed_nonce; the factor list maps every factor type but that one',
        endpoints: /^\/api\/v1\/users\/\{userId\}\/factors$/,
        path: /\.factorType$/,
        message: /^"signed_nonce" is not one of/,
    },
    {
        id: 'ec-key-curve',
        reason: 'the EC client-key schema declares x and y but not crv, without which an EC public key is incomplete (RFC 7518 6.2.1.1)',
        path: /\.jwks\.keys\[\d+\]$/,
        message: /^has the property "crv", which the schema does not declare$/,
    },
    {
        id: 'splunk-token-write-only',
        reason: 'the Splunk HEC token is set when a log stream is created and never returned, though the schema marks it required',
        endpoints: /^\/api\/v1\/logStreams$/,
        path: /\.settings$/,
        message: /^is missing the required property "token"$/,
    },
    {
        id: 'log-stream-event-source',
        reason: "the AwsEventSourceName pattern ^[a-zA-Z0-9.\\-_]$ admits a single character; real names are longer",
        path: /\.settings\.eventSourceName$/,
        message: /does not match the pattern/,
    },
];
function matchingGap(endpoint, path, message) {
    return KNOWN_GAPS.find((g) => (!g.endpoints || g.endpoints.test(endpoint)) && g.path.test(path) && g.message.test(message));
}

;// CONCATENATED MODULE: ./src/simulator/conformance/sweep.ts
// Requests, in process, everything an org serves (every endpoint, for every id it holds) and
// validates each answer against the endpoint's response schema. Used on fixture files at load
// time and, against the full OpenAPI spec, by the conformance tests.






const ids = (list) => list.map((o) => String(o.id));
/** The concrete requests (path and query) that exercise `endpoint` on this org. */
function requestsFor(endpoint, store, sampleEvery) {
    const f = store.fixture;
    const sample = (list) => (sampleEvery <= 1 ? [...list] : list.filter((_, i) => i % sampleEvery === 0));
    const values = {
        id: () => sample(ids(f.users)),
        userId: () => sample(ids(f.users)),
        contactType: () => ['BILLING', 'TECHNICAL'],
        appName: () => ['admin-console'],
        groupId: () => sample(ids(f.groups)),
        appId: () => ids(f.apps),
        clientId: () => [...store.appsByClientId.keys()],
        policyId: () => ids(f.policies),
        authenticatorId: () => ids(f.authenticators),
        zoneId: () => ids(f.zones),
        idpId: () => ids(f.idps),
        authServerId: () => ids(f.authorizationServers),
        roleIdOrLabel: () => ids(f.customRoles),
        brandId: () => ids(f.brands),
    };
    if (endpoint.path === '/api/v1/policies') {
        return Object.entries(POLICY_TYPES)
            .filter(([, t]) => !t.identityEngineOnly || f.pipeline === 'idx')
            .map(([type]) => `/api/v1/policies?type=${type}`);
    }
    if (endpoint.path === '/api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules') {
        return ids(f.authorizationServers).flatMap((as) => ids(f.authServerPolicies[as] ?? []).map((p) => `/api/v1/authorizationServers/${as}/policies/${p}/rules`));
    }
    let paths = [endpoint.path];
    for (const [, name] of endpoint.path.matchAll(/\{(\w+)\}/g)) {
        const options = values[name];
        if (!options)
            throw new Error(`the sweep does not know how to fill {${name}} in ${endpoint.path}`);
        const filled = options();
        paths = paths.flatMap((p) => filled.map((v) => p.replace(`{${name}}`, encodeURIComponent(v))));
    }
    return paths;
}
function sweepOrg(store, schemas, options = {}) {
    const validator = new SchemaValidator(schemas.schemas);
    const result = { requests: 0, problems: [], gapsUsed: new Map(), covered: new Set() };
    for (const endpoint of ENDPOINTS) {
        if (endpoint.identityEngineOnly && store.fixture.pipeline !== 'idx')
            continue;
        if (endpoint.feature && !store.fixture.features.includes(endpoint.feature))
            continue;
        const schema = schemas.responses[endpoint.path];
        if (!schema)
            throw new Error(`no response schema for ${endpoint.path}`);
        for (const request of requestsFor(endpoint, store, options.sampleEvery ?? 1)) {
            const url = new URL(request, store.origin);
            const params = Object.fromEntries([...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, name], i) => {
                const segments = url.pathname.split('/');
                const index = endpoint.path.split('/').findIndex((s) => s === `{${name}}`);
                return [name, decodeURIComponent(segments[index] ?? String(i))];
            }));
            let body;
            try {
                body = shapeResponse(endpoint, handlerFor(endpoint.path)({ store, params, url }), url, true).body;
            }
            catch (error) {
                if (error instanceof SimError && error.response.status === 404)
                    continue; // e.g. a brand with no customized page
                throw error;
            }
            result.requests++;
            if (Array.isArray(body) ? body.length > 0 : body !== undefined)
                result.covered.add(endpoint.path);
            for (const problem of validator.validate(body, schema)) {
                const gap = matchingGap(endpoint.path, problem.path, problem.message);
                if (gap)
                    result.gapsUsed.set(gap, (result.gapsUsed.get(gap) ?? 0) + 1);
                else
                    result.problems.push({ request: `GET ${url.pathname}${url.search}`, endpoint: endpoint.path, ...problem });
            }
        }
    }
    return result;
}
/** One readable line per problem: the request, the JSON path in its answer, and what is wrong. */
function describeProblem(p) {
    return `${p.request} ${p.path}: ${p.message}`;
}

;// CONCATENATED MODULE: ./src/simulator/conformance/oktaSchemas.json
const oktaSchemas_namespaceObject = /*#__PURE__*/JSON.parse('{"specVersion":"2026.06.3","responses":{"/.well-known/okta-organization":{"$ref":"#/components/schemas/WellKnownOrgMetadata"},"/api/v1/org":{"$ref":"#/components/schemas/OrgSetting"},"/api/v1/org/privacy/oktaSupport":{"$ref":"#/components/schemas/OrgOktaSupportSettingsObj"},"/api/v1/org/privacy/oktaCommunication":{"$ref":"#/components/schemas/OrgOktaCommunicationSetting"},"/api/v1/org/preferences":{"$ref":"#/components/schemas/OrgPreferences"},"/api/v1/org/contacts":{"items":{"oneOf":[{"$ref":"#/components/schemas/orgBillingContactType"},{"$ref":"#/components/schemas/orgTechnicalContactType"}],"discriminator":{"propertyName":"contactType","mapping":{"BILLING":"#/components/schemas/orgBillingContactType","TECHNICAL":"#/components/schemas/orgTechnicalContactType"}}},"type":"array"},"/api/v1/org/contacts/{contactType}":{"$ref":"#/components/schemas/OrgContactUser"},"/api/v1/org/orgSettings/thirdPartyAdminSetting":{"$ref":"#/components/schemas/ThirdPartyAdminSetting"},"/api/v1/org/settings/autoAssignAdminAppSetting":{"$ref":"#/components/schemas/AutoAssignAdminAppSetting"},"/api/v1/org/settings/clientPrivilegesSetting":{"$ref":"#/components/schemas/ClientPrivilegesSetting"},"/api/v1/org/captcha":{"$ref":"#/components/schemas/OrgCAPTCHASettings"},"/attack-protection/api/v1/user-lockout-settings":{"$ref":"#/components/schemas/UserLockoutSettings"},"/attack-protection/api/v1/authenticator-settings":{"$ref":"#/components/schemas/AttackProtectionAuthenticatorSettings"},"/api/v1/first-party-app-settings/{appName}":{"$ref":"#/components/schemas/AdminConsoleSettings"},"/api/internal/org/settings/security-notification-settings":{"$ref":"#/components/schemas/SecurityNotificationSettings"},"/api/v1/threats/configuration":{"$ref":"#/components/schemas/ThreatInsightConfiguration"},"/api/v1/users":{"type":"array","items":{"$ref":"#/components/schemas/User"}},"/api/v1/users/{id}":{"$ref":"#/components/schemas/UserGetSingleton"},"/api/v1/users/{id}/groups":{"type":"array","items":{"$ref":"#/components/schemas/Group"}},"/api/v1/users/{userId}/factors":{"type":"array","items":{"oneOf":[{"$ref":"#/components/schemas/UserFactorCall"},{"$ref":"#/components/schemas/UserFactorEmail"},{"$ref":"#/components/schemas/UserFactorPush"},{"$ref":"#/components/schemas/UserFactorSecurityQuestion"},{"$ref":"#/components/schemas/UserFactorSMS"},{"$ref":"#/components/schemas/UserFactorToken"},{"$ref":"#/components/schemas/UserFactorTokenHardware"},{"$ref":"#/components/schemas/UserFactorTokenHOTP"},{"$ref":"#/components/schemas/UserFactorTokenSoftwareTOTP"},{"$ref":"#/components/schemas/UserFactorU2F"},{"$ref":"#/components/schemas/UserFactorWeb"},{"$ref":"#/components/schemas/UserFactorWebAuthn"}],"discriminator":{"propertyName":"factorType","mapping":{"call":"#/components/schemas/UserFactorCall","email":"#/components/schemas/UserFactorEmail","push":"#/components/schemas/UserFactorPush","question":"#/components/schemas/UserFactorSecurityQuestion","sms":"#/components/schemas/UserFactorSMS","token":"#/components/schemas/UserFactorToken","token:hardware":"#/components/schemas/UserFactorTokenHardware","token:hotp":"#/components/schemas/UserFactorTokenHOTP","token:software:totp":"#/components/schemas/UserFactorTokenSoftwareTOTP","u2f":"#/components/schemas/UserFactorU2F","web":"#/components/schemas/UserFactorWeb","webauthn":"#/components/schemas/UserFactorWebAuthn"}}}},"/api/v1/users/{userId}/roles":{"type":"array","items":{"oneOf":[{"$ref":"#/components/schemas/StandardRole"},{"$ref":"#/components/schemas/CustomRole"}],"discriminator":{"propertyName":"type","mapping":{"API_ACCESS_MANAGEMENT_ADMIN":"#/components/schemas/StandardRole","APP_ADMIN":"#/components/schemas/StandardRole","GROUP_MEMBERSHIP_ADMIN":"#/components/schemas/StandardRole","HELP_DESK_ADMIN":"#/components/schemas/StandardRole","MOBILE_ADMIN":"#/components/schemas/StandardRole","ORG_ADMIN":"#/components/schemas/StandardRole","READ_ONLY_ADMIN":"#/components/schemas/StandardRole","REPORT_ADMIN":"#/components/schemas/StandardRole","SUPER_ADMIN":"#/components/schemas/StandardRole","USER_ADMIN":"#/components/schemas/StandardRole","WORKFLOWS_ADMIN":"#/components/schemas/CustomRole","ACCESS_CERTIFICATIONS_ADMIN":"#/components/schemas/CustomRole","ACCESS_REQUESTS_ADMIN":"#/components/schemas/CustomRole","CUSTOM":"#/components/schemas/CustomRole"}}}},"/api/v1/iam/assignees/users":{"$ref":"#/components/schemas/RoleAssignedUsers"},"/api/v1/groups":{"type":"array","items":{"$ref":"#/components/schemas/Group"}},"/api/v1/groups/rules":{"type":"array","items":{"$ref":"#/components/schemas/GroupRule"}},"/api/v1/groups/{groupId}":{"$ref":"#/components/schemas/Group"},"/api/v1/groups/{groupId}/users":{"type":"array","items":{"$ref":"#/components/schemas/User"}},"/api/v1/groups/{groupId}/roles":{"type":"array","items":{"oneOf":[{"$ref":"#/components/schemas/StandardRole"},{"$ref":"#/components/schemas/CustomRole"}],"discriminator":{"propertyName":"type","mapping":{"API_ACCESS_MANAGEMENT_ADMIN":"#/components/schemas/StandardRole","APP_ADMIN":"#/components/schemas/StandardRole","GROUP_MEMBERSHIP_ADMIN":"#/components/schemas/StandardRole","HELP_DESK_ADMIN":"#/components/schemas/StandardRole","MOBILE_ADMIN":"#/components/schemas/StandardRole","ORG_ADMIN":"#/components/schemas/StandardRole","READ_ONLY_ADMIN":"#/components/schemas/StandardRole","REPORT_ADMIN":"#/components/schemas/StandardRole","SUPER_ADMIN":"#/components/schemas/StandardRole","USER_ADMIN":"#/components/schemas/StandardRole","WORKFLOWS_ADMIN":"#/components/schemas/CustomRole","ACCESS_CERTIFICATIONS_ADMIN":"#/components/schemas/CustomRole","ACCESS_REQUESTS_ADMIN":"#/components/schemas/CustomRole","CUSTOM":"#/components/schemas/CustomRole"}}}},"/api/v1/groups/{groupId}/owners":{"type":"array","items":{"$ref":"#/components/schemas/GroupOwner"}},"/api/v1/apps":{"type":"array","items":{"oneOf":[{"$ref":"#/components/schemas/AutoLoginApplication"},{"$ref":"#/components/schemas/BasicAuthApplication"},{"$ref":"#/components/schemas/BookmarkApplication"},{"$ref":"#/components/schemas/BrowserPluginApplication"},{"$ref":"#/components/schemas/OpenIdConnectApplication"},{"$ref":"#/components/schemas/Saml11Application"},{"$ref":"#/components/schemas/SamlApplication"},{"$ref":"#/components/schemas/SecurePasswordStoreApplication"},{"$ref":"#/components/schemas/WsFederationApplication"}],"discriminator":{"propertyName":"signOnMode","mapping":{"AUTO_LOGIN":"#/components/schemas/AutoLoginApplication","BASIC_AUTH":"#/components/schemas/BasicAuthApplication","BOOKMARK":"#/components/schemas/BookmarkApplication","BROWSER_PLUGIN":"#/components/schemas/BrowserPluginApplication","OPENID_CONNECT":"#/components/schemas/OpenIdConnectApplication","SAML_1_1":"#/components/schemas/Saml11Application","SAML_2_0":"#/components/schemas/SamlApplication","SECURE_PASSWORD_STORE":"#/components/schemas/SecurePasswordStoreApplication","WS_FEDERATION":"#/components/schemas/WsFederationApplication"}}}},"/api/v1/apps/{appId}":{"oneOf":[{"$ref":"#/components/schemas/AutoLoginApplication"},{"$ref":"#/components/schemas/BasicAuthApplication"},{"$ref":"#/components/schemas/BookmarkApplication"},{"$ref":"#/components/schemas/BrowserPluginApplication"},{"$ref":"#/components/schemas/OpenIdConnectApplication"},{"$ref":"#/components/schemas/Saml11Application"},{"$ref":"#/components/schemas/SamlApplication"},{"$ref":"#/components/schemas/SecurePasswordStoreApplication"},{"$ref":"#/components/schemas/WsFederationApplication"}],"discriminator":{"propertyName":"signOnMode","mapping":{"AUTO_LOGIN":"#/components/schemas/AutoLoginApplication","BASIC_AUTH":"#/components/schemas/BasicAuthApplication","BOOKMARK":"#/components/schemas/BookmarkApplication","BROWSER_PLUGIN":"#/components/schemas/BrowserPluginApplication","OPENID_CONNECT":"#/components/schemas/OpenIdConnectApplication","SAML_1_1":"#/components/schemas/Saml11Application","SAML_2_0":"#/components/schemas/SamlApplication","SECURE_PASSWORD_STORE":"#/components/schemas/SecurePasswordStoreApplication","WS_FEDERATION":"#/components/schemas/WsFederationApplication"}}},"/api/v1/apps/{appId}/users":{"type":"array","items":{"$ref":"#/components/schemas/AppUser"}},"/api/v1/apps/{appId}/groups":{"type":"array","items":{"$ref":"#/components/schemas/ApplicationGroupAssignment"}},"/api/v1/apps/{appId}/grants":{"type":"array","items":{"$ref":"#/components/schemas/OAuth2ScopeConsentGrant"}},"/api/v1/apps/{appId}/credentials/keys":{"type":"array","items":{"$ref":"#/components/schemas/JsonWebKey"}},"/oauth2/v1/clients/{clientId}/roles":{"type":"array","items":{"oneOf":[{"$ref":"#/components/schemas/StandardRole"},{"$ref":"#/components/schemas/CustomRole"}],"discriminator":{"propertyName":"type","mapping":{"API_ACCESS_MANAGEMENT_ADMIN":"#/components/schemas/StandardRole","APP_ADMIN":"#/components/schemas/StandardRole","GROUP_MEMBERSHIP_ADMIN":"#/components/schemas/StandardRole","HELP_DESK_ADMIN":"#/components/schemas/StandardRole","ORG_ADMIN":"#/components/schemas/StandardRole","READ_ONLY_ADMIN":"#/components/schemas/StandardRole","REPORT_ADMIN":"#/components/schemas/StandardRole","SUPER_ADMIN":"#/components/schemas/StandardRole","USER_ADMIN":"#/components/schemas/StandardRole","ACCESS_CERTIFICATIONS_ADMIN":"#/components/schemas/CustomRole","ACCESS_REQUESTS_ADMIN":"#/components/schemas/CustomRole","WORKFLOWS_ADMIN":"#/components/schemas/CustomRole","CUSTOM":"#/components/schemas/CustomRole"}}}},"/api/v1/policies":{"type":"array","items":{"oneOf":[{"$ref":"#/components/schemas/AccessPolicy"},{"$ref":"#/components/schemas/IdpDiscoveryPolicy"},{"$ref":"#/components/schemas/AuthenticatorEnrollmentPolicy"},{"$ref":"#/components/schemas/OktaSignOnPolicy"},{"$ref":"#/components/schemas/PasswordPolicy"},{"$ref":"#/components/schemas/ProfileEnrollmentPolicy"},{"$ref":"#/components/schemas/PostAuthSessionPolicy"},{"$ref":"#/components/schemas/EntityRiskPolicy"},{"$ref":"#/components/schemas/SessionViolationDetectionPolicy"},{"$ref":"#/components/schemas/DeviceSignalCollectionPolicy"},{"$ref":"#/components/schemas/ClientUpdatePolicy"},{"$ref":"#/components/schemas/IdentityClaimSourcingPolicy"}],"discriminator":{"propertyName":"type","mapping":{"ACCESS_POLICY":"#/components/schemas/AccessPolicy","IDP_DISCOVERY":"#/components/schemas/IdpDiscoveryPolicy","MFA_ENROLL":"#/components/schemas/AuthenticatorEnrollmentPolicy","OKTA_SIGN_ON":"#/components/schemas/OktaSignOnPolicy","PASSWORD":"#/components/schemas/PasswordPolicy","PROFILE_ENROLLMENT":"#/components/schemas/ProfileEnrollmentPolicy","POST_AUTH_SESSION":"#/components/schemas/PostAuthSessionPolicy","ENTITY_RISK":"#/components/schemas/EntityRiskPolicy","SESSION_VIOLATION_DETECTION":"#/components/schemas/SessionViolationDetectionPolicy","DEVICE_SIGNAL_COLLECTION":"#/components/schemas/DeviceSignalCollectionPolicy","CLIENT_UPDATE":"#/components/schemas/ClientUpdatePolicy","IDENTITY_CLAIM_SOURCING":"#/components/schemas/IdentityClaimSourcingPolicy","USER_LIFECYCLE":"#/components/schemas/UserLifecyclePolicy"}}}},"/api/v1/policies/{policyId}":{"oneOf":[{"$ref":"#/components/schemas/AccessPolicy"},{"$ref":"#/components/schemas/IdpDiscoveryPolicy"},{"$ref":"#/components/schemas/AuthenticatorEnrollmentPolicy"},{"$ref":"#/components/schemas/OktaSignOnPolicy"},{"$ref":"#/components/schemas/PasswordPolicy"},{"$ref":"#/components/schemas/ProfileEnrollmentPolicy"},{"$ref":"#/components/schemas/PostAuthSessionPolicy"},{"$ref":"#/components/schemas/EntityRiskPolicy"},{"$ref":"#/components/schemas/SessionViolationDetectionPolicy"},{"$ref":"#/components/schemas/DeviceSignalCollectionPolicy"},{"$ref":"#/components/schemas/ClientUpdatePolicy"},{"$ref":"#/components/schemas/IdentityClaimSourcingPolicy"}],"discriminator":{"propertyName":"type","mapping":{"ACCESS_POLICY":"#/components/schemas/AccessPolicy","IDP_DISCOVERY":"#/components/schemas/IdpDiscoveryPolicy","MFA_ENROLL":"#/components/schemas/AuthenticatorEnrollmentPolicy","OKTA_SIGN_ON":"#/components/schemas/OktaSignOnPolicy","PASSWORD":"#/components/schemas/PasswordPolicy","PROFILE_ENROLLMENT":"#/components/schemas/ProfileEnrollmentPolicy","POST_AUTH_SESSION":"#/components/schemas/PostAuthSessionPolicy","ENTITY_RISK":"#/components/schemas/EntityRiskPolicy","SESSION_VIOLATION_DETECTION":"#/components/schemas/SessionViolationDetectionPolicy","DEVICE_SIGNAL_COLLECTION":"#/components/schemas/DeviceSignalCollectionPolicy","CLIENT_UPDATE":"#/components/schemas/ClientUpdatePolicy","IDENTITY_CLAIM_SOURCING":"#/components/schemas/IdentityClaimSourcingPolicy","USER_LIFECYCLE":"#/components/schemas/UserLifecyclePolicy"}}},"/api/v1/policies/{policyId}/rules":{"type":"array","items":{"oneOf":[{"$ref":"#/components/schemas/AccessPolicyRule"},{"$ref":"#/components/schemas/PasswordPolicyRule"},{"$ref":"#/components/schemas/ProfileEnrollmentPolicyRule"},{"$ref":"#/components/schemas/OktaSignOnPolicyRule"},{"$ref":"#/components/schemas/IdpDiscoveryPolicyRule"},{"$ref":"#/components/schemas/PostAuthSessionPolicyRule"},{"$ref":"#/components/schemas/EntityRiskPolicyRule"},{"$ref":"#/components/schemas/AuthenticatorEnrollmentPolicyRule"},{"$ref":"#/components/schemas/SessionViolationDetectionPolicyRule"},{"$ref":"#/components/schemas/DeviceSignalCollectionPolicyRule"},{"$ref":"#/components/schemas/ClientUpdatePolicyRule"},{"$ref":"#/components/schemas/IdentityClaimSourcingPolicyRule"}],"discriminator":{"propertyName":"type","mapping":{"ACCESS_POLICY":"#/components/schemas/AccessPolicyRule","PASSWORD":"#/components/schemas/PasswordPolicyRule","PROFILE_ENROLLMENT":"#/components/schemas/ProfileEnrollmentPolicyRule","SIGN_ON":"#/components/schemas/OktaSignOnPolicyRule","IDP_DISCOVERY":"#/components/schemas/IdpDiscoveryPolicyRule","POST_AUTH_SESSION":"#/components/schemas/PostAuthSessionPolicyRule","ENTITY_RISK":"#/components/schemas/EntityRiskPolicyRule","MFA_ENROLL":"#/components/schemas/AuthenticatorEnrollmentPolicyRule","SESSION_VIOLATION_DETECTION":"#/components/schemas/SessionViolationDetectionPolicyRule","DEVICE_SIGNAL_COLLECTION":"#/components/schemas/DeviceSignalCollectionPolicyRule","CLIENT_UPDATE":"#/components/schemas/ClientUpdatePolicyRule","IDENTITY_CLAIM_SOURCING":"#/components/schemas/IdentityClaimSourcingPolicyRule","USER_LIFECYCLE":"#/components/schemas/UserLifecyclePolicyRule"}}}},"/api/v1/policies/{policyId}/mappings":{"type":"array","items":{"$ref":"#/components/schemas/PolicyMapping"}},"/api/v1/authenticators":{"items":{"oneOf":[{"$ref":"#/components/schemas/AuthenticatorKeyCustomApp"},{"$ref":"#/components/schemas/AuthenticatorKeyCustomOtp"},{"$ref":"#/components/schemas/AuthenticatorKeyDuo"},{"$ref":"#/components/schemas/AuthenticatorKeyEmail"},{"$ref":"#/components/schemas/AuthenticatorKeyGoogleOtp"},{"$ref":"#/components/schemas/AuthenticatorKeyExternalIdp"},{"$ref":"#/components/schemas/AuthenticatorKeyPassword"},{"$ref":"#/components/schemas/AuthenticatorKeyOktaVerify"},{"$ref":"#/components/schemas/AuthenticatorKeyOnprem"},{"$ref":"#/components/schemas/AuthenticatorKeyPhone"},{"$ref":"#/components/schemas/AuthenticatorKeySecurityKey"},{"$ref":"#/components/schemas/AuthenticatorKeySecurityQuestion"},{"$ref":"#/components/schemas/AuthenticatorKeySymantecVip"},{"$ref":"#/components/schemas/AuthenticatorKeySmartCard"},{"$ref":"#/components/schemas/AuthenticatorKeyWebauthn"},{"$ref":"#/components/schemas/AuthenticatorKeyYubikey"},{"$ref":"#/components/schemas/AuthenticatorKeyTac"}],"discriminator":{"propertyName":"key","mapping":{"custom_app":"#/components/schemas/AuthenticatorKeyCustomApp","custom_otp":"#/components/schemas/AuthenticatorKeyCustomOtp","duo":"#/components/schemas/AuthenticatorKeyDuo","okta_email":"#/components/schemas/AuthenticatorKeyEmail","google_otp":"#/components/schemas/AuthenticatorKeyGoogleOtp","external_idp":"#/components/schemas/AuthenticatorKeyExternalIdp","okta_password":"#/components/schemas/AuthenticatorKeyPassword","okta_verify":"#/components/schemas/AuthenticatorKeyOktaVerify","onprem_mfa":"#/components/schemas/AuthenticatorKeyOnprem","phone_number":"#/components/schemas/AuthenticatorKeyPhone","security_key":"#/components/schemas/AuthenticatorKeySecurityKey","security_question":"#/components/schemas/AuthenticatorKeySecurityQuestion","symantec_vip":"#/components/schemas/AuthenticatorKeySymantecVip","smart_card_idp":"#/components/schemas/AuthenticatorKeySmartCard","webauthn":"#/components/schemas/AuthenticatorKeyWebauthn","yubikey_token":"#/components/schemas/AuthenticatorKeyYubikey","tac":"#/components/schemas/AuthenticatorKeyTac"}}},"type":"array"},"/api/v1/authenticators/{authenticatorId}/methods":{"type":"array","items":{"oneOf":[{"$ref":"#/components/schemas/AuthenticatorMethodSimple"},{"$ref":"#/components/schemas/AuthenticatorMethodPush"},{"$ref":"#/components/schemas/AuthenticatorMethodSignedNonce"},{"$ref":"#/components/schemas/AuthenticatorMethodTotp"},{"$ref":"#/components/schemas/AuthenticatorMethodOtp"},{"$ref":"#/components/schemas/AuthenticatorMethodWebAuthn"},{"$ref":"#/components/schemas/AuthenticatorMethodWithVerifiableProperties"},{"$ref":"#/components/schemas/AuthenticatorMethodTac"}],"discriminator":{"propertyName":"type","mapping":{"sms":"#/components/schemas/AuthenticatorMethodSimple","voice":"#/components/schemas/AuthenticatorMethodSimple","email":"#/components/schemas/AuthenticatorMethodSimple","push":"#/components/schemas/AuthenticatorMethodPush","signed_nonce":"#/components/schemas/AuthenticatorMethodSignedNonce","totp":"#/components/schemas/AuthenticatorMethodTotp","otp":"#/components/schemas/AuthenticatorMethodOtp","password":"#/components/schemas/AuthenticatorMethodSimple","webauthn":"#/components/schemas/AuthenticatorMethodWebAuthn","security_question":"#/components/schemas/AuthenticatorMethodSimple","idp":"#/components/schemas/AuthenticatorMethodWithVerifiableProperties","duo":"#/components/schemas/AuthenticatorMethodWithVerifiableProperties","cert":"#/components/schemas/AuthenticatorMethodWithVerifiableProperties","tac":"#/components/schemas/AuthenticatorMethodTac"}}}},"/api/v1/zones":{"type":"array","items":{"oneOf":[{"$ref":"#/components/schemas/IPNetworkZone"},{"$ref":"#/components/schemas/DynamicNetworkZone"},{"$ref":"#/components/schemas/EnhancedDynamicNetworkZone"}],"discriminator":{"propertyName":"type","mapping":{"IP":"#/components/schemas/IPNetworkZone","DYNAMIC":"#/components/schemas/DynamicNetworkZone","DYNAMIC_V2":"#/components/schemas/EnhancedDynamicNetworkZone"}}}},"/api/v1/zones/{zoneId}":{"oneOf":[{"$ref":"#/components/schemas/IPNetworkZone"},{"$ref":"#/components/schemas/DynamicNetworkZone"},{"$ref":"#/components/schemas/EnhancedDynamicNetworkZone"}],"discriminator":{"propertyName":"type","mapping":{"IP":"#/components/schemas/IPNetworkZone","DYNAMIC":"#/components/schemas/DynamicNetworkZone","DYNAMIC_V2":"#/components/schemas/EnhancedDynamicNetworkZone"}}},"/api/v1/trustedOrigins":{"type":"array","items":{"$ref":"#/components/schemas/TrustedOrigin"}},"/api/v1/domains":{"$ref":"#/components/schemas/DomainListResponse"},"/api/v1/idps":{"type":"array","items":{"$ref":"#/components/schemas/IdentityProvider"}},"/api/v1/idps/{idpId}/credentials/keys":{"type":"array","items":{"$ref":"#/components/schemas/IdPKeyCredential"}},"/api/v1/authorizationServers":{"type":"array","items":{"$ref":"#/components/schemas/AuthorizationServer"}},"/api/v1/authorizationServers/{authServerId}/policies":{"type":"array","items":{"$ref":"#/components/schemas/AuthorizationServerPolicy"}},"/api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules":{"type":"array","items":{"$ref":"#/components/schemas/AuthorizationServerPolicyRule"}},"/api/v1/authorizationServers/{authServerId}/scopes":{"type":"array","items":{"$ref":"#/components/schemas/OAuth2Scope"}},"/api/v1/authorizationServers/{authServerId}/claims":{"type":"array","items":{"$ref":"#/components/schemas/OAuth2Claim"}},"/api/v1/authorizationServers/{authServerId}/credentials/keys":{"type":"array","items":{"$ref":"#/components/schemas/AuthorizationServerJsonWebKey"}},"/api/v1/api-tokens":{"type":"array","items":{"$ref":"#/components/schemas/ApiToken"}},"/api/v1/logStreams":{"type":"array","items":{"oneOf":[{"$ref":"#/components/schemas/LogStreamAws"},{"$ref":"#/components/schemas/LogStreamSplunk"}],"discriminator":{"propertyName":"type","mapping":{"aws_eventbridge":"#/components/schemas/LogStreamAws","splunk_cloud_logstreaming":"#/components/schemas/LogStreamSplunk"}}}},"/api/v1/eventHooks":{"type":"array","items":{"$ref":"#/components/schemas/EventHook"}},"/api/v1/behaviors":{"type":"array","items":{"oneOf":[{"$ref":"#/components/schemas/BehaviorRuleAnomalousLocation"},{"$ref":"#/components/schemas/BehaviorRuleAnomalousIP"},{"$ref":"#/components/schemas/BehaviorRuleAnomalousDevice"},{"$ref":"#/components/schemas/BehaviorRuleVelocity"},{"$ref":"#/components/schemas/BehaviorRuleASN"}],"discriminator":{"propertyName":"type","mapping":{"ANOMALOUS_LOCATION":"#/components/schemas/BehaviorRuleAnomalousLocation","ANOMALOUS_IP":"#/components/schemas/BehaviorRuleAnomalousIP","ANOMALOUS_DEVICE":"#/components/schemas/BehaviorRuleAnomalousDevice","VELOCITY":"#/components/schemas/BehaviorRuleVelocity","ANOMALOUS_ASN":"#/components/schemas/BehaviorRuleASN"}}}},"/api/v1/iam/roles":{"$ref":"#/components/schemas/IamRoles"},"/api/v1/iam/roles/{roleIdOrLabel}/permissions":{"$ref":"#/components/schemas/Permissions"},"/api/v1/iam/resource-sets":{"$ref":"#/components/schemas/ResourceSets"},"/api/v1/device-assurances":{"type":"array","items":{"oneOf":[{"$ref":"#/components/schemas/DeviceAssuranceWindowsPlatform"},{"$ref":"#/components/schemas/DeviceAssuranceMacOSPlatform"},{"$ref":"#/components/schemas/DeviceAssuranceChromeOSPlatform"},{"$ref":"#/components/schemas/DeviceAssuranceIOSPlatform"},{"$ref":"#/components/schemas/DeviceAssuranceAndroidPlatform"}],"discriminator":{"propertyName":"platform","mapping":{"WINDOWS":"#/components/schemas/DeviceAssuranceWindowsPlatform","MACOS":"#/components/schemas/DeviceAssuranceMacOSPlatform","CHROMEOS":"#/components/schemas/DeviceAssuranceChromeOSPlatform","IOS":"#/components/schemas/DeviceAssuranceIOSPlatform","ANDROID":"#/components/schemas/DeviceAssuranceAndroidPlatform"}}}},"/api/v1/brands":{"type":"array","items":{"$ref":"#/components/schemas/BrandWithEmbedded"}},"/api/v1/brands/{brandId}/pages/sign-in/customized":{"$ref":"#/components/schemas/SignInPage"},"/api/v1/brands/{brandId}/pages/sign-in/default":{"$ref":"#/components/schemas/SignInPage"}},"schemas":{"AAGUIDGroupObject":{"type":"object","properties":{"aaguids":{"type":"array","items":{"type":"string"}},"name":{"type":"string"}}},"AccessPolicy":{"allOf":[{"$ref":"#/components/schemas/Policy"},{"type":"object","properties":{"conditions":{"type":"string","nullable":true},"_embedded":{"type":"object","properties":{"resourceType":{"type":"string"}},"additionalProperties":{"type":"object","properties":{}}}}}]},"AccessPolicyConstraint":{"type":"object","properties":{"authenticationMethods":{"type":"array","items":{"$ref":"#/components/schemas/AuthenticationMethodObject"}},"excludedAuthenticationMethods":{"items":{"$ref":"#/components/schemas/AuthenticationMethodObject"}},"methods":{"items":{"type":"string","enum":["PASSWORD","SECURITY_QUESTION","SMS","VOICE","EMAIL","PUSH","SIGNED_NONCE","OTP","TOTP","WEBAUTHN","DUO","IDP","CERT"]},"type":"array"},"reauthenticateIn":{"type":"string"},"required":{"type":"boolean"},"types":{"items":{"type":"string","enum":["SECURITY_KEY","PHONE","EMAIL","PASSWORD","SECURITY_QUESTION","APP","FEDERATED"]},"type":"array"}}},"AccessPolicyConstraints":{"type":"object","properties":{"knowledge":{"$ref":"#/components/schemas/KnowledgeConstraint"},"possession":{"$ref":"#/components/schemas/PossessionConstraint"}}},"AccessPolicyLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"AccessPolicyRule":{"allOf":[{"$ref":"#/components/schemas/PolicyRule"},{"type":"object","properties":{"actions":{"$ref":"#/components/schemas/AccessPolicyRuleActions"},"conditions":{"$ref":"#/components/schemas/AccessPolicyRuleConditions"}}}]},"AccessPolicyRuleActions":{"allOf":[{"$ref":"#/components/schemas/PolicyRuleActions"},{"type":"object"},{"properties":{"appSignOn":{"$ref":"#/components/schemas/AccessPolicyRuleApplicationSignOn"}}}]},"AccessPolicyRuleApplicationSignOn":{"type":"object","properties":{"access":{"$ref":"#/components/schemas/AccessPolicyRuleApplicationSignOnAccess"},"keepMeSignedIn":{"$ref":"#/components/schemas/KeepMeSignedIn"},"verificationMethod":{"$ref":"#/components/schemas/VerificationMethod"}}},"AccessPolicyRuleApplicationSignOnAccess":{"type":"string","enum":["ALLOW","DENY"]},"AccessPolicyRuleConditions":{"allOf":[{"type":"object"},{"properties":{"device":{"$ref":"#/components/schemas/DeviceAccessPolicyRuleCondition"},"elCondition":{"$ref":"#/components/schemas/AccessPolicyRuleCustomCondition"},"network":{"$ref":"#/components/schemas/PolicyNetworkCondition"},"people":{"$ref":"#/components/schemas/PolicyPeopleCondition"},"platform":{"$ref":"#/components/schemas/PlatformPolicyRuleCondition"},"riskScore":{"$ref":"#/components/schemas/RiskScorePolicyRuleCondition"},"userType":{"$ref":"#/components/schemas/UserTypeCondition"}}}]},"AccessPolicyRuleCustomCondition":{"properties":{"condition":{"type":"string"}},"required":["condition"]},"AccessTokenKeyEncryptionAlgorithm":{"type":"string","enum":["RSA-OAEP-256","RSA-OAEP-384","RSA-OAEP-512"]},"AcsEndpoint":{"type":"object","properties":{"index":{"type":"integer"},"url":{"type":"string","maxLength":1024}},"required":["url","index"]},"AdminConsoleSettings":{"type":"object","properties":{"sessionIdleTimeoutMinutes":{"type":"integer","minimum":5,"maximum":720},"sessionMaxLifetimeMinutes":{"type":"integer","minimum":5,"maximum":10080}}},"AllowedForEnum":{"type":"string","enum":["any","none","recovery","sso"]},"AndroidDeviceTrust":{"type":"object","properties":{"deviceIntegrityLevel":{"$ref":"#/components/schemas/DeviceIntegrity"},"networkProxyDisabled":{"type":"boolean"},"playProtectVerdict":{"$ref":"#/components/schemas/PlayProtectVerdict"},"requireMajorVersionUpdate":{"type":"boolean"},"screenLockComplexity":{"$ref":"#/components/schemas/ScreenLockComplexity"},"usbDebuggingDisabled":{"type":"boolean"},"wifiSecured":{"type":"boolean"}}},"ApiToken":{"type":"object","properties":{"clientName":{"type":"string"},"created":{"type":"string","format":"date-time"},"expiresAt":{"type":"string","format":"date-time"},"id":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"name":{"type":"string"},"network":{"type":"object","properties":{"connection":{"type":"string"},"include":{"type":"array","items":{"type":"string"}},"exclude":{"type":"array","items":{"type":"string"}}}},"tokenWindow":{"$ref":"#/components/schemas/TimeDuration"},"userId":{"type":"string"},"_link":{"$ref":"#/components/schemas/LinksSelf"}},"required":["name"]},"AppAndInstanceConditionEvaluatorAppOrInstance":{"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"},"type":{"$ref":"#/components/schemas/AppAndInstanceType"}}},"AppAndInstancePolicyRuleCondition":{"type":"object","properties":{"exclude":{"type":"array","items":{"$ref":"#/components/schemas/AppAndInstanceConditionEvaluatorAppOrInstance"}},"include":{"type":"array","items":{"$ref":"#/components/schemas/AppAndInstanceConditionEvaluatorAppOrInstance"}}}},"AppAndInstanceType":{"type":"string","enum":["APP","APP_TYPE"]},"AppResourceHrefObject":{"type":"object","properties":{"href":{"type":"string"},"title":{"type":"string"}}},"AppUser":{"type":"object","properties":{"created":{"allOf":[{"$ref":"#/components/schemas/createdProperty"},{}]},"credentials":{"$ref":"#/components/schemas/AppUserCredentials"},"externalId":{"type":"string"},"id":{"type":"string"},"lastSync":{"type":"string","format":"date-time"},"lastUpdated":{"allOf":[{"$ref":"#/components/schemas/lastUpdatedProperty"},{}]},"passwordChanged":{"type":"string","format":"date-time","nullable":true},"profile":{"$ref":"#/components/schemas/AppUserProfile"},"scope":{"type":"string","enum":["USER","GROUP"]},"status":{"$ref":"#/components/schemas/AppUserStatus"},"statusChanged":{"type":"string","format":"date-time"},"syncState":{"$ref":"#/components/schemas/AppUserSyncState"},"_embedded":{"type":"object","additionalProperties":{"type":"object","properties":{}}},"_links":{"$ref":"#/components/schemas/LinksAppAndUser"}}},"AppUserCredentials":{"type":"object","properties":{"password":{"$ref":"#/components/schemas/AppUserPasswordCredential"},"userName":{"type":"string","minLength":1,"maxLength":100}}},"AppUserPasswordCredential":{"type":"object","properties":{"value":{"type":"string","format":"password","writeOnly":true}}},"AppUserProfile":{"additionalProperties":true,"type":"object"},"AppUserStatus":{"type":"string","enum":["ACTIVE","APPROVED","DEPROVISIONED","IMPLICIT","IMPORTED","INACTIVE","MATCHED","PENDING","PROVISIONED","REVOKED","STAGED","SUSPENDED","UNASSIGNED"]},"AppUserSyncState":{"type":"string","enum":["DISABLED","ERROR","OUT_OF_SYNC","SYNCHRONIZED","SYNCING"]},"AppleClientSigning":{"type":"object","properties":{"kid":{"type":"string","maxLength":1024},"privateKey":{"type":"string","maxLength":1024},"teamId":{"type":"string","maxLength":1024}}},"Application":{"type":"object","properties":{"accessibility":{"$ref":"#/components/schemas/ApplicationAccessibility"},"created":{"type":"string","format":"date-time"},"expressConfiguration":{"$ref":"#/components/schemas/ApplicationExpressConfiguration"},"features":{"type":"array","items":{"type":"string","enum":["GROUP_PUSH","IMPORT_NEW_USERS","IMPORT_PROFILE_UPDATES","IMPORT_USER_SCHEMA","PROFILE_MASTERING","PUSH_NEW_USERS","PUSH_PASSWORD_UPDATES","PUSH_PROFILE_UPDATES","PUSH_USER_DEACTIVATION","REACTIVATE_USERS","OUTBOUND_DEL_AUTH","DESKTOP_SSO","FEDERATED_PROFILE","SUPPRESS_ACTIVATION_EMAIL","PUSH_PENDING_USERS","MFA","UPDATE_EXISTING_USERNAME","EXCLUDE_USERNAME_UPDATE_ON_PROFILE_PUSH","EXCHANGE_ACTIVE_SYNC","IMPORT_SYNC","IMPORT_SYNC_CONTACTS","DEVICE_COMPLIANCE","VPN_CONFIG","IMPORT_SCHEMA_ENUM_VALUES","SCIM_PROVISIONING","DEVICE_FILTER_IN_SIGN_ON_RULES","PROFILE_TEMPLATE_UPGRADE","DEFAULT_PUSH_STATUS_TO_PUSH","REAL_TIME_SYNC","SSO","AUTHN_CONTEXT","JIT_PROVISIONING","GROUP_SYNC","OPP_SCIM_INCREMENTAL_IMPORTS","IN_MEMORY_APP_USER","LOG_STREAMING","OAUTH_INTEGRATION","IDP","PUSH_NEW_USERS_WITHOUT_PASSWORD","SKYHOOK_SERVICE","ENTITLEMENT_MANAGEMENT","PUSH_NEW_USERS_WITH_HASHED_PASSWORD"]}},"id":{"type":"string"},"label":{"$ref":"#/components/schemas/ApplicationLabel"},"lastUpdated":{"type":"string","format":"date-time"},"licensing":{"$ref":"#/components/schemas/ApplicationLicensing"},"orn":{"type":"string"},"profile":{"type":"object","additionalProperties":true},"signOnMode":{"$ref":"#/components/schemas/ApplicationSignOnMode"},"status":{"$ref":"#/components/schemas/ApplicationLifecycleStatus"},"universalLogout":{"$ref":"#/components/schemas/ApplicationUniversalLogout"},"visibility":{"$ref":"#/components/schemas/ApplicationVisibility"},"_embedded":{"type":"object","properties":{"user":{"type":"object","additionalProperties":{"type":"object","properties":{}}}}},"_links":{"$ref":"#/components/schemas/ApplicationLinks"}},"required":["signOnMode","label"],"discriminator":{"propertyName":"signOnMode","mapping":{"AUTO_LOGIN":"#/components/schemas/AutoLoginApplication","BASIC_AUTH":"#/components/schemas/BasicAuthApplication","BOOKMARK":"#/components/schemas/BookmarkApplication","BROWSER_PLUGIN":"#/components/schemas/BrowserPluginApplication","OPENID_CONNECT":"#/components/schemas/OpenIdConnectApplication","SAML_1_1":"#/components/schemas/Saml11Application","SAML_2_0":"#/components/schemas/SamlApplication","SECURE_PASSWORD_STORE":"#/components/schemas/SecurePasswordStoreApplication","WS_FEDERATION":"#/components/schemas/WsFederationApplication"}}},"ApplicationAccessibility":{"type":"object","properties":{"errorRedirectUrl":{"type":"string"},"loginRedirectUrl":{"type":"string"},"selfService":{"type":"boolean"}}},"ApplicationCapability":{"type":"string","enum":["PROVISIONING","SSO","UNIVERSAL_LOGOUT"]},"ApplicationCredentials":{"type":"object","properties":{"signing":{"$ref":"#/components/schemas/ApplicationCredentialsSigning"},"userNameTemplate":{"$ref":"#/components/schemas/ApplicationCredentialsUsernameTemplate"}}},"ApplicationCredentialsOAuthClient":{"type":"object","properties":{"autoKeyRotation":{"type":"boolean"},"client_id":{"type":"string","maxLength":100,"minLength":6},"client_secret":{"type":"string","maxLength":100,"minLength":14},"pkce_required":{"type":"boolean"},"token_endpoint_auth_method":{"$ref":"#/components/schemas/OAuthEndpointAuthenticationMethod"}}},"ApplicationCredentialsScheme":{"type":"string","enum":["ADMIN_SETS_CREDENTIALS","EDIT_PASSWORD_ONLY","EDIT_USERNAME_AND_PASSWORD","EXTERNAL_PASSWORD_SYNC","SHARED_USERNAME_AND_PASSWORD"]},"ApplicationCredentialsSigning":{"type":"object","properties":{"kid":{"type":"string"},"lastRotated":{"type":"string","format":"date-time"},"nextRotation":{"type":"string","format":"date-time"},"rotationMode":{"type":"string"},"use":{"$ref":"#/components/schemas/ApplicationCredentialsSigningUse"}}},"ApplicationCredentialsSigningUse":{"type":"string","enum":["sig"]},"ApplicationCredentialsUsernameTemplate":{"type":"object","properties":{"pushStatus":{"type":"string","enum":["PUSH","DONT_PUSH","NOT_CONFIGURED"]},"template":{"type":"string"},"type":{"type":"string","enum":["NONE","BUILT_IN","CUSTOM"]},"userSuffix":{"type":"string"}}},"ApplicationExpressConfiguration":{"type":"object","properties":{"enabledCapabilities":{"type":"array","items":{"$ref":"#/components/schemas/ApplicationCapability"}},"supportedCapabilities":{"type":"array","items":{"$ref":"#/components/schemas/ApplicationCapability"}}}},"ApplicationGroupAssignment":{"type":"object","properties":{"id":{"type":"string"},"lastUpdated":{"allOf":[{"$ref":"#/components/schemas/lastUpdatedProperty"},{}]},"priority":{"type":"integer"},"profile":{"$ref":"#/components/schemas/GroupAssignmentProfile"},"_embedded":{"type":"object","additionalProperties":{"type":"object","properties":{}}},"_links":{"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"type":"object","properties":{"app":{"$ref":"#/components/schemas/HrefObjectAppLink"},"group":{"$ref":"#/components/schemas/HrefObjectGroupLink"}}}]}}},"ApplicationLabel":{"type":"string"},"ApplicationLicensing":{"type":"object","properties":{"seatCount":{"type":"integer"}}},"ApplicationLifecycleStatus":{"type":"string","enum":["ACTIVE","DELETED","INACTIVE"]},"ApplicationLinks":{"properties":{"accessPolicy":{"$ref":"#/components/schemas/AccessPolicyLink"},"activate":{"$ref":"#/components/schemas/HrefObjectActivateLink"},"appLinks":{"type":"array","items":{"$ref":"#/components/schemas/HrefObject"}},"deactivate":{"$ref":"#/components/schemas/HrefObjectDeactivateLink"},"groups":{"$ref":"#/components/schemas/GroupsLink"},"help":{"$ref":"#/components/schemas/HelpLink"},"logo":{"type":"array","items":{"$ref":"#/components/schemas/HrefObject"}},"metadata":{"$ref":"#/components/schemas/MetadataLink"},"self":{"$ref":"#/components/schemas/HrefObjectSelfLink"},"users":{"$ref":"#/components/schemas/UsersLink"}}},"ApplicationSettings":{"type":"object","properties":{"emOptInStatus":{"type":"string","enum":["DISABLED","DISABLING","ENABLED","ENABLING","NONE"]},"identityStoreId":{"type":"string"},"implicitAssignment":{"type":"boolean"},"inlineHookId":{"type":"string"},"notes":{"$ref":"#/components/schemas/ApplicationSettingsNotes"},"notifications":{"$ref":"#/components/schemas/ApplicationSettingsNotifications"}}},"ApplicationSettingsNotes":{"type":"object","properties":{"admin":{"type":"string"},"enduser":{"type":"string"}}},"ApplicationSettingsNotifications":{"type":"object","properties":{"vpn":{"$ref":"#/components/schemas/ApplicationSettingsNotificationsVpn"}}},"ApplicationSettingsNotificationsVpn":{"type":"object","properties":{"helpUrl":{"type":"string"},"message":{"type":"string"},"network":{"$ref":"#/components/schemas/ApplicationSettingsNotificationsVpnNetwork"}},"required":["network"]},"ApplicationSettingsNotificationsVpnNetwork":{"type":"object","properties":{"connection":{"type":"string","enum":["DISABLED","ANYWHERE","ON_NETWORK","OFF_NETWORK","ZONE"]},"exclude":{"type":"array","items":{"type":"string"}},"include":{"type":"array","items":{"type":"string"}}}},"ApplicationSignOnMode":{"type":"string","enum":["AUTO_LOGIN","BASIC_AUTH","BOOKMARK","BROWSER_PLUGIN","OPENID_CONNECT","SAML_1_1","SAML_2_0","SECURE_PASSWORD_STORE","WS_FEDERATION"]},"ApplicationUniversalLogout":{"type":"object","properties":{"identityStack":{"type":"string","enum":["SHARED","NOT_SHARED"]},"protocol":{"type":"string","enum":["PROPRIETARY","GLOBAL_TOKEN_REVOCATION"]},"status":{"type":"string","enum":["ENABLED","DISABLED","UNSUPPORTED"]},"supportType":{"type":"string","enum":["FULL","PARTIAL"]}}},"ApplicationVisibility":{"type":"object","properties":{"appLinks":{"type":"object","additionalProperties":{"type":"boolean"}},"autoLaunch":{"type":"boolean"},"autoSubmitToolbar":{"type":"boolean"},"hide":{"$ref":"#/components/schemas/ApplicationVisibilityHide"}}},"ApplicationVisibilityHide":{"type":"object","properties":{"iOS":{"type":"boolean"},"web":{"type":"boolean"}}},"AssuranceMethod":{"allOf":[{"$ref":"#/components/schemas/VerificationMethod"},{"type":"object","properties":{"constraints":{"items":{"$ref":"#/components/schemas/AccessPolicyConstraints"},"type":"array"},"factorMode":{"$ref":"#/components/schemas/AssuranceMethodFactorMode"},"inactivityPeriod":{"type":"string"},"reauthenticateIn":{"type":"string"}}}]},"AssuranceMethodFactorMode":{"type":"string","enum":["1FA","2FA"]},"AttackProtectionAuthenticatorSettings":{"type":"object","properties":{"verifyKnowledgeSecondWhen2faRequired":{"type":"boolean"}}},"AuthServerLinks":{"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"type":"object","properties":{"claims":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]},"deactivate":{"allOf":[{"$ref":"#/components/schemas/HrefObjectDeactivateLink"}]},"metadata":{"type":"array","items":{"$ref":"#/components/schemas/HrefObject"}},"policies":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]},"rotateKey":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]},"scopes":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]}}}]},"AuthenticationMethod":{"type":"object","properties":{"hardwareProtection":{"type":"string","enum":["OPTIONAL","REQUIRED"]},"id":{"type":"string"},"key":{"type":"string"},"method":{"type":"string"},"phishingResistant":{"type":"string","enum":["OPTIONAL","REQUIRED"]},"userVerification":{"type":"string","enum":["OPTIONAL","REQUIRED"]},"userVerificationMethods":{"type":"array","items":{"type":"string","enum":["BIOMETRICS","PIN"]}}},"required":["key","method"]},"AuthenticationMethodChain":{"type":"object","properties":{"authenticationMethods":{"items":{"$ref":"#/components/schemas/AuthenticationMethod"},"type":"array"},"next":{"type":"array","items":{"type":"object"}},"reauthenticateIn":{"type":"string"}}},"AuthenticationMethodChainMethod":{"allOf":[{"$ref":"#/components/schemas/VerificationMethod"},{"type":"object","properties":{"chains":{"items":{"$ref":"#/components/schemas/AuthenticationMethodChain"},"type":"array"},"reauthenticateIn":{"type":"string"}}}]},"AuthenticationMethodObject":{"type":"object","properties":{"id":{"type":"string"},"key":{"type":"string"},"method":{"type":"string"}},"required":["key"]},"AuthenticationProvider":{"type":"object","properties":{"name":{"type":"string"},"type":{"$ref":"#/components/schemas/AuthenticationProviderType"}}},"AuthenticationProviderType":{"type":"string","enum":["ACTIVE_DIRECTORY","FEDERATION","IMPORT","LDAP","OKTA","SOCIAL"]},"AuthenticatorBase":{"type":"object","properties":{"created":{"format":"date-time","type":"string"},"description":{"type":"string"},"id":{"type":"string"},"key":{"$ref":"#/components/schemas/AuthenticatorKeyEnum"},"lastUpdated":{"format":"date-time","type":"string"},"name":{"type":"string"},"status":{"allOf":[{"$ref":"#/components/schemas/LifecycleStatus"},{}]},"type":{"$ref":"#/components/schemas/AuthenticatorType"},"_links":{"$ref":"#/components/schemas/AuthenticatorLinks"}},"discriminator":{"propertyName":"key","mapping":{"custom_app":"#/components/schemas/AuthenticatorKeyCustomApp","custom_otp":"#/components/schemas/AuthenticatorKeyCustomOtp","duo":"#/components/schemas/AuthenticatorKeyDuo","okta_email":"#/components/schemas/AuthenticatorKeyEmail","google_otp":"#/components/schemas/AuthenticatorKeyGoogleOtp","external_idp":"#/components/schemas/AuthenticatorKeyExternalIdp","okta_password":"#/components/schemas/AuthenticatorKeyPassword","okta_verify":"#/components/schemas/AuthenticatorKeyOktaVerify","onprem_mfa":"#/components/schemas/AuthenticatorKeyOnprem","phone_number":"#/components/schemas/AuthenticatorKeyPhone","security_key":"#/components/schemas/AuthenticatorKeySecurityKey","security_question":"#/components/schemas/AuthenticatorKeySecurityQuestion","symantec_vip":"#/components/schemas/AuthenticatorKeySymantecVip","smart_card_idp":"#/components/schemas/AuthenticatorKeySmartCard","webauthn":"#/components/schemas/AuthenticatorKeyWebauthn","yubikey_token":"#/components/schemas/AuthenticatorKeyYubikey","tac":"#/components/schemas/AuthenticatorKeyTac"}}},"AuthenticatorEnrollmentPolicy":{"allOf":[{"$ref":"#/components/schemas/Policy"},{"type":"object","properties":{"conditions":{"$ref":"#/components/schemas/AuthenticatorEnrollmentPolicyConditions"},"settings":{"$ref":"#/components/schemas/AuthenticatorEnrollmentPolicySettings"}}}]},"AuthenticatorEnrollmentPolicyAuthenticatorSettings":{"type":"object","properties":{"constraints":{"nullable":true,"minimum":0,"type":"object","properties":{"aaguidGroups":{"type":"array","items":{"type":"string"}}}},"enroll":{"type":"object","properties":{"self":{"$ref":"#/components/schemas/AuthenticatorEnrollmentPolicyAuthenticatorStatus"},"autoEnroll":{"type":"boolean","nullable":true},"gracePeriod":{"$ref":"#/components/schemas/EnrollmentPolicyAuthenticatorGracePeriod"}}},"id":{"type":"string"},"key":{"$ref":"#/components/schemas/AuthenticatorEnrollmentPolicyAuthenticatorType"}}},"AuthenticatorEnrollmentPolicyAuthenticatorStatus":{"type":"string","enum":["NOT_ALLOWED","OPTIONAL","REQUIRED"]},"AuthenticatorEnrollmentPolicyAuthenticatorType":{"type":"string","enum":["custom_app","custom_otp","duo","external_idp","google_otp","okta_email","okta_password","okta_verify","onprem_mfa","phone_number","rsa_token","security_question","symantec_vip","webauthn","yubikey_token"]},"AuthenticatorEnrollmentPolicyConditions":{"allOf":[{"type":"object"},{},{"properties":{"people":{"type":"object","properties":{"groups":{"type":"object","properties":{"include":{"type":"array","items":{"type":"string"}}}}}}}}]},"AuthenticatorEnrollmentPolicyRule":{"allOf":[{"$ref":"#/components/schemas/PolicyRule"},{"type":"object","properties":{"actions":{"$ref":"#/components/schemas/AuthenticatorEnrollmentPolicyRuleActions"},"conditions":{"$ref":"#/components/schemas/AuthenticatorEnrollmentPolicyRuleConditions"}}}]},"AuthenticatorEnrollmentPolicyRuleActionEnroll":{"type":"object","properties":{"self":{"type":"string","enum":["CHALLENGE","LOGIN","NEVER","NEVER_INCLUDING_RECOVERY"]}}},"AuthenticatorEnrollmentPolicyRuleActions":{"allOf":[{"$ref":"#/components/schemas/PolicyRuleActions"},{"type":"object"},{"properties":{"enroll":{"$ref":"#/components/schemas/AuthenticatorEnrollmentPolicyRuleActionEnroll"}}}]},"AuthenticatorEnrollmentPolicyRuleConditions":{"type":"object","properties":{"app":{"$ref":"#/components/schemas/AppAndInstancePolicyRuleCondition"},"network":{"$ref":"#/components/schemas/PolicyNetworkCondition"},"people":{"type":"object","properties":{"users":{"type":"object","properties":{"exclude":{"type":"array","items":{"type":"string"}}}}}}}},"AuthenticatorEnrollmentPolicySettings":{"type":"object","properties":{"authenticators":{"items":{"$ref":"#/components/schemas/AuthenticatorEnrollmentPolicyAuthenticatorSettings"},"type":"array"},"type":{"$ref":"#/components/schemas/AuthenticatorEnrollmentPolicySettingsType"}}},"AuthenticatorEnrollmentPolicySettingsType":{"type":"string","enum":["AUTHENTICATORS","FACTORS"]},"AuthenticatorIdentity":{"type":"object","properties":{"key":{"type":"string"}}},"AuthenticatorKeyCustomApp":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"},{"type":"object","properties":{"agreeToTerms":{"type":"boolean"},"provider":{"type":"object","properties":{"type":{"type":"string","enum":["PUSH"]},"configuration":{"type":"object","properties":{"apns":{"type":"object","properties":{"id":{"type":"string"},"appBundleId":{"type":"string"},"debugAppBundleId":{"type":"string"}}},"fcm":{"type":"object","properties":{"id":{"type":"string"}}}}}}},"settings":{"type":"object","properties":{"userVerification":{"$ref":"#/components/schemas/CustomAppUserVerificationEnum"},"appInstanceId":{"type":"string"}}}}}]},"AuthenticatorKeyCustomOtp":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"}]},"AuthenticatorKeyDuo":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"},{"type":"object","properties":{"provider":{"type":"object","properties":{"type":{"type":"string","enum":["DUO"]},"configuration":{"type":"object","properties":{"host":{"type":"string"},"integrationKey":{"type":"string"},"secretKey":{"type":"string"},"userNameTemplate":{"type":"object","properties":{"template":{"type":"string"}}}}}}}}}]},"AuthenticatorKeyEmail":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"},{"type":"object","properties":{"settings":{"type":"object","properties":{"allowedFor":{"$ref":"#/components/schemas/AllowedForEnum"},"tokenLifetimeInMinutes":{"type":"number"}}}}}]},"AuthenticatorKeyEnum":{"type":"string","enum":["custom_app","duo","external_idp","google_otp","okta_email","okta_password","okta_verify","onprem_mfa","phone_number","security_key","security_question","smart_card_idp","symantec_vip","webauthn","yubikey_token","tac"]},"AuthenticatorKeyExternalIdp":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"}]},"AuthenticatorKeyGoogleOtp":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"}]},"AuthenticatorKeyOktaVerify":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"},{"type":"object","properties":{"settings":{"type":"object","properties":{"channelBinding":{"$ref":"#/components/schemas/ChannelBinding"},"compliance":{"$ref":"#/components/schemas/Compliance"},"userVerification":{"$ref":"#/components/schemas/UserVerificationEnum"},"appInstanceId":{"type":"string"}}}}}]},"AuthenticatorKeyOnprem":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"}]},"AuthenticatorKeyPassword":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"}]},"AuthenticatorKeyPhone":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"},{"type":"object","properties":{"settings":{"type":"object","properties":{"allowedFor":{"$ref":"#/components/schemas/AllowedForEnum"}}}}}]},"AuthenticatorKeySecurityKey":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"}]},"AuthenticatorKeySecurityQuestion":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"},{"type":"object","properties":{"settings":{"type":"object","properties":{"allowedFor":{"$ref":"#/components/schemas/AllowedForEnum"}}}}}]},"AuthenticatorKeySmartCard":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"}]},"AuthenticatorKeySymantecVip":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"}]},"AuthenticatorKeyTac":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"},{"type":"object","properties":{"provider":{"type":"object","properties":{"type":{"type":"string","enum":["tac"]},"configuration":{"type":"object","required":["minTtl","maxTtl","defaultTtl","length","complexity"],"properties":{"minTtl":{"type":"number","minimum":10,"maximum":14400},"maxTtl":{"type":"number","minimum":10,"maximum":14400},"defaultTtl":{"type":"number","minimum":10,"maximum":14400},"length":{"type":"number","minimum":8,"maximum":64},"complexity":{"type":"object","properties":{"numbers":{"type":"boolean"},"letters":{"type":"boolean"},"specialCharacters":{"type":"boolean"}}},"multiUseAllowed":{"type":"boolean"}}}}}}}]},"AuthenticatorKeyWebauthn":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"}]},"AuthenticatorKeyYubikey":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorSimple"}]},"AuthenticatorLinks":{"allOf":[{"$ref":"#/components/schemas/LinksSelfAndLifecycle"},{"type":"object","properties":{"methods":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]}}}]},"AuthenticatorMethodAlgorithm":{"type":"string","enum":["ES256","RS256"]},"AuthenticatorMethodBase":{"type":"object","properties":{"status":{"allOf":[{},{"$ref":"#/components/schemas/LifecycleStatus"}]},"type":{"$ref":"#/components/schemas/AuthenticatorMethodType"},"_links":{"$ref":"#/components/schemas/LinksSelfAndLifecycle"}},"discriminator":{"propertyName":"type","mapping":{"sms":"#/components/schemas/AuthenticatorMethodSimple","voice":"#/components/schemas/AuthenticatorMethodSimple","email":"#/components/schemas/AuthenticatorMethodSimple","push":"#/components/schemas/AuthenticatorMethodPush","signed_nonce":"#/components/schemas/AuthenticatorMethodSignedNonce","totp":"#/components/schemas/AuthenticatorMethodTotp","otp":"#/components/schemas/AuthenticatorMethodOtp","password":"#/components/schemas/AuthenticatorMethodSimple","webauthn":"#/components/schemas/AuthenticatorMethodWebAuthn","security_question":"#/components/schemas/AuthenticatorMethodSimple","idp":"#/components/schemas/AuthenticatorMethodWithVerifiableProperties","duo":"#/components/schemas/AuthenticatorMethodWithVerifiableProperties","cert":"#/components/schemas/AuthenticatorMethodWithVerifiableProperties","tac":"#/components/schemas/AuthenticatorMethodTac"}}},"AuthenticatorMethodConstraint":{"type":"object","properties":{"allowedAuthenticators":{"type":"array","items":{"$ref":"#/components/schemas/AuthenticatorIdentity"}},"method":{"enum":["otp"]}}},"AuthenticatorMethodOtp":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorMethodWithVerifiableProperties"},{"type":"object","properties":{"acceptableAdjacentIntervals":{"type":"integer","minimum":0,"maximum":10},"algorithm":{"$ref":"#/components/schemas/OtpTotpAlgorithm"},"encoding":{"$ref":"#/components/schemas/OtpTotpEncoding"},"factorProfileId":{"type":"string"},"passCodeLength":{"$ref":"#/components/schemas/OtpTotpPassCodeLength"},"protocol":{"$ref":"#/components/schemas/OtpProtocol"},"timeIntervalInSeconds":{"$ref":"#/components/schemas/OtpTotpTimeIntervalInSeconds"}}}]},"AuthenticatorMethodProperty":{"type":"string","enum":["DEVICE_BOUND","HARDWARE_PROTECTED","PHISHING_RESISTANT","USER_PRESENCE","USER_VERIFYING"]},"AuthenticatorMethodPush":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorMethodBase"},{"type":"object","properties":{"settings":{"type":"object","properties":{"algorithms":{"type":"array","items":{"$ref":"#/components/schemas/AuthenticatorMethodAlgorithm"}},"keyProtection":{"$ref":"#/components/schemas/PushMethodKeyProtection"},"transactionTypes":{"type":"array","items":{"$ref":"#/components/schemas/AuthenticatorMethodTransactionType"}}}}}}]},"AuthenticatorMethodSignedNonce":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorMethodBase"},{"type":"object","properties":{"settings":{"type":"object","properties":{"algorithms":{"type":"array","items":{"$ref":"#/components/schemas/AuthenticatorMethodAlgorithm"}},"keyProtection":{"$ref":"#/components/schemas/PushMethodKeyProtection"},"showSignInWithOV":{"$ref":"#/components/schemas/ShowSignInWithOV"}}}}}]},"AuthenticatorMethodSimple":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorMethodBase"}]},"AuthenticatorMethodTac":{"type":"object","properties":{"status":{"allOf":[{},{"$ref":"#/components/schemas/LifecycleStatus"}]},"type":{"$ref":"#/components/schemas/AuthenticatorMethodType"},"_links":{"$ref":"#/components/schemas/LinksSelfAndLifecycle"}}},"AuthenticatorMethodTotp":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorMethodBase"},{"type":"object","properties":{"settings":{"type":"object","properties":{"timeIntervalInSeconds":{"$ref":"#/components/schemas/OtpTotpTimeIntervalInSeconds"},"encoding":{"$ref":"#/components/schemas/OtpTotpEncoding"},"algorithm":{"$ref":"#/components/schemas/OtpTotpAlgorithm"},"passCodeLength":{"$ref":"#/components/schemas/OtpTotpPassCodeLength"}}}}}]},"AuthenticatorMethodTransactionType":{"type":"string","enum":["CIBA","LOGIN"]},"AuthenticatorMethodType":{"type":"string","enum":["cert","duo","email","idp","otp","password","push","security_question","signed_nonce","sms","totp","voice","webauthn","tac"]},"AuthenticatorMethodWebAuthn":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorMethodBase"},{"type":"object","properties":{"settings":{"type":"object","properties":{"aaguidGroups":{"type":"array","items":{"$ref":"#/components/schemas/AAGUIDGroupObject"}},"userVerification":{"$ref":"#/components/schemas/UserVerificationEnumEnrollment"},"userVerificationForVerify":{"$ref":"#/components/schemas/UserVerificationEnumForVerify"},"attachment":{"$ref":"#/components/schemas/WebAuthnAttachmentEnum"},"rpId":{"$ref":"#/components/schemas/WebAuthnRpId"},"enableAutofillUI":{"$ref":"#/components/schemas/WebAuthnSettingEnableAutofillUI"},"residentKeyRequirement":{"$ref":"#/components/schemas/WebAuthnSettingResidentKeyRequirement"},"showSignInWithAPasskeyButton":{"$ref":"#/components/schemas/WebAuthnSettingShowSignInWithAPasskeyButton"},"certBasedAttestationValidation":{"$ref":"#/components/schemas/WebAuthnSettingCertBasedAttestationValidation"},"hardwareProtected":{"$ref":"#/components/schemas/WebAuthnSettingHardwareProtected"},"fipsCompliant":{"$ref":"#/components/schemas/WebAuthnSettingFipsCompliant"},"allowSyncablePasskeys":{"$ref":"#/components/schemas/WebAuthnSettingAllowSyncablePasskeys"}}}}}]},"AuthenticatorMethodWithVerifiableProperties":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorMethodBase"},{"type":"object","properties":{"verifiableProperties":{"type":"array","items":{"$ref":"#/components/schemas/AuthenticatorMethodProperty"}}}}]},"AuthenticatorSimple":{"allOf":[{"$ref":"#/components/schemas/AuthenticatorBase"}]},"AuthenticatorType":{"type":"string","enum":["app","email","federated","password","phone","security_key","security_question","tac"]},"AuthorizationServer":{"type":"object","properties":{"accessTokenEncryptedResponseAlgorithm":{"$ref":"#/components/schemas/AccessTokenKeyEncryptionAlgorithm"},"audiences":{"type":"array","items":{"type":"string"}},"created":{"type":"string","format":"date-time"},"credentials":{"$ref":"#/components/schemas/AuthorizationServerCredentials"},"description":{"type":"string"},"id":{"type":"string"},"issuer":{"type":"string"},"issuerMode":{"type":"string"},"jwks":{"$ref":"#/components/schemas/ResourceServerJsonWebKeys"},"jwks_uri":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"name":{"type":"string"},"status":{"$ref":"#/components/schemas/LifecycleStatus"},"_links":{"$ref":"#/components/schemas/AuthServerLinks"}}},"AuthorizationServerCredentials":{"type":"object","properties":{"signing":{"$ref":"#/components/schemas/AuthorizationServerCredentialsSigningConfig"}}},"AuthorizationServerCredentialsRotationMode":{"type":"string","enum":["AUTO","MANUAL"]},"AuthorizationServerCredentialsSigningConfig":{"type":"object","properties":{"kid":{"type":"string"},"lastRotated":{"type":"string","format":"date-time"},"nextRotation":{"type":"string","format":"date-time"},"rotationMode":{"$ref":"#/components/schemas/AuthorizationServerCredentialsRotationMode"},"use":{"$ref":"#/components/schemas/AuthorizationServerCredentialsUse"}}},"AuthorizationServerCredentialsUse":{"type":"string","enum":["sig"]},"AuthorizationServerJsonWebKey":{"type":"object","properties":{"alg":{"type":"string"},"e":{"type":"string"},"kid":{"type":"string"},"kty":{"type":"string"},"n":{"type":"string"},"status":{"type":"string"},"use":{"type":"string"},"_links":{"$ref":"#/components/schemas/LinksSelf"}}},"AuthorizationServerPolicy":{"allOf":[{"type":"object","properties":{"id":{"type":"string"},"type":{"type":"string","enum":["OAUTH_AUTHORIZATION_POLICY"]},"name":{"type":"string","maxLength":100,"minLength":1},"conditions":{"$ref":"#/components/schemas/AuthorizationServerPolicyConditions"},"description":{"type":"string","maxLength":255,"minLength":1},"priority":{"type":"integer"},"status":{"type":"string","enum":["ACTIVE","INACTIVE"]},"system":{"type":"boolean"},"created":{"type":"string","format":"date-time"},"lastUpdated":{"type":"string","format":"date-time"},"_links":{"allOf":[{"$ref":"#/components/schemas/LinksSelfAndLifecycle"},{"type":"object","properties":{"rules":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]}}}]}}}]},"AuthorizationServerPolicyConditions":{"type":"object","properties":{"clients":{"$ref":"#/components/schemas/ClientPolicyCondition"}}},"AuthorizationServerPolicyPeopleCondition":{"type":"object","properties":{"groups":{"$ref":"#/components/schemas/AuthorizationServerPolicyRuleGroupCondition"},"users":{"$ref":"#/components/schemas/AuthorizationServerPolicyRuleUserCondition"}}},"AuthorizationServerPolicyRule":{"type":"object","properties":{"actions":{"$ref":"#/components/schemas/AuthorizationServerPolicyRuleActions"},"conditions":{"$ref":"#/components/schemas/AuthorizationServerPolicyRuleConditions"},"created":{"type":"string","format":"date-time"},"id":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"name":{"type":"string"},"priority":{"type":"integer"},"status":{"type":"string","enum":["ACTIVE","INACTIVE"]},"system":{"type":"boolean"},"type":{"type":"string","enum":["RESOURCE_ACCESS"]},"_links":{"allOf":[{"$ref":"#/components/schemas/LinksSelfAndLifecycle"}]}}},"AuthorizationServerPolicyRuleActions":{"allOf":[{"$ref":"#/components/schemas/PolicyRuleActions"},{"type":"object","properties":{"token":{"$ref":"#/components/schemas/TokenAuthorizationServerPolicyRuleAction"}}}]},"AuthorizationServerPolicyRuleConditions":{"type":"object","properties":{"grantTypes":{"$ref":"#/components/schemas/GrantTypePolicyRuleCondition"},"people":{"$ref":"#/components/schemas/AuthorizationServerPolicyPeopleCondition"},"scopes":{"$ref":"#/components/schemas/OAuth2ScopesMediationPolicyRuleCondition"}}},"AuthorizationServerPolicyRuleGroupCondition":{"type":"object","properties":{"include":{"type":"array","items":{"type":"string"}}}},"AuthorizationServerPolicyRuleUserCondition":{"type":"object","properties":{"include":{"type":"array","items":{"type":"string"}}}},"AuthorizationServerResourceHrefObject":{"type":"object","properties":{"href":{"type":"string"},"title":{"type":"string"}}},"AutoAssignAdminAppSetting":{"type":"object","properties":{"autoAssignAdminAppSetting":{"type":"boolean"}}},"AutoLoginApplication":{"allOf":[{"$ref":"#/components/schemas/Application"},{"type":"object","properties":{"credentials":{"$ref":"#/components/schemas/SchemeApplicationCredentials"},"name":{"type":"string"},"settings":{"$ref":"#/components/schemas/AutoLoginApplicationSettings"}}}]},"AutoLoginApplicationSettings":{"allOf":[{"$ref":"#/components/schemas/ApplicationSettings"},{"type":"object","properties":{"signOn":{"$ref":"#/components/schemas/AutoLoginApplicationSettingsSignOn"}}}]},"AutoLoginApplicationSettingsSignOn":{"type":"object","properties":{"loginUrl":{"type":"string"},"redirectUrl":{"type":"string"}},"required":["loginUrl"]},"AwsAccountId":{"minLength":12,"maxLength":12,"type":"string"},"AwsEventSourceName":{"minLength":1,"maxLength":75,"type":"string","pattern":"^[a-zA-Z0-9.\\\\-_]$"},"AwsRegion":{"type":"string","enum":["ap-northeast-1","ap-northeast-2","ap-northeast-3","ap-south-1","ap-southeast-1","ap-southeast-2","ca-central-1","eu-central-1","eu-north-1","eu-west-1","eu-west-2","eu-west-3","sa-east-1","us-east-1","us-east-2","us-west-1","us-west-2"]},"BaseEmailDomain":{"type":"object","properties":{"displayName":{"type":"string"},"userName":{"type":"string"}},"required":["displayName","userName"]},"BasicApplicationSettings":{"allOf":[{"$ref":"#/components/schemas/ApplicationSettings"},{"type":"object","properties":{"app":{"$ref":"#/components/schemas/BasicApplicationSettingsApplication"}}}]},"BasicApplicationSettingsApplication":{"type":"object","properties":{"authURL":{"type":"string"},"url":{"type":"string"}},"required":["authURL","url"]},"BasicAuthApplication":{"allOf":[{"$ref":"#/components/schemas/Application"},{"type":"object","properties":{"credentials":{"$ref":"#/components/schemas/SchemeApplicationCredentials"},"name":{"type":"string","enum":["template_basic_auth"]},"settings":{"$ref":"#/components/schemas/BasicApplicationSettings"}},"required":["name","settings"]}]},"BehaviorRule":{"type":"object","properties":{"created":{"type":"string"},"id":{"type":"string"},"lastUpdated":{"type":"string"},"name":{"type":"string","maxLength":128},"status":{"$ref":"#/components/schemas/LifecycleStatus"},"type":{"$ref":"#/components/schemas/BehaviorRuleType"},"_link":{"$ref":"#/components/schemas/LinksSelf"}},"required":["name","type"],"discriminator":{"propertyName":"type","mapping":{"ANOMALOUS_LOCATION":"#/components/schemas/BehaviorRuleAnomalousLocation","ANOMALOUS_IP":"#/components/schemas/BehaviorRuleAnomalousIP","ANOMALOUS_DEVICE":"#/components/schemas/BehaviorRuleAnomalousDevice","VELOCITY":"#/components/schemas/BehaviorRuleVelocity","ANOMALOUS_ASN":"#/components/schemas/BehaviorRuleASN"}}},"BehaviorRuleASN":{"allOf":[{"$ref":"#/components/schemas/BehaviorRule"},{"type":"object","properties":{"settings":{"$ref":"#/components/schemas/BehaviorRuleSettingsAnomalousASN"}}}]},"BehaviorRuleAnomalousDevice":{"allOf":[{"$ref":"#/components/schemas/BehaviorRule"},{"type":"object","properties":{"settings":{"$ref":"#/components/schemas/BehaviorRuleSettingsAnomalousDevice"}}}]},"BehaviorRuleAnomalousIP":{"allOf":[{"$ref":"#/components/schemas/BehaviorRule"},{"type":"object","properties":{"settings":{"$ref":"#/components/schemas/BehaviorRuleSettingsAnomalousIP"}}}]},"BehaviorRuleAnomalousLocation":{"allOf":[{"$ref":"#/components/schemas/BehaviorRule"},{"type":"object","properties":{"settings":{"$ref":"#/components/schemas/BehaviorRuleSettingsAnomalousLocation"}}}]},"BehaviorRuleSettings":{"type":"object"},"BehaviorRuleSettingsAnomalousASN":{"allOf":[{"$ref":"#/components/schemas/BehaviorRuleSettingsHistoryBased"}]},"BehaviorRuleSettingsAnomalousDevice":{"allOf":[{"$ref":"#/components/schemas/BehaviorRuleSettingsHistoryBased"}]},"BehaviorRuleSettingsAnomalousIP":{"allOf":[{"$ref":"#/components/schemas/BehaviorRuleSettingsHistoryBased"},{"type":"object","properties":{"maxEventsUsedForEvaluation":{"type":"integer","minimum":0,"maximum":100}}}]},"BehaviorRuleSettingsAnomalousLocation":{"allOf":[{"$ref":"#/components/schemas/BehaviorRuleSettingsHistoryBased"},{"type":"object","properties":{"granularity":{"$ref":"#/components/schemas/LocationGranularity"},"radiusKilometers":{"type":"integer"}},"required":["granularity"]}]},"BehaviorRuleSettingsHistoryBased":{"allOf":[{"$ref":"#/components/schemas/BehaviorRuleSettings"},{"type":"object","properties":{"maxEventsUsedForEvaluation":{"type":"integer","minimum":1,"maximum":100},"minEventsNeededForEvaluation":{"type":"integer","minimum":0,"maximum":10}}}]},"BehaviorRuleSettingsVelocity":{"allOf":[{"$ref":"#/components/schemas/BehaviorRuleSettings"},{"type":"object","properties":{"velocityKph":{"type":"integer","minimum":1}},"required":["velocityKph"]}]},"BehaviorRuleType":{"type":"string","enum":["ANOMALOUS_DEVICE","ANOMALOUS_IP","ANOMALOUS_LOCATION","VELOCITY","ANOMALOUS_ASN"]},"BehaviorRuleVelocity":{"allOf":[{"$ref":"#/components/schemas/BehaviorRule"},{"type":"object","properties":{"settings":{"$ref":"#/components/schemas/BehaviorRuleSettingsVelocity"}}}]},"BookmarkApplication":{"allOf":[{"$ref":"#/components/schemas/Application"},{"type":"object","properties":{"credentials":{"$ref":"#/components/schemas/ApplicationCredentials"},"name":{"type":"string","enum":["bookmark"]},"settings":{"$ref":"#/components/schemas/BookmarkApplicationSettings"}},"required":["name","settings"]}]},"BookmarkApplicationSettings":{"allOf":[{"$ref":"#/components/schemas/ApplicationSettings"},{"type":"object","properties":{"app":{"$ref":"#/components/schemas/BookmarkApplicationSettingsApplication"}}}]},"BookmarkApplicationSettingsApplication":{"type":"object","properties":{"requestIntegration":{"type":"boolean"},"url":{"type":"string"}},"required":["url"]},"Brand":{"type":"object","properties":{"agreeToCustomPrivacyPolicy":{"type":"boolean"},"customPrivacyPolicyUrl":{"type":"string"},"defaultApp":{"$ref":"#/components/schemas/DefaultApp"},"emailDomainId":{"type":"string"},"id":{"type":"string"},"isDefault":{"type":"boolean"},"locale":{"$ref":"#/components/schemas/Language"},"name":{"type":"string"},"removePoweredByOkta":{"type":"boolean"}}},"BrandWithEmbedded":{"allOf":[{"$ref":"#/components/schemas/Brand"}],"type":"object","properties":{"_embedded":{"type":"object","properties":{"themes":{"type":"array","items":{"$ref":"#/components/schemas/ThemeResponse"}},"domains":{"items":{"$ref":"#/components/schemas/DomainResponse"},"type":"array"},"emailDomain":{"$ref":"#/components/schemas/EmailDomainResponse"}}},"_links":{"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"properties":{"themes":{"$ref":"#/components/schemas/HrefObject"}}}]}}},"BrowserPluginApplication":{"allOf":[{"$ref":"#/components/schemas/Application"},{"type":"object","properties":{"credentials":{"$ref":"#/components/schemas/SchemeApplicationCredentials"},"name":{"type":"string","enum":["template_swa","template_swa3field"]},"settings":{"$ref":"#/components/schemas/SwaApplicationSettings"}},"required":["name","settings"]}]},"ByDateTimeAuthenticatorGracePeriodExpiry":{"allOf":[{"$ref":"#/components/schemas/EnrollmentPolicyAuthenticatorGracePeriod"},{"type":"object","properties":{"expiry":{"type":"string"}}}]},"BySkipCountAuthenticatorGracePeriod":{"allOf":[{"$ref":"#/components/schemas/EnrollmentPolicyAuthenticatorGracePeriod"},{"type":"object","properties":{"skipCount":{"type":"integer","minimum":1,"maximum":10}}}]},"CallerContext":{"type":"object","properties":{"managedApp":{"type":"boolean","enum":[true]}}},"CatalogApplication":{"type":"object","properties":{"category":{"type":"string"},"description":{"type":"string"},"displayName":{"type":"string"},"features":{"type":"array","items":{"type":"string"}},"id":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"name":{"type":"string"},"signOnModes":{"type":"array","items":{"type":"string"}},"status":{"$ref":"#/components/schemas/CatalogApplicationStatus"},"verificationStatus":{"type":"string"},"website":{"type":"string"},"_links":{"type":"object","properties":{"logo":{"type":"array","items":{"$ref":"#/components/schemas/HrefObjectLogoLink"}},"self":{"$ref":"#/components/schemas/HrefObjectSelfLink"}}}}},"CatalogApplicationStatus":{"type":"string","enum":["ACTIVE","INACTIVE"]},"ChannelBinding":{"type":"object","properties":{"required":{"$ref":"#/components/schemas/RequiredEnum"},"style":{"type":"string","enum":["NUMBER_CHALLENGE"]}}},"ChromeBrowserVersion":{"type":"object","properties":{"minimum":{"type":"string"}}},"ClientPolicyCondition":{"type":"object","properties":{"include":{"type":"array","items":{"type":"string"}}}},"ClientPrivilegesSetting":{"type":"object","properties":{"clientPrivilegesSetting":{"type":"boolean"}}},"ClientUpdatePolicy":{"allOf":[{"$ref":"#/components/schemas/Policy"},{"type":"object","properties":{"conditions":{"type":"string","nullable":true}}}]},"ClientUpdatePolicyRule":{"allOf":[{"$ref":"#/components/schemas/PolicyRule"},{"type":"object","properties":{"actions":{"type":"object","properties":{"updateControls":{"type":"object","properties":{"actions":{"type":"array","items":{"$ref":"#/components/schemas/ClientUpdatePolicyRuleActionsObject"}}}}}},"conditions":{"type":"string","nullable":true}}}]},"ClientUpdatePolicyRuleActionsObject":{"type":"object","properties":{"action":{"type":"string","enum":["OKTA_VERIFY_UPDATE"]},"value":{"type":"string","enum":["ALLOW","HOTFIX_ONLY","DENY"]}}},"Compliance":{"type":"object","properties":{"fips":{"$ref":"#/components/schemas/FipsEnum"}}},"ContentSecurityPolicySetting":{"type":"object","properties":{"mode":{"type":"string","enum":["enforced","report_only"]},"reportUri":{"type":"string"},"srcList":{"type":"array","items":{"type":"string"}}}},"Created":{"format":"date-time","type":"string"},"CustomAppUserVerificationEnum":{"type":"string","enum":["PREFERRED","REQUIRED"]},"CustomRole":{"type":"object","properties":{"assignmentType":{"$ref":"#/components/schemas/RoleAssignmentType"},"created":{"type":"string","format":"date-time"},"id":{"type":"string"},"label":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"resource-set":{"type":"string"},"role":{"type":"string"},"status":{"allOf":[{"$ref":"#/components/schemas/LifecycleStatus"},{}]},"type":{"$ref":"#/components/schemas/RoleType"},"_links":{"$ref":"#/components/schemas/LinksCustomRoleResponse"}},"required":["type"]},"CustomizablePage":{"type":"object","properties":{"pageContent":{"type":"string"}}},"DNSRecordAuthenticators":{"type":"object","properties":{"fqdn":{"type":"string"},"recordType":{"$ref":"#/components/schemas/DNSRecordTypeAuthenticators"},"verificationValue":{"type":"string"}}},"DNSRecordDomains":{"type":"object","properties":{"expiration":{"type":"string"},"fqdn":{"type":"string"},"recordType":{"$ref":"#/components/schemas/DNSRecordTypeDomains"},"values":{"type":"array","items":{"type":"string"}}}},"DNSRecordTypeAuthenticators":{"type":"string","enum":["TXT"]},"DNSRecordTypeDomains":{"type":"string","enum":["CAA","CNAME","TXT"]},"DTCChromeOS":{"type":"object","properties":{"allowScreenLock":{"type":"boolean"},"browserVersion":{"$ref":"#/components/schemas/ChromeBrowserVersion"},"builtInDnsClientEnabled":{"type":"boolean"},"chromeRemoteDesktopAppBlocked":{"type":"boolean"},"deviceEnrollmentDomain":{"type":"string"},"diskEncrypted":{"type":"boolean"},"keyTrustLevel":{"$ref":"#/components/schemas/KeyTrustLevelOSMode"},"managedDevice":{"type":"boolean"},"osFirewall":{"type":"boolean"},"osVersion":{"$ref":"#/components/schemas/OSVersionFourComponents"},"passwordProtectionWarningTrigger":{"$ref":"#/components/schemas/PasswordProtectionWarningTrigger"},"realtimeUrlCheckMode":{"type":"boolean"},"safeBrowsingProtectionLevel":{"$ref":"#/components/schemas/SafeBrowsingProtectionLevel"},"screenLockSecured":{"type":"boolean"},"siteIsolationEnabled":{"type":"boolean"}}},"DTCMacOS":{"type":"object","properties":{"browserVersion":{"$ref":"#/components/schemas/ChromeBrowserVersion"},"builtInDnsClientEnabled":{"type":"boolean"},"chromeRemoteDesktopAppBlocked":{"type":"boolean"},"deviceEnrollmentDomain":{"type":"string"},"diskEncrypted":{"type":"boolean"},"keyTrustLevel":{"$ref":"#/components/schemas/KeyTrustLevelBrowserKey"},"osFirewall":{"type":"boolean"},"osVersion":{"$ref":"#/components/schemas/OSVersionThreeComponents"},"passwordProtectionWarningTrigger":{"$ref":"#/components/schemas/PasswordProtectionWarningTrigger"},"realtimeUrlCheckMode":{"type":"boolean"},"safeBrowsingProtectionLevel":{"$ref":"#/components/schemas/SafeBrowsingProtectionLevel"},"screenLockSecured":{"type":"boolean"},"siteIsolationEnabled":{"type":"boolean"}}},"DTCWindows":{"type":"object","properties":{"antivirusEnabled":{"type":"boolean"},"browserVersion":{"$ref":"#/components/schemas/ChromeBrowserVersion"},"builtInDnsClientEnabled":{"type":"boolean"},"chromeRemoteDesktopAppBlocked":{"type":"boolean"},"crowdStrikeAgentId":{"type":"string"},"crowdStrikeCustomerId":{"type":"string"},"deviceEnrollmentDomain":{"type":"string"},"diskEncrypted":{"type":"boolean"},"keyTrustLevel":{"$ref":"#/components/schemas/KeyTrustLevelBrowserKey"},"osFirewall":{"type":"boolean"},"osVersion":{"$ref":"#/components/schemas/OSVersionFourComponents"},"passwordProtectionWarningTrigger":{"$ref":"#/components/schemas/PasswordProtectionWarningTrigger"},"realtimeUrlCheckMode":{"type":"boolean"},"safeBrowsingProtectionLevel":{"$ref":"#/components/schemas/SafeBrowsingProtectionLevel"},"screenLockSecured":{"type":"boolean"},"secureBootEnabled":{"type":"boolean"},"siteIsolationEnabled":{"type":"boolean"},"thirdPartyBlockingEnabled":{"type":"boolean"},"windowsMachineDomain":{"type":"string"},"windowsUserDomain":{"type":"string"}}},"DateTime":{"format":"date-time","type":"string"},"DefaultApp":{"type":"object","properties":{"appInstanceId":{"type":"string"},"appLinkName":{"type":"string"},"classicApplicationUri":{"type":"string"}}},"DetectedRiskEvents":{"type":"string","enum":["ADMIN_REPORTED_USER_RISK","BRUTE_FORCE_ATTACK","ENTITY_CRITICAL_ACTION_FROM_HIGH_THREAT_IP","OKTA_THREAT_INTELLIGENCE","SECURITY_EVENTS_PROVIDER_REPORTED_RISK","SESSION_INFLUENCED_USER_RISK","SUSPICIOUS_APP_ACCESS","USER_REPORTED_SUSPICIOUS_ACTIVITY"]},"DeviceAccessPolicyRuleCondition":{"type":"object","properties":{"assurance":{"$ref":"#/components/schemas/DevicePolicyRuleConditionAssurance"},"managed":{"type":"boolean"},"registered":{"type":"boolean"}}},"DeviceAssurance":{"type":"object","properties":{"createdBy":{"type":"string"},"createdDate":{"type":"string"},"devicePostureChecks":{"$ref":"#/components/schemas/DevicePostureChecks"},"displayRemediationMode":{"type":"string","enum":["HIDE","SHOW"]},"gracePeriod":{"$ref":"#/components/schemas/GracePeriod"},"id":{"type":"string"},"lastUpdate":{"type":"string"},"lastUpdatedBy":{"type":"string"},"name":{"type":"string"},"platform":{"$ref":"#/components/schemas/Platform"},"_links":{"$ref":"#/components/schemas/LinksSelf"}},"discriminator":{"propertyName":"platform","mapping":{"WINDOWS":"#/components/schemas/DeviceAssuranceWindowsPlatform","MACOS":"#/components/schemas/DeviceAssuranceMacOSPlatform","CHROMEOS":"#/components/schemas/DeviceAssuranceChromeOSPlatform","IOS":"#/components/schemas/DeviceAssuranceIOSPlatform","ANDROID":"#/components/schemas/DeviceAssuranceAndroidPlatform"}}},"DeviceAssuranceAndroidPlatform":{"allOf":[{"$ref":"#/components/schemas/DeviceAssurance"},{"type":"object","properties":{"callerContext":{"$ref":"#/components/schemas/CallerContext"},"diskEncryptionType":{"type":"object","properties":{"include":{"type":"array","items":{"$ref":"#/components/schemas/DiskEncryptionTypeAndroid"}}}},"jailbreak":{"type":"boolean"},"osVersion":{"$ref":"#/components/schemas/OSVersion"},"screenLockType":{"type":"object","properties":{"include":{"type":"array","items":{"$ref":"#/components/schemas/ScreenLockType"}}}},"secureHardwarePresent":{"type":"boolean"},"thirdPartySignalProviders":{"type":"object","properties":{"androidDeviceTrust":{"$ref":"#/components/schemas/AndroidDeviceTrust"},"devicePostureIdP":{"$ref":"#/components/schemas/DevicePostureIdP"}}}}}]},"DeviceAssuranceChromeOSPlatform":{"allOf":[{"$ref":"#/components/schemas/DeviceAssurance"},{"type":"object","properties":{"thirdPartySignalProviders":{"type":"object","properties":{"dtc":{"$ref":"#/components/schemas/DTCChromeOS"},"devicePostureIdP":{"$ref":"#/components/schemas/DevicePostureIdP"}}}}}]},"DeviceAssuranceIOSPlatform":{"allOf":[{"$ref":"#/components/schemas/DeviceAssurance"},{"type":"object","properties":{"jailbreak":{"type":"boolean"},"osVersion":{"$ref":"#/components/schemas/OSVersion"},"screenLockType":{"type":"object","properties":{"include":{"type":"array","items":{"$ref":"#/components/schemas/ScreenLockType"}}}},"thirdPartySignalProviders":{"type":"object","properties":{"devicePostureIdP":{"$ref":"#/components/schemas/DevicePostureIdP"}}}}}]},"DeviceAssuranceMacOSPlatform":{"allOf":[{"$ref":"#/components/schemas/DeviceAssurance"},{"type":"object","properties":{"diskEncryptionType":{"type":"object","properties":{"include":{"type":"array","items":{"$ref":"#/components/schemas/DiskEncryptionTypeDesktop"}}}},"osVersion":{"$ref":"#/components/schemas/OSVersion"},"screenLockType":{"type":"object","properties":{"include":{"type":"array","items":{"$ref":"#/components/schemas/ScreenLockType"}}}},"secureHardwarePresent":{"type":"boolean"},"thirdPartySignalProviders":{"type":"object","properties":{"dtc":{"$ref":"#/components/schemas/DTCMacOS"},"devicePostureIdP":{"$ref":"#/components/schemas/DevicePostureIdP"}}}}}]},"DeviceAssuranceWindowsPlatform":{"allOf":[{"$ref":"#/components/schemas/DeviceAssurance"},{"type":"object","properties":{"diskEncryptionType":{"type":"object","properties":{"include":{"type":"array","items":{"$ref":"#/components/schemas/DiskEncryptionTypeDesktop"}}}},"osVersion":{"$ref":"#/components/schemas/OSVersionFourComponents"},"osVersionConstraints":{"type":"array","items":{"$ref":"#/components/schemas/OSVersionConstraint"},"minItems":1,"maxItems":2},"screenLockType":{"type":"object","properties":{"include":{"type":"array","items":{"$ref":"#/components/schemas/ScreenLockType"}}}},"secureHardwarePresent":{"type":"boolean"},"thirdPartySignalProviders":{"type":"object","properties":{"dtc":{"$ref":"#/components/schemas/DTCWindows"},"devicePostureIdP":{"$ref":"#/components/schemas/DevicePostureIdP"}}}}}]},"DeviceContextProvider":{"type":"object","properties":{"id":{"type":"string"},"key":{"type":"string","enum":["OKTA_VERIFY","CHROME_DEVICE_TRUST","DEVICE_POSTURE_IDP"]},"userIdentification":{"type":"string","enum":["ALLOW","IGNORE"]}},"required":["key"]},"DeviceIntegrity":{"type":"string","enum":["MEETS_BASIC_INTEGRITY","MEETS_DEVICE_INTEGRITY","MEETS_STRONG_INTEGRITY"]},"DevicePolicyRuleConditionAssurance":{"type":"object","properties":{"include":{"type":"array","items":{"type":"string"}}}},"DevicePostureChecks":{"type":"object","properties":{"include":{"type":"array","items":{"type":"object","properties":{"variableName":{"type":"string"},"value":{"type":"string"}}}}}},"DevicePostureIdP":{"type":"object","properties":{"compliant":{"type":"boolean"},"managed":{"type":"boolean"}}},"DeviceSignalCollectionPlatformConditionEvaluatorPlatform":{"type":"object","properties":{"os":{"$ref":"#/components/schemas/DeviceSignalCollectionPlatformConditionEvaluatorPlatformOperatingSystem"},"type":{"$ref":"#/components/schemas/DeviceSignalCollectionPolicyPlatformType"}}},"DeviceSignalCollectionPlatformConditionEvaluatorPlatformOperatingSystem":{"type":"object","properties":{"expression":{"type":"string"},"type":{"$ref":"#/components/schemas/DeviceSignalCollectionPolicyPlatformOperatingSystemType"},"version":{"$ref":"#/components/schemas/PlatformConditionEvaluatorPlatformOperatingSystemVersion"}}},"DeviceSignalCollectionPlatformPolicyRuleCondition":{"type":"object","properties":{"exclude":{"type":"array","items":{"$ref":"#/components/schemas/DeviceSignalCollectionPlatformConditionEvaluatorPlatform"}},"include":{"type":"array","items":{"$ref":"#/components/schemas/DeviceSignalCollectionPlatformConditionEvaluatorPlatform"}}}},"DeviceSignalCollectionPolicy":{"allOf":[{"$ref":"#/components/schemas/Policy"},{"type":"object","properties":{"conditions":{"type":"string","nullable":true},"_embedded":{"type":"object","properties":{"resourceType":{"type":"string"}},"additionalProperties":{"type":"object","properties":{}}}}}]},"DeviceSignalCollectionPolicyPlatformOperatingSystemType":{"type":"string","enum":["ANDROID","CHROMEOS","IOS","MACOS","WINDOWS"]},"DeviceSignalCollectionPolicyPlatformType":{"type":"string","enum":["DESKTOP","MOBILE"]},"DeviceSignalCollectionPolicyRule":{"allOf":[{"$ref":"#/components/schemas/PolicyRule"},{"type":"object","properties":{"actions":{"$ref":"#/components/schemas/DeviceSignalCollectionPolicyRuleActions"},"conditions":{"$ref":"#/components/schemas/DeviceSignalCollectionPolicyRuleConditions"}}}]},"DeviceSignalCollectionPolicyRuleActions":{"type":"object","properties":{"deviceSignalCollection":{"$ref":"#/components/schemas/DeviceSignalCollectionPolicyRuleDeviceSignalCollection"}}},"DeviceSignalCollectionPolicyRuleConditions":{"type":"object","properties":{"network":{"$ref":"#/components/schemas/PolicyNetworkCondition"},"platform":{"$ref":"#/components/schemas/DeviceSignalCollectionPlatformPolicyRuleCondition"}}},"DeviceSignalCollectionPolicyRuleDeviceSignalCollection":{"type":"object","properties":{"deviceContextProviders":{"type":"array","items":{"$ref":"#/components/schemas/DeviceContextProvider"}}}},"DigestAlgorithm":{"type":"string","enum":["SHA256_HMAC","SHA512_HMAC"]},"DiskEncryptionTypeAndroid":{"type":"string","enum":["FULL","USER"]},"DiskEncryptionTypeDesktop":{"type":"string","enum":["ALL_INTERNAL_VOLUMES"]},"DomainCertificateMetadata":{"type":"object","properties":{"expiration":{"type":"string"},"fingerprint":{"type":"string"},"subject":{"type":"string"}}},"DomainCertificateSourceType":{"type":"string","enum":["MANUAL","OKTA_MANAGED"]},"DomainLinks":{"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"type":"object","properties":{"brand":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"certificate":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"verify":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]}}}]},"DomainListResponse":{"type":"object","properties":{"domains":{"type":"array","items":{"$ref":"#/components/schemas/DomainResponse"}}}},"DomainResponse":{"type":"object","properties":{"brandId":{"type":"string"},"certificateSourceType":{"$ref":"#/components/schemas/DomainCertificateSourceType"},"dnsRecords":{"type":"array","items":{"$ref":"#/components/schemas/DNSRecordDomains"}},"domain":{"type":"string"},"id":{"type":"string"},"publicCertificate":{"$ref":"#/components/schemas/DomainCertificateMetadata"},"validationStatus":{"$ref":"#/components/schemas/DomainValidationStatus"},"_links":{"$ref":"#/components/schemas/DomainLinks"}}},"DomainValidationStatus":{"type":"string","enum":["COMPLETED","IN_PROGRESS","NOT_STARTED","VERIFIED"]},"DynamicNetworkZone":{"allOf":[{"$ref":"#/components/schemas/NetworkZone"},{},{"type":"object","properties":{"asns":{"allOf":[{"$ref":"#/components/schemas/NetworkZoneAsns"},{}]},"proxyType":{"type":"string","enum":["null","Any","Tor","NotTorAnonymizer"]},"locations":{"allOf":[{"$ref":"#/components/schemas/NetworkZoneLocationArray"},{}]}}}]},"EmailDomainDNSRecord":{"type":"object","properties":{"fqdn":{"type":"string"},"recordType":{"$ref":"#/components/schemas/EmailDomainDNSRecordType"},"verificationValue":{"type":"string"}}},"EmailDomainDNSRecordType":{"type":"string","enum":["CNAME","TXT"]},"EmailDomainResponse":{"allOf":[{"$ref":"#/components/schemas/BaseEmailDomain"}],"type":"object","properties":{"dnsValidationRecords":{"type":"array","items":{"$ref":"#/components/schemas/EmailDomainDNSRecord"}},"domain":{"type":"string"},"id":{"type":"string"},"validationStatus":{"$ref":"#/components/schemas/EmailDomainStatus"},"validationSubdomain":{"type":"string"}}},"EmailDomainStatus":{"type":"string","enum":["DELETED","ERROR","NOT_STARTED","POLLING","VERIFIED"]},"EmailTemplateTouchPointVariant":{"type":"string","enum":["FULL_THEME","OKTA_DEFAULT"]},"EndUserDashboardTouchPointVariant":{"type":"string","enum":["FULL_THEME","LOGO_ON_FULL_WHITE_BACKGROUND","OKTA_DEFAULT","WHITE_LOGO_BACKGROUND"]},"EnhancedDynamicNetworkZone":{"allOf":[{"$ref":"#/components/schemas/NetworkZone"},{},{"type":"object","properties":{"asns":{"type":"object","properties":{"include":{"allOf":[{"$ref":"#/components/schemas/NetworkZoneAsns"},{}]},"exclude":{"allOf":[{"$ref":"#/components/schemas/NetworkZoneAsns"},{}]}}},"locations":{"type":"object","properties":{"include":{"allOf":[{"$ref":"#/components/schemas/NetworkZoneLocationArray"},{}]},"exclude":{"allOf":[{"$ref":"#/components/schemas/NetworkZoneLocationArray"},{}]}}},"ipServiceCategories":{"type":"object","properties":{"include":{"type":"array","items":{"$ref":"#/components/schemas/IPServiceCategory"},"maximum":75},"exclude":{"type":"array","items":{"$ref":"#/components/schemas/IPServiceCategory"},"maximum":75}}}}}]},"EnrollmentPolicyAuthenticatorGracePeriod":{"type":"object","properties":{"type":{"type":"string","enum":["BY_DATE_TIME","BY_DATE_TIME","BY_SKIP_COUNT"]}},"discriminator":{"propertyName":"type","mapping":{"BY_DATE_TIME":"#/components/schemas/ByDateTimeAuthenticatorGracePeriodExpiry","BY_SKIP_COUNT":"#/components/schemas/BySkipCountAuthenticatorGracePeriod"}}},"EntityRiskPolicy":{"allOf":[{"$ref":"#/components/schemas/Policy"},{"type":"object"}],"properties":{"conditions":{"type":"string","nullable":true}}},"EntityRiskPolicyRule":{"allOf":[{"$ref":"#/components/schemas/PolicyRule"},{"type":"object","properties":{"actions":{"type":"object","properties":{"entityRisk":{"type":"object","properties":{"actions":{"type":"array","items":{"$ref":"#/components/schemas/EntityRiskPolicyRuleActionsObject"}}}}}},"conditions":{"$ref":"#/components/schemas/EntityRiskPolicyRuleConditions"}}}]},"EntityRiskPolicyRuleActionRunWorkflow":{"type":"object","properties":{"action":{"type":"string","enum":["RUN_WORKFLOW"]},"workflow":{"type":"object","properties":{"id":{"type":"integer"}}}}},"EntityRiskPolicyRuleActionTerminateAllSessions":{"type":"object","properties":{"action":{"type":"string","enum":["TERMINATE_ALL_SESSIONS"]}}},"EntityRiskPolicyRuleActionsObject":{"type":"object","properties":{"action":{"type":"string","enum":["RUN_WORKFLOW","TERMINATE_ALL_SESSIONS"]}},"discriminator":{"propertyName":"action","mapping":{"RUN_WORKFLOW":"#/components/schemas/EntityRiskPolicyRuleActionRunWorkflow","TERMINATE_ALL_SESSIONS":"#/components/schemas/EntityRiskPolicyRuleActionTerminateAllSessions"}}},"EntityRiskPolicyRuleConditions":{"allOf":[{"type":"object"},{"properties":{"entityRisk":{"$ref":"#/components/schemas/EntityRiskScorePolicyRuleCondition"},"people":{"$ref":"#/components/schemas/PolicyPeopleCondition"},"riskDetectionTypes":{"$ref":"#/components/schemas/RiskDetectionTypesPolicyRuleCondition"}}}]},"EntityRiskScorePolicyRuleCondition":{"type":"object","properties":{"level":{"type":"string","enum":["ANY","LOW","MEDIUM","HIGH"]}},"required":["level"]},"ErrorPageTouchPointVariant":{"type":"string","enum":["BACKGROUND_IMAGE","BACKGROUND_SECONDARY_COLOR","OKTA_DEFAULT"]},"EventHook":{"type":"object","properties":{"channel":{"$ref":"#/components/schemas/EventHookChannel"},"created":{"type":"string","format":"date-time"},"createdBy":{"type":"string"},"description":{"type":"string","nullable":true},"events":{"$ref":"#/components/schemas/EventSubscriptions"},"id":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"name":{"type":"string"},"status":{"type":"string","enum":["ACTIVE","INACTIVE"]},"verificationStatus":{"$ref":"#/components/schemas/EventHookVerificationStatus"},"_links":{"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"properties":{"deactivate":{"$ref":"#/components/schemas/HrefObject"},"verify":{"$ref":"#/components/schemas/HrefObject"}}}]}},"required":["name","events","channel"]},"EventHookChannel":{"type":"object","properties":{"config":{"$ref":"#/components/schemas/EventHookChannelConfig"},"type":{"$ref":"#/components/schemas/EventHookChannelType"},"version":{"type":"string"}},"required":["type","config","version"]},"EventHookChannelConfig":{"type":"object","properties":{"authScheme":{"$ref":"#/components/schemas/EventHookChannelConfigAuthScheme"},"headers":{"type":"array","items":{"$ref":"#/components/schemas/EventHookChannelConfigHeader"}},"method":{"type":"string"},"uri":{"type":"string"}},"required":["uri"]},"EventHookChannelConfigAuthScheme":{"type":"object","properties":{"key":{"type":"string"},"type":{"$ref":"#/components/schemas/EventHookChannelConfigAuthSchemeType"},"value":{"type":"string","writeOnly":true}}},"EventHookChannelConfigAuthSchemeType":{"type":"string","enum":["HEADER"]},"EventHookChannelConfigHeader":{"nullable":true,"type":"object","properties":{"key":{"type":"string"},"value":{"type":"string"}}},"EventHookChannelType":{"type":"string","enum":["HTTP"]},"EventHookFilterMap":{"items":{"$ref":"#/components/schemas/EventHookFilterMapObject"},"type":"array"},"EventHookFilterMapObject":{"type":"object","properties":{"condition":{"$ref":"#/components/schemas/EventHookFilterMapObjectCondition"},"event":{"type":"string"}}},"EventHookFilterMapObjectCondition":{"type":"object","properties":{"expression":{"type":"string"},"version":{"type":"string","nullable":true}}},"EventHookFilters":{"nullable":true,"type":"object","properties":{"eventFilterMap":{"$ref":"#/components/schemas/EventHookFilterMap"},"type":{"type":"string"}}},"EventHookSubscribedEventTypes":{"items":{"type":"string"},"type":"array"},"EventHookVerificationStatus":{"type":"string","enum":["UNVERIFIED","VERIFIED"]},"EventSubscriptionType":{"type":"string","enum":["EVENT_TYPE"]},"EventSubscriptions":{"type":"object","properties":{"filter":{"$ref":"#/components/schemas/EventHookFilters"},"items":{"$ref":"#/components/schemas/EventHookSubscribedEventTypes"},"type":{"$ref":"#/components/schemas/EventSubscriptionType"}},"required":["type","items"]},"ExpiresAt":{"format":"date-time","type":"string"},"FipsEnum":{"type":"string","enum":["OPTIONAL","REQUIRED"]},"GracePeriod":{"type":"object","properties":{"expiry":{"oneOf":[{"$ref":"#/components/schemas/DateTime"},{"$ref":"#/components/schemas/TimeDuration"}]},"type":{"type":"string","enum":["BY_DATE_TIME","BY_DURATION"]}}},"GracePeriodRequiredSoon":{"type":"object","properties":{"gracePeriodRequiredSoonCustomLinkLabel":{"type":"string"},"gracePeriodRequiredSoonCustomLinkUrl":{"type":"string"},"gracePeriodRequiredSoonDescription":{"type":"string"}}},"GrantOrTokenStatus":{"type":"string","enum":["ACTIVE","REVOKED"]},"GrantType":{"type":"string","enum":["authorization_code","client_credentials","implicit","interaction_code","password","refresh_token","urn:ietf:params:oauth:grant-type:device_code","urn:ietf:params:oauth:grant-type:jwt-bearer","urn:ietf:params:oauth:grant-type:saml2-bearer","urn:ietf:params:oauth:grant-type:token-exchange","urn:openid:params:grant-type:ciba","urn:okta:params:oauth:grant-type:otp","urn:okta:params:oauth:grant-type:oob","http://auth0.com/oauth/grant-type/mfa-otp","http://auth0.com/oauth/grant-type/mfa-oob"]},"GrantTypePolicyRuleCondition":{"type":"object","properties":{"include":{"type":"array","items":{"type":"string"}}}},"Group":{"type":"object","properties":{"created":{"type":"string","format":"date-time"},"id":{"type":"string"},"lastMembershipUpdated":{"type":"string","format":"date-time"},"lastUpdated":{"type":"string","format":"date-time"},"objectClass":{"type":"array","items":{"type":"string"}},"profile":{"$ref":"#/components/schemas/GroupProfile"},"type":{"$ref":"#/components/schemas/GroupType"},"_embedded":{"type":"object","properties":{"stats":{"type":"object","properties":{"usersCount":{"type":"integer","format":"int32"},"appsCount":{"type":"integer","format":"int32"},"groupPushMappingsCount":{"type":"integer","format":"int32"},"hasAdminPrivlege":{"type":"boolean"}}},"app":{"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"},"label":{"type":"string"},"signOnMode":{"type":"string"}}}}},"_links":{"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"properties":{"apps":{"$ref":"#/components/schemas/HrefObject"},"logo":{"type":"array","items":{"$ref":"#/components/schemas/HrefObject"}},"source":{"$ref":"#/components/schemas/HrefObject"},"users":{"$ref":"#/components/schemas/HrefObject"}}}]}}},"GroupAssignmentProfile":{"additionalProperties":true,"type":"object"},"GroupCondition":{"type":"object","properties":{"exclude":{"type":"array","items":{"type":"string"}},"include":{"type":"array","items":{"type":"string"}}}},"GroupOwner":{"type":"object","properties":{"displayName":{"type":"string"},"id":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"originId":{"type":"string"},"originType":{"$ref":"#/components/schemas/GroupOwnerOriginType"},"resolved":{"type":"boolean"},"type":{"$ref":"#/components/schemas/GroupOwnerType"}}},"GroupOwnerOriginType":{"type":"string","enum":["APPLICATION","OKTA_DIRECTORY"]},"GroupOwnerType":{"type":"string","enum":["GROUP","USER"]},"GroupProfile":{"anyOf":[{"$ref":"#/components/schemas/OktaUserGroupProfile"},{"$ref":"#/components/schemas/OktaActiveDirectoryGroupProfile"}]},"GroupRule":{"type":"object","properties":{"actions":{"$ref":"#/components/schemas/GroupRuleAction"},"conditions":{"$ref":"#/components/schemas/GroupRuleConditions"},"created":{"type":"string","format":"date-time"},"id":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"name":{"type":"string","minLength":1,"maxLength":50},"status":{"$ref":"#/components/schemas/GroupRuleStatus"},"type":{"type":"string"},"_embedded":{"type":"object","properties":{"groupIdToGroupNameMap":{"type":"object","additionalProperties":{"type":"string"}}}}}},"GroupRuleAction":{"type":"object","properties":{"assignUserToGroups":{"$ref":"#/components/schemas/GroupRuleGroupAssignment"}}},"GroupRuleConditions":{"type":"object","properties":{"expression":{"$ref":"#/components/schemas/GroupRuleExpression"},"people":{"$ref":"#/components/schemas/GroupRulePeopleCondition"}}},"GroupRuleExpression":{"type":"object","properties":{"type":{"type":"string"},"value":{"type":"string"}}},"GroupRuleGroupAssignment":{"type":"object","properties":{"groupIds":{"type":"array","items":{"type":"string"}}}},"GroupRuleGroupCondition":{"type":"object","properties":{"exclude":{"type":"array","items":{"type":"string"}}}},"GroupRulePeopleCondition":{"type":"object","properties":{"groups":{"$ref":"#/components/schemas/GroupRuleGroupCondition"},"users":{"$ref":"#/components/schemas/GroupRuleUserCondition"}}},"GroupRuleStatus":{"type":"string","enum":["ACTIVE","INACTIVE","INVALID"]},"GroupRuleUserCondition":{"type":"object","properties":{"exclude":{"type":"array","items":{"type":"string"}}}},"GroupType":{"type":"string","enum":["APP_GROUP","BUILT_IN","OKTA_GROUP"]},"GroupsLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HelpLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefHints":{"type":"object","properties":{"allow":{"type":"array","items":{"$ref":"#/components/schemas/HttpMethod"}}}},"HrefObject":{"additionalProperties":true,"type":"object","properties":{"hints":{"$ref":"#/components/schemas/HrefHints"},"href":{"type":"string"},"name":{"type":"string"},"templated":{"type":"boolean"},"type":{"type":"string"}},"required":["href"]},"HrefObjectActivateLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectAppLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectAssigneeLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectBindingsLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectDeactivateLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectDeleteLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectGroupLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectLogoLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectMappingsLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectMemberLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectNextLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectPermissionsLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectResourceSetLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectResourceSetResourcesLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectRoleLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectRulesLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectSelfLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HrefObjectUserLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"HttpMethod":{"type":"string","enum":["DELETE","GET","POST","PUT"]},"IDVAuthorizationEndpoint":{"type":"object","properties":{"binding":{"type":"string","enum":["HTTP-REDIRECT"]},"url":{"type":"string"}}},"IDVCredentials":{"type":"object","properties":{"bearer":{"type":"object","properties":{"apiKey":{"type":"string"}},"required":["apiKey"]},"client":{"type":"object","properties":{"client_id":{"type":"string"},"client_secret":{"type":"string"}},"required":["client_id","client_secret"]}}},"IDVEndpoints":{"type":"object","properties":{"authorization":{"$ref":"#/components/schemas/IDVAuthorizationEndpoint"},"jwks":{"$ref":"#/components/schemas/OidcJwksEndpoint"},"par":{"$ref":"#/components/schemas/IDVParEndpoint"},"token":{"$ref":"#/components/schemas/IDVTokenEndpoint"}},"required":["par","authorization","token","jwks"]},"IDVParEndpoint":{"type":"object","properties":{"binding":{"type":"string","enum":["HTTP-POST"]},"url":{"type":"string"}}},"IDVTokenEndpoint":{"type":"object","properties":{"binding":{"type":"string","enum":["HTTP-POST"]},"url":{"type":"string"}}},"IPNetworkZone":{"allOf":[{"$ref":"#/components/schemas/NetworkZone"},{},{"type":"object","properties":{"useAsExemptList":{"type":"boolean"},"gateways":{"type":"array","items":{"$ref":"#/components/schemas/NetworkZoneAddress"}},"proxies":{"type":"array","items":{"$ref":"#/components/schemas/NetworkZoneAddress"},"nullable":true}}}]},"IPServiceCategory":{"type":"string","enum":["ABCPROXY_PROXY","ALL_ANONYMIZERS","ALL_ANONYMIZERS_EXCEPT_TOR","ALL_IP_SERVICES","ALL_PROXIES_VPNS","ANONYMIZER_TOR","APPLE_ICLOUD_RELAY_PROXY","ASTRILL_VPN","AVAST_VPN","BIGMAMA_PROXY","CYBERGHOST_VPN","DATAIMPULSE_PROXY","EXPRESS_VPN","FACELESS_PROXY","FROXY_PROXY","GEONODE_PROXY","GLOBALPROTECT_VPN","GOOGLE_VPN","IPCOLA_PROXY","IPIDEA_PROXY","IPROXYSHOP_PROXY","LUMINATI_PROXY","MULLVAD_VPN","NETNUT_PROXY","NEXUS_PROXY","NORD_VPN","OCULUS_PROXY","OXYLABS_PROXY","PIA_VPN","PROXYRACK_PROXY","SAMSUNG_VPN","SPACEPROXIES_PROXY","SURFSHARK_VPN","SYMANTEC_VPN","TRENDMICRO_VPN","ULTRASURF_VPN","WARP_VPN","YILU_PROXY"]},"IamRole":{"type":"object","properties":{"created":{"type":"string","format":"date-time"},"description":{"type":"string"},"id":{"type":"string"},"label":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"_links":{"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"properties":{"permissions":{"$ref":"#/components/schemas/HrefObject"}}}]}},"required":["label","description"]},"IamRoles":{"type":"object","properties":{"roles":{"type":"array","items":{"$ref":"#/components/schemas/IamRole"}},"_links":{"$ref":"#/components/schemas/LinksNext"}}},"IdPKeyCredential":{"additionalProperties":true,"type":"object","properties":{"created":{"$ref":"#/components/schemas/Created"},"e":{"type":"string"},"expiresAt":{"$ref":"#/components/schemas/ExpiresAt"},"kid":{"type":"string"},"kty":{"type":"string"},"lastUpdated":{"$ref":"#/components/schemas/LastUpdated"},"n":{"type":"string"},"use":{"type":"string"},"x5c":{"$ref":"#/components/schemas/X5c"},"x5t#S256":{"type":"string"}}},"IdProofingMethod":{"allOf":[{"$ref":"#/components/schemas/VerificationMethod"},{"type":"object","properties":{"id":{"type":"string"}}}]},"IdTokenKeyEncryptionAlgorithm":{"type":"string","enum":["RSA-OAEP-256","RSA-OAEP-384","RSA-OAEP-512"]},"IdentityClaimSourcingPolicy":{"allOf":[{"$ref":"#/components/schemas/Policy"},{"type":"object","properties":{"conditions":{"type":"string","nullable":true}}}]},"IdentityClaimSourcingPolicyRule":{"allOf":[{"$ref":"#/components/schemas/PolicyRule"},{"type":"object","properties":{"actions":{"$ref":"#/components/schemas/IdentityClaimSourcingPolicyRuleAction"},"conditions":{"type":"string","nullable":true}}}]},"IdentityClaimSourcingPolicyRuleAction":{"type":"object","properties":{"claimSourcing":{"type":"object","required":["redirectType"],"properties":{"redirectType":{"type":"string","enum":["IDP_DISCOVERY"]},"refresh":{"type":"object","required":["redirectType"],"properties":{"redirectType":{"type":"string","enum":["NONE","FIXED"]},"filter":{"type":"object","properties":{"include":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"}}}}}}}}}}}},"IdentityProvider":{"type":"object","properties":{"created":{"$ref":"#/components/schemas/Created"},"id":{"type":"string"},"issuerMode":{"$ref":"#/components/schemas/IdentityProviderIssuerMode"},"lastUpdated":{"$ref":"#/components/schemas/LastUpdated"},"name":{"type":"string","maxLength":100},"policy":{"$ref":"#/components/schemas/IdentityProviderPolicy"},"properties":{"$ref":"#/components/schemas/IdentityProviderProperties"},"protocol":{"oneOf":[{"$ref":"#/components/schemas/ProtocolSaml"},{"$ref":"#/components/schemas/ProtocolOAuth"},{"$ref":"#/components/schemas/ProtocolOidc"},{"$ref":"#/components/schemas/ProtocolMtls"},{"$ref":"#/components/schemas/ProtocolIdVerification"}],"discriminator":{"propertyName":"type","mapping":{"SAML2":"#/components/schemas/ProtocolSaml","OAUTH2":"#/components/schemas/ProtocolOAuth","OIDC":"#/components/schemas/ProtocolOidc","MTLS":"#/components/schemas/ProtocolMtls","ID_PROOFING":"#/components/schemas/ProtocolIdVerification"}}},"status":{"$ref":"#/components/schemas/LifecycleStatus"},"type":{"$ref":"#/components/schemas/IdentityProviderType"},"_links":{"type":"object","additionalProperties":true,"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"properties":{"acs":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"authorize":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"clientRedirectUri":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"metadata":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"users":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"deactivate":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"activate":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"keys":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]}}}]}}},"IdentityProviderIssuerMode":{"type":"string","enum":["CUSTOM_URL","DYNAMIC","ORG_URL"]},"IdentityProviderPolicy":{"allOf":[{"type":"object","properties":{"accountLink":{"$ref":"#/components/schemas/PolicyAccountLink"},"maxClockSkew":{"type":"integer"},"trustClaims":{"type":"boolean"},"provisioning":{"$ref":"#/components/schemas/Provisioning"},"subject":{"$ref":"#/components/schemas/PolicySubject"}}}]},"IdentityProviderPolicyProvider":{"type":"string","enum":["ANY","OKTA","SPECIFIC_IDP"]},"IdentityProviderPolicyRuleCondition":{"type":"object","properties":{"idpIds":{"type":"array","items":{"type":"string"}},"provider":{"$ref":"#/components/schemas/IdentityProviderPolicyProvider"}}},"IdentityProviderProperties":{"nullable":true,"type":"object","properties":{"aalValue":{"type":"string","nullable":true},"additionalAmr":{"type":"array","nullable":true,"items":{"type":"string","enum":["sc","hwk","pin","mfa"]}},"allowDynamicUserMatching":{"type":"boolean"},"allowUserUpdates":{"type":"boolean"},"ialValue":{"type":"string","nullable":true},"idvMetadata":{"type":"object","properties":{"vendorDisplayName":{"type":"string"},"termsOfUse":{"type":"string"},"privacyPolicy":{"type":"string"}}},"inquiryTemplateId":{"type":"string"}},"required":["inquiryTemplateId"]},"IdentityProviderType":{"type":"string","enum":["AMAZON","APPLE","DISCORD","FACEBOOK","GITHUB","GITLAB","GOOGLE","IDV_CLEAR","IDV_INCODE","IDV_PERSONA","IDV_STANDARD","LINKEDIN","LOGINGOV","LOGINGOV_SANDBOX","MICROSOFT","OIDC","OKTA_INTEGRATION","PAYPAL","PAYPAL_SANDBOX","SALESFORCE","SAML2","SPOTIFY","X509","XERO","YAHOO","YAHOOJP"]},"IdpDiscoveryPlatformConditionEvaluatorPlatform":{"type":"object","properties":{"os":{"$ref":"#/components/schemas/IdpDiscoveryPlatformConditionEvaluatorPlatformOperatingSystem"},"type":{"$ref":"#/components/schemas/PolicyPlatformType"}}},"IdpDiscoveryPlatformConditionEvaluatorPlatformOperatingSystem":{"type":"object","properties":{"expression":{"type":"string"},"type":{"$ref":"#/components/schemas/IdpDiscoveryPolicyPlatformOperatingSystemType"},"version":{"$ref":"#/components/schemas/PlatformConditionEvaluatorPlatformOperatingSystemVersion"}}},"IdpDiscoveryPlatformPolicyRuleCondition":{"type":"object","properties":{"exclude":{"type":"array","items":{"$ref":"#/components/schemas/IdpDiscoveryPlatformConditionEvaluatorPlatform"}},"include":{"type":"array","items":{"$ref":"#/components/schemas/IdpDiscoveryPlatformConditionEvaluatorPlatform"}}}},"IdpDiscoveryPolicy":{"allOf":[{"$ref":"#/components/schemas/Policy"},{"type":"object","properties":{"conditions":{"type":"string","nullable":true}}}]},"IdpDiscoveryPolicyPlatformOperatingSystemType":{"type":"string","enum":["ANDROID","ANY","CHROMEOS","IOS","OSX","OTHER","WINDOWS","LINUX"]},"IdpDiscoveryPolicyRule":{"allOf":[{"$ref":"#/components/schemas/PolicyRule"},{"type":"object","properties":{"actions":{"$ref":"#/components/schemas/IdpPolicyRuleAction"},"conditions":{"$ref":"#/components/schemas/IdpDiscoveryPolicyRuleCondition"}}}]},"IdpDiscoveryPolicyRuleCondition":{"allOf":[{},{"type":"object","properties":{"app":{"$ref":"#/components/schemas/AppAndInstancePolicyRuleCondition"},"network":{"$ref":"#/components/schemas/PolicyNetworkCondition"},"platform":{"$ref":"#/components/schemas/IdpDiscoveryPlatformPolicyRuleCondition"},"userIdentifier":{"$ref":"#/components/schemas/UserIdentifierPolicyRuleCondition"}}}]},"IdpPolicyRuleAction":{"type":"object","properties":{"idp":{"type":"object","properties":{"providers":{"items":{"$ref":"#/components/schemas/IdpPolicyRuleActionProvider"},"type":"array"},"idpSelectionType":{"$ref":"#/components/schemas/IdpSelectionType"},"matchCriteria":{"items":{"$ref":"#/components/schemas/IdpPolicyRuleActionMatchCriteria"},"type":"array"},"shouldFallBackToOkta":{"type":"boolean"}}}}},"IdpPolicyRuleActionMatchCriteria":{"type":"object","properties":{"propertyName":{"type":"string"},"providerExpression":{"type":"string"}}},"IdpPolicyRuleActionProvider":{"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"},"type":{"$ref":"#/components/schemas/IdentityProviderType"}}},"IdpSelectionType":{"type":"string","enum":["DYNAMIC","SPECIFIC"]},"IframeEmbedScopeAllowedApps":{"type":"string","enum":["OKTA_ENDUSER"]},"InactivityPolicyRuleCondition":{"type":"object","properties":{"number":{"type":"integer"},"unit":{"type":"string"}}},"JsonWebKey":{"type":"object","properties":{"created":{"$ref":"#/components/schemas/createdProperty"},"e":{"type":"string"},"expiresAt":{"type":"string","format":"date-time"},"kid":{"type":"string"},"kty":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time","$ref":"#/components/schemas/lastUpdatedProperty"},"n":{"type":"string"},"use":{"type":"string"},"x5c":{"type":"array","items":{"type":"string"}},"x5t#S256":{"type":"string"}}},"JsonWebKeyStatus":{"type":"string","enum":["ACTIVE","INACTIVE"]},"JsonWebKeyType":{"type":"string","enum":["RSA"]},"JsonWebKeyUse":{"type":"string","enum":["enc"]},"KeepMeSignedIn":{"type":"object","properties":{"postAuth":{"type":"string","enum":["ALLOWED","NOT_ALLOWED"]},"postAuthPromptFrequency":{"$ref":"#/components/schemas/TimeDuration"}}},"KeyTrustLevelBrowserKey":{"type":"string","enum":["CHROME_BROWSER_HW_KEY","CHROME_BROWSER_OS_KEY"]},"KeyTrustLevelOSMode":{"type":"string","enum":["CHROME_OS_DEVELOPER_MODE","CHROME_OS_VERIFIED_MODE"]},"KnowledgeConstraint":{"allOf":[{"$ref":"#/components/schemas/AccessPolicyConstraint"}]},"Language":{"type":"string"},"LastUpdated":{"format":"date-time","type":"string"},"LifecycleExpirationPolicyRuleCondition":{"type":"object","properties":{"lifecycleStatus":{"type":"string"},"number":{"type":"integer"},"unit":{"type":"string"}}},"LifecycleStatus":{"type":"string","enum":["ACTIVE","INACTIVE"]},"LinksActivate":{"type":"object","properties":{"activate":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]}}},"LinksAppAndUser":{"type":"object","properties":{"app":{"$ref":"#/components/schemas/HrefObjectAppLink"},"group":{"$ref":"#/components/schemas/HrefObjectGroupLink"},"user":{"$ref":"#/components/schemas/HrefObjectUserLink"}}},"LinksAssignee":{"type":"object","properties":{"assignee":{"$ref":"#/components/schemas/HrefObjectAssigneeLink"}}},"LinksCancel":{"type":"object","properties":{"cancel":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]}}},"LinksCustomRoleResponse":{"type":"object","properties":{"assignee":{"$ref":"#/components/schemas/HrefObjectAssigneeLink"},"member":{"$ref":"#/components/schemas/HrefObjectMemberLink"},"permissions":{"$ref":"#/components/schemas/HrefObjectPermissionsLink"},"resource-set":{"$ref":"#/components/schemas/HrefObjectResourceSetLink"},"role":{"$ref":"#/components/schemas/HrefObjectRoleLink"}}},"LinksDeactivate":{"type":"object","properties":{"deactivate":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]}}},"LinksEnroll":{"type":"object","properties":{"enroll":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]}}},"LinksFactor":{"type":"object","properties":{"factor":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]}}},"LinksNext":{"type":"object","properties":{"next":{"$ref":"#/components/schemas/HrefObjectNextLink"}}},"LinksNextForRoleAssignments":{"type":"object","properties":{"next":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]}}},"LinksPoll":{"type":"object","properties":{"poll":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]}}},"LinksQrcode":{"type":"object","properties":{"qrcode":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]}}},"LinksQuestions":{"type":"object","properties":{"question":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]}}},"LinksResend":{"type":"object","properties":{"resend":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]}}},"LinksSelf":{"type":"object","properties":{"self":{"$ref":"#/components/schemas/HrefObjectSelfLink"}}},"LinksSelfAndLifecycle":{"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"type":"object","properties":{"activate":{"$ref":"#/components/schemas/HrefObjectActivateLink"},"deactivate":{"$ref":"#/components/schemas/HrefObjectDeactivateLink"}}}]},"LinksSelfAndRoles":{"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"type":"object","properties":{"roles":{"$ref":"#/components/schemas/HrefObjectRoleLink"}}}]},"LinksSend":{"type":"object","properties":{"send":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]}}},"LinksUserFactors":{"type":"object","properties":{"user":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]}}},"LinksVerify":{"type":"object","properties":{"verify":{"allOf":[{},{"$ref":"#/components/schemas/HrefObject"}]}}},"LoadingPageTouchPointVariant":{"type":"string","enum":["NONE","OKTA_DEFAULT"]},"LocationGranularity":{"type":"string","enum":["CITY","COUNTRY","LAT_LONG","SUBDIVISION"]},"LogStream":{"type":"object","properties":{"created":{"type":"string","format":"date-time"},"id":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"name":{"$ref":"#/components/schemas/LogStreamName"},"status":{"type":"string","enum":["ACTIVE","INACTIVE"]},"type":{"$ref":"#/components/schemas/LogStreamType"},"_links":{"$ref":"#/components/schemas/LogStreamLinksSelfAndLifecycle"}},"required":["created","id","lastUpdated","name","status","type","_links"],"discriminator":{"propertyName":"type","mapping":{"aws_eventbridge":"#/components/schemas/LogStreamAws","splunk_cloud_logstreaming":"#/components/schemas/LogStreamSplunk"}}},"LogStreamActivateLink":{"allOf":[{"$ref":"#/components/schemas/LogStreamLinkObject"},{}]},"LogStreamAws":{"allOf":[{"$ref":"#/components/schemas/LogStream"},{"type":"object","properties":{"settings":{"$ref":"#/components/schemas/LogStreamSettingsAws"}},"required":["settings"]}]},"LogStreamDeactivateLink":{"allOf":[{"$ref":"#/components/schemas/LogStreamLinkObject"},{}]},"LogStreamLinkObject":{"type":"object","properties":{"href":{"type":"string"},"method":{"type":"string","enum":["GET","POST"]}},"required":["href"]},"LogStreamLinksSelfAndLifecycle":{"type":"object","properties":{"activate":{"$ref":"#/components/schemas/LogStreamActivateLink"},"deactivate":{"$ref":"#/components/schemas/LogStreamDeactivateLink"},"self":{"$ref":"#/components/schemas/LogStreamSelfLink"}},"required":["self"]},"LogStreamName":{"type":"string"},"LogStreamSelfLink":{"allOf":[{"$ref":"#/components/schemas/LogStreamLinkObject"},{}]},"LogStreamSettingsAws":{"type":"object","properties":{"accountId":{"$ref":"#/components/schemas/AwsAccountId"},"eventSourceName":{"$ref":"#/components/schemas/AwsEventSourceName"},"region":{"$ref":"#/components/schemas/AwsRegion"}},"required":["accountId","eventSourceName","region"]},"LogStreamSettingsSplunk":{"type":"object","properties":{"edition":{"$ref":"#/components/schemas/SplunkEdition"},"host":{"$ref":"#/components/schemas/SplunkHost"},"token":{"$ref":"#/components/schemas/SplunkToken"}},"required":["edition","host","token"]},"LogStreamSplunk":{"allOf":[{"$ref":"#/components/schemas/LogStream"},{"type":"object","properties":{"settings":{"$ref":"#/components/schemas/LogStreamSettingsSplunk"}},"required":["settings"]}]},"LogStreamType":{"type":"string","enum":["aws_eventbridge","splunk_cloud_logstreaming"]},"MetadataLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"MtlsCredentials":{"type":"object","properties":{"trust":{"$ref":"#/components/schemas/MtlsTrustCredentials"}}},"MtlsEndpoints":{"type":"object","properties":{"sso":{"$ref":"#/components/schemas/MtlsSsoEndpoint"}}},"MtlsSsoEndpoint":{"type":"object","properties":{"url":{"type":"string","maxLength":1014}}},"MtlsTrustCredentials":{"type":"object","properties":{"audience":{"type":"string"},"issuer":{"type":"string","maxLength":1024},"kid":{"$ref":"#/components/schemas/ProtocolCredentialsKeyId"},"revocation":{"$ref":"#/components/schemas/MtlsTrustCredentialsRevocation"},"revocationCacheLifetime":{"type":"number","maximum":4320}}},"MtlsTrustCredentialsRevocation":{"type":"string","enum":["CRL","DELTA_CRL","OCSP"]},"NetworkZone":{"type":"object","properties":{"created":{"type":"string","format":"date-time"},"id":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"name":{"type":"string","maxLength":128},"status":{"$ref":"#/components/schemas/NetworkZoneStatus"},"system":{"type":"boolean"},"type":{"$ref":"#/components/schemas/NetworkZoneType"},"usage":{"$ref":"#/components/schemas/NetworkZoneUsage"},"_links":{"$ref":"#/components/schemas/LinksSelfAndLifecycle"}},"required":["name","type"],"discriminator":{"propertyName":"type","mapping":{"IP":"#/components/schemas/IPNetworkZone","DYNAMIC":"#/components/schemas/DynamicNetworkZone","DYNAMIC_V2":"#/components/schemas/EnhancedDynamicNetworkZone"}}},"NetworkZoneAddress":{"type":"object","properties":{"type":{"$ref":"#/components/schemas/NetworkZoneAddressType"},"value":{"type":"string"}}},"NetworkZoneAddressType":{"type":"string","enum":["CIDR","RANGE"]},"NetworkZoneAsns":{"items":{"type":"string"},"maximum":75,"type":"array"},"NetworkZoneLocation":{"type":"object","properties":{"country":{"type":"string","maxLength":2,"minLength":2},"region":{"type":"string"}}},"NetworkZoneLocationArray":{"items":{"$ref":"#/components/schemas/NetworkZoneLocation"},"maximum":75,"nullable":true,"type":"array"},"NetworkZoneStatus":{"type":"string","enum":["ACTIVE","INACTIVE"]},"NetworkZoneType":{"type":"string","enum":["DYNAMIC","IP","DYNAMIC_V2"]},"NetworkZoneUsage":{"type":"string","enum":["BLOCKLIST","POLICY"]},"OAuth2Actor":{"type":"object","properties":{"id":{"type":"string"},"type":{"type":"string"}}},"OAuth2Claim":{"type":"object","properties":{"alwaysIncludeInToken":{"type":"boolean"},"claimType":{"$ref":"#/components/schemas/OAuth2ClaimType"},"conditions":{"$ref":"#/components/schemas/OAuth2ClaimConditions"},"group_filter_type":{"$ref":"#/components/schemas/OAuth2ClaimGroupFilterType"},"id":{"type":"string"},"name":{"type":"string"},"status":{"$ref":"#/components/schemas/LifecycleStatus"},"system":{"type":"boolean"},"value":{"type":"string"},"valueType":{"$ref":"#/components/schemas/OAuth2ClaimValueType"},"_links":{"$ref":"#/components/schemas/LinksSelf"}}},"OAuth2ClaimConditions":{"type":"object","properties":{"scopes":{"type":"array","items":{"type":"string"}}}},"OAuth2ClaimGroupFilterType":{"type":"string","enum":["CONTAINS","EQUALS","REGEX","STARTS_WITH"]},"OAuth2ClaimType":{"type":"string","enum":["IDENTITY","RESOURCE"]},"OAuth2ClaimValueType":{"type":"string","enum":["EXPRESSION","GROUPS","SYSTEM"]},"OAuth2ClientJsonEncryptionKeyResponse":{"allOf":[{"$ref":"#/components/schemas/OAuth2ClientJsonWebKeyRequestBase"},{"$ref":"#/components/schemas/OAuth2ClientJsonWebKeyResponseBase"}],"type":"object","properties":{"e":{"type":"string","nullable":false},"kty":{"type":"string","nullable":false,"enum":["RSA"]},"n":{"type":"string","nullable":false},"use":{"type":"string","nullable":false,"enum":["enc"]}}},"OAuth2ClientJsonSigningKeyResponse":{"oneOf":[{"$ref":"#/components/schemas/OAuth2ClientJsonWebKeyRsaResponse"},{"$ref":"#/components/schemas/OAuth2ClientJsonWebKeyECResponse"}],"discriminator":{"propertyName":"kty","mapping":{"RSA":"#/components/schemas/OAuth2ClientJsonWebKeyRsaResponse","EC":"#/components/schemas/OAuth2ClientJsonWebKeyECResponse"}}},"OAuth2ClientJsonWebKeyECResponse":{"allOf":[{"$ref":"#/components/schemas/OAuth2ClientJsonWebKeyRequestBase"},{"$ref":"#/components/schemas/OAuth2ClientJsonWebKeyResponseBase"}],"type":"object","properties":{"kty":{"type":"string","nullable":false,"enum":["EC"]},"x":{"type":"string"},"y":{"type":"string"}}},"OAuth2ClientJsonWebKeyRequestBase":{"type":"object","properties":{"kid":{"type":"string","nullable":true},"status":{"type":"string","enum":["ACTIVE","INACTIVE"],"nullable":false}}},"OAuth2ClientJsonWebKeyResponseBase":{"type":"object","properties":{"created":{"type":"string","nullable":false},"id":{"type":"string","nullable":false},"lastUpdated":{"type":"string","nullable":false},"_links":{"$ref":"#/components/schemas/OAuthClientSecretLinks","nullable":false}}},"OAuth2ClientJsonWebKeyRsaResponse":{"allOf":[{"$ref":"#/components/schemas/OAuth2ClientJsonWebKeyRequestBase"},{"$ref":"#/components/schemas/OAuth2ClientJsonWebKeyResponseBase"}],"type":"object","properties":{"e":{"type":"string","nullable":false},"kty":{"type":"string","nullable":false,"enum":["RSA"]},"n":{"type":"string","nullable":false}}},"OAuth2Scope":{"type":"object","properties":{"consent":{"$ref":"#/components/schemas/OAuth2ScopeConsentType"},"default":{"type":"boolean"},"description":{"type":"string"},"displayName":{"type":"string"},"id":{"type":"string"},"metadataPublish":{"$ref":"#/components/schemas/OAuth2ScopeMetadataPublish"},"name":{"type":"string"},"optional":{"type":"boolean"},"system":{"type":"boolean"},"_links":{"$ref":"#/components/schemas/LinksSelf"}},"required":["name"]},"OAuth2ScopeConsentGrant":{"type":"object","properties":{"clientId":{"type":"string"},"created":{"$ref":"#/components/schemas/createdProperty"},"createdBy":{"$ref":"#/components/schemas/OAuth2Actor"},"id":{"type":"string"},"issuer":{"type":"string"},"lastUpdated":{"$ref":"#/components/schemas/lastUpdatedProperty"},"scopeId":{"type":"string"},"source":{"$ref":"#/components/schemas/OAuth2ScopeConsentGrantSource"},"status":{"$ref":"#/components/schemas/GrantOrTokenStatus"},"userId":{"type":"string"},"_embedded":{"type":"object","properties":{"scope":{"type":"object","properties":{"id":{"type":"string"}}}}},"_links":{"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"type":"object","properties":{"app":{"allOf":[{"$ref":"#/components/schemas/AppResourceHrefObject"}]},"client":{"allOf":[{"$ref":"#/components/schemas/AppResourceHrefObject"}]},"scope":{"allOf":[{"$ref":"#/components/schemas/ScopeResourceHrefObject"}]},"user":{"allOf":[{"$ref":"#/components/schemas/UserResourceHrefObject"}]},"authorizationServer":{"allOf":[{"$ref":"#/components/schemas/AuthorizationServerResourceHrefObject"}]}}},{}]}},"required":["issuer","scopeId"]},"OAuth2ScopeConsentGrantSource":{"type":"string","enum":["ADMIN","END_USER"]},"OAuth2ScopeConsentType":{"type":"string","enum":["FLEXIBLE","IMPLICIT","REQUIRED"]},"OAuth2ScopeMetadataPublish":{"type":"string","enum":["ALL_CLIENTS","NO_CLIENTS"]},"OAuth2ScopesMediationPolicyRuleCondition":{"type":"object","properties":{"include":{"type":"array","items":{"type":"string"}}}},"OAuthApplicationCredentials":{"allOf":[{"$ref":"#/components/schemas/ApplicationCredentials"},{"type":"object","properties":{"oauthClient":{"$ref":"#/components/schemas/ApplicationCredentialsOAuthClient"}}}]},"OAuthAuthorizationEndpoint":{"type":"object","properties":{"binding":{"$ref":"#/components/schemas/ProtocolEndpointBinding"},"url":{"type":"string"}}},"OAuthClientSecretLinks":{"properties":{"activate":{"$ref":"#/components/schemas/HrefObjectActivateLink"},"deactivate":{"$ref":"#/components/schemas/HrefObjectDeactivateLink"},"delete":{"$ref":"#/components/schemas/HrefObjectDeleteLink"}}},"OAuthCredentials":{"type":"object","properties":{"client":{"$ref":"#/components/schemas/OAuthCredentialsClient"},"signing":{"$ref":"#/components/schemas/AppleClientSigning"}}},"OAuthCredentialsClient":{"type":"object","properties":{"client_id":{"type":"string","maxLength":1024},"client_secret":{"type":"string","maxLength":1024},"pkce_required":{"type":"boolean"},"token_endpoint_auth_method":{"type":"string","enum":["private_key_jwt"]}}},"OAuthEndpointAuthenticationMethod":{"type":"string","enum":["client_secret_basic","client_secret_jwt","client_secret_post","none","private_key_jwt"]},"OAuthEndpoints":{"type":"object","properties":{"authorization":{"$ref":"#/components/schemas/OAuthAuthorizationEndpoint"},"jwks":{"$ref":"#/components/schemas/OidcJwksEndpoint"},"slo":{"$ref":"#/components/schemas/OidcSloEndpoint"},"token":{"$ref":"#/components/schemas/OAuthTokenEndpoint"},"userInfo":{"$ref":"#/components/schemas/OidcUserInfoEndpoint"}}},"OAuthResponseType":{"type":"string","enum":["code","id_token","token"]},"OAuthScopes":{"items":{"type":"string"},"type":"array"},"OAuthTokenEndpoint":{"type":"object","properties":{"binding":{"$ref":"#/components/schemas/ProtocolEndpointBinding"},"url":{"type":"string"}}},"OSVersion":{"type":"object","properties":{"dynamicVersionRequirement":{"type":"object","properties":{"type":{"type":"string","enum":["MINIMUM","EXACT","EXACT_ANY_SUPPORTED"]},"distanceFromLatestMajor":{"type":"integer","minimum":0,"maximum":1},"latestSecurityPatch":{"type":"boolean"}}},"minimum":{"type":"string"}}},"OSVersionConstraint":{"type":"object","properties":{"dynamicVersionRequirement":{"type":"object","properties":{"type":{"type":"string","enum":["MINIMUM","EXACT","EXACT_ANY_SUPPORTED","NOT_ALLOWED"]},"distanceFromLatestMajor":{"type":"integer","minimum":0,"maximum":1},"latestSecurityPatch":{"type":"boolean"}}},"majorVersionConstraint":{"type":"string","enum":["WINDOWS_11","WINDOWS_10"]},"minimum":{"type":"string"}},"required":["majorVersionConstraint"]},"OSVersionFourComponents":{"type":"object","properties":{"minimum":{"type":"string"}}},"OSVersionThreeComponents":{"type":"object","properties":{"minimum":{"type":"string"}}},"OidcAlgorithms":{"type":"object","properties":{"request":{"$ref":"#/components/schemas/OidcRequestAlgorithm"}}},"OidcIssuer":{"type":"object","properties":{"url":{"type":"string"}}},"OidcJwksEndpoint":{"type":"object","properties":{"binding":{"$ref":"#/components/schemas/ProtocolEndpointBinding"},"url":{"type":"string"}}},"OidcRequestAlgorithm":{"type":"object","properties":{"signature":{"$ref":"#/components/schemas/OidcRequestSignatureAlgorithm"}}},"OidcRequestSignatureAlgorithm":{"type":"object","properties":{"algorithm":{"$ref":"#/components/schemas/OidcSigningAlgorithm"},"scope":{"$ref":"#/components/schemas/ProtocolAlgorithmRequestScope"}}},"OidcSettings":{"type":"object","properties":{"participateSlo":{"type":"boolean"},"sendApplicationContext":{"type":"boolean"}}},"OidcSigningAlgorithm":{"type":"string","enum":["HS256","HS384","HS512","RS256","RS384","RS512"]},"OidcSloEndpoint":{"type":"object","properties":{"url":{"type":"string","maxLength":1014}}},"OidcUserInfoEndpoint":{"type":"object","properties":{"binding":{"$ref":"#/components/schemas/ProtocolEndpointBinding"},"url":{"type":"string"}}},"OktaActiveDirectoryGroupProfile":{"type":"object","properties":{"description":{"type":"string"},"dn":{"type":"string"},"externalId":{"type":"string"},"name":{"type":"string"},"samAccountName":{"type":"string"},"windowsDomainQualifiedName":{"type":"string"}}},"OktaSignOnPolicy":{"allOf":[{"$ref":"#/components/schemas/Policy"},{"type":"object","properties":{"conditions":{"$ref":"#/components/schemas/OktaSignOnPolicyConditions"}}}]},"OktaSignOnPolicyConditions":{"allOf":[{"type":"object"},{"properties":{"people":{"type":"object","properties":{"groups":{"type":"object","properties":{"include":{"type":"array","items":{"type":"string"}}}}}}}}]},"OktaSignOnPolicyFactorPromptMode":{"type":"string","enum":["ALWAYS","DEVICE","SESSION"]},"OktaSignOnPolicyRule":{"allOf":[{"$ref":"#/components/schemas/PolicyRule"},{"type":"object","properties":{"actions":{"$ref":"#/components/schemas/OktaSignOnPolicyRuleActions"},"conditions":{"$ref":"#/components/schemas/OktaSignOnPolicyRuleConditions"}}}]},"OktaSignOnPolicyRuleActions":{"allOf":[{"$ref":"#/components/schemas/PolicyRuleActions"},{"type":"object"},{"properties":{"signon":{"$ref":"#/components/schemas/OktaSignOnPolicyRuleSignonActions"}}}]},"OktaSignOnPolicyRuleConditions":{"allOf":[{"type":"object"},{"properties":{"authContext":{"$ref":"#/components/schemas/PolicyRuleAuthContextCondition"},"identityProvider":{"$ref":"#/components/schemas/IdentityProviderPolicyRuleCondition"},"network":{"$ref":"#/components/schemas/PolicyNetworkCondition"},"people":{"$ref":"#/components/schemas/PolicyPeopleCondition"}}}]},"OktaSignOnPolicyRuleSignonActions":{"type":"object","properties":{"access":{"type":"string","enum":["ALLOW","DENY"]},"factorLifetime":{"type":"integer"},"factorPromptMode":{"$ref":"#/components/schemas/OktaSignOnPolicyFactorPromptMode"},"primaryFactor":{"$ref":"#/components/schemas/OktaSignOnPolicyRuleSignonPrimaryFactor"},"rememberDeviceByDefault":{"type":"boolean"},"requireFactor":{"type":"boolean"},"session":{"$ref":"#/components/schemas/OktaSignOnPolicyRuleSignonSessionActions"}}},"OktaSignOnPolicyRuleSignonPrimaryFactor":{"type":"string","enum":["PASSWORD_IDP","PASSWORD_IDP_ANY_FACTOR"]},"OktaSignOnPolicyRuleSignonSessionActions":{"type":"object","properties":{"maxSessionIdleMinutes":{"type":"integer"},"maxSessionLifetimeMinutes":{"type":"integer"},"usePersistentCookie":{"type":"boolean"}}},"OktaUserGroupProfile":{"type":"object","properties":{"description":{"type":"string"},"name":{"type":"string"}}},"OpenIdConnectApplication":{"allOf":[{"$ref":"#/components/schemas/Application"},{"type":"object","properties":{"credentials":{"$ref":"#/components/schemas/OAuthApplicationCredentials"},"name":{"type":"string","enum":["oidc_client"]},"settings":{"$ref":"#/components/schemas/OpenIdConnectApplicationSettings"}},"required":["name","settings","credentials"]}]},"OpenIdConnectApplicationConsentMethod":{"type":"string","enum":["REQUIRED","TRUSTED"]},"OpenIdConnectApplicationIdpInitiatedLogin":{"type":"object","properties":{"default_scope":{"type":"array","items":{"type":"string"}},"mode":{"type":"string","enum":["DISABLED","SPEC","OKTA"]}},"required":["mode"]},"OpenIdConnectApplicationIssuerMode":{"type":"string","enum":["CUSTOM_URL","DYNAMIC","ORG_URL"]},"OpenIdConnectApplicationNetwork":{"type":"object","properties":{"connection":{"type":"string","enum":["ANYWHERE","ZONE"]},"exclude":{"type":"array","items":{"type":"string"}},"include":{"type":"array","items":{"type":"string"}}},"required":["connection"]},"OpenIdConnectApplicationSettings":{"allOf":[{"$ref":"#/components/schemas/ApplicationSettings"},{"type":"object","properties":{"oauthClient":{"$ref":"#/components/schemas/OpenIdConnectApplicationSettingsClient"}}}]},"OpenIdConnectApplicationSettingsClient":{"type":"object","properties":{"application_type":{"$ref":"#/components/schemas/OpenIdConnectApplicationType"},"backchannel_authentication_request_signing_alg":{"type":"string","enum":["HS256","HS384","HS512","RS256","RS384","RS512","ES256","ES384","ES512"]},"backchannel_custom_authenticator_id":{"type":"string","maxLength":20,"minLength":20},"backchannel_token_delivery_mode":{"enum":["poll","ping","push"],"type":"string"},"client_uri":{"type":"string","maxLength":1024},"consent_method":{"$ref":"#/components/schemas/OpenIdConnectApplicationConsentMethod"},"dpop_bound_access_tokens":{"type":"boolean"},"frontchannel_logout_session_required":{"type":"boolean"},"frontchannel_logout_uri":{"type":"string","maxLength":1024},"grant_types":{"type":"array","items":{"$ref":"#/components/schemas/GrantType"}},"id_token_encrypted_response_alg":{"$ref":"#/components/schemas/IdTokenKeyEncryptionAlgorithm"},"idp_initiated_login":{"$ref":"#/components/schemas/OpenIdConnectApplicationIdpInitiatedLogin"},"initiate_login_uri":{"type":"string"},"issuer_mode":{"$ref":"#/components/schemas/OpenIdConnectApplicationIssuerMode"},"jwks":{"$ref":"#/components/schemas/OpenIdConnectApplicationSettingsClientKeys"},"jwks_uri":{"type":"string"},"logo_uri":{"type":"string","maxLength":1024},"network":{"$ref":"#/components/schemas/OpenIdConnectApplicationNetwork"},"participate_slo":{"type":"boolean"},"policy_uri":{"type":"string"},"post_logout_redirect_uris":{"type":"array","items":{"type":"string"}},"redirect_uris":{"type":"array","items":{"type":"string"}},"refresh_token":{"$ref":"#/components/schemas/OpenIdConnectApplicationSettingsRefreshToken"},"request_object_signing_alg":{"type":"string","enum":["HS256","HS384","HS512","RS256","RS384","RS512","ES256","ES384","ES512"]},"response_types":{"type":"array","items":{"$ref":"#/components/schemas/OAuthResponseType"}},"sector_identifier_uri":{"type":"string","maxLength":1024},"subject_type":{"type":"string","enum":["public","pairwise"]},"tos_uri":{"type":"string"},"wildcard_redirect":{"type":"string","enum":["DISABLED","SUBDOMAIN"]}},"required":["grant_types"]},"OpenIdConnectApplicationSettingsClientKeys":{"type":"object","properties":{"keys":{"type":"array","items":{"oneOf":[{"$ref":"#/components/schemas/OAuth2ClientJsonSigningKeyResponse"},{"$ref":"#/components/schemas/OAuth2ClientJsonEncryptionKeyResponse"}]}}}},"OpenIdConnectApplicationSettingsRefreshToken":{"type":"object","properties":{"leeway":{"type":"integer","minimum":0,"maximum":60},"rotation_type":{"$ref":"#/components/schemas/OpenIdConnectRefreshTokenRotationType"}},"required":["rotation_type"]},"OpenIdConnectApplicationType":{"type":"string","enum":["browser","native","service","web"]},"OpenIdConnectRefreshTokenRotationType":{"type":"string","enum":["ROTATE","STATIC"]},"OrgCAPTCHASettings":{"type":"object","properties":{"captchaId":{"type":"string"},"enabledPages":{"type":"array","items":{"$ref":"#/components/schemas/enabledPagesType"}},"_links":{"type":"object","properties":{"self":{"$ref":"#/components/schemas/HrefObject"}}}}},"OrgContactType":{"type":"string","enum":["BILLING","TECHNICAL"]},"OrgContactUser":{"type":"object","properties":{"userId":{"type":"string"},"_links":{"type":"object","properties":{"user":{"$ref":"#/components/schemas/HrefObjectUserLink"}}}}},"OrgOktaCommunicationSetting":{"type":"object","properties":{"optOutEmailUsers":{"type":"boolean"},"_links":{"type":"object","properties":{"optIn":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"optOut":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]}}}}},"OrgOktaSupportSetting":{"type":"string","enum":["DISABLED","ENABLED"]},"OrgOktaSupportSettingsObj":{"type":"object","properties":{"caseNumber":{"type":"string","nullable":true},"expiration":{"format":"date-time","type":"string","nullable":true},"support":{"$ref":"#/components/schemas/OrgOktaSupportSetting"},"_links":{"type":"object","properties":{"extend":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"revoke":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"grant":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"case":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"cases":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]}}}}},"OrgPreferences":{"type":"object","properties":{"showEndUserFooter":{"type":"boolean"},"_links":{"type":"object","properties":{"hideEndUserFooter":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"showEndUserFooter":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]}}}}},"OrgSetting":{"type":"object","properties":{"address1":{"type":"string"},"address2":{"type":"string"},"city":{"type":"string"},"companyName":{"type":"string"},"country":{"type":"string"},"created":{"format":"date-time","type":"string"},"endUserSupportHelpURL":{"type":"string"},"expiresAt":{"format":"date-time","type":"string"},"id":{"type":"string"},"lastUpdated":{"format":"date-time","type":"string"},"phoneNumber":{"type":"string"},"postalCode":{"type":"string"},"state":{"type":"string"},"status":{"type":"string","enum":["ACTIVE","INACTIVE"]},"subdomain":{"type":"string"},"supportPhoneNumber":{"type":"string"},"website":{"type":"string"},"_links":{"$ref":"#/components/schemas/orgGeneralSettingLinks"}}},"OtpProtocol":{"type":"string","enum":["SYMANTEC","TOTP","YUBICO"]},"OtpTotpAlgorithm":{"type":"string","enum":["HMacSHA1","HMacSHA256","HMacSHA512"]},"OtpTotpEncoding":{"type":"string","enum":["base32","base64","hexadecimal"]},"OtpTotpPassCodeLength":{"minimum":6,"maximum":10,"type":"integer"},"OtpTotpTimeIntervalInSeconds":{"type":"integer"},"PasswordCredential":{"type":"object","properties":{"hash":{"$ref":"#/components/schemas/PasswordCredentialHash"},"hook":{"$ref":"#/components/schemas/PasswordCredentialHook"},"value":{"type":"string","writeOnly":true,"format":"password"}}},"PasswordCredentialHash":{"type":"object","properties":{"algorithm":{"$ref":"#/components/schemas/PasswordCredentialHashAlgorithm"},"digestAlgorithm":{"$ref":"#/components/schemas/DigestAlgorithm"},"iterationCount":{"type":"integer"},"keySize":{"type":"integer"},"salt":{"type":"string"},"saltOrder":{"type":"string"},"value":{"type":"string"},"workFactor":{"type":"integer","minimum":1,"maximum":20}}},"PasswordCredentialHashAlgorithm":{"type":"string","enum":["BCRYPT","MD5","PBKDF2","SHA-1","SHA-256","SHA-512"]},"PasswordCredentialHook":{"type":"object","properties":{"type":{"type":"string"}}},"PasswordDictionary":{"type":"object","properties":{"common":{"$ref":"#/components/schemas/PasswordDictionaryCommon"}}},"PasswordDictionaryCommon":{"type":"object","properties":{"exclude":{"type":"boolean"}}},"PasswordExpirationPolicyRuleCondition":{"type":"object","properties":{"number":{"type":"integer"},"unit":{"type":"string"}}},"PasswordPolicy":{"allOf":[{"$ref":"#/components/schemas/Policy"},{"type":"object","properties":{"conditions":{"$ref":"#/components/schemas/PasswordPolicyConditions"},"settings":{"$ref":"#/components/schemas/PasswordPolicySettings"}}}]},"PasswordPolicyAuthenticationProviderCondition":{"type":"object","properties":{"include":{"type":"array","items":{"type":"string"}},"provider":{"$ref":"#/components/schemas/PasswordPolicyAuthenticationProviderType"}}},"PasswordPolicyAuthenticationProviderType":{"type":"string","enum":["ACTIVE_DIRECTORY","ANY","LDAP","OKTA"]},"PasswordPolicyConditions":{"allOf":[{"type":"object"},{},{"properties":{"authProvider":{"$ref":"#/components/schemas/PasswordPolicyAuthenticationProviderCondition"},"people":{"type":"object","properties":{"groups":{"type":"object","properties":{"include":{"type":"array","items":{"type":"string"}}}}}}}}]},"PasswordPolicyDelegationSettings":{"type":"object","properties":{"options":{"$ref":"#/components/schemas/PasswordPolicyDelegationSettingsOptions"}}},"PasswordPolicyDelegationSettingsOptions":{"type":"object","properties":{"skipUnlock":{"type":"boolean"}}},"PasswordPolicyPasswordSettings":{"type":"object","properties":{"age":{"$ref":"#/components/schemas/PasswordPolicyPasswordSettingsAge"},"complexity":{"$ref":"#/components/schemas/PasswordPolicyPasswordSettingsComplexity"},"lockout":{"$ref":"#/components/schemas/PasswordPolicyPasswordSettingsLockout"},"breachedProtection":{"$ref":"#/components/schemas/PasswordPolicyPasswordSettingsBreachedProtection"}}},"PasswordPolicyPasswordSettingsAge":{"type":"object","properties":{"expireWarnDays":{"type":"integer"},"historyCount":{"type":"integer"},"maxAgeDays":{"type":"integer"},"minAgeMinutes":{"type":"integer"}}},"PasswordPolicyPasswordSettingsBreachedProtection":{"type":"object","properties":{"delegatedWorkflowId":{"type":"string","nullable":true},"expireAfterDays":{"type":"integer","nullable":true},"logoutEnabled":{"type":"boolean","nullable":true}}},"PasswordPolicyPasswordSettingsComplexity":{"type":"object","properties":{"dictionary":{"$ref":"#/components/schemas/PasswordDictionary"},"excludeAttributes":{"type":"array","items":{"type":"string"}},"excludeUsername":{"type":"boolean"},"maxConsecutiveCharacters":{"type":"integer","maximum":72,"minimum":1},"minLength":{"type":"integer"},"minLowerCase":{"type":"integer"},"minNumber":{"type":"integer"},"minSymbol":{"type":"integer"},"minUpperCase":{"type":"integer"},"oelStatement":{"type":"string"}}},"PasswordPolicyPasswordSettingsLockout":{"type":"object","properties":{"autoUnlockMinutes":{"type":"integer"},"maxAttempts":{"type":"integer"},"showLockoutFailures":{"type":"boolean"},"userLockoutNotificationChannels":{"type":"array","items":{"type":"string"}}}},"PasswordPolicyRecoveryEmail":{"type":"object","properties":{"properties":{"$ref":"#/components/schemas/PasswordPolicyRecoveryEmailProperties"},"status":{"allOf":[{"$ref":"#/components/schemas/LifecycleStatus"},{}]}}},"PasswordPolicyRecoveryEmailProperties":{"type":"object","properties":{"recoveryToken":{"$ref":"#/components/schemas/PasswordPolicyRecoveryEmailRecoveryToken"}}},"PasswordPolicyRecoveryEmailRecoveryToken":{"type":"object","properties":{"tokenLifetimeMinutes":{"type":"integer"}}},"PasswordPolicyRecoveryFactorSettings":{"type":"object","properties":{"status":{"allOf":[{"$ref":"#/components/schemas/LifecycleStatus"},{}]}}},"PasswordPolicyRecoveryFactors":{"type":"object","properties":{"okta_call":{"$ref":"#/components/schemas/PasswordPolicyRecoveryFactorSettings"},"okta_email":{"$ref":"#/components/schemas/PasswordPolicyRecoveryEmail"},"okta_sms":{"$ref":"#/components/schemas/PasswordPolicyRecoveryFactorSettings"},"recovery_question":{"$ref":"#/components/schemas/PasswordPolicyRecoveryQuestion"}}},"PasswordPolicyRecoveryQuestion":{"type":"object","properties":{"properties":{"$ref":"#/components/schemas/PasswordPolicyRecoveryQuestionProperties"},"status":{"allOf":[{"$ref":"#/components/schemas/LifecycleStatus"},{}]}}},"PasswordPolicyRecoveryQuestionComplexity":{"type":"object","properties":{"minLength":{"type":"integer"}}},"PasswordPolicyRecoveryQuestionProperties":{"type":"object","properties":{"complexity":{"$ref":"#/components/schemas/PasswordPolicyRecoveryQuestionComplexity"}}},"PasswordPolicyRecoverySettings":{"type":"object","properties":{"factors":{"$ref":"#/components/schemas/PasswordPolicyRecoveryFactors"}}},"PasswordPolicyRule":{"allOf":[{"$ref":"#/components/schemas/PolicyRule"},{"type":"object","properties":{"actions":{"$ref":"#/components/schemas/PasswordPolicyRuleActions"},"conditions":{"$ref":"#/components/schemas/PasswordPolicyRuleConditions"}}}]},"PasswordPolicyRuleAction":{"type":"object","properties":{"access":{"$ref":"#/components/schemas/PolicyAccess"}}},"PasswordPolicyRuleActions":{"allOf":[{"$ref":"#/components/schemas/PolicyRuleActions"},{"type":"object"},{"properties":{"passwordChange":{"$ref":"#/components/schemas/PasswordPolicyRuleAction"},"selfServicePasswordReset":{"$ref":"#/components/schemas/SelfServicePasswordResetAction"},"selfServiceUnlock":{"$ref":"#/components/schemas/PasswordPolicyRuleAction"}}}]},"PasswordPolicyRuleConditions":{"type":"object","properties":{"network":{"$ref":"#/components/schemas/PolicyNetworkCondition"},"people":{"$ref":"#/components/schemas/PolicyPeopleCondition"}}},"PasswordPolicySettings":{"type":"object","properties":{"delegation":{"$ref":"#/components/schemas/PasswordPolicyDelegationSettings"},"password":{"$ref":"#/components/schemas/PasswordPolicyPasswordSettings"},"recovery":{"$ref":"#/components/schemas/PasswordPolicyRecoverySettings"}}},"PasswordProtectionWarningTrigger":{"type":"string","enum":["PASSWORD_PROTECTION_OFF","PASSWORD_REUSE","PHISHING_REUSE"]},"Permission":{"type":"object","properties":{"conditions":{"$ref":"#/components/schemas/PermissionConditions"},"created":{"type":"string","format":"date-time"},"label":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"_links":{"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"properties":{"role":{"$ref":"#/components/schemas/HrefObjectRoleLink"}}}]}}},"PermissionConditions":{"nullable":true,"type":"object","properties":{"exclude":{"type":"object","additionalProperties":{"type":"object","properties":{}},"nullable":true},"include":{"type":"object","additionalProperties":{"type":"object","properties":{}},"nullable":true}}},"Permissions":{"type":"object","properties":{"permissions":{"type":"array","items":{"$ref":"#/components/schemas/Permission"}}}},"PipelineType":{"type":"string","enum":["idx","v1"]},"Platform":{"type":"string","enum":["ANDROID","CHROMEOS","IOS","MACOS","WINDOWS"]},"PlatformConditionEvaluatorPlatform":{"type":"object","properties":{"os":{"$ref":"#/components/schemas/PlatformConditionEvaluatorPlatformOperatingSystem"},"type":{"$ref":"#/components/schemas/PolicyPlatformType"}}},"PlatformConditionEvaluatorPlatformOperatingSystem":{"type":"object","properties":{"expression":{"type":"string"},"type":{"$ref":"#/components/schemas/PolicyPlatformOperatingSystemType"},"version":{"$ref":"#/components/schemas/PlatformConditionEvaluatorPlatformOperatingSystemVersion"}}},"PlatformConditionEvaluatorPlatformOperatingSystemVersion":{"type":"object","properties":{"matchType":{"$ref":"#/components/schemas/PlatformConditionOperatingSystemVersionMatchType"},"value":{"type":"string"}}},"PlatformConditionOperatingSystemVersionMatchType":{"type":"string","enum":["EXPRESSION","SEMVER"]},"PlatformPolicyRuleCondition":{"type":"object","properties":{"exclude":{"type":"array","items":{"$ref":"#/components/schemas/PlatformConditionEvaluatorPlatform"}},"include":{"type":"array","items":{"$ref":"#/components/schemas/PlatformConditionEvaluatorPlatform"}}}},"PlayProtectVerdict":{"type":"string","enum":["HIGH","LOW","MEDIUM"]},"Policy":{"type":"object","properties":{"created":{"type":"string","format":"date-time"},"description":{"type":"string"},"id":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"name":{"type":"string"},"priority":{"type":"integer"},"status":{"allOf":[{"$ref":"#/components/schemas/LifecycleStatus"},{}]},"system":{"type":"boolean"},"type":{"$ref":"#/components/schemas/PolicyType"},"_embedded":{"type":"object","additionalProperties":{"type":"object","properties":{}}},"_links":{"$ref":"#/components/schemas/PolicyLinks"}},"required":["name","type"],"discriminator":{"propertyName":"type","mapping":{"ACCESS_POLICY":"#/components/schemas/AccessPolicy","IDP_DISCOVERY":"#/components/schemas/IdpDiscoveryPolicy","MFA_ENROLL":"#/components/schemas/AuthenticatorEnrollmentPolicy","OKTA_SIGN_ON":"#/components/schemas/OktaSignOnPolicy","PASSWORD":"#/components/schemas/PasswordPolicy","PROFILE_ENROLLMENT":"#/components/schemas/ProfileEnrollmentPolicy","POST_AUTH_SESSION":"#/components/schemas/PostAuthSessionPolicy","ENTITY_RISK":"#/components/schemas/EntityRiskPolicy","SESSION_VIOLATION_DETECTION":"#/components/schemas/SessionViolationDetectionPolicy","DEVICE_SIGNAL_COLLECTION":"#/components/schemas/DeviceSignalCollectionPolicy","CLIENT_UPDATE":"#/components/schemas/ClientUpdatePolicy","IDENTITY_CLAIM_SOURCING":"#/components/schemas/IdentityClaimSourcingPolicy","USER_LIFECYCLE":"#/components/schemas/UserLifecyclePolicy"}}},"PolicyAccess":{"type":"string","enum":["ALLOW","DENY"]},"PolicyAccountLink":{"type":"object","properties":{"action":{"$ref":"#/components/schemas/PolicyAccountLinkAction"},"filter":{"$ref":"#/components/schemas/PolicyAccountLinkFilter"}}},"PolicyAccountLinkAction":{"type":"string","enum":["AUTO","DISABLED"]},"PolicyAccountLinkFilter":{"type":"object","properties":{"groups":{"$ref":"#/components/schemas/PolicyAccountLinkFilterGroups"},"users":{"$ref":"#/components/schemas/PolicyAccountLinkFilterUsers"}}},"PolicyAccountLinkFilterGroups":{"type":"object","properties":{"include":{"type":"array","items":{"type":"string"}}}},"PolicyAccountLinkFilterUsers":{"type":"object","properties":{"exclude":{"type":"array","items":{"type":"string"}},"excludeAdmins":{"type":"boolean"}}},"PolicyLinks":{"type":"object","properties":{"activate":{"$ref":"#/components/schemas/HrefObjectActivateLink"},"deactivate":{"$ref":"#/components/schemas/HrefObjectDeactivateLink"},"mappings":{"$ref":"#/components/schemas/HrefObjectMappingsLink"},"rules":{"$ref":"#/components/schemas/HrefObjectRulesLink"},"self":{"$ref":"#/components/schemas/HrefObjectSelfLink"}}},"PolicyMapping":{"type":"object","properties":{"id":{"type":"string"},"_links":{"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"properties":{"application":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"policy":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]}}}]}}},"PolicyNetworkCondition":{"type":"object","properties":{"connection":{"$ref":"#/components/schemas/PolicyNetworkConnection"},"exclude":{"type":"array","items":{"type":"string"}},"include":{"type":"array","items":{"type":"string"}}}},"PolicyNetworkConnection":{"type":"string","enum":["ANYWHERE","ZONE"]},"PolicyPeopleCondition":{"type":"object","properties":{"groups":{"$ref":"#/components/schemas/GroupCondition"},"users":{"$ref":"#/components/schemas/UserCondition"}}},"PolicyPlatformOperatingSystemType":{"type":"string","enum":["ANDROID","ANY","CHROMEOS","IOS","MACOS","OTHER","WINDOWS","LINUX"]},"PolicyPlatformType":{"type":"string","enum":["ANY","DESKTOP","MOBILE","OTHER"]},"PolicyRule":{"type":"object","properties":{"created":{"type":"string","format":"date-time","nullable":true},"id":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time","nullable":true},"name":{"type":"string"},"priority":{"type":"integer","nullable":true},"status":{"allOf":[{"$ref":"#/components/schemas/LifecycleStatus"},{}]},"system":{"type":"boolean"},"type":{"$ref":"#/components/schemas/PolicyRuleType"},"_links":{"$ref":"#/components/schemas/PolicyLinks"}},"discriminator":{"propertyName":"type","mapping":{"ACCESS_POLICY":"#/components/schemas/AccessPolicyRule","PASSWORD":"#/components/schemas/PasswordPolicyRule","PROFILE_ENROLLMENT":"#/components/schemas/ProfileEnrollmentPolicyRule","SIGN_ON":"#/components/schemas/OktaSignOnPolicyRule","IDP_DISCOVERY":"#/components/schemas/IdpDiscoveryPolicyRule","POST_AUTH_SESSION":"#/components/schemas/PostAuthSessionPolicyRule","ENTITY_RISK":"#/components/schemas/EntityRiskPolicyRule","MFA_ENROLL":"#/components/schemas/AuthenticatorEnrollmentPolicyRule","SESSION_VIOLATION_DETECTION":"#/components/schemas/SessionViolationDetectionPolicyRule","DEVICE_SIGNAL_COLLECTION":"#/components/schemas/DeviceSignalCollectionPolicyRule","CLIENT_UPDATE":"#/components/schemas/ClientUpdatePolicyRule","IDENTITY_CLAIM_SOURCING":"#/components/schemas/IdentityClaimSourcingPolicyRule","USER_LIFECYCLE":"#/components/schemas/UserLifecyclePolicyRule"}}},"PolicyRuleActions":{"type":"object"},"PolicyRuleAuthContextCondition":{"type":"object","properties":{"authType":{"$ref":"#/components/schemas/PolicyRuleAuthContextType"}}},"PolicyRuleAuthContextType":{"type":"string","enum":["ANY","LDAP_INTERFACE","RADIUS"]},"PolicyRuleType":{"type":"string","enum":["ACCESS_POLICY","DEVICE_SIGNAL_COLLECTION","ENTITY_RISK","IDP_DISCOVERY","MFA_ENROLL","PASSWORD","POST_AUTH_SESSION","PROFILE_ENROLLMENT","SIGN_ON","SESSION_VIOLATION_DETECTION","CLIENT_UPDATE","IDENTITY_CLAIM_SOURCING"]},"PolicyRuleVerificationMethodType":{"type":"string","enum":["ASSURANCE","AUTH_METHOD_CHAIN","ID_PROOFING"]},"PolicySubject":{"type":"object","properties":{"filter":{"type":"string","maxLength":1024},"matchAttribute":{"type":"string"},"matchType":{"$ref":"#/components/schemas/PolicySubjectMatchType"},"userNameTemplate":{"$ref":"#/components/schemas/PolicyUserNameTemplate"}}},"PolicySubjectMatchType":{"type":"string","enum":["CUSTOM_ATTRIBUTE","EMAIL","USERNAME","USERNAME_OR_EMAIL"]},"PolicyType":{"type":"string","enum":["ACCESS_POLICY","ENTITY_RISK","IDP_DISCOVERY","MFA_ENROLL","OKTA_SIGN_ON","PASSWORD","POST_AUTH_SESSION","PROFILE_ENROLLMENT","DEVICE_SIGNAL_COLLECTION","SESSION_VIOLATION_DETECTION","CLIENT_UPDATE","IDENTITY_CLAIM_SOURCING"]},"PolicyUserNameTemplate":{"type":"object","properties":{"template":{"type":"string","minLength":9,"maxLength":1024}}},"PolicyUserStatus":{"type":"string","enum":["ACTIVATING","ACTIVE","DELETED","DELETING","EXPIRED_PASSWORD","INACTIVE","PENDING","SUSPENDED"]},"PossessionConstraint":{"allOf":[{"$ref":"#/components/schemas/AccessPolicyConstraint"},{"type":"object","properties":{"deviceBound":{"type":"string","enum":["OPTIONAL","REQUIRED"]},"hardwareProtection":{"type":"string","enum":["OPTIONAL","REQUIRED"]},"phishingResistant":{"type":"string","enum":["OPTIONAL","REQUIRED"]},"userPresence":{"type":"string","enum":["OPTIONAL","REQUIRED"]},"userVerification":{"type":"string","enum":["OPTIONAL","REQUIRED"]},"userVerificationMethods":{"type":"array","items":{"type":"string","enum":["BIOMETRICS","PIN"]}}}}]},"PostAuthKeepMeSignedInPrompt":{"type":"object","properties":{"acceptButtonText":{"type":"string"},"rejectButtonText":{"type":"string"},"subtitle":{"type":"string"},"title":{"type":"string"}}},"PostAuthSessionFailureActionsObject":{"type":"object","properties":{"action":{"type":"string","enum":["RUN_WORKFLOW","TERMINATE_SESSION"]}},"discriminator":{"propertyName":"action","mapping":{"RUN_WORKFLOW":"#/components/schemas/PostAuthSessionPolicyRuleRunWorkflow","TERMINATE_SESSION":"#/components/schemas/PostAuthSessionPolicyRuleTerminateSession"}}},"PostAuthSessionPolicy":{"allOf":[{"$ref":"#/components/schemas/Policy"},{"type":"object","properties":{"conditions":{"type":"string","nullable":true}}}]},"PostAuthSessionPolicyRule":{"allOf":[{"$ref":"#/components/schemas/PolicyRule"},{"type":"object","properties":{"actions":{"type":"object","properties":{"postAuthSession":{"type":"object","properties":{"failureActions":{"type":"array","items":{"$ref":"#/components/schemas/PostAuthSessionFailureActionsObject"}}}}}},"conditions":{"type":"object","properties":{"people":{"$ref":"#/components/schemas/PolicyPeopleCondition"}}}}}]},"PostAuthSessionPolicyRuleRunWorkflow":{"type":"object","properties":{"action":{"type":"string","enum":["RUN_WORKFLOW"]},"workflow":{"type":"object","properties":{"id":{"type":"integer"}}}}},"PostAuthSessionPolicyRuleTerminateSession":{"type":"object","properties":{"action":{"type":"string","enum":["TERMINATE_SESSION"]}}},"PreRegistrationInlineHook":{"type":"object","properties":{"inlineHookId":{"type":"string"}}},"ProfileEnrollmentPolicy":{"allOf":[{"$ref":"#/components/schemas/Policy"},{"type":"object","properties":{"conditions":{"type":"string","nullable":true}}}]},"ProfileEnrollmentPolicyRule":{"allOf":[{"$ref":"#/components/schemas/PolicyRule"},{"type":"object","properties":{"actions":{"$ref":"#/components/schemas/ProfileEnrollmentPolicyRuleActions"},"conditions":{"type":"string","nullable":true}}}]},"ProfileEnrollmentPolicyRuleAction":{"type":"object","properties":{"access":{"type":"string","enum":["ALLOW","DENY"]},"activationRequirements":{"$ref":"#/components/schemas/ProfileEnrollmentPolicyRuleActivationRequirement"},"allowedIdentifiers":{"items":{"type":"string"},"type":"array"},"enrollAuthenticatorTypes":{"items":{"type":"string"},"type":"array"},"preRegistrationInlineHooks":{"items":{"$ref":"#/components/schemas/PreRegistrationInlineHook"},"type":"array"},"profileAttributes":{"items":{"$ref":"#/components/schemas/ProfileEnrollmentPolicyRuleProfileAttribute"},"type":"array"},"progressiveProfilingAction":{"type":"string","enum":["ENABLED","DISABLED"]},"targetGroupIds":{"items":{"type":"string"},"type":"array"},"uiSchemaId":{"type":"string"},"unknownUserAction":{"type":"string","enum":["DENY","REGISTER"]}}},"ProfileEnrollmentPolicyRuleActions":{"allOf":[{"$ref":"#/components/schemas/PolicyRuleActions"},{"type":"object"},{"properties":{"profileEnrollment":{"$ref":"#/components/schemas/ProfileEnrollmentPolicyRuleAction"}}}]},"ProfileEnrollmentPolicyRuleActivationRequirement":{"type":"object","properties":{"emailVerification":{"type":"boolean"}}},"ProfileEnrollmentPolicyRuleProfileAttribute":{"type":"object","properties":{"label":{"type":"string"},"name":{"type":"string"},"required":{"type":"boolean"}}},"ProtocolAlgorithmRequestScope":{"type":"string","enum":["NONE","REQUEST"]},"ProtocolAlgorithmResponseScope":{"type":"string","enum":["ANY","RESPONSE","TOKEN"]},"ProtocolCredentialsKeyId":{"type":"string"},"ProtocolEndpointBinding":{"type":"string","enum":["HTTP-POST","HTTP-REDIRECT"]},"ProtocolIdVerification":{"type":"object","properties":{"credentials":{"$ref":"#/components/schemas/IDVCredentials"},"endpoints":{"$ref":"#/components/schemas/IDVEndpoints"},"scopes":{"$ref":"#/components/schemas/OAuthScopes"},"type":{"type":"string","enum":["ID_PROOFING"]}}},"ProtocolMtls":{"type":"object","properties":{"credentials":{"$ref":"#/components/schemas/MtlsCredentials"},"endpoints":{"$ref":"#/components/schemas/MtlsEndpoints"},"type":{"type":"string","enum":["MTLS"]}}},"ProtocolOAuth":{"type":"object","properties":{"credentials":{"$ref":"#/components/schemas/OAuthCredentials"},"endpoints":{"$ref":"#/components/schemas/OAuthEndpoints"},"scopes":{"$ref":"#/components/schemas/OAuthScopes"},"type":{"type":"string","enum":["OAUTH2"]}}},"ProtocolOidc":{"type":"object","properties":{"algorithms":{"$ref":"#/components/schemas/OidcAlgorithms"},"credentials":{"$ref":"#/components/schemas/OAuthCredentials"},"endpoints":{"$ref":"#/components/schemas/OAuthEndpoints"},"issuer":{"$ref":"#/components/schemas/OidcIssuer"},"oktaIdpOrgUrl":{"type":"string"},"scopes":{"type":"array","items":{"type":"string"}},"settings":{"$ref":"#/components/schemas/OidcSettings"},"type":{"type":"string","enum":["OIDC"]}}},"ProtocolSaml":{"type":"object","properties":{"algorithms":{"$ref":"#/components/schemas/SamlAlgorithms"},"credentials":{"$ref":"#/components/schemas/SamlCredentials"},"endpoints":{"$ref":"#/components/schemas/SamlEndpoints"},"relayState":{"$ref":"#/components/schemas/SamlRelayState"},"settings":{"$ref":"#/components/schemas/SamlSettings"},"type":{"type":"string","enum":["SAML2"]}}},"Provisioning":{"type":"object","properties":{"action":{"$ref":"#/components/schemas/ProvisioningAction"},"conditions":{"$ref":"#/components/schemas/ProvisioningConditions"},"groups":{"$ref":"#/components/schemas/ProvisioningGroups"},"profileMaster":{"type":"boolean"}}},"ProvisioningAction":{"type":"string","enum":["AUTO","DISABLED"]},"ProvisioningConditions":{"type":"object","properties":{"deprovisioned":{"$ref":"#/components/schemas/ProvisioningDeprovisionedCondition"},"suspended":{"$ref":"#/components/schemas/ProvisioningSuspendedCondition"}}},"ProvisioningDeprovisionedAction":{"type":"string","enum":["NONE","REACTIVATE"]},"ProvisioningDeprovisionedCondition":{"type":"object","properties":{"action":{"$ref":"#/components/schemas/ProvisioningDeprovisionedAction"}}},"ProvisioningGroups":{"type":"object","properties":{"action":{"$ref":"#/components/schemas/ProvisioningGroupsAction"},"assignments":{"type":"array","items":{"type":"string"}},"filter":{"type":"array","items":{"type":"string"}},"sourceAttributeName":{"type":"string","maxLength":1024}}},"ProvisioningGroupsAction":{"type":"string","enum":["APPEND","ASSIGN","NONE","SYNC"]},"ProvisioningSuspendedAction":{"type":"string","enum":["NONE","UNSUSPEND"]},"ProvisioningSuspendedCondition":{"type":"object","properties":{"action":{"$ref":"#/components/schemas/ProvisioningSuspendedAction"}}},"PushMethodKeyProtection":{"type":"string","enum":["ANY","HARDWARE"]},"RecoveryQuestionCredential":{"type":"object","properties":{"answer":{"type":"string","minimum":1,"maximum":100,"writeOnly":true},"question":{"type":"string","minimum":1,"maximum":100}}},"RequiredEnum":{"type":"string","enum":["ALWAYS","HIGH_RISK_ONLY","NEVER"]},"ResourceServerJsonWebKey":{"type":"object","properties":{"e":{"type":"string"},"kid":{"type":"string"},"kty":{"$ref":"#/components/schemas/JsonWebKeyType"},"n":{"type":"string"},"status":{"$ref":"#/components/schemas/JsonWebKeyStatus"},"use":{"$ref":"#/components/schemas/JsonWebKeyUse"}}},"ResourceServerJsonWebKeys":{"type":"object","properties":{"keys":{"type":"array","items":{"$ref":"#/components/schemas/ResourceServerJsonWebKey"}}}},"ResourceSet":{"type":"object","properties":{"created":{"type":"string","format":"date-time"},"description":{"type":"string"},"id":{"type":"string"},"label":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"_links":{"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"properties":{"resources":{"$ref":"#/components/schemas/HrefObjectResourceSetResourcesLink"},"bindings":{"$ref":"#/components/schemas/HrefObjectBindingsLink"}}}]}}},"ResourceSets":{"type":"object","properties":{"resource-sets":{"type":"array","items":{"$ref":"#/components/schemas/ResourceSet"}},"_links":{"$ref":"#/components/schemas/LinksNext"}}},"RiskDetectionTypesPolicyRuleCondition":{"type":"object","properties":{"exclude":{"type":"array","items":{"$ref":"#/components/schemas/DetectedRiskEvents"}},"include":{"type":"array","items":{"$ref":"#/components/schemas/DetectedRiskEvents"}}}},"RiskScorePolicyRuleCondition":{"type":"object","properties":{"level":{"type":"string","enum":["ANY","LOW","MEDIUM","HIGH"]}},"required":["level"]},"RoleAssignedUser":{"type":"object","properties":{"id":{"type":"string"},"orn":{"type":"string"},"_links":{"$ref":"#/components/schemas/LinksSelfAndRoles"}}},"RoleAssignedUsers":{"type":"object","properties":{"value":{"type":"array","items":{"$ref":"#/components/schemas/RoleAssignedUser"}},"_links":{"$ref":"#/components/schemas/LinksNextForRoleAssignments"}}},"RoleAssignmentType":{"type":"string","enum":["CLIENT","GROUP","USER"]},"RoleType":{"type":"string","enum":["ACCESS_CERTIFICATIONS_ADMIN","ACCESS_REQUESTS_ADMIN","API_ACCESS_MANAGEMENT_ADMIN","APP_ADMIN","CUSTOM","GROUP_MEMBERSHIP_ADMIN","HELP_DESK_ADMIN","ORG_ADMIN","READ_ONLY_ADMIN","REPORT_ADMIN","SUPER_ADMIN","USER_ADMIN","WORKFLOWS_ADMIN"]},"SafeBrowsingProtectionLevel":{"type":"string","enum":["ENHANCED_PROTECTION","NO_SAFE_BROWSING","STANDARD_PROTECTION"]},"Saml11Application":{"allOf":[{"$ref":"#/components/schemas/Application"},{"type":"object","properties":{"credentials":{"$ref":"#/components/schemas/ApplicationCredentials"},"name":{"type":"string"},"settings":{"$ref":"#/components/schemas/Saml11ApplicationSettings"}},"required":["name"]}]},"Saml11ApplicationSettings":{"allOf":[{"$ref":"#/components/schemas/ApplicationSettings"},{"type":"object","properties":{"app":{"type":"object","additionalProperties":true},"signOn":{"$ref":"#/components/schemas/Saml11ApplicationSettingsSignOn"}}}]},"Saml11ApplicationSettingsSignOn":{"type":"object","properties":{"audienceOverride":{"type":"string"},"defaultRelayState":{"type":"string"},"recipientOverride":{"type":"string"},"ssoAcsUrlOverride":{"type":"string"}}},"SamlAcsEndpoint":{"type":"object","properties":{"binding":{"$ref":"#/components/schemas/ProtocolEndpointBinding"},"type":{"$ref":"#/components/schemas/SamlEndpointType"}}},"SamlAlgorithms":{"type":"object","properties":{"request":{"$ref":"#/components/schemas/SamlRequestAlgorithm"},"response":{"$ref":"#/components/schemas/SamlResponseAlgorithm"}}},"SamlApplication":{"allOf":[{"$ref":"#/components/schemas/Application"},{"type":"object","properties":{"credentials":{"$ref":"#/components/schemas/ApplicationCredentials"},"name":{"type":"string"},"settings":{"$ref":"#/components/schemas/SamlApplicationSettings"}}}]},"SamlApplicationSettings":{"allOf":[{"$ref":"#/components/schemas/ApplicationSettings"},{"type":"object","properties":{"signOn":{"$ref":"#/components/schemas/SamlApplicationSettingsSignOn"}}}]},"SamlApplicationSettingsSignOn":{"type":"object","properties":{"acsEndpoints":{"type":"array","items":{"$ref":"#/components/schemas/AcsEndpoint"}},"allowMultipleAcsEndpoints":{"type":"boolean"},"assertionEncryption":{"$ref":"#/components/schemas/SamlAssertionEncryption"},"assertionSigned":{"type":"boolean"},"attributeStatements":{"type":"array","items":{"$ref":"#/components/schemas/SamlAttributeStatement"}},"audience":{"type":"string"},"audienceOverride":{"type":"string"},"authnContextClassRef":{"type":"string","enum":["urn:federation:authentication:windows","oasis:names:tc:SAML:2.0:ac:classes:Kerberos","urn:oasis:names:tc:SAML:2.0:ac:classes:Password","urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport","urn:oasis:names:tc:SAML:2.0:ac:classes:TLSClient","urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified","urn:oasis:names:tc:SAML:2.0:ac:classes:X509"]},"configuredAttributeStatements":{"type":"array","items":{"$ref":"#/components/schemas/SamlAttributeStatement"}},"defaultRelayState":{"type":"string"},"destination":{"type":"string"},"destinationOverride":{"type":"string"},"digestAlgorithm":{"type":"string","enum":["SHA1","SHA256"]},"honorForceAuthn":{"type":"boolean"},"idpIssuer":{"type":"string"},"inlineHooks":{"items":{"$ref":"#/components/schemas/SignOnInlineHook"},"type":"array"},"participateSlo":{"$ref":"#/components/schemas/SloParticipate"},"recipient":{"type":"string"},"recipientOverride":{"type":"string"},"requestCompressed":{"type":"boolean"},"responseSigned":{"type":"boolean"},"samlAssertionLifetimeSeconds":{"type":"integer"},"signatureAlgorithm":{"type":"string","enum":["RSA_SHA1","RSA_SHA256"]},"slo":{"$ref":"#/components/schemas/SingleLogout"},"spCertificate":{"$ref":"#/components/schemas/SamlSpCertificate"},"spIssuer":{"type":"string"},"ssoAcsUrl":{"type":"string"},"ssoAcsUrlOverride":{"type":"string"},"subjectNameIdFormat":{"type":"string","enum":["urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress","urn:oasis:names:tc:SAML:2.0:nameid-format:persistent","urn:oasis:names:tc:SAML:2.0:nameid-format:transient","urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified","urn:oasis:names:tc:SAML:1.1:nameid-format:x509SubjectName"]},"subjectNameIdTemplate":{"type":"string"}},"required":["allowMultipleAcsEndpoints","assertionSigned","honorForceAuthn","requestCompressed","responseSigned"]},"SamlAssertionEncryption":{"type":"object","properties":{"enabled":{"type":"boolean"},"encryptionAlgorithm":{"type":"string","enum":["AES128_CBC","AES256_CBC","AES256_CBC","AES256_GCM"]},"keyTransportAlgorithm":{"type":"string","enum":["RSA_OAEP","RSA_15"]},"x5c":{"type":"array","items":{"type":"string"}}}},"SamlAttributeStatement":{"anyOf":[{"$ref":"#/components/schemas/SamlAttributeStatementExpression"},{"$ref":"#/components/schemas/SamlAttributeStatementGroup"}],"type":"object","properties":{"type":{"type":"string","enum":["EXPRESSION","GROUP"]}},"discriminator":{"propertyName":"type","mapping":{"EXPRESSION":"#/components/schemas/SamlAttributeStatementExpression","GROUP":"#/components/schemas/SamlAttributeStatementGroup"}}},"SamlAttributeStatementExpression":{"type":"object","properties":{"name":{"type":"string"},"namespace":{"type":"string","enum":["urn:oasis:names:tc:SAML:2.0:attrname-format:basic","urn:oasis:names:tc:SAML:2.0:attrname-format:uri","urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"]},"type":{"type":"string"},"values":{"type":"array","items":{"type":"string"}}}},"SamlAttributeStatementGroup":{"type":"object","properties":{"filterType":{"type":"string","enum":["STARTS_WITH","EQUALS","CONTAINS","REGEX"]},"filterValue":{"type":"string"},"name":{"type":"string"},"namespace":{"type":"string","enum":["urn:oasis:names:tc:SAML:2.0:attrname-format:basic","urn:oasis:names:tc:SAML:2.0:attrname-format:uri","urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"]},"type":{"type":"string"}}},"SamlCredentials":{"type":"object","properties":{"signing":{"$ref":"#/components/schemas/SamlSigningCredentials"},"trust":{"$ref":"#/components/schemas/SamlTrustCredentials"}}},"SamlEndpointType":{"type":"string","enum":["INSTANCE","ORG"]},"SamlEndpoints":{"type":"object","properties":{"acs":{"$ref":"#/components/schemas/SamlAcsEndpoint"},"slo":{"$ref":"#/components/schemas/SamlSloEndpoint"},"sso":{"$ref":"#/components/schemas/SamlSsoEndpoint"}}},"SamlNameIdFormat":{"type":"string","enum":["urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress","urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified","urn:oasis:names:tc:SAML:2.0:nameid-format:persistent","urn:oasis:names:tc:SAML:2.0:nameid-format:transient"]},"SamlRelayState":{"type":"object","properties":{"format":{"$ref":"#/components/schemas/SamlRelayStateFormat"}}},"SamlRelayStateFormat":{"type":"string","enum":["FROM_URL","OPAQUE"]},"SamlRequestAlgorithm":{"type":"object","properties":{"digest":{"$ref":"#/components/schemas/SamlRequestDigestAlgorithm"},"signature":{"$ref":"#/components/schemas/SamlRequestSignatureAlgorithm"}}},"SamlRequestDigestAlgorithm":{"type":"string","enum":["SHA-1","SHA-256"]},"SamlRequestSignatureAlgorithm":{"type":"object","properties":{"algorithm":{"$ref":"#/components/schemas/SamlSigningAlgorithm"},"scope":{"$ref":"#/components/schemas/ProtocolAlgorithmRequestScope"}}},"SamlResponseAlgorithm":{"type":"object","properties":{"signature":{"$ref":"#/components/schemas/SamlResponseSignatureAlgorithm"}}},"SamlResponseSignatureAlgorithm":{"type":"object","properties":{"algorithm":{"$ref":"#/components/schemas/SamlSigningAlgorithm"},"scope":{"$ref":"#/components/schemas/ProtocolAlgorithmResponseScope"}}},"SamlSettings":{"type":"object","properties":{"honorPersistentNameId":{"type":"boolean"},"nameFormat":{"$ref":"#/components/schemas/SamlNameIdFormat"},"participateSlo":{"type":"boolean"},"sendApplicationContext":{"type":"boolean"}}},"SamlSigningAlgorithm":{"type":"string","enum":["SHA-1","SHA-256"]},"SamlSigningCredentials":{"type":"object","properties":{"kid":{"$ref":"#/components/schemas/ProtocolCredentialsKeyId"}}},"SamlSloEndpoint":{"type":"object","properties":{"binding":{"$ref":"#/components/schemas/ProtocolEndpointBinding"},"url":{"type":"string","maxLength":1014}}},"SamlSpCertificate":{"type":"object","properties":{"x5c":{"type":"array","items":{"type":"string"}}}},"SamlSsoEndpoint":{"type":"object","properties":{"binding":{"$ref":"#/components/schemas/ProtocolEndpointBinding"},"destination":{"type":"string","maxLength":512},"url":{"type":"string","maxLength":1014}}},"SamlTrustCredentials":{"type":"object","properties":{"additionalKids":{"type":"array","maxItems":1,"items":{"$ref":"#/components/schemas/ProtocolCredentialsKeyId"}},"audience":{"type":"string","maxLength":1024},"issuer":{"type":"string","maxLength":1024},"kid":{"$ref":"#/components/schemas/ProtocolCredentialsKeyId"}}},"ScheduledUserLifecycleAction":{"type":"object","properties":{"status":{"$ref":"#/components/schemas/PolicyUserStatus"}}},"SchemeApplicationCredentials":{"allOf":[{"$ref":"#/components/schemas/ApplicationCredentials"},{"type":"object","properties":{"password":{"$ref":"#/components/schemas/PasswordCredential"},"revealPassword":{"type":"boolean"},"scheme":{"$ref":"#/components/schemas/ApplicationCredentialsScheme"},"signing":{"$ref":"#/components/schemas/ApplicationCredentialsSigning"},"userName":{"type":"string","minLength":1,"maxLength":100}}}]},"ScopeResourceHrefObject":{"type":"object","properties":{"href":{"type":"string"},"title":{"type":"string"}}},"ScreenLockComplexity":{"type":"string","enum":["HIGH","LOW","MEDIUM"]},"ScreenLockType":{"type":"string","enum":["BIOMETRIC","NONE","PASSCODE"]},"SecurePasswordStoreApplication":{"allOf":[{"$ref":"#/components/schemas/Application"},{"type":"object","properties":{"credentials":{"$ref":"#/components/schemas/SchemeApplicationCredentials"},"name":{"type":"string","enum":["template_sps"]},"settings":{"$ref":"#/components/schemas/SecurePasswordStoreApplicationSettings"}},"required":["name","settings"]}]},"SecurePasswordStoreApplicationSettings":{"allOf":[{"$ref":"#/components/schemas/ApplicationSettings"},{"type":"object","properties":{"app":{"$ref":"#/components/schemas/SecurePasswordStoreApplicationSettingsApplication"}}}]},"SecurePasswordStoreApplicationSettingsApplication":{"type":"object","properties":{"optionalField1":{"type":"string"},"optionalField1Value":{"type":"string"},"optionalField2":{"type":"string"},"optionalField2Value":{"type":"string"},"optionalField3":{"type":"string"},"optionalField3Value":{"type":"string"},"passwordField":{"type":"string"},"url":{"type":"string"},"usernameField":{"type":"string"}},"required":["passwordField","url","usernameField"]},"SecurityNotificationSettings":{"type":"object","properties":{"sendEmailForNewDeviceEnabled":{"type":"boolean"},"sendEmailForFactorEnrollmentEnabled":{"type":"boolean"},"sendEmailForFactorResetEnabled":{"type":"boolean"},"sendEmailForPasswordChangedEnabled":{"type":"boolean"},"reportSuspiciousActivityEnabled":{"type":"boolean"}},"required":["sendEmailForNewDeviceEnabled","sendEmailForFactorEnrollmentEnabled","sendEmailForFactorResetEnabled","sendEmailForPasswordChangedEnabled","reportSuspiciousActivityEnabled"]},"SelfServicePasswordResetAction":{"type":"object","properties":{"access":{"$ref":"#/components/schemas/PolicyAccess"},"requirement":{"$ref":"#/components/schemas/SsprRequirement"},"settings":{"$ref":"#/components/schemas/SsprSettings"},"type":{"type":"string","enum":["selfServicePasswordReset"]}}},"SessionViolationDetectionPolicy":{"allOf":[{"$ref":"#/components/schemas/Policy"},{"type":"object","properties":{"conditions":{"type":"string","nullable":true}}}]},"SessionViolationDetectionPolicyEvaluation":{"type":"object","properties":{"enabled":{"type":"boolean"}}},"SessionViolationDetectionPolicyRule":{"allOf":[{"$ref":"#/components/schemas/PolicyRule"},{"type":"object","properties":{"actions":{"type":"object","properties":{"sessionViolationDetection":{"type":"object","properties":{"policyEvaluation":{"$ref":"#/components/schemas/SessionViolationDetectionPolicyEvaluation"}}}}},"conditions":{"type":"object","properties":{"network":{"$ref":"#/components/schemas/PolicyNetworkCondition"},"riskScore":{"$ref":"#/components/schemas/SessionViolationDetectionRiskScoreCondition"}}}}}]},"SessionViolationDetectionRiskScoreCondition":{"type":"object","properties":{"minRiskLevel":{"type":"string","enum":["LOW","MEDIUM","HIGH"]}},"required":["minRiskLevel"]},"ShowSignInWithOV":{"type":"string","enum":["ALWAYS","NEVER"]},"SignInPage":{"allOf":[{"$ref":"#/components/schemas/CustomizablePage"},{"type":"object","properties":{"contentSecurityPolicySetting":{"$ref":"#/components/schemas/ContentSecurityPolicySetting"},"widgetCustomizations":{"type":"object","properties":{"signInLabel":{"type":"string"},"usernameLabel":{"type":"string"},"usernameInfoTip":{"type":"string"},"passwordLabel":{"type":"string"},"passwordInfoTip":{"type":"string"},"showPasswordVisibilityToggle":{"type":"boolean"},"showUserIdentifier":{"type":"boolean"},"forgotPasswordLabel":{"type":"string"},"forgotPasswordUrl":{"type":"string"},"unlockAccountLabel":{"type":"string"},"unlockAccountUrl":{"type":"string"},"helpLabel":{"type":"string"},"helpUrl":{"type":"string"},"customLink1Label":{"type":"string"},"customLink1Url":{"type":"string"},"customLink2Label":{"type":"string"},"customLink2Url":{"type":"string"},"authenticatorPageCustomLinkLabel":{"type":"string"},"authenticatorPageCustomLinkUrl":{"type":"string"},"classicRecoveryFlowEmailOrUsernameLabel":{"type":"string"},"widgetGeneration":{"$ref":"#/components/schemas/WidgetGeneration"},"postAuthKeepMeSignedInPrompt":{"$ref":"#/components/schemas/PostAuthKeepMeSignedInPrompt"},"classicFooterHelpTitle":{"type":"string"},"gracePeriodRequiredSoon":{"$ref":"#/components/schemas/GracePeriodRequiredSoon"}}},"widgetVersion":{"$ref":"#/components/schemas/Version"}}}]},"SignInPageTouchPointVariant":{"type":"string","enum":["BACKGROUND_IMAGE","BACKGROUND_SECONDARY_COLOR","OKTA_DEFAULT"]},"SignOnInlineHook":{"properties":{"id":{"type":"string"}}},"SingleLogout":{"type":"object","properties":{"enabled":{"type":"boolean"},"issuer":{"type":"string"},"logoutUrl":{"type":"string"}}},"SloParticipate":{"type":"object","properties":{"bindingType":{"type":"string","enum":["POST","REDIRECT"]},"enabled":{"type":"boolean"},"logoutRequestUrl":{"type":"string"},"sessionIndexRequired":{"type":"boolean"}}},"SplunkEdition":{"type":"string","enum":["aws","aws_govcloud","gcp"]},"SplunkHost":{"minLength":17,"maxLength":116,"type":"string"},"SplunkToken":{"writeOnly":true,"type":"string","pattern":"(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"},"SsprPrimaryRequirement":{"type":"object","properties":{"methodConstraints":{"type":"array","items":{"$ref":"#/components/schemas/AuthenticatorMethodConstraint"}},"methods":{"type":"array","items":{"type":"string","enum":["push","sms","voice","email","otp"]}}}},"SsprRequirement":{"type":"object","properties":{"accessControl":{"type":"string","enum":["AUTH_POLICY","LEGACY"]},"primary":{"$ref":"#/components/schemas/SsprPrimaryRequirement"},"stepUp":{"$ref":"#/components/schemas/SsprStepUpRequirement"}}},"SsprSettings":{"type":"object","properties":{"allowRecoveryEmailWithoutEnrollment":{"type":"boolean","nullable":true}}},"SsprStepUpRequirement":{"type":"object","properties":{"methods":{"type":"array","items":{"type":"string","enum":["security_question"]}},"required":{"type":"boolean"}}},"StandardRole":{"type":"object","properties":{"assignmentType":{"$ref":"#/components/schemas/RoleAssignmentType"},"created":{"type":"string","format":"date-time"},"id":{"type":"string"},"label":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"status":{"allOf":[{"$ref":"#/components/schemas/LifecycleStatus"},{}]},"type":{"$ref":"#/components/schemas/RoleType"},"_embedded":{"type":"object","properties":{"targets":{"type":"object","properties":{"groups":{"type":"array","items":{"$ref":"#/components/schemas/Group"}},"catalog":{"properties":{"apps":{"type":"array","items":{"$ref":"#/components/schemas/CatalogApplication"}}}}}}}},"_links":{"$ref":"#/components/schemas/LinksAssignee"}},"required":["type"]},"SwaApplicationSettings":{"allOf":[{"$ref":"#/components/schemas/ApplicationSettings"},{"type":"object","properties":{"app":{"$ref":"#/components/schemas/SwaApplicationSettingsApplication"}}}]},"SwaApplicationSettingsApplication":{"type":"object","properties":{"buttonField":{"type":"string"},"buttonSelector":{"type":"string"},"extraFieldSelector":{"type":"string"},"extraFieldValue":{"type":"string"},"loginUrlRegex":{"type":"string"},"passwordField":{"type":"string"},"passwordSelector":{"type":"string"},"targetURL":{"type":"string"},"url":{"type":"string"},"usernameField":{"type":"string"},"userNameSelector":{"type":"string"}},"required":["buttonField","passwordField","usernameField","url"]},"ThemeResponse":{"type":"object","properties":{"backgroundImage":{"type":"string"},"emailTemplateTouchPointVariant":{"$ref":"#/components/schemas/EmailTemplateTouchPointVariant"},"endUserDashboardTouchPointVariant":{"$ref":"#/components/schemas/EndUserDashboardTouchPointVariant"},"errorPageTouchPointVariant":{"$ref":"#/components/schemas/ErrorPageTouchPointVariant"},"favicon":{"type":"string"},"id":{"type":"string"},"loadingPageTouchPointVariant":{"$ref":"#/components/schemas/LoadingPageTouchPointVariant"},"logo":{"type":"string"},"primaryColorContrastHex":{"type":"string"},"primaryColorHex":{"type":"string"},"secondaryColorContrastHex":{"type":"string"},"secondaryColorHex":{"type":"string"},"signInPageTouchPointVariant":{"$ref":"#/components/schemas/SignInPageTouchPointVariant"},"_links":{"$ref":"#/components/schemas/LinksSelf"}}},"ThirdPartyAdminSetting":{"type":"object","properties":{"thirdPartyAdmin":{"type":"boolean"}}},"ThreatInsightConfiguration":{"type":"object","properties":{"action":{"type":"string","enum":["none","audit","block"]},"created":{"type":"string","format":"date-time"},"excludeZones":{"type":"array","items":{"type":"string"}},"lastUpdated":{"type":"string","format":"date-time"},"_links":{"$ref":"#/components/schemas/LinksSelf"}},"required":["action"]},"TimeDuration":{"type":"string","pattern":"^P(?:$)(\\\\d+Y)?(\\\\d+M)?(\\\\d+W)?(\\\\d+D)?(T(?:\\\\d)(\\\\d+H)?(\\\\d+M)?(\\\\d+S)?)?$"},"TokenAuthorizationServerPolicyRuleAction":{"type":"object","properties":{"accessTokenLifetimeMinutes":{"type":"integer"},"inlineHook":{"$ref":"#/components/schemas/TokenAuthorizationServerPolicyRuleActionInlineHook"},"refreshTokenLifetimeMinutes":{"type":"integer"},"refreshTokenWindowMinutes":{"type":"integer"}}},"TokenAuthorizationServerPolicyRuleActionInlineHook":{"type":"object","properties":{"id":{"type":"string"}}},"TrustedOrigin":{"type":"object","properties":{"created":{"type":"string","format":"date-time"},"createdBy":{"type":"string"},"id":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"lastUpdatedBy":{"type":"string"},"name":{"$ref":"#/components/schemas/TrustedOriginName"},"origin":{"$ref":"#/components/schemas/TrustedOriginOrigin"},"scopes":{"$ref":"#/components/schemas/TrustedOriginScopes"},"status":{"$ref":"#/components/schemas/LifecycleStatus"},"_links":{"$ref":"#/components/schemas/LinksSelfAndLifecycle"}}},"TrustedOriginName":{"maximum":255,"type":"string"},"TrustedOriginOrigin":{"maximum":255,"type":"string"},"TrustedOriginScope":{"type":"object","properties":{"allowedOktaApps":{"type":"array","items":{"$ref":"#/components/schemas/IframeEmbedScopeAllowedApps"}},"type":{"$ref":"#/components/schemas/TrustedOriginScopeType"}}},"TrustedOriginScopeType":{"type":"string","enum":["CORS","IFRAME_EMBED","REDIRECT"]},"TrustedOriginScopes":{"maximum":3,"items":{"$ref":"#/components/schemas/TrustedOriginScope"},"type":"array"},"User":{"type":"object","properties":{"activated":{"type":"string","format":"date-time","nullable":true},"created":{"type":"string","format":"date-time"},"credentials":{"$ref":"#/components/schemas/UserCredentials"},"id":{"type":"string"},"lastLogin":{"type":"string","format":"date-time","nullable":true},"lastUpdated":{"type":"string","format":"date-time"},"passwordChanged":{"type":"string","format":"date-time","nullable":true},"profile":{"$ref":"#/components/schemas/UserProfile"},"realmId":{"type":"string"},"status":{"$ref":"#/components/schemas/UserStatus"},"statusChanged":{"type":"string","format":"date-time","nullable":true},"transitioningToStatus":{"type":"string","nullable":true,"enum":["ACTIVE","DEPROVISIONED","PROVISIONED"]},"type":{"type":"object","properties":{"id":{"type":"string"}}},"_embedded":{"type":"object","additionalProperties":{"type":"object","properties":{}}},"_links":{"allOf":[{"$ref":"#/components/schemas/LinksSelf"},{"type":"object","properties":{"self":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"activate":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"resetPassword":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"resetFactors":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"expirePassword":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"forgotPassword":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"changeRecoveryQuestion":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"deactivate":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"reactivate":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"changePassword":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"schema":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"suspend":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"unsuspend":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"unlock":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]},"type":{"allOf":[{"$ref":"#/components/schemas/HrefObject"}]}}},{}]}}},"UserBlock":{"type":"object","properties":{"appliesTo":{"type":"string","enum":["ANY_DEVICES","UNKNOWN_DEVICES"]},"type":{"type":"string","enum":["DEVICE_BASED"]}}},"UserCondition":{"type":"object","properties":{"exclude":{"type":"array","items":{"type":"string"}},"include":{"type":"array","items":{"type":"string"}}}},"UserCredentials":{"type":"object","properties":{"password":{"$ref":"#/components/schemas/PasswordCredential"},"provider":{"$ref":"#/components/schemas/AuthenticationProvider"},"recovery_question":{"$ref":"#/components/schemas/RecoveryQuestionCredential"}}},"UserFactor":{"type":"object","properties":{"created":{"type":"string","format":"date-time"},"factorType":{"$ref":"#/components/schemas/UserFactorType"},"id":{"type":"string"},"lastUpdated":{"type":"string","format":"date-time"},"profile":{"type":"object"},"provider":{"type":"string"},"status":{"$ref":"#/components/schemas/UserFactorStatus"},"vendorName":{"type":"string"},"_embedded":{"type":"object","additionalProperties":{"type":"object","properties":{}}},"_links":{"$ref":"#/components/schemas/UserFactorLinks"}},"discriminator":{"propertyName":"factorType","mapping":{"call":"#/components/schemas/UserFactorCall","email":"#/components/schemas/UserFactorEmail","push":"#/components/schemas/UserFactorPush","question":"#/components/schemas/UserFactorSecurityQuestion","sms":"#/components/schemas/UserFactorSMS","token":"#/components/schemas/UserFactorToken","token:hardware":"#/components/schemas/UserFactorTokenHardware","token:hotp":"#/components/schemas/UserFactorTokenHOTP","token:software:totp":"#/components/schemas/UserFactorTokenSoftwareTOTP","u2f":"#/components/schemas/UserFactorU2F","web":"#/components/schemas/UserFactorWeb","webauthn":"#/components/schemas/UserFactorWebAuthn"}}},"UserFactorCall":{"allOf":[{"$ref":"#/components/schemas/UserFactor"},{"type":"object","properties":{"factorType":{},"profile":{"$ref":"#/components/schemas/UserFactorCallProfile"},"provider":{"enum":["OKTA"]}}}]},"UserFactorCallProfile":{"type":"object","properties":{"phoneExtension":{"type":"string","nullable":true,"maxLength":15},"phoneNumber":{"type":"string","pattern":"^\\\\+[1-9]\\\\d{1,14}$","maxLength":15}}},"UserFactorEmail":{"allOf":[{"$ref":"#/components/schemas/UserFactor"},{"type":"object","properties":{"factorType":{},"profile":{"$ref":"#/components/schemas/UserFactorEmailProfile"},"provider":{"enum":["OKTA"]}}}]},"UserFactorEmailProfile":{"type":"object","properties":{"email":{"maxLength":100,"type":"string"}}},"UserFactorLinks":{"allOf":[{"$ref":"#/components/schemas/LinksActivate"},{"$ref":"#/components/schemas/LinksCancel"},{"$ref":"#/components/schemas/LinksDeactivate"},{"$ref":"#/components/schemas/LinksEnroll"},{"$ref":"#/components/schemas/LinksFactor"},{"$ref":"#/components/schemas/LinksPoll"},{"$ref":"#/components/schemas/LinksQrcode"},{"$ref":"#/components/schemas/LinksQuestions"},{"$ref":"#/components/schemas/LinksResend"},{"$ref":"#/components/schemas/LinksSend"},{"$ref":"#/components/schemas/LinksSelf"},{"$ref":"#/components/schemas/LinksUserFactors"},{"$ref":"#/components/schemas/LinksVerify"}]},"UserFactorPush":{"allOf":[{"$ref":"#/components/schemas/UserFactor"},{"type":"object","properties":{"profile":{"$ref":"#/components/schemas/UserFactorPushProfile"},"provider":{"enum":["OKTA"]}}}]},"UserFactorPushProfile":{"type":"object","properties":{"credentialId":{"type":"string"},"deviceToken":{"type":"string"},"deviceType":{"type":"string"},"name":{"type":"string"},"platform":{"type":"string"},"version":{"type":"string"}}},"UserFactorSMS":{"allOf":[{"$ref":"#/components/schemas/UserFactor"},{"type":"object","properties":{"factorType":{},"profile":{"$ref":"#/components/schemas/UserFactorSMSProfile"},"provider":{"enum":["OKTA"]}}}]},"UserFactorSMSProfile":{"type":"object","properties":{"phoneNumber":{"type":"string","pattern":"^\\\\+[1-9]\\\\d{1,14}$","maxLength":15}}},"UserFactorSecurityQuestion":{"allOf":[{"$ref":"#/components/schemas/UserFactor"},{"type":"object","properties":{"factorType":{},"profile":{"$ref":"#/components/schemas/UserFactorSecurityQuestionProfile"},"provider":{"enum":["OKTA"]}}}]},"UserFactorSecurityQuestionProfile":{"type":"object","properties":{"answer":{"minLength":4,"type":"string","writeOnly":true},"question":{"enum":["disliked_food","name_of_first_plush_toy","first_award","favorite_security_question","favorite_toy","first_computer_game","favorite_movie_quote","first_sports_team_mascot","first_music_purchase","favorite_art_piece","grandmother_favorite_desert","first_thing_cooked","childhood_dream_job","first_kiss_location","place_where_significant_other_was_met","favorite_vacation_location","new_years_two_thousand","favorite_speaker_actor","favorite_book_movie_character","favorite_sports_player"],"type":"string"},"questionText":{"type":"string"}}},"UserFactorStatus":{"type":"string","enum":["ACTIVE","DISABLED","ENROLLED","EXPIRED","INACTIVE","NOT_SETUP","PENDING_ACTIVATION"]},"UserFactorToken":{"allOf":[{"$ref":"#/components/schemas/UserFactor"},{"type":"object","properties":{"factorType":{},"profile":{"$ref":"#/components/schemas/UserFactorTokenProfile"},"provider":{"enum":["RSA","SYMANTEC"]},"verify":{"oneOf":[{"$ref":"#/components/schemas/UserFactorTokenVerifyRSA"},{"$ref":"#/components/schemas/UserFactorTokenVerifySymantec"}]}}}]},"UserFactorTokenHOTP":{"allOf":[{"$ref":"#/components/schemas/UserFactor"},{"type":"object","properties":{"factorProfileId":{"type":"string"},"factorType":{},"profile":{"$ref":"#/components/schemas/UserFactorTokenHOTPProfile"},"provider":{"enum":["CUSTOM"]}}}]},"UserFactorTokenHOTPProfile":{"type":"object","properties":{"sharedSecret":{"type":"string"}}},"UserFactorTokenHardware":{"allOf":[{"$ref":"#/components/schemas/UserFactor"},{"type":"object","properties":{"factorType":{},"profile":{"$ref":"#/components/schemas/UserFactorTokenProfile"},"provider":{"enum":["YUBICO"]},"verify":{"type":"object","properties":{"passCode":{"type":"string"}}}}}]},"UserFactorTokenProfile":{"type":"object","properties":{"credentialId":{"type":"string"}}},"UserFactorTokenSoftwareTOTP":{"allOf":[{"$ref":"#/components/schemas/UserFactor"},{"type":"object","properties":{"factorType":{},"profile":{"$ref":"#/components/schemas/UserFactorTokenProfile"},"provider":{"enum":["OKTA","GOOGLE"]}}}]},"UserFactorTokenVerifyRSA":{"type":"object","properties":{"passCode":{"type":"string"}}},"UserFactorTokenVerifySymantec":{"type":"object","properties":{"nextPassCode":{"type":"integer"},"passCode":{"type":"string"}}},"UserFactorType":{"type":"string","enum":["call","email","push","question","signed_nonce","sms","token","token:hardware","token:hotp","token:software:totp","u2f","web","webauthn"]},"UserFactorU2F":{"allOf":[{"$ref":"#/components/schemas/UserFactor"},{"type":"object","properties":{"factorType":{},"profile":{"$ref":"#/components/schemas/UserFactorU2FProfile"},"provider":{"enum":["FIDO"]}}}]},"UserFactorU2FProfile":{"type":"object","properties":{"credentialId":{"type":"string"}}},"UserFactorWeb":{"allOf":[{"$ref":"#/components/schemas/UserFactor"},{"type":"object","properties":{"factorType":{},"profile":{"$ref":"#/components/schemas/UserFactorWebProfile"},"provider":{"enum":["DUO"]}}}]},"UserFactorWebAuthn":{"allOf":[{"$ref":"#/components/schemas/UserFactor"},{"type":"object","properties":{"factorType":{},"profile":{"$ref":"#/components/schemas/UserFactorWebAuthnProfile"},"provider":{"enum":["FIDO"]}}}]},"UserFactorWebAuthnProfile":{"type":"object","properties":{"authenticatorName":{"type":"string"},"credentialId":{"type":"string"}}},"UserFactorWebProfile":{"type":"object","properties":{"credentialId":{"type":"string"}}},"UserGetSingleton":{"allOf":[{"$ref":"#/components/schemas/User"},{"type":"object","properties":{"_embedded":{"type":"object","properties":{"blocks":{"type":"array","items":{"$ref":"#/components/schemas/UserBlock"}}}}}}]},"UserIdentifierConditionEvaluatorPattern":{"type":"object","properties":{"matchType":{"$ref":"#/components/schemas/UserIdentifierMatchType"},"value":{"type":"string"}}},"UserIdentifierMatchType":{"type":"string","enum":["CONTAINS","EQUALS","EXPRESSION","STARTS_WITH","SUFFIX"]},"UserIdentifierPolicyRuleCondition":{"type":"object","properties":{"attribute":{"type":"string"},"patterns":{"type":"array","items":{"$ref":"#/components/schemas/UserIdentifierConditionEvaluatorPattern"}},"type":{"$ref":"#/components/schemas/UserIdentifierType"}}},"UserIdentifierType":{"type":"string","enum":["ATTRIBUTE","IDENTIFIER"]},"UserLifecycleAttributePolicyRuleCondition":{"type":"object","properties":{"attributeName":{"type":"string"},"matchingValue":{"type":"string"}}},"UserLifecyclePolicy":{"allOf":[{"$ref":"#/components/schemas/Policy"},{"type":"object","properties":{"conditions":{"nullable":true,"type":"object"}}}]},"UserLifecyclePolicyRule":{"allOf":[{"$ref":"#/components/schemas/PolicyRule"},{"type":"object","properties":{"conditions":{"type":"object","properties":{"people":{"type":"object","properties":{"users":{"$ref":"#/components/schemas/UserPolicyRuleCondition"},"groups":{"$ref":"#/components/schemas/GroupCondition"}}}}},"actions":{"type":"object","properties":{"userLifecycle":{"$ref":"#/components/schemas/ScheduledUserLifecycleAction"}}}}}]},"UserLockoutSettings":{"type":"object","properties":{"preventBruteForceLockoutFromUnknownDevices":{"type":"boolean"}}},"UserPolicyRuleCondition":{"type":"object","properties":{"exclude":{"type":"array","items":{"type":"string"}},"inactivity":{"$ref":"#/components/schemas/InactivityPolicyRuleCondition"},"include":{"type":"array","items":{"type":"string"}},"lifecycleExpiration":{"$ref":"#/components/schemas/LifecycleExpirationPolicyRuleCondition"},"passwordExpiration":{"$ref":"#/components/schemas/PasswordExpirationPolicyRuleCondition"},"userLifecycleAttribute":{"$ref":"#/components/schemas/UserLifecycleAttributePolicyRuleCondition"}}},"UserProfile":{"additionalProperties":true,"type":"object","properties":{"city":{"type":"string","maxLength":128,"nullable":true},"costCenter":{"type":"string","nullable":true},"countryCode":{"type":"string","maxLength":2,"nullable":true},"department":{"type":"string"},"displayName":{"type":"string","nullable":true},"division":{"type":"string","nullable":true},"email":{"type":"string","format":"email","minLength":5,"maxLength":100},"employeeNumber":{"type":"string"},"firstName":{"type":"string","minLength":1,"maxLength":50,"nullable":true},"honorificPrefix":{"type":"string","nullable":true},"honorificSuffix":{"type":"string","nullable":true},"lastName":{"type":"string","minLength":1,"maxLength":50,"nullable":true},"locale":{"type":"string"},"login":{"type":"string","maxLength":100,"minLength":5},"manager":{"type":"string","nullable":true},"managerId":{"type":"string","nullable":true},"middleName":{"type":"string","nullable":true},"mobilePhone":{"type":"string","maxLength":100,"minLength":0,"nullable":true},"nickName":{"type":"string","nullable":true},"organization":{"type":"string","nullable":true},"postalAddress":{"type":"string","maxLength":4096,"nullable":true},"preferredLanguage":{"type":"string","nullable":true},"primaryPhone":{"type":"string","maxLength":100,"minLength":0,"nullable":true},"profileUrl":{"type":"string","nullable":true},"secondEmail":{"type":"string","format":"email","maxLength":100,"nullable":true},"state":{"type":"string","maxLength":128,"nullable":true},"streetAddress":{"type":"string","maxLength":1024,"nullable":true},"timezone":{"type":"string","nullable":true},"title":{"type":"string","nullable":true},"userType":{"type":"string","nullable":true},"zipCode":{"type":"string","maxLength":50,"nullable":true}}},"UserResourceHrefObject":{"type":"object","properties":{"href":{"type":"string"},"title":{"type":"string"}}},"UserStatus":{"type":"string","enum":["ACTIVE","DEPROVISIONED","LOCKED_OUT","PASSWORD_EXPIRED","PROVISIONED","RECOVERY","STAGED","SUSPENDED"]},"UserTypeCondition":{"properties":{"exclude":{"items":{"type":"string"},"type":"array"},"include":{"items":{"type":"string"},"type":"array"}},"required":["exclude","include"]},"UserVerificationEnum":{"type":"string","enum":["DISCOURAGED","PREFERRED","REQUIRED"]},"UserVerificationEnumEnrollment":{"type":"string","enum":["DISCOURAGED","PREFERRED","REQUIRED"]},"UserVerificationEnumForVerify":{"type":"string","enum":["DISCOURAGED","PREFERRED","REQUIRED"]},"UsersLink":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"VerificationMethod":{"type":"object","properties":{"type":{"$ref":"#/components/schemas/PolicyRuleVerificationMethodType"}},"discriminator":{"propertyName":"type","mapping":{"ASSURANCE":"#/components/schemas/AssuranceMethod","AUTH_METHOD_CHAIN":"#/components/schemas/AuthenticationMethodChainMethod","ID_PROOFING":"#/components/schemas/IdProofingMethod"}}},"Version":{"type":"string","pattern":"^(?:\\\\*|\\\\^?\\\\d+(?:\\\\.\\\\d+){0,2})$"},"WebAuthnAttachmentEnum":{"type":"string","enum":["ANY","BUILT_IN","ROAMING"]},"WebAuthnRpId":{"type":"object","properties":{"domain":{"$ref":"#/components/schemas/WebAuthnRpIdDomain"},"enabled":{"type":"boolean"}}},"WebAuthnRpIdDomain":{"type":"object","properties":{"dnsRecord":{"allOf":[{},{"$ref":"#/components/schemas/DNSRecordAuthenticators"}]},"name":{"type":"string"},"validationStatus":{"type":"string","enum":["NOT_STARTED","IN_PROGRESS","VERIFIED","ERROR"]}}},"WebAuthnSettingAllowSyncablePasskeys":{"type":"boolean"},"WebAuthnSettingCertBasedAttestationValidation":{"type":"boolean"},"WebAuthnSettingEnableAutofillUI":{"type":"boolean"},"WebAuthnSettingFipsCompliant":{"type":"boolean"},"WebAuthnSettingHardwareProtected":{"type":"boolean"},"WebAuthnSettingResidentKeyRequirement":{"type":"string","enum":["DISCOURAGED","PREFERRED","REQUIRED"]},"WebAuthnSettingShowSignInWithAPasskeyButton":{"type":"boolean"},"WellKnownOrgMetadata":{"type":"object","properties":{"id":{"type":"string"},"pipeline":{"$ref":"#/components/schemas/PipelineType"},"_links":{"type":"object","properties":{"alternate":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"organization":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]}}}}},"WidgetGeneration":{"type":"string","enum":["G2","G3"]},"WsFederationApplication":{"allOf":[{"$ref":"#/components/schemas/Application"},{"type":"object","properties":{"credentials":{"$ref":"#/components/schemas/ApplicationCredentials"},"name":{"type":"string","enum":["template_wsfed"]},"settings":{"$ref":"#/components/schemas/WsFederationApplicationSettings"}},"required":["name","settings"]}]},"WsFederationApplicationSettings":{"allOf":[{"$ref":"#/components/schemas/ApplicationSettings"},{"type":"object","properties":{"app":{"$ref":"#/components/schemas/WsFederationApplicationSettingsApplication"}}}]},"WsFederationApplicationSettingsApplication":{"type":"object","properties":{"attributeStatements":{"type":"string"},"audienceRestriction":{"type":"string"},"authnContextClassRef":{"type":"string"},"groupFilter":{"type":"string"},"groupName":{"type":"string"},"groupValueFormat":{"type":"string","enum":["windowsDomainQualifiedName","samAccountName","dn"]},"nameIDFormat":{"type":"string"},"realm":{"type":"string"},"siteURL":{"type":"string"},"usernameAttribute":{"type":"string","enum":["username","upn","upnAndUsername","none"]},"wReplyOverride":{"type":"boolean"},"wReplyURL":{"type":"string"}},"required":["audienceRestriction","groupValueFormat","wReplyURL","nameIDFormat","authnContextClassRef","siteURL","usernameAttribute"]},"X5c":{"items":{"type":"string"},"type":"array"},"createdProperty":{"format":"date-time","type":"string"},"enabledPagesType":{"type":"string","enum":["SIGN_IN","SSPR","SSR"]},"lastUpdatedProperty":{"format":"date-time","type":"string"},"orgBillingContactType":{"type":"object","properties":{"contactType":{"$ref":"#/components/schemas/OrgContactType"},"_links":{"type":"object","properties":{"billing":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]}}}}},"orgGeneralSettingLinks":{"type":"object","properties":{"contacts":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"logo":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"oktaCommunication":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"oktaSupport":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"preferences":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]},"uploadLogo":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]}}},"orgTechnicalContactType":{"type":"object","properties":{"contactType":{"$ref":"#/components/schemas/OrgContactType"},"_links":{"type":"object","properties":{"technical":{"allOf":[{"$ref":"#/components/schemas/HrefObject"},{}]}}}}}}}');
;// CONCATENATED MODULE: ./src/simulator/conformance/bundledSchemas.ts

function bundledSchemas() {
    return oktaSchemas_namespaceObject;
}

;// CONCATENATED MODULE: ./src/simulator/store.ts
const idOf = (o) => String(o.id);
function indexById(list) {
    return new Map(list.map((o) => [idOf(o), o]));
}
class OrgStore {
    fixture;
    origin;
    users;
    usersByLogin;
    groups;
    apps;
    appsByClientId;
    policies;
    zones;
    authorizationServers;
    customRoles;
    idps;
    authenticators;
    brands;
    /** Group ids per user id. */
    userGroups;
    /** The access policy id of each app that has one. */
    appAccessPolicy;
    constructor(fixture, origin) {
        this.fixture = fixture;
        this.origin = origin;
        this.users = indexById(fixture.users);
        this.usersByLogin = new Map(fixture.users.map((u) => [String(u.profile?.login ?? '').toLowerCase(), u]));
        this.groups = indexById(fixture.groups);
        this.apps = indexById(fixture.apps);
        this.appsByClientId = new Map();
        for (const app of fixture.apps) {
            const clientId = app.credentials?.oauthClient?.client_id;
            if (typeof clientId === 'string')
                this.appsByClientId.set(clientId, app);
        }
        this.policies = indexById(fixture.policies);
        this.zones = indexById(fixture.zones);
        this.authorizationServers = indexById(fixture.authorizationServers);
        this.customRoles = indexById(fixture.customRoles);
        this.idps = indexById(fixture.idps);
        this.authenticators = indexById(fixture.authenticators);
        this.brands = indexById(fixture.brands);
        this.userGroups = new Map();
        for (const [groupId, members] of Object.entries(fixture.groupMembers)) {
            for (const userId of members) {
                const list = this.userGroups.get(userId);
                if (list)
                    list.push(groupId);
                else
                    this.userGroups.set(userId, [groupId]);
            }
        }
        this.appAccessPolicy = new Map();
        for (const app of fixture.apps) {
            const href = app._links?.accessPolicy?.href;
            if (typeof href === 'string')
                this.appAccessPolicy.set(idOf(app), href.slice(href.lastIndexOf('/') + 1));
        }
    }
    findUser(idOrLogin) {
        return this.users.get(idOrLogin) ?? this.usersByLogin.get(idOrLogin.toLowerCase());
    }
    groupsOfUser(userId) {
        return (this.userGroups.get(userId) ?? []).map((g) => this.groups.get(g)).filter((g) => !!g);
    }
    /** A user's role assignments: direct ones, then those inherited from the user's groups. */
    rolesOfUser(userId) {
        const direct = this.fixture.userRoles[userId] ?? [];
        const inherited = (this.userGroups.get(userId) ?? []).flatMap((g) => this.fixture.groupRoles[g] ?? []);
        return [...direct, ...inherited];
    }
    /** Role types the user holds (active assignments only). */
    roleTypesOfUser(userId) {
        return new Set(this.rolesOfUser(userId).filter((r) => r.status !== 'INACTIVE').map((r) => String(r.type)));
    }
    /** Users holding at least one admin role, directly or through a group, in id order. */
    usersWithRoles() {
        return this.fixture.users.filter((u) => this.rolesOfUser(idOf(u)).length > 0);
    }
    /** Apps whose access policy is `policyId`. */
    appsWithPolicy(policyId) {
        return this.fixture.apps.filter((a) => this.appAccessPolicy.get(idOf(a)) === policyId);
    }
}

;// CONCATENATED MODULE: ./src/simulator/fixture/format.ts
const COLLECTIONS = [
    'users', 'groups', 'groupRules', 'apps', 'policies', 'authenticators', 'zones', 'trustedOrigins', 'domains', 'idps',
    'authorizationServers', 'apiTokens', 'logStreams', 'eventHooks', 'behaviors', 'customRoles', 'resourceSets',
    'deviceAssurances', 'brands',
];
const MAPS = [
    'userFactors', 'userRoles', 'groupMembers', 'groupRoles', 'groupOwners', 'appUsers', 'appGroups', 'appGrants',
    'appKeys', 'clientRoles', 'policyRules', 'authenticatorMethods', 'idpKeys', 'authServerPolicies',
    'authServerPolicyRules', 'authServerScopes', 'authServerClaims', 'authServerKeys', 'customRolePermissions',
    'signInPages',
];
const SETTINGS = [
    'oktaSupport', 'oktaCommunication', 'preferences', 'thirdPartyAdmin', 'autoAssignAdminApp', 'clientPrivileges',
    'captcha', 'userLockout', 'authenticatorSettings', 'adminConsole', 'securityNotifications',
];
class FixtureError extends Error {
    source;
    problems;
    constructor(source, problems) {
        super(`${source}: ${problems.length} problem(s) in the org fixture:\n  - ${problems.slice(0, 25).join('\n  - ')}${problems.length > 25 ? `\n  … and ${problems.length - 25} more` : ''}`);
        this.source = source;
        this.problems = problems;
        this.name = 'FixtureError';
    }
}
const format_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * Checks the fixture's outer structure and fills omitted collections with empty ones.
 * The objects inside are checked against Okta's OpenAPI schemas separately.
 */
function normalizeFixture(input, source) {
    const problems = [];
    if (!format_isObject(input))
        throw new FixtureError(source, ['the fixture must be a JSON object']);
    const f = { ...input };
    if (typeof f.name !== 'string' || !f.name)
        problems.push('"name" must be a non-empty string');
    if (f.pipeline !== 'idx' && f.pipeline !== 'v1')
        problems.push('"pipeline" must be "idx" (Identity Engine) or "v1" (Classic)');
    f.features ??= [];
    if (!Array.isArray(f.features))
        problems.push('"features" must be an array of feature names');
    if (!format_isObject(f.org))
        problems.push('"org" must be the org object (GET /api/v1/org)');
    if (!format_isObject(f.threatInsight))
        problems.push('"threatInsight" must be the ThreatInsight configuration object');
    const creds = f.credentials;
    if (!format_isObject(creds) || !Array.isArray(creds.apiTokens)) {
        problems.push('"credentials.apiTokens" must list the API tokens: [{ "value": "…", "userId": "00u…" }]');
    }
    const settings = format_isObject(f.orgSettings) ? { ...f.orgSettings } : undefined;
    if (!settings)
        problems.push('"orgSettings" must be an object');
    else {
        for (const key of SETTINGS) {
            if (!format_isObject(settings[key]))
                problems.push(`"orgSettings.${key}" must be an object`);
        }
        settings.contacts ??= [];
        settings.contactUsers ??= {};
        f.orgSettings = settings;
    }
    for (const key of COLLECTIONS) {
        f[key] ??= [];
        if (!Array.isArray(f[key]))
            problems.push(`"${key}" must be an array`);
        else
            f[key].forEach((item, i) => {
                if (!format_isObject(item))
                    problems.push(`"${key}[${i}]" must be an object`);
            });
    }
    for (const key of MAPS) {
        f[key] ??= {};
        if (!format_isObject(f[key]))
            problems.push(`"${key}" must be an object keyed by parent id`);
    }
    if (problems.length)
        throw new FixtureError(source, problems);
    return f;
}

;// CONCATENATED MODULE: ./src/simulator/fixture/jsonSyntax.ts
// Finds where JSON text first breaks the grammar, for error messages that point at the spot
// (V8's JSON.parse messages do not always carry a position).
/** Offset of the first syntax error in `text`, or -1 when it is valid JSON. */
function jsonErrorOffset(text) {
    let i = 0;
    const ws = () => {
        while (i < text.length && ' \t\n\r'.includes(text[i]))
            i++;
    };
    const fail = () => {
        throw i;
    };
    const literal = (word) => {
        if (text.startsWith(word, i))
            i += word.length;
        else
            fail();
    };
    const string = () => {
        if (text[i] !== '"')
            fail();
        i++;
        while (i < text.length && text[i] !== '"') {
            if (text[i] < ' ')
                fail();
            if (text[i] === '\\') {
                i++;
                if (text[i] === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5)))
                        fail();
                    i += 4;
                }
                else if (!'"\\/bfnrt'.includes(text[i] ?? ''))
                    fail();
            }
            i++;
        }
        if (i >= text.length)
            fail();
        i++;
    };
    const number = () => {
        const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
        if (!m)
            fail();
        i += m[0].length;
    };
    const value = () => {
        ws();
        const c = text[i];
        if (c === '{') {
            i++;
            ws();
            if (text[i] === '}')
                return void i++;
            for (;;) {
                ws();
                string();
                ws();
                if (text[i] !== ':')
                    fail();
                i++;
                value();
                ws();
                if (text[i] === ',')
                    i++;
                else if (text[i] === '}')
                    return void i++;
                else
                    fail();
            }
        }
        if (c === '[') {
            i++;
            ws();
            if (text[i] === ']')
                return void i++;
            for (;;) {
                value();
                ws();
                if (text[i] === ',')
                    i++;
                else if (text[i] === ']')
                    return void i++;
                else
                    fail();
            }
        }
        if (c === '"')
            return string();
        if (c === 't')
            return literal('true');
        if (c === 'f')
            return literal('false');
        if (c === 'n')
            return literal('null');
        number();
    };
    try {
        value();
        ws();
        return i < text.length ? i : -1;
    }
    catch (offset) {
        if (typeof offset === 'number')
            return offset;
        throw offset;
    }
}
/** "line L, column C" (1-based) of an offset. */
function lineAndColumn(text, offset) {
    const before = text.slice(0, offset);
    return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}

;// CONCATENATED MODULE: ./src/simulator/fixture/load.ts
// Reads an org fixture from a JSON file and checks it the way the conformance tests check the
// built-in orgs: every answer the org would give is validated against Okta's response schemas.






function parseFixture(text, source) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (error) {
        const offset = jsonErrorOffset(text);
        const where = offset >= 0 ? ` at ${lineAndColumn(text, offset)}` : '';
        throw new FixtureError(source, [`not valid JSON${where}: ${error.message}`]);
    }
    const fixture = normalizeFixture(raw, source);
    validateFixture(fixture, source);
    return fixture;
}
function loadFixtureFile(path) {
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new FixtureError(path, [`cannot read the file: ${error.code ?? error.message}`]);
    }
    return parseFixture(text, path);
}
/** Throws a FixtureError listing every answer that Okta's schemas would reject. */
function validateFixture(fixture, source) {
    const store = new OrgStore(fixture, 'http://fixture.invalid');
    const result = sweepOrg(store, bundledSchemas());
    if (result.problems.length)
        throw new FixtureError(source, result.problems.map(describeProblem));
}

;// CONCATENATED MODULE: ./src/simulator/oauthServer.ts
// The org authorization server's token endpoint for service apps: client credentials with a
// `private_key_jwt` client assertion checked against the app's registered keys, scopes limited
// to what was granted, and DPoP binding (with the `use_dpop_nonce` round trip) when the app asks.




const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const get = (o, ...path) => path.reduce((v, k) => (typeof v === 'object' && v !== null ? v[k] : undefined), o);
class OAuthServer {
    store;
    dpop;
    options;
    tokens = new Map();
    usedAssertions = new Set();
    dpopNonce = (0,external_node_crypto_namespaceObject.randomBytes)(24).toString('base64url');
    issued = 0;
    constructor(store, dpop, options) {
        this.store = store;
        this.dpop = dpop;
        this.options = options;
    }
    token(form, dpopHeader) {
        if (form.get('grant_type') !== 'client_credentials') {
            return oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
        }
        if (form.get('client_assertion_type') !== ASSERTION_TYPE || !form.get('client_assertion')) {
            return oauthError(401, 'invalid_client', 'Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method');
        }
        const client = this.authenticateClient(form.get('client_assertion'));
        if ('status' in client)
            return client;
        const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
        if (requested.length === 0)
            return oauthError(400, 'invalid_scope', 'The authorization server requires a scope.');
        const granted = (this.store.fixture.appGrants[String(client.app.id)] ?? [])
            .filter((g) => g.status !== 'REVOKED')
            .map((g) => String(g.scopeId));
        const scopes = requested.filter((s) => granted.includes(s));
        if (scopes.length === 0)
            return oauthError(400, 'consent_required', 'You are not allowed any of the requested scopes.');
        let jkt;
        const requiresDpop = get(client.app, 'settings', 'oauthClient', 'dpop_bound_access_tokens') === true;
        if (requiresDpop || dpopHeader !== undefined) {
            const url = `${this.store.origin}/oauth2/v1/token`;
            const result = this.dpop.verify(dpopHeader, { method: 'POST', url });
            if (!result.ok)
                return oauthError(400, 'invalid_dpop_proof', result.description);
            if (result.proof.nonce !== this.dpopNonce) {
                return oauthError(400, 'use_dpop_nonce', 'Authorization server requires nonce in DPoP proof.', { 'dpop-nonce': this.dpopNonce });
            }
            jkt = result.proof.jkt;
        }
        // The assertion is spent only when a token is issued, so a use_dpop_nonce retry may resend it.
        if (client.jti)
            this.usedAssertions.add(client.jti);
        const accessToken = (0,external_node_crypto_namespaceObject.randomBytes)(32).toString('base64url');
        this.tokens.set(accessToken, {
            clientId: client.clientId,
            scopes,
            expiresAt: this.options.now() + this.options.tokenTtlSeconds * 1000,
            jkt,
        });
        this.issued++;
        return {
            status: 200,
            body: {
                token_type: jkt ? 'DPoP' : 'Bearer',
                expires_in: this.options.tokenTtlSeconds,
                access_token: accessToken,
                scope: scopes.join(' '),
            },
        };
    }
    authenticateClient(assertion) {
        const invalid = (why) => oauthError(401, 'invalid_client', why);
        let jws;
        try {
            jws = decodeJws(assertion);
        }
        catch {
            return invalid('The client_assertion is not a well-formed JWT.');
        }
        const { payload: p, header: h } = jws;
        const clientId = typeof p.iss === 'string' ? p.iss : '';
        const app = this.store.appsByClientId.get(clientId);
        if (!app || app.status !== 'ACTIVE')
            return invalid('The client_id in the client_assertion is not valid.');
        if (p.sub !== clientId)
            return invalid("The client_assertion 'sub' must equal its 'iss' (the client id).");
        if (get(app, 'credentials', 'oauthClient', 'token_endpoint_auth_method') !== 'private_key_jwt') {
            return invalid('Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method');
        }
        if (p.aud !== `${this.store.origin}/oauth2/v1/token`)
            return invalid("The audience claim for client_assertion must be the endpoint invoked for the request.");
        const nowSeconds = this.options.now() / 1000;
        if (typeof p.exp !== 'number' || p.exp <= nowSeconds)
            return invalid('The client_assertion token is expired.');
        if (p.exp > nowSeconds + 3600 + 60)
            return invalid('The client_assertion token has an expiration too far into the future.');
        if (typeof p.jti === 'string') {
            if (this.usedAssertions.has(p.jti))
                return invalid("The client_assertion token's 'jti' has already been used.");
        }
        const keys = (get(app, 'settings', 'oauthClient', 'jwks', 'keys') ?? []);
        const candidates = typeof h.kid === 'string' ? keys.filter((k) => k.kid === h.kid) : keys;
        const verified = candidates.some((jwk) => {
            try {
                return verifyJws(jws, importPublicJwk(jwk));
            }
            catch {
                return false;
            }
        });
        if (!verified)
            return invalid('The client_assertion signature is invalid.');
        return { app, clientId, jti: typeof p.jti === 'string' ? p.jti : undefined };
    }
}

;// CONCATENATED MODULE: ./src/simulator/orgs/apps.ts
function base(b, spec, name, signOnMode) {
    const id = b.id('0oa', `app:${spec.key}`);
    return {
        id,
        orn: `orn:okta:idp:${String(b.fixture.org.id ?? b.id('00o', 'org'))}:apps:${name}:${id}`,
        name,
        label: spec.label,
        status: spec.status ?? 'ACTIVE',
        ...b.stamps(spec.createdDaysAgo ?? 250),
        signOnMode,
        accessibility: { selfService: false },
        visibility: { autoLaunch: false, autoSubmitToolbar: false, hide: { iOS: false, web: false }, appLinks: { [`${name}_link`]: true } },
        features: [],
        _links: {
            self: { href: `/api/v1/apps/${id}` },
            users: { href: `/api/v1/apps/${id}/users` },
            groups: { href: `/api/v1/apps/${id}/groups` },
            ...(spec.accessPolicyId ? { accessPolicy: { href: `/api/v1/policies/${spec.accessPolicyId}` } } : {}),
        },
    };
}
function add(b, app) {
    b.fixture.apps.push(app);
    const kid = app.credentials?.signing?.kid;
    if (typeof kid === 'string') {
        // The app's SAML/OIDC signing certificate.
        b.fixture.appKeys[String(app.id)] = [
            {
                kid,
                kty: 'RSA',
                use: 'sig',
                e: 'AQAB',
                n: 'mkC6yAJVvFwUlmM9gKjb2d-YK5qHFt-mXSsbjWKKs4EfNm-BoQeeovBZtSACyaqLc8IYFTPEURFcbDQ9DkAL04uUIRD2gaHYY7uK0jsluEaXGq2RAIsmzAwNTzkiDw4q9pDL_q7n0f_SDt1TsMaMQayB6bU5jWsmqcWJ8MCRJ1aJMjZ16un5UVx51IIeCbe4QRDxEXGAvYNczsBoZxspDt28esSpq5W0dBFxcyGVudyl54Er3FzAguhgfMVjH-bUec9j2Tl40qDTktrYgYfxz9pfjm01Hn4WYpHXwD9CSBPR6hcm4tmMPzX7X8R-7O5KSOg5lVC40i9PzxBwaHnKzJw',
                x5c: ['MIIDqDCCApCgAwIBAgIGAVGNO4qeMA0GCSqGSIb3DQEBCwUAMIGUMQswCQYDVQQGEwJVUzETMBEGA1UECAwKQ2FsaWZvcm5pYTEWMBQGA1UEBwwNU2FuIEZyYW5jaXNjbzENMAsGA1UECgwET2t0YTEUMBIGA1UECwwLU1NPUHJvdmlkZXIxFTATBgNVBAMMDGV4YW1wbGUub2t0YTEcMBoGCSqGSIb3DQEJARYNaW5mb0Bva3RhLmNvbQ=='],
                'x5t#S256': 'wzPVobIrveR1x-PCbjsFGNV-6zn7Rm9KuOWOG4Rk6jE',
                created: b.time.ago(250),
                lastUpdated: b.time.ago(250),
                expiresAt: b.time.ahead(480),
            },
        ];
    }
    return String(app.id);
}
// Okta leaves out properties whose value is null.
const noNotes = { notifications: { vpn: { network: { connection: 'DISABLED' } } }, implicitAssignment: false, notes: {} };
/** Okta's own first-party apps (Admin Console `saasure`, Dashboard `okta_enduser`). */
function firstPartyApp(b, spec) {
    const app = base(b, spec, spec.name, 'OPENID_CONNECT');
    app.credentials = {
        userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' },
        signing: { kid: b.id('', `kid:${spec.key}`) },
        oauthClient: { autoKeyRotation: true, client_id: String(app.id), token_endpoint_auth_method: 'none' },
    };
    app.settings = {
        ...noNotes,
        oauthClient: {
            redirect_uris: [],
            response_types: ['code'],
            grant_types: ['authorization_code'],
            application_type: 'browser',
            issuer_mode: 'ORG_URL',
            wildcard_redirect: 'DISABLED',
            dpop_bound_access_tokens: false,
        },
    };
    return add(b, app);
}
function oidcApp(b, spec) {
    const app = base(b, spec, 'oidc_client', 'OPENID_CONNECT');
    const clientId = b.id('0oa', `client:${spec.key}`);
    app.credentials = {
        userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' },
        signing: { kid: b.id('', `kid:${spec.key}`) },
        oauthClient: {
            autoKeyRotation: true,
            client_id: clientId,
            token_endpoint_auth_method: spec.authMethod,
            pkce_required: spec.pkceRequired ?? spec.authMethod === 'none',
        },
    };
    app.settings = {
        ...noNotes,
        oauthClient: {
            redirect_uris: spec.redirectUris,
            post_logout_redirect_uris: [],
            response_types: spec.grantTypes.includes('implicit') ? ['code', 'token', 'id_token'] : ['code'],
            grant_types: spec.grantTypes,
            application_type: spec.applicationType,
            consent_method: 'TRUSTED',
            issuer_mode: 'DYNAMIC',
            idp_initiated_login: { mode: 'DISABLED', default_scope: [] },
            wildcard_redirect: spec.wildcardRedirect ?? 'DISABLED',
            dpop_bound_access_tokens: false,
        },
    };
    return add(b, app);
}
/** An API service app that calls Okta's APIs with client credentials. */
function serviceApp(b, spec) {
    const app = base(b, spec, 'oidc_client', 'OPENID_CONNECT');
    const clientId = spec.clientId ?? b.id('0oa', `client:${spec.key}`);
    app.credentials = {
        userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' },
        oauthClient: { autoKeyRotation: true, client_id: clientId, token_endpoint_auth_method: 'private_key_jwt' },
    };
    app.settings = {
        ...noNotes,
        oauthClient: {
            response_types: ['token'],
            grant_types: ['client_credentials'],
            application_type: 'service',
            consent_method: 'REQUIRED',
            issuer_mode: 'DYNAMIC',
            jwks: { keys: spec.keys.map((k) => ({ ...k, status: 'ACTIVE' })) },
            dpop_bound_access_tokens: spec.requireDpop,
        },
    };
    const appId = add(b, app);
    b.fixture.appGrants[appId] = spec.grantedScopes.map((scopeId) => ({
        id: b.id('oag', `grant:${spec.key}:${scopeId}`),
        status: 'ACTIVE',
        ...b.stamps(40),
        issuer: '',
        scopeId,
        source: 'ADMIN',
        clientId,
        _links: { app: { href: `/api/v1/apps/${appId}` } },
    }));
    return { appId, clientId };
}
function samlApp(b, spec) {
    const app = base(b, spec, `${b.orgKey}_${spec.key.replace(/\W/g, '')}_1`, 'SAML_2_0');
    app.credentials = {
        userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' },
        signing: { kid: b.id('', `kid:${spec.key}`) },
    };
    app.settings = {
        ...noNotes,
        signOn: {
            defaultRelayState: '',
            ssoAcsUrl: spec.acsUrl,
            idpIssuer: 'http://www.okta.com/${org.externalKey}',
            audience: new URL(spec.acsUrl).origin,
            recipient: spec.acsUrl,
            destination: spec.acsUrl,
            subjectNameIdTemplate: '${user.userName}',
            subjectNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
            responseSigned: spec.responseSigned,
            assertionSigned: spec.assertionSigned,
            signatureAlgorithm: spec.signatureAlgorithm,
            digestAlgorithm: spec.signatureAlgorithm === 'RSA_SHA1' ? 'SHA1' : 'SHA256',
            honorForceAuthn: true,
            authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
            requestCompressed: false,
            allowMultipleAcsEndpoints: false,
            acsEndpoints: [],
            attributeStatements: [],
        },
    };
    return add(b, app);
}
/** A Secure Web Authentication app: Okta stores and types the user's password for them. */
function swaApp(b, spec) {
    const app = base(b, spec, 'template_swa', 'BROWSER_PLUGIN');
    app.credentials = { scheme: 'EDIT_USERNAME_AND_PASSWORD', userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' }, revealPassword: true, signing: {} };
    app.settings = { ...noNotes, app: { buttonField: 'btn-login', passwordField: 'password', usernameField: 'username', url: spec.url } };
    return add(b, app);
}
function basicAuthApp(b, spec) {
    const app = base(b, spec, 'template_basic_auth', 'BASIC_AUTH');
    app.credentials = { scheme: 'EDIT_USERNAME_AND_PASSWORD', userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' }, signing: {} };
    app.settings = { ...noNotes, app: { url: spec.url, authURL: spec.url } };
    return add(b, app);
}
function bookmarkApp(b, spec) {
    const app = base(b, spec, 'bookmark', 'BOOKMARK');
    app.credentials = { userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' }, signing: {} };
    app.settings = { ...noNotes, app: { requestIntegration: false, url: spec.url } };
    return add(b, app);
}
/** An Okta Integration Network app that signs in by posting the user's stored password. */
function autoLoginApp(b, spec) {
    const app = base(b, spec, spec.name, 'AUTO_LOGIN');
    app.credentials = { scheme: 'EDIT_USERNAME_AND_PASSWORD', userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' }, signing: {} };
    app.settings = { ...noNotes, signOn: { loginUrl: spec.loginUrl } };
    return add(b, app);
}

;// CONCATENATED MODULE: ./src/simulator/orgs/federation.ts
const provisioning = (action) => ({
    action,
    profileMaster: false,
    groups: { action: 'NONE' },
    conditions: { deprovisioned: { action: 'NONE' }, suspended: { action: 'NONE' } },
});
function idpBase(b, key, name, type, accountLink) {
    const id = b.id('0oa', `idp:${key}`);
    return {
        id,
        type,
        name,
        status: 'ACTIVE',
        issuerMode: 'DYNAMIC',
        ...b.stamps(150),
        policy: {
            provisioning: provisioning(type === 'X509' ? 'DISABLED' : 'AUTO'),
            accountLink: { action: accountLink },
            subject: { userNameTemplate: { template: 'idpuser.email' }, matchType: 'USERNAME' },
            maxClockSkew: 120000,
        },
        properties: null,
        _links: { self: { href: `/api/v1/idps/${id}` } },
    };
}
/** An inbound SAML identity provider (another company's IdP, or another Okta org). */
function samlIdp(b, key, name, accountLink) {
    const idp = idpBase(b, key, name, 'SAML2', accountLink);
    const kid = b.id('', `idpkey:${key}`);
    idp.protocol = {
        type: 'SAML2',
        endpoints: {
            sso: { url: `https://idp.${key}.example/sso/saml`, binding: 'HTTP-POST', destination: `https://idp.${key}.example/sso/saml` },
            acs: { binding: 'HTTP-POST', type: 'INSTANCE' },
        },
        algorithms: {
            request: { signature: { algorithm: 'SHA-256', scope: 'REQUEST' } },
            response: { signature: { algorithm: 'SHA-256', scope: 'ANY' } },
        },
        credentials: { trust: { issuer: `https://idp.${key}.example`, audience: `https://www.okta.com/saml2/service-provider/${key}`, kid } },
        settings: { nameFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified' },
    };
    b.fixture.idps.push(idp);
    b.fixture.idpKeys[String(idp.id)] = [idpKey(b, kid)];
    return String(idp.id);
}
/** A smart-card (PIV/CAC) identity provider: users present a certificate issued by `issuer`. */
function smartCardIdp(b, key, name, issuer) {
    const idp = idpBase(b, key, name, 'X509', 'DISABLED');
    const kid = b.id('', `idpkey:${key}`);
    idp.protocol = {
        type: 'MTLS',
        endpoints: { sso: { url: `https://${b.orgKey}.mtls.okta.com/sso/idps/${String(idp.id)}` } },
        credentials: { trust: { issuer, audience: String(idp.id), kid, revocation: 'CRL', revocationCacheLifetime: 2880 } },
    };
    b.fixture.idps.push(idp);
    b.fixture.idpKeys[String(idp.id)] = [idpKey(b, kid)];
    return String(idp.id);
}
function idpKey(b, kid) {
    return {
        kid,
        kty: 'RSA',
        use: 'sig',
        e: 'AQAB',
        n: 'u0VYW2-76A_lYg5NQihhcPJYYU9-NHbNaO6LFERWnOUbU7l3MJdmCailwSzjO76O-2GdLE-Hn2kx2g',
        x5c: ['MIIDnjCCAoagAwIBAgIGAVG3MN+PMA0GCSqGSIb3DQEBCwUAMIGPMQswCQYDVQQGEwJVUzETMBEG'],
        'x5t#S256': 'wzPVobIrveR1x-PCbjsFGNV-6zn7Rm9KuOWOG4Rk6jE',
        created: b.time.ago(150),
        lastUpdated: b.time.ago(150),
        expiresAt: b.time.ahead(600),
    };
}
function authorizationServer(b, s) {
    const id = s.id ?? b.id('aus', `authserver:${s.key}`);
    const kid = b.id('', `askey:${s.key}`);
    b.fixture.authorizationServers.push({
        id,
        name: s.name,
        description: `${s.name} authorization server`,
        audiences: [s.audience],
        issuer: `https://${b.orgKey}.okta.com/oauth2/${id}`,
        issuerMode: 'ORG_URL',
        status: 'ACTIVE',
        ...b.stamps(300),
        credentials: { signing: { rotationMode: 'AUTO', lastRotated: b.time.ago(40), nextRotation: b.time.ahead(50), kid, use: 'sig' } },
        _links: {
            self: { href: `/api/v1/authorizationServers/${id}` },
            scopes: { href: `/api/v1/authorizationServers/${id}/scopes` },
            claims: { href: `/api/v1/authorizationServers/${id}/claims` },
            policies: { href: `/api/v1/authorizationServers/${id}/policies` },
        },
    });
    const policyId = b.id('00p', `aspolicy:${s.key}`);
    b.fixture.authServerPolicies[id] = [
        {
            id: policyId,
            type: 'OAUTH_AUTHORIZATION_POLICY',
            name: 'Default Policy',
            description: 'Default policy description',
            priority: 1,
            status: 'ACTIVE',
            system: false,
            ...b.stamps(300),
            conditions: { clients: { include: ['ALL_CLIENTS'] } },
            _links: { self: { href: `/api/v1/authorizationServers/${id}/policies/${policyId}` } },
        },
    ];
    const ruleId = b.id('0pr', `asrule:${s.key}`);
    b.fixture.authServerPolicyRules[policyId] = [
        {
            id: ruleId,
            type: 'RESOURCE_ACCESS',
            name: 'Default Policy Rule',
            priority: 1,
            status: 'ACTIVE',
            system: false,
            ...b.stamps(300),
            conditions: {
                people: { users: { include: [] }, groups: { include: ['EVERYONE'] } },
                grantTypes: { include: ['implicit', 'client_credentials', 'authorization_code', 'password'] },
                scopes: { include: ['*'] },
            },
            actions: {
                token: {
                    accessTokenLifetimeMinutes: s.accessTokenMinutes,
                    refreshTokenLifetimeMinutes: s.refreshTokenMinutes,
                    refreshTokenWindowMinutes: 10080,
                },
            },
            _links: { self: { href: `/api/v1/authorizationServers/${id}/policies/${policyId}/rules/${ruleId}` } },
        },
    ];
    b.fixture.authServerScopes[id] = ['openid', 'profile', 'email', 'offline_access'].map((name) => ({
        id: b.id('scp', `scope:${s.key}:${name}`),
        name,
        displayName: name,
        description: `Allows the ${name} scope`,
        system: true,
        default: false,
        consent: name === 'offline_access' ? 'REQUIRED' : 'IMPLICIT',
        metadataPublish: 'ALL_CLIENTS',
        optional: false,
    }));
    b.fixture.authServerClaims[id] = [
        {
            id: b.id('ocl', `claim:${s.key}:sub`),
            name: 'sub',
            status: 'ACTIVE',
            claimType: 'RESOURCE',
            valueType: 'EXPRESSION',
            value: '(appuser != null) ? appuser.userName : app.clientId',
            conditions: { scopes: [] },
            system: true,
            alwaysIncludeInToken: true,
        },
    ];
    b.fixture.authServerKeys[id] = [
        { alg: 'RS256', e: 'AQAB', n: 'g0MirhrysJMPm_wK45jvMbbyanfhl-jmTBv0o69GeifPaISaXGv8LKn3-CyJvUJcjjeHENsQo2kg', kid, kty: 'RSA', status: 'ACTIVE', use: 'sig' },
    ];
    return id;
}

;// CONCATENATED MODULE: ./src/simulator/orgs/ids.ts
// Deterministic Okta-style ids and timestamps for generated orgs: the same org, key and clock
// always give the same objects, so fixtures are reproducible and diffs stay small.
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** A 32-bit string hash (FNV-1a with a final avalanche); fast enough for a million ids. */
function ids_hash32(text, seed) {
    let h = (0x811c9dc5 ^ seed) >>> 0;
    for (let i = 0; i < text.length; i++)
        h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
}
/** A 20-character id with Okta's type prefix (`00u` users, `00g` groups, `0oa` apps, …). */
function oktaId(prefix, key) {
    let out = prefix;
    for (let round = 0; out.length < 20; round++) {
        // Each round yields five base62 digits (62^5 < 2^32); rounds are independently seeded.
        let h = ids_hash32(key, round * 0x9e3779b1);
        for (let d = 0; d < 5 && out.length < 20; d++) {
            out += BASE62[h % 62];
            h = Math.floor(h / 62);
        }
    }
    return out;
}
/** Timestamps relative to a fixed "now", in Okta's format (milliseconds, Z). */
class Timeline {
    now;
    cache = new Map();
    constructor(now) {
        this.now = now;
    }
    ago(days, hours = 0) {
        const offset = (days * 24 + hours) * 3_600_000;
        let text = this.cache.get(offset);
        if (text === undefined) {
            text = new Date(Math.floor((this.now.getTime() - offset) / 1000) * 1000).toISOString();
            this.cache.set(offset, text);
        }
        return text;
    }
    ahead(days) {
        return this.ago(-days);
    }
}

;// CONCATENATED MODULE: ./src/simulator/orgs/orgBuilder.ts

const ROLE_LABELS = {
    SUPER_ADMIN: 'Super Administrator',
    ORG_ADMIN: 'Organizational Administrator',
    APP_ADMIN: 'Application Administrator',
    USER_ADMIN: 'Group Administrator',
    GROUP_MEMBERSHIP_ADMIN: 'Group Membership Administrator',
    HELP_DESK_ADMIN: 'Help Desk Administrator',
    READ_ONLY_ADMIN: 'Read Only Administrator',
    REPORT_ADMIN: 'Report Administrator',
    API_ACCESS_MANAGEMENT_ADMIN: 'API Access Management Administrator',
};
class OrgBuilder {
    orgKey;
    emailDomain;
    time;
    fixture;
    userType;
    /** Users added after this is set also join the Everyone group, as in Okta. */
    everyoneGroupId;
    usersById = new Map();
    constructor(orgKey, emailDomain, now, init) {
        this.orgKey = orgKey;
        this.emailDomain = emailDomain;
        this.time = new Timeline(now);
        this.userType = this.id('oty', 'default-user-type');
        this.fixture = {
            ...init,
            credentials: { apiTokens: [] },
            org: {},
            orgSettings: {
                oktaSupport: {}, oktaCommunication: {}, preferences: {}, contacts: [], contactUsers: {}, thirdPartyAdmin: {},
                autoAssignAdminApp: {}, clientPrivileges: {}, captcha: {}, userLockout: {}, authenticatorSettings: {},
                adminConsole: {}, securityNotifications: {},
            },
            threatInsight: {},
            users: [], userFactors: {}, userRoles: {}, groups: [], groupMembers: {}, groupRoles: {}, groupOwners: {},
            groupRules: [], apps: [], appUsers: {}, appGroups: {}, appGrants: {}, appKeys: {}, clientRoles: {}, policies: [],
            policyRules: {}, authenticators: [], authenticatorMethods: {}, zones: [], trustedOrigins: [], domains: [], idps: [],
            idpKeys: {}, authorizationServers: [], authServerPolicies: {}, authServerPolicyRules: {}, authServerScopes: {},
            authServerClaims: {}, authServerKeys: {}, apiTokens: [], logStreams: [], eventHooks: [], behaviors: [],
            customRoles: [], customRolePermissions: {}, resourceSets: [], deviceAssurances: [], brands: [], signInPages: {},
        };
    }
    id(prefix, key) {
        return oktaId(prefix, `${this.orgKey}/${key}`);
    }
    /** Created/updated timestamps `days` ago. */
    stamps(days) {
        return { created: this.time.ago(days), lastUpdated: this.time.ago(Math.max(0, days - 3)) };
    }
    userId(key) {
        return this.id('00u', `user:${key}`);
    }
    addUser(spec) {
        const id = this.userId(spec.key);
        const login = `${spec.firstName}.${spec.lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${this.emailDomain}`;
        const status = spec.status ?? 'ACTIVE';
        const created = spec.createdDaysAgo ?? 300;
        const lastLogin = spec.lastLoginDaysAgo === undefined ? 1 : spec.lastLoginDaysAgo;
        const provider = spec.provider ?? 'OKTA';
        const user = {
            id,
            status,
            created: this.time.ago(created),
            activated: status === 'STAGED' ? null : this.time.ago(created - 1),
            statusChanged: this.time.ago(Math.min(created - 1, 30)),
            lastLogin: lastLogin === null ? null : this.time.ago(lastLogin, 2),
            lastUpdated: this.time.ago(Math.min(created - 1, 10)),
            passwordChanged: provider === 'OKTA' && status !== 'STAGED' ? this.time.ago(Math.min(created - 1, 45)) : null,
            type: { id: this.userType },
            profile: {
                firstName: spec.firstName,
                lastName: spec.lastName,
                mobilePhone: null,
                secondEmail: null,
                login,
                email: login,
                ...(spec.department ? { department: spec.department } : {}),
                ...(spec.title ? { title: spec.title } : {}),
            },
            credentials: {
                ...(provider === 'OKTA' ? { password: {} } : {}),
                provider: { type: provider, name: provider === 'ACTIVE_DIRECTORY' ? `${this.emailDomain}` : provider },
            },
            _links: { self: { href: `/api/v1/users/${id}` } },
        };
        this.addUserObject(user);
        if (this.everyoneGroupId)
            this.addMembers(this.everyoneGroupId, [id]);
        return user;
    }
    /** Adds a user object built elsewhere (bulk generation). */
    addUserObject(user) {
        this.fixture.users.push(user);
        this.usersById.set(String(user.id), user);
    }
    user(userId) {
        return this.usersById.get(userId);
    }
    addGroup(key, name, description, type = 'OKTA_GROUP') {
        const id = this.id('00g', `group:${key}`);
        this.fixture.groups.push({
            id,
            ...this.stamps(280),
            lastMembershipUpdated: this.time.ago(5),
            objectClass: ['okta:user_group'],
            type,
            profile: { name, description },
            _links: {
                logo: [
                    { name: 'medium', href: 'https://ok12static.oktacdn.com/assets/img/logos/groups/okta-medium.png', type: 'image/png' },
                ],
                users: { href: `/api/v1/groups/${id}/users` },
                apps: { href: `/api/v1/groups/${id}/apps` },
            },
        });
        this.fixture.groupMembers[id] = [];
        return id;
    }
    addMembers(groupId, userIds) {
        const members = (this.fixture.groupMembers[groupId] ??= []);
        for (const u of userIds)
            if (!members.includes(u))
                members.push(u);
    }
    role(type, key, assignmentType, assignee) {
        return {
            id: this.id('ra1', `role:${key}:${type}`),
            label: ROLE_LABELS[type] ?? type,
            type,
            status: 'ACTIVE',
            ...this.stamps(200),
            assignmentType,
            _links: { assignee: { href: assignee } },
        };
    }
    assignUserRole(userId, type) {
        (this.fixture.userRoles[userId] ??= []).push(this.role(type, userId, 'USER', `/api/v1/users/${userId}`));
    }
    assignGroupRole(groupId, type) {
        (this.fixture.groupRoles[groupId] ??= []).push(this.role(type, groupId, 'GROUP', `/api/v1/groups/${groupId}`));
    }
    assignClientRole(clientId, type) {
        (this.fixture.clientRoles[clientId] ??= []).push(this.role(type, clientId, 'CLIENT', `/oauth2/v1/clients/${clientId}`));
    }
    addGroupOwner(groupId, userId) {
        const user = this.user(userId);
        const profile = (user?.profile ?? {});
        (this.fixture.groupOwners[groupId] ??= []).push({
            id: userId,
            type: 'USER',
            displayName: `${String(profile.firstName)} ${String(profile.lastName)}`,
            originType: 'OKTA_DIRECTORY',
            resolved: true,
            lastUpdated: this.time.ago(20),
        });
    }
    addFactor(userId, kind, status = 'ACTIVE') {
        const n = (this.fixture.userFactors[userId] ??= []).length;
        const base = (prefix, factorType, provider, profile) => {
            const id = this.id(prefix, `factor:${userId}:${n}:${kind}`);
            return {
                id,
                factorType,
                provider,
                vendorName: provider,
                status,
                ...this.stamps(120),
                profile,
                _links: { self: { href: `/api/v1/users/${userId}/factors/${id}` }, user: { href: `/api/v1/users/${userId}` } },
            };
        };
        const credentialId = this.user(userId)?.profile?.login;
        // E.164, in the 555-01xx range reserved for fiction.
        const phone = `+1555010${String(n % 100).padStart(4, '0')}`;
        const factor = {
            push: () => base('opf', 'push', 'OKTA', { credentialId, deviceType: 'SmartPhone_IPhone', name: 'iPhone 15', platform: 'IOS', version: '18.1' }),
            signed_nonce: () => base('crp', 'signed_nonce', 'OKTA', { credentialId, deviceType: 'Laptop', name: 'MacBook Pro', platform: 'MACOS', version: '15.1' }),
            webauthn: () => base('fwf', 'webauthn', 'FIDO', { credentialId: this.id('', `webauthn:${userId}:${n}`), authenticatorName: 'YubiKey 5 NFC' }),
            totp: () => base('uft', 'token:software:totp', 'GOOGLE', { credentialId }),
            sms: () => base('mbl', 'sms', 'OKTA', { phoneNumber: phone }),
            call: () => base('clf', 'call', 'OKTA', { phoneNumber: phone }),
            email: () => base('emf', 'email', 'OKTA', { email: credentialId }),
            question: () => base('ufs', 'question', 'OKTA', { question: 'favorite_vacation_location', questionText: 'What is your favorite vacation location?' }),
        }[kind]();
        this.fixture.userFactors[userId].push(factor);
    }
    /** Assigns an app to users and groups (the app's user and group assignment lists). */
    assignApp(appId, groups, users = []) {
        const groupList = (this.fixture.appGroups[appId] ??= []);
        groups.forEach((groupId, i) => groupList.push({
            id: groupId,
            lastUpdated: this.time.ago(30),
            priority: i,
            profile: {},
            _links: { app: { href: `/api/v1/apps/${appId}` }, group: { href: `/api/v1/groups/${groupId}` } },
        }));
        const userList = (this.fixture.appUsers[appId] ??= []);
        const viaGroups = groups.flatMap((g) => this.fixture.groupMembers[g] ?? []);
        for (const userId of new Set([...users, ...viaGroups])) {
            const user = this.user(userId);
            const profile = (user?.profile ?? {});
            userList.push({
                id: userId,
                scope: users.includes(userId) ? 'USER' : 'GROUP',
                status: 'ACTIVE',
                syncState: 'DISABLED',
                ...this.stamps(60),
                statusChanged: this.time.ago(60),
                credentials: { userName: profile.login },
                profile: {},
                _links: { app: { href: `/api/v1/apps/${appId}` }, user: { href: `/api/v1/users/${userId}` } },
            });
        }
    }
}

;// CONCATENATED MODULE: ./src/simulator/orgs/policies.ts
function addPolicy(b, spec) {
    const id = b.id('00p', `policy:${spec.key}`);
    b.fixture.policies.push({
        id,
        type: spec.type,
        name: spec.name,
        description: spec.description ?? spec.name,
        priority: spec.priority,
        system: spec.system ?? false,
        status: spec.status ?? 'ACTIVE',
        ...b.stamps(spec.system ? 400 : 200),
        conditions: spec.conditions === undefined ? null : spec.conditions,
        ...(spec.settings ? { settings: spec.settings } : {}),
        _links: {
            self: { href: `/api/v1/policies/${id}` },
            rules: { href: `/api/v1/policies/${id}/rules` },
        },
    });
    b.fixture.policyRules[id] = [];
    return id;
}
function addRule(b, policyId, spec) {
    const id = b.id('0pr', `rule:${policyId}:${spec.key}`);
    (b.fixture.policyRules[policyId] ??= []).push({
        id,
        status: spec.status ?? 'ACTIVE',
        name: spec.name,
        priority: spec.priority,
        system: spec.system ?? false,
        ...b.stamps(spec.system ? 400 : 150),
        conditions: spec.conditions,
        actions: spec.actions,
        type: spec.type,
        _links: { self: { href: `/api/v1/policies/${policyId}/rules/${id}` } },
    });
    return id;
}
const everyone = (groupId) => ({ people: { groups: { include: [groupId] } } });
/** A global session policy rule (`OKTA_SIGN_ON` policies hold rules of type `SIGN_ON`). */
function signOnRule(key, name, priority, s, system = false) {
    return {
        key,
        type: 'SIGN_ON',
        name,
        priority,
        system,
        conditions: {
            people: { users: { exclude: s.excludeUsers ?? [] } },
            network: s.zones ? { connection: 'ZONE', ...s.zones } : { connection: 'ANYWHERE' },
            authContext: { authType: 'ANY' },
            risk: { behaviors: [] },
            riskScore: { level: 'ANY' },
            identityProvider: { provider: 'ANY' },
        },
        actions: {
            signon: {
                access: s.access ?? 'ALLOW',
                requireFactor: s.requireFactor ?? false,
                factorPromptMode: 'ALWAYS',
                rememberDeviceByDefault: false,
                factorLifetime: 15,
                primaryFactor: 'PASSWORD_IDP_ANY_FACTOR',
                session: {
                    maxSessionIdleMinutes: s.idleMinutes,
                    maxSessionLifetimeMinutes: s.lifetimeMinutes,
                    usePersistentCookie: s.persistentCookie,
                },
            },
        },
    };
}
function passwordSettings(p) {
    return {
        password: {
            complexity: {
                minLength: p.minLength,
                minLowerCase: p.minLowerCase,
                minUpperCase: p.minUpperCase,
                minNumber: p.minNumber,
                minSymbol: p.minSymbol,
                excludeUsername: p.excludeUsername,
                dictionary: { common: { exclude: p.commonPasswordCheck } },
                excludeAttributes: p.excludeAttributes,
            },
            age: {
                maxAgeDays: p.maxAgeDays,
                expireWarnDays: p.expireWarnDays,
                minAgeMinutes: p.minAgeMinutes,
                historyCount: p.historyCount,
            },
            lockout: {
                maxAttempts: p.maxAttempts,
                autoUnlockMinutes: p.autoUnlockMinutes,
                userLockoutNotificationChannels: p.maxAttempts > 0 ? ['EMAIL'] : [],
                showLockoutFailures: p.showLockoutFailures,
            },
        },
        recovery: {
            factors: {
                recovery_question: { status: p.questionRecovery ? 'ACTIVE' : 'INACTIVE', properties: { complexity: { minLength: 4 } } },
                okta_email: { status: 'ACTIVE', properties: { recoveryToken: { tokenLifetimeMinutes: 60 } } },
                okta_sms: { status: p.smsRecovery ? 'ACTIVE' : 'INACTIVE' },
                okta_call: { status: 'INACTIVE' },
            },
        },
        delegation: { options: { skipUnlock: false } },
    };
}
/** The password policy rule: who may change, reset and unlock, and with which methods. */
function passwordRule(key, name, priority, recoveryMethods, system = false) {
    return {
        key,
        type: 'PASSWORD',
        name,
        priority,
        system,
        conditions: { people: { users: { exclude: [] } }, network: { connection: 'ANYWHERE' } },
        actions: {
            passwordChange: { access: 'ALLOW' },
            selfServicePasswordReset: {
                access: 'ALLOW',
                requirement: { primary: { methods: recoveryMethods }, stepUp: { required: false }, accessControl: 'LEGACY' },
            },
            selfServiceUnlock: { access: 'DENY' },
        },
    };
}
/** An authentication policy rule (`ACCESS_POLICY`): what a user must present to reach an app. */
function accessRule(r) {
    const possession = {};
    if (r.phishingResistant)
        possession.phishingResistant = 'REQUIRED';
    if (r.deviceBound)
        possession.deviceBound = 'REQUIRED';
    const conditions = {};
    if (r.zones)
        conditions.network = { connection: 'ZONE', ...r.zones };
    if (r.groups)
        conditions.people = { groups: { include: r.groups } };
    if (r.deviceAssurances)
        conditions.device = { registered: true, managed: true, assurance: { include: r.deviceAssurances } };
    return {
        key: r.key,
        type: 'ACCESS_POLICY',
        name: r.name,
        priority: r.priority,
        system: r.system ?? false,
        conditions: r.system ? null : conditions,
        actions: {
            appSignOn: {
                access: r.access ?? 'ALLOW',
                verificationMethod: {
                    type: 'ASSURANCE',
                    factorMode: r.factorMode,
                    reauthenticateIn: r.reauthenticateIn ?? 'PT12H',
                    constraints: Object.keys(possession).length ? [{ possession }] : [],
                },
            },
        },
    };
}
/** Authenticator enrollment settings (Identity Engine): `enroll.self` per authenticator key. */
function enrollmentSettings(authenticators) {
    return {
        type: 'AUTHENTICATORS',
        authenticators: Object.entries(authenticators).map(([key, self]) => ({ key, enroll: { self } })),
    };
}
function enrollmentRule(key, name, priority, system = false) {
    return {
        key,
        type: 'MFA_ENROLL',
        name,
        priority,
        system,
        conditions: { people: { users: { exclude: [] } }, network: { connection: 'ANYWHERE' } },
        actions: { enroll: { self: 'CHALLENGE' } },
    };
}
/** A Workflow › Automations inactivity rule (USER_LIFECYCLE). */
function inactivityRule(key, name, days, status, groups) {
    return {
        key,
        type: 'USER_LIFECYCLE',
        name,
        priority: 1,
        conditions: { people: { users: { inactivity: { number: days, unit: 'DAYS' } }, groups: { include: groups } } },
        actions: { userLifecycle: { status } },
    };
}

;// CONCATENATED MODULE: ./src/simulator/orgs/security.ts
const security_self = (path) => ({ self: { href: path } });
function addZone(b, z, type, details) {
    const id = b.id('nzo', `zone:${z.key}`);
    b.fixture.zones.push({
        type,
        id,
        name: z.name,
        status: z.status ?? 'ACTIVE',
        usage: z.usage,
        ...b.stamps(z.system ? 400 : 120),
        system: z.system ?? false,
        ...details,
        _links: security_self(`/api/v1/zones/${id}`),
    });
    return id;
}
function ipZone(b, z) {
    const cidrs = (list) => list.map((value) => ({ type: value.includes('-') ? 'RANGE' : 'CIDR', value }));
    // Okta leaves out gateways and proxies a zone does not have.
    return addZone(b, z, 'IP', {
        ...(z.gateways ? { gateways: cidrs(z.gateways) } : {}),
        ...(z.proxies ? { proxies: cidrs(z.proxies) } : {}),
    });
}
/** An enhanced dynamic zone: matches anonymizers, locations and ASNs. */
function enhancedDynamicZone(b, z) {
    return addZone(b, z, 'DYNAMIC_V2', {
        locations: { include: (z.locations ?? []).map((country) => ({ country })), exclude: [] },
        asns: { include: [], exclude: [] },
        ipServiceCategories: { include: z.categories, exclude: [] },
    });
}
const AUTHENTICATOR_TYPES = {
    okta_email: ['email', 'Email'],
    okta_password: ['password', 'Password'],
    okta_verify: ['app', 'Okta Verify'],
    phone_number: ['phone', 'Phone'],
    security_question: ['security_question', 'Security Question'],
    webauthn: ['security_key', 'Security Key or Biometric'],
    smart_card_idp: ['federated', 'Smart Card Authenticator'],
    google_otp: ['app', 'Google Authenticator'],
};
/** The sign-in methods each authenticator offers (`GET /authenticators/{id}/methods`). */
const AUTHENTICATOR_METHODS = {
    okta_email: ['email'],
    okta_password: ['password'],
    okta_verify: ['push', 'totp', 'signed_nonce'],
    phone_number: ['sms', 'voice'],
    security_question: ['security_question'],
    webauthn: ['webauthn'],
    google_otp: ['otp'],
    smart_card_idp: ['cert'],
};
function authenticator(b, key, status, settings) {
    const [type, name] = AUTHENTICATOR_TYPES[key] ?? ['app', key];
    const id = b.id('aut', `authenticator:${key}`);
    b.fixture.authenticators.push({
        type,
        id,
        key,
        status,
        name,
        ...b.stamps(400),
        ...(settings ? { settings } : {}),
        _links: {
            self: { href: `/api/v1/authenticators/${id}` },
            methods: { href: `/api/v1/authenticators/${id}/methods` },
        },
    });
    b.fixture.authenticatorMethods[id] = (AUTHENTICATOR_METHODS[key] ?? []).map((type) => ({
        type,
        status,
        _links: { self: { href: `/api/v1/authenticators/${id}/methods/${type}` } },
    }));
    return id;
}
/** Changes an authenticator's status (and its methods') or settings. */
function updateAuthenticator(b, key, change) {
    const found = b.fixture.authenticators.find((a) => a.key === key);
    if (!found)
        throw new Error(`the org has no ${key} authenticator`);
    if (change.settings)
        found.settings = change.settings;
    if (change.status) {
        found.status = change.status;
        for (const method of b.fixture.authenticatorMethods[String(found.id)] ?? [])
            method.status = change.status;
    }
}
/** API token metadata; `lastUpdated` moves when the token is used. Tokens expire after 30 idle days. */
function apiToken(b, t) {
    const id = b.id('00T', `token:${t.key}`);
    b.fixture.apiTokens.push({
        id,
        name: t.name,
        userId: t.userId,
        clientName: 'Okta API',
        tokenWindow: 'P30D',
        network: t.zones ? { connection: 'ZONE', include: t.zones, exclude: [] } : { connection: 'ANYWHERE' },
        created: b.time.ago(t.createdDaysAgo),
        lastUpdated: b.time.ago(t.lastUsedDaysAgo),
        expiresAt: b.time.ahead(30 - t.lastUsedDaysAgo),
        _links: { self: { href: `/api/v1/api-tokens/${id}` }, user: [{ href: `/api/v1/users/${t.userId}` }] },
    });
    return id;
}
function splunkLogStream(b, key, name, status) {
    const id = b.id('0oa', `logstream:${key}`);
    b.fixture.logStreams.push({
        id,
        name,
        type: 'splunk_cloud_logstreaming',
        status,
        ...b.stamps(90),
        settings: { host: 'acme.splunkcloud.com', edition: 'aws' },
        _links: { self: { href: `/api/v1/logStreams/${id}` } },
    });
}
/** An Amazon EventBridge log stream. */
function eventBridgeLogStream(b, key, name, status) {
    const id = b.id('0oa', `logstream:${key}`);
    b.fixture.logStreams.push({
        id,
        name,
        type: 'aws_eventbridge',
        status,
        ...b.stamps(90),
        settings: { accountId: '123456789012', eventSourceName: `${b.orgKey}-okta-events`, region: 'eu-west-1' },
        _links: { self: { href: `/api/v1/logStreams/${id}` } },
    });
}
function eventHook(b, key, name, uri, authenticated) {
    const id = b.id('who', `hook:${key}`);
    b.fixture.eventHooks.push({
        id,
        name,
        description: null,
        status: 'ACTIVE',
        verificationStatus: 'VERIFIED',
        ...b.stamps(60),
        createdBy: b.fixture.users[0]?.id ?? null,
        events: { type: 'EVENT_TYPE', items: ['user.lifecycle.create', 'user.lifecycle.deactivate'], filter: null },
        channel: {
            type: 'HTTP',
            version: '1.0.0',
            config: {
                uri,
                method: 'POST',
                headers: [],
                ...(authenticated ? { authScheme: { type: 'HEADER', key: 'Authorization' } } : {}),
            },
        },
        _links: { self: { href: `/api/v1/eventHooks/${id}` } },
    });
}
const BEHAVIOR_SETTINGS = {
    ANOMALOUS_LOCATION: { maxEventsUsedForEvaluation: 50, minEventsNeededForEvaluation: 0, granularity: 'COUNTRY' },
    ANOMALOUS_DEVICE: { maxEventsUsedForEvaluation: 20, minEventsNeededForEvaluation: 0 },
    ANOMALOUS_IP: { maxEventsUsedForEvaluation: 50, minEventsNeededForEvaluation: 0 },
    VELOCITY: { velocityKph: 805 },
};
function behaviorRule(b, name, type, status) {
    const id = b.id('abc', `behavior:${name}`);
    b.fixture.behaviors.push({
        id,
        name,
        type,
        status,
        ...b.stamps(400),
        settings: BEHAVIOR_SETTINGS[type],
        _links: { self: { href: `/api/v1/behaviors/${id}` } },
    });
}
function trustedOrigin(b, key, name, origin, scopes) {
    const id = b.id('tos', `origin:${key}`);
    const admin = String(b.fixture.users[0]?.id ?? '');
    b.fixture.trustedOrigins.push({
        id,
        name,
        origin,
        scopes: scopes.map((type) => ({ type })),
        status: 'ACTIVE',
        created: b.time.ago(100),
        createdBy: admin,
        lastUpdated: b.time.ago(50),
        lastUpdatedBy: admin,
        _links: security_self(`/api/v1/trustedOrigins/${id}`),
    });
}
function customDomain(b, domain, validationStatus, brandId) {
    const id = b.id('OcD', `domain:${domain}`);
    b.fixture.domains.push({
        id,
        domain,
        brandId,
        certificateSourceType: 'OKTA_MANAGED',
        validationStatus,
        dnsRecords: [
            { fqdn: `_oktaverification.${domain}`, recordType: 'TXT', values: [b.id('', `txt:${domain}`)] },
            { fqdn: domain, recordType: 'CNAME', values: [`${b.orgKey}.customdomains.okta.com`] },
        ],
        ...(validationStatus === 'COMPLETED'
            ? { publicCertificate: { subject: `CN=${domain}`, fingerprint: '73:5F:1D:45:2A:0C:7B:8E', expiration: b.time.ahead(80) } }
            : {}),
        _links: {
            self: { href: `/api/v1/domains/${id}` },
            verify: { href: `/api/v1/domains/${id}/verify`, hints: { allow: ['POST'] } },
            brand: { href: `/api/v1/brands/${brandId}` },
        },
    });
}
function customRole(b, key, label, description, permissions) {
    const id = b.id('cr0', `customrole:${key}`);
    b.fixture.customRoles.push({
        id,
        label,
        description,
        ...b.stamps(90),
        _links: { self: { href: `/api/v1/iam/roles/${id}` }, permissions: { href: `/api/v1/iam/roles/${id}/permissions` } },
    });
    b.fixture.customRolePermissions[id] = permissions.map((label) => ({
        label,
        ...b.stamps(90),
        _links: { self: { href: `/api/v1/iam/roles/${id}/permissions/${label}` }, role: { href: `/api/v1/iam/roles/${id}` } },
    }));
    return id;
}
function macDeviceAssurance(b, key, name, minimumOs) {
    const id = b.id('dae', `assurance:${key}`);
    b.fixture.deviceAssurances.push({
        id,
        name,
        platform: 'MACOS',
        createdBy: String(b.fixture.users[0]?.id ?? ''),
        createdDate: b.time.ago(60),
        lastUpdatedBy: String(b.fixture.users[0]?.id ?? ''),
        lastUpdate: b.time.ago(30),
        osVersion: { minimum: minimumOs },
        diskEncryptionType: { include: ['ALL_INTERNAL_VOLUMES'] },
        screenLockType: { include: ['PASSCODE', 'BIOMETRIC'] },
        secureHardwarePresent: true,
        _links: security_self(`/api/v1/device-assurances/${id}`),
    });
    return id;
}
/** The org's brand with its default sign-in page and, optionally, a customized one. */
function brand(b, name, customizedContent) {
    const id = b.id('bnd', `brand:${name}`);
    b.fixture.brands.push({
        id,
        name,
        isDefault: true,
        removePoweredByOkta: false,
        agreeToCustomPrivacyPolicy: false,
        locale: 'en',
        defaultApp: {},
        _links: { self: { href: `/api/v1/brands/${id}` }, themes: { href: `/api/v1/brands/${id}/themes` } },
    });
    const page = (pageContent) => ({
        pageContent,
        widgetVersion: '7.25',
        widgetCustomizations: { widgetGeneration: 'G3' },
    });
    b.fixture.signInPages[id] = {
        default: page('<!DOCTYPE html><html><head><title>{{orgName}} - Sign In</title></head><body>{{{SignInWidgetResources}}}<div id="okta-login-container"></div>{{{OktaUtil}}}</body></html>'),
        ...(customizedContent ? { customized: page(customizedContent) } : {}),
    };
    return id;
}

;// CONCATENATED MODULE: ./src/simulator/orgs/fresh.ts





const OKTA_DEFAULT_PASSWORD = {
    minLength: 8,
    minLowerCase: 1,
    minUpperCase: 1,
    minNumber: 1,
    minSymbol: 0,
    excludeUsername: true,
    excludeAttributes: [],
    commonPasswordCheck: false,
    maxAgeDays: 0,
    minAgeMinutes: 0,
    historyCount: 4,
    expireWarnDays: 0,
    maxAttempts: 10,
    autoUnlockMinutes: 0,
    showLockoutFailures: false,
    smsRecovery: false,
    questionRecovery: false,
};
function freshOrg(spec) {
    const features = spec.features ?? ['API_ACCESS_MANAGEMENT', 'LOG_STREAMING', 'DEVICE_ASSURANCE', 'WORKFLOWS'];
    const b = new OrgBuilder(spec.key, spec.emailDomain, spec.now, {
        name: spec.name,
        description: spec.description,
        pipeline: 'idx',
        features,
    });
    const f = b.fixture;
    const orgId = b.id('00o', 'org');
    f.org = {
        id: orgId,
        subdomain: spec.key,
        companyName: spec.companyName,
        status: 'ACTIVE',
        created: b.time.ago(420),
        lastUpdated: b.time.ago(30),
        website: `https://www.${spec.emailDomain}`,
        phoneNumber: '+1 555-0100',
        endUserSupportHelpURL: `https://help.${spec.emailDomain}`,
        supportPhoneNumber: '+1 555-0199',
        address1: '100 Market Street',
        address2: 'Floor 4',
        city: 'San Francisco',
        state: 'CA',
        country: 'United States',
        postalCode: '94105',
        _links: {
            preferences: { href: '/api/v1/org/preferences' },
            oktaCommunication: { href: '/api/v1/org/privacy/oktaCommunication' },
            oktaSupport: { href: '/api/v1/org/privacy/oktaSupport' },
            contacts: { href: '/api/v1/org/contacts' },
        },
    };
    const admin = b.addUser(spec.admin);
    const adminId = String(admin.id);
    b.addFactor(adminId, 'email');
    b.addFactor(adminId, 'push');
    b.assignUserRole(adminId, 'SUPER_ADMIN');
    f.credentials.apiTokens.push({ value: spec.token, userId: adminId });
    apiToken(b, { key: 'provisioning', name: 'posture-scanner', userId: adminId, createdDaysAgo: 2, lastUsedDaysAgo: 0 });
    const everyoneGroupId = b.addGroup('everyone', 'Everyone', 'All users in your organization', 'BUILT_IN');
    const adminsGroupId = b.addGroup('okta-admins', 'Okta Administrators', 'Users with an administrator role', 'BUILT_IN');
    b.addMembers(everyoneGroupId, [adminId]);
    b.everyoneGroupId = everyoneGroupId;
    b.addMembers(adminsGroupId, [adminId]);
    f.orgSettings = {
        oktaSupport: { support: 'DISABLED', expiration: null, caseNumber: null, _links: { grant: { href: '/api/v1/org/privacy/oktaSupport/grant', hints: { allow: ['POST'] } } } },
        oktaCommunication: { optOutEmailUsers: false, _links: { optOut: { href: '/api/v1/org/privacy/oktaCommunication/optOut', hints: { allow: ['POST'] } } } },
        preferences: { showEndUserFooter: true, _links: { hideEndUserFooter: { href: '/api/v1/org/preferences/hideEndUserFooter', hints: { allow: ['POST'] } } } },
        contacts: ['BILLING', 'TECHNICAL'].map((contactType) => ({
            contactType,
            _links: { [contactType.toLowerCase()]: { href: `/api/v1/org/contacts/${contactType}` } },
        })),
        contactUsers: { BILLING: adminId, TECHNICAL: adminId },
        thirdPartyAdmin: { thirdPartyAdmin: false },
        autoAssignAdminApp: { autoAssignAdminAppSetting: true },
        clientPrivileges: { clientPrivilegesSetting: false },
        captcha: {},
        userLockout: { preventBruteForceLockoutFromUnknownDevices: false },
        authenticatorSettings: { verifyKnowledgeSecondWhen2faRequired: false },
        adminConsole: { sessionIdleTimeoutMinutes: 15, sessionMaxLifetimeMinutes: 720 },
        securityNotifications: {
            sendEmailForNewDeviceEnabled: false,
            sendEmailForFactorEnrollmentEnabled: false,
            sendEmailForFactorResetEnabled: false,
            sendEmailForPasswordChangedEnabled: false,
            reportSuspiciousActivityEnabled: false,
        },
    };
    f.threatInsight = {
        action: 'none',
        excludeZones: [],
        created: b.time.ago(420),
        lastUpdated: b.time.ago(420),
        _links: { self: { href: '/api/v1/threats/configuration', hints: { allow: ['GET', 'POST'] } } },
    };
    const zones = {
        legacy: ipZone(b, { key: 'legacy', name: 'LegacyIpZone', usage: 'POLICY', system: true, gateways: null }),
        blocked: ipZone(b, { key: 'blocked', name: 'BlockedIpZone', usage: 'BLOCKLIST', system: true, gateways: null }),
        anonymizers: enhancedDynamicZone(b, { key: 'default-enhanced', name: 'DefaultEnhancedDynamicZone', usage: 'BLOCKLIST', system: true, categories: ['ALL_ANONYMIZERS'] }),
        exempt: ipZone(b, { key: 'default-exempt', name: 'DefaultExemptIpZone', usage: 'POLICY', system: true, gateways: null }),
    };
    authenticator(b, 'okta_email', 'ACTIVE', { allowedFor: 'any', tokenLifetimeInMinutes: 5 });
    authenticator(b, 'okta_password', 'ACTIVE');
    authenticator(b, 'okta_verify', 'ACTIVE', {
        channelBinding: { style: 'NUMBER_CHALLENGE', required: 'HIGH_RISK_ONLY' },
        compliance: { fips: 'OPTIONAL' },
        userVerification: 'PREFERRED',
    });
    authenticator(b, 'phone_number', 'INACTIVE', { allowedFor: 'none' });
    authenticator(b, 'security_question', 'INACTIVE', { allowedFor: 'none' });
    authenticator(b, 'webauthn', 'INACTIVE');
    // Global session policy, password policy, authenticator enrollment policy.
    const signOn = addPolicy(b, { key: 'gsp-default', type: 'OKTA_SIGN_ON', name: 'Default Policy', description: 'The default policy applies in all situations if no other policy applies.', priority: 1, system: true, conditions: everyone(everyoneGroupId) });
    const signOnDefaultRule = addRule(b, signOn, signOnRule('default', 'Default Rule', 1, { idleMinutes: 120, lifetimeMinutes: 0, persistentCookie: false }, true));
    const password = addPolicy(b, {
        key: 'password-default', type: 'PASSWORD', name: 'Default Policy', description: 'The default policy applies in all situations if no other policy applies.', priority: 1, system: true,
        conditions: { ...everyone(everyoneGroupId), authProvider: { provider: 'OKTA' } },
        settings: passwordSettings(OKTA_DEFAULT_PASSWORD),
    });
    addRule(b, password, passwordRule('default', 'Default Rule', 1, ['email'], true));
    const mfaEnroll = addPolicy(b, {
        key: 'mfa-default', type: 'MFA_ENROLL', name: 'Default Policy', description: 'The default policy applies in all situations if no other policy applies.', priority: 1, system: true,
        conditions: everyone(everyoneGroupId),
        settings: enrollmentSettings({ okta_password: 'REQUIRED', okta_email: 'REQUIRED', okta_verify: 'OPTIONAL' }),
    });
    addRule(b, mfaEnroll, enrollmentRule('default', 'Default Rule', 1, true));
    // Authentication policies for Okta's own apps and for everything else.
    const adminConsole = addPolicy(b, { key: 'access-admin-console', type: 'ACCESS_POLICY', name: 'Okta Admin Console', description: 'Controls access to the Okta Admin Console', priority: 1 });
    addRule(b, adminConsole, accessRule({ key: 'mfa', name: 'Admin Console MFA', priority: 0, factorMode: '2FA', reauthenticateIn: 'PT12H' }));
    addRule(b, adminConsole, accessRule({ key: 'catch-all', name: 'Catch-all Rule', priority: 99, system: true, access: 'DENY', factorMode: '2FA' }));
    const dashboard = addPolicy(b, { key: 'access-dashboard', type: 'ACCESS_POLICY', name: 'Okta Dashboard', description: 'Controls access to the Okta Dashboard', priority: 2 });
    addRule(b, dashboard, accessRule({ key: 'catch-all', name: 'Catch-all Rule', priority: 99, system: true, factorMode: '2FA' }));
    const defaultAccess = addPolicy(b, { key: 'access-default', type: 'ACCESS_POLICY', name: 'Default Policy', description: 'Default authentication policy for apps', priority: 3, system: true });
    addRule(b, defaultAccess, accessRule({ key: 'catch-all', name: 'Catch-all Rule', priority: 99, system: true, factorMode: '1FA' }));
    const profile = addPolicy(b, { key: 'profile-default', type: 'PROFILE_ENROLLMENT', name: 'Default Policy', priority: 1, system: true });
    addRule(b, profile, {
        key: 'catch-all', type: 'PROFILE_ENROLLMENT', name: 'Catch-all Rule', priority: 99, system: true, conditions: null,
        actions: { profileEnrollment: { access: 'ALLOW', unknownUserAction: 'DENY', activationRequirements: { emailVerification: true }, profileAttributes: [{ name: 'email', label: 'Email', required: true }] } },
    });
    const discovery = addPolicy(b, { key: 'idp-discovery', type: 'IDP_DISCOVERY', name: 'Idp Discovery Policy', priority: 1, system: true });
    addRule(b, discovery, {
        key: 'default', type: 'IDP_DISCOVERY', name: 'Default Rule', priority: 1, system: true,
        conditions: { network: { connection: 'ANYWHERE' } },
        actions: { idp: { providers: [{ type: 'OKTA' }] } },
    });
    const apps = {
        adminConsole: firstPartyApp(b, { key: 'saasure', name: 'saasure', label: 'Okta Admin Console', accessPolicyId: adminConsole, createdDaysAgo: 420 }),
        dashboard: firstPartyApp(b, { key: 'okta_enduser', name: 'okta_enduser', label: 'Okta Dashboard', accessPolicyId: dashboard, createdDaysAgo: 420 }),
    };
    b.assignApp(apps.adminConsole, [adminsGroupId]);
    b.assignApp(apps.dashboard, [everyoneGroupId]);
    for (const [name, type] of [['New Country', 'ANOMALOUS_LOCATION'], ['New Device', 'ANOMALOUS_DEVICE'], ['New IP', 'ANOMALOUS_IP'], ['Velocity', 'VELOCITY']]) {
        behaviorRule(b, name, type, 'ACTIVE');
    }
    const brandId = brand(b, `${spec.companyName}`);
    if (features.includes('API_ACCESS_MANAGEMENT')) {
        authorizationServer(b, { key: 'default', id: 'default', name: 'default', audience: 'api://default', accessTokenMinutes: 60, refreshTokenMinutes: 0 });
    }
    return {
        b,
        adminId,
        everyoneGroupId,
        adminsGroupId,
        policies: { signOn, signOnDefaultRule, password, mfaEnroll, adminConsole, dashboard, defaultAccess },
        zones,
        apps,
        brandId,
    };
}

;// CONCATENATED MODULE: ./src/simulator/orgs/scannerApp.ts
// The OAuth service app a posture scanner signs in as: client credentials with a private-key
// JWT, every read scope the scan needs, and an admin role assigned to the app.


/** Every OAuth scope the catalogued endpoints need. */
const SCANNER_SCOPES = [
    ...new Set(ENDPOINTS.map((e) => e.scope).filter((s) => s !== null)),
].sort();
function addScannerApp(b, key, options) {
    const app = serviceApp(b, {
        key: 'posture-scanner',
        label: options.label ?? 'okta-posture scanner',
        keys: [key.publicJwk],
        requireDpop: options.requireDpop,
        grantedScopes: [...SCANNER_SCOPES],
        createdDaysAgo: 30,
    });
    b.assignClientRole(app.clientId, options.role);
    return app;
}

;// CONCATENATED MODULE: ./src/simulator/orgs/demo.ts






/** What is wrong with the demo org, in plain words; the built-in policy must find each. */
const DEMO_MISCONFIGURATIONS = (/* unused pure expression or super */ null && ([
    'Two thirds of the administrators (4 of 6) are super admins; one of them signs in with SMS only',
    'The IT Admins group grants super admin and has no owner',
    'The Admin Console asks for a second factor but not a phishing-resistant one, and is reachable from anywhere',
    'The Okta Dashboard accepts a password alone',
    'The Admin Console session idles out after 60 minutes and lasts 24 hours',
    'Global sessions idle for 2 hours, never expire, persist across browser restarts, and are not limited to network zones',
    'The default password policy allows 8 characters, no symbols, no expiry, reuse after 4, 10 attempts, common passwords, and SMS and security-question recovery',
    'Security questions and SMS can be enrolled as authenticators; Okta Verify does not require FIPS devices or user verification',
    'ThreatInsight only logs; anonymizing proxies are not blocked; no IP blocklist is in use',
    'API tokens are owned by super admins and usable from any network; one is over a year old',
    'Apps sign users in with stored passwords (SWA, basic auth, auto-login); a public SPA uses the implicit grant; a SAML app signs with SHA-1',
    'A trusted origin and an event hook use plain http; a custom domain is not verified; an inbound IdP links accounts automatically',
    'No log stream sends the System Log to a SIEM; no notification emails go to users; suspicious-activity reporting is off',
    'Okta Support has access; new public clients get super admin by default',
    'No inactivity automation suspends unused accounts; an active user has not signed in for 200 days; another has no MFA factor',
]));
const PEOPLE = [
    { key: 'ada', firstName: 'Ada', lastName: 'Okafor', title: 'CTO', department: 'Engineering', lastLoginDaysAgo: 0 },
    { key: 'ben', firstName: 'Ben', lastName: 'Hartley', title: 'IT Lead', department: 'IT', lastLoginDaysAgo: 1 },
    { key: 'chloe', firstName: 'Chloe', lastName: 'Dubois', title: 'IT Engineer', department: 'IT', lastLoginDaysAgo: 2 },
    { key: 'dev', firstName: 'Devendra', lastName: 'Rao', title: 'Security Engineer', department: 'Security', lastLoginDaysAgo: 0 },
    { key: 'erin', firstName: 'Erin', lastName: 'Walsh', title: 'Helpdesk', department: 'IT', lastLoginDaysAgo: 3 },
    { key: 'suki', firstName: 'Suki', lastName: 'Mbeze', title: 'Engineer', department: 'Engineering', status: 'PROVISIONED', lastLoginDaysAgo: null, createdDaysAgo: 6 },
    { key: 'farid', firstName: 'Farid', lastName: 'Haddad', title: 'Engineer', department: 'Engineering' },
    { key: 'greta', firstName: 'Greta', lastName: 'Lindqvist', title: 'Engineer', department: 'Engineering' },
    { key: 'hiro', firstName: 'Hiro', lastName: 'Tanaka', title: 'Designer', department: 'Product' },
    { key: 'ines', firstName: 'Ines', lastName: 'Moreau', title: 'Product Manager', department: 'Product' },
    { key: 'jonas', firstName: 'Jonas', lastName: 'Becker', title: 'Account Executive', department: 'Sales', lastLoginDaysAgo: 200 },
    { key: 'kemi', firstName: 'Kemi', lastName: 'Adeyemi', title: 'Account Executive', department: 'Sales' },
    { key: 'liam', firstName: 'Liam', lastName: 'Byrne', title: 'Controller', department: 'Finance' },
    { key: 'mara', firstName: 'Mara', lastName: 'Costa', title: 'Contractor', department: 'Engineering', status: 'SUSPENDED', lastLoginDaysAgo: 95 },
    { key: 'nils', firstName: 'Nils', lastName: 'Eriksen', title: 'Engineer', department: 'Engineering', status: 'DEPROVISIONED', lastLoginDaysAgo: 160 },
    { key: 'olu', firstName: 'Olu', lastName: 'Bankole', title: 'Engineer', department: 'Engineering', status: 'LOCKED_OUT' },
    { key: 'priya', firstName: 'Priya', lastName: 'Nair', title: 'Recruiter', department: 'People', status: 'STAGED', lastLoginDaysAgo: null, createdDaysAgo: 2 },
    { key: 'quinn', firstName: 'Quinn', lastName: 'Fletcher', title: 'Support', department: 'Support', status: 'PASSWORD_EXPIRED', lastLoginDaysAgo: 40 },
    { key: 'svc', firstName: 'Integration', lastName: 'Bot', title: 'Service account', department: 'IT', lastLoginDaysAgo: 30 },
];
function demoOrg(now, token, scannerKey) {
    const org = freshOrg({
        key: 'quillfeather',
        name: 'demo',
        description: 'Quillfeather Labs: a small software company with a spread of deliberate misconfigurations.',
        companyName: 'Quillfeather Labs',
        emailDomain: 'quillfeather.example',
        admin: PEOPLE[0],
        now,
        token,
    });
    const { b, everyoneGroupId } = org;
    const f = b.fixture;
    const user = { ada: org.adminId };
    for (const p of PEOPLE.slice(1))
        user[p.key] = String(b.addUser(p).id);
    // Factors: most people have Okta Verify; Ben only SMS; Farid nothing at all.
    b.addFactor(user.ada, 'webauthn');
    b.addFactor(user.ben, 'sms');
    b.addFactor(user.chloe, 'push');
    b.addFactor(user.dev, 'webauthn');
    b.addFactor(user.erin, 'push');
    for (const k of ['greta', 'hiro', 'ines', 'jonas', 'kemi', 'liam', 'mara', 'olu', 'quinn', 'svc'])
        b.addFactor(user[k], 'push');
    b.addFactor(user.kemi, 'sms');
    b.addFactor(user.liam, 'question');
    // Groups and admin roles.
    const groups = {
        it: b.addGroup('it-admins', 'IT Admins', 'Super administrators'),
        engineering: b.addGroup('engineering', 'Engineering', 'Everyone who builds the product'),
        sales: b.addGroup('sales', 'Sales', 'Sales team'),
        finance: b.addGroup('finance', 'Finance', 'Finance team'),
        contractors: b.addGroup('contractors', 'Contractors', 'External contractors'),
        security: b.addGroup('security', 'Security', 'Security team'),
    };
    b.addMembers(groups.it, [user.ben, user.chloe]);
    b.addMembers(org.adminsGroupId, [user.ben, user.chloe, user.dev, user.erin, user.svc]);
    b.addMembers(groups.engineering, ['ada', 'farid', 'greta', 'suki', 'olu', 'nils'].map((k) => user[k]));
    b.addMembers(groups.sales, [user.jonas, user.kemi]);
    b.addMembers(groups.finance, [user.liam]);
    b.addMembers(groups.contractors, [user.mara]);
    b.addMembers(groups.security, [user.dev]);
    b.assignGroupRole(groups.it, 'SUPER_ADMIN');
    b.assignUserRole(user.svc, 'SUPER_ADMIN');
    b.assignUserRole(user.dev, 'ORG_ADMIN');
    b.assignUserRole(user.erin, 'HELP_DESK_ADMIN');
    b.addGroupOwner(groups.engineering, user.ada);
    b.addGroupOwner(groups.security, user.dev);
    customRole(b, 'helpdesk-plus', 'Helpdesk Plus', 'Help desk with user lifecycle rights', ['okta.users.read', 'okta.users.lifecycle.manage', 'okta.users.credentials.resetPassword']);
    f.groupRules.push({
        type: 'group_rule',
        id: b.id('0pr', 'grouprule:engineering'),
        status: 'ACTIVE',
        name: 'Engineering by department',
        ...b.stamps(100),
        conditions: { expression: { value: 'user.department=="Engineering"', type: 'urn:okta:expression:1.0' }, people: { users: { exclude: [] }, groups: { exclude: [] } } },
        actions: { assignUserToGroups: { groupIds: [groups.engineering] } },
    }, {
        type: 'group_rule',
        id: b.id('0pr', 'grouprule:contractors'),
        status: 'INVALID',
        name: 'Contractors by title',
        ...b.stamps(100),
        conditions: { expression: { value: 'user.jobTitle=="Contractor"', type: 'urn:okta:expression:1.0' }, people: { users: { exclude: [] }, groups: { exclude: [] } } },
        actions: { assignUserToGroups: { groupIds: [groups.contractors] } },
    });
    // Org settings.
    Object.assign(f.orgSettings, {
        oktaSupport: { support: 'ENABLED', expiration: b.time.ahead(5), caseNumber: '02917461', _links: { revoke: { href: '/api/v1/org/privacy/oktaSupport/revoke', hints: { allow: ['POST'] } } } },
        clientPrivileges: { clientPrivilegesSetting: true },
        adminConsole: { sessionIdleTimeoutMinutes: 60, sessionMaxLifetimeMinutes: 1440 },
    });
    f.threatInsight.action = 'audit';
    // Network zones: an office zone, the (empty) blocklist, anonymizer blocking switched off.
    const office = ipZone(b, { key: 'office', name: 'Lisbon office', usage: 'POLICY', gateways: ['198.51.100.0/24'] });
    const anonymizers = f.zones.find((z) => z.id === org.zones.anonymizers);
    anonymizers.status = 'INACTIVE';
    // Global session policy: a custom rule above the default, with long, persistent sessions.
    addRule(b, org.policies.signOn, signOnRule('employees', 'Employees', 1, { idleMinutes: 120, lifetimeMinutes: 0, persistentCookie: true }));
    const signOnRules = f.policyRules[org.policies.signOn];
    signOnRules.find((r) => r.id === org.policies.signOnDefaultRule).priority = 2;
    // Password policy: Okta's defaults, plus SMS and security-question recovery.
    const pw = f.policies.find((p) => p.id === org.policies.password);
    pw.settings = passwordSettings({ ...OKTA_DEFAULT_PASSWORD, smsRecovery: true, questionRecovery: true });
    f.policyRules[org.policies.password] = [];
    addRule(b, org.policies.password, passwordRule('default', 'Default Rule', 1, ['email', 'sms'], true));
    const contractorPw = addPolicy(b, {
        key: 'password-contractors', type: 'PASSWORD', name: 'Contractors', priority: 1,
        conditions: { people: { groups: { include: [groups.contractors] } }, authProvider: { provider: 'OKTA' } },
        settings: passwordSettings({ ...OKTA_DEFAULT_PASSWORD, minLength: 12, minSymbol: 1, commonPasswordCheck: true, maxAgeDays: 90, historyCount: 10, maxAttempts: 5 }),
    });
    addRule(b, contractorPw, passwordRule('contractors', 'Contractors rule', 1, ['email']));
    f.policies.find((p) => p.id === org.policies.password).priority = 2;
    // Authenticator enrollment: weak authenticators may be enrolled.
    authenticator(b, 'google_otp', 'ACTIVE');
    updateAuthenticator(b, 'phone_number', { status: 'ACTIVE', settings: { allowedFor: 'any' } });
    updateAuthenticator(b, 'security_question', { status: 'ACTIVE', settings: { allowedFor: 'any' } });
    updateAuthenticator(b, 'webauthn', { status: 'ACTIVE' });
    f.policies.find((p) => p.id === org.policies.mfaEnroll).settings = enrollmentSettings({
        okta_password: 'REQUIRED', okta_email: 'REQUIRED', okta_verify: 'OPTIONAL', phone_number: 'OPTIONAL',
        security_question: 'OPTIONAL', webauthn: 'OPTIONAL', google_otp: 'OPTIONAL',
    });
    // Authentication policies: the Dashboard lets a password through.
    f.policyRules[org.policies.dashboard] = [];
    addRule(b, org.policies.dashboard, accessRule({ key: 'catch-all', name: 'Catch-all Rule', priority: 99, system: true, factorMode: '1FA' }));
    const appsPolicy = addPolicy(b, { key: 'access-business-apps', type: 'ACCESS_POLICY', name: 'Business apps', priority: 4 });
    addRule(b, appsPolicy, accessRule({ key: 'office', name: 'From the office', priority: 0, factorMode: '1FA', zones: { include: [office] } }));
    addRule(b, appsPolicy, accessRule({ key: 'catch-all', name: 'Catch-all Rule', priority: 99, system: true, factorMode: '2FA' }));
    // Applications.
    const slack = samlApp(b, { key: 'slack', label: 'Slack', acsUrl: 'https://quillfeather.slack.example/sso/saml', signatureAlgorithm: 'RSA_SHA256', assertionSigned: true, responseSigned: true, accessPolicyId: appsPolicy });
    const wiki = samlApp(b, { key: 'wiki', label: 'Team Wiki', acsUrl: 'https://wiki.quillfeather.example/saml/acs', signatureAlgorithm: 'RSA_SHA1', assertionSigned: true, responseSigned: false, accessPolicyId: appsPolicy });
    const expenses = swaApp(b, { key: 'expenses', label: 'Expense Tracker', url: 'https://expenses.example/login', accessPolicyId: org.policies.defaultAccess });
    const intranet = basicAuthApp(b, { key: 'intranet', label: 'Legacy Intranet', url: 'https://intranet.quillfeather.example/', accessPolicyId: org.policies.defaultAccess });
    const pagerduty = autoLoginApp(b, { key: 'pagerduty', name: 'quillfeather_pagerduty_1', label: 'PagerDuty', loginUrl: 'https://quillfeather.pagerduty.example/sign_in', accessPolicyId: org.policies.defaultAccess });
    const handbook = bookmarkApp(b, { key: 'handbook', label: 'Employee Handbook', url: 'https://handbook.quillfeather.example', accessPolicyId: org.policies.defaultAccess });
    const portal = oidcApp(b, { key: 'portal', label: 'Customer Portal', applicationType: 'browser', grantTypes: ['implicit', 'authorization_code'], authMethod: 'none', pkceRequired: false, redirectUris: ['https://portal.quillfeather.example/callback'], accessPolicyId: appsPolicy });
    const api = oidcApp(b, { key: 'api', label: 'Internal API', applicationType: 'web', grantTypes: ['authorization_code', 'refresh_token'], authMethod: 'client_secret_basic', pkceRequired: true, redirectUris: ['https://api.quillfeather.example/oauth/callback'], accessPolicyId: appsPolicy });
    oidcApp(b, { key: 'old-crm', label: 'Old CRM', status: 'INACTIVE', applicationType: 'web', grantTypes: ['authorization_code'], authMethod: 'client_secret_post', redirectUris: ['https://crm.quillfeather.example/cb'], accessPolicyId: org.policies.defaultAccess });
    b.assignApp(slack, [everyoneGroupId]);
    b.assignApp(wiki, [groups.engineering]);
    b.assignApp(expenses, [groups.finance, groups.sales]);
    b.assignApp(intranet, [everyoneGroupId]);
    b.assignApp(pagerduty, [groups.engineering]);
    b.assignApp(handbook, [everyoneGroupId]);
    b.assignApp(portal, [], [user.ada, user.ines]);
    b.assignApp(api, [groups.engineering]);
    addScannerApp(b, scannerKey, { requireDpop: true, role: 'SUPER_ADMIN' });
    // API tokens: the scanner token (Ada's) and an old integration token, both super-admin owned.
    apiToken(b, { key: 'terraform', name: 'terraform-okta', userId: user.svc, createdDaysAgo: 400, lastUsedDaysAgo: 2 });
    trustedOrigin(b, 'marketing', 'Marketing site', 'http://www.quillfeather.example', ['CORS', 'REDIRECT']);
    trustedOrigin(b, 'portal', 'Customer portal', 'https://portal.quillfeather.example', ['CORS']);
    customDomain(b, 'login.quillfeather.example', 'COMPLETED', org.brandId);
    customDomain(b, 'id.quillfeather.example', 'IN_PROGRESS', org.brandId);
    samlIdp(b, 'partner', 'Partner Co SSO', 'AUTO');
    eventBridgeLogStream(b, 'eventbridge', 'EventBridge (paused)', 'INACTIVE');
    eventHook(b, 'hr-sync', 'HR sync', 'http://hooks.quillfeather.example/okta', false);
    authorizationServer(b, { key: 'partners', name: 'Partner API', audience: 'api://partners', accessTokenMinutes: 1440, refreshTokenMinutes: 0 });
    return f;
}

;// CONCATENATED MODULE: ./src/simulator/orgs/empty.ts

function emptyOrg(now, token) {
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

;// CONCATENATED MODULE: ./src/simulator/orgs/hardened.ts






/** The standard DoD Notice and Consent Banner opening, as the STIG requires it on the sign-in page. */
const DOD_BANNER = 'You are accessing a U.S. Government (USG) Information System (IS) that is provided for USG-authorized use only.';
const HARDENED_PASSWORD = {
    minLength: 15,
    minLowerCase: 1,
    minUpperCase: 1,
    minNumber: 1,
    minSymbol: 1,
    excludeUsername: true,
    excludeAttributes: ['firstName', 'lastName'],
    commonPasswordCheck: true,
    maxAgeDays: 60,
    minAgeMinutes: 1440,
    historyCount: 24,
    expireWarnDays: 7,
    maxAttempts: 3,
    autoUnlockMinutes: 30,
    showLockoutFailures: true,
    smsRecovery: false,
    questionRecovery: false,
};
const hardened_PEOPLE = [
    { key: 'amelia', firstName: 'Amelia', lastName: 'Stone', title: 'Identity Lead', department: 'Security', lastLoginDaysAgo: 0 },
    { key: 'bruno', firstName: 'Bruno', lastName: 'Keller', title: 'Identity Engineer', department: 'Security', lastLoginDaysAgo: 1 },
    { key: 'cora', firstName: 'Cora', lastName: 'Lindgren', title: 'Security Architect', department: 'Security', lastLoginDaysAgo: 2 },
    { key: 'dmitri', firstName: 'Dmitri', lastName: 'Volkov', title: 'IT Operations', department: 'IT', lastLoginDaysAgo: 1 },
    { key: 'esme', firstName: 'Esme', lastName: 'Achebe', title: 'Service Desk', department: 'IT', lastLoginDaysAgo: 0 },
    { key: 'felix', firstName: 'Felix', lastName: 'Morgan', title: 'Auditor', department: 'Compliance', lastLoginDaysAgo: 4 },
    { key: 'gwen', firstName: 'Gwen', lastName: 'Parry', title: 'Engineer', department: 'Engineering', lastLoginDaysAgo: 0 },
    { key: 'hamid', firstName: 'Hamid', lastName: 'Karimi', title: 'Engineer', department: 'Engineering', lastLoginDaysAgo: 3 },
    { key: 'iris', firstName: 'Iris', lastName: 'Novak', title: 'Program Manager', department: 'Programs', lastLoginDaysAgo: 5 },
    { key: 'jae', firstName: 'Jae', lastName: 'Min', title: 'Engineer', department: 'Engineering', status: 'SUSPENDED', lastLoginDaysAgo: 40 },
    { key: 'svc', firstName: 'Notifications', lastName: 'Reader', title: 'Service account', department: 'Security', lastLoginDaysAgo: 0 },
];
function hardenedOrg(now, token, scannerKey) {
    const org = freshOrg({
        key: 'northwind-aero',
        name: 'hardened',
        description: 'Northwind Aerospace: configured the way the DISA STIG and Okta HealthInsight recommend.',
        companyName: 'Northwind Aerospace',
        emailDomain: 'northwind-aero.example',
        admin: hardened_PEOPLE[0],
        now,
        token: `${token}-founder`,
    });
    const { b, everyoneGroupId } = org;
    const f = b.fixture;
    const user = { amelia: org.adminId };
    for (const p of hardened_PEOPLE.slice(1))
        user[p.key] = String(b.addUser(p).id);
    // Every person signs in with a phishing-resistant authenticator.
    f.userFactors[org.adminId] = [];
    for (const k of Object.keys(user)) {
        b.addFactor(user[k], 'webauthn');
        b.addFactor(user[k], 'signed_nonce');
    }
    // Admins: few super admins, least-privilege roles for the rest, owned admin groups.
    const groups = {
        superAdmins: b.addGroup('super-admins', 'Identity Super Admins', 'Break-glass super administrators'),
        serviceDesk: b.addGroup('service-desk', 'Service Desk', 'Help desk staff'),
        engineering: b.addGroup('engineering', 'Engineering', 'Engineering'),
        cleared: b.addGroup('cleared', 'Cleared Staff', 'Staff with program access'),
    };
    b.addMembers(groups.superAdmins, [user.amelia, user.bruno]);
    b.addMembers(groups.serviceDesk, [user.esme]);
    b.addMembers(groups.engineering, [user.gwen, user.hamid, user.jae]);
    b.addMembers(groups.cleared, [user.iris, user.gwen]);
    b.addMembers(org.adminsGroupId, ['bruno', 'cora', 'dmitri', 'esme', 'felix', 'svc'].map((k) => user[k]));
    f.userRoles[org.adminId] = [];
    b.assignGroupRole(groups.superAdmins, 'SUPER_ADMIN');
    b.assignGroupRole(groups.serviceDesk, 'HELP_DESK_ADMIN');
    b.assignUserRole(user.cora, 'ORG_ADMIN');
    b.assignUserRole(user.dmitri, 'APP_ADMIN');
    b.assignUserRole(user.felix, 'READ_ONLY_ADMIN');
    b.assignUserRole(user.svc, 'ORG_ADMIN');
    for (const g of Object.values(groups))
        b.addGroupOwner(g, user.cora);
    b.addGroupOwner(groups.superAdmins, user.amelia);
    // The scanner: an OAuth service app, and a zone-restricted token for the one SSWS-only endpoint.
    f.credentials.apiTokens = [{ value: token, userId: user.svc }];
    f.apiTokens = [];
    addScannerApp(b, scannerKey, { requireDpop: true, role: 'SUPER_ADMIN' });
    // Org settings.
    Object.assign(f.orgSettings, {
        userLockout: { preventBruteForceLockoutFromUnknownDevices: true },
        authenticatorSettings: { verifyKnowledgeSecondWhen2faRequired: true },
        adminConsole: { sessionIdleTimeoutMinutes: 15, sessionMaxLifetimeMinutes: 720 },
        securityNotifications: {
            sendEmailForNewDeviceEnabled: true,
            sendEmailForFactorEnrollmentEnabled: true,
            sendEmailForFactorResetEnabled: true,
            sendEmailForPasswordChangedEnabled: true,
            reportSuspiciousActivityEnabled: true,
        },
    });
    f.threatInsight.action = 'block';
    // Network zones: corporate networks, an IP blocklist, anonymizers and embargoed countries blocked.
    const corp = ipZone(b, { key: 'corp', name: 'Corporate networks', usage: 'POLICY', gateways: ['203.0.113.0/24', '192.0.2.0/25'] });
    ipZone(b, { key: 'blocklist', name: 'Known bad networks', usage: 'BLOCKLIST', gateways: ['198.18.0.0/15', '100.64.10.0/24'] });
    enhancedDynamicZone(b, { key: 'embargo', name: 'Embargoed countries', usage: 'BLOCKLIST', categories: [], locations: ['KP', 'IR', 'SY', 'CU'] });
    apiToken(b, { key: 'notifications', name: 'posture-notifications', userId: user.svc, createdDaysAgo: 20, lastUsedDaysAgo: 0, zones: [corp] });
    // Global session policy: a non-default first rule with short sessions, corporate networks only.
    const session = { idleMinutes: 15, lifetimeMinutes: 120, persistentCookie: false, requireFactor: true };
    addRule(b, org.policies.signOn, signOnRule('workforce', 'Workforce sessions', 1, { ...session, zones: { include: [corp] } }));
    const defaultRule = f.policyRules[org.policies.signOn].find((r) => r.id === org.policies.signOnDefaultRule);
    defaultRule.priority = 2;
    defaultRule.actions = signOnRule('default', 'Default Rule', 2, { ...session, access: 'DENY' }, true).actions;
    // Passwords, enrollment, authenticators.
    f.policies.find((p) => p.id === org.policies.password).settings = passwordSettings(HARDENED_PASSWORD);
    f.policyRules[org.policies.password] = [];
    addRule(b, org.policies.password, passwordRule('default', 'Default Rule', 1, ['email'], true));
    f.policies.find((p) => p.id === org.policies.mfaEnroll).settings = enrollmentSettings({
        okta_password: 'REQUIRED', okta_verify: 'REQUIRED', webauthn: 'REQUIRED', okta_email: 'NOT_ALLOWED',
        phone_number: 'NOT_ALLOWED', security_question: 'NOT_ALLOWED',
    });
    updateAuthenticator(b, 'okta_email', { settings: { allowedFor: 'recovery', tokenLifetimeInMinutes: 5 } });
    updateAuthenticator(b, 'webauthn', { status: 'ACTIVE' });
    updateAuthenticator(b, 'okta_verify', {
        settings: { channelBinding: { style: 'NUMBER_CHALLENGE', required: 'ALWAYS' }, compliance: { fips: 'REQUIRED' }, userVerification: 'REQUIRED' },
    });
    authenticator(b, 'smart_card_idp', 'ACTIVE');
    smartCardIdp(b, 'cac', 'DoD CAC', 'CN=DOD ID CA-72, OU=PKI, OU=DoD, O=U.S. Government, C=US');
    // Authentication policies: phishing-resistant MFA from corporate networks on managed devices.
    const macs = macDeviceAssurance(b, 'macos', 'Managed macOS', '15.1');
    const strong = { factorMode: '2FA', phishingResistant: true, deviceBound: true, zones: { include: [corp] }, deviceAssurances: [macs] };
    for (const policyId of [org.policies.adminConsole, org.policies.dashboard, org.policies.defaultAccess]) {
        f.policyRules[policyId] = [];
        addRule(b, policyId, accessRule({ key: 'strong', name: 'Phishing-resistant MFA on corporate networks', priority: 0, reauthenticateIn: 'PT2H', ...strong }));
        addRule(b, policyId, accessRule({ key: 'catch-all', name: 'Catch-all Rule', priority: 99, system: true, access: 'DENY', factorMode: '2FA' }));
    }
    // Inactive accounts are suspended after 35 days.
    const lifecycle = addPolicy(b, { key: 'inactivity', type: 'USER_LIFECYCLE', name: 'Suspend inactive accounts', priority: 1, conditions: null });
    addRule(b, lifecycle, inactivityRule('inactive-35', 'Suspend after 35 days inactive', 35, 'SUSPENDED', [everyoneGroupId]));
    // Apps: federated only.
    const wiki = samlApp(b, { key: 'confluence', label: 'Program Wiki', acsUrl: 'https://wiki.northwind-aero.example/saml/acs', signatureAlgorithm: 'RSA_SHA256', assertionSigned: true, responseSigned: true, accessPolicyId: org.policies.defaultAccess });
    const portal = oidcApp(b, { key: 'portal', label: 'Supplier Portal', applicationType: 'web', grantTypes: ['authorization_code', 'refresh_token'], authMethod: 'private_key_jwt', pkceRequired: true, redirectUris: ['https://portal.northwind-aero.example/callback'], accessPolicyId: org.policies.defaultAccess });
    const policies = bookmarkApp(b, { key: 'policies', label: 'Security Policies', url: 'https://policies.northwind-aero.example', accessPolicyId: org.policies.defaultAccess });
    b.assignApp(wiki, [groups.cleared]);
    b.assignApp(portal, [groups.engineering]);
    b.assignApp(policies, [groups.engineering, groups.cleared]);
    // Monitoring, integrations, branding.
    splunkLogStream(b, 'siem', 'SOC Splunk', 'ACTIVE');
    behaviorRule(b, 'New State', 'ANOMALOUS_LOCATION', 'ACTIVE');
    trustedOrigin(b, 'portal', 'Supplier portal', 'https://portal.northwind-aero.example', ['CORS', 'REDIRECT']);
    customDomain(b, 'login.northwind-aero.example', 'COMPLETED', org.brandId);
    eventHook(b, 'siem', 'SOC enrichment', 'https://hooks.northwind-aero.example/okta', true);
    f.brands = [];
    delete f.signInPages[org.brandId];
    brand(b, 'Northwind Aerospace', `<!DOCTYPE html><html><body><div class="banner"><p>${DOD_BANNER} By using this IS, you consent to monitoring.</p></div>{{{SignInWidgetResources}}}<div id="okta-login-container"></div></body></html>`);
    return f;
}

;// CONCATENATED MODULE: ./src/simulator/orgs/large.ts




const FIRST = ['Alex', 'Bea', 'Cai', 'Dana', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jia', 'Kai', 'Lea', 'Max', 'Nia', 'Oli', 'Pia'];
const LAST = ['Ito', 'Khan', 'Lopez', 'Meyer', 'Novak', 'Osei', 'Park', 'Quint', 'Rossi', 'Silva', 'Tran', 'Uddin', 'Vance', 'Weber'];
const STATUSES = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED', 'PROVISIONED', 'DEPROVISIONED'];
function largeOrg(now, token, users = 100_000) {
    if (!Number.isInteger(users) || users < 1)
        throw new Error(`--users must be a positive whole number, got ${users}`);
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
    const typeId = String(f.users[0].type.id);
    const everyone = f.groupMembers[org.everyoneGroupId];
    for (let i = 1; i < users; i++) {
        const id = b.userId(`u${i}`);
        const first = FIRST[i % FIRST.length];
        const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
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
        f.groupMembers[groupIds[i % groupCount]].push(id);
        if (i % 3 !== 0)
            b.addFactor(id, i % 7 === 0 ? 'sms' : 'push');
    }
    const admins = Math.min(users - 1, 12);
    for (let i = 1; i <= admins; i++)
        b.assignUserRole(b.userId(`u${i}`), i <= 4 ? 'SUPER_ADMIN' : i <= 8 ? 'ORG_ADMIN' : 'HELP_DESK_ADMIN');
    b.assignGroupRole(groupIds[0], 'GROUP_MEMBERSHIP_ADMIN');
    const appCount = Math.max(20, Math.floor(users / 500));
    const policyIds = [];
    for (let p = 0; p < Math.ceil(appCount / 5); p++) {
        const id = addPolicy(b, { key: `access-${p}`, type: 'ACCESS_POLICY', name: `App policy ${p}`, priority: 10 + p });
        for (let r = 0; r < 3 + (p % 5); r++) {
            addRule(b, id, accessRule({ key: `r${r}`, name: `Rule ${r}`, priority: r, factorMode: r % 2 ? '1FA' : '2FA', groups: [groupIds[(p + r) % groupCount]] }));
        }
        addRule(b, id, accessRule({ key: 'catch-all', name: 'Catch-all Rule', priority: 99, system: true, access: 'DENY', factorMode: '2FA' }));
        policyIds.push(id);
    }
    for (let a = 0; a < appCount; a++) {
        const spec = { key: `app${a}`, label: `Business App ${a}`, accessPolicyId: policyIds[a % policyIds.length] };
        const appId = a % 2
            ? samlApp(b, { ...spec, acsUrl: `https://app${a}.megacorp.example/saml`, signatureAlgorithm: 'RSA_SHA256', assertionSigned: true, responseSigned: true })
            : oidcApp(b, { ...spec, applicationType: 'web', grantTypes: ['authorization_code'], authMethod: 'client_secret_basic', redirectUris: [`https://app${a}.megacorp.example/cb`] });
        b.assignApp(appId, [groupIds[a % groupCount]]);
    }
    for (let p = 0; p < 5; p++) {
        const id = addPolicy(b, { key: `password-${p}`, type: 'PASSWORD', name: `Password policy ${p}`, priority: p + 1, conditions: { people: { groups: { include: [groupIds[p % groupCount]] } }, authProvider: { provider: 'OKTA' } }, settings: passwordSettings(HARDENED_PASSWORD) });
        addRule(b, id, passwordRule(`p${p}`, `Password rule ${p}`, 1, ['email']));
    }
    for (let p = 0; p < 3; p++) {
        const id = addPolicy(b, { key: `gsp-${p}`, type: 'OKTA_SIGN_ON', name: `Session policy ${p}`, priority: p + 1, conditions: { people: { groups: { include: [groupIds[p % groupCount]] } } } });
        addRule(b, id, signOnRule(`s${p}`, `Session rule ${p}`, 1, { idleMinutes: 30, lifetimeMinutes: 720, persistentCookie: false }));
    }
    return f;
}

;// CONCATENATED MODULE: ./src/simulator/orgs/index.ts




const BUILT_IN_ORGS = {
    demo: {
        description: 'Quillfeather Labs, a small company with deliberate misconfigurations',
        hasScannerApp: true,
        build: (o) => demoOrg(o.now, o.token, o.scannerKey),
    },
    hardened: {
        description: 'Northwind Aerospace, configured as the DISA STIG and HealthInsight recommend',
        hasScannerApp: true,
        build: (o) => hardenedOrg(o.now, o.token, o.scannerKey),
    },
    empty: { description: 'a new org with only what Okta creates', hasScannerApp: false, build: (o) => emptyOrg(o.now, o.token) },
    large: {
        description: 'a generated enterprise org (--users N, default 100000)',
        hasScannerApp: false,
        build: (o) => largeOrg(o.now, o.token, o.users),
    },
};
function buildOrg(name, options) {
    const org = BUILT_IN_ORGS[name];
    if (!org)
        throw new Error(`there is no built-in org '${name}'; choose one of: ${Object.keys(BUILT_IN_ORGS).join(', ')}`);
    return org.build(options);
}

;// CONCATENATED MODULE: ./src/simulator/rateLimiter.ts
// Per-minute rate limits as Okta applies them: one counter per (credential, bucket), a window
// that starts with the first request in it, the per-token share of the org limit, and an
// org-wide ceiling on requests in flight. Keeps per-window statistics for tests.

class RateLimiter {
    options;
    windows = new Map();
    history = [];
    windowMs;
    now;
    constructor(options = {}) {
        this.options = options;
        this.windowMs = options.windowMs ?? 60_000;
        this.now = options.now ?? Date.now;
    }
    limitFor(bucket) {
        return this.options.perMinute ?? Math.max(1, Math.floor(bucket.orgLimit * PER_TOKEN_SHARE));
    }
    /** Counts one request against the bucket and says whether it may proceed. */
    take(principal, bucket) {
        const key = `${principal}\u0000${bucket.id}`;
        const now = this.now();
        let window = this.windows.get(key);
        if (!window || now >= window.stats.start + this.windowMs) {
            window = {
                stats: { bucket: bucket.id, principal, start: now, limit: this.limitFor(bucket), allowed: 0, rejected: 0, rejectedAfterFirst: 0 },
            };
            this.windows.set(key, window);
            this.history.push(window.stats);
        }
        const { stats } = window;
        const reset = Math.ceil((stats.start + this.windowMs) / 1000);
        if (stats.allowed < stats.limit) {
            stats.allowed++;
            return { allowed: true, limit: stats.limit, remaining: stats.limit - stats.allowed, reset };
        }
        stats.rejected++;
        if (window.firstRejectionSentAt !== undefined && now > window.firstRejectionSentAt)
            stats.rejectedAfterFirst++;
        return { allowed: false, limit: stats.limit, remaining: 0, reset };
    }
    /** Records that a rejection's answer has left, so later rejections in the window can be told apart. */
    rejectionSent(principal, bucket) {
        const window = this.windows.get(`${principal}\u0000${bucket.id}`);
        if (window && window.firstRejectionSentAt === undefined)
            window.firstRejectionSentAt = this.now();
    }
    /** Every window so far, oldest first. */
    stats() {
        return this.history.map((w) => ({ ...w }));
    }
}

;// CONCATENATED MODULE: ./src/simulator/auth.ts
// Who is calling and may they read this endpoint: SSWS API tokens act as the admin who created
// them; OAuth access tokens (Bearer or DPoP-bound) act as the service app, limited to their
// scopes. Failures are answered exactly as Okta answers them.


function authenticate(req, store, oauth, dpop, now) {
    const header = req.authorization?.trim();
    if (!header)
        return oktaError('E0000005');
    const space = header.indexOf(' ');
    const scheme = space > 0 ? header.slice(0, space) : header;
    const credential = space > 0 ? header.slice(space + 1).trim() : '';
    if (!credential)
        return oktaError('E0000005');
    if (scheme === 'SSWS') {
        const index = store.fixture.credentials.apiTokens.findIndex((t) => t.value === credential);
        const token = store.fixture.credentials.apiTokens[index];
        if (!token)
            return oktaError('E0000011');
        // Each token has its own rate-limit share; the key names the token by position, never by value.
        return { kind: 'ssws', key: `ssws:${index}:${token.userId}`, userId: token.userId, roles: store.roleTypesOfUser(token.userId) };
    }
    if (scheme === 'Bearer' || scheme === 'DPoP') {
        const invalid = (description) => ({
            ...oktaError('E0000011'),
            headers: { 'www-authenticate': wwwAuthenticate(store.origin, scheme, { error: 'invalid_token', error_description: description }) },
        });
        const token = oauth.tokens.get(credential);
        if (!token)
            return invalid('The token is not valid.');
        if (token.expiresAt <= now)
            return invalid('The token has expired.');
        if (scheme === 'Bearer' && token.jkt)
            return invalid('The access token is DPoP-bound; send it with the DPoP scheme and a proof.');
        if (scheme === 'DPoP') {
            if (!token.jkt)
                return invalid('The access token is not DPoP-bound.');
            const result = dpop.verify(req.dpop, { method: req.method, url: req.url.toString(), accessToken: credential });
            const failure = !result.ok ? result.description : result.proof.jkt !== token.jkt ? 'The DPoP proof key does not match the access token.' : undefined;
            if (failure) {
                return {
                    status: 400,
                    headers: {
                        'www-authenticate': wwwAuthenticate(store.origin, 'DPoP', {
                            error: 'invalid_dpop_proof',
                            error_description: failure,
                            resource: req.url.pathname,
                        }),
                    },
                };
            }
        }
        const roles = new Set((store.fixture.clientRoles[token.clientId] ?? []).filter((r) => r.status !== 'INACTIVE').map((r) => String(r.type)));
        return { kind: 'oauth', key: `oauth:${token.clientId}`, clientId: token.clientId, scopes: token.scopes, roles, scheme };
    }
    return oktaError('E0000005');
}
/** May this principal read this endpoint in this org? Undefined when it may. */
function authorize(principal, endpoint, store, path) {
    if (principal.kind === 'oauth') {
        // Okta's internal APIs refuse OAuth access tokens as if they were not tokens at all.
        if (endpoint.sswsOnly)
            return oktaError('E0000011');
        if (endpoint.scope && !scopeSatisfies(principal.scopes, endpoint.scope)) {
            return insufficientScope(store.origin, principal.scheme, endpoint.scope, path);
        }
    }
    if (endpoint.identityEngineOnly && store.fixture.pipeline !== 'idx')
        return oktaError('E0000015');
    if (endpoint.feature && !store.fixture.features.includes(endpoint.feature))
        return oktaError('E0000015');
    if (principal.roles.size === 0)
        return oktaError('E0000006');
    if (endpoint.adminRoles && !endpoint.adminRoles.some((r) => principal.roles.has(r)))
        return oktaError('E0000006');
    return undefined;
}

;// CONCATENATED MODULE: ./src/simulator/server.ts
// The HTTP front of the simulator: every request goes through latency, the concurrency ceiling,
// routing, authentication, the rate limiter, fault injection and authorization, in that order,
// and every answer carries Okta's headers (Date, X-Okta-Request-Id, X-Rate-Limit-*).







const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
class SimulatorServer {
    store;
    limiter;
    faults;
    oauth;
    dpop;
    settings;
    extraStats;
    requests = { byPath: {}, byEndpoint: {}, byStatus: {}, total: 0, maxInFlight: 0, concurrencyRejections: 0 };
    inFlight = 0;
    constructor(store, limiter, faults, oauth, dpop, settings, extraStats) {
        this.store = store;
        this.limiter = limiter;
        this.faults = faults;
        this.oauth = oauth;
        this.dpop = dpop;
        this.settings = settings;
        this.extraStats = extraStats;
    }
    listener = (req, res) => {
        res.sendDate = false; // The Date header is ours to send (or, with the omitDate quirk, to leave out).
        this.handle(req, res).catch((error) => {
            if (!res.headersSent)
                this.write(res, { status: 500, body: oktaError('E0000009').body }, undefined);
            else
                res.destroy();
            console.error('simulator: internal error', error);
        });
    };
    async handle(req, res) {
        const url = new URL(req.url ?? '/', this.store.origin);
        const method = req.method ?? 'GET';
        this.requests.total++;
        this.requests.byPath[url.pathname] = (this.requests.byPath[url.pathname] ?? 0) + 1;
        if (url.pathname === '/__sim/stats' && method === 'GET') {
            return this.write(res, { status: 200, body: { requests: this.requests, ...this.extraStats() } }, undefined);
        }
        if (this.inFlight >= this.settings.concurrency) {
            // Over the concurrency limit: Okta answers at once, reporting a zero limit and an estimated reset.
            this.requests.concurrencyRejections++;
            return this.write(res, oktaError('E0000047'), { limit: 0, remaining: 0, reset: Math.ceil(this.settings.now() / 1000) + 1 });
        }
        this.inFlight++;
        this.requests.maxInFlight = Math.max(this.requests.maxInFlight, this.inFlight);
        res.once('close', () => this.inFlight--);
        if (this.settings.latencyMs > 0)
            await sleep(this.settings.latencyMs);
        const bucket = bucketFor(method, url.pathname);
        if (url.pathname === '/oauth2/v1/token') {
            const decision = this.limiter.take('token-endpoint', bucket);
            if (method !== 'POST')
                return this.write(res, oktaError('E0000022'), decision);
            if (!decision.allowed)
                return this.reject(res, 'token-endpoint', bucket, decision);
            const form = new URLSearchParams(await readBody(req));
            return this.write(res, this.oauth.token(form, req.headers.dpop), decision);
        }
        const route = matchRoute(url.pathname);
        if (!route || method !== 'GET') {
            const decision = this.limiter.take('anonymous', bucket);
            if (!route)
                return this.write(res, oktaError('E0000007', `Resource not found: ${url.pathname} (Path)`), decision);
            return this.write(res, oktaError('E0000022'), decision);
        }
        this.requests.byEndpoint[route.endpoint.path] = (this.requests.byEndpoint[route.endpoint.path] ?? 0) + 1;
        let principal;
        if (route.endpoint.scope !== null || route.endpoint.sswsOnly) {
            const auth = authenticate({ method, url, authorization: req.headers.authorization, dpop: req.headers.dpop }, this.store, this.oauth, this.dpop, this.settings.now());
            if ('status' in auth)
                return this.write(res, auth, this.limiter.take('anonymous', bucket));
            principal = auth;
        }
        const key = principal?.key ?? 'anonymous';
        const decision = this.limiter.take(key, bucket);
        if (!decision.allowed)
            return this.reject(res, key, bucket, decision);
        const fault = this.faults.decide(`${method} ${url.pathname}${url.search}`);
        if (fault && fault !== 'stall' && fault !== 'truncated')
            return this.injectFault(res, fault, key, bucket, decision);
        if (principal) {
            const denied = authorize(principal, route.endpoint, this.store, url.pathname);
            if (denied)
                return this.write(res, denied, decision);
        }
        let response;
        try {
            response = shapeResponse(route.endpoint, route.handler({ store: this.store, params: route.params, url }), url);
        }
        catch (error) {
            if (error instanceof SimError)
                response = error.response;
            else
                throw error;
        }
        response = this.applyQuirks(route.endpoint.path, url, response);
        if (fault === 'stall' || fault === 'truncated')
            return this.writeDamaged(res, fault, response, decision);
        return this.write(res, response, decision);
    }
    reject(res, principal, bucket, decision) {
        this.write(res, oktaError('E0000047'), decision);
        res.once('finish', () => this.limiter.rejectionSent(principal, bucket));
    }
    injectFault(res, fault, principal, bucket, decision) {
        switch (fault) {
            case 'rate-limit':
                return this.reject(res, principal, bucket, { ...decision, remaining: 0 });
            case 'server-error':
                return this.write(res, oktaError('E0000009'), decision);
            case 'bad-gateway':
                return this.write(res, { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', headers: { 'content-type': 'text/html' } }, decision);
            case 'unavailable':
                return this.write(res, oktaError('E0000010'), decision);
            case 'reset':
                res.socket?.resetAndDestroy();
                return;
            default:
                return;
        }
    }
    applyQuirks(endpointPath, url, response) {
        const { repeatCursor, foreignNextLink } = this.settings.quirks;
        const links = response.headers?.link;
        if (!Array.isArray(links))
            return response;
        const rewrite = (line) => {
            if (!line.endsWith('rel="next"'))
                return line;
            const next = new URL(line.slice(1, line.indexOf('>')));
            const after = url.searchParams.get('after');
            // A server bug seen in the wild: from page two on, `next` repeats the cursor just used.
            if (repeatCursor?.includes(endpointPath) && after !== null)
                next.searchParams.set('after', after);
            if (foreignNextLink?.includes(endpointPath)) {
                return `<${this.settings.quirks.foreignOrigin ?? 'https://attacker.example'}${next.pathname}${next.search}>; rel="next"`;
            }
            return `<${next.toString()}>; rel="next"`;
        };
        return { ...response, headers: { ...response.headers, link: links.map(rewrite) } };
    }
    writeDamaged(res, fault, response, decision) {
        const body = Buffer.from(serializeBody(response.body, this.store.origin));
        const half = body.subarray(0, Math.max(1, Math.floor(body.length / 2)));
        res.writeHead(response.status, this.headers(response, decision));
        res.write(half);
        if (fault === 'truncated') {
            res.end();
            return;
        }
        const timer = setTimeout(() => {
            if (!res.destroyed)
                res.end(body.subarray(half.length));
        }, this.settings.stallMs);
        res.once('close', () => clearTimeout(timer));
    }
    headers(response, decision) {
        const headers = {
            'x-okta-request-id': (0,external_node_crypto_namespaceObject.randomBytes)(15).toString('base64url'),
        };
        if (!this.settings.quirks.omitDate)
            headers.date = new Date(this.settings.now()).toUTCString();
        if (decision) {
            const dup = this.settings.quirks.duplicateRateLimitHeaders;
            const value = (v) => (dup ? [String(v), String(v)] : String(v));
            headers['x-rate-limit-limit'] = value(decision.limit);
            headers['x-rate-limit-remaining'] = value(decision.remaining);
            headers['x-rate-limit-reset'] = value(decision.reset);
        }
        if (response.body !== undefined)
            headers['content-type'] = 'application/json';
        return { ...headers, ...response.headers };
    }
    write(res, response, decision) {
        this.requests.byStatus[response.status] = (this.requests.byStatus[response.status] ?? 0) + 1;
        if (res.destroyed)
            return;
        const body = serializeBody(response.body, this.store.origin);
        const headers = this.headers(response, decision);
        headers['content-length'] = String(Buffer.byteLength(body));
        res.writeHead(response.status, headers);
        res.end(body);
    }
}
/** JSON text of a body, with fixture-relative hrefs (`"href":"/api/…"`) made absolute. */
function serializeBody(body, origin) {
    if (body === undefined)
        return '';
    if (typeof body === 'string')
        return body;
    return JSON.stringify(body).replaceAll('"href":"/', `"href":"${origin}/`);
}
async function readBody(req, limit = 64 * 1024) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size > limit)
            throw new Error('request body too large');
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}

;// CONCATENATED MODULE: ./src/simulator/index.ts
// Starts a simulated Okta org on loopback: a built-in org or a fixture, with Okta's paging, rate
// limits, errors, OAuth and optional faults. Returns its URL, credentials, statistics and close().













const newApiToken = () => `00${(0,external_node_crypto_namespaceObject.randomBytes)(30).toString('base64url')}`;
/** A built-in org as a fixture, with a fresh scanner key (its private half is discarded). */
function builtInFixture(name, options = {}) {
    const { publicKey } = (0,external_node_crypto_namespaceObject.generateKeyPairSync)('ec', { namedCurve: 'P-256' });
    return buildOrg(name, {
        now: options.now ?? new Date(),
        token: options.token ?? newApiToken(),
        users: options.users,
        scannerKey: { publicJwk: { ...publicJwk(publicKey), kid: (0,external_node_crypto_namespaceObject.randomBytes)(12).toString('base64url') } },
    });
}
async function startSimulator(options = {}) {
    const token = options.token ?? newApiToken();
    const { privateKey, publicKey } = (0,external_node_crypto_namespaceObject.generateKeyPairSync)('ec', { namedCurve: 'P-256' });
    const keyId = (0,external_node_crypto_namespaceObject.randomBytes)(12).toString('base64url');
    let fixture;
    let hasScannerApp = false;
    if (typeof options.fixture === 'string')
        fixture = loadFixtureFile(options.fixture);
    else if (options.fixture)
        fixture = structuredClone(options.fixture);
    else {
        const name = options.org ?? 'demo';
        hasScannerApp = BUILT_IN_ORGS[name]?.hasScannerApp ?? false;
        fixture = buildOrg(name, {
            now: options.now ?? new Date(),
            token,
            users: options.users,
            scannerKey: { publicJwk: { ...publicJwk(publicKey), kid: keyId } },
        });
    }
    if (options.token && typeof options.fixture !== 'undefined') {
        const first = fixture.credentials.apiTokens[0];
        if (first)
            first.value = options.token;
    }
    const acceptedToken = fixture.credentials.apiTokens[0]?.value ?? token;
    const server = (0,external_node_http_namespaceObject.createServer)();
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address();
    const origin = `http://127.0.0.1:${port}`;
    const now = Date.now;
    const store = new OrgStore(fixture, origin);
    const dpop = new DpopVerifier(now);
    const oauth = new OAuthServer(store, dpop, { tokenTtlSeconds: options.tokenTtlSeconds ?? 3600, now });
    const limiter = new RateLimiter({ perMinute: options.rateLimit, windowMs: (options.windowSeconds ?? 60) * 1000, now });
    const faults = new FaultPlan({ rate: options.faults ?? 0, seed: options.seed ?? 1, kinds: options.faultKinds });
    const quirks = { ...options.quirks };
    const stats = () => ({
        requests: structuredClone(sim.requests),
        rateLimits: limiter.stats(),
        faults: { ...faults.injected },
        tokensIssued: oauth.issued,
    });
    const sim = new SimulatorServer(store, limiter, faults, oauth, dpop, { latencyMs: options.latencyMs ?? 0, concurrency: options.concurrency ?? ORG_CONCURRENCY_LIMIT, stallMs: options.stallMs ?? 60_000, quirks, now }, () => ({ rateLimits: limiter.stats(), faults: { ...faults.injected }, tokensIssued: oauth.issued }));
    server.on('request', sim.listener);
    const clientId = hasScannerApp
        ? [...store.appsByClientId.entries()].find(([, app]) => app.label === 'okta-posture scanner')?.[0]
        : undefined;
    return {
        url: origin,
        token: acceptedToken,
        orgName: fixture.name,
        fixture,
        serviceApp: clientId
            ? { clientId, privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), keyId, scopes: [...SCANNER_SCOPES] }
            : undefined,
        quirks,
        stats,
        revokeAccessTokens: () => oauth.tokens.clear(),
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}

;// CONCATENATED MODULE: ./src/cli/simulate.ts
// `okta-posture simulate`: serves a simulated Okta org on loopback until interrupted, and prints
// the environment a client needs to reach it, each variable alone on a line.







const SIMULATE_HELP = `Usage: okta-posture simulate [options]

Serve a simulated Okta org on 127.0.0.1 (pagination, rate limits, errors, OAuth, faults).

Options:
  --org NAME           built-in org: ${Object.keys(BUILT_IN_ORGS).join(', ')} (default demo)
  --fixture FILE       serve the org in this JSON fixture file instead
  --users N            users in the large org (default 100000)
  --port N             port to listen on (default: any free port)
  --token VALUE        the API token the org accepts (default: a random one)
  --rate-limit N       requests per minute for every rate-limit bucket
  --window-seconds N   rate-limit window (default 60)
  --concurrency N      requests served at once before 429s (default 75)
  --latency-ms N       delay added to every response
  --faults RATE        probability (0-1) that a request fails
  --fault-kinds LIST   comma-separated: ${FAULT_KINDS.join(', ')}
  --seed N             seed for reproducible faults (default 1)
  --stall-ms N         how long a stalled response hangs (default 60000)
  --write-fixture FILE write the org as a fixture file (see docs/fixture-format.md) and exit
`;
const OPTIONS = {
    org: { type: 'string' },
    fixture: { type: 'string' },
    users: { type: 'string' },
    port: { type: 'string' },
    token: { type: 'string' },
    'rate-limit': { type: 'string' },
    'window-seconds': { type: 'string' },
    concurrency: { type: 'string' },
    'latency-ms': { type: 'string' },
    faults: { type: 'string' },
    'fault-kinds': { type: 'string' },
    seed: { type: 'string' },
    'stall-ms': { type: 'string' },
    'write-fixture': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
};
async function simulateCommand(argv, out, err) {
    const { values } = parseCommandArgs(argv, OPTIONS);
    if (values.help) {
        out.write(SIMULATE_HELP);
        return 0;
    }
    const org = values.org;
    if (org !== undefined && !BUILT_IN_ORGS[org]) {
        throw new UsageError(`--org must be one of ${Object.keys(BUILT_IN_ORGS).join(', ')}, got '${org}'`);
    }
    const faultKinds = values['fault-kinds']?.split(',').map((k) => k.trim());
    const unknownKind = faultKinds?.find((k) => !FAULT_KINDS.includes(k));
    if (unknownKind)
        throw new UsageError(`--fault-kinds accepts ${FAULT_KINDS.join(', ')}; '${unknownKind}' is not one of them`);
    const token = values.token;
    if (token !== undefined && !/^[\x21-\x7e]{8,}$/.test(token)) {
        throw new UsageError('--token must be at least 8 printable characters without spaces');
    }
    const writeTo = values['write-fixture'];
    if (writeTo !== undefined) {
        const fixture = builtInFixture(org ?? 'demo', { token, users: intOption(values.users, 'users', 1, 5_000_000) });
        (0,external_node_fs_namespaceObject.writeFileSync)(writeTo, JSON.stringify(fixture, null, 2) + '\n');
        err.write(`Wrote the '${fixture.name}' org to ${writeTo}.\n`);
        return 0;
    }
    const sim = await startSimulator({
        org,
        fixture: values.fixture,
        users: intOption(values.users, 'users', 1, 5_000_000),
        port: intOption(values.port, 'port', 0, 65535),
        token,
        rateLimit: intOption(values['rate-limit'], 'rate-limit', 1),
        windowSeconds: intOption(values['window-seconds'], 'window-seconds', 1, 3600),
        concurrency: intOption(values.concurrency, 'concurrency', 1),
        latencyMs: intOption(values['latency-ms'], 'latency-ms', 0, 600_000),
        faults: rateOption(values.faults, 'faults'),
        faultKinds: faultKinds,
        seed: intOption(values.seed, 'seed', 0),
        stallMs: intOption(values['stall-ms'], 'stall-ms', 0, 3_600_000),
    });
    let keyDir;
    const lines = [`OKTA_ORG_URL=${sim.url}`, `OKTA_API_TOKEN=${sim.token}`];
    if (sim.serviceApp) {
        keyDir = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'okta-posture-sim-'));
        const keyFile = (0,external_node_path_namespaceObject.join)(keyDir, 'service-app-key.pem');
        (0,external_node_fs_namespaceObject.writeFileSync)(keyFile, sim.serviceApp.privateKey, { mode: 0o600 });
        lines.push(`OKTA_API_CLIENT_ID=${sim.serviceApp.clientId}`, `OKTA_API_PRIVATE_KEY=${keyFile}`, `OKTA_API_PRIVATE_KEY_ID=${sim.serviceApp.keyId}`, `OKTA_API_SCOPES=${sim.serviceApp.scopes.join(' ')}`);
    }
    out.write(lines.join('\n') + '\n');
    err.write(`Serving the '${sim.orgName}' org at ${sim.url} (stats: ${sim.url}/__sim/stats). Press Ctrl-C to stop.\n`);
    await new Promise((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
    });
    await sim.close();
    if (keyDir)
        (0,external_node_fs_namespaceObject.rmSync)(keyDir, { recursive: true, force: true });
    return 0;
}

;// CONCATENATED MODULE: ./src/cli.ts
// The okta-posture command line: dispatches to a command and turns failures into exit codes
// (0 done, 1 findings above the threshold, 2 could not run: bad input, credentials, network).



const COMMANDS = {
    simulate: { summary: 'serve a simulated Okta org on loopback', run: simulateCommand },
};
const HELP = `Usage: okta-posture <command> [options]

Commands:
${Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`)
    .join('\n')}

Run 'okta-posture <command> --help' for a command's options.
`;
async function main(argv) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        process.stdout.write(HELP);
        return name ? 0 : 2;
    }
    const command = COMMANDS[name];
    if (!command) {
        process.stderr.write(`okta-posture: unknown command '${name}'\n\n${HELP}`);
        return 2;
    }
    try {
        return await command.run(rest, process.stdout, process.stderr);
    }
    catch (error) {
        if (error instanceof UsageError || error instanceof FixtureError) {
            process.stderr.write(`okta-posture ${name}: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`okta-posture: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
});

var __webpack_exports__main = __webpack_exports__.i;
export { __webpack_exports__main as main };
