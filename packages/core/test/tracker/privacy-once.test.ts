// Each event's text is scanned for personal data once, however often its item is folded again:
// the scan is the costliest check, and a plan that refuses such text runs it at every fold.
import { describe, expect, it, vi } from 'vitest';
import { createTracker, type PledgeEvent } from '@pledgeflow/core';
import { as, ev, testPlan } from '../fixtures.js';

const scans = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/privacy/personal-data.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/privacy/personal-data.js')>();
  return {
    ...real,
    findPersonalData: (text: string) => {
      scans.count++;
      return real.findPersonalData(text);
    },
  };
});

describe('the personal-data scan', () => {
  it('reads each event once, not again when its item is folded again (a plan that refuses such text)', () => {
    const plan = testPlan({ privacy: 'refuse' });
    const note = (text: string, at: string) => ev(as('editor'), 'a1', 'action.progress', { note: text }, at) as PledgeEvent;
    const agree = ev(as('editor'), 'a1', 'action.agree', {}, '2026-06-01T09:00:00Z') as PledgeEvent;
    const start = ev(as('editor'), 'a1', 'action.start', {}, '2026-06-01T09:30:00Z') as PledgeEvent;
    const notes = [note('Tutors booked.', '2026-06-01T10:00:00Z'), note('First sessions held.', '2026-06-02T10:00:00Z')];
    scans.count = 0;
    const t = createTracker({ plan, events: [agree, start, ...notes] });
    expect(scans.count).toBe(2);
    // An event dated before the others: the item is folded again over all four.
    const early = note('Venue found.', '2026-06-01T09:45:00Z');
    t.receive([early]);
    expect(t.getAction('a1')!.eventCount).toBe(5);
    expect(scans.count).toBe(3);
  });
});
