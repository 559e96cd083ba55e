import { html, nothing, type PropertyValues } from 'lit';
import {
  createEventId, findPersonalData, isCalendarDate, isSafeLink, type EventInput, type Evidence, type PersonalDataFinding,
  type PledgeEvent,
} from '@pledgeflow/core';
import { PledgeStepEvent } from '../shared/events.js';
import { heading } from '../shared/heading.js';
import { PledgeElement } from '../shared/pledge-element.js';
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
 * @event {PledgeStepEvent} pledge-step - Evidence was sent: `event.result` says whether the tracker took it (`ok`, `warnings`) or why not (`reasons`).
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
    values: { state: true },
    errors: { state: true },
    refusal: { state: true },
    done: { state: true },
    restored: { state: true },
  };

  /** The id of the action the evidence is for. */
  declare actionId: string | undefined;
  /** When set, the form resubmits this returned evidence (prefilled) instead of adding new evidence. */
  declare evidenceId: string | undefined;
  /** The level of the form's heading (1 to 6). */
  declare headingLevel: number | undefined;
  /** The clock for the new event's `at` and ids. */
  declare now: () => Date;
  declare protected values: EvidenceDraft;
  declare protected errors: Partial<Record<Field, { message: string; parts?: DatePart[] }>>;
  declare protected refusal: string[] | undefined;
  declare protected done: { message: string; warnings: string[] } | undefined;
  declare protected restored: boolean;

  #key: string | undefined;

  constructor() {
    super();
    this.now = () => new Date();
    this.values = { ...EMPTY };
    this.errors = {};
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
    this.values = draft ?? (returned ? fromEvidence(returned) : { ...EMPTY });
    this.restored = !!draft;
    this.errors = {};
    this.refusal = undefined;
  }

  #findings(): PersonalDataFinding[] {
    return this.values.summary ? findPersonalData(this.values.summary) : [];
  }

  #onInput(event: Event) {
    const input = event.target as HTMLInputElement | HTMLTextAreaElement;
    const name = input.name as keyof EvidenceDraft;
    this.values = { ...this.values, [name]: input.value };
    this.done = undefined;
    if (this.#key) writeDraft(this.#key, this.values);
  }

  #validate(): Partial<Record<Field, { message: string; parts?: DatePart[] }>> {
    const e = this.m.evidenceErrors;
    const errors: Partial<Record<Field, { message: string; parts?: DatePart[] }>> = {};
    const summary = this.values.summary.trim();
    if (!summary) errors.summary = { message: e['summaryMissing']! };
    else if (summary.length > MAX_SUMMARY) errors.summary = { message: e['summaryTooLong']! };
    else if (this.tracker?.plan.privacy === 'refuse' && this.#findings().length) errors.summary = { message: e['personalData']! };
    const link = this.values.link.trim();
    if (link && !isSafeLink(link)) errors.link = { message: e['linkInvalid']! };
    const parts = (['day', 'month', 'year'] as const).filter((p) => !this.values[p].trim());
    if (parts.length === 3) errors.date = { message: e['dateMissing']!, parts: ['day', 'month', 'year'] };
    else if (parts.length) errors.date = { message: this.m.dateMissingPart(parts.map((p) => this.m[p].toLowerCase())), parts };
    else {
      const date = this.#date();
      if (!date) errors.date = { message: e['dateInvalid']!, parts: ['day', 'month', 'year'] };
      else if (date > this.day) errors.date = { message: e['dateFuture']!, parts: ['day', 'month', 'year'] };
    }
    return errors;
  }

  /** The date typed, as YYYY-MM-DD, when it is a real date. */
  #date(): string | undefined {
    const [d, m, y] = [this.values.day, this.values.month, this.values.year].map((v) => v.trim());
    if (!/^\d{1,2}$/.test(d!) || !/^\d{1,2}$/.test(m!) || !/^\d{4}$/.test(y!)) return undefined;
    const date = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    return isCalendarDate(date) ? date : undefined;
  }

  async #submit(event: Event) {
    event.preventDefault();
    this.refusal = undefined;
    this.done = undefined;
    this.errors = this.#validate();
    if (Object.keys(this.errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="error-summary"]')?.focus();
      return;
    }
    const now = this.now();
    const resubmit = !!this.evidenceId;
    const link = this.values.link.trim();
    const data = {
      evidenceId: this.evidenceId ?? `${this.actionId!.slice(0, 37)}-${createEventId(now.getTime())}`,
      summary: this.values.summary.trim(),
      ...(link ? { link } : {}),
      date: this.#date()!,
    };
    const input = {
      id: createEventId(now.getTime()),
      stream: this.actionId!,
      type: resubmit ? 'action.evidence.resubmit' : 'action.evidence.add',
      data,
      actor: this.actor!,
      at: now.toISOString(),
    } as EventInput;
    const result = this.tracker!.send(input);
    if (result.ok) {
      writeDraft(this.#key!, undefined);
      this.values = { ...EMPTY };
      this.restored = false;
      this.done = { message: resubmit ? this.m.evidenceResubmitted : this.m.evidenceAdded, warnings: result.warnings };
    } else {
      this.refusal = result.reasons;
    }
    this.dispatchEvent(new PledgeStepEvent(result.ok ? result.event : (input as PledgeEvent), result));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(result.ok ? '[part="result"]' : '[part="error-summary"]')?.focus();
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
    const result = html`<div class="result ${this.done ? 'shown' : ''}" part="result" role="status" tabindex="-1">
      ${this.done
        ? html`<p>${this.done.message}</p>
            ${this.done.warnings.length ? html`<p>${m.personalDataWarning}</p><ul>${this.done.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : nothing}`
        : nothing}
    </div>`;
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
    const errors = this.errors;
    const findings = this.#findings();
    const errorList = (Object.entries(errors) as [Field, { message: string; parts?: DatePart[] }][]).map(([field, e]) => ({
      href: field === 'date' ? `date-${e.parts?.[0] ?? 'day'}` : field,
      message: e.message,
    }));
    const showSummary = errorList.length > 0 || !!this.refusal;
    const described = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || nothing;
    const dateError = errors.date;
    const datePart = (part: DatePart, width: string) => html`<div class="date-item">
      <label for="date-${part}">${m[part]}</label>
      <input class=${width} id="date-${part}" name=${part} type="text" inputmode="numeric" spellcheck="false"
        autocomplete="off" .value=${this.values[part]} aria-invalid=${dateError?.parts?.includes(part) ? 'true' : nothing}
        @input=${this.#onInput} />
    </div>`;
    return html`
      <form part="form" novalidate aria-labelledby="form-title" @submit=${this.#submit}>
        ${showSummary
          ? html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
              <p class="error-summary-title" id="error-summary-title">${m.errorSummaryTitle}</p>
              <ul>
                ${errorList.map((e) => html`<li><a href="#${e.href}" @click=${(ev: Event) => this.#focus(ev, e.href)}>${e.message}</a></li>`)}
                ${(this.refusal ?? []).map((r) => html`<li>${r}</li>`)}
              </ul>
            </div>`
          : nothing}
        ${this.restored ? html`<p class="restored">${m.draftRestored}</p>` : nothing}

        <div class="field ${errors.summary ? 'has-error' : ''}">
          <label for="summary">${m.summary}</label>
          <p class="hint" id="summary-hint">${m.summaryHint}</p>
          ${errors.summary ? html`<p class="field-error" id="summary-error"><span class="visually-hidden">${m.errorPrefix}</span> ${errors.summary.message}</p>` : nothing}
          <textarea id="summary" name="summary" rows="5" .value=${this.values.summary} @input=${this.#onInput}
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
          ${errors.link ? html`<p class="field-error" id="link-error"><span class="visually-hidden">${m.errorPrefix}</span> ${errors.link.message}</p>` : nothing}
          <input id="link" name="link" type="url" spellcheck="false" autocomplete="url" .value=${this.values.link} @input=${this.#onInput}
            aria-invalid=${errors.link ? 'true' : nothing} aria-describedby=${described('link-hint', errors.link && 'link-error')} />
        </div>

        <div class="field ${dateError ? 'has-error' : ''}">
          <fieldset role="group" aria-describedby=${described('date-hint', dateError && 'date-error')}>
            <legend>${m.date}</legend>
            <p class="hint" id="date-hint">${m.dateHint}</p>
            ${dateError ? html`<p class="field-error" id="date-error"><span class="visually-hidden">${m.errorPrefix}</span> ${dateError.message}</p>` : nothing}
            <div class="date-input">${datePart('day', 'w2')}${datePart('month', 'w2')}${datePart('year', 'w4')}</div>
          </fieldset>
        </div>

        <button type="submit" part="submit">${resubmit ? m.resubmitEvidence : m.submitEvidence}</button>
      </form>
    `;
  }

  #focus(event: Event, id: string) {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }
}
