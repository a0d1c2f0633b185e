// Verifies DPoP proofs (RFC 9449) the way Okta does: one `DPoP` header, `typ: dpop+jwt`, an
// embedded public JWK that signed it, matching `htm` and `htu`, fresh `iat`, unique `jti`, and,
// on resource calls, `ath` bound to the access token.
import { importPublicJwk, jwkThumbprint, type Jwk } from '../jose/jwk.js';
import { decodeJws, sha256base64url, verifyJws } from '../jose/jws.js';

export interface VerifiedProof {
  /** RFC 7638 thumbprint of the proof key. */
  jkt: string;
  nonce?: string;
}

export type ProofResult = { ok: true; proof: VerifiedProof } | { ok: false; description: string };

const MAX_AGE_SECONDS = 300;

export class DpopVerifier {
  private readonly usedJti = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  verify(
    header: string | string[] | undefined,
    expect: { method: string; url: string; accessToken?: string },
  ): ProofResult {
    if (header === undefined) return { ok: false, description: 'DPoP proof JWT header is missing.' };
    if (Array.isArray(header) || header.includes(',')) return { ok: false, description: 'Multiple DPoP proof JWT headers were provided.' };
    let jws;
    try {
      jws = decodeJws(header);
    } catch {
      return { ok: false, description: 'The DPoP proof JWT is malformed.' };
    }
    const { header: h, payload: p } = jws;
    if (h.typ !== 'dpop+jwt') return { ok: false, description: "The DPoP proof JWT 'typ' header is invalid." };
    if (typeof h.jwk !== 'object' || h.jwk === null || 'd' in h.jwk) {
      return { ok: false, description: "The DPoP proof JWT 'jwk' header is missing or invalid." };
    }
    let key;
    try {
      key = importPublicJwk(h.jwk as Jwk);
    } catch {
      return { ok: false, description: "The DPoP proof JWT 'jwk' header is missing or invalid." };
    }
    if (!verifyJws(jws, key)) return { ok: false, description: 'The DPoP proof JWT signature is invalid.' };
    if (p.htm !== expect.method) return { ok: false, description: "'htm' claim in the DPoP proof JWT is invalid." };
    const target = new URL(expect.url);
    if (typeof p.htu !== 'string' || !sameTarget(p.htu, target)) {
      return { ok: false, description: "'htu' claim in the DPoP proof JWT is invalid." };
    }
    const nowSeconds = this.now() / 1000;
    if (typeof p.iat !== 'number' || p.iat < nowSeconds - MAX_AGE_SECONDS) {
      return { ok: false, description: 'The DPoP proof JWT was issued more than five minutes in the past.' };
    }
    if (p.iat > nowSeconds + 60) return { ok: false, description: "The DPoP proof JWT 'iat' is in the future." };
    if (typeof p.jti !== 'string' || !p.jti) return { ok: false, description: "'jti' claim in the DPoP proof JWT is missing." };
    this.forgetOld(nowSeconds);
    if (this.usedJti.has(p.jti)) return { ok: false, description: "The DPoP proof JWT 'jti' has already been used." };
    if (expect.accessToken !== undefined && p.ath !== sha256base64url(expect.accessToken)) {
      return { ok: false, description: "'ath' claim in the DPoP proof JWT is invalid." };
    }
    this.usedJti.set(p.jti, nowSeconds);
    return { ok: true, proof: { jkt: jwkThumbprint(h.jwk as Jwk), nonce: typeof p.nonce === 'string' ? p.nonce : undefined } };
  }

  private forgetOld(nowSeconds: number): void {
    if (this.usedJti.size < 10_000) return;
    for (const [jti, at] of this.usedJti) if (at < nowSeconds - MAX_AGE_SECONDS) this.usedJti.delete(jti);
  }
}

/** `htu` is compared without query and fragment, with the path percent-decoded (as Okta normalises it). */
function sameTarget(htu: string, target: URL): boolean {
  let claimed: URL;
  try {
    claimed = new URL(htu);
  } catch {
    return false;
  }
  const norm = (u: URL) => `${u.protocol}//${u.host}${decodeURIComponent(u.pathname)}`;
  return !claimed.search && norm(claimed) === norm(target);
}
