import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { PromiseSchema, type PromiseEvent } from '@pledgeflow/core';
import { promiseMachine } from '@pledgeflow/core/xstate';

const input = PromiseSchema.parse({ id: 'p1', number: 1, title: 'Help with school', childFriendly: 'We will help.', owner: 'alice', principles: [5] });
const actor = { userId: 'alice', agencyId: 'csc', role: 'board-member' } as const;
const e = (type: PromiseEvent['type'], data: Record<string, unknown> = {}) =>
  ({ id: `ev-${type}-${JSON.stringify(data)}`, stream: 'p1', type, data, actor, at: '2026-06-01T10:00:00Z' }) as PromiseEvent;

const EVENTS = [
  e('promise.adopt'),
  e('promise.judge', { judgement: 'on-track' }),
  e('promise.judge', { judgement: 'at-risk', reason: 'falling attendance' }),
  e('promise.judge', { judgement: 'kept' }),
  e('promise.judge', { judgement: 'not-kept', reason: 'no placements found' }),
  e('promise.review'),
  e('promise.owner.change', { owner: 'bob' }),
  e('promise.retire', { reason: 'merged' }),
  e('promise.restore'),
];

describe('the promise machine, walked', () => {
  const paths = getShortestPaths(promiseMachine, { input, events: EVENTS, serializeState: ((s: { value: unknown; context: { owner: string } }) => JSON.stringify([s.value, s.context.owner])) as never });
  const values = new Set(paths.map((p) => JSON.stringify(p.state.value)));

  it('reaches drafted, adopted, each judgement and retired', () => {
    for (const v of ['"drafted"', '{"adopted":"unjudged"}', '{"adopted":"onTrack"}', '{"adopted":"atRisk"}', '{"adopted":"kept"}', '{"adopted":"notKept"}', '"retired"']) {
      expect(values, v).toContain(v);
    }
  });

  it('records the judgement it is in, with the reason for a concern', () => {
    for (const path of paths) {
      const v = path.state.value as string | Record<string, string>;
      const child = typeof v === 'object' ? v['adopted'] : undefined;
      const j = path.state.context.judgement;
      if (child === 'atRisk' || child === 'notKept') expect(j?.reason, JSON.stringify(v)).toBeTruthy();
      if (child && child !== 'unjudged') expect(j?.value.replace(/-(\w)/, (_, c: string) => c.toUpperCase())).toBe(child);
      if (v === 'retired') expect(path.state.context.retiredReason).toBeTruthy();
    }
  });
});
