import { html, nothing, type PropertyValues } from 'lit';
import {
  londonDate, createEventId, isCalendarDate, PRINCIPLES, type ActionEventType, type ActionView, type EventInput, type Evidence,
  type HistoryEntry, type PledgeEvent, type SendResult,
} from '@pledgeflow/core';
import type { PledgeEvidenceForm } from '../evidence-form/evidence-form.js';
import { bragOf } from '../shared/brag-cache.js';
import { PledgeStepEvent } from '../shared/events.js';
import { formatDate, formatInstant } from '../shared/format.js';
import { heading, subLevel } from '../shared/heading.js';
import { PledgeElement } from '../shared/pledge-element.js';
import { planNames } from '../shared/plan-names.js';
import { safeHref } from '../shared/safe-link.js';
import { formStyles } from '../shared/form.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { actionStyles } from './action.styles.js';
import { groupByReasons, STEP_FIELDS, stepsFor, type FieldKind, type ShownStep } from './steps.js';

/** Steps that open `<pledge-evidence-form>` rather than the small step form. */
const EVIDENCE_FORM_STEPS: readonly string[] = ['action.evidence.add', 'action.evidence.resubmit'];

/**
 * One action-plan item: its details, BRAG status, evidence and history, and the steps the
 * signed-in person may take on it now. Steps that need something from the person (a reason,
 * a new due date, which evidence) ask for it in a small form in the page. Steps the item
 * could take but this person may not are listed with the reason, so everyone can see why.
 *
 * @customElement pledge-action
 * @summary One action with its evidence, its history and the next steps this person may take.
 * @attr action-id - The id of the action to show.
 * @attr heading-level - The level of the action's title heading (2 by default); its sections use the level below.
 * @attr today - The day to count from, YYYY-MM-DD (UK today by default).
 * @event {PledgeStepEvent} pledge-step - A person took a step, or tried to: `event.result` is `{ ok: true, event, warnings }` or `{ ok: false, reasons }`; `event.event` is the event.
 * @csspart title - The action's title.
 * @csspart details-title - The heading over the details.
 * @csspart details - The list of details.
 * @csspart steps-title - The heading over the next steps.
 * @csspart steps - The section with the steps this person may take.
 * @csspart step-button - Each step's button.
 * @csspart cannot-title - The heading over the steps this person may not take, and why.
 * @csspart step-form - The form that asks for what a step needs.
 * @csspart step-form-title - The step form's heading.
 * @csspart result - The live region that says what happened.
 * @csspart evidence-title - The heading over the evidence.
 * @csspart evidence - The evidence list.
 * @csspart history-title - The heading over the history.
 * @csspart history - The history list.
 * @cssproperty --pledge-color-error - Border of the box that lists why a step was refused.
 * @cssproperty [--pledge-color-success=#00703c] - Border of the box that says a step was taken.
 * @cssproperty --pledge-color-border - Border of the step form and the lines between details.
 * @cssproperty [--pledge-color-red=#942514] - Overdue badge (and returned, submitted and accepted evidence tags): text, shape and border.
 * @cssproperty [--pledge-color-red-background=#f4cdc6] - Overdue badge (and returned, submitted and accepted evidence tags): background.
 * @cssproperty [--pledge-color-amber=#6e3619] - At risk badge (and returned, submitted and accepted evidence tags): text, shape and border.
 * @cssproperty [--pledge-color-amber-background=#fcd6c3] - At risk badge (and returned, submitted and accepted evidence tags): background.
 * @cssproperty [--pledge-color-green=#005a30] - On track badge (and returned, submitted and accepted evidence tags): text, shape and border.
 * @cssproperty [--pledge-color-green-background=#cce2d8] - On track badge (and returned, submitted and accepted evidence tags): background.
 * @cssproperty [--pledge-color-blue=#0c2d4a] - Done badge (and returned, submitted and accepted evidence tags): text, shape and border.
 * @cssproperty [--pledge-color-blue-background=#bbd4ea] - Done badge (and returned, submitted and accepted evidence tags): background.
 * @cssproperty [--pledge-color-grey=#383f43] - Not active badge (and returned, submitted and accepted evidence tags): text, shape and border.
 * @cssproperty [--pledge-color-grey-background=#e5e6e7] - Not active badge (and returned, submitted and accepted evidence tags): background.
 */
export class PledgeAction extends PledgeElement {
  static override styles = [tokens, formStyles, actionStyles];
  static override properties = {
    ...PledgeElement.properties,
    actionId: { type: String, attribute: 'action-id', reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    now: { attribute: false },
    openStep: { state: true },
    values: { state: true },
    errors: { state: true },
    refusal: { state: true },
    result: { state: true },
  };

  /** The id of the action shown. */
  declare actionId: string | undefined;
  /** The level of the title heading; sections use the level below. */
  declare headingLevel: number | undefined;
  /** The clock for new events' `at` and ids. A property so that tests and replays can fix it. */
  declare now: () => Date;
  declare protected openStep: ActionEventType | undefined;
  declare protected values: Record<string, string>;
  declare protected errors: Record<string, string>;
  declare protected refusal: string[] | undefined;
  declare protected result: { message: string; warnings: string[] } | undefined;

  constructor() {
    super();
    this.now = () => new Date();
    this.values = {};
    this.errors = {};
  }

  /** Moves keyboard focus to the action's title and status (after it was chosen in a list, say). */
  focusTitle(): void {
    this.renderRoot.querySelector<HTMLElement>('.head')?.focus();
  }

  protected override watchedStreams(): readonly string[] | undefined {
    return this.actionId ? [this.actionId] : [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A different action or person starts with a clean slate: no half-filled step form.
    if ((changed.has('actionId') && changed.get('actionId') !== undefined) || (changed.has('actor') && changed.get('actor') !== undefined)) {
      this.openStep = undefined;
      this.values = {};
      this.errors = {};
      this.refusal = undefined;
      this.result = undefined;
    }
  }

  override render() {
    const m = this.m;
    const tracker = this.tracker;
    if (!tracker) return html`<p>${m.noTracker}</p>`;
    const action = this.actionId ? tracker.getAction(this.actionId) : undefined;
    if (!action) return html`<p role="alert">${m.actionNotFound(this.actionId ?? '')}</p>`;
    const brag = bragOf(action, this.day, tracker.plan.brag, { closures: tracker.plan.board.closures });
    return html`
      <article>
        <header class="head" tabindex="-1">
          ${heading(this.headingLevel, 'title', action.title, 'title')}
          <p class="id">${action.id}</p>
          <p class="status">
            <pledge-status status=${brag.status} .messages=${this.messages}></pledge-status>
            <span class="why"><span class="visually-hidden">${m.statusWhy}: </span>${brag.why}</span>
          </p>
        </header>
        ${action.description ? html`<p class="description">${action.description}</p>` : nothing}
        ${this.#renderDetails(action)}
        ${this.#renderSteps(action)}
        ${this.#renderEvidence(action)}
        ${this.#renderHistory(tracker.history(action.id))}
      </article>
    `;
  }

  #renderDetails(action: ActionView) {
    const m = this.m;
    const plan = this.tracker!.plan;
    const names = planNames(plan);
    const promises = action.promises.map((id) => plan.promises.find((p) => p.id === id)).filter((p) => !!p);
    const row = (term: string, value: unknown) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
    const none = html`<span class="muted">${m.none}</span>`;
    return html`
      <section aria-labelledby="details-title">
        ${heading(subLevel(this.headingLevel), 'details-title', m.details, 'details-title')}
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

  #renderSteps(action: ActionView) {
    const m = this.m;
    const actor = this.actor;
    const { offered, refused } = actor ? stepsFor(this.tracker!, actor, action.id) : { offered: [], refused: [] };
    const open = offered.find((s) => s.type === this.openStep);
    const label = (type: string) => m.stepButtons[type] ?? type;
    return html`
      <section part="steps" aria-labelledby="steps-title">
        ${heading(subLevel(this.headingLevel), 'steps-title', m.nextSteps, 'steps-title')}
        <div class="result ${this.result ? 'shown' : ''}" part="result" role="status" tabindex="-1">
          ${this.result
            ? html`<p>${this.result.message}</p>
                ${this.result.warnings.length
                  ? html`<p>${m.stepWarnings}</p><ul>${this.result.warnings.map((w) => html`<li>${w}</li>`)}</ul>`
                  : nothing}`
            : nothing}
        </div>
        ${this.refusal
          ? html`<div class="refusal" role="alert" tabindex="-1">
              <p>${m.stepRefused}</p>
              <ul>${this.refusal.map((r) => html`<li>${r}</li>`)}</ul>
            </div>`
          : nothing}
        ${!actor
          ? html`<p>${m.noActor}</p>`
          : offered.length
            ? html`<ul class="step-buttons">
                ${offered.map((s) => html`<li>
                  <button type="button" part="step-button" class=${s.type === this.openStep ? 'secondary' : ''}
                    data-step=${s.type} aria-expanded=${s.type === this.openStep ? 'true' : 'false'} aria-controls="step-panel"
                    @click=${() => this.#toggle(s.type)}>${label(s.type)}</button>
                </li>`)}
              </ul>`
            : html`<p>${this.tracker?.closedReason ?? m.noSteps}</p>`}
        <div id="step-panel">${open ? this.#renderStepForm(action, open) : nothing}</div>
        ${refused.length
          ? html`<div class="cannot">
              ${heading(Math.min(6, subLevel(this.headingLevel) + 1), 'cannot-title', m.cannotTitle)}
              <ul>
                ${groupByReasons(refused).map((g) => html`<li>
                  <strong>${g.types.map(label).join(', ')}</strong>:
                  ${g.reasons.join(' ')}
                </li>`)}
              </ul>
            </div>`
          : nothing}
      </section>
    `;
  }

  #renderStepForm(action: ActionView, step: ShownStep) {
    const m = this.m;
    const label = m.stepButtons[step.type] ?? step.type;
    if (EVIDENCE_FORM_STEPS.includes(step.type)) {
      const resubmit = step.type === 'action.evidence.resubmit';
      const chosen = resubmit ? (step.evidence?.find((e) => e.id === this.values['evidenceId']) ?? step.evidence?.[0]) : undefined;
      return html`
        <div class="step-form evidence-step" part="step-form">
          ${resubmit && step.evidence && step.evidence.length > 1 ? this.#renderEvidenceChoice(step.evidence, 'evidenceId', chosen?.id) : nothing}
          <pledge-evidence-form
            action-id=${action.id}
            evidence-id=${chosen?.id ?? nothing}
            heading-level=${Math.min(6, subLevel(this.headingLevel) + 1)}
            .tracker=${this.tracker} .actor=${this.actor} .today=${this.today} .messages=${this.messages} .now=${this.now}
            @pledge-step=${this.#onEvidenceStep}
          ></pledge-evidence-form>
          <button type="button" class="secondary" @click=${this.#cancel}>${m.cancel}</button>
        </div>
      `;
    }
    const fields: Readonly<Record<string, FieldKind>> = STEP_FIELDS[step.type] ?? {};
    const errorIds = Object.keys(this.errors);
    return html`
      <form class="step-form" part="step-form" novalidate aria-labelledby="step-form-title" @submit=${(e: Event) => this.#submit(e, action, step)}>
        ${heading(Math.min(6, subLevel(this.headingLevel) + 1), 'step-form-title', label, 'step-form-title')}
        ${errorIds.length
          ? html`<div class="error-summary" role="alert" tabindex="-1">
              <p>${m.errorSummaryTitle}</p>
              <ul>${errorIds.map((f) => html`<li><a href="#step-${f}" @click=${(e: Event) => this.#focusField(e, f)}>${this.errors[f]}</a></li>`)}</ul>
            </div>`
          : nothing}
        ${Object.entries(fields).map(([name, kind]) => this.#renderField(step, name, kind))}
        <div class="buttons">
          <button type="submit">${m.confirm}</button>
          <button type="button" class="secondary" @click=${this.#cancel}>${m.cancel}</button>
        </div>
      </form>
    `;
  }

  #renderField(step: ShownStep, name: string, kind: string) {
    const m = this.m;
    const required = step.needs.includes(name);
    const text = name === 'note' && required ? m.stepFields['progressNote']! : (m.stepFields[name] ?? name);
    const error = this.errors[name];
    const id = `step-${name}`;
    const describedBy = error ? `${id}-error` : undefined;
    const errorLine = error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${m.errorPrefix}</span> ${error}</p>` : nothing;
    const value = this.values[name] ?? '';
    const onInput = (e: Event) => {
      this.values = { ...this.values, [name]: (e.target as HTMLInputElement).value };
    };
    const field = (control: unknown) => html`<div class="field ${error ? 'has-error' : ''}">
      <label for=${id}>${text}</label>${errorLine}${control}
    </div>`;
    switch (kind) {
      case 'date':
        return field(html`<input type="date" id=${id} name=${name} .value=${value} ?required=${required}
          aria-invalid=${error ? 'true' : nothing} aria-describedby=${describedBy ?? nothing} @input=${onInput} @change=${onInput} />`);
      case 'person': {
        const people = [...this.tracker!.plan.people].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
        return field(html`<select id=${id} name=${name} ?required=${required} aria-invalid=${error ? 'true' : nothing}
          aria-describedby=${describedBy ?? nothing} @change=${onInput}>
          <option value="" ?selected=${!value}>${m.chooseOwner}</option>
          ${people.map((p) => html`<option value=${p.id} ?selected=${value === p.id}>${p.name}${p.jobTitle ? `, ${p.jobTitle}` : ''}</option>`)}
        </select>`);
      }
      case 'evidence':
        return this.#renderEvidenceChoice(step.evidence ?? [], name, value, error);
      default:
        return field(html`<textarea id=${id} name=${name} rows="3" .value=${value} ?required=${required}
          aria-invalid=${error ? 'true' : nothing} aria-describedby=${describedBy ?? nothing} @input=${onInput}></textarea>`);
    }
  }

  /** Radios to choose one piece of evidence (accept, return, resubmit). */
  #renderEvidenceChoice(evidence: readonly Evidence[], name: string, value: string | undefined, error?: string) {
    const m = this.m;
    const names = planNames(this.tracker!.plan);
    return html`<fieldset class="field choice ${error ? 'has-error' : ''}" id="step-${name}" tabindex="-1"
        aria-describedby=${error ? `step-${name}-error` : nothing}>
      <legend>${m.stepFields['evidenceId']}</legend>
      ${error ? html`<p class="field-error" id="step-${name}-error"><span class="visually-hidden">${m.errorPrefix}</span> ${error}</p>` : nothing}
      ${evidence.map((e, i) => html`<div class="radio">
        <input type="radio" id="step-${name}-${i}" name=${name} value=${e.id} .checked=${value === e.id}
          @change=${() => (this.values = { ...this.values, [name]: e.id })} />
        <label for="step-${name}-${i}">${e.summary}
          <span class="meta">${m.submittedBy(names.person(e.submittedBy) ?? '', names.agency(e.agencyId) ?? '', formatDate(londonDate(e.submittedAt)))}</span></label>
      </div>`)}
    </fieldset>`;
  }

  async #toggle(type: ActionEventType) {
    const opening = this.openStep !== type;
    this.openStep = opening ? type : undefined;
    this.values = {};
    this.errors = {};
    this.refusal = undefined;
    this.result = undefined;
    await this.updateComplete;
    if (!opening) return;
    // Focus goes to the first thing to fill in (or the form's first control).
    const panel = this.renderRoot.querySelector<HTMLElement>('#step-panel');
    const first = panel?.querySelector<HTMLElement>('input, textarea, select, pledge-evidence-form, button');
    if (first?.localName === 'pledge-evidence-form') {
      const form = first as PledgeEvidenceForm;
      await form.updateComplete;
      form.focusFirstField();
    } else first?.focus();
  }

  async #cancel() {
    const type = this.openStep;
    this.openStep = undefined;
    this.values = {};
    this.errors = {};
    this.refusal = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-step="${type}"]`)?.focus();
  }

  #focusField(event: Event, name: string) {
    event.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#step-${name}`);
    const control = target?.localName === 'fieldset' ? target.querySelector<HTMLElement>('input') : target;
    control?.focus();
  }

  async #submit(event: Event, action: ActionView, step: ShownStep) {
    event.preventDefault();
    const m = this.m;
    const fields: Readonly<Record<string, FieldKind>> = STEP_FIELDS[step.type] ?? {};
    const data: Record<string, string> = {};
    const errors: Record<string, string> = {};
    for (const [name, kind] of Object.entries(fields)) {
      const value = (this.values[name] ?? '').trim();
      const required = step.needs.includes(name);
      // A date input that holds a half-typed date reports an empty value: never drop it silently.
      const input = this.renderRoot.querySelector<HTMLInputElement>(`#step-${name}`);
      if (kind === 'date' && input?.validity.badInput) {
        errors[name] = m.stepFieldErrors[name] ?? name;
        continue;
      }
      if (!value) {
        if (required) errors[name] = m.stepFieldErrors[name] ?? name;
        continue;
      }
      if (kind === 'date' && !isCalendarDate(value)) {
        errors[name] = m.stepFieldErrors[name] ?? name;
        continue;
      }
      data[name] = value;
    }
    this.errors = errors;
    this.refusal = undefined;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    this.#send({ stream: action.id, type: step.type, data }, m.stepButtons[step.type] ?? step.type);
  }

  /** Sends a step; announces the result or shows every reason it was refused. */
  #send(step: { stream: string; type: ActionEventType; data: Record<string, string> }, label: string) {
    const now = this.now();
    const input = { id: createEventId(now.getTime()), ...step, actor: this.actor!, at: now.toISOString() } as EventInput;
    const result = this.tracker!.send(input);
    void this.#announce(result, label);
    this.dispatchEvent(new PledgeStepEvent(result.ok ? result.event : (input as PledgeEvent), result));
  }

  async #announce(result: SendResult, label: string) {
    if (result.ok) {
      this.openStep = undefined;
      this.values = {};
      this.errors = {};
      this.refusal = undefined;
      this.result = { message: this.m.stepDone(label), warnings: result.warnings };
      await this.updateComplete;
      // The button pressed may be gone now (the item moved on): keep focus in a known place.
      this.renderRoot.querySelector<HTMLElement>('.result')?.focus();
    } else {
      this.result = undefined;
      this.refusal = result.reasons;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.refusal')?.focus();
    }
  }

  /** The embedded evidence form sent a step: on success, close it and say so here. */
  #onEvidenceStep(event: PledgeStepEvent) {
    if (!event.result.ok) return; // the form shows its own reasons and keeps what was typed
    const label = this.m.stepButtons[this.openStep ?? 'action.evidence.add'] ?? '';
    void this.#announce(event.result, label);
  }

  #renderEvidence(action: ActionView) {
    const m = this.m;
    const names = planNames(this.tracker!.plan);
    return html`
      <section aria-labelledby="evidence-title">
        ${heading(subLevel(this.headingLevel), 'evidence-title', m.evidence, 'evidence-title')}
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

  #renderHistory(history: HistoryEntry[]) {
    const m = this.m;
    return html`
      <section aria-labelledby="history-title">
        ${heading(subLevel(this.headingLevel), 'history-title', m.history, 'history-title')}
        ${history.length
          ? html`<ol class="history" part="history">
              ${history.map((h) => {
                // The summary already says why for most steps; a note on the others is shown below it.
                const why = [h.data['reason'], h.data['note']].find((t): t is string => typeof t === 'string' && !h.summary.includes(t));
                return html`<li>
                  <p class="meta"><time datetime=${h.at}>${formatInstant(h.at)}</time>, ${m.historyBy(h.actor.roleLabel)}</p>
                  <p>${h.summary}</p>
                  ${why ? html`<p class="why-note">${why}</p>` : nothing}
                </li>`;
              })}
            </ol>`
          : html`<p>${m.noHistory}</p>`}
      </section>
    `;
  }
}
