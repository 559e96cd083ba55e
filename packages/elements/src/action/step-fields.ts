import { html, nothing } from 'lit';
import { isCalendarDate, londonDate, type Evidence, type Plan } from '@pledgeflow/core';
import { formatDate } from '../shared/format.js';
import type { Messages } from '../shared/messages.js';
import { planNames } from '../shared/plan-names.js';
import type { FieldError, StepFormController } from '../shared/step-form-controller.js';
import { STEP_FIELDS, type FieldKind, type ShownStep } from './steps.js';

/** What the fields of `<pledge-action>`'s small step form are drawn from. */
export interface StepFieldsContext {
  m: Messages;
  plan: Plan;
  form: StepFormController<Record<string, string>>;
}

/** The id of a step field's control, which the error summary links to. */
export const fieldId = (name: string): string => `step-${name}`;

/** The fields `step` asks for, in order, each with its label, its error and its control. */
export function renderStepFields(step: ShownStep, ctx: StepFieldsContext) {
  const fields: Readonly<Record<string, FieldKind>> = STEP_FIELDS[step.type] ?? {};
  return Object.entries(fields).map(([name, kind]) => renderField(step, name, kind, ctx));
}

function renderField(step: ShownStep, name: string, kind: FieldKind, ctx: StepFieldsContext) {
  const { m, form } = ctx;
  const required = step.needs.includes(name);
  const text = name === 'note' && required ? m.stepFields['progressNote']! : (m.stepFields[name] ?? name);
  const error = form.errors[name];
  const id = fieldId(name);
  const describedBy = error ? `${id}-error` : nothing;
  const invalid = error ? 'true' : nothing;
  const value = form.values[name] ?? '';
  const onInput = (e: Event) => form.input(name, (e.target as HTMLInputElement).value);
  const field = (control: unknown) => html`<div class="field ${error ? 'has-error' : ''}">
    <label for=${id}>${text}</label>${form.renderFieldError(`${id}-error`, error, m.errorPrefix)}${control}
  </div>`;
  switch (kind) {
    case 'date':
      return field(html`<input type="date" id=${id} name=${name} .value=${value} ?required=${required}
        aria-invalid=${invalid} aria-describedby=${describedBy} @input=${onInput} @change=${onInput} />`);
    case 'person': {
      const people = [...ctx.plan.people].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
      return field(html`<select id=${id} name=${name} ?required=${required} aria-invalid=${invalid}
        aria-describedby=${describedBy} @change=${onInput}>
        <option value="" ?selected=${!value}>${m.chooseOwner}</option>
        ${people.map((p) => html`<option value=${p.id} ?selected=${value === p.id}>${p.name}${p.jobTitle ? `, ${p.jobTitle}` : ''}</option>`)}
      </select>`);
    }
    case 'evidence':
      return renderEvidenceChoice(step.evidence ?? [], name, value, ctx, error);
    default:
      return field(html`<textarea id=${id} name=${name} rows="3" .value=${value} ?required=${required}
        aria-invalid=${invalid} aria-describedby=${describedBy} @input=${onInput}></textarea>`);
  }
}

/** Radios to choose one piece of evidence (accept, return, resubmit). */
export function renderEvidenceChoice(evidence: readonly Evidence[], name: string, value: string | undefined, ctx: StepFieldsContext, error?: FieldError) {
  const { m, form } = ctx;
  const names = planNames(ctx.plan);
  const id = fieldId(name);
  return html`<fieldset class="field choice ${error ? 'has-error' : ''}" id=${id} tabindex="-1"
      aria-describedby=${error ? `${id}-error` : nothing}>
    <legend>${m.stepFields['evidenceId']}</legend>
    ${form.renderFieldError(`${id}-error`, error, m.errorPrefix)}
    ${evidence.map((e, i) => html`<div class="radio">
      <input type="radio" id="${id}-${i}" name=${name} value=${e.id} .checked=${value === e.id} @change=${() => form.input(name, e.id)} />
      <label for="${id}-${i}">${e.summary}
        <span class="meta">${m.submittedBy(names.person(e.submittedBy) ?? '', names.agency(e.agencyId) ?? '', formatDate(londonDate(e.submittedAt)))}</span></label>
    </div>`)}
  </fieldset>`;
}

/**
 * What was typed in `step`'s fields, checked: the step's data, or a problem for each field
 * that is required and empty, or holds no real date. `root` holds the controls, since a date
 * input with a half-typed date reports an empty value.
 */
export function readStepFields(step: ShownStep, values: Readonly<Record<string, string>>, root: ParentNode, m: Messages) {
  const fields: Readonly<Record<string, FieldKind>> = STEP_FIELDS[step.type] ?? {};
  const data: Record<string, string> = {};
  const errors: Record<string, FieldError> = {};
  for (const [name, kind] of Object.entries(fields)) {
    const value = (values[name] ?? '').trim();
    const problem = { message: m.stepFieldErrors[name] ?? name, target: fieldId(name) };
    // Never drop a half-typed date silently.
    if (kind === 'date' && root.querySelector<HTMLInputElement>(`#${fieldId(name)}`)?.validity.badInput) errors[name] = problem;
    else if (!value) {
      if (step.needs.includes(name)) errors[name] = problem;
    } else if (kind === 'date' && !isCalendarDate(value)) errors[name] = problem;
    else data[name] = value;
  }
  return { data, errors };
}
