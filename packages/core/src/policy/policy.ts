import { ACTION_STEPS, MEETING_STEPS, PROMISE_STEPS, RECOMMENDATION_STEPS } from '../schema/event-fields.js';
import type { Actor, EventType } from '../schema/events.js';
import type { ActionItem, Meeting, Plan, PledgePromise, Recommendation } from '../schema/plan.js';
import { ROLE_LABELS, type Role } from '../schema/roles.js';
import type { ActionContext } from '../machines/action.context.js';
import type { MeetingContext } from '../machines/meeting.lifecycle.js';
import type { PromiseContext } from '../machines/promise.lifecycle.js';
import type { RecommendationContext } from '../machines/recommendation.lifecycle.js';
import { itemTitle } from '../schema/titles.js';
import { withArticle } from '../schema/wording.js';

/**
 * Where a role may take a step:
 * - `any`: on every item;
 * - `own`: on items the person owns;
 * - `workstream`: on actions of a workstream the person leads;
 * - `contributor`: on actions their agency leads or contributes to;
 * - `reporter`: a working group's report to a meeting, for a working group they lead.
 */
export type Scope = 'any' | 'own' | 'workstream' | 'contributor' | 'reporter';

const scoped = (scope: Scope, steps: readonly EventType[]) =>
  Object.fromEntries(steps.map((s) => [s, scope])) as Partial<Record<EventType, Scope>>;

/** The policy table: what each role may do, and where. docs/policy.md shows it as a table. */
export const POLICY: Record<Role, Partial<Record<EventType, Scope>>> = {
  'plan-editor': scoped('any', [...ACTION_STEPS, ...PROMISE_STEPS, ...MEETING_STEPS, ...RECOMMENDATION_STEPS]),
  'board-member': {
    ...scoped('any', [
      'action.agree', 'action.flag-risk', 'action.clear-risk', 'action.verify', 'action.reopen',
      'action.defer', 'action.resume', 'action.withdraw', 'action.review', 'action.owner.change',
      'action.due-date.change', 'action.evidence.accept', 'action.evidence.return',
    ]),
    ...scoped('any', PROMISE_STEPS),
    ...scoped('any', MEETING_STEPS),
  },
  'working-group-lead': {
    ...scoped('workstream', [
      'action.agree', 'action.start', 'action.progress', 'action.flag-risk', 'action.clear-risk',
      'action.complete', 'action.reopen', 'action.defer', 'action.resume', 'action.review',
      'action.owner.change', 'action.due-date.change', 'action.evidence.add',
      'action.evidence.accept', 'action.evidence.return', 'action.evidence.resubmit',
    ]),
    ...scoped('own', ['promise.review']),
    ...scoped('reporter', ['meeting.report.submit']),
  },
  'action-owner': {
    ...scoped('own', [
      'action.start', 'action.progress', 'action.flag-risk', 'action.clear-risk', 'action.complete',
      'action.review', 'action.evidence.add', 'action.evidence.resubmit',
    ]),
    ...scoped('own', ['promise.review']),
    // A recommendation's named owner delivers it, whatever their role.
    ...scoped('own', ['recommendation.start', 'recommendation.update', 'recommendation.implement']),
  },
  'partner-contributor': scoped('contributor', ['action.evidence.add', 'action.evidence.resubmit']),
  // The cabinet answers the committee's recommendations and sees them delivered.
  executive: scoped('any', ['recommendation.respond', 'recommendation.start', 'recommendation.update', 'recommendation.implement']),
  // The committee signs its recommendations off or asks again; it changes nothing else.
  scrutiny: scoped('any', ['recommendation.sign-off', 'recommendation.reopen']),
};

/** The item a step is aimed at, as the policy needs to see it. */
export type PolicyTarget =
  | { kind: 'action'; item: ActionItem; context: ActionContext }
  | { kind: 'promise'; item: PledgePromise; context: PromiseContext }
  | { kind: 'meeting'; item: Meeting; context: MeetingContext }
  | { kind: 'recommendation'; item: Recommendation; context: RecommendationContext };

export type Decision = { ok: true } | { ok: false; reasons: string[] };

const STEP_NAMES: Record<EventType, string> = {
  'action.agree': 'agree actions',
  'action.start': 'start work on actions',
  'action.progress': 'record progress',
  'action.flag-risk': 'flag a risk',
  'action.clear-risk': 'clear a risk',
  'action.complete': 'mark actions complete',
  'action.verify': 'verify completed actions',
  'action.reopen': 'reopen actions',
  'action.defer': 'defer actions',
  'action.resume': 'resume deferred actions',
  'action.withdraw': 'withdraw actions',
  'action.review': 'record a review',
  'action.owner.change': 'change who owns an action',
  'action.due-date.change': 'change due dates',
  'action.evidence.add': 'add evidence',
  'action.evidence.accept': 'accept evidence',
  'action.evidence.return': 'return evidence',
  'action.evidence.resubmit': 'resubmit evidence',
  'promise.adopt': 'adopt promises',
  'promise.judge': 'judge how a promise is going',
  'promise.review': 'record a review of a promise',
  'promise.owner.change': 'change who owns a promise',
  'promise.retire': 'retire promises',
  'promise.restore': 'restore retired promises',
  'meeting.papers.send': 'send the papers for a meeting',
  'meeting.reschedule': 'move a meeting to another date',
  'meeting.cancel': 'cancel meetings',
  'meeting.hold': 'record that a meeting was held',
  'meeting.minutes.publish': 'publish the minutes',
  'meeting.report.submit': 'record a working group\'s report to a meeting',
  'meeting.apologies.record': 'record apologies',
  'meeting.attendance.record': 'record who attended',
  'meeting.attendance.remove': 'correct who attended',
  'meeting.question.ask': 'record a question from the Children in Care Council',
  'meeting.question.answer': 'record the answer to a question',
  'meeting.decision.record': 'record a decision',
  'recommendation.respond': 'respond to a scrutiny recommendation',
  'recommendation.start': 'start delivering a recommendation',
  'recommendation.update': 'record progress on a recommendation',
  'recommendation.implement': 'mark a recommendation implemented',
  'recommendation.sign-off': 'sign off a recommendation',
  'recommendation.reopen': 'reopen a recommendation',
};

/** A step's name in plain words, for messages and buttons ("flag a risk"). */
export function stepName(type: EventType): string {
  return STEP_NAMES[type];
}


function inScope(scope: Scope, actor: Actor, target: PolicyTarget, plan: Plan, data: Record<string, unknown>): string | undefined {
  const title = (t: PolicyTarget) => `"${itemTitle(t.kind, t.item)}"`;
  switch (scope) {
    case 'any':
      return undefined;
    case 'own':
      if (target.kind === 'meeting') return 'only on items they own, and no one owns a meeting';
      return target.context.owner === actor.userId ? undefined : `only on items they own, and ${title(target)} is owned by ${target.context.owner ? 'someone else' : 'no one'}`;
    case 'reporter': {
      // Asked before a working group is chosen (which steps to offer): do they lead one expected here?
      if (data['workstream'] === undefined && target.kind === 'meeting') {
        const theirs = plan.workstreams.some((w) => w.lead === actor.userId && target.context.reports.includes(w.id));
        return theirs ? undefined : 'only for a working group they lead, and none they lead reports to this meeting';
      }
      const ws = plan.workstreams.find((w) => w.id === data['workstream']);
      return ws?.lead === actor.userId ? undefined : `only for a working group they lead, and ${ws ? `"${ws.name}"` : 'this working group'} is led by someone else`;
    }
    case 'workstream': {
      if (target.kind !== 'action') return 'only on actions';
      const ws = plan.workstreams.find((w) => w.id === target.item.workstream);
      return ws?.lead === actor.userId
        ? undefined
        : `only on actions of a working group they lead, and ${title(target)} belongs to ${ws ? `"${ws.name}"` : 'another working group'}`;
    }
    case 'contributor': {
      if (target.kind !== 'action') return 'only on actions';
      const { leadAgency, partners } = target.item;
      if (leadAgency === actor.agencyId || partners.includes(actor.agencyId)) return undefined;
      const agency = plan.agencies.find((a) => a.id === actor.agencyId)?.name ?? actor.agencyId;
      return `only on actions their agency leads or contributes to, and ${agency} is not a partner on ${title(target)}`;
    }
  }
}

/**
 * May `actor` take step `type` on `target`? Says who may do what; whether the item can
 * take the step at all is the machine's business. A person's role decides most of it; on
 * top of that, the owner of an item may take the owner's steps on it, and the lead of a
 * working group the lead's steps on its actions, whatever role they signed in with
 * (except scrutiny, which signs off or reopens recommendations and changes nothing else).
 */
export function may(actor: Actor, type: EventType, data: Record<string, unknown>, target: PolicyTarget, plan: Plan): Decision {
  const role = ROLE_LABELS[actor.role];
  const scope = POLICY[actor.role][type];
  if (actor.role === 'scrutiny' && !scope) {
    return { ok: false, reasons: ['Scrutiny members can see everything but change nothing, apart from signing off or reopening recommendations.'] };
  }
  const outOfScope = scope ? inScope(scope, actor, target, plan, data) : undefined;
  if ((!scope || outOfScope) && !byRelationship(actor, type, target, plan, data)) {
    if (!scope) return { ok: false, reasons: [`${withArticle(role, true)} cannot ${stepName(type)}.`] };
    if (outOfScope) return { ok: false, reasons: [`${withArticle(role, true)} can ${stepName(type)} ${outOfScope}.`] };
  }

  // Only the steps on one piece of evidence look it up: a replay takes 100,000 steps.
  if (target.kind === 'action' && typeof data['evidenceId'] === 'string') {
    const evidence = target.context.evidence.find((e) => e.id === data['evidenceId']);
    if ((type === 'action.evidence.accept' || type === 'action.evidence.return') && evidence?.submittedBy === actor.userId) {
      return { ok: false, reasons: ['You cannot accept or return evidence you submitted yourself: another lead or board member must look at it.'] };
    }
    if (type === 'action.evidence.resubmit' && actor.role === 'partner-contributor' && evidence && evidence.agencyId !== actor.agencyId) {
      return { ok: false, reasons: ['A partner agency contributor can resubmit only evidence their own agency submitted.'] };
    }
  }
  return ALLOWED;
}

const ALLOWED: Decision = Object.freeze({ ok: true });
const RELATIONSHIP_ROLES = ['action-owner', 'working-group-lead'] as const;

/** Whoever owns an item, or leads its working group, may take those steps whatever their role. */
function byRelationship(actor: Actor, type: EventType, target: PolicyTarget, plan: Plan, data: Record<string, unknown>): boolean {
  if (actor.role === 'scrutiny') return false;
  for (const r of RELATIONSHIP_ROLES) {
    const s = POLICY[r][type];
    if (s !== undefined && r !== actor.role && inScope(s, actor, target, plan, data) === undefined) return true;
  }
  return false;
}
