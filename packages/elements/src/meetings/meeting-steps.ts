import { boardMembers, type Actor, type MeetingView, type NextStep, type Tracker } from '@pledgeflow/core';
import type { Choice, ItemStep, ItemSteps } from '../shared/item-steps.js';
import { personWithAgency, planNames } from '../shared/plan-names.js';

/** The next id in a meeting's list ("q-3"), never one it already has. */
function nextId(prefix: string, taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/**
 * The steps `actor` may take on `meeting` now, each with the choices its fields need (who,
 * which working group, which question), and those their role takes but may not take now.
 * A working group's report is offered for the groups whose reports this person may record
 * (a lead, their own group's): `tracker.nextSteps` cannot know which group without the data.
 */
export function meetingSteps(tracker: Tracker, actor: Actor, meeting: MeetingView): ItemSteps {
  const plan = tracker.plan;
  const names = planNames(plan);
  const label = personWithAgency(plan);
  const person = (id: string): Choice => ({ value: id, label: label(id) });
  const present = new Set(meeting.present.map((a) => a.person));
  const represented = new Set(meeting.present.map((a) => a.standingInFor).filter((x): x is string => !!x));
  const members = boardMembers(plan);
  const people = [...plan.people].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const offered: ItemStep[] = [];
  const refused: NextStep[] = [];
  for (const next of tracker.nextSteps(actor, meeting.id)) {
    let step: ItemStep | undefined = next;
    switch (next.type) {
      case 'meeting.report.submit': {
        const due = meeting.reports.filter((ws) => !meeting.received.some((r) => r.workstream === ws));
        if (!due.length) continue; // every report is in: nothing to record
        const reasons: string[] = [];
        const mine = due.filter((workstream) => {
          const decision = tracker.can(actor, { stream: meeting.id, type: next.type, data: { workstream } });
          if (!decision.ok) reasons.push(...decision.reasons);
          return decision.ok;
        });
        step = mine.length ? { ...next, allowed: true, reasons: [], choices: { workstream: mine.map((ws) => ({ value: ws, label: names.workstream(ws) })) } } : undefined;
        if (!step) refused.push({ ...next, allowed: false, reasons: [...new Set(reasons)] });
        break;
      }
      case 'meeting.apologies.record': {
        const absent = members.filter((id) => !present.has(id));
        step = absent.length ? { ...next, choices: { person: absent.map(person) } } : undefined;
        break;
      }
      case 'meeting.attendance.record': {
        const others = people.filter((p) => !present.has(p.id)).map((p) => person(p.id));
        const missing = members.filter((id) => !present.has(id) && !represented.has(id)).map(person);
        step = others.length ? { ...next, choices: { person: others, standingInFor: missing } } : undefined;
        break;
      }
      case 'meeting.attendance.remove':
        step = present.size ? { ...next, choices: { person: [...present].map(person) } } : undefined;
        break;
      case 'meeting.question.ask':
        step = { ...next, fixed: { questionId: nextId('q', meeting.questions.map((q) => q.id)) } };
        break;
      case 'meeting.question.answer': {
        const open = meeting.questions.filter((q) => !q.answer);
        step = open.length ? { ...next, choices: { questionId: open.map((q) => ({ value: q.id, label: q.question })) } } : undefined;
        break;
      }
      case 'meeting.decision.record':
        step = {
          ...next,
          fixed: { decisionId: nextId('d', meeting.decisions.map((d) => d.id)) },
          choices: { action: plan.actions.map((a) => ({ value: a.id, label: `${a.id}: ${a.title}` })) },
        };
        break;
    }
    if (!step) continue;
    (step.allowed ? offered : refused).push(step);
  }
  return { stream: meeting.id, name: meeting.title, offered, refused };
}
