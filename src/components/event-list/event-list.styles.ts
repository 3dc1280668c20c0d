import { css } from 'lit';

/**
 * The cards sit in a grid that fills the list's own width: as many columns as fit at
 * `--bijeen-event-list-column-min-width`, one column in narrow containers (no media or container
 * query needed). Headings and long Dutch compound words break at syllables in the list's
 * language, and anywhere rather than overflow a narrow column.
 */
export const eventListStyles = css`
  :host {
    display: block;
  }

  [hidden] {
    display: none !important;
  }

  [part='base'] {
    --_gap: var(--bijeen-event-list-gap, var(--_spacing));
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    min-height: var(--bijeen-event-list-loading-min-height, 0);
    overflow-wrap: anywhere;
    hyphens: auto;
  }

  [part='base'][aria-busy='false'] {
    min-height: 0;
  }

  [part='list'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--bijeen-event-list-column-min-width, 18rem)), 1fr));
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part='item'] {
    display: grid;
    min-width: 0;
  }

  [part='heading'] {
    margin: 0;
    font-size: var(--bijeen-event-list-heading-font-size, 1.25em);
    font-weight: 700;
    line-height: 1.25;
  }

  [part='empty'],
  p {
    margin: 0;
  }

  [part='more'] {
    justify-self: start;
    padding: 0.5em 1.25em;
    border: 2px solid var(--_accent-color);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_accent-color);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }

  [part='more']:hover {
    text-decoration: underline;
  }
`;
