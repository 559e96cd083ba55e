// A seeded synthetic plan for benchmarks: N action items across workstreams and agencies, and
// a realistic mix of steps generated through the engine itself (so every event is valid).
import { prng } from '../../packages/core/test/prng.js';
import { createEventId, createTracker, PlanSchema, type Actor, type EventInput, type PledgeEvent, type Plan } from '@pledgeflow/core';

export function syntheticPlan(items: number): Plan {
  const agencies = Array.from({ length: 12 }, (_, i) => ({ id: `ag${i}`, name: `Agency ${i}`, kind: 'other' as const }));
  const people = Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, name: `Person ${i}`, agency: `ag${i % 12}`, role: 'action-owner' as const }));
  people.push({ id: 'editor', name: 'Editor', agency: 'ag0', role: 'plan-editor' as never }, { id: 'board', name: 'Board', agency: 'ag1', role: 'board-member' as never });
  const workstreams = Array.from({ length: 6 }, (_, i) => ({ id: `ws${i}`, name: `Working group ${i}`, lead: `p${i}` }));
  const promises = Array.from({ length: 10 }, (_, i) => ({ id: `pr${i}`, number: i + 1, title: `Promise ${i + 1}`, childFriendly: 'We will.', owner: `p${i}`, principles: [(i % 7) + 1] }));
  const actions = Array.from({ length: items }, (_, i) => ({
    id: `a${i}`, title: `Action ${i}`, leadAgency: `ag${i % 12}`, owner: `p${i % 60}`, partners: [`ag${(i + 1) % 12}`, `ag${(i + 5) % 12}`],
    workstream: `ws${i % 6}`, promises: [`pr${i % 10}`], principles: [(i % 7) + 1], dueDate: `2027-${String((i % 12) + 1).padStart(2, '0')}-15`,
    reviewDate: `2026-${String((i % 9) + 4).padStart(2, '0')}-01`,
  }));
  return PlanSchema.parse({ id: 'bench', title: 'Benchmark plan', council: 'Bench Council', period: { start: '2026-04-01', end: '2031-03-31' }, agencies, people, workstreams, promises, actions });
}

/** About `total` events spread over the items: agree, start, then mostly progress notes, reviews and evidence. */
export function syntheticLog(plan: Plan, total: number, seed = 1): PledgeEvent[] {
  const random = prng(seed);
  const t = createTracker({ plan });
  const editor = { userId: 'editor', agencyId: 'ag0', role: 'plan-editor' as const };
  const board = { userId: 'board', agencyId: 'ag1', role: 'board-member' as const };
  let time = Date.parse('2026-04-01T09:00:00Z');
  const bytes = () => Uint8Array.from({ length: 16 }, () => Math.floor(random() * 256));
  const events: PledgeEvent[] = [];
  const send = (actor: Actor, stream: string, type: EventInput['type'], data: Record<string, unknown> = {}) => {
    time += 1000 + Math.floor(random() * 60_000);
    const r = t.send({ id: createEventId(time, bytes), stream, type, data, actor, at: new Date(time).toISOString() } as EventInput);
    if (r.ok) events.push(r.event);
  };
  for (const a of plan.actions) {
    send(editor, a.id, 'action.agree');
    send(editor, a.id, 'action.start');
  }
  let evidence = 0;
  while (events.length < total) {
    const a = plan.actions[Math.floor(random() * plan.actions.length)]!;
    const roll = random();
    if (roll < 0.55) send(editor, a.id, 'action.progress', { note: 'Progress recorded at the monthly meeting.' });
    else if (roll < 0.7) send(editor, a.id, 'action.review', {});
    else if (roll < 0.8) {
      const id = `e${++evidence}`;
      send(editor, a.id, 'action.evidence.add', { evidenceId: id, summary: 'Sessions delivered to staff.', date: '2026-06-01' });
      send(board, a.id, 'action.evidence.accept', { evidenceId: id });
    } else if (roll < 0.88) send(editor, a.id, 'action.flag-risk', { reason: 'Staffing gap.' });
    else if (roll < 0.96) send(editor, a.id, 'action.clear-risk', {});
    else send(editor, a.id, 'action.due-date.change', { dueDate: `2028-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`, reason: 'Moved by the board.' });
  }
  return events.slice(0, total);
}
