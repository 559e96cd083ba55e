import { html, nothing } from 'lit';
import type { HistoryEntry, Plan } from '@pledgeflow/core';
import { formatInstant } from '../shared/format.js';
import { heading, subLevel } from '../shared/heading.js';
import type { Messages } from '../shared/messages.js';
import { historyLine } from './history-words.js';

/** `<pledge-action>`'s history: every step taken on the action, oldest first, with who took it and why. */
export function renderHistory(history: readonly HistoryEntry[], plan: Plan, m: Messages, headingLevel: number | undefined) {
  return html`
    <section aria-labelledby="history-title">
      ${heading(subLevel(headingLevel), 'history-title', m.history, 'history-title')}
      ${history.length
        ? html`<ol class="history" part="history">
            ${history.map((h) => {
              // The line already says why for most steps; a note on the others is shown below it.
              const line = historyLine(h, plan, m);
              const why = [h.data['reason'], h.data['note']].find((t): t is string => typeof t === 'string' && !line.includes(t));
              return html`<li>
                <p class="meta"><time datetime=${h.at}>${formatInstant(h.at)}</time>, ${m.historyBy(h.actor.roleLabel)}</p>
                <p>${line}</p>
                ${why ? html`<p class="why-note">${why}</p>` : nothing}
              </li>`;
            })}
          </ol>`
        : html`<p>${m.noHistory}</p>`}
    </section>
  `;
}
