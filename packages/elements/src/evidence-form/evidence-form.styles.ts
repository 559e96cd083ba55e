import { css } from 'lit';

/** The evidence form's own layout; fields, errors and the summary come from `formStyles`. */
export const evidenceFormStyles = css`
  h1, h2, h3, h4, h5, h6 {
    margin: 0 0 var(--_space);
    font-size: 1.5em;
    line-height: 1.2;
  }
  .caption {
    margin: 0 0 0.25em;
    color: var(--_muted);
  }
  form {
    max-width: 40em;
  }
  textarea, input[type='url'] {
    width: 100%;
  }
  .date-input {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .date-item label {
    font-weight: 400;
  }
  .w2 {
    width: 3.5em;
  }
  .w4 {
    width: 5.5em;
  }
  .warning {
    margin-top: 0.5em;
    padding: var(--_space);
    border-inline-start: 5px solid var(--_amber);
    background: var(--_amber-bg);
    color: var(--_text);
  }
  .warning p, .warning ul {
    margin: 0 0 0.25em;
  }
  .icon {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 1.4em;
    height: 1.4em;
    border-radius: 50%;
    color: var(--_bg);
    background: var(--_text);
    font-weight: 700;
  }
  .restored {
    padding: 0.5em var(--_space);
    border-inline-start: 5px solid var(--_link);
    background: var(--_surface);
  }
`;
