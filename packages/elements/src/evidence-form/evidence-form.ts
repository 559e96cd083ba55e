import { html, nothing, type PropertyValues } from 'lit';
import { createEventId, findPersonalData, isCalendarDate, isSafeLink, type Evidence, type PersonalDataFinding } from '@pledgeflow/core';
import { heading } from '../shared/heading.js';
import { PledgeElement } from '../shared/pledge-element.js';
import { StepFormController, type FieldError } from '../shared/step-form-controller.js';
import { formStyles } from '../shared/form.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { evidenceFormStyles } from './evidence-form.styles.js';

/** What the person typed: kept as typed (never cleared on error) and as a draft. */
export interface EvidenceDraft {
  summary: string;
  link: string;
  day: string;
  month: string;
  year: string;
}

type Field = 'summary' | 'link' | 'date';
type DatePart = 'day' | 'month' | 'year';
/** A problem with a field; for the date, which of its parts are wrong. */
type EvidenceError = FieldError & { parts?: DatePart[] };

const EMPTY: EvidenceDraft = { summary: '', link: '', day: '', month: '', year: '' };
const MAX_SUMMARY = 2000;

/** The key a draft is kept under: one per plan, action (and evidence when resubmitting) and person. */
export function draftKey(planId: string, actionId: string, evidenceId?: string, userId?: string): string {
  return ['pledgeflow', 'evidence-draft', planId, actionId, evidenceId ?? 'new', userId ?? 'anyone'].join(':');
}

function readDraft(key: string): EvidenceDraft | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<EvidenceDraft>;
    const draft = { ...EMPTY };
    for (const k of Object.keys(EMPTY) as (keyof EvidenceDraft)[]) if (typeof parsed[k] === 'string') draft[k] = parsed[k];
    return draft;
  } catch {
    return undefined; // storage blocked or a damaged draft: start empty rather than fail
  }
}

function writeDraft(key: string, draft: EvidenceDraft | undefined) {
  try {
    if (!draft || Object.values(draft).every((v) => !v)) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage can be full or blocked by policy: the form still works, only without a draft.
  }
}

function fromEvidence(e: Evidence): EvidenceDraft {
  const [year = '', month = '', day = ''] = e.date.split('-');
  return { summary: e.summary, link: e.link ?? '', day: String(Number(day)), month: String(Number(month)), year };
}

/**
 * A form for partner agencies (and leads and owners) to add evidence to an action: what
 * happened, an optional https link, and the date it happened, as the GOV.UK Design System
 * asks for them. Errors are listed in a summary at the top that links to each field, and
 * nothing typed is ever cleared by an error. What is typed is kept as a draft in
 * `sessionStorage`, so a reload keeps it; the draft goes once the evidence is accepted by
 * the tracker. Text that looks like a child's personal data brings a warning (or, when the
 * plan's `privacy` is `refuse`, an error).
 *
 * @customElement pledge-evidence-form
 * @summary Add (or resubmit) evidence on an action, with GOV.UK-style validation and a draft that survives a reload.
 * @attr action-id - The action the evidence is for.
 * @attr evidence-id - Resubmit this returned piece of evidence instead of adding a new one.
 * @attr heading-level - The level of the form's heading (2 by default).
 * @attr today - The day to count from, YYYY-MM-DD (UK today by default): dates after it are refused.
 * @event {PledgeStepEvent} pledge-step - Evidence was sent: `event.result` says whether the tracker took it (`ok`, `warnings`) or why not (`reasons`); `event.step` is the step as sent (`{ stream, type, data }`), and `event.event` the event recorded, only when it was taken.
 * @csspart title - The form's heading.
 * @csspart form - The form.
 * @csspart error-summary - The box at the top that lists the problems.
 * @csspart warning - The personal data warning.
 * @csspart submit - The submit button.
 * @csspart result - The message once the evidence is submitted.
 * @cssproperty --pledge-color-error - Colour of the error summary and field errors.
 * @cssproperty --pledge-color-focus - Focus outline colour.
 * @cssproperty [--pledge-color-success=#00703c] - Border of the message once the evidence is submitted.
 * @cssproperty [--pledge-color-amber=#6e3619] - Border of the personal data warning.
 * @cssproperty [--pledge-color-amber-background=#fcd6c3] - Background of the personal data warning.
 */
export class PledgeEvidenceForm extends PledgeElement {
  static override styles = [tokens, formStyles, evidenceFormStyles];
  static override properties = {
    ...PledgeElement.properties,
    actionId: { type: String, attribute: 'action-id', reflect: true },
    evidenceId: { type: String, attribute: 'evidence-id' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    now: { attribute: false },
    restored: { state: true },
  };

  /** The id of the action the evidence is for. */
  declare actionId: string | undefined;
  /** When set, the form resubmits this returned evidence (prefilled) instead of adding new evidence. */
  declare evidenceId: string | undefined;
  /** The level of the form's heading (1 to 6). */
  declare headingLevel: number | undefined;
  /** The clock for the step's `at` and the new evidence's id. A property so that tests and replays can fix it. */
  declare now: () => Date;
  declare protected restored: boolean;

  /** What was typed, its problems, and what became of the step. */
  protected readonly stepForm = new StepFormController<EvidenceDraft, EvidenceError>(this, { empty: () => ({ ...EMPTY }) });
  #key: string | undefined;

  constructor() {
    super();
    this.now = () => new Date();
    this.restored = false;
  }

  /** The draft's storage key for the current plan, action, evidence and person. */
  get draftKey(): string | undefined {
    if (!this.tracker || !this.actionId) return undefined;
    return draftKey(this.tracker.plan.id, this.actionId, this.evidenceId, this.actor?.userId);
  }

  /** Puts keyboard focus in the first field (what happened). */
  focusFirstField(): void {
    this.renderRoot.querySelector<HTMLElement>('#summary')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = this.draftKey;
    if (key === this.#key) return;
    // A new plan, action, evidence or person: show their draft (or a fresh form).
    this.#key = key;
    const draft = key ? readDraft(key) : undefined;
    const returned = this.evidenceId ? this.tracker?.getAction(this.actionId ?? '')?.evidence.find((e) => e.id === this.evidenceId) : undefined;
    this.stepForm.reset(draft ?? (returned ? fromEvidence(returned) : { ...EMPTY }));
    this.restored = !!draft;
  }

  #findings(): PersonalDataFinding[] {
    const summary = this.stepForm.values.summary;
    return summary ? findPersonalData(summary) : [];
  }

  #onInput(event: Event) {
    const input = event.target as HTMLInputElement | HTMLTextAreaElement;
    this.stepForm.input(input.name as keyof EvidenceDraft, input.value);
    if (this.#key) writeDraft(this.#key, this.stepForm.values);
  }

  #validate(): Partial<Record<Field, EvidenceError>> {
    const e = this.m.evidenceErrors;
    const values = this.stepForm.values;
    const errors: Partial<Record<Field, EvidenceError>> = {};
    const summary = values.summary.trim();
    if (!summary) errors.summary = { message: e['summaryMissing']!, target: 'summary' };
    else if (summary.length > MAX_SUMMARY) errors.summary = { message: e['summaryTooLong']!, target: 'summary' };
    else if (this.tracker?.plan.privacy === 'refuse' && this.#findings().length) errors.summary = { message: e['personalData']!, target: 'summary' };
    const link = values.link.trim();
    if (link && !isSafeLink(link)) errors.link = { message: e['linkInvalid']!, target: 'link' };
    const missing = (['day', 'month', 'year'] as const).filter((p) => !values[p].trim());
    const dateError = (message: string, parts: DatePart[] = ['day', 'month', 'year']): EvidenceError => ({ message, target: `date-${parts[0]}`, parts });
    if (missing.length === 3) errors.date = dateError(e['dateMissing']!);
    else if (missing.length) errors.date = dateError(this.m.dateMissingPart(missing.map((p) => this.m[p].toLowerCase())), missing);
    else {
      const date = this.#date();
      if (!date) errors.date = dateError(e['dateInvalid']!);
      else if (date > this.day) errors.date = dateError(e['dateFuture']!);
    }
    return errors;
  }

  /** The date typed, as YYYY-MM-DD, when it is a real date. */
  #date(): string | undefined {
    const { day, month, year } = this.stepForm.values;
    const [d, m, y] = [day, month, year].map((v) => v.trim());
    if (!/^\d{1,2}$/.test(d!) || !/^\d{1,2}$/.test(m!) || !/^\d{4}$/.test(y!)) return undefined;
    const date = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    return isCalendarDate(date) ? date : undefined;
  }

  #submit(event: Event) {
    event.preventDefault();
    if (!this.stepForm.check(this.#validate())) return;
    const resubmit = !!this.evidenceId;
    const values = this.stepForm.values;
    const link = values.link.trim();
    // The evidence's own id, which later steps (accept, return, resubmit) name: new evidence needs a unique one.
    const evidenceId = this.evidenceId ?? `${this.actionId!.slice(0, 37)}-${createEventId(this.now().getTime())}`;
    const data = { evidenceId, summary: values.summary.trim(), ...(link ? { link } : {}), date: this.#date()! };
    const type = resubmit ? 'action.evidence.resubmit' : 'action.evidence.add';
    const result = this.stepForm.take({ stream: this.actionId!, type, data }, resubmit ? this.m.evidenceResubmitted : this.m.evidenceAdded);
    if (result.ok) {
      writeDraft(this.#key!, undefined);
      this.restored = false;
    }
  }

  override render() {
    const m = this.m;
    const tracker = this.tracker;
    if (!tracker) return html`<p>${m.noTracker}</p>`;
    const action = this.actionId ? tracker.getAction(this.actionId) : undefined;
    if (!action) return html`<p role="alert">${m.actionNotFound(this.actionId ?? '')}</p>`;
    const resubmit = !!this.evidenceId;
    const title = resubmit ? m.evidenceResubmitTitle : m.evidenceFormTitle;
    const head = html`<p class="caption">${m.evidenceFor(action.title)}</p>${heading(this.headingLevel, 'title', title, 'form-title')}`;
    const result = this.stepForm.renderOutcome(m.personalDataWarning);
    if (!this.actor) return html`${head}<p>${m.noActor}</p>`;
    const type = resubmit ? 'action.evidence.resubmit' : 'action.evidence.add';
    const step = tracker.nextSteps(this.actor, action.id).find((s) => s.type === type);
    // After a success the item may stop taking evidence (it was completed, say): keep the message.
    if (!step) return html`${head}${result}<p>${m.evidenceNotNow(m.states[action.state] ?? action.state)}</p>`;
    if (!step.allowed) {
      return html`${head}${result}<p>${m.evidenceCannot}</p><ul>${step.reasons.map((r) => html`<li>${r}</li>`)}</ul>`;
    }
    return html`${head}${result}${this.#renderForm(resubmit)}`;
  }

  #renderForm(resubmit: boolean) {
    const m = this.m;
    const form = this.stepForm;
    const errors = form.errors;
    const values = form.values;
    const findings = this.#findings();
    const described = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || nothing;
    const dateError = errors.date;
    const datePart = (part: DatePart, width: string) => html`<div class="date-item">
      <label for="date-${part}">${m[part]}</label>
      <input class=${width} id="date-${part}" name=${part} type="text" inputmode="numeric" spellcheck="false"
        autocomplete="off" .value=${values[part]} aria-invalid=${dateError?.parts?.includes(part) ? 'true' : nothing}
        @input=${this.#onInput} />
    </div>`;
    return html`
      <form part="form" novalidate aria-labelledby="form-title" @submit=${this.#submit}>
        ${form.renderErrorSummary(m.errorSummaryTitle, form.refusal)}
        ${this.restored ? html`<p class="restored">${m.draftRestored}</p>` : nothing}

        <div class="field ${errors.summary ? 'has-error' : ''}">
          <label for="summary">${m.summary}</label>
          <p class="hint" id="summary-hint">${m.summaryHint}</p>
          ${form.renderFieldError('summary-error', errors.summary, m.errorPrefix)}
          <textarea id="summary" name="summary" rows="5" .value=${values.summary} @input=${this.#onInput}
            aria-invalid=${errors.summary ? 'true' : nothing}
            aria-describedby=${described('summary-hint', errors.summary && 'summary-error', findings.length > 0 && 'summary-warning')}></textarea>
          <div aria-live="polite">
            ${findings.length
              ? html`<div class="warning" part="warning" id="summary-warning">
                  <p><strong><span class="icon" aria-hidden="true">!</span> ${m.personalDataWarning}</strong></p>
                  <ul>${[...new Set(findings.map((f) => f.message))].map((msg) => html`<li>${msg}</li>`)}</ul>
                  ${this.tracker!.plan.privacy === 'refuse' ? nothing : html`<p>${m.personalDataAdvice}</p>`}
                </div>`
              : nothing}
          </div>
        </div>

        <div class="field ${errors.link ? 'has-error' : ''}">
          <label for="link">${m.link}</label>
          <p class="hint" id="link-hint">${m.linkHint}</p>
          ${form.renderFieldError('link-error', errors.link, m.errorPrefix)}
          <input id="link" name="link" type="url" spellcheck="false" autocomplete="url" .value=${values.link} @input=${this.#onInput}
            aria-invalid=${errors.link ? 'true' : nothing} aria-describedby=${described('link-hint', errors.link && 'link-error')} />
        </div>

        <div class="field ${dateError ? 'has-error' : ''}">
          <fieldset role="group" aria-describedby=${described('date-hint', dateError && 'date-error')}>
            <legend>${m.date}</legend>
            <p class="hint" id="date-hint">${m.dateHint}</p>
            ${form.renderFieldError('date-error', dateError, m.errorPrefix)}
            <div class="date-input">${datePart('day', 'w2')}${datePart('month', 'w2')}${datePart('year', 'w4')}</div>
          </fieldset>
        </div>

        <button type="submit" part="submit">${resubmit ? m.resubmitEvidence : m.submitEvidence}</button>
      </form>
    `;
  }
}
