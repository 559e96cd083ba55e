import { readFileSync } from 'node:fs';
import { loadPlan, parseEventLog, type Actor, type Plan, type PledgeEvent } from '@pledgeflow/core';

const root = new URL('../../../../', import.meta.url);
const planText = readFileSync(new URL('examples/plans/eastmere.plan.json', root), 'utf8');
const eventsText = readFileSync(new URL('examples/plans/eastmere.events.ndjson', root), 'utf8');

/** The Eastmere example plan under another id, so that tests can share one database. */
export function eastmere(id = 'eastmere-2026-28'): Plan {
  return { ...loadPlan(planText), id };
}

/** The example plan's event log. */
export function eastmereEvents(): PledgeEvent[] {
  return parseEventLog(eventsText).events;
}

/** Another plan on the same server: Imran Hussain (Eastmere College) and Karen Doyle (police) are not in it. */
export function otherPlan(id = 'westby-2026-28'): Plan {
  const base = eastmere(id);
  return {
    ...base,
    title: 'Westby Corporate Parenting Plan',
    people: [
      { id: 'zoe-westby', name: 'Zoe Westby', agency: 'eastmere-childrens-services', role: 'plan-editor' },
      ...base.people.filter((p) => p.id !== 'imran-hussain' && p.id !== 'karen-doyle'),
    ],
  };
}

/** The actor a person of the plan must give. */
export function actorOf(plan: Plan, personId: string): Actor {
  const p = plan.people.find((x) => x.id === personId);
  if (!p) throw new Error(`no person ${personId} in ${plan.id}`);
  return { userId: p.id, agencyId: p.agency, role: p.role };
}

/** Seeds a plan id unique to this process and test. */
let planCount = 0;
export function planId(label: string): string {
  return `${label}-${process.pid}-${++planCount}`;
}
