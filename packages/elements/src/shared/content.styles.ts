import { css } from 'lit';

/**
 * What the reading views (report, promises, measures, deadlines) share: heading and paragraph
 * spacing, and `.facts`, a list of term and value pairs that wraps in a narrow column.
 */
export const contentStyles = css`
  h1, h2, h3, h4, h5, h6 {
    margin: calc(var(--_space) * 2) 0 var(--_space);
    line-height: 1.25;
  }
  [part='title'] {
    margin-block-start: 0;
  }
  p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 1.5);
    margin: 0 0 calc(var(--_space) / 2);
  }
  .facts dt, .facts dd {
    display: inline;
    margin: 0;
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dt::after {
    content: ':\\00a0';
  }
`;
