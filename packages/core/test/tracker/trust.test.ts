// What the tracker takes on trust, and no longer does: who is acting, when, with what links,
// and an id reused with other content. Each case was accepted before, and is refused now.
import { describe, expect, it } from 'vitest';
import { createTracker, MemoryStore, openTracker, type EventInput, type PledgeEvent } from '@pledgeflow/core';
import { as, ev, testPlan } from '../fixtures.js';

const plan = testPlan();
const event = (over: Partial<PledgeEvent> & Pick<PledgeEvent, 'type'>, data: Record<string, unknown> = {}) =>
  ({ ...ev(as('editor'), 'a1', over.type, data), ...over }) as PledgeEvent;

describe('time', () => {
  it('keeps every time in one form, so sub-millisecond digits and 24:00 cannot change the order', () => {
    // Agree at .0002, defer at .0001, resume at .000: text order and time order disagree.
    const agree = event({ id: 'aaaaaa', type: 'action.agree', at: '2026-06-01T10:00:00.0002Z' });
    const defer = event({ id: 'cccccc', type: 'action.defer', at: '2026-06-01T10:00:00.0001Z' }, { reason: 'Waiting.' });
    const resume = event({ id: 'bbbbbb', type: 'action.resume', at: '2026-06-01T10:00:00.000Z' });
    const orders = [[agree, defer, resume], [resume, defer, agree], [defer, agree, resume], [resume, agree, defer]];
    const states = orders.map((events) => createTracker({ plan, events }).snapshots());
    for (const s of states) expect(s).toEqual(states[0]);
    const t = createTracker({ plan, events: orders[0]! });
    // All three at the same millisecond, so the ids decide: agree (aaaaaa), resume (bbbbbb, refused: not deferred), defer (cccccc).
    expect([...t.events(), ...t.rejected.map((r) => r.event)].map((e) => `${e.id} ${e.at}`)).toEqual([
      'aaaaaa 2026-06-01T10:00:00.000Z', 'cccccc 2026-06-01T10:00:00.000Z', 'bbbbbb 2026-06-01T10:00:00.000Z',
    ]);
    expect(t.getAction('a1')!.state).toBe('deferred');
    const midnight = createTracker({ plan, events: [event({ id: 'midnight-1', type: 'action.agree', at: '2026-06-01T24:00:00Z' })] });
    expect(midnight.events()[0]!.at).toBe('2026-06-02T00:00:00.000Z');
  });

  it('refuses a step dated far outside the plan\'s period, which would freeze the item', () => {
    const t = createTracker({ plan, now: () => Date.parse('2026-06-01T12:00:00Z') });
    const far = event({ type: 'action.agree', at: '9999-12-31T23:59:59Z' });
    const loaded = createTracker({ plan, events: [far, event({ type: 'action.agree' })] });
    expect(loaded.getAction('a1')!.state).toBe('agreed');
    expect(loaded.rejected.map((r) => r.event.id)).toEqual([far.id]);
    expect(loaded.rejected[0]!.reasons[0]).toMatch(/outside the time of this plan \(2026-04-01 to 2027-03-31/);
    const early = t.send(event({ type: 'action.agree', at: '0100-01-01T00:00:00Z' }));
    expect(early.ok).toBe(false);
  });

  it('refuses a backdated step in an imported log instead of rewriting the past', () => {
    const agree = event({ type: 'action.agree', at: '2026-06-01T10:00:00Z' });
    const withdraw = event({ type: 'action.withdraw', at: '2019-01-01T00:00:00Z' }, { reason: 'Backdated.' });
    const t = createTracker({ plan, events: [agree, withdraw] });
    expect(t.getAction('a1')!.state).toBe('agreed');
    expect(t.rejected.map((r) => r.event.id)).toEqual([withdraw.id]);
  });

  it('refuses a step more than five minutes ahead of its clock, and takes one a minute ahead', () => {
    const now = Date.parse('2026-06-01T12:00:00Z');
    const t = createTracker({ plan, now: () => now });
    const ahead = t.send(event({ type: 'action.agree', at: new Date(now + 6 * 60_000).toISOString() }));
    expect(ahead).toEqual({ ok: false, reasons: [expect.stringContaining('more than five minutes ahead')] });
    expect(t.send(event({ type: 'action.agree', at: new Date(now + 60_000).toISOString() })).ok).toBe(true);
  });

  it('refuses a seq from send(): only a sync server gives one', () => {
    const t = createTracker({ plan, now: () => Date.parse('2027-01-01T00:00:00Z') });
    const result = t.send({ ...event({ type: 'action.agree' }), seq: 7 });
    expect(result).toEqual({ ok: false, reasons: [expect.stringMatching(/^seq: only a sync server/)] });
    expect(t.events()).toEqual([]);
  });

  it('refuses an unclear moment in at() rather than reading it in the machine\'s time zone', () => {
    const t = createTracker({ plan: testPlan() });
    for (const when of ['2026-06-01T11:00', 'June 1, 2026', '2026', '2026-02-30']) expect(() => t.at(when), when).toThrow(RangeError);
  });
});

describe('who is acting', () => {
  const t = () => createTracker({ plan, now: () => Date.parse('2027-01-01T00:00:00Z') });
  const cases: [string, EventInput, RegExp][] = [
    ['a scrutiny member claiming to be a plan editor withdraws an action',
      ev({ userId: 'panel', agencyId: 'csc', role: 'plan-editor' }, 'a1', 'action.withdraw', { reason: 'Gone.' }), /Sam Scrutiny is a scrutiny member \(read-only\) in this plan, not a plan editor/],
    ['a police partner claiming the NHS\'s agency adds evidence',
      ev({ userId: 'officer', agencyId: 'nhs', role: 'partner-contributor' }, 'a2', 'action.evidence.add', { evidenceId: 'x1', summary: 'Done.', date: '2026-06-01' }), /works for "police" in this plan, not "nhs"/],
    ['someone the plan does not list acts as a board member',
      ev({ userId: 'nobody', agencyId: 'csc', role: 'board-member' }, 'a1', 'action.agree'), /"nobody" is not one of the people in this plan/],
    ['an action\'s owner acts from another agency',
      ev({ userId: 'owner', agencyId: 'csc', role: 'action-owner' }, 'a1', 'action.start'), /works for "vs" in this plan, not "csc"/],
  ];
  for (const [label, input, reason] of cases) {
    it(`refuses it when ${label}`, () => {
      const tracker = t();
      const result = tracker.send(input);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reasons.join(' ')).toMatch(reason);
      expect(tracker.can(input.actor, { stream: input.stream, type: input.type, data: input.data as Record<string, unknown> }).ok).toBe(false);
    });
  }

  it('refuses the same actors in a loaded log, another tab\'s events and a store', async () => {
    const forged = cases.map(([, input]) => input as PledgeEvent);
    expect(createTracker({ plan, events: forged }).rejected).toHaveLength(forged.length);
    expect(t().receive(forged).rejected).toHaveLength(forged.length);
    const opened = await openTracker({ plan, store: new MemoryStore({ events: forged }) });
    expect(opened.rejected).toHaveLength(forged.length);
    expect(opened.events()).toEqual([]);
  });

  it('answers nextSteps() for an invalid or unknown actor with reasons instead of throwing', () => {
    const tracker = t();
    for (const actor of [
      { userId: 'editor', agencyId: 'csc', role: 'Plan Editor' },
      { agencyId: 'csc', role: 'plan-editor' },
      { userId: 'nobody', agencyId: 'csc', role: 'plan-editor' },
    ]) {
      const steps = tracker.nextSteps(actor as never, 'a1');
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        expect(step.allowed).toBe(false);
        expect(step.reasons.join(' ')).toMatch(/actor/);
      }
    }
    expect(tracker.nextSteps(as('editor'), 'a1').some((s) => s.allowed)).toBe(true);
  });
});

describe('links and text', () => {
  const links = ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'http://example.org/a', '//example.org/a', ' https://example.org/a', '\u0001https://example.org/a', 'https:evil.example', 'https://example.org/a\u200b'];
  const agree = event({ id: 'agree-a1-1', type: 'action.agree', at: '2026-04-20T09:00:00.000Z' });
  const addWith = (link: string) => event({ type: 'action.evidence.add' }, { evidenceId: 'e9', summary: 'A report.', date: '2026-06-01', link });
  const linkRefused = (reasons: readonly string[]) => expect(reasons.join(' ')).toMatch(/data\.link: expected a link starting with https:\/\//);

  it.each(links)('refuses evidence linking to %j on every path in', (link) => {
    const add = addWith(link);
    const loaded = createTracker({ plan, events: [agree, add] });
    expect(loaded.rejected.map((r) => r.event.id)).toEqual([add.id]);
    linkRefused(loaded.rejected[0]!.reasons);
    const received = createTracker({ plan, events: [agree] }).receive([add]).rejected;
    expect(received).toHaveLength(1);
    linkRefused(received[0]!.reasons);
    const sent = createTracker({ plan, events: [agree], now: () => Date.parse('2027-01-01T00:00:00Z') }).send(add);
    expect(sent.ok).toBe(false);
    linkRefused(!sent.ok ? sent.reasons : []);
  });

  it('takes a plain https link', () => {
    const t = createTracker({ plan, events: [agree, addWith('https://example.org/report.pdf')] });
    expect(t.rejected).toEqual([]);
    expect(t.getAction('a1')!.evidence.map((e) => e.link)).toEqual(['https://example.org/report.pdf']);
  });

  it('does not count a reason made only of invisible characters as a reason', () => {
    const t = createTracker({ plan, events: [event({ type: 'action.agree' })], now: () => Date.parse('2027-01-01T00:00:00Z') });
    for (const reason of ['\u200b\u200b', '\u2060\ufeff', ' \u00a0\u200d ']) {
      const result = t.send(event({ type: 'action.flag-risk' }, { reason }));
      expect(result).toEqual({ ok: false, reasons: [expect.stringContaining('data.reason: must not be empty')] });
    }
  });
});

describe('one id, two contents', () => {
  it('reports a conflict, with both events, when one receive() batch holds both', () => {
    const first = event({ id: 'same-id-01', type: 'action.agree' });
    const second = { ...first, data: { note: 'Other words.' } } as PledgeEvent;
    for (const batch of [[first, second], [second, first]] as PledgeEvent[][]) {
      const t = createTracker({ plan });
      const { rejected } = t.receive(batch);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.event).toEqual(batch[1]);
      expect(rejected[0]!.conflictsWith).toEqual(batch[0]);
      expect(rejected[0]!.reasons[0]).toMatch(/already recorded with different content \(data\.note differ\)/);
      expect(t.rejected.map((r) => r.event)).toEqual([batch[1]]);
    }
  });

  it('reports a conflict in a loaded log too', () => {
    const first = event({ id: 'same-id-02', type: 'action.agree' });
    const t = createTracker({ plan, events: [first, { ...first, at: '2026-06-01T11:00:00.000Z' }] });
    expect(t.rejected).toHaveLength(1);
    expect(t.rejected[0]!.conflictsWith).toBeDefined();
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
});

describe('step()', () => {
  it('dates a step by the tracker\'s clock, gives it a new id, and answers as send() does', () => {
    const now = Date.parse('2026-06-01T12:00:00Z');
    let n = 0;
    const t = createTracker({ plan, now: () => now, newEventId: (ms) => `step-${ms}-${++n}` });
    const agreed = t.step(as('editor'), { stream: 'a1', type: 'action.agree', data: { note: 'Agreed at the board.' } });
    expect(agreed.ok && agreed.event).toEqual({
      id: `step-${now}-1`, stream: 'a1', type: 'action.agree', data: { note: 'Agreed at the board.' }, actor: as('editor'), at: '2026-06-01T12:00:00.000Z',
    });
    const refused = t.step(as('panel'), { stream: 'a1', type: 'action.start' });
    expect(refused).toEqual({ ok: false, reasons: [expect.stringContaining('Scrutiny members can see everything but change nothing')] });
    const own = t.step(as('editor'), { stream: 'a1', type: 'action.start' }, { at: now + 60_000, id: 'host-made-1' });
    expect(own.ok && [own.event.id, own.event.at]).toEqual(['host-made-1', '2026-06-01T12:01:00.000Z']);
    expect(t.step(as('editor'), { stream: 'a1', type: 'action.progress', data: { note: 'x' } }, { at: Number.NaN }).ok).toBe(false);
  });
});

describe('malformed events', () => {
  it('keeps malformed events out with reasons instead of crashing the load', () => {
    const good = ev(as('lead'), 'a1', 'action.agree') as PledgeEvent;
    const bad = [{ ...good, id: 'bad-event-1', data: undefined }, { ...good, id: 'bad-event-2', actor: { ...good.actor, role: 'god' } }, null];
    const t = createTracker({ plan: testPlan(), events: [good, ...(bad as PledgeEvent[])] });
    expect(t.getAction('a1')!.state).toBe('agreed');
    expect(t.rejected).toHaveLength(3);
    // (An event with no data is read as one with empty data, as send() reads it: here a second agree, refused.)
    expect(t.rejected.find((r) => r.event?.id === 'bad-event-2')!.reasons[0]).toContain('actor.role');
  });
});

describe('the words of a refusal', () => {
  it('says "an action owner", not "a action owner"', () => {
    const t = createTracker({ plan, now: () => Date.parse('2027-01-01T00:00:00Z') });
    const result = t.send(ev({ userId: 'owner', agencyId: 'vs', role: 'board-member' }, 'a1', 'action.agree'));
    expect(!result.ok && result.reasons.join(' ')).toMatch(/Owen Owner is an action owner in this plan, not a board member\./);
  });
});
