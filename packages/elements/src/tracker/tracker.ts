import { html, nothing, type PropertyValues } from 'lit';
import { ROLE_LABELS } from '@pledgeflow/core';
import { PledgeErrorEvent, PledgeLoadEvent, type PledgeFilterEvent, type PledgeSelectEvent } from '../shared/events.js';
import { formatDate } from '../shared/format.js';
import { heading, subLevel } from '../shared/heading.js';
import { PledgeElement } from '../shared/pledge-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { trackerStyles } from './tracker.styles.js';
import { TrackerNotices } from './notices.js';
import { loadErrorBox, loadWarningBox, noticesBox, renderView, TRACKER_VIEWS, viewsNav, type TrackerView } from './views.js';
import { LoadProblem, loadPlanFiles } from './load-files.js';
import { refusedList } from './refused-list.js';
import { readRoute, writeRoute, type TrackerRoute } from './tracker-route.js';
import type { TokenProvider, TrackerSync } from './tracker-sync.js';
import { SyncStatusRelay } from './sync-status-relay.js';
import { syncStatusText, type Observable, type RefusedStep, type SyncStatus } from '@pledgeflow/sync';

export { TRACKER_VIEWS, type TrackerView } from './views.js';

/** `./tracker-sync.js`, loaded the first time a tracker is given a `server` (a chunk of its own in pledgeflow.js). */
const loadTrackerSync = () =>
  import('./tracker-sync.js').catch((error: unknown) => {
    throw new Error(
      `The part of the tracker that talks to the server could not be loaded (${String((error as Error)?.message ?? error)}). ` +
        'If you copied pledgeflow.js to your site, copy the pledgeflow-chunks folder beside it too.',
    );
  });

/**
 * The whole tracker for one plan: the promises, the action plan (a list, then one action),
 * what is overdue, the measures and the board's deadlines, with a navigation between them.
 * It loads a plan file (`src`) and its event log (`events`) with `fetch`, or takes a
 * ready `tracker`; the host page says who is signed in by setting `actor`.
 * With `server` and `plan` it loads the plan from a pledgeflow server instead, keeps it in
 * IndexedDB (so it opens offline), and syncs: steps go to the server, and other people's
 * steps arrive within seconds. The host page gives `tokenProvider`, an async function that
 * returns the signed-in person's bearer token (the host does sign-in).
 * The elements it shows are used by tag name, so register them all with
 * `@pledgeflow/elements/define.js` (or the `pledgeflow.js` bundle).
 *
 * @customElement pledge-tracker
 * @summary The whole pledge tracker for one plan, with views for promises, actions, overdue items, measures, deadlines, board meetings and scrutiny recommendations.
 * @attr src - URL of the plan file (`.plan.json`) to load.
 * @attr events - URL of the event log (NDJSON, one event per line) to load with it.
 * @attr server - Address of the pledgeflow server (`https://pledgeflow.eastmere.gov.uk`); with `plan`, used instead of `src` and `events`.
 * @attr plan - The plan's id on the server (`eastmere-2026-28`).
 * @attr view - The view shown: `mine` (the signed-in person's work), `promises`, `actions` (the default), `overdue`, `measures`, `deadlines`, `meetings` (the board's meetings) or `recommendations` (scrutiny recommendations).
 * @attr action-id - In the actions view, the action shown instead of the list.
 * @attr child-friendly - The promises view shows the pledge as children read it (the child-friendly wording, progress in words, "you said, we did").
 * @attr routing - `hash` (the default): the view, the open action and the list's filters are kept in the page's URL hash (`#pledge/actions/ETE-04`), so a link opens the same place and Back and Forward move between places. `off` leaves the URL alone.
 * @attr heading-level - The level of the plan's title heading (2 by default); views use the level below.
 * @attr today - The day to count from, YYYY-MM-DD (UK today by default), passed to every view.
 * @prop {Tracker | undefined} tracker - The tracker shown: the one it loaded, or one the page gives it. With `server`, when the server refuses a step this page had already applied, the element opens the tracker again from the browser store, puts the new one here and then closes the old one, which refuses steps from then on. No event is fired (not `pledge-load` either), so a page that keeps `.tracker` should read it again after a refusal. The old tracker tells its subscribers when it closes, and its `closedReason` is then set.
 * @event {PledgeLoadEvent} pledge-load - The plan and its event log were loaded and a tracker made.
 * @event {PledgeErrorEvent} pledge-error - The plan could not be loaded: `event.message` says why and `event.problems` lists each problem.
 * @event {PledgeStepEvent} pledge-step - From the `<pledge-action>`, `<pledge-evidence-form>`, `<pledge-meetings>` or `<pledge-recommendations>` inside: a person took a step, or tried to (`event.result`). Keep `event.result.event` when `event.result.ok`.
 * @event {PledgeSelectEvent} pledge-select - From the `<pledge-action-list>` or `<pledge-promises>` inside: a person chose an action (the tracker then shows it) or a promise.
 * @csspart header - The plan's title, council and who is signed in.
 * @csspart title - The plan's title.
 * @csspart nav - The navigation between views.
 * @csspart view - The area that shows the current view.
 * @csspart loading - The message while the plan loads: with `server`, on a first load of a large plan, how far it has got ("Loading the plan: 40,000 of 100,000 changes"), announced politely.
 * @csspart problems - The box that lists load errors or events left out.
 * @csspart sync-status - With `server`: the `<pledge-sync-status>` under the title.
 * @csspart refused - With `server`: the box that lists the person's steps the server did not accept, with its reasons.
 * @csspart notices - Notices from `notify()`: kept in view at the bottom of the tracker while the person scrolls, and announced politely.
 * @cssproperty --pledge-color-link - Colour of the navigation links.
 * @cssproperty --pledge-color-border - Colour of the line under the navigation.
 * @cssproperty [--pledge-color-success=#00703c] - In the action view: the box that says a step was taken.
 * @cssproperty [--pledge-color-red=#942514] - Overdue badges in the views: text, shape and border.
 * @cssproperty [--pledge-color-red-background=#f4cdc6] - Overdue badges in the views: background.
 * @cssproperty [--pledge-color-amber=#6e3619] - At risk badges in the views, and the border of load warnings: text, shape and border.
 * @cssproperty [--pledge-color-amber-background=#fcd6c3] - At risk badges in the views: background.
 * @cssproperty [--pledge-color-green=#005a30] - On track badges in the views: text, shape and border.
 * @cssproperty [--pledge-color-green-background=#cce2d8] - On track badges in the views: background.
 * @cssproperty [--pledge-color-blue=#0c2d4a] - Done badges in the views: text, shape and border.
 * @cssproperty [--pledge-color-blue-background=#bbd4ea] - Done badges in the views: background.
 * @cssproperty [--pledge-color-grey=#383f43] - Not active badges in the views: text, shape and border.
 * @cssproperty [--pledge-color-grey-background=#e5e6e7] - Not active badges in the views: background.
 */
export class PledgeTracker extends PledgeElement {
  static override styles = [tokens, trackerStyles];
  static override properties = {
    ...PledgeElement.properties,
    src: { type: String },
    events: { type: String },
    server: { type: String },
    plan: { type: String },
    tokenProvider: { attribute: false },
    refusedSteps: { state: true },
    view: { type: String, reflect: true },
    actionId: { type: String, attribute: 'action-id', reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    routing: { type: String },
    childFriendly: { type: Boolean, attribute: 'child-friendly', reflect: true },
    filters: { attribute: false },
    loading: { state: true },
    loadProgress: { state: true },
    loadError: { state: true },
    loadWarnings: { state: true },
  };

  /** URL of the plan file. */
  declare src: string | undefined;
  /** URL of the event log (NDJSON). */
  declare events: string | undefined;
  /** The pledgeflow server's address. */
  declare server: string | undefined;
  /** The plan's id on the server. */
  declare plan: string | undefined;
  /** Gives the signed-in person's bearer token for the server; set by the host page, which does sign-in. */
  declare tokenProvider: TokenProvider | undefined;
  declare protected refusedSteps: readonly RefusedStep[];
  /** The view shown. */
  declare view: TrackerView;
  /** The action open in the actions view; the list when undefined. */
  declare actionId: string | undefined;
  /** The level of the plan's title heading (1 to 6). */
  declare headingLevel: number | undefined;
  /** The promises view in the children's own words. */
  declare childFriendly: boolean;
  /** `hash` keeps where the person is in the URL hash; `off` leaves the URL alone. */
  declare routing: 'hash' | 'off';
  /** The action list's filters and sort, by attribute name (`{ workstream: 'ete' }`). */
  declare filters: Readonly<Record<string, string>>;
  declare protected loading: boolean;
  /** With `server`, on a first load of a large plan: how far it has got, in words. */
  declare protected loadProgress: string | undefined;
  #progressShownAt = 0;
  declare protected loadError: { message: string; problems: string[] } | undefined;
  declare protected loadWarnings: { intro: string; problems: string[] }[];
  readonly #notices = new TrackerNotices(this);

  #abort: AbortController | undefined;
  #sync: TrackerSync | undefined;
  readonly #syncStatus = new SyncStatusRelay();
  /** With `server`: where the person's changes are, for a `<pledge-sync-status>` elsewhere on the page (`.source`). */
  get syncStatus(): Observable<SyncStatus> {
    return this.#syncStatus;
  }
  /** With `server`: push and pull now (say, after the host signed the person in again). */
  syncNow(): void {
    this.#sync?.syncNow();
  }
  /** Resolves when the latest load has finished (for hosts and tests that need to wait). */
  loaded: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.view = 'actions';
    this.routing = 'hash';
    this.childFriendly = false;
    this.filters = {};
    this.loading = false;
    this.loadWarnings = [];
    this.refusedSteps = [];
  }

  /**
   * Says something to the person where they are, not at the top of the page: a notice kept in
   * view at the bottom of the tracker while they scroll, and read out politely by screen
   * readers (a change made in another tab, say). The last three are kept until dismissed.
   */
  notify(text: string): void {
    this.#notices.notify(text);
  }

  // The views re-render themselves on changes; the frame around them does not need to.
  protected override watchedStreams(): readonly string[] {
    return [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onLocation);
    window.addEventListener('hashchange', this.#onLocation);
    // A link to a place in the tracker opens that place.
    if (this.routing !== 'off') this.#applyRoute(readRoute(location.hash), false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#closeSync();
    window.removeEventListener('popstate', this.#onLocation);
    window.removeEventListener('hashchange', this.#onLocation);
  }

  /** Where the person is now, as a route. */
  get route(): TrackerRoute {
    return { view: this.view, ...(this.view === 'actions' && this.actionId ? { actionId: this.actionId } : {}), filters: this.view === 'actions' ? this.filters : {} };
  }

  /** Back, Forward, or a link to another place in the tracker: show that place. */
  #onLocation = () => {
    if (this.routing === 'off') return;
    void this.#applyRoute(readRoute(location.hash), true);
  };

  async #applyRoute(route: TrackerRoute | undefined, moveFocus: boolean) {
    if (!route || writeRoute(route) === writeRoute(this.route)) return;
    const wasAction = this.actionId;
    this.view = (TRACKER_VIEWS as readonly string[]).includes(route.view) ? (route.view as TrackerView) : 'actions';
    this.actionId = this.view === 'actions' ? route.actionId : undefined;
    if (this.view === 'actions') this.filters = route.filters;
    if (!moveFocus) return;
    // Keyboard users land where they were: on the action's title, or on its row in the list.
    await this.updateComplete;
    if (this.actionId) await this.#focusAction();
    else if (wasAction && this.view === 'actions') await this.#focusRow(wasAction);
    else this.renderRoot.querySelector<HTMLElement>('nav [aria-current="page"]')?.focus();
  }

  /** Writes where the person is into the URL: a new history entry, so Back returns here. */
  #writeRoute() {
    if (this.routing === 'off' || !this.isConnected) return;
    const hash = writeRoute(this.route);
    if (hash !== location.hash) history.pushState(history.state, '', hash);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The first render shows what the URL (or the host) asked for: nothing to write yet.
    if (!this.#rendered) {
      this.#rendered = true;
      return;
    }
    if (changed.has('view') || changed.has('actionId') || changed.has('filters')) this.#writeRoute();
  }

  #rendered = false;

  #onFilter(event: PledgeFilterEvent) {
    this.filters = event.filters;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Started here, not in updated(): its first property changes then join this update.
    const fromServer = !!(this.server && this.plan);
    if (fromServer && (changed.has('server') || changed.has('plan') || changed.has('tokenProvider') || (changed.has('actor') && (changed.get('actor') as { userId?: string } | undefined)?.userId !== this.actor?.userId))) {
      this.loaded = this.#loadFromServer(this.server!, this.plan!);
    } else if (!fromServer && (changed.has('src') || changed.has('events')) && this.src) this.loaded = this.#load(this.src, this.events);
    super.willUpdate(changed);
  }

  async #load(src: string, events: string | undefined): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.loading = true;
    this.loadError = undefined;
    this.loadWarnings = [];
    try {
      const { tracker, warnings } = await loadPlanFiles(src, events, abort.signal, this.m);
      if (abort.signal.aborted) return;
      this.loadWarnings = warnings;
      this.tracker = tracker;
      this.loading = false;
      this.dispatchEvent(new PledgeLoadEvent());
    } catch (error) {
      if (abort.signal.aborted) return;
      const problem = error instanceof LoadProblem ? error : new LoadProblem(this.m.networkProblem(src, String((error as Error)?.message ?? error)));
      this.loading = false;
      this.loadError = { message: problem.message, problems: problem.problems };
      this.dispatchEvent(new PledgeErrorEvent(problem.message, problem.problems));
    }
  }

  /** The plan from the server (or the copy kept here), its events from IndexedDB, then sync. */
  async #loadFromServer(server: string, planId: string): Promise<void> {
    this.#abort?.abort();
    this.#closeSync();
    const abort = (this.#abort = new AbortController());
    if (!this.tokenProvider) return; // the host has not signed anyone in yet
    const provider = this.tokenProvider;
    this.loading = true;
    this.loadError = undefined;
    this.loadWarnings = [];
    this.refusedSteps = [];
    this.loadProgress = undefined;
    let stopProgress = () => {};
    try {
      // The sync client and the IndexedDB store come only to pages that set `server`.
      const { TrackerSync } = await loadTrackerSync();
      if (abort.signal.aborted) return;
      // One database per person: an outbox holds only its author's steps.
      const sync = (this.#sync = new TrackerSync(server, planId, () => provider(), this.actor?.userId));
      this.#syncStatus.follow(sync.status);
      sync.refused.subscribe((steps) => (this.refusedSteps = steps));
      sync.onReopen = (tracker) => (this.tracker = tracker);
      stopProgress = sync.status.subscribe((status) => this.#showProgress(status));
      const plan = await sync.loadPlan(abort.signal);
      if (abort.signal.aborted) return;
      const { tracker, notices } = await sync.open(plan, abort.signal);
      if (abort.signal.aborted) {
        sync.close();
        return;
      }
      this.loadProgress = undefined;
      this.loadWarnings = notices.length ? [{ intro: notices[0]!, problems: notices.slice(1) }] : [];
      this.tracker = tracker;
      this.loading = false;
      this.dispatchEvent(new PledgeLoadEvent());
    } catch (error) {
      if (abort.signal.aborted) return;
      const problem = { message: String((error as Error)?.message ?? error), problems: [] as string[] };
      this.loading = false;
      this.loadError = problem;
      this.dispatchEvent(new PledgeErrorEvent(problem.message, problem.problems));
    } finally {
      stopProgress();
    }
  }

  /**
   * A first load of a large plan says how far it has got ("Loading the plan: 40,000 of
   * 100,000 changes"), at most once a second so that screen readers are not flooded.
   */
  #showProgress(status: SyncStatus) {
    if (status.state !== 'loading' || !status.head) return;
    const now = performance.now();
    if (this.loadProgress && now - this.#progressShownAt < 1000) return;
    this.#progressShownAt = now;
    this.loadProgress = syncStatusText(status);
  }

  #closeSync() {
    this.#sync?.close();
    this.#sync = undefined;
  }

  #show(view: TrackerView) {
    this.view = view;
    if (view === 'actions') this.actionId = undefined;
  }

  async #onSelect(event: PledgeSelectEvent) {
    if (event.kind !== 'action') return;
    this.view = 'actions';
    this.actionId = event.id;
    await this.updateComplete;
    await this.#focusAction();
  }

  async #focusAction() {
    const action = this.renderRoot.querySelector('pledge-action') as (HTMLElement & { updateComplete: Promise<unknown>; focusTitle(): void }) | null;
    await action?.updateComplete;
    action?.focusTitle();
  }

  async #focusRow(id: string) {
    const list = this.renderRoot.querySelector('pledge-action-list') as (HTMLElement & { updateComplete: Promise<unknown>; focusAction(id: string): boolean }) | null;
    await list?.updateComplete;
    list?.focusAction(id);
  }

  async #back() {
    const id = this.actionId;
    this.actionId = undefined;
    await this.updateComplete;
    if (id) await this.#focusRow(id);
  }

  override render() {
    const m = this.m;
    if (this.loadError) return loadErrorBox(m.loadFailed, this.loadError);
    if (this.loading) return html`<p role="status" part="loading">${this.loadProgress ?? m.loading}</p>`;
    const tracker = this.tracker;
    if (!tracker) return html`<p>${this.src ? m.loading : m.noSource}</p>`;
    const plan = tracker.plan;
    const person = this.actor ? plan.people.find((p) => p.id === this.actor!.userId) : undefined;
    const view = (TRACKER_VIEWS as readonly string[]).includes(this.view) ? this.view : 'actions';
    return html`
      <header part="header">
        ${heading(this.headingLevel, 'title', plan.title)}
        <p class="period">${m.planPeriod(plan.council, formatDate(plan.period.start), formatDate(plan.period.end))}</p>
        <p class="signed-in">${this.actor ? m.signedInAs(person?.name ?? this.actor.userId, ROLE_LABELS[this.actor.role] ?? this.actor.role) : m.notSignedIn}</p>
        ${this.#sync ? html`<pledge-sync-status part="sync-status" .source=${this.#syncStatus}></pledge-sync-status>` : nothing}
      </header>
      ${this.tracker && this.refusedSteps.length ? refusedList(this.tracker, this.refusedSteps, (id) => this.#openItem(id)) : nothing}
      ${this.loadWarnings.map(loadWarningBox)}
      ${viewsNav(view, m, (v) => this.#show(v))}
      <div class="view" part="view" @pledge-select=${this.#onSelect} @pledge-filter=${this.#onFilter}>${renderView(view, this, subLevel(this.headingLevel), m.back, () => this.#back())}</div>
      ${noticesBox(this.#notices.list, m, (id) => this.#notices.dismiss(id))}
    `;
  }

  async #openItem(stream: string) {
    if (!this.tracker?.getAction(stream)) return;
    this.view = 'actions';
    this.actionId = stream;
    await this.updateComplete;
    await this.#focusAction();
  }
}
