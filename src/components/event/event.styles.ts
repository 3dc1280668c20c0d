import { css } from 'lit';

/** One rule per line, as every element writes its styles: the text ships in the CDN file as written. */
export const eventStyles = css`
:host{display:block}
[part=base]{display:grid;gap:var(--bijeen-gap,1.5rem)}
[part=base][aria-busy=true]{min-height:var(--bijeen-loading-min-height,12rem)}
`;
