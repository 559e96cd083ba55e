// The baseline the engine is measured against: a plain `switch` over parsed events, with no
// XState, no schema, no policy and no checks. The simplest replay that gives a usable state.
import { addWorkingDays, daysBetween, workingDaysBetween, type Plan, type PledgeEvent } from '@pledgeflow/core';

interface PlainItem {
  state: string;
  owner?: string;
  dueDate?: string;
  reason?: string;
  note?: string;
  reviewedOn?: string;
  evidence: { id: string; status: string }[];
}

export function plainReplay(events: readonly PledgeEvent[]): Map<string, PlainItem> {
  const items = new Map<string, PlainItem>();
  for (const e of events) {
    let item = items.get(e.stream);
    if (!item) items.set(e.stream, (item = { state: 'draft', evidence: [] }));
    const d = e.data as Record<string, string>;
    switch (e.type) {
      case 'action.agree': item.state = 'agreed'; break;
      case 'action.start': item.state = 'inProgress'; break;
      case 'action.progress': item.note = d['note']; break;
      case 'action.flag-risk': item.state = 'atRisk'; item.reason = d['reason']; break;
      case 'action.clear-risk': item.state = 'inProgress'; item.reason = undefined; break;
      case 'action.complete': item.state = 'completed'; break;
      case 'action.verify': item.state = 'verified'; break;
      case 'action.review': item.reviewedOn = e.at.slice(0, 10); break;
      case 'action.owner.change': item.owner = d['owner']; break;
      case 'action.due-date.change': item.dueDate = d['dueDate']; break;
      case 'action.evidence.add': item.evidence.push({ id: d['evidenceId']!, status: 'submitted' }); break;
      case 'action.evidence.accept': {
        const found = item.evidence.find((x) => x.id === d['evidenceId']);
        if (found) found.status = 'accepted';
        break;
      }
      default: break;
    }
  }
  return items;
}

/**
 * The baseline the scrutiny report is measured against: the same work done the plainest
 * way, in one loop over the plain reducer's state. For every action it works out overdue
 * days (calendar and working days, with core's calendar function, asked afresh each time),
 * its BRAG status and the roll-up counts by status and working group, and builds the rows of
 * the overdue, reviews overdue, evidence waiting, due soon and at-risk lists and a row per
 * action with its status, as many rows as the report has, sorted as the report sorts them.
 */
export function plainReport(plan: Plan, items: ReadonlyMap<string, PlainItem>, today: string) {
  const calendar = { closures: plan.board.closures };
  const names = new Map(plan.people.map((p) => [p.id, p.name]));
  const byStatus: Record<string, number> = { blue: 0, red: 0, amber: 0, green: 0, grey: 0 };
  const byWorkstream = new Map<string, Record<string, number>>();
  const overdue: { id: string; title: string; owner: string; dueDate: string; daysOverdue: number; workingDaysOverdue: number }[] = [];
  const reviews: { id: string; title: string; owner: string; reviewDate: string; daysOverdue: number }[] = [];
  const waiting: { actionId: string; evidenceId: string }[] = [];
  const atRisk: { id: string; title: string; owner: string; reason?: string }[] = [];
  const soon: { id: string; title: string; owner: string; dueDate: string; daysLeft: number }[] = [];
  const actions: { id: string; title: string; status: string; label: string }[] = [];
  const soonUntil = addWorkingDays(today, 10, calendar);
  const labels: Record<string, string> = { blue: 'Done', red: 'Overdue', amber: 'At risk', green: 'On track', grey: 'Not active' };
  for (const a of plan.actions) {
    const item = items.get(a.id);
    const state = item?.state ?? 'draft';
    const dueDate = item?.dueDate ?? a.dueDate;
    const owner = names.get(item?.owner ?? a.owner ?? '') ?? 'No owner';
    const open = state !== 'completed' && state !== 'verified' && state !== 'deferred' && state !== 'withdrawn';
    let status: string;
    if (state === 'deferred' || state === 'withdrawn') status = 'grey';
    else if (state === 'completed' || state === 'verified') status = 'blue';
    else if (dueDate && today > dueDate) status = 'red';
    else if (state === 'atRisk' || (a.reviewDate && today > a.reviewDate)) status = 'amber';
    else status = 'green';
    byStatus[status]!++;
    actions.push({ id: a.id, title: a.title, status, label: labels[status]! });
    if (open && dueDate && dueDate >= today && dueDate <= soonUntil) soon.push({ id: a.id, title: a.title, owner, dueDate, daysLeft: daysBetween(today, dueDate) });
    let group = byWorkstream.get(a.workstream);
    if (!group) byWorkstream.set(a.workstream, (group = { blue: 0, red: 0, amber: 0, green: 0, grey: 0 }));
    group[status]!++;
    if (open && dueDate && today > dueDate) {
      overdue.push({ id: a.id, title: a.title, owner, dueDate, daysOverdue: daysBetween(dueDate, today), workingDaysOverdue: workingDaysBetween(dueDate, today, calendar) });
    }
    if (open && a.reviewDate && today > a.reviewDate) reviews.push({ id: a.id, title: a.title, owner, reviewDate: a.reviewDate, daysOverdue: daysBetween(a.reviewDate, today) });
    for (const e of item?.evidence ?? []) if (e.status === 'submitted') waiting.push({ actionId: a.id, evidenceId: e.id });
    if (state === 'atRisk') atRisk.push({ id: a.id, title: a.title, owner, ...(item?.reason ? { reason: item.reason } : {}) });
  }
  overdue.sort((x, y) => y.daysOverdue - x.daysOverdue || x.id.localeCompare(y.id));
  reviews.sort((x, y) => y.daysOverdue - x.daysOverdue);
  soon.sort((x, y) => x.dueDate.localeCompare(y.dueDate));
  return { byStatus, byWorkstream, overdue, reviews, waiting, atRisk, soon, actions };
}
