import type { Feedback, Plan } from '../schema/plan.js';

export interface YouSaidWeDid {
  answered: Feedback[];
  /** Oldest first: the longest wait heads the list. */
  unanswered: Feedback[];
}

/** "You said, we did": what children asked for, split by whether there is an answer yet. */
export function youSaidWeDid(plan: Plan): YouSaidWeDid {
  const byDate = (a: Feedback, b: Feedback) => a.date.localeCompare(b.date);
  return {
    answered: plan.feedback.filter((f) => f.response).sort(byDate),
    unanswered: plan.feedback.filter((f) => !f.response).sort(byDate),
  };
}
