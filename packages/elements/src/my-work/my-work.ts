import { html, nothing, type TemplateResult } from 'lit';
import { addDays, amberReason, isOpen, type ActionView, type Actor, type Evidence, type Tracker } from '@pledgeflow/core';
import { bragOf } from '../shared/brag-cache.js';
import { PledgeSelectEvent } from '../shared/events.js';
import { formatDate } from '../shared/format.js';
import { heading, subLevel } from '../shared/heading.js';
import { PledgeElement } from '../shared/pledge-element.js';
import { planNames } from '../shared/plan-names.js';
import { contentStyles } from '../shared/content.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { badgeStyles } from '../status/badge.js';
import { badge } from '../status/badge.js';
import { myWorkStyles } from './my-work.styles.js';

/** How far ahead a review counts as due: two weeks, the time to get it on a working group's agenda. */
const REVIEW_AHEAD_DAYS = 14;

/** What waits for one person, worked out from the tracker. */
export interface MyWork {
  /** Evidence this person may accept or return now. */
  toCheck: { action: ActionView; evidence: Evidence }[];
  /** Evidence returned that this person may resubmit. */
  toResubmit: { action: ActionView; evidence: Evidence }[];
  /** Open actions this person owns. */
  owned: ActionView[];
  /** Open actions they own or whose working group they lead, reviewed on or before two weeks from today. */
  reviews: ActionView[];
  /** Actions their agency leads or contributes to. */
  agency: ActionView[];
}

/** What waits for `actor` in `tracker` on `today`. */
export function myWork(tracker: Tracker, actor: Actor, today: string): MyWork {
  const plan = tracker.plan;
  const led = new Set(plan.workstreams.filter((w) => w.lead === actor.userId).map((w) => w.id));
  const until = addDays(today, REVIEW_AHEAD_DAYS);
  const work: MyWork = { toCheck: [], toResubmit: [], owned: [], reviews: [], agency: [] };
  for (const action of tracker.state().actions) {
    for (const evidence of action.evidence) {
      if (evidence.status === 'submitted') {
        if (tracker.can(actor, { stream: action.id, type: 'action.evidence.accept', data: { evidenceId: evidence.id } }).ok) work.toCheck.push({ action, evidence });
      } else if (evidence.status === 'returned') {
        const data = { evidenceId: evidence.id, summary: evidence.summary, date: evidence.date, ...(evidence.link ? { link: evidence.link } : {}) };
        if (tracker.can(actor, { stream: action.id, type: 'action.evidence.resubmit', data }).ok) work.toResubmit.push({ action, evidence });
      }
    }
    const open = isOpen(action);
    if (open && action.owner === actor.userId) work.owned.push(action);
    if (open && action.reviewDate && action.reviewDate <= until && (action.owner === actor.userId || led.has(action.workstream))) work.reviews.push(action);
    if (action.leadAgency === actor.agencyId || action.partners.includes(actor.agencyId)) work.agency.push(action);
  }
  work.reviews.sort((a, b) => a.reviewDate!.localeCompare(b.reviewDate!));
  return work;
}

/**
 * What waits for the signed-in person: evidence to accept or return, evidence to resubmit, the
 * actions they own, the reviews they have due, and every action their agency leads or
 * contributes to. Each action's title opens it (`pledge-select`, which `<pledge-tracker>` answers).
 *
 * @customElement pledge-my-work
 * @summary The signed-in person's work: evidence to check, their actions, their reviews due, and their agency's actions.
 * @attr heading-level - The level of the view's heading (2 by default); its sections use the level below.
 * @attr today - The day to count from, YYYY-MM-DD (UK today by default).
 * @event {PledgeSelectEvent} pledge-select - A person chose an action: `event.id` is its id, `event.kind` is `'action'`.
 * @csspart title - The view's heading.
 * @csspart section - Each section (evidence to check, to resubmit, your actions, reviews due, your agency's actions).
 * @csspart heading - Each section's heading.
 * @csspart list - Each section's list.
 * @csspart open - The button on each action's title.
 * @csspart status - The status badge beside each action (a word, a shape and a colour).
 * @csspart empty - The sentence shown when a section has nothing in it.
 * @cssproperty --pledge-color-link - Colour of the action titles.
 * @cssproperty --pledge-color-border - The lines between items.
 */
export class PledgeMyWork extends PledgeElement {
  static override styles = [tokens, contentStyles, badgeStyles, myWorkStyles];
  static override properties = {
    ...PledgeElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** The level of the view's heading (1 to 6). */
  declare headingLevel: number | undefined;

  #open(id: string) {
    const chosen = new PledgeSelectEvent(id, 'action');
    this.dispatchEvent(chosen);
  }

  override render() {
    const m = this.m;
    const tracker = this.tracker;
    if (!tracker) return html`<p part="empty">${m.noTracker}</p>`;
    const title = heading(this.headingLevel, 'title', m.myWorkTitle, 'my-work-title');
    if (!this.actor) return html`${title}<p part="empty">${m.myWorkSignIn}</p>`;
    const work = myWork(tracker, this.actor, this.day);
    const names = planNames(tracker.plan);
    const level = subLevel(this.headingLevel);
    const agencyName = names.agency(this.actor.agencyId) ?? this.actor.agencyId;
    return html`
      ${title}
      <p>${m.myWorkIntro(work.toCheck.length, work.owned.length, work.reviews.length)}</p>
      ${this.#section('to-check', level, m.myWorkToCheck, work.toCheck.map(({ action, evidence }) =>
        this.#item(action, html`“${evidence.summary}”`, m.myWorkSubmitted(names.person(evidence.submittedBy) ?? '', names.agency(evidence.agencyId) ?? ''))), m.myWorkNothingToCheck)}
      ${work.toResubmit.length
        ? this.#section('to-resubmit', level, m.myWorkToResubmit, work.toResubmit.map(({ action, evidence }) =>
            this.#item(action, html`“${evidence.summary}”`, evidence.returnReason ? m.myWorkReturned(evidence.returnReason) : undefined)), '')
        : nothing}
      ${this.#section('owned', level, m.myWorkOwned, work.owned.map((a) => this.#item(a, undefined, a.dueDate ? m.myWorkDue(formatDate(a.dueDate)) : m.whyNoDueDate)), m.myWorkNothingOwned)}
      ${this.#section('reviews', level, m.myWorkReviews, work.reviews.map((a) =>
        this.#item(a, undefined, a.reviewDate! < this.day ? m.myWorkReviewWasDue(formatDate(a.reviewDate)) : m.myWorkReviewDue(formatDate(a.reviewDate)))), m.myWorkNoReviews)}
      ${this.#section('agency', level, m.myWorkAgency(agencyName), work.agency.map((a) =>
        this.#item(a, undefined, a.leadAgency === this.actor!.agencyId ? m.myWorkLeads(agencyName) : m.myWorkContributes(agencyName, names.agency(a.leadAgency) ?? a.leadAgency))), m.myWorkNoAgency(agencyName))}
    `;
  }

  #section(id: string, level: number, title: string, items: TemplateResult[], empty: string) {
    return html`<section part="section" class=${id} aria-labelledby="section-${id}">
      ${heading(level, 'heading', html`${title} <span class="count">(${items.length})</span>`, `section-${id}`)}
      ${items.length ? html`<ul class="items" part="list">${items}</ul>` : html`<p part="empty">${empty}</p>`}
    </section>`;
  }

  #item(action: ActionView, what: TemplateResult | undefined, detail: string | undefined) {
    const m = this.m;
    const plan = this.tracker!.plan;
    const calendar = { closures: plan.board.closures };
    const { status } = bragOf(action, this.day, plan.brag, calendar);
    const review = status === 'amber' && amberReason(action, this.day, plan.brag, calendar) === 'review';
    return html`<li data-id=${action.id}>
      <span class="what">
        <button type="button" class="open" part="open" @click=${() => this.#open(action.id)}>${action.title}</button>
        <span class="id">(${action.id})</span>
        ${what ? html`<span class="detail">${what}</span>` : nothing}
        ${detail ? html`<span class="detail">${detail}</span>` : nothing}
      </span>
      ${badge(status, review ? m.reviewOverdue : (m.brag[status] ?? status), 'status', review)}
    </li>`;
  }
}
