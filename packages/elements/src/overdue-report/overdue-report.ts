import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { scrutinyReport, type PlanState, type ScrutinyReport } from '@pledgeflow/core';
import { reportToCsv } from '@pledgeflow/core/formats';
import { downloadText } from '../shared/download.js';
import { formatDate } from '../shared/format.js';
import { heading, subLevel } from '../shared/heading.js';
import { PledgeElement } from '../shared/pledge-element.js';
import { contentStyles } from '../shared/content.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { overdueReportStyles } from './overdue-report.styles.js';

/** The ways overdue actions can be grouped: by owner, lead agency or working group. */
export const OVERDUE_GROUP_BY = ['owner', 'agency', 'workstream'] as const;
export type OverdueGroupBy = (typeof OVERDUE_GROUP_BY)[number];

type OverdueRow = ScrutinyReport['overdue'][number];

interface OverdueGroup {
  key: string;
  name: string;
  rows: OverdueRow[];
}

const GROUP_LABEL_KEYS = { owner: 'groupOwner', agency: 'groupAgency', workstream: 'groupWorkstream' } as const;

/**
 * The scrutiny view of a plan: what is overdue (grouped by owner, lead agency or working
 * group), what is flagged at risk, whose reviews are overdue, which evidence waits to be
 * checked, what is due soon, which due dates were moved later and why, which promises have no
 * accepted evidence and which corporate parenting principles have no action. Read-only.
 * Prints as a plain black-and-white paper for the board pack (set `@page { size: A4 }` on
 * the host page: a shadow root cannot), and downloads as CSV.
 *
 * @customElement pledge-overdue-report
 * @summary The scrutiny report: overdue actions, at risk, reviews overdue, evidence waiting, due soon, slipped due dates and gaps; printable and exportable.
 * @attr group-by - How overdue actions are grouped: `owner` (the default), `agency` or `workstream`.
 * @attr heading-level - The level of the report's heading, 1 to 6 (default 2); section headings are one below.
 * @attr today - The day to report on, YYYY-MM-DD (default: today in the UK).
 * @csspart report - The whole report.
 * @csspart header - The title and what the report covers.
 * @csspart title - The report's heading.
 * @csspart glance - The list of counts at the top.
 * @csspart controls - The group-by select and the buttons (never printed).
 * @csspart section - Each section of the report.
 * @csspart heading - Each section's heading.
 * @csspart table - Each table.
 * @csspart empty - The sentence shown when a section has nothing in it.
 * @cssproperty --pledge-color-text - Text colour.
 * @cssproperty --pledge-color-border - Table rules.
 * @cssproperty --pledge-color-surface - Background of the buttons.
 * @cssproperty --pledge-space - The unit of spacing.
 */
export class PledgeOverdueReport extends PledgeElement {
  static override styles = [tokens, contentStyles, overdueReportStyles];
  static override properties = {
    ...PledgeElement.properties,
    groupBy: { type: String, attribute: 'group-by', reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    announcement: { state: true },
  };

  /** How overdue actions are grouped. */
  declare groupBy: OverdueGroupBy;
  /** The level of the report's heading (1 to 6). */
  declare headingLevel: number | undefined;
  declare protected announcement: string;

  #cache: { state: PlanState; day: string; report: ScrutinyReport } | undefined;

  constructor() {
    super();
    this.groupBy = 'owner';
    this.announcement = '';
  }

  /** The scrutiny report for the plan on `today`, or undefined with no tracker. */
  report(): ScrutinyReport | undefined {
    if (!this.tracker) return undefined;
    const state = this.tracker.state(); // the same object until the plan changes
    const day = this.day;
    if (this.#cache?.state !== state || this.#cache.day !== day) this.#cache = { state, day, report: scrutinyReport(state, day) };
    return this.#cache.report;
  }

  /** The report as CSV (core's `reportToCsv`): what "Download as CSV" saves. */
  csv(): string {
    const report = this.report();
    return report ? reportToCsv(report) : '';
  }

  /** Saves the CSV as `<plan id>-scrutiny-<date>.csv`. */
  downloadCsv(): void {
    const report = this.report();
    if (!report) return;
    // The byte order mark tells Excel the file is UTF-8, so "Children’s" survives.
    downloadText(`${report.plan.id}-scrutiny-${report.today}.csv`, `\ufeff${this.csv()}`, 'text/csv;charset=utf-8');
  }

  get #by(): OverdueGroupBy {
    return (OVERDUE_GROUP_BY as readonly string[]).includes(this.groupBy) ? this.groupBy : 'owner';
  }

  #groups(rows: readonly OverdueRow[]): OverdueGroup[] {
    const by = this.#by;
    const groups = new Map<string, OverdueGroup>();
    // Rows come most overdue first, so the group with the longest-overdue action leads.
    for (const row of rows) {
      const [key, name] =
        by === 'owner' ? [row.ownerId ?? '', row.ownerId ? row.owner : this.m.noOwner]
        : by === 'agency' ? [row.leadAgencyId, row.leadAgency]
        : [row.workstream, row.workstream];
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { key, name, rows: [] }));
      group.rows.push(row);
    }
    return [...groups.values()];
  }

  #onGroupBy(e: Event) {
    this.groupBy = (e.target as HTMLSelectElement).value as OverdueGroupBy;
    const report = this.report();
    if (report) this.announcement = this.m.reportLoaded(this.#groups(report.overdue).length, this.m[GROUP_LABEL_KEYS[this.#by]]);
  }

  override render() {
    const m = this.m;
    const r = this.report();
    if (!r) return html`<p part="empty">${m.noTracker}</p>`;
    const sub = subLevel(this.headingLevel);
    const c = r.counts;
    return html`<article part="report" aria-labelledby="report-title">
      <header part="header">
        ${heading(this.headingLevel, 'title', m.scrutinyTitle, 'report-title')}
        <p class="meta">${m.reportFor(r.plan.title, r.plan.council, formatDate(r.today))}</p>
      </header>
      <section part="section" aria-labelledby="glance">
        ${heading(sub, 'heading', m.atAGlance, 'glance')}
        <ul part="glance">
          <li>${m.overdueCount(c.overdue)}</li>
          <li>${m.atRiskCount(c.atRisk)}</li>
          <li>${m.reviewsOverdueCount(c.reviewsOverdue)}</li>
          <li>${m.evidenceWaitingCount(c.evidenceAwaitingReview)}</li>
          <li>${m.dueSoonCount(c.dueSoon)}</li>
          <li>${m.slippedCount(c.slippedDueDates)}</li>
          <li>${m.noEvidenceCount(c.promisesWithoutEvidence, c.promises)}</li>
          <li>${m.noActionCount(c.principlesWithoutActions)}</li>
        </ul>
      </section>
      <div part="controls" class="controls no-print">
        <div class="field">
          <label for="group-by">${m.groupBy}</label>
          <select id="group-by" .value=${this.#by} @change=${this.#onGroupBy}>
            ${OVERDUE_GROUP_BY.map((by) => html`<option value=${by} ?selected=${by === this.#by}>${m[GROUP_LABEL_KEYS[by]]}</option>`)}
          </select>
        </div>
        <button type="button" class="secondary" @click=${this.downloadCsv}>${m.downloadCsv}</button>
        <button type="button" class="secondary" @click=${() => window.print()}>${m.print}</button>
      </div>
      <div role="status" class="visually-hidden">${this.announcement}</div>
      ${this.#overdue(r, sub)} ${this.#atRisk(r, sub)} ${this.#reviews(r, sub)} ${this.#waiting(r, sub)} ${this.#dueSoon(r, sub)} ${this.#slipped(r, sub)} ${this.#noEvidence(r, sub)} ${this.#noAction(r, sub)}
    </article>`;
  }

  #section(id: string, level: number, title: string, body: TemplateResult, empty: string, isEmpty: boolean) {
    return html`<section part="section" class=${id} aria-labelledby=${id}>
      ${heading(level, 'heading', title, id)} ${isEmpty ? html`<p part="empty">${empty}</p>` : body}
    </section>`;
  }

  /** A table of one section: `caption` read out (and shown when `showCaption`), a header row, and rows. */
  #table(caption: string, headers: readonly string[], rows: readonly TemplateResult[], showCaption = false, group?: string) {
    return html`<table part="table" class=${group === undefined ? '' : 'group'} data-group=${ifDefined(group)}>
      <caption class=${showCaption ? '' : 'visually-hidden'}>${caption}</caption>
      <thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${rows}</tbody>
    </table>`;
  }

  /** The row header for an action: its title and id, then the facts that say who and where. */
  #actionCell(id: string, title: string, pairs: readonly (readonly [string, string | undefined])[]) {
    return html`<th scope="row">
      <span class="name">${title}</span> <span class="id">(${id})</span>
      <span class="detail">${pairs.filter(([, v]) => v).map(([label, value]) => html`<span class="pair">${label}: ${value}</span> `)}</span>
    </th>`;
  }

  #overdue(r: ScrutinyReport, level: number) {
    const m = this.m;
    const cols = m.reportColumns;
    const by = m[GROUP_LABEL_KEYS[this.#by]];
    const body = this.#groups(r.overdue).map((g) =>
      this.#table(m.overdueGroup(by, g.name, g.rows.length), [cols.action!, cols.overdueBy!], g.rows.map(
        (o) => html`<tr data-id=${o.id}>
          ${this.#actionCell(o.id, o.title, this.#details(o))}
          <td>
            <span class="days">${m.daysOverdue(o.daysOverdue, o.workingDaysOverdue)}</span>
            <span class="detail">${m.wasDue(formatDate(o.dueDate))}</span>
          </td>
        </tr>`,
      ), true, g.key),
    );
    return this.#section('overdue', level, m.overdueTitle, html`${body}`, m.nothingOverdue, !r.overdue.length);
  }

  /** The stage, and the two ways of grouping the table is not grouped by, so each row says who and where. */
  #details(o: OverdueRow): [string, string][] {
    const cols = this.m.reportColumns;
    const owner = o.ownerId ? o.owner : this.m.noOwner;
    return [
      [cols.stage!, this.m.states[o.state] ?? o.state],
      ...(this.#by !== 'owner' ? [[cols.owner!, owner] as [string, string]] : []),
      ...(this.#by !== 'agency' ? [[cols.leadAgency!, o.leadAgency] as [string, string]] : []),
      ...(this.#by !== 'workstream' ? [[cols.workstream!, o.workstream] as [string, string]] : []),
    ];
  }

  #atRisk(r: ScrutinyReport, level: number) {
    const m = this.m;
    const cols = m.reportColumns;
    const rows = r.atRisk.map(
      (a) => html`<tr data-id=${a.id}>${this.#actionCell(a.id, a.title, [[cols.owner!, a.owner]])}<td>${a.reason ?? ''}</td></tr>`,
    );
    return this.#section('at-risk', level, m.atRiskTitle, this.#table(m.atRiskTitle, [cols.action!, cols.why!], rows), m.noneAtRisk, !rows.length);
  }

  #reviews(r: ScrutinyReport, level: number) {
    const m = this.m;
    const cols = m.reportColumns;
    const rows = r.reviewsOverdue.map(
      (a) => html`<tr data-id=${a.id}>${this.#actionCell(a.id, a.title, [[cols.owner!, a.owner]])}
        <td><span class="days">${m.reviewWasDue(formatDate(a.reviewDate), a.daysOverdue)}</span></td></tr>`,
    );
    const table = this.#table(m.reviewsOverdueTitle, [cols.action!, cols.reviewDue!], rows);
    return this.#section('reviews-overdue', level, m.reviewsOverdueTitle, html`<p>${m.reviewsOverdueNote}</p>${table}`, m.noReviewsOverdue, !rows.length);
  }

  #waiting(r: ScrutinyReport, level: number) {
    const m = this.m;
    const cols = m.reportColumns;
    const rows = r.evidenceAwaitingReview.map(
      (e) => html`<tr data-id=${e.actionId}>${this.#actionCell(e.actionId, e.actionTitle, [[cols.submittedBy!, m.submittedFrom(e.submittedBy, e.agency)]])}
        <td>“${e.summary}”<span class="detail">${m.waitingDays(e.daysWaiting)}</span></td></tr>`,
    );
    const table = this.#table(m.evidenceWaitingTitle, [cols.action!, cols.evidence!], rows);
    return this.#section('evidence-waiting', level, m.evidenceWaitingTitle, table, m.noEvidenceWaiting, !rows.length);
  }

  #dueSoon(r: ScrutinyReport, level: number) {
    const m = this.m;
    const cols = m.reportColumns;
    const rows = r.dueSoon.map(
      (a) => html`<tr data-id=${a.id}>${this.#actionCell(a.id, a.title, [[cols.owner!, a.owner]])}
        <td>${m.dueOn(formatDate(a.dueDate), a.daysLeft)}</td></tr>`,
    );
    const table = this.#table(m.dueSoonTitle, [cols.action!, cols.due!], rows);
    return this.#section('due-soon', level, m.dueSoonTitle, table, m.nothingDueSoon, !rows.length);
  }

  #slipped(r: ScrutinyReport, level: number) {
    const m = this.m;
    const cols = m.reportColumns;
    const rows = r.slippedDueDates.map(
      (s) => html`<tr data-id=${s.id}>
        ${this.#actionCell(s.id, s.title, [
          [cols.owner!, s.owner],
          [cols.firstDue!, s.originalDueDate && formatDate(s.originalDueDate)],
          [cols.nowDue!, s.currentDueDate && formatDate(s.currentDueDate)],
        ])}
        <td>
          <ul class="moves">
            ${s.changes.map((ch) => html`<li>${m.dueDateMoved(formatDate(ch.from), formatDate(ch.to), formatDate(ch.on), ch.by, ch.reason)}</li>`)}
          </ul>
        </td>
      </tr>`,
    );
    return this.#section('slipped', level, m.slippedTitle, this.#table(m.slippedTitle, [cols.action!, cols.moves!], rows), m.noneSlipped, !rows.length);
  }

  #noEvidence(r: ScrutinyReport, level: number) {
    const m = this.m;
    const cols = m.reportColumns;
    const rows = r.promisesWithoutEvidence.map(
      (p) => html`<tr data-id=${p.id}><th scope="row">${p.number}. ${p.title}</th><td>${p.owner}</td><td>${p.actions}</td></tr>`,
    );
    const table = this.#table(m.noEvidenceTitle, [cols.promise!, cols.owner!, cols.delivering!], rows);
    return this.#section('no-evidence', level, m.noEvidenceTitle, table, m.allPromisesEvidenced, !rows.length);
  }

  #noAction(r: ScrutinyReport, level: number) {
    const m = this.m;
    const body = html`<ul class="principles">
      ${r.principlesWithoutActions.map((p) => html`<li data-principle=${p.principle}><span class="number">${p.principle}.</span> ${p.text}</li>`)}
    </ul>`;
    return this.#section('no-action', level, m.noActionTitle, body, m.allPrinciplesCovered, !r.principlesWithoutActions.length);
  }
}
