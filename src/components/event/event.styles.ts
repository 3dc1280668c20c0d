import { css } from 'lit';

export const eventStyles = css`
  :host {
    display: block;
  }
  [part='base'] {
    display: grid;
    gap: var(--bijeen-gap, 1.5rem);
  }
  [part='base'][aria-busy='true'] {
    min-height: var(--bijeen-loading-min-height, 12rem);
  }
`;
