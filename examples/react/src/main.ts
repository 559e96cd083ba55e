// Loads the example plan and event log, builds a tracker, and renders the React page.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { isCalendarDate, parseEventLog, parsePlanFile, todayInLondon } from '@pledgeflow/core';
import { openIdbTracker, stringifyBackup } from '@pledgeflow/store-idb';
import { defineElement, PledgeStatus } from '@pledgeflow/elements';
import { App } from './app.js';

// Only <pledge-status> is used here: defined on its own, the other elements stay out of the bundle.
// (The React page works without it, showing the words only.)
defineElement('pledge-status', PledgeStatus);

const root = document.getElementById('app')!;

/** The day to look at the plan on: `?today=2027-01-15` shows it as it would be then. */
function dayFromUrl(): string {
  const asked = new URLSearchParams(location.search).get('today');
  return asked && isCalendarDate(asked) ? asked : todayInLondon(new Date());
}

async function main() {
  const [planText, logText] = await Promise.all(
    ['../plans/eastmere.plan.json', '../plans/eastmere.events.ndjson'].map((u) =>
      fetch(u).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${u}: HTTP ${r.status}`)))),
    ),
  );
  const planFile = parsePlanFile(planText!);
  if (!planFile.ok) throw new Error(planFile.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const log = parseEventLog(logText!);
  for (const problem of log.problems) console.warn(`eastmere.events.ndjson line ${problem.line}: ${problem.message}`);
  // Changes are kept in this browser (IndexedDB), so a reload keeps them; the first visit starts from the example log.
  let opened = await openIdbTracker({ plan: planFile.plan });
  if (opened.durable && opened.tracker.events().length === 0) {
    await opened.store.importBackup(stringifyBackup(planFile.plan, log.events));
    opened.store.close();
    opened = await openIdbTracker({ plan: planFile.plan }); // open again: the tracker starts from what was imported
  } else if (!opened.durable) opened.tracker.receive(log.events);
  for (const notice of opened.notices) console.warn(notice);
  const tracker = opened.tracker;
  // A working-group lead: Helen Pryce leads Homes, Placements and Moving On.
  const lead = tracker.plan.people.find((p) => p.role === 'working-group-lead' && p.id === 'helen-pryce') ?? tracker.plan.people.find((p) => p.role === 'working-group-lead');
  createRoot(root).render(createElement(App, { tracker, signedIn: lead?.id ?? tracker.plan.people[0]!.id, today: dayFromUrl() }));
}

main().catch((error: Error) => {
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = `The tracker could not load: ${error.message}`;
  root.replaceChildren(p);
});
