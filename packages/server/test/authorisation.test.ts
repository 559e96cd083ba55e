import { createEventId, type PledgeEvent } from '@pledgeflow/core';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProblem, type RunningServer } from '../src/index.js';
import { TEST_DATABASES, type TestDatabaseHandle } from './support/databases.js';
import { actorOf, eastmere, otherPlan } from './support/fixtures.js';
import { call, rawPost, startTestServer } from './support/harness.js';
import { TestIdentityProvider, unsignedToken } from './support/identity-provider.js';

const AUDIENCE = 'api://pledgeflow';
let clock = Date.parse('2026-11-20T09:00:00Z');
const nextAt = () => new Date((clock += 60_000)).toISOString();

for (const kind of TEST_DATABASES) {
  describe(`authorisation (${kind.name})`, () => {
    const plan = eastmere('eastmere-auth');
    const westby = otherPlan('westby-auth');
    let handle: TestDatabaseHandle;
    let server: RunningServer;
    let idp: TestIdentityProvider;
    let police: TestIdentityProvider;

    beforeAll(async () => {
      idp = await TestIdentityProvider.start('https://login.example.test/eastmere/v2.0');
      police = await TestIdentityProvider.start('https://login.example.test/fenwold-police/v2.0');
      handle = await kind.create();
      server = await startTestServer(handle, [{ plan }, { plan: westby }], {
        auth: {
          issuers: [{ issuer: idp.issuer, jwksUri: idp.jwksUri }, { issuer: police.issuer, jwksUri: police.jwksUri }],
          audience: AUDIENCE,
          clockToleranceSeconds: 30,
        },
        corsOrigins: ['https://intranet.eastmere.example'],
      });
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await handle?.remove();
      await idp?.close();
      await police?.close();
    });

    const event = (personId: string, stream: string, type: PledgeEvent['type'], data: Record<string, unknown> = {}, actor = actorOf(plan, personId)) =>
      ({ id: createEventId(clock), stream, type, data, actor, at: nextAt() }) as PledgeEvent;
    const head = async () => (await call(server.url, await idp.token({ sub: 'jo-whitfield' }), `/v1/plans/${plan.id}/pull`)).body.head;

    const expectUnauthorised = (res: { status: number; headers: Headers; body: any }, detail: RegExp) => {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body).toMatchObject({ status: 401, title: 'Unauthorized' });
      expect(res.body.detail).toMatch(detail);
      expect(JSON.stringify(res.body)).not.toMatch(/ at .*\.(ts|js):\d+/);
    };

    it('answers 401 with WWW-Authenticate when there is no token', async () => {
      expectUnauthorised(await call(server.url, undefined, '/v1/plans'), /Sign in first/);
      expectUnauthorised(await call(server.url, undefined, `/v1/plans/${plan.id}/push`, { method: 'POST', body: { clientId: 'c', events: [] } }), /Sign in first/);
    });

    it('refuses an expired token, beyond the clock tolerance', async () => {
      const expired = await idp.token({ sub: 'ruth-kendrick' }, { expiresIn: Math.floor(Date.now() / 1000) - 120 });
      expectUnauthorised(await call(server.url, expired, '/v1/plans'), /expired/);
    });

    it('refuses alg none, and an HMAC token made with the public key', async () => {
      const none = unsignedToken({ sub: 'ruth-kendrick', iss: idp.issuer, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 });
      expectUnauthorised(await call(server.url, none, '/v1/plans'), /algorithm|could not be checked/);
      const jwks = (await (await fetch(idp.jwksUri)).json()) as { keys: { n: string }[] };
      const hs = await new SignJWT({ sub: 'ruth-kendrick' }).setProtectedHeader({ alg: 'HS256', kid: 'test-key-1' }).setIssuer(idp.issuer)
        .setAudience(AUDIENCE).setExpirationTime('10m').sign(new TextEncoder().encode(jwks.keys[0]!.n));
      expectUnauthorised(await call(server.url, hs, '/v1/plans'), /algorithm/);
    });

    it('refuses a wrong issuer and a wrong audience', async () => {
      const stranger = await idp.token({ sub: 'ruth-kendrick' }, { issuer: 'https://login.example.test/somewhere-else/v2.0' });
      expectUnauthorised(await call(server.url, stranger, '/v1/plans'), /issuer/);
      const otherApp = await idp.token({ sub: 'ruth-kendrick' }, { audience: 'api://another-app' });
      expectUnauthorised(await call(server.url, otherApp, '/v1/plans'), /audience/);
    });

    it('refuses a token signed by another key', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      expectUnauthorised(await call(server.url, await idp.token({ sub: 'ruth-kendrick' }, { key: privateKey }), '/v1/plans'), /not signed by a key/);
      expectUnauthorised(await call(server.url, await idp.token({ sub: 'ruth-kendrick' }, { key: privateKey, kid: 'unknown-key' }), '/v1/plans'), /not signed by a key/);
      // A key of one issuer does not pass for the other.
      expectUnauthorised(await call(server.url, await police.token({ sub: 'karen-doyle' }, { issuer: idp.issuer }), '/v1/plans'), /not signed by a key/);
    });

    it('accepts tokens from each allowed issuer', async () => {
      const ruth = await call(server.url, await idp.token({ sub: 'ruth-kendrick' }), '/v1/plans');
      expect(ruth.status).toBe(200);
      expect(ruth.body.plans.map((p: { id: string }) => p.id).sort()).toEqual([plan.id, westby.id].sort());
      const karen = await call(server.url, await police.token({ sub: 'karen-doyle' }), '/v1/plans');
      expect(karen.body.plans.map((p: { id: string }) => p.id)).toEqual([plan.id]);
    });

    it('answers 404 for a plan the person is not in, exactly as for a plan that does not exist', async () => {
      const karen = await police.token({ sub: 'karen-doyle' });
      const notMine = await call(server.url, karen, `/v1/plans/${westby.id}`);
      const missing = await call(server.url, karen, '/v1/plans/no-such-plan');
      expect(notMine.status).toBe(404);
      expect(missing.status).toBe(404);
      expect({ ...notMine.body, detail: notMine.body.detail.replace(westby.id, 'X') }).toEqual({ ...missing.body, detail: missing.body.detail.replace('no-such-plan', 'X') });
      const push = await call(server.url, karen, `/v1/plans/${westby.id}/push`, {
        method: 'POST', body: { clientId: 'karen', events: [event('karen-doyle', 'HLT-07', 'action.evidence.add', { evidenceId: 'ev-1', summary: 'x', date: '2026-11-20' })] },
      });
      expect(push.status).toBe(404);
      for (const path of ['pull', 'report', 'stream']) expect((await call(server.url, karen, `/v1/plans/${westby.id}/${path}`)).status).toBe(404);
    });

    it('refuses a forged actor, keeps the refusal and shows it to its author only', async () => {
      const before = await head();
      const imran = await idp.token({ sub: 'imran-hussain' });
      const forged = event('imran-hussain', 'ETE-04', 'action.agree', {}, actorOf(plan, 'ruth-kendrick'));
      const res = await call(server.url, imran, `/v1/plans/${plan.id}/push`, { method: 'POST', body: { clientId: 'imran', events: [forged] } });
      expect(res.status).toBe(200);
      expect(res.body.results).toEqual([{ id: forged.id, status: 'refused', reasons: [expect.stringMatching(/signed in as Imran Hussain/)] }]);
      const mine = await call(server.url, imran, `/v1/plans/${plan.id}/pull`);
      expect(mine.body.refused).toEqual([expect.objectContaining({ id: forged.id, reasons: res.body.results[0].reasons })]);
      const ruths = await call(server.url, await idp.token({ sub: 'ruth-kendrick' }), `/v1/plans/${plan.id}/pull`);
      expect(ruths.body.refused).toEqual([]);
      expect(await head()).toBe(before);
      // The same id again is a duplicate with the stored verdict.
      const again = await call(server.url, imran, `/v1/plans/${plan.id}/push`, { method: 'POST', body: { clientId: 'imran', events: [forged] } });
      expect(again.body.results[0]).toMatchObject({ id: forged.id, status: 'duplicate', verdict: 'refused' });
    });

    it('refuses a partner acting on an action their agency is not on', async () => {
      const before = await head();
      const karen = await police.token({ sub: 'karen-doyle' });
      // ETE-01 is led by the Virtual School with Children's Services: not the police.
      const e = event('karen-doyle', 'ETE-01', 'action.evidence.add', { evidenceId: 'ev-police-1', summary: 'Joint visits.', date: '2026-11-20' });
      const res = await call(server.url, karen, `/v1/plans/${plan.id}/push`, { method: 'POST', body: { clientId: 'karen', events: [e] } });
      expect(res.body.results[0]).toMatchObject({ id: e.id, status: 'refused' });
      expect(res.body.results[0].reasons.join(' ')).toMatch(/Fenwold Constabulary|agency|contribut/i);
      expect(await head()).toBe(before);
    });

    it("refuses a scrutiny member's step on an action (the committee only signs off or reopens recommendations), and stores it nowhere", async () => {
      const before = await head();
      const david = await idp.token({ sub: 'david-penrose' });
      const e = event('david-penrose', 'ETE-01', 'action.review', {});
      const res = await call(server.url, david, `/v1/plans/${plan.id}/push`, { method: 'POST', body: { clientId: 'david', events: [e] } });
      expect(res.status).toBe(200);
      expect(res.body.results[0]).toMatchObject({ id: e.id, status: 'refused' });
      expect(res.body.results[0].reasons.join(' ')).toMatch(/^Scrutiny members can see everything but change nothing/);
      expect(await head()).toBe(before);
    });

    it('answers 413 over 500 events or 1 MB, 415 for a body that is not JSON, 400 for a wrong shape', async () => {
      const ruth = await idp.token({ sub: 'ruth-kendrick' });
      const many = Array.from({ length: 501 }, () => event('ruth-kendrick', 'ETE-01', 'action.review'));
      const tooMany = await call(server.url, ruth, `/v1/plans/${plan.id}/push`, { method: 'POST', body: { clientId: 'ruth', events: many } });
      expect(tooMany.status).toBe(413);
      const big = await rawPost(server.url, `/v1/plans/${plan.id}/push`, { authorization: `Bearer ${ruth}`, 'content-type': 'application/json' },
        JSON.stringify({ clientId: 'ruth', events: [], pad: 'x'.repeat(1024 * 1024) }));
      expect(big.status).toBe(413);
      expect(big.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(big.body).detail).toMatch(/1 MB/);
      const text = await call(server.url, ruth, `/v1/plans/${plan.id}/push`, { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain' } });
      expect(text.status).toBe(415);
      const shape = await call(server.url, ruth, `/v1/plans/${plan.id}/push`, { method: 'POST', body: { events: 'none' } });
      expect(shape.status).toBe(400);
      expect(JSON.stringify(shape.body)).not.toContain('none"');
    });

    it('sends security headers, and CORS headers only to configured origins', async () => {
      const ok = await fetch(`${server.url}/healthz`, { headers: { origin: 'https://intranet.eastmere.example' } });
      expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
      expect(ok.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://intranet.eastmere.example');
      const other = await fetch(`${server.url}/healthz`, { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('has no development sign-in unless started with --dev', async () => {
      const res = await call(server.url, undefined, '/dev/sign-in', { method: 'POST', body: { userId: 'ruth-kendrick' } });
      expect(res.status).toBe(404);
    });
  });
}

describe('rate limits', () => {
  it('answers 429 with Retry-After past the per-person and per-address limits', async () => {
    const kind = TEST_DATABASES[0]!;
    const handle = await kind.create();
    const server = await startTestServer(handle, [{ plan: eastmere('eastmere-rate') }], { rateLimits: { perPerson: 3, perAddress: 6 } });
    try {
      const token = ((await (await fetch(`${server.url}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"ruth-kendrick"}' })).json()) as { token: string }).token;
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(server.url, token, '/v1/plans')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await call(server.url, token, '/v1/plans');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('content-type')).toBe('application/problem+json');
      // Six requests from this address so far (one sign-in, five above): the seventh is over.
      const byAddress = await call(server.url, undefined, '/healthz');
      expect(byAddress.status).toBe(429);
      expect(byAddress.body.detail).toMatch(/address/);
    } finally {
      await server.close();
      await handle.remove();
    }
  }, 60_000);
});

describe('development mode', () => {
  it('refuses to start unless it listens on loopback only', () => {
    expect(startProblem({ dev: true, host: '0.0.0.0' })).toMatch(/only on this computer/);
    expect(startProblem({ dev: true, host: '127.0.0.1' })).toBeUndefined();
    expect(startProblem({ dev: true, host: '::1' })).toBeUndefined();
    expect(startProblem({ dev: false, host: '0.0.0.0' })).toMatch(/identity provider/);
  });
});
