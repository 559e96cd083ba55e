// Behaviours found by review: each test failed before its fix.
import { describe, expect, it } from 'vitest';
import { createTracker, MemoryStore, openTracker, parsePlanFile, rollUp, scrutinyReport, slippedDueDates, bragStatus, type PledgeEvent } from '@pledgeflow/core';
import { importActionsCsv } from '@pledgeflow/core/formats';
import { as, ev, planInput, testPlan } from '../fixtures.js';

const ok = (r: ReturnType<ReturnType<typeof createTracker>['send']>) => {
  if (!r.ok) throw new Error(r.reasons.join(' '));
  return r;
};

describe('policy', () => {
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

describe('ordering and idempotency', () => {
  it('sorts a mix of server-sequenced and local events the same way whatever the delivery order', () => {
    const a = { ...ev(as('lead'), 'a1', 'action.agree', {}, '2026-06-01T10:00:00Z'), seq: 1 } as PledgeEvent;
    const b = ev(as('owner'), 'a1', 'action.start', {}, '2026-06-01T09:00:00Z') as PledgeEvent;
    const c = { ...ev(as('owner'), 'a1', 'action.flag-risk', { reason: 'r' }, '2026-06-01T08:00:00Z'), seq: 2 } as PledgeEvent;
    const orders = [[a, b, c], [a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]];
    const states = new Set(orders.map((o) => createTracker({ plan: testPlan(), events: o }).getAction('a1')!.state));
    expect([...states]).toEqual(['atRisk']);
  });

  it('takes the server\'s seq for an event it already has', () => {
    const t = createTracker({ plan: testPlan() });
    const agree = ok(t.send(ev(as('lead'), 'a1', 'action.agree'))).event;
    t.receive([{ ...agree, seq: 7 }]);
    expect(t.events()[0]!.seq).toBe(7);
  });

  it('tries an event refused earlier afresh when it is sent again, and keeps no stale refusal', () => {
    const start = ev(as('owner'), 'a1', 'action.start') as PledgeEvent;
    const t = createTracker({ plan: testPlan(), events: [start] });
    expect(t.rejected).toHaveLength(1);
    ok(t.send(ev(as('lead'), 'a1', 'action.agree', {}, new Date(Date.parse(start.at) - 1000).toISOString())));
    ok(t.send(start));
    expect(t.getAction('a1')!.state).toBe('inProgress');
    expect(t.rejected).toEqual([]);
    expect(t.snapshot('a1')!.eventCount).toBe(2);
  });

  it('refuses a different event that reuses a refused event\'s id, and lists a bad event once', () => {
    const start = ev(as('owner'), 'a1', 'action.start') as PledgeEvent;
    const t = createTracker({ plan: testPlan(), events: [start] });
    const { rejected } = t.receive([{ ...start, data: { note: 'changed' } } as PledgeEvent]);
    expect(rejected[0]!.reasons[0]).toContain('different content');
    const ghost = { ...start, id: 'ghost-event-1', stream: 'nowhere' };
    for (let i = 0; i < 3; i++) t.receive([ghost]);
    expect(t.rejected.filter((r) => r.event.id === 'ghost-event-1')).toHaveLength(1);
  });

  it('keeps malformed events out with reasons instead of crashing the load', () => {
    const good = ev(as('lead'), 'a1', 'action.agree') as PledgeEvent;
    const bad = [{ ...good, id: 'bad-event-1', data: undefined }, { ...good, id: 'bad-event-2', actor: { ...good.actor, role: 'god' } }, null];
    const t = createTracker({ plan: testPlan(), events: [good, ...(bad as PledgeEvent[])] });
    expect(t.getAction('a1')!.state).toBe('agreed');
    expect(t.rejected).toHaveLength(3);
    // (An event with no data is read as one with empty data, as send() reads it: here a second agree, refused.)
    expect(t.rejected.find((r) => r.event?.id === 'bad-event-2')!.reasons[0]).toContain('actor.role');
  });

  it('refuses an unclear moment in at() rather than reading it in the machine\'s time zone', () => {
    const t = createTracker({ plan: testPlan() });
    for (const when of ['2026-06-01T11:00', 'June 1, 2026', '2026', '2026-02-30']) expect(() => t.at(when), when).toThrow(RangeError);
  });
});

describe('listeners and stores', () => {
  it('saves the step even when a listener throws, and still calls the other listeners', async () => {
    const store = new MemoryStore();
    const t = await openTracker({ plan: testPlan(), store });
    const heard: string[] = [];
    t.subscribe(() => {
      throw new Error('listener bug');
    });
    t.subscribe((c) => heard.push(...c.streams));
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    const r = ok(t.send(ev(as('lead'), 'a1', 'action.agree')));
    await r.saved;
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off('uncaughtException', onError);
    expect(heard).toEqual(['a1']);
    expect(store.events()).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });
});

describe('close', () => {
  it('refuses every step with the reason given, and goes on showing the plan', () => {
    const t = createTracker({ plan: testPlan() });
    ok(t.send(ev(as('lead'), 'a1', 'action.agree')));
    t.close('This page can no longer save: reload it.');
    const r = t.send(ev(as('owner'), 'a1', 'action.start'));
    expect(r).toEqual({ ok: false, reasons: ['This page can no longer save: reload it.'] });
    expect(t.can(as('owner'), { stream: 'a1', type: 'action.start' }).ok).toBe(false);
    expect(t.nextSteps(as('owner'), 'a1')).toEqual([]);
    expect(t.getAction('a1')!.state).toBe('agreed');
    expect(t.closedReason).toBe('This page can no longer save: reload it.');
  });
});

describe('flush', () => {
  it('settles every waiter: two flushes in a row, and a send made while a write is under way', async () => {
    const inner = new MemoryStore();
    let full = true;
    let release: () => void = () => {};
    const store = {
      load: () => inner.load(),
      append: async (...args: Parameters<MemoryStore['append']>) => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        await new Promise<void>((resolve) => (release = resolve));
        return inner.append(...args);
      },
    };
    const t = await openTracker({ plan: testPlan(), store });
    const first = ok(t.send(ev(as('lead'), 'a1', 'action.agree')));
    await expect(first.saved).rejects.toThrow('quota');
    full = false;
    const a = t.flush();
    const b = t.flush();
    const during = ok(t.send(ev(as('owner'), 'a1', 'action.start')));
    const c = t.flush();
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      release();
    }
    await expect(Promise.all([a, b, during.saved, c])).resolves.toBeDefined();
    expect(inner.events().map((e) => e.type)).toEqual(['action.agree', 'action.start']);
  });
});

describe('privacy', () => {
  it('warns about a date-ordered late step as about any other, and reads evidence links', () => {
    const t = createTracker({ plan: testPlan() });
    ok(t.send(ev(as('lead'), 'a1', 'action.agree', {}, '2026-06-02T10:00:00Z')));
    ok(t.send(ev(as('owner'), 'a1', 'action.start', {}, '2026-06-03T10:00:00Z')));
    const late = ok(t.send(ev(as('owner'), 'a1', 'action.review', { note: 'Jane Smith DOB 03/04/2012 moved school.' }, '2026-06-02T12:00:00Z')));
    expect(late.warnings.length).toBeGreaterThan(0);
    const linked = ok(t.send(ev(as('nurse'), 'a1', 'action.evidence.add', { evidenceId: 'e1', summary: 'Clinic letter.', date: '2026-06-01', link: 'https://files.example.gov.uk/Jane-Smith-DOB-03-04-2012.pdf' }, '2026-06-04T10:00:00Z')));
    expect(linked.warnings.some((w) => w.startsWith('data.link'))).toBe(true);
  });

  it('checks meeting themes, measure sources and who gave feedback in a plan file', () => {
    const file = { format: 'pledgeflow-plan', version: 1, ...planInput, meetings: [{ date: '2026-12-10', theme: 'Case review: Jane Smith DOB 03/04/2012' }] };
    const r = parsePlanFile(JSON.stringify(file));
    expect(r.ok && r.warnings.map((w) => w.path)).toContain('meetings[0].theme');
  });
});

describe('dates and queries', () => {
  it('reports a past day as the plan stood then', async () => {
    const { main } = await import('../../src/cli/cli.js');
    const files: Record<string, string> = { 'p.json': JSON.stringify({ format: 'pledgeflow-plan', version: 1, ...planInput }) };
    const t = createTracker({ plan: testPlan() });
    ok(t.send(ev(as('lead'), 'a1', 'action.agree', {}, '2026-06-01T10:00:00Z')));
    ok(t.send(ev(as('owner'), 'a1', 'action.start', {}, '2026-06-02T10:00:00Z')));
    ok(t.send(ev(as('owner'), 'a1', 'action.flag-risk', { reason: 'r' }, '2026-09-01T10:00:00Z')));
    files['l.ndjson'] = t.events().map((e) => JSON.stringify(e)).join('\n');
    let out = '';
    main(['report', 'p.json', '--events', 'l.ndjson', '--today', '2026-07-01', '--format', 'json'], { stdout: (s) => void (out += s), stderr: () => {}, readFile: (p) => files[p]!, writeFile: () => {}, now: () => new Date() });
    expect(JSON.parse(out).atRisk).toEqual([]);
  });

  it('refuses dates outside 1978 to 2100 in a plan with their path, instead of crashing a report later', () => {
    const r = parsePlanFile(JSON.stringify({ format: 'pledgeflow-plan', version: 1, ...planInput, meetings: [{ date: '2206-12-10', theme: 'Typo' }] }));
    expect(!r.ok && r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['meetings[0].date: expected a date from 1978 to 2100 (got "2206-12-10")']);
  });

  it('refuses a malformed today instead of quietly answering nothing', () => {
    const state = createTracker({ plan: testPlan() }).state();
    expect(() => scrutinyReport(state, '2026-1-5')).toThrow('today must be a date');
    expect(() => rollUp(state, '25/11/2026', 'workstream')).toThrow(RangeError);
  });

  it('does not count setting a first due date as a slipped date', () => {
    const t = createTracker({ plan: testPlan() });
    ok(t.send(ev(as('editor'), 'a3', 'action.due-date.change', { dueDate: '2027-01-31', reason: 'First date set.' })));
    expect(slippedDueDates(t.state())).toEqual([]);
  });

  it('shows red from the day after the due date, weekend or not, like the overdue list', () => {
    expect(bragStatus({ state: 'inProgress', dueDate: '2026-11-20' }, '2026-11-21').status).toBe('red');
  });

  it('does not make action ids from CSV that clash with promise ids, and stays fast with one title on many rows', () => {
    const r = importActionsCsv('Title,Lead agency,Workstream\nP1,Virtual School,Education and Work\n', testPlan());
    expect(r.ok && r.actions[0]!.id).toBe('p1-2');
    const many = `Title,Lead agency,Workstream\n${'Same title,Virtual School,Education and Work\n'.repeat(5000)}`;
    const big = importActionsCsv(many, testPlan());
    expect(big.ok && new Set(big.actions.map((a) => a.id)).size).toBe(5000);
  });
});
