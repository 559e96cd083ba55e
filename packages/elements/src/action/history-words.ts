import type { BragGrounds, HistoryEntry, Plan } from '@pledgeflow/core';
import { formatDate } from '../shared/format.js';
import type { HistoryFacts, Messages } from '../shared/messages.js';
import { planNames } from '../shared/plan-names.js';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** What one history entry says, named and dated as people say it, ready for `m.historyEvents`. */
export function historyFacts(entry: HistoryEntry, plan: Plan): HistoryFacts {
  const names = planNames(plan);
  const d = entry.data;
  const c = entry.context ?? {};
  const owner = text(d['owner']);
  const judgement = text(d['judgement']);
  return {
    note: text(d['note']),
    reason: text(d['reason']),
    until: text(d['until']) && formatDate(text(d['until'])),
    nextReviewDate: text(d['nextReviewDate']) && formatDate(text(d['nextReviewDate'])),
    dueDate: text(d['dueDate']) && formatDate(text(d['dueDate'])),
    previousDueDate: c.previousDueDate && formatDate(c.previousDueDate),
    owner: owner && (names.person(owner) ?? owner),
    previousOwner: c.previousOwner && (names.person(c.previousOwner) ?? c.previousOwner),
    evidence: text(d['summary']) ?? c.evidenceSummary ?? text(d['evidenceId']),
    judgement,
  };
}

/** One history entry in the elements' words: "Ruth Kendrick (Virtual School) moved the due date from 30 October 2026 to ...". */
export function historyLine(entry: HistoryEntry, plan: Plan, m: Messages): string {
  const say = m.historyEvents[entry.type];
  if (!say) return entry.summary;
  return m.historyLine(entry.actor.name, entry.actor.agencyName, say(historyFacts(entry, plan)));
}

/** Why an action has its status, in the elements' words, with dates as people say them. */
export function statusWhy(grounds: BragGrounds, action: { dueDate?: string; reviewDate?: string; reason?: string; state: string }, m: Messages): string {
  const due = formatDate(action.dueDate);
  switch (grounds.rule) {
    case 'late': return m.whyLate(due, grounds.daysLate ?? 0, grounds.workingDaysLate ?? 0);
    case 'lateWithinGrace': return m.whyLateWithinGrace(due, grounds.daysLate ?? 0, grounds.workingDaysLate ?? 0, grounds.graceWorkingDays ?? 0);
    case 'flaggedAtRisk': return m.whyFlagged(action.reason);
    case 'reviewOverdue': return m.whyReviewOverdue(formatDate(action.reviewDate));
    case 'dueSoon': return m.whyDueSoon(due);
    case 'onTrack': return action.dueDate ? m.whyOnTrack(due) : m.whyNoDueDate;
    default: return m.whyClosed(m.states[grounds.rule] ?? grounds.rule);
  }
}
