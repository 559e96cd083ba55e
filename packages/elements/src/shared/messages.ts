/**
 * Every word the elements show, in one object a host can override in part:
 * `el.messages = { overdueOnly: 'Late only' }`. Functions take the values they need.
 */
export const defaultMessages = {
  loading: 'Loading the plan…',
  loadFailed: 'The plan could not be loaded.',
  noTracker: 'No plan is loaded yet.',
  // BRAG words: shown beside every colour.
  brag: { blue: 'Done', red: 'Overdue', amber: 'At risk', green: 'On track', grey: 'Not active' } as Record<string, string>,
  states: {
    draft: 'Draft', agreed: 'Agreed', inProgress: 'In progress', atRisk: 'At risk', completed: 'Completed',
    verified: 'Verified', deferred: 'Deferred', withdrawn: 'Withdrawn', drafted: 'Drafted', adopted: 'Adopted',
    onTrack: 'On track', kept: 'Kept', notKept: 'Not kept', retired: 'Retired',
  } as Record<string, string>,
  evidenceStatus: { submitted: 'Waiting to be checked', accepted: 'Accepted', returned: 'Returned' } as Record<string, string>,
  // Lists and filters
  actionsCaption: 'Action plan',
  showing: (shown: number, total: number) => (shown === total ? `Showing all ${total} actions` : `Showing ${shown} of ${total} actions`),
  filterWorkstream: 'Working group',
  filterAgency: 'Lead agency',
  filterOwner: 'Owner',
  filterState: 'Stage',
  filterStatus: 'Status',
  overdueOnly: 'Overdue only',
  any: 'Any',
  clearFilters: 'Clear filters',
  noMatches: 'No actions match these filters.',
  sortBy: (column: string) => `Sort by ${column}`,
  columns: {
    title: 'Action', owner: 'Owner', leadAgency: 'Lead agency', workstream: 'Working group',
    dueDate: 'Due', state: 'Stage', status: 'Status', daysOverdue: 'Days overdue',
  } as Record<string, string>,
  // One action
  details: 'Details',
  leadAgency: 'Lead agency',
  owner: 'Owner',
  partners: 'Contributing partners',
  workstream: 'Working group',
  dueDate: 'Due date',
  reviewDate: 'Next review',
  promises: 'Promises it delivers',
  principles: 'Corporate parenting principles',
  evidence: 'Evidence',
  noEvidence: 'No evidence yet.',
  history: 'History',
  noHistory: 'Nothing has happened to this item yet.',
  nextSteps: 'What you can do',
  noSteps: 'There is nothing you can do on this item.',
  whyNot: 'Why not',
  noOwner: 'No owner',
  none: 'None',
  reason: 'Reason',
  note: 'Note (optional)',
  newDueDate: 'New due date',
  newOwner: 'New owner',
  nextReviewDate: 'Next review date (optional)',
  judgement: 'Judgement',
  confirm: 'Confirm',
  cancel: 'Cancel',
  stepDone: (step: string) => `Done: ${step}.`,
  stepRefused: 'That step was not taken:',
  // Evidence form
  evidenceFormTitle: 'Add evidence',
  summary: 'What happened',
  summaryHint: 'Describe the service, not a child. Do not include names, dates of birth or NHS numbers.',
  link: 'Link (optional)',
  linkHint: 'A link to a document on a secure site, starting with https://',
  date: 'Date it happened',
  dateHint: 'For example, 27 3 2026',
  day: 'Day',
  month: 'Month',
  year: 'Year',
  submitEvidence: 'Submit evidence',
  errorSummaryTitle: 'There is a problem',
  draftRestored: 'We restored what you typed before.',
  personalDataWarning: 'This looks like it may contain a child’s personal data:',
  evidenceAdded: 'Your evidence was submitted. A lead or board member will check it.',
  // Reports
  overdueTitle: 'Overdue actions',
  groupBy: 'Group by',
  groupOwner: 'Owner',
  groupAgency: 'Agency',
  groupWorkstream: 'Working group',
  daysOverdue: (days: number, working: number) => `${days} days (${working} working days)`,
  slippedTitle: 'Due dates moved later',
  noEvidenceTitle: 'Promises with no accepted evidence',
  noActionTitle: 'Corporate parenting principles with no action',
  downloadCsv: 'Download as CSV',
  print: 'Print',
  nothingOverdue: 'Nothing is overdue.',
  // Promises
  pledgeTitle: 'Our promises to you',
  youSaid: 'You said',
  weDid: 'We did',
  stillWorking: 'We are still working on this.',
  // Measures
  target: 'Target',
  latest: 'Latest',
  higherBetter: 'Higher is better',
  lowerBetter: 'Lower is better',
  period: 'Period',
  value: 'Value',
  source: 'Source',
  // Deadlines
  deadlinesTitle: 'Board meetings and deadlines',
  meeting: 'Meeting',
  papersDue: 'Papers due',
  cicReportDue: 'Report to the Children in Care Council',
  minutesDue: 'Minutes due',
  downloadIcs: 'Add to calendar (.ics)',
  // Tracker
  views: { promises: 'Promises', actions: 'Action plan', overdue: 'Overdue', measures: 'Measures', deadlines: 'Deadlines' } as Record<string, string>,
  signedInAs: (name: string, role: string) => `Signed in as ${name} (${role})`,
  back: 'Back to the list',
};

export type Messages = typeof defaultMessages;
/** What a host may pass: any part of the messages. */
export type MessageOverrides = { [K in keyof Messages]?: Messages[K] extends Record<string, string> ? Partial<Messages[K]> : Messages[K] };

const merged = new WeakMap<object, Messages>();

export function mergeMessages(overrides: MessageOverrides | undefined): Messages {
  if (!overrides) return defaultMessages;
  const cached = merged.get(overrides);
  if (cached) return cached;
  const out: Record<string, unknown> = { ...defaultMessages };
  for (const [key, value] of Object.entries(overrides)) {
    const base = (defaultMessages as Record<string, unknown>)[key];
    out[key] = base && typeof base === 'object' && value && typeof value === 'object' ? { ...base, ...value } : value;
  }
  merged.set(overrides, out as Messages);
  return out as Messages;
}
