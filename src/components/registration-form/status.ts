import { html, nothing, type TemplateResult } from 'lit';
import type { formMessages } from '../../i18n/form.js';
import type { Outcome } from './submission.js';

/**
 * The two live regions under the form: progress, the prepared e-mail or the confirmation
 * (`role="status"`, polite), and how sending failed (`role="alert"`).
 */

export interface StatusView {
  outcome?: Outcome;
  eventTitle: string;
  /** The event's registration address, offered after a failure. */
  email?: string;
  /** Whether the event keeps a waiting list (which a "full" answer then includes). */
  waitlist?: boolean;
  /** The prepared e-mail; only asked for when shown. */
  mailto: () => string;
  onRetry: () => void;
  text: (typeof formMessages)['nl'];
}

export function renderStatus({ outcome, eventTitle, email, waitlist, mailto, onRetry, text }: StatusView): TemplateResult {
  let polite: TemplateResult | typeof nothing = nothing;
  let alert: TemplateResult | typeof nothing = nothing;
  if (outcome === 'sending') {
    polite = html`<p><progress aria-hidden="true"></progress> ${text.sending}</p>`;
  } else if (outcome === 'mail') {
    polite = html`<p>${text.mailReady}<a href=${mailto()}>${text.mailOpen}</a></p>`;
  } else if (outcome?.ok) {
    const [title, sentence] = text.done[outcome.status](eventTitle);
    polite = html`
      <div class="done" tabindex="-1">
        <p class="title">${title}</p>
        <p>${sentence}</p>
        ${outcome.message ? html`<p>${outcome.message}</p>` : nothing}
      </div>
    `;
  } else if (outcome) {
    const { reason, status, message } = outcome;
    const full = reason === 'full';
    const canRetry = !full && reason !== 'rejected';
    alert = html`
      <div class="failure">
        <p>${text.failed[full && waitlist ? 'fullWaitlist' : reason]} ${text.kept}</p>
        ${message ? html`<p>${message}</p>` : nothing}
        ${status && !full ? html`<p>${text.code(status)}</p>` : nothing}
        ${canRetry ? html`<button type="button" part="retry" @click=${onRetry}>${text.retry}</button>` : nothing}
        ${email && !full ? html`<p>${text.mailOr}<a href=${mailto()}>${text.mailTo(email)}</a></p>` : nothing}
      </div>
    `;
  }
  return html`
    <div part="status" role="status">${polite}</div>
    <div part="status" role="alert">${alert}</div>
  `;
}
