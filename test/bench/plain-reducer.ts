// The baseline the engine is measured against: a plain `switch` over parsed events, with no
// XState, no schema, no policy and no checks. The simplest replay that gives a usable state.
import type { PledgeEvent } from '@pledgeflow/core';

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

/** The hand-written single loop the scrutiny report is measured against: overdue items only. */
export function plainOverdue(items: readonly { id: string; state: string; dueDate?: string }[], today: string): string[] {
  const out: string[] = [];
  for (const a of items) {
    if (a.dueDate && a.dueDate < today && a.state !== 'completed' && a.state !== 'verified' && a.state !== 'deferred' && a.state !== 'withdrawn') out.push(a.id);
  }
  return out;
}
