import { css } from 'lit';

export const mapLinkStyles = css`
  :host {
    display: inline;
  }
  [part='link'] {
    color: var(--bijeen-link-color, inherit);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
    border-radius: 2px;
  }
  [part='link']:hover {
    color: var(--bijeen-link-hover-color, var(--bijeen-link-color, inherit));
    text-decoration-thickness: 2px;
  }
  [part='link']:focus-visible {
    outline: var(--bijeen-focus-ring-width, 3px) solid var(--bijeen-focus-ring-color, currentColor);
    outline-offset: 2px;
  }
  .icon {
    width: 0.9em;
    height: 0.9em;
    margin-inline-start: 0.2em;
    vertical-align: -0.05em;
  }
`;
