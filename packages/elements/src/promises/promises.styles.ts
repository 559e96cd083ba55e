import { css } from 'lit';

export const promisesStyles = css`
  .promises, .pairs {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .promises > li {
    padding-block: var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  [part='promise-title'] {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.2em;
  }
  /* The promise's title chooses it: a button that reads as a link, with the shared focus style. */
  button.link {
    all: unset;
    box-sizing: border-box;
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
    font: inherit;
    font-weight: 700;
    overflow-wrap: anywhere;
    display: inline-block;
    min-height: 1.5em;
  }
  button.link:hover {
    text-decoration-thickness: 3px;
  }
  button.link:focus-visible {
    color: var(--_focus-text);
    background: var(--_focus);
    outline: 3px solid var(--_focus);
    box-shadow: 0 4px 0 var(--_focus-text);
    text-decoration: none;
  }
  button.link[aria-current='true'] {
    color: var(--_text);
    text-decoration: none;
    border-inline-start: 5px solid var(--_link);
    padding-inline-start: 0.4em;
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    list-style: none;
    margin: 0;
    padding: 0;
  }

  /* The child-friendly view: bigger words, room to breathe, each promise and answer a card. */
  .child {
    font-size: 1.125em;
    line-height: 1.5;
  }
  .child .promises > li {
    border: 0;
    margin-block-end: var(--_space);
    padding: var(--_space);
    background: var(--_surface);
    border-radius: max(var(--_radius), 0.5rem);
  }
  .child .words {
    font-size: 1.1em;
  }
  .child .state, .child .progress {
    font-weight: 600;
  }
  .pairs li {
    margin-block-end: var(--_space);
    padding: var(--_space);
    border-inline-start: 5px solid var(--_border);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .pairs .did {
    margin-block-start: calc(var(--_space) / 2);
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9em;
  }
  @media print {
    button.link {
      color: inherit;
      text-decoration: none;
    }
    .promises > li, .pairs li {
      break-inside: avoid;
    }
  }
`;
