// The recommendation machine walked by XState's graph tools: every state is reachable, and the
// response, reasons and sign-off it keeps along each path are what the committee relies on.
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { RecommendationSchema, type RecommendationEvent } from '@pledgeflow/core';
import { recommendationMachine } from '@pledgeflow/core/xstate';

const input = RecommendationSchema.parse({ id: 'r1', review: 'rv', number: 1, title: 'Every school names a designated teacher.', madeOn: '2026-06-01' });
const actor = { userId: 'cabinet', agencyId: 'csc', role: 'executive' } as const;
const e = (type: RecommendationEvent['type'], data: Record<string, unknown> = {}) =>
  ({ id: `ev-${type}-${JSON.stringify(data)}`, stream: 'r1', type, data, actor, at: '2026-07-01T10:00:00Z' }) as RecommendationEvent;

const EVENTS = [
  e('recommendation.respond', { response: 'accepted' }),
  e('recommendation.respond', { response: 'partly-accepted', reason: 'Only for secondary schools.' }),
  e('recommendation.respond', { response: 'rejected', reason: 'Already a statutory duty.' }),
  e('recommendation.start'),
  e('recommendation.update', { note: 'Half the schools have named one.' }),
  e('recommendation.implement'),
  e('recommendation.sign-off'),
  e('recommendation.reopen', { reason: 'Primary schools left out.' }),
];

type Ctx = { response?: { value: string; reason?: string }; implementedOn?: string; signedOff?: unknown; reopened?: { reason: string } };

describe('the recommendation machine, walked', () => {
  const paths = getShortestPaths(recommendationMachine, {
    input,
    events: EVENTS,
    serializeState: ((s: { value: unknown; context: Ctx }) => JSON.stringify([s.value, s.context.response?.value, !!s.context.reopened])) as never,
  });
  const values = new Set(paths.map((p) => JSON.stringify(p.state.value)));

  it('reaches every state', () => {
    for (const v of ['made', 'accepted', 'partlyAccepted', 'rejected', 'inProgress', 'implemented', 'signedOff', 'reopened']) expect(values, v).toContain(`"${v}"`);
  });

  it('keeps the response it is in, with the reason for a partial acceptance or a rejection', () => {
    for (const path of paths) {
      const v = path.state.value as string;
      const c = path.state.context as Ctx;
      if (v === 'accepted') expect(c.response?.value).toBe('accepted');
      if (v === 'partlyAccepted') expect(c.response).toMatchObject({ value: 'partly-accepted', reason: expect.any(String) });
      if (v === 'rejected') expect(c.response).toMatchObject({ value: 'rejected', reason: expect.any(String) });
      if (v === 'implemented') expect(c.implementedOn).toBe('2026-07-01');
      if (v === 'signedOff') expect(c.signedOff).toBeTruthy();
      if (v === 'reopened') expect(c.reopened?.reason).toBeTruthy();
    }
  });

  it('is never signed off before it is implemented or rejected', () => {
    for (const path of paths) {
      const steps = path.steps.map((s) => (s.event as RecommendationEvent).type);
      const i = steps.indexOf('recommendation.sign-off');
      if (i < 0) continue;
      const before = steps.slice(0, i);
      expect(before.includes('recommendation.implement') || (path.state.context as Ctx).response?.value === 'rejected').toBe(true);
    }
  });
});
