// The engine runs in a real browser as it does in Node: a plan file parses, a tracker folds
// events through the machines, and the scrutiny report finds the overdue action.
import { expect } from '@esm-bundle/chai';
import { createTracker, loadPlan, scrutinyReport } from '@pledgeflow/core';

const plan = loadPlan({
  format: 'pledgeflow-plan',
  version: 1,
  id: 'browser',
  title: 'Browser plan',
  council: 'Test Council',
  period: { start: '2026-04-01', end: '2027-03-31' },
  agencies: [{ id: 'csc', name: "Children's Services" }],
  people: [{ id: 'lead', name: 'Lee Lead', agency: 'csc', role: 'working-group-lead' }],
  workstreams: [{ id: 'ws', name: 'Education', lead: 'lead' }],
  actions: [{ id: 'a1', title: 'Train teachers', leadAgency: 'csc', owner: 'lead', workstream: 'ws', dueDate: '2026-11-20' }],
});

describe('@pledgeflow/core in Chromium', () => {
  it('agrees an action and reports it overdue with working days', () => {
    const tracker = createTracker({ plan });
    const result = tracker.send({
      id: 'browser-event-1', stream: 'a1', type: 'action.agree', data: {},
      actor: { userId: 'lead', agencyId: 'csc', role: 'working-group-lead' }, at: '2026-06-01T10:00:00Z',
    });
    expect(result.ok).to.equal(true);
    const report = scrutinyReport(tracker.state(), '2026-11-25');
    expect(report.overdue.map((o) => [o.id, o.daysOverdue, o.workingDaysOverdue])).to.deep.equal([['a1', 5, 3]]);
  });
});
