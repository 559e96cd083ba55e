// A small plan for tests, in our own words: two working groups, four agencies, two promises, four actions.
import { createEventId, PlanSchema, type Actor, type EventInput, type Plan, type PlanInput, type SendResult } from '@pledgeflow/core';

export const planInput: PlanInput = {
  id: 'testshire',
  title: 'Testshire Corporate Parenting Plan',
  council: 'Testshire County Council',
  period: { start: '2026-04-01', end: '2027-03-31' },
  agencies: [
    { id: 'csc', name: "Children's Services", kind: 'council' },
    { id: 'vs', name: 'Virtual School', kind: 'education' },
    { id: 'nhs', name: 'Testshire NHS', kind: 'health' },
    { id: 'police', name: 'Testshire Police', kind: 'police' },
  ],
  people: [
    { id: 'editor', name: 'Erin Editor', agency: 'csc', role: 'plan-editor' },
    { id: 'board', name: 'Bola Board', agency: 'csc', role: 'board-member' },
    { id: 'board2', name: 'Bryn Board', agency: 'nhs', role: 'board-member' },
    { id: 'lead', name: 'Lee Lead', agency: 'vs', role: 'working-group-lead' },
    { id: 'owner', name: 'Owen Owner', agency: 'vs', role: 'action-owner' },
    { id: 'nurse', name: 'Nia Nurse', agency: 'nhs', role: 'partner-contributor' },
    { id: 'officer', name: 'Pat Officer', agency: 'police', role: 'partner-contributor' },
    { id: 'panel', name: 'Sam Scrutiny', agency: 'csc', role: 'scrutiny' },
  ],
  workstreams: [
    { id: 'education', name: 'Education and Work', lead: 'lead' },
    { id: 'health', name: 'Health and Wellbeing', lead: 'board2' },
  ],
  promises: [
    { id: 'p1', number: 1, title: 'Help with school', childFriendly: 'We will help you do your best at school.', owner: 'lead', principles: [5], reviewDate: '2026-12-01' },
    { id: 'p2', number: 2, title: 'Your health', childFriendly: 'We will make sure you see a doctor when you need to.', owner: 'board2', principles: [1] },
  ],
  actions: [
    { id: 'a1', title: 'Train designated teachers', leadAgency: 'vs', owner: 'owner', partners: ['nhs'], workstream: 'education', promises: ['p1'], principles: [5, 6], dueDate: '2026-11-20', reviewDate: '2026-10-01' },
    { id: 'a2', title: 'Health checks on time', leadAgency: 'nhs', owner: 'board2', partners: [], workstream: 'health', promises: ['p2'], principles: [1], dueDate: '2027-02-26' },
    { id: 'a3', title: 'Draft without an owner', leadAgency: 'csc', workstream: 'education', principles: [4] },
    { id: 'a4', title: 'Mentoring scheme', leadAgency: 'csc', owner: 'owner', partners: ['police'], workstream: 'education', promises: ['p1'], principles: [7], dueDate: '2027-01-29' },
  ],
  measures: [
    { id: 'm1', title: 'Care leavers in education, training or work', unit: 'percent', direction: 'higher', target: 65, observations: [
      { period: '2024-25', value: 52, source: 'Annual return' },
      { period: '2025-26', value: 58, source: 'Annual return' },
    ] },
  ],
  meetings: [
    { id: 'board-2026-09-17', date: '2026-09-17', theme: 'Health' },
    { id: 'board-2026-12-10', date: '2026-12-10', theme: 'Education and work' },
  ],
  feedback: [
    { id: 'f1', said: 'We want to know who our social worker is when they change.', date: '2026-05-01', response: { did: 'Letters now go out within a week of a change.', date: '2026-07-01' } },
    { id: 'f2', said: 'Wifi in every placement.', date: '2026-06-15', promises: ['p1'] },
  ],
};

export function testPlan(overrides: Partial<PlanInput> = {}): Plan {
  return PlanSchema.parse({ ...planInput, ...overrides });
}

const agencyOf: Record<string, string> = Object.fromEntries(planInput.people.map((p) => [p.id, p.agency]));
const roleOf: Record<string, Actor['role']> = Object.fromEntries(planInput.people.map((p) => [p.id, p.role]));

/** The signed-in person, as a host page would set it. */
export function as(userId: string, role: Actor['role'] = roleOf[userId]!): Actor {
  return { userId, agencyId: agencyOf[userId]!, role };
}

/**
 * A clock for trackers in tests whose steps are dated after the day the tests run (a step
 * more than five minutes ahead of the tracker's clock is refused): the end of the test plan's
 * period plus the year a step may follow it by.
 */
export const afterThePlan = () => Date.parse('2028-03-31T23:00:00Z');

let clock = Date.parse('2026-05-01T09:00:00Z');
let counter = 0;

/** An event with a fresh, increasing id and time (one minute apart) unless given. */
export function ev(actor: Actor, stream: string, type: EventInput['type'], data: Record<string, unknown> = {}, at?: string): EventInput {
  clock += 60_000;
  counter++;
  const time = at ? Date.parse(at) : clock;
  return {
    id: createEventId(time, () => Uint8Array.from({ length: 16 }, (_, i) => (counter * 31 + i * 7) % 256)),
    stream,
    type,
    data,
    actor,
    at: at ?? new Date(time).toISOString(),
  } as EventInput;
}

/** The result of a step that must be accepted; throws with the reasons if it was refused. */
export function ok(r: SendResult) {
  if (!r.ok) throw new Error(r.reasons.join(' '));
  return r;
}
