import { html, nothing, type ReactiveController } from 'lit';
import type { SendResult } from '@pledgeflow/core';
import { PledgeStepEvent, type TakenStep } from './events.js';
import type { PledgeElement } from './pledge-element.js';

/** An element with a step form: its tracker and person, and the clock a step is dated by. */
export type StepFormHost = PledgeElement & { now: () => Date };

/** A problem with what was typed in one field, and the control the error summary links to. */
export interface FieldError {
  message: string;
  /** The id of the control that takes focus from the summary's link (a fieldset's first input). */
  target: string;
}

/** What the live region says once a step was taken. */
export interface StepOutcome {
  message: string;
  /** Things the person should look at, such as text that looks like personal data. */
  warnings: string[];
}

export interface StepFormOptions<V> {
  /** A fresh form's values. */
  empty: () => V;
  /** Where the reasons for a refused step are shown, which takes focus: the error summary unless given. */
  refusal?: string;
}

/**
 * What the step forms of `<pledge-action>` and `<pledge-evidence-form>` share, as the GOV.UK
 * Design System asks for it: what was typed (never cleared by an error), the problems with
 * it in a summary at the top that takes focus, taking the step with `tracker.step()` (dated
 * by the host's `now`), and then either the tracker's reasons for refusing it or a message in
 * a live region that takes focus, since the button pressed may be gone.
 */
export class StepFormController<V extends object, E extends FieldError = FieldError> implements ReactiveController {
  #values: V;
  #errors: Partial<Record<string, E>> = {};
  #refusal: string[] | undefined;
  #outcome: StepOutcome | undefined;

  constructor(
    private readonly host: StepFormHost,
    private readonly options: StepFormOptions<V>,
  ) {
    this.#values = options.empty();
    host.addController(this);
  }

  // Nothing to do on connect: the state lives here and the host re-renders when it changes.
  hostConnected(): void {}

  /** What was typed, by field. */
  get values(): Readonly<V> {
    return this.#values;
  }

  /** The problems with what was typed, by field, in the order the summary lists them. */
  get errors(): Readonly<Partial<Record<string, E>>> {
    return this.#errors;
  }

  /** The tracker's reasons for refusing the last step, kept until the next try. */
  get refusal(): readonly string[] | undefined {
    return this.#refusal;
  }

  /** What the live region says about the last step taken. */
  get outcome(): StepOutcome | undefined {
    return this.#outcome;
  }

  /** The person typed in a field: keep it, and stop saying the last step was taken. */
  input<K extends keyof V>(name: K, value: V[K]): void {
    this.#values = { ...this.#values, [name]: value };
    this.#outcome = undefined;
    this.host.requestUpdate();
  }

  /** Starts the form again (with `values`, or empty): no problems and no refusal. What the live region says stays. */
  reset(values: V = this.options.empty()): void {
    this.#values = values;
    this.#errors = {};
    this.#refusal = undefined;
    this.host.requestUpdate();
  }

  /** As `reset()`, and the live region says nothing: for a new item, person or step. */
  clear(): void {
    this.reset();
    this.#outcome = undefined;
  }

  /** Shows the problems with what was typed; when there are any the summary takes focus. True when there are none. */
  check(errors: Partial<Record<string, E>>): boolean {
    this.#errors = errors;
    this.#refusal = undefined;
    this.#outcome = undefined;
    this.host.requestUpdate();
    if (!Object.keys(errors).length) return true;
    void this.#focus('.error-summary');
    return false;
  }

  /** Takes `step` as the host's person, says what happened (`message` when it was taken), and fires `pledge-step`. */
  take(step: TakenStep, message: string): SendResult {
    const host = this.host;
    const result = host.tracker!.step(host.actor!, step, { at: host.now().getTime() });
    this.announce(result, message);
    host.dispatchEvent(new PledgeStepEvent(step, result));
    return result;
  }

  /** Says what became of a step: on success the form starts again and the live region takes focus; else the reasons do. */
  announce(result: SendResult, message: string): void {
    if (result.ok) {
      this.reset();
      this.#outcome = { message, warnings: result.warnings };
      void this.#focus('[part="result"]');
    } else {
      this.#outcome = undefined;
      this.#refusal = result.reasons;
      this.host.requestUpdate();
      void this.#focus(this.options.refusal ?? '.error-summary');
    }
  }

  /** The live region (`part="result"`), always in the page so that what it says is announced. */
  renderOutcome(warningsIntro: string) {
    const outcome = this.#outcome;
    return html`<div class="result ${outcome ? 'shown' : ''}" part="result" role="status" tabindex="-1">
      ${outcome
        ? html`<p>${outcome.message}</p>
            ${outcome.warnings.length ? html`<p>${warningsIntro}</p><ul>${outcome.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : nothing}`
        : nothing}
    </div>`;
  }

  /** The error summary: a link to each field with a problem, then `more` (a refusal's reasons, say). */
  renderErrorSummary(title: string, more: readonly string[] = []) {
    const errors = Object.values(this.#errors).filter((e): e is E => !!e);
    if (!errors.length && !more.length) return nothing;
    return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <p class="error-summary-title" id="error-summary-title">${title}</p>
      <ul>
        ${errors.map((e) => html`<li><a href="#${e.target}" @click=${(event: Event) => this.#focusField(event, e.target)}>${e.message}</a></li>`)}
        ${more.map((r) => html`<li>${r}</li>`)}
      </ul>
    </div>`;
  }

  /** The reasons the tracker refused the step, in a box of their own (`options.refusal`). */
  renderRefusal(intro: string) {
    if (!this.#refusal) return nothing;
    return html`<div class="refusal" role="alert" tabindex="-1">
      <p>${intro}</p>
      <ul>${this.#refusal.map((r) => html`<li>${r}</li>`)}</ul>
    </div>`;
  }

  /** The message beside a field (`id`), for its `aria-describedby`. */
  renderFieldError(id: string, error: E | undefined, prefix: string) {
    return error ? html`<p class="field-error" id=${id}><span class="visually-hidden">${prefix}</span> ${error.message}</p>` : nothing;
  }

  #focusField(event: Event, id: string) {
    event.preventDefault();
    const target = this.host.renderRoot.querySelector<HTMLElement>(`#${id}`);
    (target?.localName === 'fieldset' ? target.querySelector<HTMLElement>('input') : target)?.focus();
  }

  async #focus(selector: string) {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
