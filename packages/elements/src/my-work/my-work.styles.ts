import { css } from 'lit';

export const myWorkStyles = css`
  .items {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
  }
  .items > li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--_space) / 3) var(--_space);
    padding-block: calc(var(--_space) / 1.5);
    border-block-start: 1px solid var(--_border);
  }
  .items > li > .what {
    flex: 1 1 16em;
    min-width: 0;
  }
  .open {
    all: unset;
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .open:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 4px var(--_focus-text);
    text-decoration: none;
  }
  .detail {
    display: block;
    color: var(--_muted);
  }
  .count {
    font-weight: 400;
    color: var(--_muted);
  }
`;
