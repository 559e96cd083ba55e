import { html, nothing } from 'lit';
import { PRINCIPLES, type ActionView, type Plan } from '@pledgeflow/core';
import { formatDate, formatInstant } from '../shared/format.js';
import { heading, subLevel } from '../shared/heading.js';
import type { Messages } from '../shared/messages.js';
import { planNames } from '../shared/plan-names.js';

/** `<pledge-action>`'s details: stage, who leads and owns it, dates, promises, principles and the latest progress. */
export function renderDetails(action: ActionView, plan: Plan, m: Messages, headingLevel: number | undefined) {
  const names = planNames(plan);
  const promises = action.promises.map((id) => plan.promises.find((p) => p.id === id)).filter((p) => !!p);
  const row = (term: string, value: unknown) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  const none = html`<span class="muted">${m.none}</span>`;
  return html`
    <section aria-labelledby="details-title">
      ${heading(subLevel(headingLevel), 'details-title', m.details, 'details-title')}
      <dl part="details">
        ${row(m.stage, m.states[action.state] ?? action.state)}
        ${action.reason ? row(m.reason, action.reason) : nothing}
        ${action.deferredUntil ? row(m.deferredUntil, formatDate(action.deferredUntil)) : nothing}
        ${row(m.workstream, names.workstream(action.workstream))}
        ${row(m.leadAgency, names.agency(action.leadAgency))}
        ${row(m.owner, action.owner ? names.person(action.owner) : html`<span class="muted">${m.noOwner}</span>`)}
        ${row(m.partners, action.partners.length ? action.partners.map((p) => names.agency(p)).join(', ') : none)}
        ${row(m.dueDate, action.dueDate ? formatDate(action.dueDate) : none)}
        ${row(m.reviewDate, action.reviewDate ? formatDate(action.reviewDate) : none)}
        ${row(m.promises, promises.length ? html`<ul>${promises.map((p) => html`<li>${p.number}. ${p.title}</li>`)}</ul>` : none)}
        ${row(m.principles, action.principles.length
          ? html`<ul>${action.principles.map((n) => html`<li>${n}. ${PRINCIPLES[n as keyof typeof PRINCIPLES]}</li>`)}</ul>`
          : none)}
        ${action.lastProgress
          ? row(m.latestProgress, html`${action.lastProgress.note}
              <span class="meta">${m.progressBy(names.person(action.lastProgress.by) ?? '', formatInstant(action.lastProgress.at))}</span>`)
          : nothing}
      </dl>
    </section>
  `;
}
