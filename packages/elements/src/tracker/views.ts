// The parts of <pledge-tracker> that need none of its state of their own: the views (each an
// element), the navigation between them, and the boxes for load problems and notices.
import { html, nothing } from 'lit';
import type { Actor, Tracker } from '@pledgeflow/core';
import type { MessageOverrides, Messages } from '../shared/messages.js';

export const TRACKER_VIEWS = ['mine', 'promises', 'actions', 'overdue', 'measures', 'deadlines', 'meetings', 'recommendations'] as const;
export type TrackerView = (typeof TRACKER_VIEWS)[number];

/** What a view needs from the tracker element. */
export interface ViewHost {
  tracker: Tracker | undefined;
  actor: Actor | undefined;
  today: string | undefined;
  messages: MessageOverrides | undefined;
  childFriendly: boolean;
  filters: Readonly<Record<string, string | undefined>>;
  actionId: string | undefined;
}

/** The view `view` at heading level `level`; the button labelled `backLabel` calls `back` to close the one action open in the action plan. */
export function renderView(view: TrackerView, host: ViewHost, level: number, backLabel: string, back: () => void) {
  const { tracker, actor, today, messages } = host;
  switch (view) {
    case 'mine':
      return html`<pledge-my-work heading-level=${level} .tracker=${tracker} .actor=${actor} .today=${today} .messages=${messages}></pledge-my-work>`;
    case 'promises':
      return html`<pledge-promises heading-level=${level} ?child-friendly=${host.childFriendly} .tracker=${tracker} .actor=${actor} .today=${today} .messages=${messages}></pledge-promises>`;
    case 'overdue':
      return html`<pledge-overdue-report heading-level=${level} .tracker=${tracker} .actor=${actor} .today=${today} .messages=${messages}></pledge-overdue-report>`;
    case 'measures':
      return html`<pledge-measure heading-level=${level} .tracker=${tracker} .actor=${actor} .today=${today} .messages=${messages}></pledge-measure>`;
    case 'deadlines':
      return html`<pledge-deadlines heading-level=${level} .tracker=${tracker} .actor=${actor} .today=${today} .messages=${messages}></pledge-deadlines>`;
    case 'meetings':
      return html`<pledge-meetings heading-level=${level} .tracker=${tracker} .actor=${actor} .today=${today} .messages=${messages}></pledge-meetings>`;
    case 'recommendations':
      return html`<pledge-recommendations heading-level=${level} .tracker=${tracker} .actor=${actor} .today=${today} .messages=${messages}></pledge-recommendations>`;
    case 'actions': {
      const f = host.filters;
      // The list stays in the page (hidden) while one action is open, so its filters and sort are kept.
      return html`
        <pledge-action-list ?hidden=${!!host.actionId} .tracker=${tracker} .actor=${actor} .today=${today} .messages=${messages}
          .workstream=${f['workstream']} .agency=${f['agency']} .leadAgency=${f['lead-agency']} .owner=${f['owner']} .stage=${f['stage']}
          .status=${f['status']} .overdueOnly=${f['overdue-only'] === 'true'} .sortBy=${f['sort-by']} .sortDirection=${f['sort-direction']}></pledge-action-list>
        ${host.actionId
          ? html`<div class="one-action">
              <button type="button" class="secondary back" @click=${back}>${backLabel}</button>
              <pledge-action action-id=${host.actionId} heading-level=${level} .tracker=${tracker} .actor=${actor} .today=${today}
                .messages=${messages}></pledge-action>
            </div>`
          : nothing}
      `;
    }
  }
}

/** The navigation between views, the current one marked for screen readers. */
export function viewsNav(current: TrackerView, m: Pick<Messages, 'viewsLabel' | 'views'>, show: (view: TrackerView) => void) {
  return html`<nav part="nav" aria-label=${m.viewsLabel}>
    <ul>
      ${TRACKER_VIEWS.map((v) => html`<li>
        <button type="button" class="nav-link" data-view=${v} aria-current=${v === current ? 'page' : nothing} @click=${() => show(v)}>
          ${(m.views as Partial<Record<TrackerView, string>>)[v] ?? v}
        </button>
      </li>`)}
    </ul>
  </nav>`;
}

/** Why the plan could not be loaded, with each problem: announced at once. */
export function loadErrorBox(intro: string, error: { message: string; problems: string[] }) {
  return html`<div class="problems error" part="problems" role="alert">
    <p><strong>${intro}</strong> ${error.message}</p>
    ${error.problems.length ? html`<ul>${error.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
  </div>`;
}

/** Something left out while loading (bad log lines, events that did not fit), folded away under what happened. */
export function loadWarningBox(w: { intro: string; problems: string[] }) {
  return html`<details class="problems warning" part="problems">
    <summary>${w.intro}</summary>
    <ul>${w.problems.map((p) => html`<li>${p}</li>`)}</ul>
  </details>`;
}

/** Notices from `notify()`, announced politely, each with a button to dismiss it. */
export function noticesBox(notices: readonly { id: number; text: string }[], m: Pick<Messages, 'dismissNotice' | 'dismiss'>, dismiss: (id: number) => void) {
  return html`<div class="notices" part="notices" role="status" aria-live="polite">
    ${notices.map((n) => html`<p class="notice" data-id=${n.id}>
      <span>${n.text}</span>
      <button type="button" class="secondary" aria-label=${m.dismissNotice(n.text)} @click=${() => dismiss(n.id)}>${m.dismiss}</button>
    </p>`)}
  </div>`;
}
