import { html, nothing } from 'lit';
import {
  awaitingSignOff, daysBetween, rejectedRecommendations, responseDue, responsesOverdue, type Actor, type RecommendationView, type Tracker,
} from '@pledgeflow/core';
import { formatDate } from '../shared/format.js';
import { heading, subLevel } from '../shared/heading.js';
import type { ItemSteps } from '../shared/item-steps.js';
import type { Messages } from '../shared/messages.js';
import { ItemListElement } from '../shared/item-list-element.js';
import { planNames } from '../shared/plan-names.js';
import { contentStyles } from '../shared/content.styles.js';
import { formStyles } from '../shared/form.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { boardStyles } from '../meetings/board.styles.js';

/** The steps `actor` may take on a recommendation, and those their role takes but may not take now. */
function recommendationSteps(tracker: Tracker, actor: Actor, r: RecommendationView, name: string): ItemSteps {
  const next = tracker.nextSteps(actor, r.id);
  return { stream: r.id, name, offered: next.filter((s) => s.allowed), refused: next.filter((s) => !s.allowed) };
}

/**
 * The overview and scrutiny committee's recommendations, by review: each with its number, what
 * it says, its stage in words, the executive's response and reason, when the response is due
 * (overdue said in words), and the actions that deliver it with their stage; then what needs
 * attention: responses overdue, recommendations awaiting the committee's sign-off, and rejected
 * ones with the executive's reasons. The executive (cabinet) responds and sees them delivered;
 * the committee signs each off or reopens it; everyone else reads. Buttons are shown only for
 * steps the person may take; steps their role takes but may not take now say why.
 *
 * @customElement pledge-recommendations
 * @summary Scrutiny recommendations by review, with the executive's responses, responses overdue, sign-off and reasons; steps for the executive and the committee.
 * @attr heading-level - The level of the heading, 1 to 6 (default 2); sections use the level below.
 * @attr today - The day to count from, YYYY-MM-DD (UK today by default).
 * @event {PledgeStepEvent} pledge-step - A person took a step on a recommendation, or tried to: `event.step` is the step as sent, `event.result` is `{ ok: true, event, warnings }` or `{ ok: false, reasons }`, and `event.event` is the event recorded, only when the step was taken.
 * @csspart title - The heading.
 * @csspart section-title - Each section's heading.
 * @csspart summary - The counts at a glance.
 * @csspart review - One review and its recommendations.
 * @csspart table - A review's table of recommendations.
 * @csspart steps - The steps this person may take on a recommendation.
 * @csspart steps-title - The heading over a recommendation's steps.
 * @csspart step-button - Each step's button.
 * @csspart step-form - The form that asks for what a step needs.
 * @csspart step-form-title - The step form's heading.
 * @csspart error-summary - The box at the top of the step form that lists the problems with what was typed.
 * @csspart result - The live region that says what happened.
 * @csspart not-yours - The folded list of steps this person's role never takes, and why.
 * @csspart overdue - Responses overdue.
 * @csspart awaiting - Recommendations awaiting sign-off.
 * @csspart rejected - Rejected recommendations with reasons.
 * @cssproperty --pledge-color-error - Border of the box that lists why a step was refused.
 * @cssproperty [--pledge-color-success=#00703c] - Border of the box that says a step was taken.
 * @cssproperty [--pledge-color-red=#942514] - The "Overdue" tag: text and border.
 * @cssproperty [--pledge-color-red-background=#f4cdc6] - The "Overdue" tag's background.
 */
export class PledgeRecommendations extends ItemListElement {
  static override styles = [tokens, contentStyles, formStyles, boardStyles];

  // Every change re-renders it: a linked action's stage shows here too.
  override render() {
    const m = this.m;
    const tracker = this.tracker;
    if (!tracker) return html`<p>${m.noTracker}</p>`;
    const plan = tracker.plan;
    const state = tracker.state();
    const level = subLevel(this.headingLevel);
    const actor = this.actor;
    const title = (r: RecommendationView) => m.recommendationHeading(r.number);
    const items = new Map<string, ItemSteps>();
    if (actor) for (const r of state.recommendations) items.set(r.id, recommendationSteps(tracker, actor, r, title(r)));
    const overdue = responsesOverdue(state, this.day);
    const awaiting = awaitingSignOff(state);
    const rejected = rejectedRecommendations(state);
    const byId = new Map(state.recommendations.map((r) => [r.id, r]));
    const line = (id: string, reason: string, tag?: string) =>
      html`<li data-recommendation=${id}>${tag ? html`<span class="tag problem">${tag}</span> ` : nothing}<strong>${title(byId.get(id)!)}</strong>: ${byId.get(id)!.title}
        <span class="detail">${reason}</span></li>`;
    const list = (part: string, heading_: string, none: string, lines: unknown[]) => html`<section part=${part} aria-labelledby="${part}-title">
      ${heading(level, 'section-title', heading_, `${part}-title`)}
      ${lines.length ? html`<ul>${lines}</ul>` : html`<p>${none}</p>`}
    </section>`;
    return html`<section aria-labelledby="recommendations-title">
      ${heading(this.headingLevel, 'title', m.recommendationsTitle, 'recommendations-title')}
      <p class="board">${plan.scrutiny.committee}</p>
      ${state.recommendations.length
        ? html`<p part="summary">${m.atAGlanceRecommendations(overdue.length, awaiting.length, rejected.filter((r) => !r.signedOff).length)}</p>`
        : html`<p>${m.recommendationsNone}</p>`}
      ${actor ? this.steps.renderNotYours([...items.values()], actor) : html`<p class="signed-out">${m.noActor}</p>`}
      ${plan.reviews.map((review) => {
        const recs = state.recommendations.filter((r) => r.review === review.id);
        if (!recs.length) return nothing;
        return html`<section part="review" data-review=${review.id} aria-labelledby="review-${review.id}">
          ${heading(level, 'section-title', review.title, `review-${review.id}`)}
          <p class="detail">${m.reviewReported(plan.scrutiny.committee, formatDate(review.reportedOn))}</p>
          ${this.#table(recs, review.title, m)}
          ${recs.map((r) => (items.get(r.id) ? this.steps.render(items.get(r.id)!, Math.min(6, level + 1)) : nothing))}
        </section>`;
      })}
      ${state.recommendations.length
        ? html`${list('overdue', m.overdueResponsesTitle, m.noneOverdue, overdue.map((o) => line(o.recommendation, o.reason, m.brag['red'])))}
          ${list('awaiting', m.awaitingSignOffTitle, m.noneAwaiting, awaiting.map((a) => line(a.recommendation, a.reason)))}
          ${list('rejected', m.rejectedTitle, m.noneRejected, rejected.map((r) =>
            line(r.recommendation, `${m.responseBy(m.responses['rejected']!, formatDate(r.respondedOn), r.reason)} (${r.signedOff ? m.rejectedSignedOff : m.rejectedOpen})`)))}`
        : nothing}
    </section>`;
  }

  #table(recs: readonly RecommendationView[], review: string, m: Messages) {
    const c = m.recommendationColumns;
    const id = `caption-${recs[0]!.review}`;
    return html`<div class="scroll" role="region" aria-labelledby=${id} tabindex="0">
      <table part="table">
        <caption id=${id}>${m.recommendationsCaption(review)}</caption>
        <thead><tr>
          <th scope="col" class="number">${c['number']}</th><th scope="col">${c['recommendation']}</th><th scope="col">${c['stage']}</th>
          <th scope="col">${c['response']}</th><th scope="col">${c['due']}</th><th scope="col">${c['actions']}</th>
        </tr></thead>
        <tbody>${recs.map((r) => this.#row(r, m))}</tbody>
      </table>
    </div>`;
  }

  #row(r: RecommendationView, m: Messages) {
    const tracker = this.tracker!;
    const names = planNames(tracker.plan);
    const due = responseDue(tracker.plan, r);
    const late = due !== undefined && due < this.day;
    const response = r.response ? m.responseBy(m.responses[r.response.value] ?? r.response.value, formatDate(r.response.on), r.response.reason) : m.noResponse;
    return html`<tr data-recommendation=${r.id} data-state=${r.state}>
      <td>${r.number}</td>
      <th scope="row">${r.title}${r.owner ? html`<span class="detail">${m.owner}: ${names.person(r.owner)}</span>` : nothing}</th>
      <td>${m.itemStates[r.state] ?? r.state}
        ${r.reopened && r.state === 'reopened' ? html`<span class="detail">${m.reopenedBecause(formatDate(r.reopened.on), r.reopened.reason)}</span>` : nothing}
        ${r.signedOff ? html`<span class="detail">${m.signedOffOn(formatDate(r.signedOff.on))}</span>` : nothing}
        ${r.lastUpdate ? html`<span class="detail">${m.latestProgress}: ${r.lastUpdate.note}</span>` : nothing}</td>
      <td>${response}</td>
      <td class="due">${due === undefined
        ? m.answered
        : late
          ? html`<span class="tag problem">${m.responseOverdue(formatDate(due), daysBetween(due, this.day))}</span>`
          : m.responseDueOn(formatDate(due))}</td>
      <td>${r.actions.length
        ? html`<ul>${r.actions.map((id) => {
            const action = tracker.getAction(id);
            return html`<li>${m.actionState(action?.title ?? id, action ? (m.states[action.state] ?? action.state) : '')}</li>`;
          })}</ul>`
        : m.noActions}</td>
    </tr>`;
  }
}
