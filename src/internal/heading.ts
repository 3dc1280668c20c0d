import { html, nothing } from 'lit';

/** A heading level from an attribute: clamped to 1–6; not a number at all: 2. */
export const headingLevel = (value: number): number => Math.min(6, Math.max(1, Math.trunc(value))) || 2;

/** A heading that takes its level from data: ARIA keeps the markup free of tag juggling. */
export const heading = (level: number, text: string, part?: string) =>
  html`<div role="heading" aria-level=${Math.min(6, level)} part=${part ?? nothing}>${text}</div>`;
