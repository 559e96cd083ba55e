import { css } from 'lit';

export const syncStatusStyles = css`
  :host {
    display: block;
    font-family: var(--pledge-font-family);
    font-size: var(--pledge-font-size);
    color: var(--pledge-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  p {
    margin: 0;
    padding: calc(var(--pledge-space) / 3) calc(var(--pledge-space) / 2);
    border-left: 4px solid var(--pledge-color-border);
  }
  p[data-state='error'],
  p[data-state='sign-in'] {
    border-left-color: var(--pledge-color-error);
    font-weight: bold;
  }
`;
