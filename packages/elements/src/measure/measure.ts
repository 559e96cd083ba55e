import { html, svg } from 'lit';
import { measureProgress, type Measure } from '@pledgeflow/core';
import { heading, subLevel } from '../shared/heading.js';
import { PledgeElement } from '../shared/pledge-element.js';
import { contentStyles } from '../shared/content.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { CHART, chartGeometry } from './chart.js';
import { measureStyles } from './measure.styles.js';

/** How observations are drawn. */
export const MEASURE_CHARTS = ['line', 'bars'] as const;
export type MeasureChart = (typeof MEASURE_CHARTS)[number];

/**
 * A measure of success (a KPI): a sentence on where it stands, which direction is better,
 * a small chart of its figures against the target (a dashed line), and the same figures as
 * a table. The chart's text alternative is the sentence; the table holds every number.
 * Without `measure-id`, shows every measure in the plan.
 *
 * @customElement pledge-measure
 * @summary A KPI as a small chart with its target, and the same figures as a table.
 * @attr measure-id - The measure to show; every measure when left out.
 * @attr chart - `line` (the default) or `bars`.
 * @attr heading-level - The level of the top heading, 1 to 6 (default 2).
 * @csspart measures - The list of every measure (without `measure-id`).
 * @csspart title - The heading over every measure (without `measure-id`).
 * @csspart measure - One measure.
 * @csspart measure-title - A measure's heading.
 * @csspart summary - The measure in one sentence.
 * @csspart facts - Latest figure, target and baseline.
 * @csspart direction - Which direction is better, in words.
 * @csspart chart - The SVG chart.
 * @csspart table - The table of figures.
 * @csspart empty - The sentence shown when there is nothing to show.
 * @cssproperty --pledge-color-link - Colour of the line, points and bars.
 * @cssproperty --pledge-color-text - Colour of the target line and the chart's words.
 * @cssproperty --pledge-color-border - Gridlines and table rules.
 */
export class PledgeMeasure extends PledgeElement {
  static override styles = [tokens, contentStyles, measureStyles];
  static override properties = {
    ...PledgeElement.properties,
    measureId: { type: String, attribute: 'measure-id', reflect: true },
    chart: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** The measure to show; every measure when undefined. */
  declare measureId: string | undefined;
  /** How observations are drawn. */
  declare chart: MeasureChart;
  /** The level of the top heading (1 to 6). */
  declare headingLevel: number | undefined;

  constructor() {
    super();
    this.chart = 'line';
  }

  // Measures live in the plan, not in the event log: no step on an item changes them.
  protected override watchedStreams(): readonly string[] {
    return [];
  }

  override render() {
    const m = this.m;
    if (!this.tracker) return html`<p part="empty">${m.noTracker}</p>`;
    const measures = this.tracker.plan.measures;
    if (this.measureId) {
      const measure = measures.find((x) => x.id === this.measureId);
      return measure ? this.#measure(measure, this.headingLevel) : html`<p part="empty">${m.measureNotFound(this.measureId)}</p>`;
    }
    const sub = subLevel(this.headingLevel);
    return html`<section part="measures" aria-labelledby="measures-title">
      ${heading(this.headingLevel, 'title', m.measuresTitle, 'measures-title')}
      ${measures.length ? measures.map((x) => this.#measure(x, sub)) : html`<p part="empty">${m.noMeasures}</p>`}
    </section>`;
  }

  #measure(measure: Measure, level: number | undefined) {
    const m = this.m;
    const progress = measureProgress(measure);
    const value = (v: number) => m.measureValue(v, measure.unit);
    const id = measure.id;
    return html`<section part="measure" class="measure" data-id=${id} aria-labelledby="title-${id}">
      ${heading(level, 'measure-title', measure.title, `title-${id}`)}
      <p part="summary" id="summary-${id}">${m.measureSummary(progress)}</p>
      <dl part="facts" class="facts">
        <div><dt>${m.latest}</dt><dd>${progress.latest ? m.latestValue(value(progress.latest.value), progress.latest.period) : m.noFigures}</dd></div>
        <div><dt>${m.target}</dt><dd>${value(measure.target)}</dd></div>
        ${measure.baseline ? html`<div><dt>${m.baseline}</dt><dd>${m.latestValue(value(measure.baseline.value), measure.baseline.period)}</dd></div>` : ''}
      </dl>
      <p part="direction" class="direction">
        <span class="arrow" aria-hidden="true">${measure.direction === 'higher' ? '↑' : '↓'}</span>
        ${measure.direction === 'higher' ? m.higherBetter : m.lowerBetter}
      </p>
      ${measure.observations.length
        ? html`${this.#chart(measure, `summary-${id}`)}
            <table part="table">
              <caption>${m.figuresCaption(measure.title, value(measure.target))}</caption>
              <thead>
                <tr><th scope="col">${m.period}</th><th scope="col">${m.value}</th><th scope="col">${m.source}</th></tr>
              </thead>
              <tbody>
                ${measure.observations.map(
                  (o) => html`<tr><th scope="row">${o.period}</th><td>${value(o.value)}</td><td>${o.source}</td></tr>`,
                )}
              </tbody>
            </table>`
        : ''}
    </section>`;
  }

  /** The chart: its text alternative is the summary sentence above it, and the table below has every figure. */
  #chart(measure: Measure, labelledBy: string) {
    const percent = measure.unit === 'percent';
    const bars = this.chart === 'bars';
    const g = chartGeometry(measure.observations, measure.target, percent, bars);
    const axis = (v: number) => (percent ? `${Number(v.toFixed(1))}%` : String(Number(v.toFixed(1))));
    const { width, left, right, height } = CHART;
    // The key below the plot says which line is which: solid for the figures, dashed for the target.
    return html`<svg part="chart" class="chart ${bars ? 'bars' : 'line'}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby=${labelledBy}
      focusable="false">
      <g class="grid">
        ${g.ticks.map((t) => svg`<line x1=${left} x2=${width - right} y1=${t.y} y2=${t.y}></line>
          <text class="tick" x=${left - 4} y=${t.y + 4} text-anchor="end">${axis(t.value)}</text>`)}
      </g>
      ${bars
        ? g.points.map((p) => svg`<rect class="bar" x=${p.x - g.band * 0.3} width=${g.band * 0.6} y=${p.y} height=${Math.max(0, g.zeroY - p.y)}></rect>`)
        : svg`<polyline class="observed" points=${g.points.map((p) => `${p.x},${p.y}`).join(' ')}></polyline>
            ${g.points.map((p) => svg`<circle class="dot" cx=${p.x} cy=${p.y} r="4"></circle>`)}`}
      ${g.points.map((p) => svg`<text class="value" x=${p.x} y=${p.labelY} text-anchor="middle">${axis(p.value)}</text>`)}
      <line class="target" x1=${left} x2=${width - right} y1=${g.targetY} y2=${g.targetY}></line>
      ${g.points.map((p) => svg`<text class="period" x=${p.x} y=${g.zeroY + 16} text-anchor="middle">${p.period}</text>`)}
      <g class="key">
        ${bars
          ? svg`<rect class="bar" x=${left} y=${height - 16} width="14" height="10"></rect>`
          : svg`<line class="observed" x1=${left} x2=${left + 24} y1=${height - 11} y2=${height - 11}></line>`}
        <text x=${left + 30} y=${height - 7}>${this.m.chartFigures}</text>
        <line class="target" x1=${left + 110} x2=${left + 134} y1=${height - 11} y2=${height - 11}></line>
        <text class="target-label" x=${left + 140} y=${height - 7}>${this.m.target} ${axis(measure.target)}</text>
      </g>
    </svg>`;
  }
}
