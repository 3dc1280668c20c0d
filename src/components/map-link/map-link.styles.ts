import { css } from 'lit';

/** The link keeps the page's font and colour; underline, pointer and font come from the browser's own link style. */
export const mapLinkStyles = css`
:host{display:inline}
a{color:var(--bijeen-link-color,inherit);text-underline-offset:.15em;border-radius:2px}
a:hover{color:var(--bijeen-link-hover-color,var(--bijeen-link-color,inherit));text-decoration-thickness:2px}
.icon{width:.9em;height:.9em;margin-inline-start:.2em;vertical-align:-.05em}
`;
