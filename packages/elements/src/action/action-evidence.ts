import { html, nothing } from 'lit';
import type { ActionView, Plan } from '@pledgeflow/core';
import { formatDate, formatInstant } from '../shared/format.js';
import { heading, subLevel } from '../shared/heading.js';
import type { Messages } from '../shared/messages.js';
import { planNames } from '../shared/plan-names.js';
import { safeHref } from '../shared/safe-link.js';

/** `<pledge-action>`'s evidence: each piece with its status in words, its link (when safe), who sent it and who checked it. */
export function renderEvidence(action: ActionView, plan: Plan, m: Messages, headingLevel: number | undefined) {
  const names = planNames(plan);
  return html`
    <section aria-labelledby="evidence-title">
      ${heading(subLevel(headingLevel), 'evidence-title', m.evidence, 'evidence-title')}
      ${action.evidence.length
        ? html`<ul class="evidence" part="evidence">
            ${action.evidence.map((e) => {
              const href = safeHref(e.link);
              return html`<li class="evidence-item ${e.status}">
                <p class="evidence-status"><strong class="tag ${e.status}">${m.evidenceStatus[e.status] ?? e.status}</strong></p>
                <p class="summary">${e.summary}</p>
                ${e.link
                  ? href
                    ? html`<p><a href=${href} rel="noopener noreferrer" target="_blank">${m.evidenceLink(new URL(href).host)}</a></p>`
                    : html`<p class="muted">${m.linkNotShown}</p>`
                  : nothing}
                <p class="meta">${m.evidenceDate(formatDate(e.date))}</p>
                <p class="meta">${m.submittedBy(names.person(e.submittedBy) ?? '', names.agency(e.agencyId) ?? '', formatInstant(e.submittedAt))}</p>
                ${e.status === 'returned' && e.returnReason ? html`<p><strong>${m.returnedBecause}</strong> ${e.returnReason}</p>` : nothing}
                ${e.reviewedBy && e.reviewedAt ? html`<p class="meta">${m.checkedBy(names.person(e.reviewedBy) ?? '', formatInstant(e.reviewedAt))}</p>` : nothing}
                ${e.resubmissions ? html`<p class="meta">${m.resubmissions(e.resubmissions)}</p>` : nothing}
              </li>`;
            })}
          </ul>`
        : html`<p>${m.noEvidence}</p>`}
    </section>
  `;
}
