// The personal-data check of a step's free text: every field people write, however the step lands.
import { describe, expect, it } from 'vitest';
import { createTracker } from '@pledgeflow/core';
import { as, ev, ok, testPlan } from '../fixtures.js';

describe('personal data in steps', () => {
  it('warns about a date-ordered late step as about any other, and reads evidence links', () => {
    const t = createTracker({ plan: testPlan() });
    ok(t.send(ev(as('lead'), 'a1', 'action.agree', {}, '2026-06-02T10:00:00Z')));
    ok(t.send(ev(as('owner'), 'a1', 'action.start', {}, '2026-06-03T10:00:00Z')));
    const late = ok(t.send(ev(as('owner'), 'a1', 'action.review', { note: 'Jane Smith DOB 03/04/2012 moved school.' }, '2026-06-02T12:00:00Z')));
    expect(late.warnings.length).toBeGreaterThan(0);
    const linked = ok(t.send(ev(as('nurse'), 'a1', 'action.evidence.add', { evidenceId: 'e1', summary: 'Clinic letter.', date: '2026-06-01', link: 'https://files.example.gov.uk/Jane-Smith-DOB-03-04-2012.pdf' }, '2026-06-04T10:00:00Z')));
    expect(linked.warnings.some((w) => w.startsWith('data.link'))).toBe(true);
  });
});
