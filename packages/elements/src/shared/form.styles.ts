import { css } from 'lit';

/**
 * Form patterns from the GOV.UK Design System that `<pledge-evidence-form>` and the step
 * forms of `<pledge-action>` share: fields, hints, errors beside a field, the error summary,
 * and the box that says a step was taken.
 */
export const formStyles = css`
  .field {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .field.has-error {
    border-inline-start: 5px solid var(--_error);
    padding-inline-start: var(--_space);
  }
  label, legend {
    display: block;
    font-weight: 700;
    margin: 0 0 0.25em;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .hint {
    color: var(--_muted);
    margin: 0 0 0.5em;
  }
  .field-error {
    color: var(--_error);
    font-weight: 700;
    margin: 0 0 0.5em;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  .error-summary {
    border: 5px solid var(--_error);
    padding: var(--_space);
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .error-summary-title {
    font-weight: 700;
    font-size: 1.25em;
    margin: 0 0 0.5em;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 700;
  }
  .result.shown {
    border: 5px solid var(--_success);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
  .result p {
    margin: 0 0 0.25em;
  }
  .result:focus, .error-summary:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
  }
`;
