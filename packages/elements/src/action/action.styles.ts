import { css } from 'lit';
import { stepPanelStyles } from '../shared/step-panel.styles.js';

/** The action view's own layout; fields, errors and the summary come from `formStyles`. */
export const actionStyles = [stepPanelStyles, css`
  h1, h2, h3, h4, h5, h6 {
    font-size: 1.3em;
    line-height: 1.2;
    margin: calc(var(--_space) * 2) 0 var(--_space);
  }
  .cannot > :is(h2, h3, h4, h5, h6),
  .step-form > :is(h2, h3, h4, h5, h6) {
    font-size: 1.1em;
  }
  .head:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .head > :first-child {
    margin-top: 0;
    font-size: 1.75em;
  }
  .id {
    margin: 0 0 0.5em;
    color: var(--_muted);
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0 0 var(--_space);
  }
  .why {
    color: var(--_muted);
  }
  .description {
    max-width: 40em;
  }
  dl {
    margin: 0;
  }
  dl > div {
    display: grid;
    grid-template-columns: minmax(8em, 14em) 1fr;
    gap: 0 var(--_space);
    padding: 0.5em 0;
    border-block-end: 1px solid var(--_border);
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
  }
  dd ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  @container (max-width: 30em) {
    dl > div {
      grid-template-columns: 1fr;
    }
  }
  :host {
    container-type: inline-size;
  }
  .muted, .meta {
    color: var(--_muted);
  }
  .meta {
    display: block;
    font-size: 0.9em;
  }
  .evidence-step pledge-evidence-form {
    margin-bottom: var(--_space);
  }
  .cannot ul {
    padding-inline-start: 1.2em;
  }
  .cannot li {
    margin: 0 0 0.5em;
  }
  .evidence, .history {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .evidence-item, .history li {
    padding: var(--_space) 0;
    border-block-end: 1px solid var(--_border);
  }
  .evidence-item p, .history p {
    margin: 0 0 0.25em;
  }
  .tag {
    display: inline-block;
    padding: 0.05em 0.5em;
    border: 2px solid currentColor;
  }
  .tag.accepted { color: var(--_green); background: var(--_green-bg); }
  .tag.submitted { color: var(--_blue); background: var(--_blue-bg); }
  .tag.returned { color: var(--_red); background: var(--_red-bg); }
  .why-note {
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_border);
  }
  @media print {
    [part='steps'] {
      display: none;
    }
  }
`];
