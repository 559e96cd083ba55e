import { css } from 'lit';
import { badgeStyles } from './badge.js';

export const statusStyles = [
  css`
    :host {
      display: inline-block;
    }
  `,
  badgeStyles,
];
