import { css } from 'lit';

/**
 * The design tokens every element reads. Hosts theme with `--pledge-*` custom properties;
 * the defaults are close to the GOV.UK Design System, with contrast of at least 4.5:1.
 */
export const tokens = css`
  :host {
    --_text: var(--pledge-color-text, #0b0c0c);
    --_muted: var(--pledge-color-secondary-text, #484949);
    --_bg: var(--pledge-color-background, #ffffff);
    --_surface: var(--pledge-color-surface, #f3f2f1);
    --_border: var(--pledge-color-border, #b1b4b6);
    --_link: var(--pledge-color-link, #1d70b8);
    --_focus: var(--pledge-color-focus, #ffdd00);
    --_focus-text: var(--pledge-color-focus-text, #0b0c0c);
    --_error: var(--pledge-color-error, #d4351c);
    --_success: var(--pledge-color-success, #00703c);
    --_button: var(--pledge-color-button, #00703c);
    --_button-text: var(--pledge-color-button-text, #ffffff);
    --_red: var(--pledge-color-red, #942514);
    --_red-bg: var(--pledge-color-red-background, #f4cdc6);
    --_amber: var(--pledge-color-amber, #6e3619);
    --_amber-bg: var(--pledge-color-amber-background, #fcd6c3);
    --_green: var(--pledge-color-green, #005a30);
    --_green-bg: var(--pledge-color-green-background, #cce2d8);
    --_blue: var(--pledge-color-blue, #0c2d4a);
    --_blue-bg: var(--pledge-color-blue-background, #bbd4ea);
    --_grey: var(--pledge-color-grey, #383f43);
    --_grey-bg: var(--pledge-color-grey-background, #e5e6e7);
    --_font: var(--pledge-font-family, system-ui, -apple-system, 'Segoe UI', Arial, sans-serif);
    --_size: var(--pledge-font-size, 1rem);
    --_space: var(--pledge-space, 0.75rem);
    --_radius: var(--pledge-radius, 0);
    display: block;
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.45;
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  *, *::before, *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--_link);
  }
  a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible,
  summary:focus-visible, [tabindex]:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 5px var(--_focus-text);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  button {
    font: inherit;
    font-weight: 600;
    color: var(--_button-text);
    background: var(--_button);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    box-shadow: 0 2px 0 #002d18;
    padding: 0.4em 0.8em;
    cursor: pointer;
    min-height: 44px;
  }
  button.secondary {
    color: var(--_text);
    background: var(--_surface);
    box-shadow: 0 2px 0 #929191;
  }
  button.warning {
    background: var(--_error);
    box-shadow: 0 2px 0 #55150b;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  input, select, textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_text);
    border-radius: var(--_radius);
    padding: 0.3em;
    max-width: 100%;
    min-height: 44px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 700;
    font-size: 1.25em;
    padding-block-end: var(--_space);
  }
  th, td {
    text-align: start;
    vertical-align: top;
    padding: calc(var(--_space) / 1.5) var(--_space) calc(var(--_space) / 1.5) 0;
    border-block-end: 1px solid var(--_border);
  }
  @media print {
    button, .no-print {
      display: none !important;
    }
    :host {
      color: #000;
    }
  }
`;
