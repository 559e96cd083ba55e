import type { ActionView, Brag } from '@pledgeflow/core';
import { formatDate } from '../shared/format.js';
import type { Messages } from '../shared/messages.js';
import type { PlanNames } from '../shared/plan-names.js';
import { badge } from '../status/badge.js';

/** An action the list shows, with its status. */
export interface Row {
  action: ActionView;
  status: Brag;
  /** Amber only because its review date has passed: shown as "Review overdue". */
  review?: boolean;
}

let prototype: HTMLTableRowElement | undefined;
/** The columns after the title, in order. */
const LABELLED_COLUMNS = ['workstream', 'leadAgency', 'owner', 'dueDate', 'state', 'status'] as const;

function element(name: string, text: string, attributes: Record<string, string>): HTMLElement {
  const el = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
  el.textContent = text;
  return el;
}

/**
 * One action's row of `<pledge-action-list>`: a `<tr>` cloned from a prototype and filled
 * with text, then kept up to date in place, cell by cell, whether the list renders again or
 * redraws this row alone. Lit templates per row (the row, its due date, its badge) kept a
 * 1,000-row list at 1.5 to 2 times the time of the same table built by hand
 * (`render-1k-rows` in docs/benchmarks.md); this builds it the way the hand-built one does.
 */
export class ActionRow {
  #tr: HTMLTableRowElement | undefined;
  #row: Row | undefined;
  #m: Messages | undefined;
  #names: PlanNames | undefined;
  /** The messages the cells' column labels come from. */
  #labelled: Messages | undefined;
  /** What each cell shows, to change only the cells that differ. */
  #texts: string[] = [];

  /** What the row shows now (undefined before it is first drawn). */
  get row(): Row | undefined {
    return this.#row;
  }

  /** Brings the row up to date (building it the first time) and gives its `<tr>`. */
  draw(row: Row, m: Messages, names: PlanNames): HTMLTableRowElement {
    if (this.#tr && row.action === this.#row!.action && row.status === this.#row!.status && row.review === this.#row!.review && m === this.#m && names === this.#names) return this.#tr;
    this.#row = row;
    this.#m = m;
    this.#names = names;
    if (!prototype) {
      const template = document.createElement('template');
      template.innerHTML =
        // Roles stated, so that the table stays a table to screen readers when narrow widths show rows as cards.
        '<table><tr role="row"><th scope="row" role="rowheader" class="title"><button type="button" class="link" part="title-button"></button><span class="id"></span></th>' +
        '<td role="cell"></td><td role="cell"></td><td role="cell"></td><td role="cell" class="due"></td><td role="cell"></td><td role="cell" class="status"></td></tr></table>';
      prototype = document.importNode(template.content.querySelector('tr')!, true);
    }
    const tr = (this.#tr ??= prototype.cloneNode(true) as HTMLTableRowElement);
    const { action, status, review = false } = row;
    const cells = tr.children;
    const th = cells[0]!;
    const title = th.firstElementChild!;
    const { dueDate } = action;
    const ownerName = action.owner && (names.person(action.owner) ?? '');
    const statusWord = review ? m.reviewOverdue : m.brag[status] ?? status;
    // Each cell's text, with the cells that hold more than text told apart by a prefix.
    const texts = [
      action.id,
      action.title,
      names.workstream(action.workstream) ?? '',
      names.agency(action.leadAgency) ?? '',
      ownerName ? `name ${ownerName}` : `none ${m.noOwner}`,
      dueDate ? `date ${dueDate} ${formatDate(dueDate)}` : `none ${m.none}`,
      m.states[action.state] ?? action.state,
      `${status} ${review} ${statusWord}`,
    ];
    const changed = (i: number) => texts[i] !== this.#texts[i];
    // Each cell's column, shown before its value when rows are cards (narrow widths).
    if (m !== this.#labelled) {
      LABELLED_COLUMNS.forEach((column, i) => cells[i + 1]!.setAttribute('data-label', m.columns[column] ?? column));
      this.#labelled = m;
    }
    if (changed(0)) {
      tr.setAttribute('data-id', action.id);
      title.setAttribute('data-id', action.id);
      th.lastElementChild!.textContent = action.id;
    }
    if (changed(1)) title.textContent = action.title;
    if (changed(2)) cells[1]!.textContent = texts[2]!;
    if (changed(3)) cells[2]!.textContent = texts[3]!;
    if (changed(4)) cells[3]!.replaceChildren(ownerName || element('span', m.noOwner, { class: 'muted' }));
    if (changed(5)) cells[4]!.replaceChildren(dueDate ? element('time', formatDate(dueDate), { datetime: dueDate }) : element('span', m.none, { class: 'muted' }));
    if (changed(6)) cells[5]!.textContent = texts[6]!;
    if (changed(7)) cells[6]!.replaceChildren(badge(status, statusWord, 'status', review));
    this.#texts = texts;
    return tr;
  }
}
