import { html, nothing, type PropertyValues } from 'lit';
import { amberReason, bragGrounds, type ActionEventType, type ActionView, type Actor } from '@pledgeflow/core';
import type { PledgeEvidenceForm } from '../evidence-form/evidence-form.js';
import { bragOf } from '../shared/brag-cache.js';
import type { PledgeStepEvent } from '../shared/events.js';
import { heading, subLevel } from '../shared/heading.js';
import { PledgeElement } from '../shared/pledge-element.js';
import { StepFormController } from '../shared/step-form-controller.js';
import { formStyles } from '../shared/form.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { renderDetails } from './action-details.js';
import { renderEvidence } from './action-evidence.js';
import { renderHistory } from './action-history.js';
import { statusWhy } from './history-words.js';
import { actionStyles } from './action.styles.js';
import { readStepFields, renderEvidenceChoice, renderStepFields, type StepFieldsContext } from './step-fields.js';
import { groupByReasons, splitByRole, stepsFor, type ShownStep } from './steps.js';

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
 * @event {PledgeStepEvent} pledge-step - A person took a step, or tried to: `event.step` is the step as sent (`{ stream, type, data }`), `event.result` is `{ ok: true, event, warnings }` or `{ ok: false, reasons }`, and `event.event` is the event recorded, only when the step was taken.
 * @csspart title - The action's title.
 * @csspart details-title - The heading over the details.
 * @csspart details - The list of details.
 * @csspart steps-title - The heading over the next steps.
 * @csspart steps - The section with the steps this person may take.
 * @csspart step-button - Each step's button.
 * @csspart cannot-title - The heading over the steps this person's role takes but they may not take now, and why.
 * @csspart not-yours - The folded list of steps this person's role never takes, and why.
 * @csspart step-form - The form that asks for what a step needs.
 * @csspart step-form-title - The step form's heading.
 * @csspart error-summary - The box at the top of the step form that lists the problems with what was typed.
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
  };

  /** The id of the action shown. */
  declare actionId: string | undefined;
  /** The level of the title heading; sections use the level below. */
  declare headingLevel: number | undefined;
  /** The clock steps are dated by. A property so that tests and replays can fix it. */
  declare now: () => Date;
  /** The step whose form is open. */
  declare protected openStep: ActionEventType | undefined;

  /** What was typed in the open step's form, its problems, and what became of the last step. */
  protected readonly stepForm = new StepFormController<Record<string, string>>(this, { empty: () => ({}), refusal: '.refusal' });

  constructor() {
    super();
    this.now = () => new Date();
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
      this.stepForm.clear();
    }
  }

  override render() {
    const m = this.m;
    const tracker = this.tracker;
    if (!tracker) return html`<p>${m.noTracker}</p>`;
    const action = this.actionId ? tracker.getAction(this.actionId) : undefined;
    if (!action) return html`<p role="alert">${m.actionNotFound(this.actionId ?? '')}</p>`;
    const calendar = { closures: tracker.plan.board.closures };
    const brag = bragOf(action, this.day, tracker.plan.brag, calendar);
    const review = brag.status === 'amber' && amberReason(action, this.day, tracker.plan.brag, calendar) === 'review';
    return html`
      <article>
        <header class="head" tabindex="-1">
          ${heading(this.headingLevel, 'title', action.title, 'title')}
          <p class="id">${action.id}</p>
          <p class="status">
            <pledge-status status=${brag.status} ?review-overdue=${review} .messages=${this.messages}></pledge-status>
            <span class="why"><span class="visually-hidden">${m.statusWhy}: </span>${statusWhy(bragGrounds(action, this.day, tracker.plan.brag, calendar), action, m)}</span>
          </p>
        </header>
        ${action.description ? html`<p class="description">${action.description}</p>` : nothing}
        ${renderDetails(action, tracker.plan, m, this.headingLevel)}
        ${this.#renderSteps(action)}
        ${renderEvidence(action, tracker.plan, m, this.headingLevel)}
        ${renderHistory(tracker.history(action.id), tracker.plan, m, this.headingLevel)}
      </article>
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
        ${this.stepForm.renderOutcome(m.stepWarnings)}
        ${this.stepForm.renderRefusal(m.stepRefused)}
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
        ${refused.length ? this.#renderRefused(refused, actor!) : nothing}
      </section>
    `;
  }

  /**
   * The steps this person may not take now, and why. Those their role takes (but not on this
   * item, or not yet) come first and open; those their role never takes are folded away, so a
   * partner sees why they cannot add evidence without reading eleven steps that are not theirs.
   */
  #renderRefused(refused: ShownStep[], actor: Actor) {
    const m = this.m;
    const label = (type: string) => m.stepButtons[type] ?? type;
    const { yours, others } = splitByRole(refused, actor);
    const list = (steps: ShownStep[]) => html`<ul>
      ${groupByReasons(steps).map((g) => html`<li>
        <strong>${g.types.map(label).join(', ')}</strong>:
        ${g.reasons.join(' ')}
      </li>`)}
    </ul>`;
    return html`<div class="cannot">
      ${yours.length
        ? html`${heading(Math.min(6, subLevel(this.headingLevel) + 1), 'cannot-title', m.cannotTitle)} ${list(yours)}`
        : nothing}
      ${others.length
        ? html`<details class="not-yours" part="not-yours">
            <summary>${m.notYourSteps(others.length)}</summary>
            ${list(others)}
          </details>`
        : nothing}
    </div>`;
  }

  #renderStepForm(action: ActionView, step: ShownStep) {
    const m = this.m;
    const ctx: StepFieldsContext = { m, plan: this.tracker!.plan, form: this.stepForm };
    const level = Math.min(6, subLevel(this.headingLevel) + 1);
    if (EVIDENCE_FORM_STEPS.includes(step.type)) {
      const resubmit = step.type === 'action.evidence.resubmit';
      const chosen = resubmit ? (step.evidence?.find((e) => e.id === this.stepForm.values['evidenceId']) ?? step.evidence?.[0]) : undefined;
      return html`
        <div class="step-form evidence-step" part="step-form">
          ${resubmit && step.evidence && step.evidence.length > 1 ? renderEvidenceChoice(step.evidence, 'evidenceId', chosen?.id, ctx) : nothing}
          <pledge-evidence-form
            action-id=${action.id}
            evidence-id=${chosen?.id ?? nothing}
            heading-level=${level}
            .tracker=${this.tracker} .actor=${this.actor} .today=${this.today} .messages=${this.messages} .now=${this.now}
            @pledge-step=${this.#onEvidenceStep}
          ></pledge-evidence-form>
          <button type="button" class="secondary" @click=${this.#cancel}>${m.cancel}</button>
        </div>
      `;
    }
    return html`
      <form class="step-form" part="step-form" novalidate aria-labelledby="step-form-title" @submit=${(e: Event) => this.#submit(e, action, step)}>
        ${heading(level, 'step-form-title', m.stepButtons[step.type] ?? step.type, 'step-form-title')}
        ${this.stepForm.renderErrorSummary(m.errorSummaryTitle)}
        ${renderStepFields(step, ctx)}
        <div class="buttons">
          <button type="submit">${m.confirm}</button>
          <button type="button" class="secondary" @click=${this.#cancel}>${m.cancel}</button>
        </div>
      </form>
    `;
  }

  async #toggle(type: ActionEventType) {
    const opening = this.openStep !== type;
    this.openStep = opening ? type : undefined;
    this.stepForm.clear();
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
    this.stepForm.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-step="${type}"]`)?.focus();
  }

  #submit(event: Event, action: ActionView, step: ShownStep) {
    event.preventDefault();
    const { data, errors } = readStepFields(step, this.stepForm.values, this.renderRoot, this.m);
    if (!this.stepForm.check(errors)) return;
    const result = this.stepForm.take({ stream: action.id, type: step.type, data }, this.m.stepDone(this.m.stepButtons[step.type] ?? step.type));
    if (result.ok) this.openStep = undefined;
  }

  /** The embedded evidence form sent a step: on success, close it and say so here. */
  #onEvidenceStep(event: PledgeStepEvent) {
    if (!event.result.ok) return; // the form shows its own reasons and keeps what was typed
    const label = this.m.stepButtons[this.openStep ?? 'action.evidence.add'] ?? '';
    this.openStep = undefined;
    this.stepForm.announce(event.result, this.m.stepDone(label));
  }
}
