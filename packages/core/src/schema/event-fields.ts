// The fields of every event type's data, as plain data with no zod in it: the schemas
// (events.ts), the quick check of stored events, the policy and the fields a step needs
// are all made from this one list.

export const JUDGEMENTS = ['on-track', 'at-risk', 'kept', 'not-kept'] as const;
/** How the executive (cabinet) answers a scrutiny recommendation. */
export const RESPONSES = ['accepted', 'partly-accepted', 'rejected'] as const;

/** Limits of the text kinds, for checks that do not go through zod. */
export const FIELD_TEXT_LIMITS = { reason: 1000, text: 2000 } as const;

export type FieldKind = 'id' | 'date' | 'reason' | 'text' | 'link' | 'judgement' | 'response';
/** A field's kind, with `?` when it may be left out. */
export type FieldSpec = FieldKind | `${FieldKind}?`;

/**
 * Every event type with the fields of its `data`: the single list the rest derives from
 * (the zod schemas below, the quick check of stored events, the fields a step needs).
 */
export const EVENT_FIELDS = {
  // Action-plan items
  'action.agree': { note: 'text?' },
  'action.start': { note: 'text?' },
  'action.progress': { note: 'text' },
  'action.flag-risk': { reason: 'reason' },
  'action.clear-risk': { note: 'text?' },
  'action.complete': { note: 'text?' },
  'action.verify': { note: 'text?' },
  'action.reopen': { reason: 'reason' },
  'action.defer': { reason: 'reason', until: 'date?' },
  'action.resume': { note: 'text?' },
  'action.withdraw': { reason: 'reason' },
  // The next review date first: the order a form asks for the fields.
  'action.review': { nextReviewDate: 'date?', note: 'text?' },
  'action.owner.change': { owner: 'id', note: 'text?' },
  'action.due-date.change': { dueDate: 'date', reason: 'reason' },
  'action.evidence.add': { evidenceId: 'id', summary: 'text', link: 'link?', date: 'date' },
  'action.evidence.accept': { evidenceId: 'id', note: 'text?' },
  'action.evidence.return': { evidenceId: 'id', reason: 'reason' },
  'action.evidence.resubmit': { evidenceId: 'id', summary: 'text', link: 'link?', date: 'date' },
  // Promises
  'promise.adopt': { note: 'text?' },
  'promise.judge': { judgement: 'judgement', reason: 'reason?' },
  'promise.review': { note: 'text?', nextReviewDate: 'date?' },
  'promise.owner.change': { owner: 'id', note: 'text?' },
  'promise.retire': { reason: 'reason' },
  'promise.restore': {},
  // Board meetings
  'meeting.papers.send': { note: 'text?' },
  'meeting.reschedule': { date: 'date', reason: 'reason' },
  'meeting.cancel': { reason: 'reason' },
  'meeting.hold': { note: 'text?' },
  'meeting.minutes.publish': { link: 'link?', note: 'text?' },
  'meeting.report.submit': { workstream: 'id', summary: 'text?', link: 'link?' },
  'meeting.apologies.record': { person: 'id', note: 'text?' },
  'meeting.attendance.record': { person: 'id', standingInFor: 'id?' },
  'meeting.attendance.remove': { person: 'id', reason: 'reason' },
  'meeting.question.ask': { questionId: 'id', question: 'text' },
  'meeting.question.answer': { questionId: 'id', answer: 'text' },
  'meeting.decision.record': { decisionId: 'id', decision: 'text', action: 'id?' },
  // Scrutiny recommendations
  'recommendation.respond': { response: 'response', reason: 'reason?' },
  'recommendation.start': { note: 'text?' },
  'recommendation.update': { note: 'text' },
  'recommendation.implement': { note: 'text?' },
  'recommendation.sign-off': { note: 'text?' },
  'recommendation.reopen': { reason: 'reason' },
} as const satisfies Record<string, Record<string, FieldSpec>>;

export type EventType = keyof typeof EVENT_FIELDS;

/** Rules across the fields of one event's data, beyond each field's own kind. */
export const DATA_RULES: Partial<Record<EventType, { holds: (data: Record<string, unknown>) => boolean; message: string; path: string }>> = {
  'promise.judge': {
    holds: (d) => !((d['judgement'] === 'at-risk' || d['judgement'] === 'not-kept') && !d['reason']),
    message: 'saying a promise is at risk or not kept needs a reason, so that the children and the panel know why',
    path: 'reason',
  },
  'recommendation.respond': {
    holds: (d) => d['response'] === 'accepted' || !!d['reason'],
    message: 'partly accepting or rejecting a recommendation needs a reason, so that the committee knows why',
    path: 'reason',
  },
};
export const EVENT_TYPES = Object.keys(EVENT_FIELDS) as EventType[];
export type ActionEventType = Extract<EventType, `action.${string}`>;
export type PromiseEventType = Extract<EventType, `promise.${string}`>;
export type MeetingEventType = Extract<EventType, `meeting.${string}`>;
export type RecommendationEventType = Extract<EventType, `recommendation.${string}`>;

/** Every step on each kind of item, in the order of `EVENT_FIELDS`. */
export const ACTION_STEPS = EVENT_TYPES.filter((t): t is ActionEventType => t.startsWith('action.'));
export const PROMISE_STEPS = EVENT_TYPES.filter((t): t is PromiseEventType => t.startsWith('promise.'));
export const MEETING_STEPS = EVENT_TYPES.filter((t): t is MeetingEventType => t.startsWith('meeting.'));
export const RECOMMENDATION_STEPS = EVENT_TYPES.filter((t): t is RecommendationEventType => t.startsWith('recommendation.'));
