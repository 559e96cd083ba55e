import { daysBetween, toDayNumber } from '../calendar/dates.js';
import type { Evidence } from '../machines/action.context.js';
import { addWorkingDays, type CalendarOptions } from '../calendar/working-days.js';
import type { PlanState } from '../tracker/tracker.js';
import { actionFacts, submittedOn } from '../items/action-facts.js';
import { CalendarDay } from './calendar-day.js';
import { checkToday } from './today.js';
import { isOpen, type ActionView, type PromiseView } from '../items/views.js';

export interface OverdueAction {
  action: ActionView;
  daysOverdue: number;
  workingDaysOverdue: number;
}

export { isOpen };

/** Open actions whose due date is before `today`, most overdue first. */
export function overdueActions(state: PlanState, today: string, calendar: CalendarOptions = {}): OverdueAction[] {
  checkToday(today);
  const day = new CalendarDay(today, calendar);
  const out: OverdueAction[] = [];
  for (const action of state.actions) {
    if (!action.dueDate || !(today > action.dueDate) || !isOpen(action)) continue;
    out.push({
      action,
      daysOverdue: daysBetween(action.dueDate, today),
      workingDaysOverdue: day.workingDaysLate(action.dueDate),
    });
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || a.action.id.localeCompare(b.action.id));
}

/** Open actions due from `today` up to `workingDays` working days ahead, soonest first. */
export function dueSoon(state: PlanState, today: string, workingDays: number, calendar: CalendarOptions = {}): ActionView[] {
  checkToday(today);
  const until = addWorkingDays(today, workingDays, calendar);
  return state.actions
    .filter((a) => a.dueDate && a.dueDate >= today && a.dueDate <= until && isOpen(a))
    .sort((a, b) => a.dueDate!.localeCompare(b.dueDate!));
}

export interface ReviewOverdue {
  action: ActionView;
  daysOverdue: number;
}

/** Open actions whose next review date is before `today`, longest waiting first. */
export function reviewsOverdue(state: PlanState, today: string): ReviewOverdue[] {
  checkToday(today);
  return state.actions
    .filter((a) => a.reviewDate && today > a.reviewDate && isOpen(a))
    .map((action) => ({ action, daysOverdue: daysBetween(action.reviewDate!, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
}

export interface PromiseReviewOverdue {
  promise: PromiseView;
  daysOverdue: number;
}

/** Promises in force (not retired) whose review date is before `today`, longest waiting first. */
export function promiseReviewsOverdue(state: PlanState, today: string): PromiseReviewOverdue[] {
  checkToday(today);
  return state.promises
    .filter((p) => p.reviewDate && today > p.reviewDate && p.state !== 'retired')
    .map((promise) => ({ promise, daysOverdue: daysBetween(promise.reviewDate!, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
}

export interface EvidenceAwaitingReview {
  action: ActionView;
  evidence: Evidence;
  /** Calendar days since it was submitted (UK dates). */
  daysWaiting: number;
}

/** Evidence submitted (or resubmitted) and not yet accepted or returned, longest waiting first. */
export function evidenceAwaitingReview(state: PlanState, today: string): EvidenceAwaitingReview[] {
  checkToday(today);
  const todayNumber = toDayNumber(today);
  const out: EvidenceAwaitingReview[] = [];
  for (const action of state.actions) {
    const facts = actionFacts(action);
    if (facts.submitted.length === 0) continue;
    const on = submittedOn(facts);
    facts.submitted.forEach((evidence, i) => out.push({ action, evidence, daysWaiting: Math.max(0, todayNumber - on[i]!) }));
  }
  return out.sort((a, b) => b.daysWaiting - a.daysWaiting);
}
