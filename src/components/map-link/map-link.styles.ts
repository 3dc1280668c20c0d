import { css } from 'lit';

/**
 * The link keeps the page's font and colour; underline, pointer and font come from the browser's
 * own link style.
 */
export const mapLinkStyles = css`
  :host {
    display: inline;
  }

  a {
    border-radius: 2px;
  }

  a:hover {
    color: var(--bijeen-map-link-hover-color, var(--utrecht-link-hover-color, var(--_link-color, inherit)));
    text-decoration-thickness: 2px;
  }

  .icon {
    width: 0.9em;
    height: 0.9em;
    margin-inline-start: 0.2em;
    vertical-align: -0.05em;
  }
`;
