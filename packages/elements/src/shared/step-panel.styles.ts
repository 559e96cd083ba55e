import { css } from 'lit';

/**
 * The step panel that `<pledge-action>`, `<pledge-meetings>` and `<pledge-recommendations>`
 * share: the row of step buttons, the small step form with its radios and buttons, the box that
 * says why a step was refused, and the folded list of steps the person's role never takes.
 */
export const stepPanelStyles = css`
  .step-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
  }
  .step-form {
    margin: 0 0 var(--_space);
    padding: var(--_space);
    /* Not the surface grey: error red on it falls below 4.5:1. */
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-inline-start-width: 5px;
    max-width: 40em;
  }
  .step-form > :first-child {
    margin-top: 0;
  }
  textarea, select, input[type='url'] {
    width: 100%;
  }
  .radio {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    margin: 0 0 0.5em;
  }
  .radio input {
    width: 1.5em;
    height: 1.5em;
    min-height: 0;
    margin: 0.1em 0 0;
    flex: none;
    accent-color: var(--_text);
  }
  .radio label {
    font-weight: 400;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .refusal {
    border: 5px solid var(--_error);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
  .refusal p, .error-summary p {
    font-weight: 700;
    margin: 0 0 0.5em;
  }
  .refusal:focus {
    outline: 3px solid var(--_focus);
  }
  .not-yours summary {
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
    padding-block: 0.4em;
    min-height: 24px;
  }
`;
