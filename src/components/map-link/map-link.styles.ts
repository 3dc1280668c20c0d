import { css } from 'lit';

/**
 * The map link keeps the page's font and colour; underline, pointer and font come from the
 * browser's own link style. These rules style the link wherever `mapLink()` renders it: in
 * `<bijeen-map-link>` and in the card. The element's host stays inline, as every custom element
 * is by default, so the link can stand in running text.
 */
export const mapLinkStyles = css`
  .map-link {
    border-radius: 2px;
  }

  .map-link:hover {
    color: var(--bijeen-map-link-hover-color, var(--utrecht-link-hover-color, var(--_link-color, inherit)));
    text-decoration-thickness: 2px;
  }

  .map-link .icon {
    width: 0.9em;
    height: 0.9em;
    margin-inline-start: 0.2em;
    vertical-align: -0.05em;
  }
`;

