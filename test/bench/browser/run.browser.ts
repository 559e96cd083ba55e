// The Chromium half of `npm run bench`, bundled by scripts/bench.js and driven by ./driver.ts.
// Each scenario is timed against its baseline in this same page, alternating, as medians of
// repeated runs; only numbers go back to Node (through `window.__bench`). Nothing here is a test.
import '@pledgeflow/elements/define.js';
import { defaultMessages, type PledgeActionList } from '@pledgeflow/elements';
import { createEventId, createTracker, type Brag, type EventInput, type ItemSnapshot, type Plan, type PledgeEvent, type Tracker } from '@pledgeflow/core';
import { databaseName, DB_VERSION, openIdbStore, openIdbTracker } from '@pledgeflow/store-idb';
import { bragOf } from '../../../packages/elements/src/shared/brag-cache.js';
import { formatDate } from '../../../packages/elements/src/shared/format.js';
import { planNames } from '../../../packages/elements/src/shared/plan-names.js';

export interface BrowserMeasure {
  name: string;
  unit: string;
  value: number;
  baseline: number;
  note?: string;
  /** Extra checks the goal needs besides the ratio (update-1-row: mutations only in that row). */
  checks?: Record<string, boolean>;
  details?: Record<string, unknown>;
}

interface Data { plan: Plan; events: PledgeEvent[]; snapshots: ItemSnapshot[] }

/** The day the lists count from: fixed, so that statuses (and so the DOM) are the same every run. */
const TODAY = '2026-12-01';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const frame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let data: Data | undefined;
async function load(): Promise<Data> {
  if (!data) data = (await (await fetch('/data.json')).json()) as Data;
  return data;
}

/** The first 1,000 items of the plan, with their events and snapshots: the same data, half the plan. */
function firstItems(d: Data, n: number): Data {
  const ids = new Set(d.plan.actions.slice(0, n).map((a) => a.id));
  return {
    plan: { ...d.plan, actions: d.plan.actions.filter((a) => ids.has(a.id)) },
    events: d.events.filter((e) => ids.has(e.stream)),
    snapshots: d.snapshots.filter((s) => ids.has(s.stream) || s.kind === 'promise'),
  };
}

function readyTracker(d: Data): Tracker {
  const t = createTracker({ plan: d.plan, events: d.events, snapshots: d.snapshots });
  if (t.rejected.length || t.rebuilt.length) throw new Error(`bench data did not load cleanly: ${t.rejected.length} refused, ${t.rebuilt.length} rebuilt`);
  return t;
}

// ---------------------------------------------------------------------------------------
// idb-open-100k: openIdbTracker on a filled database, against plain IndexedDB getAll.

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}
function openRaw(name: string): Promise<IDBDatabase> {
  return request(indexedDB.open(name, DB_VERSION));
}

/** Plain IndexedDB, no library: open, one getAll per object store in one transaction, close. */
async function rawGetAll(name: string): Promise<number> {
  const db = await openRaw(name);
  const tx = db.transaction(['events', 'snapshots'], 'readonly');
  const [events, snapshots] = await Promise.all([request(tx.objectStore('events').getAll()), request(tx.objectStore('snapshots').getAll())]);
  db.close();
  return events.length + snapshots.length;
}

async function idbOpen(runs: number): Promise<BrowserMeasure> {
  const d = await load();
  const name = databaseName(d.plan.id);
  await request(indexedDB.deleteDatabase(name) as IDBRequest<unknown>);
  // The store makes the layout; the data goes in with plain puts (not timed).
  (await openIdbStore({ planId: d.plan.id, BroadcastChannel: null })).close();
  const db = await openRaw(name);
  const tx = db.transaction(['events', 'snapshots'], 'readwrite', { durability: 'relaxed' });
  for (const e of d.events) tx.objectStore('events').put(e);
  for (const s of d.snapshots) tx.objectStore('snapshots').put(s);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
  db.close();

  const subject = async () => {
    const opened = await openIdbTracker({ plan: d.plan });
    if (opened.durable) opened.store.close();
    const ok = opened.durable && !opened.notices.length && !opened.tracker.rebuilt.length && opened.tracker.actions().length === d.plan.actions.length;
    if (!ok) throw new Error(`openIdbTracker did not open the bench data cleanly: ${opened.notices.join(' ')}`);
  };
  const baseline = async () => {
    const n = await rawGetAll(name);
    if (n !== d.events.length + d.snapshots.length) throw new Error(`getAll read ${n} records`);
  };
  const a: number[] = [];
  const b: number[] = [];
  await subject();
  await baseline();
  for (let i = 0; i < runs; i++) {
    // Which goes first alternates, so that neither always reads a database the other just warmed.
    const pair = [[subject, a], [baseline, b]] as const;
    for (const [fn, out] of i % 2 ? [...pair].reverse() : pair) {
      gc();
      await frame();
      const t0 = performance.now();
      await fn();
      out.push(performance.now() - t0);
    }
  }
  await request(indexedDB.deleteDatabase(name) as IDBRequest<unknown>);
  return {
    name: 'idb-open-100k', unit: 'ms', value: median(a), baseline: median(b),
    note: `openIdbTracker (open, one getAll each of ${d.events.length.toLocaleString('en-GB')} events and ${d.snapshots.length.toLocaleString('en-GB')} snapshots, tracker ready) against open + the same two getAll in plain IndexedDB`,
  };
}

// ---------------------------------------------------------------------------------------
// A vanilla-DOM table of the same rows as <pledge-action-list>: the same cells, words and
// badge, built with createElement and textContent; updated one row at a time.

const SHAPES: Record<Brag, string> = {
  red: '<polygon points="5,0 11,0 16,5 16,11 11,16 5,16 0,11 0,5" />',
  amber: '<polygon points="8,0 16,16 0,16" />',
  green: '<circle cx="8" cy="8" r="8" />',
  blue: '<path d="M1 8.5 6 13.5 15 3" fill="none" stroke="currentColor" stroke-width="3" />',
  grey: '<rect x="0" y="6" width="16" height="4" />',
};
const COLUMNS = ['title', 'workstream', 'leadAgency', 'owner', 'dueDate', 'state', 'status'] as const;
const SVG = 'http://www.w3.org/2000/svg';
const shapeCache = new Map<Brag, Element>();
function shape(status: Brag): Node {
  let node = shapeCache.get(status);
  if (!node) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.innerHTML = SHAPES[status];
    node = svg.firstElementChild!;
    shapeCache.set(status, node);
  }
  return node.cloneNode(true);
}

interface VanillaRow { tr: HTMLTableRowElement; state: HTMLTableCellElement; badge: HTMLSpanElement; svg: SVGSVGElement; word: Text; status: Brag }

class VanillaTable {
  readonly table = document.createElement('table');
  readonly rows = new Map<string, VanillaRow>();
  constructor(private readonly tracker: Tracker) {
    const m = defaultMessages;
    const caption = this.table.createCaption();
    caption.textContent = m.actionsCaption;
    const head = this.table.createTHead().insertRow();
    for (const c of COLUMNS) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.className = c;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = m.columns[c] ?? c;
      th.append(button);
      head.append(th);
    }
    const body = this.table.createTBody();
    const names = planNames(tracker.plan);
    const cell = (tr: HTMLTableRowElement, text: string | undefined) => {
      const td = document.createElement('td');
      td.textContent = text ?? '';
      tr.append(td);
      return td;
    };
    const muted = (text: string) => {
      const span = document.createElement('span');
      span.className = 'muted';
      span.textContent = text;
      return span;
    };
    for (const action of tracker.state().actions) {
      const brag = bragOf(action, TODAY, tracker.plan.brag);
      const tr = document.createElement('tr');
      tr.dataset['id'] = action.id;
      const th = document.createElement('th');
      th.scope = 'row';
      th.className = 'title';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.dataset['id'] = action.id;
      button.textContent = action.title;
      const id = document.createElement('span');
      id.className = 'id';
      id.textContent = action.id;
      th.append(button, id);
      tr.append(th);
      cell(tr, names.workstream(action.workstream));
      cell(tr, names.agency(action.leadAgency));
      if (action.owner) cell(tr, names.person(action.owner));
      else cell(tr, undefined).append(muted(m.noOwner));
      const due = cell(tr, undefined);
      due.className = 'due';
      if (action.dueDate) {
        const time = document.createElement('time');
        time.dateTime = action.dueDate;
        time.textContent = formatDate(action.dueDate);
        due.append(time);
      } else due.append(muted(m.none));
      const state = cell(tr, m.states[action.state] ?? action.state);
      const badge = document.createElement('span');
      badge.className = `badge ${brag.status}`;
      const svg = document.createElementNS(SVG, 'svg');
      svg.setAttribute('viewBox', '0 0 16 16');
      svg.setAttribute('aria-hidden', 'true');
      svg.setAttribute('fill', 'currentColor');
      svg.append(shape(brag.status));
      const word = document.createTextNode(m.brag[brag.status] ?? brag.status);
      badge.append(svg, word);
      cell(tr, undefined).append(badge);
      body.append(tr);
      this.rows.set(action.id, { tr, state, badge, svg, word, status: brag.status });
    }
  }

  /** Brings one row up to date with its action: only what differs is touched. */
  update(id: string): void {
    const row = this.rows.get(id);
    const action = this.tracker.getAction(id);
    if (!row || !action) return;
    const m = defaultMessages;
    const state = m.states[action.state] ?? action.state;
    if (row.state.textContent !== state) row.state.textContent = state;
    const status = bragOf(action, TODAY, this.tracker.plan.brag).status;
    if (status !== row.status) {
      row.status = status;
      row.badge.className = `badge ${status}`;
      row.svg.replaceChildren(shape(status));
      row.word.data = m.brag[status] ?? status;
    }
  }
}

// ---------------------------------------------------------------------------------------
// render-1k-rows and update-1-row

function stage(): HTMLElement {
  const div = document.createElement('div');
  document.body.append(div);
  return div;
}

/** The element's update and those of the status badges it set: the DOM is then what it shows. */
async function settled(list: PledgeActionList, rows?: Iterable<Element>): Promise<void> {
  await list.updateComplete;
  const statuses = rows ? [...rows].flatMap((r) => [...r.querySelectorAll('pledge-status')]) : [...list.renderRoot.querySelectorAll('pledge-status')];
  await Promise.all(statuses.map((s) => (s as unknown as { updateComplete: Promise<boolean> }).updateComplete));
}

async function renderList(tracker: Tracker, into: HTMLElement): Promise<PledgeActionList> {
  const list = document.createElement('pledge-action-list');
  list.today = TODAY;
  list.tracker = tracker;
  into.append(list);
  await settled(list);
  return list;
}

async function render(runs: number): Promise<BrowserMeasure> {
  const d = firstItems(await load(), 1000);
  const tracker = readyTracker(d);
  tracker.state(); // both sides read the same cached state
  const a: number[] = [];
  const b: number[] = [];
  const aLaidOut: number[] = [];
  const bLaidOut: number[] = [];
  let rows = 0;
  const subject = async (into: HTMLElement) => {
    const list = await renderList(tracker, into);
    rows = list.renderRoot.querySelectorAll('tbody tr').length;
  };
  const baseline = async (into: HTMLElement) => {
    into.append(new VanillaTable(tracker).table);
  };
  for (let i = -1; i < runs; i++) {
    const pair = [[subject, a, aLaidOut], [baseline, b, bLaidOut]] as const;
    for (const [fn, out, laidOut] of i % 2 ? [...pair].reverse() : pair) {
      const into = stage();
      gc();
      await frame();
      const t0 = performance.now();
      await fn(into);
      const t1 = performance.now();
      void into.offsetHeight; // style and layout, for the note
      const t2 = performance.now();
      if (i >= 0) {
        out.push(t1 - t0);
        laidOut.push(t2 - t0);
      }
      into.remove();
    }
  }
  if (rows !== 1000) throw new Error(`<pledge-action-list> rendered ${rows} rows, not 1,000`);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    name: 'render-1k-rows', unit: 'ms', value: median(a), baseline: median(b),
    note: `to the rendered DOM (updateComplete of the list; status badges are drawn in its rows) against createElement/textContent; with style and layout: ${r(median(aLaidOut))} ms against ${r(median(bLaidOut))} ms`,
    details: { withLayout: { value: median(aLaidOut), baseline: median(bLaidOut) } },
  };
}

/** Which row (data-id) a mutation was in, looking out of <pledge-status> shadow roots. */
function rowOf(node: Node): string | undefined {
  let el: Element | null = node instanceof Element ? node : node.parentElement;
  for (;;) {
    const tr = el?.closest('tr[data-id]');
    if (tr) return (tr as HTMLElement).dataset['id'];
    const root = el?.getRootNode();
    if (root instanceof ShadowRoot && root.host.localName === 'pledge-status') el = root.host;
    else return undefined;
  }
}

async function update(runs: number, perSample = 10): Promise<BrowserMeasure> {
  const d = firstItems(await load(), 1000);
  const forList = readyTracker(d);
  const forVanilla = readyTracker(d);
  const target = forList.actions().find((a) => a.state === 'inProgress' && forList.getAction(a.id));
  if (!target) throw new Error('no item in progress to change');
  const id = target.id;

  const listStage = stage();
  const list = await renderList(forList, listStage);
  const vanillaStage = stage();
  const vanilla = new VanillaTable(forVanilla);
  vanillaStage.append(vanilla.table);
  forVanilla.subscribe((change) => {
    for (const s of change.streams) vanilla.update(s);
  });

  // Flag a risk, clear it, flag it...: the item's state (and its status badge) changes every step.
  let at = Date.parse(d.events.reduce((max, e) => (e.at > max ? e.at : max), d.events[0]!.at));
  const actor = { userId: 'editor', agencyId: 'ag0', role: 'plan-editor' as const };
  let n = 0;
  const next = (): EventInput => {
    at += 1000;
    const i = n++;
    const flag = forList.getAction(id)!.state !== 'atRisk';
    return {
      id: createEventId(at, () => Uint8Array.from({ length: 16 }, (_, k) => (i * 31 + k * 7) % 256)),
      stream: id, type: flag ? 'action.flag-risk' : 'action.clear-risk', data: flag ? { reason: 'Staffing gap.' } : {}, actor, at: new Date(at).toISOString(),
    } as EventInput;
  };

  // Every shadow root the list shows: its own and each badge's. Records delivered to the
  // callback (at a microtask checkpoint, while awaiting the update) are kept for `drain`.
  const delivered: MutationRecord[] = [];
  const observer = new MutationObserver((records) => delivered.push(...records));
  const drain = () => [...delivered.splice(0), ...observer.takeRecords()];
  const options = { subtree: true, childList: true, attributes: true, characterData: true };
  observer.observe(list.renderRoot, options);
  for (const s of list.renderRoot.querySelectorAll('pledge-status')) observer.observe(s.shadowRoot!, options);
  const vanillaObserver = new MutationObserver(() => {});
  vanillaObserver.observe(vanilla.table, options);
  const mutations = { list: { inRow: 0, elsewhere: 0, steps: 0 }, vanilla: { inRow: 0, elsewhere: 0, steps: 0 } };
  const elsewhere = new Set<string>();
  const count = (records: MutationRecord[], into: { inRow: number; elsewhere: number; steps: number }) => {
    into.steps++;
    for (const r of records) {
      if (rowOf(r.target) === id) into.inRow++;
      else {
        into.elsewhere++;
        if (elsewhere.size < 5) elsewhere.add(`${r.type} on ${(r.target as Element).localName ?? r.target.nodeName} in ${rowOf(r.target) ?? 'no row'}`);
      }
    }
  };
  const row = () => [list.renderRoot.querySelector(`tr[data-id="${id}"]`)!];

  // Time each side, but bring the other side along afterwards, untimed: both always show the same.
  const sample = async (side: 'list' | 'vanilla') => {
    let total = 0;
    for (let k = 0; k < perSample; k++) {
      const t0 = performance.now();
      const e = next();
      if (side === 'list') {
        const r = forList.send(e);
        if (!r.ok) throw new Error(`refused: ${r.reasons.join(' ')}`);
        await settled(list, row());
        total += performance.now() - t0;
        count(drain(), mutations.list);
        forVanilla.send(e);
        vanillaObserver.takeRecords();
      } else {
        const r = forVanilla.send(e);
        if (!r.ok) throw new Error(`refused: ${r.reasons.join(' ')}`);
        total += performance.now() - t0;
        count(vanillaObserver.takeRecords(), mutations.vanilla);
        forList.send(e);
        await settled(list, row());
        drain();
      }
    }
    return total / perSample;
  };
  await sample('list');
  await sample('vanilla');
  mutations.list = { inRow: 0, elsewhere: 0, steps: 0 };
  mutations.vanilla = { inRow: 0, elsewhere: 0, steps: 0 };
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    await frame();
    a.push(await sample('list'));
    gc();
    await frame();
    b.push(await sample('vanilla'));
  }
  // The send() both sides include, on its own.
  const sendOnly: number[] = [];
  for (let i = 0; i < perSample; i++) {
    const e = next();
    const t0 = performance.now();
    forVanilla.send(e);
    sendOnly.push(performance.now() - t0);
    forList.send(e);
    await settled(list, row());
  }
  observer.disconnect();
  vanillaObserver.disconnect();
  const shownState = list.renderRoot.querySelector(`tr[data-id="${id}"] td:nth-of-type(5)`)?.textContent;
  const expected = defaultMessages.states[forList.getAction(id)!.state];
  listStage.remove();
  vanillaStage.remove();
  if (shownState !== expected) throw new Error(`the list shows "${shownState}" for ${id}, not "${expected}"`);
  const onlyThatRow = mutations.list.elsewhere === 0 && mutations.list.inRow > 0;
  const per = (x: { inRow: number; elsewhere: number; steps: number }) => `${Math.round((x.inRow / x.steps) * 10) / 10} in the row, ${Math.round((x.elsewhere / x.steps) * 10) / 10} elsewhere`;
  return {
    name: 'update-1-row', unit: 'ms', value: median(a), baseline: median(b),
    note: `send() of a state change on ${id} to the updated DOM (list and that row's badge) against send() plus a vanilla update of the row; send() alone ${Math.round(median(sendOnly) * 1000) / 1000} ms. Mutations per step: list ${per(mutations.list)}${elsewhere.size ? ` (${[...elsewhere].join('; ')})` : ''}; vanilla ${per(mutations.vanilla)}`,
    checks: { mutationsOnlyInThatRow: onlyThatRow },
    details: { perSample, sendOnly: median(sendOnly), mutations },
  };
}

const bench = { load: async () => (await load()).events.length, idbOpen, render, update };
(window as unknown as { __bench: typeof bench }).__bench = bench;
