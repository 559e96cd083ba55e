// The example intranet page, before the web components land: builds a tracker from the
// example plan and event log and shows the scrutiny report's main lists.
import { BRAG_LABELS, bragStatus, createTracker, parseEventLog, parsePlanFile, scrutinyReport, todayInLondon } from '@pledgeflow/core';

const app = document.getElementById('app')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function table(caption: string, headers: string[], rows: (string | Node)[][]): HTMLTableElement | HTMLParagraphElement {
  if (!rows.length) return el('p', `${caption}: none.`);
  const t = el('table');
  t.append(el('caption', caption));
  const head = t.createTHead().insertRow();
  for (const h of headers) head.append(Object.assign(el('th', h), { scope: 'col' }));
  const body = t.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const c of r) tr.insertCell().append(c);
  }
  return t;
}

async function main() {
  const [planText, logText] = await Promise.all(
    ['../plans/eastmere.plan.json', '../plans/eastmere.events.ndjson'].map((u) => fetch(u).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${u}: HTTP ${r.status}`))))),
  );
  const planFile = parsePlanFile(planText!);
  if (!planFile.ok) throw new Error(planFile.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const tracker = createTracker({ plan: planFile.plan, events: parseEventLog(logText!).events });
  const today = todayInLondon(new Date());
  const report = scrutinyReport(tracker.state(), today);
  app.replaceChildren(
    el('p', `${report.counts.actions} actions: ${report.counts.overdue} overdue, ${report.counts.atRisk} at risk, ${report.counts.reviewsOverdue} reviews overdue (as of ${today}).`),
    table('Overdue actions', ['Action', 'Owner', 'Lead agency', 'Due', 'Days overdue'],
      report.overdue.map((o) => [o.title, o.owner, o.leadAgency, o.dueDate, String(o.daysOverdue)])),
    table('All actions', ['Action', 'State', 'Status'], tracker.actions().map((a) => {
      const brag = bragStatus(a, today, tracker.plan.brag);
      return [a.title, a.state, el('strong', BRAG_LABELS[brag.status], `tag tag--${brag.status}`)];
    })),
  );
}

main().catch((error: Error) => {
  app.replaceChildren(el('p', `The tracker could not load: ${error.message}`, 'error'));
});
