import { css } from 'lit';

/**
 * Font and colours come from the page; the card adds a border, spacing and a few accents with
 * fixed high-contrast pairs (badges, "Aanmelden"), so it sits on white and on dark pages. Layout
 * follows the card's own width (container queries): stacked from 240px, image beside the text in
 * wide columns. Badge colours follow the part `badge-<status>`.
 */
export const eventCardStyles = css`
  :host {
    display: block;
  }

  [part='base'] {
    --_padding: var(--bijeen-event-card-padding, var(--_spacing));
    container-type: inline-size;
    background: var(--bijeen-event-card-background, transparent);
    border: var(--bijeen-event-card-border-width, 1px) solid
      var(--bijeen-event-card-border-color, color-mix(in srgb, var(--_border-color) 25%, transparent));
    border-radius: var(--bijeen-event-card-radius, calc(2 * var(--_radius)));
    overflow: hidden;
  }

  /* A card out of view is laid out only when it comes near (see in-view.ts). */
  article:not(.in-view) {
    content-visibility: auto;
    contain-intrinsic-block-size: auto 15rem;
  }

  .layout {
    display: grid;
  }

  /* The full card's place (lines, map link, online link); the teaser's is one paragraph. */
  .body,
  .skeleton,
  section,
  div.place {
    display: grid;
    align-content: start;
    justify-items: start;
    gap: 0.25rem;
  }

  .body,
  .skeleton {
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75rem;
    padding: var(--_padding);
    overflow-wrap: anywhere;
    hyphens: auto;
  }

  .body * {
    margin: 0;
  }

  img {
    width: 100%;
    height: auto;
    background: color-mix(in srgb, currentColor 8%, transparent);
  }

  img:not([width]) {
    aspect-ratio: 16 / 9;
  }

  [part='title'] {
    font-size: var(--bijeen-event-card-title-font-size, 1.375em);
    line-height: 1.25;
  }

  [role='heading'],
  [part='date'],
  .badge,
  .cta {
    font-weight: 700;
  }

  .badge {
    padding: 0 0.625em;
    border-radius: 1em;
    font-size: 0.875em;
    color: var(--bijeen-event-card-badge-color, #1b1b1b);
    background: var(--bijeen-event-card-badge-neutral-background, #e3e6ea);
  }

  [part~='badge-open'] {
    background: var(--bijeen-event-card-badge-positive-background, #d2f0da);
  }

  [part~='badge-almost-full'],
  [part~='badge-waitlist'],
  [part~='badge-postponed'] {
    background: var(--bijeen-event-card-badge-warning-background, #fde8b0);
  }

  [part~='badge-full'],
  [part~='badge-cancelled'] {
    background: var(--bijeen-event-card-badge-negative-background, #fbd3d3);
  }

  ul {
    padding-inline-start: 1.25em;
  }

  .place p {
    white-space: pre-line;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  .cta {
    padding: 0.5em 1.25em;
    border-radius: var(--_radius);
    background: var(--_accent-color);
    color: var(--_accent-contrast-color);
    text-decoration: none;
  }

  .cta:hover {
    text-decoration: underline;
  }

  /*
   * On the filled button, currentColor is the button's own text colour: the outer ring takes the
   * accent (unless a focus ring colour is set), the inner ring the contrast colour, visible on
   * light and on dark pages.
   */
  .cta:focus-visible {
    outline-color: var(--_focus-ring-color, var(--_accent-color));
    box-shadow: 0 0 0 2px var(--_accent-contrast-color);
  }

  summary {
    cursor: pointer;
  }

  .skeleton {
    min-height: var(--bijeen-event-card-loading-min-height, 12rem);
  }

  .skeleton div {
    width: 70%;
    height: 1.25rem;
    border-radius: 0.25rem;
    background: color-mix(in srgb, currentColor 12%, transparent);
  }

  .skeleton div + div {
    width: 100%;
  }

  @container (min-width: 34rem) {
    .layout {
      --_padding: var(--bijeen-event-card-padding, calc(1.5 * var(--_spacing)));
    }

    .media {
      grid-template-columns: minmax(0, 1fr) minmax(0, 2fr);
    }

    .media img {
      width: calc(100% - var(--_padding));
      margin: var(--_padding) 0 0 var(--_padding);
      border-radius: var(--_radius);
    }
  }
`;
