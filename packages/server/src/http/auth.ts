import { createRemoteJWKSet, decodeJwt, errors, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import { foldLogin, type Identity } from './identity.js';

/** An identity provider whose tokens are accepted: its exact `iss`, and where its keys are. */
export interface IssuerConfig {
  issuer: string;
  /** The JWKS address; when left out it is read from the issuer's OpenID Connect discovery document. */
  jwksUri?: string;
}

export interface AuthConfig {
  issuers: readonly IssuerConfig[];
  /** The `aud` every token must carry (the API's application id). */
  audience: string;
  /**
   * The claim that names the person. Its value is matched first against the `login` of the
   * plan's people, then looked up in `logins` (or, without it, taken as a person id). Left
   * out: `preferred_username`, then `email`, are matched against logins, and `sub` is what
   * the logins file (or a person id) is matched to.
   */
  personClaim?: string;
  /**
   * Claim values (a login or email, compared without regard to case) to the plan's person
   * ids, for people whose plan entry has no `login`. Without it, the claim's value must be
   * the person's id in the plan.
   */
  logins?: Readonly<Record<string, string>>;
  /** Leeway for `exp` and `nbf`, in seconds: at most 60. */
  clockToleranceSeconds?: number;
}

export type Verified = { ok: true; identity: Identity } | { ok: false; detail: string };

/** Claims read for a login when no person claim is configured: Entra ID's sign-in name, then the email. */
export const LOGIN_CLAIMS = ['preferred_username', 'email'] as const;
const MAX_CLAIM = 254;

/** Only these: never `none`, never an HMAC algorithm that could be tried with a public key. */
export const ALGORITHMS = ['RS256', 'ES256'];
export const DEV_ISSUER = 'urn:pledgeflow:dev';
const MAX_TOKEN = 8192;
/** How long a verified token is remembered (at most until it expires), and how many are. */
const VERIFIED_MS = 5 * 60_000;
const VERIFIED_MAX = 5000;
const BEARER = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/;

/** A key the server makes for itself at start in development mode, to hand out sign-in tokens. */
export class DevKeys {
  private constructor(
    readonly privateKey: CryptoKey,
    readonly publicKey: CryptoKey,
    readonly audience: string,
  ) {}

  static async create(audience: string): Promise<DevKeys> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    return new DevKeys(privateKey, publicKey, audience);
  }

  /** A token naming `personId`, valid for `seconds`. */
  sign(personId: string, seconds = 8 * 3600): Promise<string> {
    return new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).setIssuer(DEV_ISSUER).setAudience(this.audience)
      .setSubject(personId).setIssuedAt().setExpirationTime(`${seconds}s`).sign(this.privateKey);
  }

  async jwk() {
    return exportJWK(this.publicKey);
  }
}

/** Checks bearer tokens and says which person of the plans they name. */
export class Authenticator {
  readonly #config: AuthConfig;
  readonly #dev: DevKeys | undefined;
  readonly #keys = new Map<string, Promise<JWTVerifyGetKey>>();
  readonly #issuers: Map<string, IssuerConfig>;
  readonly #tolerance: number;
  readonly #logins: Map<string, string>;
  readonly #verified = new Map<string, { verified: Verified; until: number }>();
  readonly #now: () => number;

  constructor(config: AuthConfig, dev?: DevKeys, now: () => number = Date.now) {
    this.#now = now;
    this.#config = config;
    this.#dev = dev;
    this.#issuers = new Map(config.issuers.map((i) => [i.issuer, i]));
    this.#tolerance = Math.min(Math.max(config.clockToleranceSeconds ?? 30, 0), 60);
    this.#logins = new Map(Object.entries(config.logins ?? {}).map(([k, v]) => [foldLogin(k), v]));
  }

  #keysFor(issuer: IssuerConfig): Promise<JWTVerifyGetKey> {
    let found = this.#keys.get(issuer.issuer);
    if (!found) {
      found = (async () => {
        if (issuer.jwksUri) return createRemoteJWKSet(new URL(issuer.jwksUri));
        const discovery = `${issuer.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
        const res = await fetch(discovery, { signal: AbortSignal.timeout(5000) });
        if (!res.ok) throw new Error(`The identity provider's discovery document (${discovery}) answered ${res.status}.`);
        const doc = (await res.json()) as { jwks_uri?: unknown };
        if (typeof doc.jwks_uri !== 'string') throw new Error(`The discovery document ${discovery} names no jwks_uri.`);
        return createRemoteJWKSet(new URL(doc.jwks_uri));
      })();
      // A failed discovery is tried again on the next request, not remembered.
      found.catch(() => this.#keys.delete(issuer.issuer));
      this.#keys.set(issuer.issuer, found);
    }
    return found;
  }

  /** Checks an `Authorization` header: signature, algorithm, issuer, audience and times. */
  async verify(header: string | undefined): Promise<Verified> {
    if (!header) return { ok: false, detail: 'Sign in first: send your token in an "Authorization: Bearer <token>" header.' };
    if (header.length > MAX_TOKEN) return { ok: false, detail: 'The sign-in token is too long.' };
    const match = BEARER.exec(header);
    if (!match) return { ok: false, detail: 'The Authorization header must be "Bearer " followed by a token.' };
    const token = match[1]!;
    const now = this.#now();
    const known = this.#verified.get(token);
    if (known && now < known.until) return known.verified;
    if (known) this.#verified.delete(token);
    const verified = await this.#check(token);
    if (verified.ok) {
      // The same token checks the same way until it expires: remembered for a few minutes, not re-verified on each request.
      const exp = decodeJwt(token).exp;
      const until = Math.min(typeof exp === 'number' ? exp * 1000 : now, now + VERIFIED_MS);
      if (this.#verified.size >= VERIFIED_MAX) this.#verified.delete(this.#verified.keys().next().value!);
      if (until > now) this.#verified.set(token, { verified, until });
    }
    return verified;
  }

  /** Checks a token in full: signature, algorithm, issuer, audience, times and the claim naming the person. */
  async #check(token: string): Promise<Verified> {
    let iss: unknown;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      return { ok: false, detail: 'The sign-in token is not a well-formed JWT.' };
    }
    const dev = this.#dev && iss === DEV_ISSUER;
    const issuer = typeof iss === 'string' ? this.#issuers.get(iss) : undefined;
    if (!dev && !issuer) return { ok: false, detail: `Tokens from the issuer ${JSON.stringify(String(iss ?? '')).slice(0, 200)} are not accepted here.` };
    try {
      const key = dev ? this.#dev!.publicKey : await this.#keysFor(issuer!);
      const { payload } = await jwtVerify(token, key as JWTVerifyGetKey, {
        algorithms: ALGORITHMS,
        issuer: dev ? DEV_ISSUER : issuer!.issuer,
        audience: dev ? this.#dev!.audience : this.#config.audience,
        clockTolerance: this.#tolerance,
        currentDate: new Date(this.#now()),
        requiredClaims: ['exp'],
      });
      const text = (name: string): string | undefined => {
        const value = payload[name];
        return typeof value === 'string' && value && value.length <= MAX_CLAIM ? value : undefined;
      };
      // The rate limit counts per signed-in subject, whichever person of which plan that is.
      const limitKey = (subject: string) => `${String(payload.iss)} ${subject}`;
      if (dev) {
        const sub = text('sub');
        if (!sub) return { ok: false, detail: 'The sign-in token has no "sub" claim naming you.' };
        return { ok: true, identity: { logins: [], personId: sub, dev: true, key: limitKey(sub) } };
      }
      const configured = this.#config.personClaim;
      const logins = (configured ? [configured] : LOGIN_CLAIMS).map(text).filter((v): v is string => v !== undefined).map(foldLogin);
      const mapped = text(configured ?? 'sub');
      if (!logins.length && mapped === undefined) {
        const names = configured ? `"${configured}"` : `${LOGIN_CLAIMS.map((n) => `"${n}"`).join(', ')} or "sub"`;
        return { ok: false, detail: `The sign-in token has no ${names} claim naming you.` };
      }
      const personId = mapped === undefined ? undefined : this.#logins.size ? this.#logins.get(foldLogin(mapped)) : mapped;
      const rateKey = limitKey(text('sub') ?? mapped ?? logins[0]!);
      return { ok: true, identity: { logins, ...(personId !== undefined ? { personId } : {}), key: rateKey } };
    } catch (error) {
      return { ok: false, detail: explain(error) };
    }
  }
}

function explain(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'Your sign-in has expired: sign in again.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'The sign-in token was made for another application (its audience is wrong).';
    if (error.claim === 'nbf') return 'The sign-in token is not valid yet: check the clock of the computer that made it.';
    if (error.claim === 'iss') return 'The sign-in token comes from an issuer that is not accepted here.';
    return `The sign-in token is missing a claim or has a wrong one (${error.claim}).`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The sign-in token is signed with an algorithm that is not accepted (only RS256 and ES256 are).';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return 'The sign-in token was not signed by a key of its issuer.';
  }
  if (error instanceof errors.JOSEError) return 'The sign-in token could not be checked.';
  return "The identity provider's keys could not be read just now: try again in a minute.";
}
