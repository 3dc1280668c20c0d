import { css } from 'lit';

/**
 * Font and colours come from the page; the card adds a border, spacing and a few accents with
 * fixed high-contrast pairs (badges, "Aanmelden"), so it sits on white and on dark pages. Layout
 * follows the card's own width (container queries): stacked from 240px, image beside the text in
 * wide columns. "Aanmelden" gets a light inner ring and an accent outer ring when focused: visible
 * on light and on dark pages. This text ships in the CDN file as written (comments too): keep it
 * lean: one rule per line, as the other elements write theirs (gzip finds the shared rules), no
 * comments inside. Badge colours follow the part `badge-<status>`.
 */
export const eventCardStyles = css`
:host{display:block}
[part=base]{--_pad:var(--bijeen-padding,1rem);container-type:inline-size;color:var(--bijeen-color,inherit);background:var(--bijeen-surface,transparent);border:var(--bijeen-border-width,1px) solid var(--bijeen-border-color,color-mix(in srgb,currentColor 25%,transparent));border-radius:var(--bijeen-radius,.5rem);overflow:hidden}
article:not(.in-view){content-visibility:auto;contain-intrinsic-block-size:auto 15rem}
.layout{display:grid}
.body,.skeleton,section,.place{display:grid;align-content:start;justify-items:start;gap:.25rem}
.body,.skeleton{grid-template-columns:minmax(0,1fr);gap:.75rem;padding:var(--_pad);overflow-wrap:anywhere;hyphens:auto}
.body *{margin:0}
img{width:100%;height:auto;background:color-mix(in srgb,currentColor 8%,transparent)}
img:not([width]){aspect-ratio:16/9}
[part=title]{font-size:var(--bijeen-title-size,1.375em);line-height:1.25}
[role=heading],[part=date],.badge,.cta{font-weight:700}
.badge{padding:0 .625em;border-radius:1em;font-size:.875em;color:var(--bijeen-badge-color,#1b1b1b);background:var(--bijeen-badge-neutral,#e3e6ea)}
[part~=badge-open]{background:var(--bijeen-badge-positive,#d2f0da)}
[part~=badge-almost-full],[part~=badge-waitlist],[part~=badge-postponed]{background:var(--bijeen-badge-warning,#fde8b0)}
[part~=badge-full],[part~=badge-cancelled]{background:var(--bijeen-badge-negative,#fbd3d3)}
ul{padding-inline-start:1.25em}
.place p{white-space:pre-line}
.actions{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem}
a{color:var(--bijeen-link-color,inherit);text-underline-offset:.15em}
.cta{padding:.5em 1.25em;border-radius:var(--bijeen-radius,.5rem);background:var(--bijeen-accent,#0b5cad);color:var(--bijeen-accent-contrast,#fff);text-decoration:none}
.cta:hover{text-decoration:underline}
summary{cursor:pointer}
.cta:focus-visible{outline-color:var(--bijeen-focus-ring-color,var(--bijeen-accent,#0b5cad));box-shadow:0 0 0 2px var(--bijeen-accent-contrast,#fff)}
.skeleton{min-height:var(--bijeen-card-min-height,12rem)}
.skeleton div{width:70%;height:1.25rem;border-radius:.25rem;background:color-mix(in srgb,currentColor 12%,transparent)}
.skeleton div+div{width:100%}
@container (min-width:34rem){.layout{--_pad:var(--bijeen-padding,1.5rem)}.media{grid-template-columns:minmax(0,1fr) minmax(0,2fr)}.media img{width:calc(100% - var(--_pad));margin:var(--_pad) 0 0 var(--_pad);border-radius:var(--bijeen-radius,.5rem)}}
`;
