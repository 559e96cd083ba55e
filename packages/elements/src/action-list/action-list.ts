import { html, nothing, svg, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ACTION_STATES, amberReason, BRAG_WORST_FIRST, isOpen, type ActionView, type Brag, type Tracker, type TrackerChange } from '@pledgeflow/core';
import { bragOf } from '../shared/brag-cache.js';
import { PledgeFilterEvent, PledgeSelectEvent } from '../shared/events.js';
import { PledgeElement } from '../shared/pledge-element.js';
import { planNames, type PlanNames } from '../shared/plan-names.js';
import { tokens } from '../shared/tokens.styles.js';
import { actionListStyles } from './action-list.styles.js';
import { ActionRow, type Row } from './action-row.js';
import { filterOptions } from './filter-options.js';
import { badgeStyles } from '../status/badge.js';

/** The columns, in the order shown; every one can be sorted. */
const COLUMNS = ['title', 'workstream', 'leadAgency', 'owner', 'dueDate', 'state', 'status'] as const;
export type ActionListColumn = (typeof COLUMNS)[number];

/** The owner filter's value for actions nobody owns yet (not a valid id, so never a person's). */
const NO_OWNER = '-';
/** The status filter's value for actions amber only because a review date has passed. */
const REVIEW_OVERDUE = 'review-overdue';
const byText = new Intl.Collator('en-GB', { numeric: true });

/**
 * The action plan as a table that can be filtered and sorted. Choosing an action's title
 * fires `pledge-select`; `<pledge-tracker>` answers it by showing `<pledge-action>`.
 * Rows are keyed by action id and re-rendered only when their action changes, so a plan
 * of 1,000 actions stays quick. Narrower than 40em (a phone, a side panel, 400% zoom) each
 * action is a card with its status first, and the sort buttons sit above the cards.
 *
 * @customElement pledge-action-list
 * @summary A filterable, sortable table of action-plan items with their BRAG status.
 * @attr workstream - Show only this working group's actions (its id).
 * @attr agency - Show only actions this agency leads or contributes to as a partner (its id).
 * @attr lead-agency - Show only actions this agency leads (its id).
 * @attr owner - Show only actions this person owns (their id; `-` for actions with no owner).
 * @attr stage - Show only actions in this stage (`draft`, `agreed`, `inProgress`, ...).
 * @attr status - Show only actions with this BRAG status (`red`, `amber`, `green`, `blue`, `grey`), or `review-overdue`: amber only because a review date has passed (shown as "Review overdue", not "At risk", and left out of `amber`).
 * @attr overdue-only - Show only open actions past their due date.
 * @attr sort-by - The column sorted on: `title`, `workstream`, `leadAgency`, `owner`, `dueDate`, `state` or `status`. Plan order when absent.
 * @attr sort-direction - `ascending` (the default) or `descending`.
 * @attr today - The day to count from, YYYY-MM-DD (UK today by default).
 * @event {PledgeSelectEvent} pledge-select - A person chose an action's title: `event.id` is the action's id, `event.kind` is `'action'`.
 * @event {PledgeFilterEvent} pledge-filter - A person changed a filter or the sort: `event.filters` holds those set, by attribute name (`<pledge-tracker>` puts them in the URL).
 * @csspart filters - The filter controls.
 * @csspart count - The line that says how many actions are shown.
 * @csspart table - The table.
 * @csspart title-button - The button on each action's title.
 * @csspart status - The status badge in each row (a word, a shape and a colour; "Review overdue" has a clock).
 * @cssproperty --pledge-color-link - Colour of the action titles and sort buttons.
 * @cssproperty --pledge-color-surface - Background of the filter panel and table header.
 * @cssproperty --pledge-color-border - Colour of the lines between rows.
 * @cssproperty [--pledge-color-red=#942514] - Overdue badges in the status column: text, shape and border.
 * @cssproperty [--pledge-color-red-background=#f4cdc6] - Overdue badges in the status column: background.
 * @cssproperty [--pledge-color-amber=#6e3619] - At risk badges in the status column: text, shape and border.
 * @cssproperty [--pledge-color-amber-background=#fcd6c3] - At risk badges in the status column: background.
 * @cssproperty [--pledge-color-green=#005a30] - On track badges in the status column: text, shape and border.
 * @cssproperty [--pledge-color-green-background=#cce2d8] - On track badges in the status column: background.
 * @cssproperty [--pledge-color-blue=#0c2d4a] - Done badges in the status column: text, shape and border.
 * @cssproperty [--pledge-color-blue-background=#bbd4ea] - Done badges in the status column: background.
 * @cssproperty [--pledge-color-grey=#383f43] - Not active badges in the status column: text, shape and border.
 * @cssproperty [--pledge-color-grey-background=#e5e6e7] - Not active badges in the status column: background.
 */
export class PledgeActionList extends PledgeElement {
  static override styles = [tokens, badgeStyles, actionListStyles];
  static override properties = {
    ...PledgeElement.properties,
    workstream: { type: String },
    agency: { type: String },
    leadAgency: { type: String, attribute: 'lead-agency' },
    owner: { type: String },
    stage: { type: String },
    status: { type: String },
    overdueOnly: { type: Boolean, attribute: 'overdue-only' },
    sortBy: { type: String, attribute: 'sort-by' },
    sortDirection: { type: String, attribute: 'sort-direction' },
    announcement: { state: true },
  };

  /** Working group filter (an id), or empty for any. */
  declare workstream: string | undefined;
  /** Agency filter, leading or contributing (an id), or empty for any. */
  declare agency: string | undefined;
  /** Lead agency filter (an id), or empty for any. */
  declare leadAgency: string | undefined;
  /** Owner filter (a person's id, `-` for no owner), or empty for any. */
  declare owner: string | undefined;
  /** Stage filter (an action state), or empty for any. */
  declare stage: string | undefined;
  /** BRAG status filter, or empty for any. */
  declare status: string | undefined;
  /** Only open actions past their due date. */
  declare overdueOnly: boolean;
  /** The column sorted on; plan order when undefined. */
  declare sortBy: ActionListColumn | undefined;
  /** Which way the sorted column runs: `ascending` unless `descending`. */
  declare sortDirection: 'ascending' | 'descending' | undefined;
  /** What the polite live region last said (a new sort order). */
  declare protected announcement: string;

  /** The row of each action shown, by id. */
  #actionRows = new Map<string, ActionRow>();
  /** The tracker and day of the last full render, while changes since then are all heard. */
  #rendered: { tracker: Tracker; day: string } | undefined;
  /** Items changed since the last update. */
  readonly #changed = new Set<string>();

  constructor() {
    super();
    this.overdueOnly = false;
    this.announcement = '';
  }

  /** The actions shown now, in the order shown (after filters and sorting). */
  get shownActions(): ActionView[] {
    return this.#rows().map((r) => r.action);
  }

  /** Moves keyboard focus to an action's title button (after coming back from its page, say). */
  focusAction(id: string): boolean {
    const button = this.renderRoot.querySelector<HTMLButtonElement>(`button[data-id="${CSS.escape(id)}"]`);
    if (button) {
      button.focus();
      return true;
    }
    // The action no longer matches the filters: focus the count, which says what is shown.
    this.renderRoot.querySelector<HTMLElement>('.count')?.focus();
    return false;
  }

  #rows(): Row[] {
    const tracker = this.tracker;
    if (!tracker) return [];
    const shownRow = this.#shownRow(tracker);
    const rows: Row[] = [];
    for (const action of tracker.state().actions) {
      const row = shownRow(action);
      if (row) rows.push(row);
    }
    const key = this.#sortKey(tracker);
    if (!key) return rows;
    const sign = this.sortDirection === 'descending' ? -1 : 1;
    // Empty values (no owner, no due date) go last whichever way; ties keep plan order.
    const keyed = rows.map((row, i) => ({ row, i, k: key(row) }));
    keyed.sort((a, b) => {
      if (a.k === '' && b.k !== '') return 1;
      if (b.k === '' && a.k !== '') return -1;
      const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : byText.compare(String(a.k), String(b.k));
      return c * sign || a.i - b.i;
    });
    return keyed.map((k) => k.row);
  }

  /** Gives an action's row when the filters let it through, else undefined. */
  #shownRow(tracker: Tracker): (action: ActionView) => Row | undefined {
    const { workstream, agency, leadAgency, owner, stage, status, overdueOnly } = this;
    const today = this.day;
    const settings = tracker.plan.brag;
    const calendar = { closures: tracker.plan.board.closures };
    return (action) => {
      if (workstream && action.workstream !== workstream) return undefined;
      if (leadAgency && action.leadAgency !== leadAgency) return undefined;
      if (agency && action.leadAgency !== agency && !action.partners.includes(agency)) return undefined;
      if (owner && (owner === NO_OWNER ? action.owner !== undefined : action.owner !== owner)) return undefined;
      if (stage && action.state !== stage) return undefined;
      if (overdueOnly && !(action.dueDate && today > action.dueDate && isOpen(action))) return undefined;
      const actionStatus = bragOf(action, today, settings, calendar).status;
      const review = actionStatus === 'amber' && amberReason(action, today, settings, calendar) === 'review';
      if (status && (status === REVIEW_OVERDUE ? !review : actionStatus !== status || review)) return undefined;
      return { action, status: actionStatus, review };
    };
  }

  /** The sort key of each row, or undefined for plan order. */
  #sortKey(tracker: Tracker): ((row: Row) => string | number) | undefined {
    if (!this.sortBy || !COLUMNS.includes(this.sortBy)) return undefined;
    return this.#columnKey(this.sortBy, planNames(tracker.plan));
  }

  #columnKey(column: ActionListColumn, names: PlanNames): (row: Row) => string | number {
    switch (column) {
      case 'title': return (r) => r.action.title;
      case 'workstream': return (r) => names.workstream(r.action.workstream) ?? '';
      case 'leadAgency': return (r) => names.agency(r.action.leadAgency) ?? '';
      case 'owner': return (r) => names.person(r.action.owner) ?? '';
      case 'dueDate': return (r) => r.action.dueDate ?? '';
      case 'state': return (r) => ACTION_STATES.indexOf(r.action.state);
      case 'status': return (r) => BRAG_WORST_FIRST.indexOf(r.status) + (r.review ? 0.5 : 0);
    }
  }

  protected override trackerChanged(change: TrackerChange): void {
    for (const id of change.streams) this.#changed.add(id);
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    // A step on actions whose rows stay where they are redraws those rows alone: a full
    // render walks every row and rebuilds the filters.
    const inPlace = changed.size === 0 && this.#redrawInPlace();
    this.#changed.clear();
    return super.shouldUpdate(changed) && !inPlace;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Changes made while away are not heard: the next update draws everything.
    this.#rendered = undefined;
  }

  /**
   * Redraws the rows of the changed actions, if that is all the change needs: each was shown
   * and still is, keeps its place in the sort order and its owner (the owner filter lists the
   * owners), and the tracker and the day are those last rendered. A change to an action not
   * shown renders everything, as it may now be. False, having changed nothing, when the whole
   * list must be rendered.
   */
  #redrawInPlace(): boolean {
    const tracker = this.tracker;
    if (!tracker || !this.#changed.size || this.#rendered?.tracker !== tracker || this.#rendered.day !== this.day) return false;
    const shownRow = this.#shownRow(tracker);
    const key = this.#sortKey(tracker);
    const redraw: [ActionRow, Row][] = [];
    for (const id of this.#changed) {
      const action = tracker.getAction(id);
      if (!action) continue; // a promise: the list does not show it
      const actionRow = this.#actionRows.get(id);
      const was = actionRow?.row;
      if (!actionRow || !was) return false;
      if (action === was.action) continue;
      const row = shownRow(action);
      if (!row || action.owner !== was.action.owner || (key && key(row) !== key(was))) return false;
      redraw.push([actionRow, row]);
    }
    const m = this.m;
    const names = planNames(tracker.plan);
    for (const [actionRow, row] of redraw) actionRow.draw(row, m, names);
    return true;
  }

  #sort(column: ActionListColumn) {
    const ascending = this.sortBy === column ? this.sortDirection === 'descending' : true;
    this.sortBy = column;
    this.sortDirection = ascending ? 'ascending' : 'descending';
    this.announcement = this.m.sortedBy(this.m.columns[column] ?? column, ascending);
    this.#filtersChanged();
  }

  /** The filters and sort set now, by attribute name. */
  get filters(): Record<string, string> {
    const out: Record<string, string> = {};
    const set = (name: string, value: string | undefined) => value && (out[name] = value);
    set('workstream', this.workstream);
    set('agency', this.agency);
    set('lead-agency', this.leadAgency);
    set('owner', this.owner);
    set('stage', this.stage);
    set('status', this.status);
    set('overdue-only', this.overdueOnly ? 'true' : undefined);
    set('sort-by', this.sortBy);
    set('sort-direction', this.sortBy ? this.sortDirection : undefined);
    return out;
  }

  #filtersChanged() {
    this.dispatchEvent(new PledgeFilterEvent(this.filters));
  }

  #onFilter(event: Event) {
    const control = event.target as HTMLSelectElement | HTMLInputElement;
    const value = control.type === 'checkbox' ? (control as HTMLInputElement).checked : control.value || undefined;
    switch (control.name) {
      case 'workstream': this.workstream = value as string | undefined; break;
      case 'agency': {
        // One select: "any:<id>" for leading or contributing, "lead:<id>" for leading only.
        const [kind, id] = String(value ?? '').split(/:(.*)/s);
        this.agency = kind === 'any' ? id : undefined;
        this.leadAgency = kind === 'lead' ? id : undefined;
        break;
      }
      case 'owner': this.owner = value as string | undefined; break;
      case 'stage': this.stage = value as string | undefined; break;
      case 'status': this.status = value as string | undefined; break;
      case 'overdueOnly': this.overdueOnly = value as boolean; break;
    }
    this.#filtersChanged();
  }

  async #clearFilters() {
    this.workstream = this.agency = this.leadAgency = this.owner = this.stage = this.status = undefined;
    this.overdueOnly = false;
    this.#filtersChanged();
    // The button goes away with the filters: keep keyboard focus in the filters, not on the page.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLSelectElement>('#filter-workstream')?.focus();
  }

  #onTableClick(event: Event) {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-id]');
    if (button) this.dispatchEvent(new PledgeSelectEvent(button.dataset['id']!, 'action'));
  }

  override render() {
    const tracker = this.tracker;
    const m = this.m;
    if (!tracker) {
      this.#rendered = undefined;
      this.#actionRows = new Map();
      return html`<p>${m.noTracker}</p>`;
    }
    const names = planNames(tracker.plan);
    const rows = this.#rows();
    this.#rendered = { tracker, day: this.day };
    // Each row is drawn (or left as it is) when `repeat` asks for it; an action that
    // comes back into the filters later gets a new row.
    const actionRows = new Map(rows.map((r) => [r.action.id, this.#actionRows.get(r.action.id) ?? new ActionRow()]));
    this.#actionRows = actionRows;
    const total = tracker.state().actions.length;
    const filtered = !!(this.workstream || this.agency || this.leadAgency || this.owner || this.stage || this.status || this.overdueOnly);
    return html`
      ${this.#renderFilters(filtered)}
      <p class="count" part="count" role="status" tabindex="-1">${m.showing(rows.length, total)}</p>
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
      <div class="scroll" role="region" aria-label=${m.tableScrollLabel} tabindex="0">
        <table part="table" role="table">
          <caption>${m.actionsCaption}</caption>
          <thead role="rowgroup">
            <tr role="row">${COLUMNS.map((c) => this.#renderHeader(c))}</tr>
          </thead>
          <tbody role="rowgroup" @click=${this.#onTableClick}>
            ${repeat(rows, (r) => r.action.id, (r) => actionRows.get(r.action.id)!.draw(r, m, names))}
          </tbody>
        </table>
      </div>
      ${rows.length ? nothing : html`<p class="empty">${m.noMatches}</p>`}
    `;
  }

  #renderFilters(filtered: boolean) {
    const m = this.m;
    const plan = this.tracker!.plan;
    const { agencies, leadAgencies, owners } = filterOptions(plan, this.tracker!.state().actions);
    const select = (name: string, label: string, current: string | undefined, options: [string, string][]) => html`
      <div class="field">
        <label for="filter-${name}">${label}</label>
        <select id="filter-${name}" name=${name} @change=${this.#onFilter}>
          <option value="" ?selected=${!current}>${m.any}</option>
          ${options.map(([value, text]) => html`<option value=${value} ?selected=${current === value}>${text}</option>`)}
        </select>
      </div>
    `;
    return html`
      <fieldset class="filters" part="filters">
        <legend>${m.filtersTitle}</legend>
        ${select('workstream', m.filterWorkstream, this.workstream, plan.workstreams.map((w) => [w.id, w.name]))}
        <div class="field">
          <label for="filter-agency">${m.filterAgency}</label>
          <select id="filter-agency" name="agency" @change=${this.#onFilter}>
            <option value="" ?selected=${!this.agency && !this.leadAgency}>${m.any}</option>
            <optgroup label=${m.agencyInvolved}>
              ${agencies.map(([id, name]) => html`<option value="any:${id}" ?selected=${this.agency === id}>${m.agencyInvolvedOption(name)}</option>`)}
            </optgroup>
            <optgroup label=${m.agencyLeads}>
              ${leadAgencies.map(([id, name]) => html`<option value="lead:${id}" ?selected=${this.leadAgency === id}>${m.agencyLeadsOption(name)}</option>`)}
            </optgroup>
          </select>
        </div>
        ${select('owner', m.filterOwner, this.owner, [...owners, [NO_OWNER, m.noOwner]])}
        ${select('stage', m.filterState, this.stage, ACTION_STATES.map((s) => [s, m.states[s] ?? s]))}
        ${select('status', m.filterStatus, this.status, BRAG_WORST_FIRST.flatMap((s): [string, string][] =>
          s === 'amber' ? [[s, m.brag[s] ?? s], [REVIEW_OVERDUE, m.reviewOverdue]] : [[s, m.brag[s] ?? s]]))}
        <div class="field checkbox">
          <input type="checkbox" id="filter-overdue" name="overdueOnly" .checked=${this.overdueOnly} @change=${this.#onFilter} />
          <label for="filter-overdue">${m.overdueOnly}</label>
        </div>
        ${filtered ? html`<button type="button" class="secondary" @click=${this.#clearFilters}>${m.clearFilters}</button>` : nothing}
      </fieldset>
    `;
  }

  #renderHeader(column: ActionListColumn) {
    const sorted = this.sortBy === column;
    const direction = sorted ? (this.sortDirection === 'descending' ? 'descending' : 'ascending') : undefined;
    const arrow = direction === 'ascending' ? svg`<path d="M4 10l4-5 4 5z" />` : direction === 'descending' ? svg`<path d="M4 6l4 5 4-5z" />` : svg`<path d="M4 7l4-5 4 5zM4 9l4 5 4-5z" />`;
    return html`<th scope="col" role="columnheader" aria-sort=${direction ?? nothing} class=${column}>
      <button type="button" class="sort" data-column=${column} @click=${() => this.#sort(column)}>
        ${this.m.columns[column] ?? column}<svg viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">${arrow}</svg>
      </button>
    </th>`;
  }
}
