import { createEventId, type Plan, type PledgeEvent } from '@pledgeflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Authenticator, type AuthConfig, type RunningServer } from '../src/index.js';
import { findPerson, loginProblem } from '../src/http/identity.js';
import { TEST_DATABASES, type TestDatabaseHandle } from './support/databases.js';
import { actorOf, eastmere } from './support/fixtures.js';
import { call, startTestServer } from './support/harness.js';
import { TestIdentityProvider } from './support/identity-provider.js';

const AUDIENCE = 'api://pledgeflow';

/** The Eastmere plan where Ruth and Karen have logins and everyone else has none. */
function planWithLogins(id: string): Plan {
  const base = eastmere(id);
  const logins: Record<string, string> = { 'ruth-kendrick': 'Ruth.Kendrick@eastmere.gov.uk', 'karen-doyle': 'karen.doyle@fenwold.police.uk' };
  return { ...base, people: base.people.map((p) => (logins[p.id] ? { ...p, login: logins[p.id]! } : p)) };
}

describe('finding the signed-in person of a plan', () => {
  const plan = planWithLogins('eastmere-logins');
  const idp = { current: undefined as TestIdentityProvider | undefined };
  beforeAll(async () => {
    idp.current = await TestIdentityProvider.start('https://login.example.test/eastmere/v2.0');
  });
  afterAll(() => idp.current?.close());

  const verify = async (claims: Record<string, unknown>, config: Partial<AuthConfig> = {}) => {
    const auth = new Authenticator({ issuers: [{ issuer: idp.current!.issuer, jwksUri: idp.current!.jwksUri }], audience: AUDIENCE, ...config });
    const verified = await auth.verify(`Bearer ${await idp.current!.token(claims)}`);
    if (!verified.ok) throw new Error(verified.detail);
    return findPerson(plan, verified.identity)?.id;
  };

  it("matches Entra ID's preferred_username against a person's login, without regard to case", async () => {
    expect(await verify({ sub: 'aad-opaque-1', preferred_username: 'RUTH.KENDRICK@EASTMERE.GOV.UK' })).toBe('ruth-kendrick');
  });

  it('falls back to the email claim when preferred_username matches no login', async () => {
    expect(await verify({ sub: 'aad-opaque-2', preferred_username: 'kdoyle@fenwold.onmicrosoft.com', email: 'Karen.Doyle@fenwold.police.uk' })).toBe('karen-doyle');
  });

  it('takes a login match before the sub-to-id fallback', async () => {
    // The sub names Jo Whitfield, but the sign-in name is Ruth's login: the login wins.
    expect(await verify({ sub: 'jo-whitfield', preferred_username: 'ruth.kendrick@eastmere.gov.uk' })).toBe('ruth-kendrick');
  });

  it('keeps the documented fallback: sub as the id of a person with no login', async () => {
    expect(await verify({ sub: 'jo-whitfield' })).toBe('jo-whitfield');
    expect(await verify({ sub: 'jo-whitfield', preferred_username: 'someone.else@eastmere.gov.uk' })).toBe('jo-whitfield');
  });

  it('finds a person with a login only by that login, not by their id', async () => {
    expect(await verify({ sub: 'ruth-kendrick' })).toBeUndefined();
    expect(await verify({ sub: 'x', preferred_username: 'ruth-kendrick' })).toBeUndefined();
  });

  it('uses the configured claim, alone, for both the login and the logins file', async () => {
    expect(await verify({ sub: 'x', upn: 'ruth.kendrick@EASTMERE.gov.uk' }, { personClaim: 'upn' })).toBe('ruth-kendrick');
    // preferred_username is not read when another claim is configured.
    expect(await verify({ sub: 'x', upn: 'nobody@eastmere.gov.uk', preferred_username: 'ruth.kendrick@eastmere.gov.uk' }, { personClaim: 'upn' })).toBeUndefined();
    expect(await verify({ sub: 'x', upn: 'J.Whitfield@eastmere.gov.uk' }, { personClaim: 'upn', logins: { 'j.whitfield@eastmere.gov.uk': 'jo-whitfield' } })).toBe('jo-whitfield');
  });

  it('looks the sub up in the logins file for people with no login, as before', async () => {
    const logins = { 'aad-opaque-jo': 'jo-whitfield', 'aad-opaque-ruth': 'ruth-kendrick' };
    expect(await verify({ sub: 'AAD-OPAQUE-JO' }, { logins })).toBe('jo-whitfield');
    // Ruth's plan entry names her login: the logins file does not name her.
    expect(await verify({ sub: 'aad-opaque-ruth' }, { logins })).toBeUndefined();
    // With a logins file, a sub that is a person id is not enough.
    expect(await verify({ sub: 'jo-whitfield' }, { logins })).toBeUndefined();
  });

  it('says which claims it looked for when a token names no one', async () => {
    const auth = new Authenticator({ issuers: [{ issuer: idp.current!.issuer, jwksUri: idp.current!.jwksUri }], audience: AUDIENCE });
    const verified = await auth.verify(`Bearer ${await idp.current!.token({ name: 'Ruth' })}`);
    expect(verified).toEqual({ ok: false, detail: expect.stringMatching(/"preferred_username", "email" or "sub"/) });
  });

  it('remembers a verified token for a few minutes, but never past its expiry', async () => {
    let now = Date.now();
    const auth = new Authenticator({ issuers: [{ issuer: idp.current!.issuer, jwksUri: idp.current!.jwksUri }], audience: AUDIENCE, clockToleranceSeconds: 0 }, undefined, () => now);
    const header = `Bearer ${await idp.current!.token({ sub: 'jo-whitfield' }, { expiresIn: '2m' })}`;
    expect(await auth.verify(header)).toMatchObject({ ok: true });
    now += 60_000;
    expect(await auth.verify(header)).toMatchObject({ ok: true });
    now += 90_000;
    expect(await auth.verify(header)).toEqual({ ok: false, detail: expect.stringMatching(/expired/) });
  });

  it('refuses a plan in which two people share a login', () => {
    const base = planWithLogins('eastmere-clash');
    const clash = { ...base, people: base.people.map((p) => (p.id === 'jo-whitfield' ? { ...p, login: 'RUTH.kendrick@eastmere.gov.uk' } : p)) };
    expect(loginProblem(clash)).toMatch(/Jo Whitfield \(jo-whitfield\) and Ruth Kendrick \(ruth-kendrick\).*same login/);
    expect(loginProblem(base)).toBeUndefined();
  });
});

for (const kind of TEST_DATABASES) {
  describe(`signing in by login (${kind.name})`, () => {
    const plan = planWithLogins('eastmere-login-http');
    let handle: TestDatabaseHandle;
    let server: RunningServer;
    let idp: TestIdentityProvider;

    beforeAll(async () => {
      idp = await TestIdentityProvider.start('https://login.example.test/eastmere/v2.0');
      handle = await kind.create();
      server = await startTestServer(handle, [{ plan }], { auth: { issuers: [{ issuer: idp.issuer, jwksUri: idp.jwksUri }], audience: AUDIENCE } });
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await handle?.remove();
      await idp?.close();
    });

    it('lets a person signed in by their login see their plans and push as themselves', async () => {
      const token = await idp.token({ sub: 'aad-9f1c', preferred_username: 'ruth.kendrick@Eastmere.gov.uk' });
      const mine = await call(server.url, token, '/v1/plans');
      expect(mine.status).toBe(200);
      expect(mine.body.plans).toEqual([expect.objectContaining({ id: plan.id, you: expect.objectContaining({ id: 'ruth-kendrick' }) })]);
      const e = { id: createEventId(Date.parse('2026-11-20T09:00:00Z')), stream: 'ETE-04', type: 'action.agree', data: {}, actor: actorOf(plan, 'ruth-kendrick'), at: '2026-11-20T09:00:00.000Z' } as PledgeEvent;
      const push = await call(server.url, token, `/v1/plans/${plan.id}/push`, { method: 'POST', body: { clientId: 'ruth-laptop', events: [e] } });
      expect(push.body.results).toEqual([{ id: e.id, status: 'accepted', seq: 1 }]);
    });

    it('answers 401 to a token that names no person of any plan', async () => {
      const stranger = await call(server.url, await idp.token({ sub: 'aad-0000', preferred_username: 'stranger@eastmere.gov.uk' }), '/v1/plans');
      expect(stranger.status).toBe(401);
      expect(stranger.body.detail).toMatch(/not one of the people of any plan/);
      // Ruth's id as sub is not Ruth: her plan entry names her login.
      expect((await call(server.url, await idp.token({ sub: 'ruth-kendrick' }), '/v1/plans')).status).toBe(401);
    });
  });
}
