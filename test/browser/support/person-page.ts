// One person's intranet page for the browser sync suite (opened by sync-server-plugin.js in a
// browser context of its own): `<pledge-tracker server plan>` with a tokenProvider from the
// development sign-in, and a `<pledge-sync-status>` following it, as a host page has them.
// `window.person` is what the test reads and does, always through what the page shows.
import 'axe-core';
import type { PledgeSyncStatus, PledgeTracker } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import type { Actor } from '@pledgeflow/core';

const params = new URL(location.href).searchParams;
const server = params.get('server')!;
const planId = params.get('plan')!;
const personId = params.get('person')!;
let tokenMode = params.get('token') ?? 'good';
let signIns = 0;

const tracker = document.querySelector<PledgeTracker>('pledge-tracker')!;
const status = document.querySelector<PledgeSyncStatus>('pledge-sync-status')!;

/** A token from the server's development sign-in, as the host page's own sign-in would give. */
async function signIn(): Promise<string> {
  const res = await fetch(`${server}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: personId }) });
  if (!res.ok) throw new Error(`sign-in as ${personId}: ${res.status}`);
  signIns++;
  return ((await res.json()) as { token: string }).token;
}

/** A token that has run out: a real one whose `exp` is in the past (so its signature no longer holds either). */
async function expiredToken(): Promise<string> {
  const [head, body, signature] = (await signIn()).split('.');
  const claims = JSON.parse(atob(body!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  const past = btoa(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) - 3600 })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${head}.${past}.${signature}`;
}

/** Text as a person sees it: through shadow roots, leaving out what is hidden. */
function seen(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element || node instanceof ShadowRoot || node instanceof DocumentFragment)) return '';
  if (node instanceof Element && (node.hasAttribute('hidden') || ['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName))) return '';
  const inside = node instanceof Element && node.shadowRoot ? seen(node.shadowRoot) : '';
  const children = [...(node instanceof HTMLSlotElement ? node.assignedNodes({ flatten: true }) : []), ...node.childNodes].map(seen).join(' ');
  return `${inside} ${children}`.replace(/\s+/g, ' ').trim();
}

/** The example plan's people, read as the page starts. */
let people: { id: string; agency: string; role: string }[] = [];

/** A step on the page's tracker, as the action view takes it: its id, or why not. */
function take(actor: Actor, stream: string, type: string, data?: Record<string, unknown>) {
  const result = tracker.tracker!.step(actor, { stream, type: type as never, ...(data ? { data } : {}) });
  return result.ok ? { ok: true, id: result.event.id } : { ok: false, reasons: result.reasons };
}

const trackerPart = (part: string) => tracker.shadowRoot?.querySelector(`[part~="${part}"]`) ?? null;
const statusRegion = () => status.shadowRoot?.querySelector('[part="status"]') ?? null;

const person = {
  ready: false,
  failed: '' as string,
  /** How many times the page asked the server's sign-in for a token. */
  signIns: () => signIns,
  /** The words of the page's `<pledge-sync-status>`, and how it is announced. */
  status: () => {
    const region = statusRegion();
    return { text: region?.textContent?.trim() ?? '', role: region?.getAttribute('role'), live: region?.getAttribute('aria-live'), inTracker: seen(trackerPart('sync-status') ?? document.createTextNode('')) };
  },
  onLine: () => navigator.onLine,
  /** A step as the action view takes it (`tracker.step()` with the signed-in person). */
  step: (stream: string, type: string, data?: Record<string, unknown>) => take(tracker.actor!, stream, type, data),
  /**
   * A step this page takes in someone else's name (`userId`, with their agency and role from the
   * plan): the page's tracker takes it, and the server refuses it, the token being this person's.
   */
  stepAs: (userId: string, stream: string, type: string, data?: Record<string, unknown>) => {
    const entry = people.find((p) => p.id === userId);
    if (!entry) throw new Error(`no person ${userId} in the example plan`);
    return take({ userId: entry.id, agencyId: entry.agency, role: entry.role } as Actor, stream, type, data);
  },
  /** Opens an action and puts focus on its title, as the tracker does when a person chooses it. */
  focusAction: async (stream: string) => {
    await person.item(stream);
    const action = tracker.shadowRoot!.querySelector('pledge-action') as (HTMLElement & { focusTitle(): void }) | null;
    action?.focusTitle();
  },
  /** Where the person is: the tracker's view and open action, and what has focus (through shadow roots). */
  place: () => {
    let focused = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    return { view: tracker.view, actionId: tracker.actionId ?? null, focused: focused && focused !== document.body ? `${focused.tagName.toLowerCase()}: ${seen(focused)}` : '' };
  },
  /** Opens an action, as a person choosing it in the list, and gives what its page says. */
  item: async (stream: string) => {
    if (tracker.view !== 'actions' || tracker.actionId !== stream) {
      tracker.view = 'actions';
      tracker.actionId = stream;
      await tracker.updateComplete;
    }
    const action = tracker.shadowRoot!.querySelector('pledge-action') as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
    await action?.updateComplete;
    return action ? seen(action) : '';
  },
  /** An action's history as its page lists it (opens the action). */
  history: async (stream: string) => {
    await person.item(stream);
    const list = tracker.shadowRoot!.querySelector('pledge-action')?.shadowRoot?.querySelector('[part="history"]');
    return list ? seen(list) : '';
  },
  /** The box listing this person's steps the server did not accept ('' when there is none). */
  refused: () => {
    const box = trackerPart('refused');
    return box ? { text: seen(box), role: box.getAttribute('role') } : { text: '', role: null };
  },
  /** Every event id the page's tracker has applied. */
  eventIds: () => tracker.tracker?.events().map((e) => e.id) ?? [],
  /** axe over the whole page (WCAG 2.2 AA), each violation described. */
  axe: async () => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  },
  /** 'good' or 'expired': what the host's tokenProvider gives from now on. */
  setToken: (mode: string) => void (tokenMode = mode),
  /** The host page has signed the person in again: send what waits. */
  syncNow: () => tracker.syncNow(),
};

declare global {
  interface Window {
    person: typeof person;
    axe: typeof import('axe-core');
  }
}
window.person = person;

try {
  const plan = (await (await fetch('/examples/plans/eastmere.plan.json')).json()) as { people: { id: string; agency: string; role: string }[] };
  people = plan.people;
  const entry = plan.people.find((p) => p.id === personId);
  if (!entry) throw new Error(`no person ${personId} in the example plan`);
  tracker.actor = { userId: entry.id, agencyId: entry.agency, role: entry.role } as Actor;
  tracker.tokenProvider = () => (tokenMode === 'expired' ? expiredToken() : signIn());
  tracker.server = server;
  tracker.plan = planId;
  status.source = tracker.syncStatus;
  await tracker.updateComplete;
  await tracker.loaded;
  if (!tracker.tracker) throw new Error(seen(tracker.shadowRoot!) || 'the tracker did not load');
  person.ready = true;
} catch (error) {
  person.failed = String((error as Error)?.message ?? error);
}
