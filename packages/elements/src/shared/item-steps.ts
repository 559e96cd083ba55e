import { html, nothing } from 'lit';
import { EVENT_FIELDS, isCalendarDate, isSafeLink, type Actor, type EventType, type NextStep } from '@pledgeflow/core';
import { groupByReasons, splitByRole } from '../action/steps.js';
import { heading } from './heading.js';
import type { Messages } from './messages.js';
import { StepFormController, type FieldError, type StepFormHost } from './step-form-controller.js';

/** A choice for a field that names something in the plan (a person, a working group, a question). */
export interface Choice {
  value: string;
  label: string;
}

/**
 * A step on a meeting or a recommendation as a list view offers it: what the tracker says
 * (`NextStep`), the choices for the fields that name something, and the data that is filled
 * in without asking (a new question's id, say).
 */
export interface ItemStep extends NextStep {
  choices?: Readonly<Record<string, readonly Choice[]>>;
  fixed?: Readonly<Record<string, string>>;
}

/** The steps on one item, as its host worked them out. */
export interface ItemSteps {
  stream: string;
  /** How the item is named in headings and messages ("Recommendation 3"). */
  name: string;
  offered: ItemStep[];
  refused: NextStep[];
}

/** The form controls of `EVENT_FIELDS`' kinds: an id is chosen from a list, a response from radios. */
const CONTROL = { id: 'select', date: 'date', reason: 'textarea', text: 'textarea', link: 'link', response: 'radios' } as const;

const fieldId = (name: string) => `item-step-${name}`;

/**
 * The step forms of the list views (`<pledge-meetings>`, `<pledge-recommendations>`): one form
 * open at a time, for one step on one item, with the fields from core's `EVENT_FIELDS` (so the
 * schema stays the one source of truth) and `StepFormController`'s error summary, refusals and
 * live region, which sits with the item the last step was on.
 */
export class ItemStepsController {
  /** The step whose form is open, and on which item. */
  open: { stream: string; type: EventType } | undefined;
  /** The item the last step was taken on (its live region says what happened). */
  #last: string | undefined;
  readonly form: StepFormController<Record<string, string>>;

  constructor(private readonly host: StepFormHost & { readonly messagesNow: Messages }) {
    this.form = new StepFormController<Record<string, string>>(host, { empty: () => ({}), refusal: '.refusal' });
  }

  /** Closes any form and forgets what was said: for a new person or tracker. */
  clear(): void {
    this.open = undefined;
    this.#last = undefined;
    this.form.clear();
  }

  /** Takes a step that needs nothing typed (a member's "present" button), and says so where it was taken. */
  takeNow(stream: string, type: EventType, data: Record<string, unknown>, done: string): boolean {
    this.open = undefined;
    this.form.reset();
    this.#last = stream;
    return this.form.take({ stream, type, data }, done).ok;
  }

  /** The item's step buttons, the open form, the live region, and what the person's role takes here but may not now, and why. */
  render(item: ItemSteps, level: number, extra: unknown = nothing) {
    const m = this.host.messagesNow;
    const actor = this.host.actor;
    const here = this.open?.stream === item.stream || this.#last === item.stream;
    const open = this.open?.stream === item.stream ? item.offered.find((s) => s.type === this.open!.type) : undefined;
    const yours = actor ? splitByRole(item.refused, actor).yours : [];
    if (!here && !item.offered.length && !yours.length && extra === nothing) return nothing;
    const label = (type: string) => m.itemStepButtons[type] ?? type;
    const panel = `panel-${item.stream}`;
    return html`<div class="item-steps" part="steps" data-stream=${item.stream}>
      ${heading(level, 'steps-title', m.stepsFor(item.name))}
      ${here ? this.form.renderOutcome(m.stepWarnings) : nothing}
      ${open ? this.form.renderRefusal(m.stepRefused) : nothing}
      ${extra}
      ${item.offered.length
        ? html`<ul class="step-buttons">
            ${item.offered.map((s) => html`<li><button type="button" part="step-button" class=${s === open ? 'secondary' : ''}
              data-step=${s.type} aria-expanded=${s === open ? 'true' : 'false'} aria-controls=${panel}
              @click=${() => this.#toggle(item.stream, s.type)}>${label(s.type)}</button></li>`)}
          </ul>`
        : nothing}
      <div id=${panel}>${open ? this.#renderForm(item, open, Math.min(6, level + 1)) : nothing}</div>
      ${yours.length
        ? html`<div class="cannot">
            <p class="cannot-title">${m.cannotHere(item.name)}</p>
            <ul>${groupByReasons(yours).map((g) => html`<li><strong>${g.types.map(label).join(', ')}</strong>: ${g.reasons.join(' ')}</li>`)}</ul>
          </div>`
        : nothing}
    </div>`;
  }

  /** Steps the person's role never takes, with why, said once for the whole view (folded away). */
  renderNotYours(items: readonly ItemSteps[], actor: Actor | undefined) {
    if (!actor) return nothing;
    const m = this.host.messagesNow;
    const seen = new Map<string, NextStep>();
    for (const item of items) for (const s of splitByRole(item.refused, actor).others) if (!seen.has(s.type)) seen.set(s.type, s);
    if (!seen.size) return nothing;
    const label = (type: string) => m.itemStepButtons[type] ?? type;
    return html`<details class="not-yours" part="not-yours">
      <summary>${m.notYourSteps(seen.size)}</summary>
      <ul>${groupByReasons([...seen.values()]).map((g) => html`<li><strong>${g.types.map(label).join(', ')}</strong>: ${g.reasons.join(' ')}</li>`)}</ul>
    </details>`;
  }

  #renderForm(item: ItemSteps, step: ItemStep, level: number) {
    const m = this.host.messagesNow;
    return html`<form class="step-form" part="step-form" novalidate aria-labelledby="step-form-title" @submit=${(e: Event) => this.#submit(e, item, step)}>
      ${heading(level, 'step-form-title', `${m.itemStepButtons[step.type] ?? step.type}: ${item.name}`, 'step-form-title')}
      ${this.form.renderErrorSummary(m.errorSummaryTitle)}
      ${fieldsOf(step).map(([name, spec]) => this.#renderField(step, name, spec))}
      <div class="buttons">
        <button type="submit">${m.confirm}</button>
        <button type="button" class="secondary" @click=${() => this.#cancel(item.stream)}>${m.cancel}</button>
      </div>
    </form>`;
  }

  #renderField(step: ItemStep, name: string, spec: string) {
    const m = this.host.messagesNow;
    const form = this.form;
    const control = CONTROL[spec.replace('?', '') as keyof typeof CONTROL] ?? 'textarea';
    const required = !spec.endsWith('?');
    const error = form.errors[name];
    const id = fieldId(name);
    const describedBy = error ? `${id}-error` : nothing;
    const invalid = error ? 'true' : nothing;
    const value = form.values[name] ?? '';
    const text = fieldLabel(step.type, name, m);
    const onInput = (e: Event) => form.input(name, (e.target as HTMLInputElement).value);
    const wrap = (inner: unknown) => html`<div class="field ${error ? 'has-error' : ''}">
      <label for=${id}>${text}</label>${form.renderFieldError(`${id}-error`, error, m.errorPrefix)}${inner}
    </div>`;
    const choices = step.choices?.[name] ?? (control === 'radios' ? Object.entries(m.responses).map(([v, l]) => ({ value: v, label: l })) : []);
    switch (control) {
      case 'select':
        return wrap(html`<select id=${id} name=${name} ?required=${required} aria-invalid=${invalid} aria-describedby=${describedBy} @change=${onInput}>
          <option value="" ?selected=${!value}>${required ? m.choose : m.nobody}</option>
          ${choices.map((c) => html`<option value=${c.value} ?selected=${value === c.value}>${c.label}</option>`)}
        </select>`);
      case 'radios':
        return html`<fieldset class="field choice ${error ? 'has-error' : ''}" id=${id} tabindex="-1" aria-describedby=${describedBy}>
          <legend>${text}</legend>${form.renderFieldError(`${id}-error`, error, m.errorPrefix)}
          ${choices.map((c, i) => html`<div class="radio">
            <input type="radio" id="${id}-${i}" name=${name} value=${c.value} .checked=${value === c.value} @change=${() => form.input(name, c.value)} />
            <label for="${id}-${i}">${c.label}</label>
          </div>`)}
        </fieldset>`;
      case 'date':
        return wrap(html`<input type="date" id=${id} name=${name} .value=${value} ?required=${required} aria-invalid=${invalid}
          aria-describedby=${describedBy} @input=${onInput} @change=${onInput} />`);
      case 'link':
        return wrap(html`<input type="url" id=${id} name=${name} .value=${value} spellcheck="false" autocomplete="url" aria-invalid=${invalid}
          aria-describedby=${describedBy} @input=${onInput} />`);
      default:
        return wrap(html`<textarea id=${id} name=${name} rows="3" .value=${value} ?required=${required} aria-invalid=${invalid}
          aria-describedby=${describedBy} @input=${onInput}></textarea>`);
    }
  }

  async #toggle(stream: string, type: EventType) {
    const opening = !(this.open?.stream === stream && this.open.type === type);
    this.open = opening ? { stream, type } : undefined;
    this.#last = undefined;
    this.form.clear();
    await this.host.updateComplete;
    if (!opening) return;
    this.#panel(stream)?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }

  async #cancel(stream: string) {
    const type = this.open?.type;
    this.open = undefined;
    this.form.reset();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(`[data-stream="${CSS.escape(stream)}"] button[data-step="${type}"]`)?.focus();
  }

  #panel(stream: string) {
    return this.host.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(`panel-${stream}`)}`);
  }

  #submit(event: Event, item: ItemSteps, step: ItemStep) {
    event.preventDefault();
    const m = this.host.messagesNow;
    const { data, errors } = readFields(step, this.form.values, this.#panel(item.stream) ?? this.host.renderRoot, m);
    if (!this.form.check(errors)) return;
    this.#last = item.stream;
    const result = this.form.take({ stream: item.stream, type: step.type, data: { ...data, ...step.fixed } }, m.itemStepDone(m.itemStepButtons[step.type] ?? step.type, item.name));
    if (result.ok) this.open = undefined;
  }
}

/** The fields a person fills in for `step`: `EVENT_FIELDS` less those filled in without asking. */
function fieldsOf(step: ItemStep): [string, string][] {
  return Object.entries(EVENT_FIELDS[step.type] as Record<string, string>).filter(([name]) => !step.fixed?.[name]);
}

/** A field's label: a required note is the progress made; a response's reason is needed unless it accepts. */
function fieldLabel(type: EventType, name: string, m: Messages): string {
  if (name === 'note' && type === 'recommendation.update') return m.itemStepFields['progressNote']!;
  if (name === 'reason' && type === 'recommendation.respond') return m.itemStepFields['respondReason']!;
  return m.itemStepFields[name] ?? name;
}

/** What was typed, checked: the step's data, or a problem for each field that is wrong, said beside it. */
function readFields(step: ItemStep, values: Readonly<Record<string, string>>, root: ParentNode, m: Messages) {
  const data: Record<string, string> = {};
  const errors: Record<string, FieldError> = {};
  const problem = (name: string, key = name) => ({ message: m.itemStepErrors[key] ?? key, target: fieldId(name) });
  for (const [name, spec] of fieldsOf(step)) {
    const kind = spec.replace('?', '');
    const value = (values[name] ?? '').trim();
    const choices = step.choices?.[name];
    if (kind === 'date' && root.querySelector<HTMLInputElement>(`#${fieldId(name)}`)?.validity.badInput) errors[name] = problem(name);
    else if (!value) {
      if (!spec.endsWith('?')) errors[name] = problem(name);
    } else if ((kind === 'date' && !isCalendarDate(value)) || (kind === 'link' && !isSafeLink(value)) || (choices && !choices.some((c) => c.value === value))) {
      errors[name] = problem(name);
    } else data[name] = value;
  }
  // Partly accepting or rejecting needs a reason (core says so too; here it is said beside the field).
  if (step.type === 'recommendation.respond' && data['response'] && data['response'] !== 'accepted' && !data['reason'] && !errors['reason']) {
    errors['reason'] = problem('reason', 'respondReason');
  }
  return { data, errors };
}
