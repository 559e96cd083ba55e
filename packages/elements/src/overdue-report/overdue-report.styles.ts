import { css } from 'lit';

export const overdueReportStyles = css`
  .meta {
    margin: 0 0 var(--_space);
    color: var(--_muted);
  }
  ul {
    margin: 0 0 var(--_space);
    padding-inline-start: 1.25em;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space);
    margin-block: var(--_space);
    padding-block: var(--_space);
    border-block: 1px solid var(--_border);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  label {
    font-weight: 600;
  }
  table {
    margin-block-end: calc(var(--_space) * 2);
  }
  caption {
    font-size: 1.1em;
  }
  thead th {
    overflow-wrap: break-word; /* our own short words: never split a header mid-word */
    border-block-end-width: 2px;
    border-block-end-color: var(--_text);
  }
  tbody th {
    font-weight: 400;
  }
  .name, .days {
    font-weight: 600;
  }
  .id {
    color: var(--_muted);
  }
  .detail {
    display: block;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .pair {
    display: inline-block;
    margin-inline-end: 0.75em;
  }
  .moves {
    margin: 0;
    padding-inline-start: 1em;
  }
  .principles {
    list-style: none;
    padding-inline-start: 0;
  }
  .principles li {
    padding-block: calc(var(--_space) / 3);
    border-block-end: 1px solid var(--_border);
  }
  .number {
    font-weight: 700;
  }

  /* A clean paper for the board pack: black on white (tokens set the colour), rules instead of shading, no controls,
     table headers repeated on every page and no row split across pages. */
  @media print {
    :host {
      font-size: 10.5pt;
      background: none;
    }
    .meta, .id, .detail {
      color: inherit;
    }
    .controls, [role='status'] {
      display: none !important;
    }
    table {
      page-break-inside: auto;
    }
    thead {
      display: table-header-group;
    }
    tr, li {
      break-inside: avoid;
      page-break-inside: avoid;
    }
    th, td {
      border-block-end: 0.5pt solid currentColor;
    }
    thead th {
      border-block-end: 1.5pt solid currentColor;
    }
    h1, h2, h3, h4, h5, h6, caption {
      break-after: avoid;
      page-break-after: avoid;
    }
    section {
      break-inside: auto;
    }
  }
`;
