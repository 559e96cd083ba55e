import { css } from 'lit';

export const actionListStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space);
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border: 0;
    background: var(--_surface);
    /* A fieldset is at least as wide as its content unless told otherwise: wrap in a 320px column. */
    min-width: 0;
  }
  .filters legend {
    float: left;
    width: 100%;
    padding: 0;
    font-weight: 700;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: min(12em, 100%);
    max-width: 100%;
  }
  .field label {
    font-weight: 600;
  }
  .field.checkbox {
    flex-direction: row;
    align-items: center;
    min-width: auto;
    min-height: 44px;
  }
  .field.checkbox input {
    width: 1.5em;
    height: 1.5em;
    min-height: 0;
    margin: 0;
    accent-color: var(--_text);
  }
  .count {
    font-weight: 700;
    margin: 0 0 var(--_space);
  }
  .scroll {
    overflow-x: auto;
    container: action-list / inline-size;
  }
  .scroll:focus-visible {
    outline: 3px solid var(--_focus);
  }
  table {
    min-width: 52em;
    /* Break long words only when they cannot fit, so that narrow columns keep whole words. */
    overflow-wrap: break-word;
  }
  thead th {
    vertical-align: bottom;
    white-space: nowrap;
  }
  th.title {
    font-weight: 400;
    min-width: 14em;
  }
  button.sort,
  button.link {
    all: unset;
    box-sizing: border-box;
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  button.sort {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    font-weight: 700;
    min-height: 24px;
  }
  button.sort svg {
    width: 0.8em;
    height: 0.8em;
  }
  button.link {
    display: inline;
    font-weight: 600;
  }
  button.sort:hover,
  button.link:hover {
    text-decoration-thickness: 3px;
  }
  button.sort:focus-visible,
  button.link:focus-visible {
    color: var(--_focus-text);
    background: var(--_focus);
    box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text);
    text-decoration: none;
    outline: none;
  }
  .id {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .muted {
    color: var(--_muted);
  }
  .due {
    white-space: nowrap;
  }
  .empty {
    font-weight: 600;
  }
  /* Narrow: each action a card, its status first, every value labelled; the sort buttons wrap above. */
  @container action-list (max-width: 40em) {
    table {
      min-width: 0;
    }
    table, thead, tbody, tr, th, td {
      display: block;
    }
    caption {
      display: block;
    }
    thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) / 2) var(--_space);
      padding-block-end: calc(var(--_space) / 2);
    }
    thead th {
      border: 0;
      padding: 0;
    }
    tbody tr {
      display: flex;
      flex-direction: column;
      gap: 0.2em;
      margin-block-end: var(--_space);
      padding: calc(var(--_space) / 1.5);
      border: 1px solid var(--_border);
      border-inline-start-width: 5px;
    }
    tbody th, tbody td {
      border: 0;
      padding: 0;
      min-width: 0;
    }
    tbody td.status {
      order: -1;
    }
    tbody td[data-label]:not(.status)::before {
      content: attr(data-label) ': ';
      font-weight: 600;
    }
    .due {
      white-space: normal;
    }
  }
  @media print {
    .scroll {
      overflow: visible;
    }
    .filters {
      display: none;
    }
    button.sort,
    button.link {
      display: inline !important;
      color: inherit;
      text-decoration: none;
    }
    button.sort svg {
      display: none;
    }
  }
`;
