// The example intranet page's own script. The tracker elements come from pledgeflow.js;
// this page does what a council's intranet would do around them:
// - keeps the plan's events in this browser (IndexedDB, through @pledgeflow/store-idb), so
//   changes survive a reload and show up in a second tab; the first visit starts from the
//   example event log;
// - signs people in: the "signed in as" switcher sets the tracker's `actor` property,
//   { userId, agencyId, role }, because sign-in belongs to the host page.
import { parseEventLog, parsePlanFile, type Actor, type Role, type Tracker } from '@pledgeflow/core';
import { PledgeActorChangeEvent, type PledgeTracker } from '@pledgeflow/elements';
import { databaseName, openIdbTracker, stringifyBackup } from '@pledgeflow/store-idb';
import { startSynced } from './synced.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} could not be loaded (HTTP ${response.status}).`);
  return response.text();
}

function say(root: ParentNode, message: string, kind: 'info' | 'warning' = 'info') {
  const status = root.querySelector<HTMLElement>('#storage-status');
  if (!status) return;
  const p = document.createElement('p');
  p.className = `storage-message storage-message--${kind}`;
  p.textContent = message;
  status.append(p);
}

/**
 * Opens the plan's tracker on this browser's storage (seeding it from the example log the
 * first time) and gives it to the page's `<pledge-tracker>`.
 */
export async function startTracker(root: ParentNode = document): Promise<Tracker | undefined> {
  const element = root.querySelector<PledgeTracker>('pledge-tracker');
  if (!element) return undefined;
  // Until the tracker is handed over, the element says it is loading (not "no plan").
  element.messages = { ...element.messages, noSource: 'Loading the corporate parenting tracker…' };
  // Next to a pledgeflow server (`npm start`), the tracker loads from it and syncs.
  if (await startSynced(element)) return element.tracker;
  const planUrl = new URL(element.dataset['plan']!, document.baseURI).href;
  const eventsUrl = new URL(element.dataset['events']!, document.baseURI).href;
  try {
    const planFile = parsePlanFile(await fetchText(planUrl));
    if (!planFile.ok) throw new Error(planFile.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    const plan = planFile.plan;
    // Said where the person is (at the bottom of the tracker, in view), not at the top of the page.
    const onReceive = ({ applied, rejected }: { applied: { stream: string }[]; rejected: { reasons: string[] }[] }) => {
      if (applied.length) {
        const here = element.actionId && applied.some((e) => e.stream === element.actionId) ? ', including this action' : '';
        element.notify(`${plural(applied.length, 'change', 'changes')} made in another tab ${applied.length === 1 ? 'is' : 'are'} now shown here${here}.`);
      }
      for (const r of rejected) element.notify(`A change made in another tab did not fit: ${r.reasons.join(' ')}`);
    };
    let opened = await openIdbTracker({ plan });
    if (opened.durable) {
      if (opened.tracker.events().length === 0) {
        // First visit: start from the example history.
        const { events } = parseEventLog(await fetchText(eventsUrl));
        await opened.store.importBackup(stringifyBackup(plan, events));
      }
      // Open again, now listening for other tabs (the import above is not news to this one).
      opened.store.close();
      opened = await openIdbTracker({ plan, onReceive });
    } else {
      const { events } = parseEventLog(await fetchText(eventsUrl));
      opened.tracker.receive(events);
    }
    for (const notice of opened.notices) say(root, notice, 'warning');
    if (opened.durable) say(root, 'Changes you make are kept in this browser: reload the page, or open it in a second tab, to see them.');
    element.tracker = opened.tracker;
    return opened.tracker;
  } catch (error) {
    say(root, `The tracker could not be loaded: ${(error as Error).message}`, 'warning');
    return undefined;
  }
}

/** "Start again": forget what this browser kept and reload from the example history. */
function setUpReset(root: ParentNode, planId: () => string | undefined) {
  const button = root.querySelector<HTMLButtonElement>('#reset-example');
  button?.addEventListener('click', () => {
    const id = planId();
    if (!id) return;
    const request = indexedDB.deleteDatabase(databaseName(id));
    request.onsuccess = request.onerror = request.onblocked = () => location.reload();
  });
}

/** Wires `#person` (a select whose options carry data-agency, data-role and data-can) to the page's tracker. */
export function setUpPersonSwitcher(root: ParentNode = document): void {
  const select = root.querySelector<HTMLSelectElement>('#person');
  const tracker = root.querySelector<PledgeTracker>('pledge-tracker');
  const can = root.querySelector<HTMLElement>('#person-can');
  if (!select || !tracker) return;

  const signIn = () => {
    const option = select.selectedOptions[0];
    if (!option) return;
    const actor: Actor = { userId: option.value, agencyId: option.dataset['agency'] ?? '', role: option.dataset['role'] as Role };
    tracker.actor = actor;
    if (can) can.textContent = option.dataset['can'] ?? '';
    select.dispatchEvent(new PledgeActorChangeEvent(actor));
  };
  select.addEventListener('change', signIn);
  // Lit keeps a property set before the element is defined, but waiting makes the order plain.
  void customElements.whenDefined('pledge-tracker').then(signIn);
}

/** Offers only people the loaded plan knows (the example plan could change). */
function limitPeople(root: ParentNode, tracker: Tracker) {
  const select = root.querySelector<HTMLSelectElement>('#person');
  if (!select) return;
  const people = new Set(tracker.plan.people.map((p) => p.id));
  for (const option of select.options) option.disabled = !people.has(option.value);
}

/** Wires the "Show the promises as children read them" checkbox to the tracker's child-friendly promises view. */
export function setUpChildFriendly(root: ParentNode = document): void {
  const box = root.querySelector<HTMLInputElement>('#child-friendly');
  const tracker = root.querySelector<PledgeTracker>('pledge-tracker');
  if (!box || !tracker) return;
  box.checked = tracker.hasAttribute('child-friendly');
  box.addEventListener('change', () => tracker.toggleAttribute('child-friendly', box.checked));
}

setUpPersonSwitcher();
setUpChildFriendly();
/** Settles once the page's tracker is loaded (tests wait for it). */
export const ready: Promise<Tracker | undefined> = startTracker().then((tracker) => {
  if (tracker) limitPeople(document, tracker);
  return tracker;
});
setUpReset(document, () => document.querySelector<PledgeTracker>('pledge-tracker')?.tracker?.plan.id);
