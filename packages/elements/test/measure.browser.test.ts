import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import { createTracker, measureProgress, type Tracker } from '@pledgeflow/core';
import type { PledgeMeasure } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import { chartGeometry, niceCeiling } from '../src/measure/chart.js';
import { eastmereTracker, planInput, testPlan } from './fixtures.js';
import { expectNoAxeViolations, mount } from './helpers.js';
import { $, $$, text } from './shadow-query.js';

/** m1 from the fixtures (52% then 58% against 65%, higher is better), and m2: days, lower is better. */
function measureTracker(extra: NonNullable<typeof planInput.measures> = []): Tracker {
  return createTracker({
    plan: testPlan({
      measures: [
        ...planInput.measures!,
        { id: 'm2', title: 'Days from entering care to a health assessment', unit: 'days', direction: 'lower', target: 20,
          baseline: { period: '2023-24', value: 41 },
          observations: [
            { period: '2023-24', value: 41, source: 'Health provider' },
            { period: '2024-25', value: 33, source: 'Health provider' },
            { period: '2025-26', value: 24, source: 'Health provider' },
          ] },
        ...extra,
      ],
    }),
  });
}

async function measure(tracker: Tracker | undefined, attrs = ''): Promise<PledgeMeasure> {
  return mount<PledgeMeasure>(`<pledge-measure ${attrs}></pledge-measure>`, (el) => {
    el.tracker = tracker;
  });
}

const cells = (row: Element) => [...row.children].map(text);

describe('<pledge-measure>', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('has no axe violations, and says where the measure stands and which direction is better', async () => {
    const el = await measure(measureTracker(), 'measure-id="m1"');
    await expectNoAxeViolations(el);
    expect(text($(el, '[part="measure-title"]'))).to.equal('Care leavers in education, training or work');
    expect($(el, '[part="measure-title"]')!.tagName).to.equal('H2');
    expect(text($(el, '[part="summary"]'))).to.equal(measureProgress(testPlan().measures[0]!).summary);
    expect(text($(el, '[part="summary"]'))).to.equal('58% in 2025-26 against a target of 65% (higher is better): short of the target, better than 2024-25.');
    expect(text($(el, '[part="direction"]'))).to.equal('↑ Higher is better');
    expect($(el, '[part="direction"] .arrow')!.getAttribute('aria-hidden')).to.equal('true');
    expect($$(el, '.facts > div').map((d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`)).to.deep.equal([
      'Latest: 58% in 2025-26', 'Target: 65%',
    ]);
  });

  it('gives the chart the summary as its text alternative', async () => {
    const el = await measure(measureTracker(), 'measure-id="m1"');
    const chart = $(el, 'svg[part="chart"]')!;
    expect(chart.getAttribute('role')).to.equal('img');
    const label = el.shadowRoot!.getElementById(chart.getAttribute('aria-labelledby')!);
    expect(label).to.equal($(el, '[part="summary"]'));
  });

  it('puts the same figures in an accessible table: a caption, column and row headers', async () => {
    const el = await measure(measureTracker(), 'measure-id="m1"');
    const table = $(el, 'table')!;
    expect(text(table.querySelector('caption'))).to.equal('Care leavers in education, training or work: the figures by period (target 65%)');
    expect([...table.querySelectorAll('thead th')].map((th) => [text(th), th.getAttribute('scope')])).to.deep.equal([
      ['Period', 'col'], ['Value', 'col'], ['Source', 'col'],
    ]);
    expect([...table.querySelectorAll('tbody tr')].map(cells)).to.deep.equal([
      ['2024-25', '52%', 'Annual return'],
      ['2025-26', '58%', 'Annual return'],
    ]);
    expect([...table.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row')).to.equal(true);
    // The chart shows the same periods and values, in the same order.
    expect($$(el, '.chart .period').map(text)).to.deep.equal(['2024-25', '2025-26']);
    expect($$(el, '.chart .value').map(text)).to.deep.equal(['52%', '58%']);
  });

  it('draws the observations as a line and the target as a dashed line at the target', async () => {
    const el = await measure(measureTracker(), 'measure-id="m1"');
    const geometry = chartGeometry(testPlan().measures[0]!.observations, 65, true, false);
    const line = $(el, '.chart polyline.observed')!;
    expect(line.getAttribute('points')).to.equal(geometry.points.map((p) => `${p.x},${p.y}`).join(' '));
    expect($$(el, '.chart circle.dot')).to.have.length(2);
    const target = $(el, '.chart line.target')!;
    expect(Number(target.getAttribute('y1'))).to.equal(geometry.targetY);
    expect(getComputedStyle(target).strokeDasharray).to.equal('6px, 4px');
    expect(getComputedStyle(line).strokeDasharray).to.equal('none');
    // The key says which is which, in words as well as by the dashes.
    expect(text($(el, '.chart .key'))).to.equal('Figures Target 65%');
    expect(getComputedStyle($(el, '.chart .key line.target')!).strokeDasharray).to.equal('6px, 4px');
  });

  it('draws bars with chart="bars", without axe violations', async () => {
    const el = await measure(measureTracker(), 'measure-id="m2" chart="bars"');
    await expectNoAxeViolations(el);
    const bars = $$(el, '.chart > rect.bar');
    expect(bars).to.have.length(3);
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    expect(heights[0]).to.be.greaterThan(heights[1]!);
    expect(heights[1]).to.be.greaterThan(heights[2]!);
    expect($(el, '.chart polyline')).to.equal(null);
  });

  it('says when lower is better, with the baseline and figures in the measure’s unit', async () => {
    const el = await measure(measureTracker(), 'measure-id="m2"');
    expect(text($(el, '[part="direction"]'))).to.equal('↓ Lower is better');
    expect($$(el, '.facts dd').map(text)).to.deep.equal(['24 days in 2025-26', '20 days', '41 days in 2023-24']);
    expect(text($(el, '[part="summary"]'))).to.contain('short of the target, better than 2024-25');
  });

  it('shows every measure under one heading when it has no measure-id, without axe violations', async () => {
    const el = await measure(measureTracker(), 'heading-level="3"');
    await expectNoAxeViolations(el);
    expect(text($(el, '[part="title"]'))).to.equal('Measures of success');
    expect($(el, '[part="title"]')!.tagName).to.equal('H3');
    expect($$(el, '[part="measure"]').map((s) => s.dataset['id'])).to.deep.equal(['m1', 'm2']);
    expect($$(el, '[part="measure-title"]').map((h) => h.tagName)).to.deep.equal(['H4', 'H4']);
    // Each chart is labelled by its own measure's summary.
    for (const section of $$(el, '[part="measure"]')) {
      const id = section.querySelector('svg')!.getAttribute('aria-labelledby')!;
      expect(el.shadowRoot!.getElementById(id)!.closest('[part="measure"]')).to.equal(section);
    }
  });

  it('has no axe violations on the example plan’s measures', async function () {
    this.timeout(30000);
    const t = await eastmereTracker();
    const el = await measure(t);
    await expectNoAxeViolations(el);
    expect($$(el, '[part="measure"]')).to.have.length(t.plan.measures.length);
    expect($$(el, 'table')).to.have.length(t.plan.measures.filter((x) => x.observations.length).length);
  });

  it('says so, without a chart or an empty table, when a measure has no figures yet', async () => {
    const el = await measure(
      measureTracker([{ id: 'm3', title: 'Care leavers in suitable homes', unit: 'percent', direction: 'higher', target: 95, observations: [], promises: [] }]),
      'measure-id="m3"',
    );
    await expectNoAxeViolations(el);
    expect(text($(el, '[part="summary"]'))).to.equal('No figures yet; the target is 95% (higher is better).');
    expect(text($(el, '.facts dd'))).to.equal('No figures yet.');
    expect($(el, 'svg')).to.equal(null);
    expect($(el, 'table')).to.equal(null);
  });

  it('says when the measure-id is not in the plan, and when there is no plan', async () => {
    const missing = await measure(measureTracker(), 'measure-id="nope"');
    await expectNoAxeViolations(missing);
    expect(text(missing.shadowRoot)).to.equal('There is no measure with the id "nope" in this plan.');
    const none = await measure(undefined);
    expect(text(none.shadowRoot)).to.equal('No plan is loaded yet.');
    const empty = await measure(createTracker({ plan: testPlan({ measures: [] }) }));
    expect(text($(empty, '[part="empty"]'))).to.equal('There are no measures in this plan yet.');
  });

  it('follows a change of measure-id', async () => {
    const el = await measure(measureTracker(), 'measure-id="m1"');
    el.setAttribute('measure-id', 'm2');
    await el.updateComplete;
    expect(text($(el, '[part="measure-title"]'))).to.equal('Days from entering care to a health assessment');
  });

  it('fits a 320px column without scrolling sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await measure(measureTracker());
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect($(el, 'svg')!.getBoundingClientRect().width).to.be.at.most(320);
  });

  it('takes its words from the host, the summary included', async () => {
    const el = await measure(measureTracker(), 'measure-id="m1"');
    el.messages = { higherBetter: 'Up is good', measureSummary: (p) => `Latest ${p.latest?.value}` };
    await el.updateComplete;
    expect(text($(el, '[part="direction"]'))).to.equal('↑ Up is good');
    expect(text($(el, '[part="summary"]'))).to.equal('Latest 58');
  });

  it('shows text from data as text: a javascript: link never becomes a link', async () => {
    const link = '<a href="javascript:alert(1)">javascript:alert(1)</a>';
    const el = await measure(
      measureTracker([{ id: 'm4', title: link, unit: 'number', direction: 'higher', target: 3, observations: [{ period: '2025', value: 2, source: 'javascript:alert(2)' }], promises: [] }]),
      'measure-id="m4"',
    );
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    expect(text($(el, '[part="measure-title"]'))).to.equal(link);
    expect(cells($(el, 'tbody tr')!)[2]).to.equal('javascript:alert(2)');
  });
});

describe('the measure chart’s geometry', () => {
  it('rounds the top of the scale up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.7, 1, 3, 22, 24.9, 41, 68.25, 120, 0].map(niceCeiling)).to.deep.equal([1, 1, 5, 25, 25, 50, 100, 200, 1]);
  });

  it('starts a line near the figures, so 91.5% to 93.1% is not flat, and keeps labels off the target line', () => {
    const g = chartGeometry([{ period: 'a', value: 91.5 }, { period: 'b', value: 93.1 }], 95, true, false);
    expect(g.min).to.equal(90);
    expect(g.max).to.be.at.most(100);
    expect(g.ticks[0]!.value).to.equal(90); // the first tick says where the scale starts
    const rise = g.points[0]!.y - g.points[1]!.y;
    expect(rise, 'the change is visible').to.be.above(20);
    for (const p of g.points) expect(Math.abs(p.labelY - 4 - g.targetY), `${p.period}'s label clears the target line`).to.be.at.least(8);
    // A figure right on the target puts its label below the point.
    const on = chartGeometry([{ period: 'a', value: 80 }, { period: 'b', value: 95 }], 97, true, false);
    expect(on.points[1]!.labelY).to.be.above(on.points[1]!.y);
    expect(chartGeometry([{ period: 'a', value: 3 }], 5, false, false).min).to.be.at.least(0);
  });

  it('starts bars at zero, keeps a percentage under 100 on a scale that stops at 100, and puts the target on it', () => {
    const g = chartGeometry([{ period: 'a', value: 91.5 }, { period: 'b', value: 93.1 }], 95, true);
    expect(g.max).to.equal(100);
    expect(g.ticks.map((t) => t.value)).to.deep.equal([0, 50, 100]);
    expect(g.zeroY).to.be.greaterThan(g.targetY);
    expect(g.points[0]!.y).to.be.greaterThan(g.targetY);
    expect(g.points[0]!.x).to.be.lessThan(g.points[1]!.x);
  });

  it('makes room for a target above every figure', () => {
    const g = chartGeometry([{ period: 'a', value: 10 }], 40, false);
    expect(g.max).to.be.at.least(40);
    expect(g.targetY).to.be.at.least(0);
  });
});
