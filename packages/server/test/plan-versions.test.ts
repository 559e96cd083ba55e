import { createEventId, createTracker, stringifyPlanFile, type Plan, type PledgeEvent } from '@pledgeflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { TEST_DATABASES, type TestDatabaseHandle } from './support/databases.js';
import { actorOf, eastmere, otherPlan } from './support/fixtures.js';
import { call, devSignIn, rawPost, startTestServer } from './support/harness.js';
import { openStream } from './support/stream.js';

let clock = Date.parse('2026-11-23T09:00:00Z');
const nextAt = () => new Date((clock += 60_000)).toISOString();

/** The plan with one action's title changed: a harmless new version. */
const retitled = (plan: Plan, title: string): Plan => ({ ...plan, actions: plan.actions.map((a) => (a.id === 'ETE-04' ? { ...a, title } : a)) });

for (const kind of TEST_DATABASES) {
  describe(`a new version of a plan (${kind.name})`, () => {
    const plan = eastmere('eastmere-versions');
    const westby = otherPlan('westby-versions');
    let handle: TestDatabaseHandle;
    let server: RunningServer | undefined;
    let jo: string; // plan editor

    beforeAll(async () => {
      handle = await kind.create({ persistent: true });
      server = await startTestServer(handle, [{ plan }, { plan: westby }]);
      jo = await devSignIn(server.url, 'jo-whitfield');
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await handle?.remove();
    });

    const put = (body: unknown, token = jo, headers: Record<string, string> = {}, id = plan.id) =>
      call(server!.url, token, `/v1/plans/${id}`, { method: 'PUT', body: typeof body === 'string' ? body : stringifyPlanFile(body as Plan), headers });
    const push = async (token: string, events: PledgeEvent[]) =>
      (await call(server!.url, token, `/v1/plans/${plan.id}/push`, { method: 'POST', body: { clientId: 'test', events } })).body;
    const step = (person: string, stream: string, type: PledgeEvent['type'], onPlan = plan) =>
      ({ id: createEventId(clock), stream, type, data: {}, actor: actorOf(onPlan, person), at: nextAt() }) as PledgeEvent;

    it('stores a plan editor\'s new version, serves it, and tells live streams', async () => {
      const stream = await openStream(server!.url, jo, plan.id);
      try {
        await stream.until(/event: head/);
        const res = await put(retitled(plan, 'Careers advice for every care leaver, from Year 9'));
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ id: plan.id, version: 2, changed: true, warnings: [], misfits: [] });
        expect(res.headers.get('etag')).toBe('"v2"');
        const got = await call(server!.url, jo, `/v1/plans/${plan.id}`);
        expect(got.headers.get('etag')).toBe('"v2"');
        expect(got.body.actions.find((a: { id: string }) => a.id === 'ETE-04').title).toBe('Careers advice for every care leaver, from Year 9');
        await stream.until(/event: plan\ndata: \{"version":2\}/);
      } finally {
        stream.close();
      }
      // The same file again changes nothing.
      const same = await put(retitled(plan, 'Careers advice for every care leaver, from Year 9'));
      expect(same.body).toMatchObject({ version: 2, changed: false });
    });

    it('answers 403 to people who are not plan editors, and 404 to someone not in the plan', async () => {
      for (const person of ['ruth-kendrick', 'margaret-ashdown', 'david-penrose']) {
        const res = await put(retitled(plan, 'Not allowed'), await devSignIn(server!.url, person));
        expect(res.status, person).toBe(403);
        expect(res.body.detail).toMatch(/only a plan editor can change the plan/);
      }
      const karen = await devSignIn(server!.url, 'karen-doyle');
      const notHers = await put(westby, karen, {}, westby.id);
      const missing = await put(westby, karen, {}, 'no-such-plan');
      expect([notHers.status, missing.status]).toEqual([404, 404]);
      expect((await call(server!.url, jo, `/v1/plans/${plan.id}`)).headers.get('etag')).toBe('"v2"');
    });

    it('refuses a plan file with problems, another plan\'s id, or two people with one login, and changes nothing', async () => {
      const broken = await put({ ...plan, actions: plan.actions.map((a, i) => (i === 0 ? { ...a, dueDate: '30/10/2026' } : a)) });
      expect(broken.status).toBe(422);
      expect(broken.body.problems).toEqual([expect.objectContaining({ path: 'actions[0].dueDate' })]);
      expect(broken.body.detail).toMatch(/1 problem; nothing was changed/);
      const notJson = await put('{"format": "pledgeflow-plan",');
      expect(notJson.status).toBe(400);
      const renamed = await put({ ...plan, id: 'eastmere-renamed' });
      expect(renamed.status).toBe(422);
      expect(renamed.body.detail).toMatch(/a plan keeps its id/);
      const twins = await put({ ...plan, people: plan.people.map((p) => (p.id === 'ruth-kendrick' || p.id === 'jo-whitfield' ? { ...p, login: 'shared@eastmere.gov.uk' } : p)) });
      expect(twins.status).toBe(422);
      expect(twins.body.detail).toMatch(/same login/);
      const text = await call(server!.url, jo, `/v1/plans/${plan.id}`, { method: 'PUT', body: 'hello', headers: { 'content-type': 'text/plain' } });
      expect(text.status).toBe(415);
      const big = await rawPost(server!.url, `/v1/plans/${plan.id}`, { authorization: `Bearer ${jo}`, 'content-type': 'application/json' },
        stringifyPlanFile({ ...plan, title: 'x'.repeat(1024 * 1024) }), 'PUT');
      expect(big.status).toBe(413);
      expect((await call(server!.url, jo, `/v1/plans/${plan.id}`)).headers.get('etag')).toBe('"v2"');
    });

    it('changes the plan only while it is the version named in If-Match', async () => {
      const stale = await put(retitled(plan, 'From an old copy'), jo, { 'if-match': '"v1"' });
      expect(stale.status).toBe(412);
      expect(stale.headers.get('etag')).toBe('"v2"');
      expect((await put(retitled(plan, 'From an old copy'), jo, { 'if-match': 'v2' })).status).toBe(400);
      const current = await put(retitled(plan, 'Careers advice, from Year 9'), jo, { 'if-match': '"v2"' });
      expect(current.body).toMatchObject({ version: 3, changed: true });
    });

    it('lists the accepted events that no longer fit, keeps them in the log, and judges by the new version', async () => {
      const ruth = await devSignIn(server!.url, 'ruth-kendrick');
      const agree = step('ruth-kendrick', 'ETE-04', 'action.agree');
      const start = step('ruth-kendrick', 'ETE-04', 'action.start');
      const pushed = await push(ruth, [agree, start]);
      expect(pushed.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted']);

      // Ruth becomes an action owner: steps she took as a working-group lead no longer fit.
      const demoted: Plan = { ...retitled(plan, 'Careers advice, from Year 9'), people: plan.people.map((p) => (p.id === 'ruth-kendrick' ? { ...p, role: 'action-owner' } : p)) };
      const res = await put(demoted);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: 4, changed: true });
      expect(res.body.misfits).toEqual([
        { id: agree.id, seq: pushed.results[0].seq, stream: 'ETE-04', type: 'action.agree', at: agree.at, reasons: [expect.stringMatching(/Ruth Kendrick is a.* action owner in this plan, not a working-group lead/)] },
        { id: start.id, seq: pushed.results[1].seq, stream: 'ETE-04', type: 'action.start', at: start.at, reasons: expect.any(Array) },
      ]);

      // Not dropped: a pull still gives both, with their seqs.
      const pulled = await call(server!.url, jo, `/v1/plans/${plan.id}/pull`);
      expect(pulled.body.events.map((e: PledgeEvent) => e.id)).toEqual(expect.arrayContaining([agree.id, start.id]));
      const replay = createTracker({ plan: demoted, events: pulled.body.events });
      expect(replay.getAction('ETE-04')?.state).toBe('draft');

      // The server's tracker was rebuilt: ETE-04 is in draft again, so the plan editor may agree it.
      const again = await push(jo, [step('jo-whitfield', 'ETE-04', 'action.agree')]);
      expect(again.results[0]).toMatchObject({ status: 'accepted' });
      // And Ruth is judged by the new version: her old role is a forged actor now.
      const old = await push(ruth, [step('ruth-kendrick', 'ETE-04', 'action.review')]);
      expect(old.results[0]).toMatchObject({ status: 'refused', reasons: [expect.stringMatching(/signed in as Ruth Kendrick/)] });
    });

    it('keeps every version, with who made it', async () => {
      await server!.close();
      server = undefined;
      const db = await handle.open();
      try {
        const { rows } = await db.query<{ version: number; created_by: string | null }>(
          'SELECT version, created_by FROM plan_versions WHERE plan_id = $1 ORDER BY version', [plan.id]);
        expect(rows.map((r) => [Number(r.version), r.created_by])).toEqual([[1, null], [2, 'jo-whitfield'], [3, 'jo-whitfield'], [4, 'jo-whitfield']]);
        // Snapshots made under an older version were dropped, and the items written again under the newest.
        const snapshots = await db.query<{ stream: string; plan_version: number }>('SELECT stream, plan_version FROM snapshots WHERE plan_id = $1', [plan.id]);
        expect(snapshots.rows.map((r) => [r.stream, Number(r.plan_version)])).toEqual([['ETE-04', 4]]);
      } finally {
        await db.close();
      }
    });
  });
}
