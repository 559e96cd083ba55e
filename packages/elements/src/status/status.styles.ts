import { css } from 'lit';

export const statusStyles = css`
  :host {
    display: inline-block;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.1em 0.55em;
    font-weight: 700;
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    white-space: nowrap;
  }
  svg {
    width: 0.9em;
    height: 0.9em;
    flex: none;
  }
  .red { color: var(--_red); background: var(--_red-bg); }
  .amber { color: var(--_amber); background: var(--_amber-bg); }
  .green { color: var(--_green); background: var(--_green-bg); }
  .blue { color: var(--_blue); background: var(--_blue-bg); }
  .grey { color: var(--_grey); background: var(--_grey-bg); }
  @media (forced-colors: active) {
    .badge { border-color: CanvasText; }
  }
`;
