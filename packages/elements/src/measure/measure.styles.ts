import { css } from 'lit';

export const measureStyles = css`
  :host > [part='measure'] > :first-child {
    margin-block-start: 0;
  }
  .measure + .measure {
    margin-block-start: calc(var(--_space) * 2);
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  .direction {
    font-weight: 600;
  }
  .arrow {
    display: inline-block;
    min-width: 1em;
  }
  .chart {
    display: block;
    width: 100%;
    max-width: 32rem;
    height: auto;
    margin-block: var(--_space);
    font-family: var(--_font);
  }
  .chart text {
    fill: var(--_text);
    font-size: 12px;
  }
  /* Periods and values are short: keep each whole rather than split mid-word in a narrow column. */
  thead th, tbody th, td:first-of-type {
    overflow-wrap: break-word;
  }
  table {
    margin-block-end: var(--_space);
  }
  .chart .tick {
    fill: var(--_muted);
  }
  .chart .value {
    font-weight: 700;
  }
  .chart .grid line {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .chart .observed {
    fill: none;
    stroke: var(--_link);
    stroke-width: 3;
    stroke-linejoin: round;
  }
  .chart .dot, .chart .bar {
    fill: var(--_link);
  }
  /* The target is dashed, the figures solid: told apart by more than colour. */
  .chart .target {
    stroke: var(--_text);
    stroke-width: 2;
    stroke-dasharray: 6 4;
  }
  .chart .target-label {
    font-style: italic;
  }
  @media (forced-colors: active) {
    .chart text, .chart .dot, .chart .bar {
      fill: CanvasText;
    }
    .chart .observed, .chart .target, .chart .grid line {
      stroke: CanvasText;
    }
  }
  @media print {
    .measure {
      break-inside: avoid;
    }
    .chart .observed, .chart .target {
      stroke: currentColor;
    }
    .chart .dot, .chart .bar, .chart text {
      fill: currentColor;
    }
  }
`;
