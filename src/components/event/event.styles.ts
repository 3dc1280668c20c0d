import { css } from 'lit';

export const eventStyles = css`
  :host {
    display: block;
  }

  [part='base'] {
    display: grid;
    gap: var(--bijeen-event-gap, calc(1.5 * var(--_spacing)));
  }

  [part='base'][aria-busy='true'] {
    min-height: var(--bijeen-event-loading-min-height, 12rem);
  }
`;
