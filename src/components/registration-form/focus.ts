import type { LitElement } from 'lit';
import { controlName } from '../../schema/index.js';

/**
 * Where focus goes and what the polite live region says, for the form. Focus moves only after
 * the render that shows its target, so every move waits for the host's update.
 */

/** The places focus moves to, by what they are. */
export const FOCUS_TARGET = {
  /** The error summary, after a submit with errors. */
  errorSummary: '[part="error-summary"]',
  /** The prepared e-mail link (e-mail route). */
  mailLink: '[part="status"] a',
  /** The confirmation that replaces the form. */
  confirmation: '.done',
  submit: '[part="submit"]',
  addCompanion: '[part="add-companion"]',
  /** A closed notice or the confirmation: what stands in for the form. */
  standIn: '[tabindex="-1"]',
} as const;

/** The first control of companion `index` (from 0). */
export function companionTarget(index: number): string {
  return `[name="${controlName(['companions', index, 'name'])}"]`;
}

export class FocusController {
  /** The text of the polite live region: what changed out of sight (a companion added or removed). */
  announcement = '';

  constructor(private readonly host: LitElement) {}

  /** Focuses the first match of `selector` once the pending render is done. */
  async moveTo(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Says `message` in the live region and moves focus to `selector`. */
  announce(message: string, selector: string): Promise<void> {
    this.announcement = message;
    this.host.requestUpdate();
    return this.moveTo(selector);
  }
}
