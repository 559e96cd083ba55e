import { css } from 'lit';
import { stepPanelStyles } from '../shared/step-panel.styles.js';

/**
 * What `<pledge-meetings>` and `<pledge-recommendations>` share: items as cards, tags with a
 * word in them (colour is never the only sign), tables that scroll sideways in a narrow column,
 * and step panels like `<pledge-action>`'s. Steps are left out when printed.
 */
export const boardStyles = [stepPanelStyles, css`
  :host {
    container-type: inline-size;
  }
  .board, .detail, .when, .passed {
    color: var(--_muted);
  }
  th.number {
    white-space: nowrap;
  }
  .detail {
    display: block;
    font-size: 0.9em;
  }
  .label, .cannot-title {
    font-weight: 700;
    margin: var(--_space) 0 0.25em;
  }
  ul {
    margin: 0 0 var(--_space);
    padding-inline-start: 1.25em;
  }
  .meeting {
    padding-block: var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  .tag {
    display: inline-block;
    padding: 0 0.4em;
    border: 2px solid currentColor;
    font-weight: 600;
  }
  .tag.ok { color: var(--_green); background: var(--_green-bg); }
  .tag.problem { color: var(--_red); background: var(--_red-bg); }
  .who > div {
    display: grid;
    grid-template-columns: minmax(8em, 12em) 1fr;
    gap: 0 var(--_space);
  }
  .who dt {
    font-weight: 600;
  }
  .who dd {
    margin: 0;
  }
  .who ul, .who p {
    margin: 0 0 0.25em;
  }
  .dates > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }
  .dates dt {
    font-weight: 600;
    flex: 0 0 16em;
  }
  .dates dd {
    margin: 0;
  }
  .scroll {
    overflow-x: auto;
    margin-block-end: var(--_space);
  }
  thead th {
    border-block-end: 2px solid var(--_text);
  }
  .members {
    list-style: none;
    padding: 0;
  }
  .members li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    padding-block: 0.25em;
  }
  .member {
    min-width: 10em;
    font-weight: 600;
  }
  .item-steps {
    margin-block-start: var(--_space);
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--_border);
  }
  .item-steps > :is(h2, h3, h4, h5, h6), .step-form > :is(h2, h3, h4, h5, h6) {
    font-size: 1.1em;
    margin-block-start: 0;
  }
  @container (max-width: 30em) {
    .who > div {
      grid-template-columns: 1fr;
    }
    .dates dt {
      flex-basis: 100%;
    }
  }
  @media print {
    .item-steps, .not-yours, .quick, .signed-out {
      display: none !important;
    }
    .scroll {
      overflow: visible;
    }
    .meeting, tr {
      break-inside: avoid;
    }
    .board, .detail, .when, .passed {
      color: inherit;
    }
  }
`];
