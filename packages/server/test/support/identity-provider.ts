import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/** A stand-in for a council's identity provider on loopback: it serves a JWKS and signs tokens. */
export class TestIdentityProvider {
  private constructor(
    readonly issuer: string,
    readonly jwksUri: string,
    private readonly server: Server,
    private readonly key: CryptoKey,
  ) {}

  static async start(issuer: string): Promise<TestIdentityProvider> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
    const server = createServer((req, res) => {
      if (req.url === '/jwks') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    return new TestIdentityProvider(issuer, `http://127.0.0.1:${port}/jwks`, server, privateKey);
  }

  /** A token as the provider would issue it; `claims` and `options` bend it for the failing cases. */
  async token(claims: JWTPayload, options: { key?: CryptoKey; kid?: string; expiresIn?: string | number; alg?: string; issuer?: string; audience?: string } = {}): Promise<string> {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? 'test-key-1' })
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? 'api://pledgeflow')
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '10m');
    return jwt.sign(options.key ?? this.key);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** An unsigned token (`alg: none`), as an attacker would send it. */
export function unsignedToken(payload: JWTPayload): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}
