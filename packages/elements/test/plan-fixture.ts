// A small plan with a person in every role, and actions in the states the elements show.
// Example data only: it describes services, never a child.
import { createTracker, loadPlan, type Actor, type EventInput, type PlanInput, type Tracker } from '@pledgeflow/core';

export const TODAY = '2026-11-25';

export const people = {
  lead: { userId: 'lena-ward', agencyId: 'csc', role: 'working-group-lead' },
  owner: { userId: 'omar-bell', agencyId: 'vs', role: 'action-owner' },
  partner: { userId: 'pat-cole', agencyId: 'college', role: 'partner-contributor' },
  board: { userId: 'bea-fox', agencyId: 'csc', role: 'board-member' },
  scrutiny: { userId: 'sid-moss', agencyId: 'csc', role: 'scrutiny' },
} as const satisfies Record<string, Actor>;

export const planInput = {
  format: 'pledgeflow-plan',
  version: 1,
  id: 'fixture-plan',
  title: 'Fixture corporate parenting plan',
  council: 'Fixture Borough Council',
  period: { start: '2026-04-01', end: '2028-03-31' },
  agencies: [
    { id: 'csc', name: "Children's Services", kind: 'council' },
    { id: 'vs', name: 'Virtual School', kind: 'education' },
    { id: 'college', name: 'Fixture College', kind: 'education' },
    { id: 'police', name: 'Fixture Police', kind: 'police' },
  ],
  people: [
    { id: 'lena-ward', name: 'Lena Ward', agency: 'csc', role: 'working-group-lead' },
    { id: 'omar-bell', name: 'Omar Bell', agency: 'vs', role: 'action-owner' },
    { id: 'pat-cole', name: 'Pat Cole', agency: 'college', role: 'partner-contributor' },
    { id: 'bea-fox', name: 'Bea Fox', agency: 'csc', role: 'board-member' },
    { id: 'sid-moss', name: 'Cllr Sid Moss', agency: 'csc', role: 'scrutiny' },
  ],
  workstreams: [
    { id: 'ete', name: 'Education and Training', lead: 'lena-ward' },
    { id: 'homes', name: 'Homes', lead: 'bea-fox' },
  ],
  promises: [
    { id: 'p1', number: 1, title: 'Help you do well at school', childFriendly: 'We will help you do well at school.', owner: 'lena-ward', principles: [5] },
  ],
  actions: [
    {
      id: 'ETE-1', title: 'Tutoring for young people in care', leadAgency: 'vs', owner: 'omar-bell', partners: ['college'],
      workstream: 'ete', promises: ['p1'], principles: [5], dueDate: '2027-03-31', reviewDate: '2027-01-15',
      description: 'Weekly tutoring sessions in maths and English, run with the college.',
    },
    { id: 'ETE-2', title: 'Designated teacher training', leadAgency: 'vs', owner: 'omar-bell', workstream: 'ete', dueDate: '2026-10-30' },
    { id: 'ETE-3', title: 'Apprenticeships for care leavers', leadAgency: 'csc', workstream: 'ete' },
    { id: 'HOM-1', title: 'No care leaver in bed and breakfast', leadAgency: 'csc', owner: 'lena-ward', partners: ['police'], workstream: 'homes', dueDate: '2027-06-30' },
    { id: 'HOM-2', title: 'Planned moves protocol', leadAgency: 'csc', owner: 'lena-ward', workstream: 'homes', dueDate: '2026-09-30' },
  ],
} satisfies PlanInput & { format: string; version: number };

let n = 0;
/** An event as a person would send it, with a fresh id. */
export function step(actor: Actor, stream: string, type: EventInput['type'], data: Record<string, unknown> = {}, at = '2026-06-01T09:00:00Z'): EventInput {
  n++;
  return { id: `fixture-${String(n).padStart(6, '0')}`, stream, type, data, actor, at } as EventInput;
}

/**
 * The fixture plan with a history: ETE-1 and ETE-2 in progress (ETE-2 overdue), HOM-1
 * at risk, HOM-2 completed, ETE-3 still a draft with no owner.
 */
export function fixtureTracker(overrides: Partial<PlanInput> = {}): Tracker {
  const tracker = createTracker({ plan: loadPlan({ ...planInput, ...overrides }) });
  const { lead, owner, board } = people;
  const steps = [
    step(lead, 'ETE-1', 'action.agree', { note: 'Agreed at the first working group.' }, '2026-04-20T09:00:00Z'),
    step(owner, 'ETE-1', 'action.start', {}, '2026-05-01T09:00:00Z'),
    step(lead, 'ETE-2', 'action.agree', {}, '2026-04-20T09:30:00Z'),
    step(owner, 'ETE-2', 'action.start', {}, '2026-05-02T09:00:00Z'),
    step(board, 'HOM-1', 'action.agree', {}, '2026-04-21T09:00:00Z'),
    step(lead, 'HOM-1', 'action.start', {}, '2026-05-03T09:00:00Z'),
    step(lead, 'HOM-1', 'action.flag-risk', { reason: 'Two supported lodgings providers closed.' }, '2026-09-01T09:00:00Z'),
    step(board, 'HOM-2', 'action.agree', {}, '2026-04-21T09:30:00Z'),
    step(lead, 'HOM-2', 'action.start', {}, '2026-05-04T09:00:00Z'),
    step(lead, 'HOM-2', 'action.evidence.add', { evidenceId: 'HOM-2-protocol', summary: 'Protocol signed by all providers.', date: '2026-09-01' }, '2026-09-02T09:00:00Z'),
    step(board, 'HOM-2', 'action.evidence.accept', { evidenceId: 'HOM-2-protocol' }, '2026-09-03T09:00:00Z'),
    step(lead, 'HOM-2', 'action.complete', {}, '2026-09-04T09:00:00Z'),
  ];
  for (const s of steps) {
    const result = tracker.send(s);
    if (!result.ok) throw new Error(`fixture step ${s.type} on ${s.stream} refused: ${result.reasons.join(' ')}`);
  }
  return tracker;
}

/** A plan with `count` actions spread over two working groups and three owners, none with events. */
export function bigTracker(count: number): Tracker {
  const owners = ['omar-bell', 'lena-ward', undefined];
  const actions = Array.from({ length: count }, (_, i) => ({
    id: `BIG-${String(i + 1).padStart(4, '0')}`,
    title: `Action number ${i + 1}`,
    leadAgency: i % 2 ? 'vs' : 'csc',
    ...(owners[i % 3] ? { owner: owners[i % 3] } : {}),
    workstream: i % 2 ? 'ete' : 'homes',
    dueDate: `2027-0${(i % 9) + 1}-15`,
  }));
  return createTracker({ plan: loadPlan({ ...planInput, actions }) });
}
