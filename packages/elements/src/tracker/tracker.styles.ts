import { css } from 'lit';

export const trackerStyles = css`
  header > :first-child {
    margin: 0 0 0.25em;
    font-size: 2em;
    line-height: 1.15;
  }
  .period {
    margin: 0 0 0.25em;
    color: var(--_muted);
  }
  .signed-in {
    margin: 0 0 var(--_space);
    font-weight: 600;
  }
  nav {
    margin: 0 0 calc(var(--_space) * 1.5);
    border-block-end: 1px solid var(--_border);
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 1.5);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .nav-link {
    all: unset;
    box-sizing: border-box;
    display: inline-block;
    min-height: 44px;
    padding: 0.6em 0 0.4em;
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    border-block-end: 5px solid transparent;
  }
  .nav-link:hover {
    text-decoration-thickness: 3px;
  }
  .nav-link[aria-current='page'] {
    color: var(--_text);
    font-weight: 700;
    text-decoration: none;
    border-block-end-color: var(--_link);
  }
  .nav-link:focus-visible {
    outline: none;
    color: var(--_focus-text);
    background: var(--_focus);
    box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text);
    text-decoration: none;
  }
  .back {
    margin: 0 0 var(--_space);
  }
  .problems {
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border: 5px solid var(--_error);
  }
  .problems.warning {
    border-color: var(--_amber);
  }
  .problems summary {
    cursor: pointer;
    font-weight: 700;
  }
  .problems p {
    margin: 0 0 0.5em;
  }
  @media print {
    nav, .back {
      display: none;
    }
  }
  /* Notices stay in view where the person is: the bottom of the tracker's visible part. */
  .notices {
    position: sticky;
    bottom: 0;
    z-index: 1;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: calc(var(--_space) / 2) 0 0;
    padding: calc(var(--_space) / 2) var(--_space);
    background: var(--_bg);
    border: 2px solid var(--_text);
    border-inline-start-width: 6px;
    font-weight: 600;
  }
  @media print {
    .notices, .signed-in {
      display: none;
    }
  }
`;
