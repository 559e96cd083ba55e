import type { PledgeEvent } from '../schema/events.js';
import type { Plan } from '../schema/plan.js';
import { planNames } from '../schema/plan-names.js';

const quote = (s: string) => `"${s}"`;

/** One event in plain English, without the actor: "moved the due date to 2027-03-31". */
export function describeEvent(event: PledgeEvent, plan: Plan): string {
  const person = planNames(plan).person;
  const d = event.data as Record<string, string | undefined>;
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
    case 'action.owner.change': return `gave the action to ${person(d['owner']!)}`;
    case 'action.due-date.change': return `moved the due date to ${d['dueDate']}: ${d['reason']}`;
    case 'action.evidence.add': return `added evidence ${quote(d['summary']!)}`;
    case 'action.evidence.accept': return `accepted evidence ${d['evidenceId']}`;
    case 'action.evidence.return': return `returned evidence ${d['evidenceId']}: ${d['reason']}`;
    case 'action.evidence.resubmit': return `resubmitted evidence ${d['evidenceId']}`;
    case 'promise.adopt': return 'adopted the promise';
    case 'promise.judge': {
      const words = { 'on-track': 'on track', 'at-risk': 'at risk', kept: 'kept', 'not-kept': 'not kept' } as const;
      return `judged the promise ${words[d['judgement'] as keyof typeof words]}${d['reason'] ? `: ${d['reason']}` : ''}`;
    }
    case 'promise.review': return `recorded a review${d['nextReviewDate'] ? `; next review ${d['nextReviewDate']}` : ''}`;
    case 'promise.owner.change': return `gave the promise to ${person(d['owner']!)}`;
    case 'promise.retire': return `retired the promise: ${d['reason']}`;
    case 'promise.restore': return 'restored the promise';
  }
}
