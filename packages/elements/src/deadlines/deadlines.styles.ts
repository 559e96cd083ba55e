import { css } from 'lit';

export const deadlinesStyles = css`
  :host {
    container-type: inline-size;
  }
  [part='meeting-title'] {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .board {
    color: var(--_muted);
  }
  .meetings {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
  }
  .meetings > li {
    padding-block: var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  .label {
    font-weight: 600;
  }
  /* The dates around a meeting as a short timeline: a rule down the side, the meeting in bold. */
  .dates {
    margin: 0;
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--_border);
  }
  .date {
    padding-block: 0.2em;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .date.meeting dt, .date.meeting time {
    font-weight: 700;
  }
  .date.meeting {
    border-inline-start: 4px solid var(--_text);
    margin-inline-start: calc(-1 * var(--_space) - 4px);
    padding-inline-start: var(--_space);
  }
  .passed, .when {
    color: var(--_muted);
  }
  .passed time {
    text-decoration: line-through;
  }
  /* Side by side only when the element itself is wide enough, whatever the page's width. */
  @container (min-width: 32em) {
    .date {
      display: flex;
      gap: var(--_space);
    }
    dt {
      flex: 0 0 16em;
    }
  }
  @media print {
    .meetings > li {
      break-inside: avoid;
    }
    .passed, .when, .board {
      color: inherit;
    }
  }
`;
