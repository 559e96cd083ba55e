import type { PledgeEvent } from '../schema/events.js';
import type { Plan } from '../schema/plan.js';
import { planNames } from '../schema/plan-names.js';

const quote = (s: string) => `"${s}"`;

/** What an event needs from the item's earlier events to be read as people say it. */
export interface EventContext {
  /** The evidence's summary, for steps on a piece of evidence. */
  evidenceSummary?: string;
  /** The due date before an `action.due-date.change`. */
  previousDueDate?: string;
  /** The owner (a person's id) before an owner change. */
  previousOwner?: string;
}

/**
 * One event in plain English, without the actor: "moved the due date from 2026-10-30 to
 * 2027-03-31: ...". With `context` (from the item's history) evidence is named by its summary
 * and a change says what it changed from. Dates stay YYYY-MM-DD here, for logs and the command
 * line; the elements say them as people do, in words a council can change.
 */
export function describeEvent(event: PledgeEvent, plan: Plan, context: EventContext = {}): string {
  const names = planNames(plan);
  const person = names.person;
  const d = event.data as Record<string, string | undefined>;
  const evidence = context.evidenceSummary !== undefined ? quote(context.evidenceSummary) : d['evidenceId'];
  switch (event.type) {
    case 'action.agree': return 'agreed the action';
    case 'action.start': return 'started work';
    case 'action.progress': return `recorded progress: ${d['note']}`;
    case 'action.flag-risk': return `flagged a risk: ${d['reason']}`;
    case 'action.clear-risk': return 'cleared the risk';
    case 'action.complete': return 'marked the action complete';
    case 'action.verify': return 'verified that the action is complete';
    case 'action.reopen': return `reopened the action: ${d['reason']}`;
    case 'action.defer': return `deferred the action${d['until'] ? ` until ${d['until']}` : ''}: ${d['reason']}`;
    case 'action.resume': return 'resumed the action';
    case 'action.withdraw': return `withdrew the action: ${d['reason']}`;
    case 'action.review': return `recorded a review${d['nextReviewDate'] ? `; next review ${d['nextReviewDate']}` : ''}`;
    case 'action.owner.change': return `gave the action to ${person(d['owner']!)}${context.previousOwner ? ` (from ${person(context.previousOwner)})` : ''}`;
    case 'action.due-date.change':
      return `moved the due date ${context.previousDueDate ? `from ${context.previousDueDate} ` : ''}to ${d['dueDate']}: ${d['reason']}`;
    case 'action.evidence.add': return `added evidence ${quote(d['summary']!)}`;
    case 'action.evidence.accept': return `accepted evidence ${evidence}`;
    case 'action.evidence.return': return `returned evidence ${evidence}: ${d['reason']}`;
    case 'action.evidence.resubmit': return `resubmitted evidence ${d['summary'] !== undefined ? quote(d['summary']) : evidence}`;
    case 'promise.adopt': return 'adopted the promise';
    case 'promise.judge': {
      const words = { 'on-track': 'on track', 'at-risk': 'at risk', kept: 'kept', 'not-kept': 'not kept' } as const;
      return `judged the promise ${words[d['judgement'] as keyof typeof words]}${d['reason'] ? `: ${d['reason']}` : ''}`;
    }
    case 'promise.review': return `recorded a review${d['nextReviewDate'] ? `; next review ${d['nextReviewDate']}` : ''}`;
    case 'promise.owner.change': return `gave the promise to ${person(d['owner']!)}${context.previousOwner ? ` (from ${person(context.previousOwner)})` : ''}`;
    case 'promise.retire': return `retired the promise: ${d['reason']}`;
    case 'promise.restore': return 'restored the promise';
    case 'meeting.papers.send': return 'sent the papers to members';
    case 'meeting.reschedule': return `moved the meeting to ${d['date']}: ${d['reason']}`;
    case 'meeting.cancel': return `cancelled the meeting: ${d['reason']}`;
    case 'meeting.hold': return 'recorded that the meeting was held';
    case 'meeting.minutes.publish': return 'published the minutes';
    case 'meeting.report.submit': return `received the report of ${names.workstream(d['workstream']!)}${d['summary'] ? `: ${d['summary']}` : ''}`;
    case 'meeting.apologies.record': return `recorded apologies from ${person(d['person']!)}`;
    case 'meeting.attendance.record':
      return `recorded ${person(d['person']!)} as present${d['standingInFor'] ? `, standing in for ${person(d['standingInFor'])}` : ''}`;
    case 'meeting.attendance.remove': return `took ${person(d['person']!)} off the attendance: ${d['reason']}`;
    case 'meeting.question.ask': return `recorded a question from the Children in Care Council: ${quote(d['question']!)}`;
    case 'meeting.question.answer': return `recorded the answer to question ${d['questionId']}: ${quote(d['answer']!)}`;
    case 'meeting.decision.record': return `recorded a decision: ${d['decision']}${d['action'] ? ` (action ${d['action']})` : ''}`;
    case 'recommendation.respond': {
      const words = { accepted: 'accepted', 'partly-accepted': 'partly accepted', rejected: 'rejected' } as const;
      return `${words[d['response'] as keyof typeof words]} the recommendation${d['reason'] ? `: ${d['reason']}` : ''}`;
    }
    case 'recommendation.start': return 'started delivering the recommendation';
    case 'recommendation.update': return `recorded progress: ${d['note']}`;
    case 'recommendation.implement': return 'marked the recommendation implemented';
    case 'recommendation.sign-off': return 'signed the recommendation off';
    case 'recommendation.reopen': return `reopened the recommendation: ${d['reason']}`;
  }
}
