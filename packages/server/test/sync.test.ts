import { createEventId } from '@pledgeflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { SyncClient, fetchTransport } from './support/client.js';
import { TEST_DATABASES, type TestDatabaseHandle } from './support/databases.js';
import { actorOf, eastmere } from './support/fixtures.js';
import { call, devSignIn, startTestServer } from './support/harness.js';

let clock = Date.parse('2026-11-20T09:00:00Z');
const nextAt = () => new Date((clock += 60_000)).toISOString();
const newId = () => createEventId(clock + Math.random());

for (const kind of TEST_DATABASES) {
  describe(`sync between agencies (${kind.name})`, () => {
    const plan = eastmere('eastmere-sync');
    let handle: TestDatabaseHandle;
    let server: RunningServer;

    beforeAll(async () => {
      handle = await kind.create();
      server = await startTestServer(handle, [{ plan }]);
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await handle?.remove();
    });

    it('lets two people of different agencies each see the other\'s accepted steps', async () => {
      const ruthToken = await devSignIn(server.url, 'ruth-kendrick');
      const imranToken = await devSignIn(server.url, 'imran-hussain');
      const ruth = new SyncClient(plan, actorOf(plan, 'ruth-kendrick'), 'ruth-laptop', fetchTransport(server.url, ruthToken));
      const imran = new SyncClient(plan, actorOf(plan, 'imran-hussain'), 'imran-phone', fetchTransport(server.url, imranToken));

      const agree = ruth.step({ id: newId(), stream: 'ETE-04', type: 'action.agree', data: {}, at: nextAt() });
      expect(agree).toBeDefined();
      const [agreed] = await ruth.push();
      expect(agreed).toMatchObject({ id: agree!.id, status: 'accepted', seq: 1 });

      await imran.pull();
      expect(imran.tracker.getAction('ETE-04')?.state).toBe('agreed');

      const evidence = imran.step({
        id: newId(), stream: 'ETE-04', type: 'action.evidence.add', at: nextAt(),
        data: { evidenceId: 'ev-college-1', summary: 'Twelve care leavers enrolled on the college bridging course.', date: '2026-11-20' },
      });
      expect(evidence).toBeDefined();
      const [added] = await imran.push();
      expect(added).toMatchObject({ status: 'accepted', seq: 2 });

      await ruth.pull();
      expect(ruth.tracker.getAction('ETE-04')?.evidence.map((e) => e.id)).toEqual(['ev-college-1']);
      expect(ruth.last).toBe(2);
      expect(imran.refused).toEqual([]);
    });

    it('lists the plans the person belongs to and hands out the plan file', async () => {
      const token = await devSignIn(server.url, 'karen-doyle');
      const list = await call(server.url, token, '/v1/plans');
      expect(list.status).toBe(200);
      expect(list.body.plans).toEqual([expect.objectContaining({ id: plan.id, version: 1, you: expect.objectContaining({ id: 'karen-doyle' }) })]);
      const file = await call(server.url, token, `/v1/plans/${plan.id}`);
      expect(file.status).toBe(200);
      expect(file.body).toMatchObject({ format: 'pledgeflow-plan', id: plan.id });
      expect(file.headers.get('etag')).toBe('"v1"');
    });

    it('gives the scrutiny report as JSON, CSV and Markdown', async () => {
      const token = await devSignIn(server.url, 'david-penrose');
      const json = await call(server.url, token, `/v1/plans/${plan.id}/report?today=2026-11-25`);
      expect(json.status).toBe(200);
      expect(json.body.overdue.length).toBeGreaterThan(0);
      const md = await call(server.url, token, `/v1/plans/${plan.id}/report?today=2026-11-25&format=md`);
      expect(md.headers.get('content-type')).toContain('text/markdown');
      expect(md.body).toContain('#');
      const csv = await call(server.url, token, `/v1/plans/${plan.id}/report?today=2026-11-25&format=csv`);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const bad = await call(server.url, token, `/v1/plans/${plan.id}/report?today=25/11/2026`);
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toBe('application/problem+json');
    });
  });
}
