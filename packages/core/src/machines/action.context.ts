import type { ActionItem } from '../schema/plan.js';

export const EVIDENCE_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** A piece of evidence on an action item, with its own small lifecycle. Only accepted evidence counts. */
export interface Evidence {
  id: string;
  summary: string;
  link?: string;
  /** When the thing the evidence shows happened (YYYY-MM-DD). */
  date: string;
  /** The agency, person and time of the latest submission (a resubmission replaces them). */
  agencyId: string;
  submittedBy: string;
  submittedAt: string;
  status: EvidenceStatus;
  /** Why it was last returned, while it is returned. */
  returnReason?: string;
  reviewedBy?: string;
  reviewedAt?: string;
  /** How many times it was resubmitted after being returned. */
  resubmissions: number;
}

/** A due date that moved: scrutiny panels ask about every one. */
export interface DueDateChange {
  from?: string;
  to: string;
  reason: string;
  at: string;
  by: string;
}

/** What an action item's machine remembers. */
export interface ActionContext {
  id: string;
  owner?: string;
  dueDate?: string;
  reviewDate?: string;
  reviewIntervalDays: number;
  evidence: Evidence[];
  dueDateChanges: DueDateChange[];
  /** Why the item is at risk, deferred or withdrawn, or why it was reopened, while that holds. */
  reason?: string;
  deferredUntil?: string;
  lastReviewedOn?: string;
  /** The latest progress note. */
  lastProgress?: { note: string; at: string; by: string };
  completedBy?: string;
  completedAt?: string;
  verifiedBy?: string;
  verifiedAt?: string;
}

export function initialActionContext(item: ActionItem): ActionContext {
  return {
    id: item.id,
    ...(item.owner ? { owner: item.owner } : {}),
    ...(item.dueDate ? { dueDate: item.dueDate } : {}),
    ...(item.reviewDate ? { reviewDate: item.reviewDate } : {}),
    reviewIntervalDays: item.reviewIntervalDays,
    evidence: [],
    dueDateChanges: [],
  };
}
