import { describe, expect, it } from 'vitest';
import { createTracker, EVENT_FIELDS, POLICY, ROLES, stepName, type EventType } from '@pledgeflow/core';
import { as, ev, ok, testPlan } from '../fixtures.js';

describe('who may do what', () => {
  it('lets scrutiny members see everything and change nothing, and says so', () => {
    const t = createTracker({ plan: testPlan() });
    for (const type of ['action.agree', 'action.progress', 'action.evidence.add'] as const) {
      const d = t.can(as('panel'), { stream: 'a1', type, data: type === 'action.progress' ? { note: 'x' } : type === 'action.evidence.add' ? { evidenceId: 'e', summary: 's', date: '2026-06-01' } : {} });
      expect(d).toEqual({ ok: false, reasons: ['Scrutiny members can see everything but change nothing, apart from signing off or reopening recommendations.'] });
    }
    expect(POLICY[ROLES.scrutiny]).toEqual({ 'recommendation.sign-off': 'any', 'recommendation.reopen': 'any' });
  });

  it('lets a partner agency add evidence only to actions it leads or contributes to', () => {
    const t = createTracker({ plan: testPlan() });
    t.send(ev(as('editor'), 'a1', 'action.agree'));
    t.send(ev(as('editor'), 'a4', 'action.agree'));
    const evidence = { evidenceId: 'e1', summary: 'Clinic sessions held.', date: '2026-06-01' };
    expect(t.can(as('nurse'), { stream: 'a1', type: 'action.evidence.add', data: evidence }).ok).toBe(true);
    const refused = t.can(as('nurse'), { stream: 'a4', type: 'action.evidence.add', data: evidence });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reasons[0]).toBe(
      'A partner agency contributor can add evidence only on actions their agency leads or contributes to, and Testshire NHS is not a partner on "Mentoring scheme".',
    );
    expect(t.can(as('officer'), { stream: 'a4', type: 'action.evidence.add', data: evidence }).ok).toBe(true);
  });

  it('lets a partner do nothing else, even on its own items', () => {
    const t = createTracker({ plan: testPlan() });
    const d = t.can(as('nurse'), { stream: 'a1', type: 'action.agree' });
    expect(!d.ok && d.reasons[0]).toBe('A partner agency contributor cannot agree actions.');
  });

  it('lets a working-group lead act on their own working group only', () => {
    const t = createTracker({ plan: testPlan() });
    expect(t.can(as('lead'), { stream: 'a1', type: 'action.agree' }).ok).toBe(true);
    const d = t.can(as('lead'), { stream: 'a2', type: 'action.agree' });
    expect(!d.ok && d.reasons[0]).toContain('belongs to "Health and Wellbeing"');
  });

  it('lets an action owner move only the actions they own', () => {
    const t = createTracker({ plan: testPlan() });
    t.send(ev(as('editor'), 'a1', 'action.agree'));
    t.send(ev(as('editor'), 'a2', 'action.agree'));
    expect(t.can(as('owner'), { stream: 'a1', type: 'action.start' }).ok).toBe(true);
    const d = t.can(as('owner'), { stream: 'a2', type: 'action.start' });
    expect(!d.ok && d.reasons[0]).toContain('only on items they own');
  });

  it('lets the owner of an action take the owner\'s steps whatever role they signed in with', () => {
    const t = createTracker({ plan: testPlan() });
    t.send(ev(as('editor'), 'a2', 'action.agree'));
    // board2 sits on the board and owns a2: a board member cannot start work, an owner can.
    expect(t.can(as('board2'), { stream: 'a2', type: 'action.start' }).ok).toBe(true);
    expect(t.can(as('board'), { stream: 'a2', type: 'action.start' }).ok).toBe(false);
    expect(t.can(as('board2', 'scrutiny'), { stream: 'a2', type: 'action.start' }).ok).toBe(false);
  });

  it('does not let anyone accept evidence they submitted themselves', () => {
    const t = createTracker({ plan: testPlan() });
    t.send(ev(as('lead'), 'a1', 'action.agree'));
    t.send(ev(as('lead'), 'a1', 'action.evidence.add', { evidenceId: 'e1', summary: 'Done.', date: '2026-06-01' }));
    const d = t.can(as('lead'), { stream: 'a1', type: 'action.evidence.accept', data: { evidenceId: 'e1' } });
    expect(!d.ok && d.reasons[0]).toContain('you submitted yourself');
    expect(t.can(as('board'), { stream: 'a1', type: 'action.evidence.accept', data: { evidenceId: 'e1' } }).ok).toBe(true);
  });

  it('gives every reason together when a step fails several checks', () => {
    const t = createTracker({ plan: testPlan() });
    const r = t.send({ ...ev(as('lead'), 'a1', 'action.flag-risk'), data: { reason: '' }, at: 'yesterday' } as never);
    expect(!r.ok && r.reasons).toEqual(['at: expected a date and time with a time zone, such as 2026-11-25T10:30:00Z (got "yesterday")']);
  });

  it('offers a person only the steps that fit the item now, with reasons for those they may not take', () => {
    const t = createTracker({ plan: testPlan() });
    const lead = t.nextSteps(as('lead'), 'a3');
    expect(lead.find((s) => s.type === 'action.agree')).toMatchObject({ allowed: false });
    expect(lead.find((s) => s.type === 'action.complete')).toBeUndefined();
    const agree = t.nextSteps(as('editor'), 'a3').find((s) => s.type === 'action.agree')!;
    expect(agree.allowed).toBe(false);
    expect(agree.reasons[0]).toContain('an owner and a due date');
    const flag = t.nextSteps(as('editor'), 'a1').find((s) => s.type === 'action.defer')!;
    expect(flag).toMatchObject({ allowed: true, needs: ['reason'] });
  });

  it('has a plain name for every step', () => {
    const types = Object.values(POLICY['plan-editor']).length;
    expect(types).toBe(Object.keys(EVENT_FIELDS).length);
    for (const role of Object.values(ROLES)) {
      for (const type of Object.keys(POLICY[role]) as EventType[]) {
        expect(type).toMatch(/^(action|promise|meeting|recommendation)\./);
        expect(stepName(type), type).toMatch(/^[a-z]/);
      }
    }
  });

  it('does not give an action owner a working-group lead\'s powers over their own action', () => {
    const t = createTracker({ plan: testPlan() });
    ok(t.send(ev(as('editor'), 'a1', 'action.agree')));
    ok(t.send(ev(as('nurse'), 'a1', 'action.evidence.add', { evidenceId: 'e1', summary: 'Clinic held.', date: '2026-06-01' })));
    for (const [type, data] of [
      ['action.evidence.accept', { evidenceId: 'e1' }], ['action.due-date.change', { dueDate: '2027-06-30', reason: 'later' }],
      ['action.defer', { reason: 'r' }], ['action.owner.change', { owner: 'lead' }],
    ] as const) {
      expect(t.can(as('owner'), { stream: 'a1', type, data }).ok, type).toBe(false);
    }
    expect(t.can(as('owner'), { stream: 'a1', type: 'action.start' }).ok).toBe(true);
  });

  it('treats whoever resubmits evidence as its author, who then cannot accept it', () => {
    const t = createTracker({ plan: testPlan() });
    ok(t.send(ev(as('editor'), 'a1', 'action.agree')));
    ok(t.send(ev(as('nurse'), 'a1', 'action.evidence.add', { evidenceId: 'e1', summary: 'Clinic held.', date: '2026-06-01' })));
    ok(t.send(ev(as('board'), 'a1', 'action.evidence.return', { evidenceId: 'e1', reason: 'How many came?' })));
    ok(t.send(ev(as('lead'), 'a1', 'action.evidence.resubmit', { evidenceId: 'e1', summary: 'Clinic held for 30.', date: '2026-06-01' })));
    expect(t.getAction('a1')!.evidence[0]).toMatchObject({ submittedBy: 'lead', agencyId: 'vs' });
    expect(t.send(ev(as('lead'), 'a1', 'action.evidence.accept', { evidenceId: 'e1' })).ok).toBe(false);
  });
});
