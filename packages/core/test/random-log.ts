import { createTracker, type EventInput, type PledgeEvent } from '@pledgeflow/core';
import { as, ev, testPlan } from './fixtures.js';
import { prng } from './prng.js';

export /** Tries random steps by random people; keeps what the engine accepts. A realistic, valid log. */
function randomLog(seed: number, steps = 250): PledgeEvent[] {
  const random = prng(seed);
  const t = createTracker({ plan: testPlan() });
  const people = ['editor', 'board', 'board2', 'lead', 'owner', 'nurse', 'officer'];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  let evidence = 0;
  for (let i = 0; i < steps; i++) {
    const stream = pick(['a1', 'a2', 'a3', 'a4', 'p1', 'p2']);
    const actor = as(pick(people));
    const candidates: [EventInput['type'], Record<string, unknown>][] = stream.startsWith('p')
      ? [['promise.adopt', {}], ['promise.judge', { judgement: pick(['on-track', 'kept']) }], ['promise.judge', { judgement: 'at-risk', reason: 'r' }], ['promise.review', {}]]
      : [
          ['action.owner.change', { owner: pick(['owner', 'lead', 'board2']) }], ['action.due-date.change', { dueDate: pick(['2026-12-18', '2027-01-29', '2027-03-31']), reason: 'moved' }],
          ['action.agree', {}], ['action.start', {}], ['action.progress', { note: 'n' }], ['action.flag-risk', { reason: 'r' }], ['action.clear-risk', {}],
          ['action.evidence.add', { evidenceId: `e${++evidence}`, summary: 'Delivered', date: '2026-06-01' }],
          ['action.evidence.accept', { evidenceId: `e${Math.max(1, evidence)}` }], ['action.complete', {}], ['action.verify', {}],
          ['action.review', {}], ['action.defer', { reason: 'r' }], ['action.resume', {}],
        ];
    const [type, data] = pick(candidates);
    t.send(ev(actor, stream, type, data));
  }
  return [...t.events()];
}
