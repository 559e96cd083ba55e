// The meeting machine walked by XState's graph tools: every state is reachable, and what the
// machine keeps along each path is what a board's clerk would expect.
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { MeetingSchema, type MeetingEvent } from '@pledgeflow/core';
import { meetingMachine } from '@pledgeflow/core/xstate';

const input = MeetingSchema.parse({ id: 'board-2026-09-17', date: '2026-09-17', theme: 'Health', reports: ['health'] });
const actor = { userId: 'clerk', agencyId: 'csc', role: 'plan-editor' } as const;
const e = (type: MeetingEvent['type'], data: Record<string, unknown> = {}, at = '2026-09-17T10:00:00Z') =>
  ({ id: `ev-${type}-${JSON.stringify(data)}-${at}`, stream: input.id, type, data, actor, at }) as MeetingEvent;

const EVENTS = [
  e('meeting.papers.send', {}, '2026-09-10T09:00:00Z'),
  e('meeting.report.submit', { workstream: 'health' }, '2026-09-08T09:00:00Z'),
  e('meeting.report.submit', { workstream: 'housing' }, '2026-09-08T09:00:00Z'),
  e('meeting.question.ask', { questionId: 'q1', question: 'When will every child have a health plan?' }, '2026-09-01T09:00:00Z'),
  e('meeting.hold', {}, '2026-09-16T10:00:00Z'),
  e('meeting.hold'),
  e('meeting.attendance.record', { person: 'ann' }),
  e('meeting.attendance.record', { person: 'raj', standingInFor: 'ben' }),
  e('meeting.question.answer', { questionId: 'q1', answer: 'By March.' }),
  e('meeting.decision.record', { decisionId: 'd1', decision: 'Ask the trust for a plan.', action: 'a1' }),
  e('meeting.minutes.publish', { link: 'https://intranet.example/minutes.pdf' }, '2026-09-30T10:00:00Z'),
  e('meeting.cancel', { reason: 'Too few members free.' }, '2026-09-01T10:00:00Z'),
];

type State = { value: unknown; context: { present: { person: string }[]; received: unknown[]; questions: { answer?: string }[]; decisions: unknown[] } };

describe('the meeting machine, walked', () => {
  const paths = getShortestPaths(meetingMachine, {
    input,
    events: EVENTS,
    serializeState: ((s: State) => JSON.stringify([s.value, s.context.present.length, s.context.received.length, s.context.questions.length])) as never,
  });
  const values = new Set(paths.map((p) => JSON.stringify(p.state.value)));

  it('reaches planned, papers out, held, minutes published and cancelled', () => {
    for (const v of ['"planned"', '"papersOut"', '"held"', '"minutesPublished"', '"cancelled"']) expect(values, v).toContain(v);
  });

  it('is held only on or after its date, and keeps a report only from a working group expected to report', () => {
    for (const path of paths) {
      const steps = path.steps.map((s) => s.event as MeetingEvent);
      const held = steps.find((s) => s.type === 'meeting.hold');
      if (held) expect(held.at.slice(0, 10) >= input.date).toBe(true);
      const ctx = path.state.context as { received: { workstream: string }[] };
      for (const r of ctx.received) expect(r.workstream).toBe('health');
    }
  });

  it('records attendance and decisions only at a meeting that was held', () => {
    for (const path of paths) {
      const s = path.state as unknown as State;
      if (s.context.present.length || s.context.decisions.length) expect(['"held"', '"minutesPublished"']).toContain(JSON.stringify(s.value));
    }
  });
});
