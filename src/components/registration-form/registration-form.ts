import { html, nothing, type PropertyValues } from 'lit';
import { reportBadAttributes } from '../../internal/attributes.js';
import { BijeenElement } from '../../internal/bijeen-element.js';
import { EventSourceMixin } from '../../internal/event-source-mixin.js';
import { EventSourceController, pageBaseUrl } from '../../internal/event-source.js';
import { opensAtSentence } from '../../internal/format-date.js';
import { formMessages } from '../../i18n/form.js';
import { controlName, HONEYPOT_FIELD, nonMemberPlacesLeft, registrationFields, type EventData } from '../../schema/index.js';
import { availability } from './availability.js';
import { CompanionsController } from './companions.js';
import { DraftController } from './draft.js';
import { controlValue } from './field.js';
import { FOCUS_TARGET, FocusController } from './focus.js';
import { renderForm } from './form-view.js';
import { mailtoHref } from './mailto.js';
import { registrationFormStyles } from './registration-form.styles.js';
import { applyOverrides, checkAttributes, type FormSettings } from './settings.js';
import { renderStatus } from './status.js';
import { SubmissionController } from './submission.js';
import { FormWording } from './wording.js';

/** Properties that change the settings or the overrides of the event. */
const CONFIG = ['endpoint', 'format', 'maxCompanions', 'privacyUrl', 'timeout', 'retries', 'retryDelay'];

/**
 * A registration form for one event that posts to the organiser's endpoint (contract sections
 * 3–5): the fields the event asks for, validation with an error summary, closed states from the
 * data and the clock, and sending that survives real networks (timeout, retries with backoff,
 * `Retry-After`, one idempotency key per submission).
 *
 * E-mail route: without any endpoint but with `registration.email` (how the seed events register
 * today), the form says up front that registering goes by e-mail; a valid submit fires
 * `bijeen-submit` and then offers a prepared `mailto:` link (subject "Aanmelding: <title>", body the
 * typed data) and focuses it. Nothing opens by itself and nothing is posted; the draft stays, since
 * the form cannot know whether the e-mail was sent. With an endpoint, the same link is the fallback
 * after a final failure or a refusal.
 *
 * Every control's `name` is its payload path (`attendee.email`, `companions.0.name`,
 * `answers.<id>`), for partners' own end-to-end tests. The typed draft is kept in
 * `sessionStorage` for the event until the endpoint accepts it. The language follows `lang` (`nl`
 * default, `en`) on the element or the nearest ancestor.
 *
 * @summary Registration form that posts reliably to the organiser's endpoint.
 * @slot - Fallback content (e.g. a link to the event page), shown until the event is loaded and again if it cannot be.
 * @csspart base - The wrapper of everything the form renders.
 * @csspart form - The `<form>`.
 * @csspart error-summary - The list of problems at the top, shown after a submit with errors; it receives focus.
 * @csspart field - The wrapper of one control with its label and message (a `fieldset` for groups).
 * @csspart error - A field's error message, above its control.
 * @csspart submit - The submit button; `aria-busy="true"` while sending.
 * @csspart add-companion - The button that adds a companion.
 * @csspart remove-companion - The button that removes one companion.
 * @csspart retry - The button that sends a failed registration again.
 * @csspart status - The live regions that announce progress and success (`role="status"`) or failure (`role="alert"`).
 * @cssproperty --bijeen-font-family - Font (global; default: NL Design System `--utrecht-document-font-family`, else inherited).
 * @cssproperty --bijeen-color - Text colour, also of text fields (global; default: inherited; text fields: NL Design System `--utrecht-textbox-color`, else inherited).
 * @cssproperty --bijeen-accent-color - Checkbox and radio colour (global; default: NL Design System `--utrecht-button-primary-action-background-color`, else #0b5cad).
 * @cssproperty --bijeen-border-color - Border of controls and buttons (global; default: currentColor; text fields: NL Design System `--utrecht-textbox-border-color`, else currentColor).
 * @cssproperty --bijeen-radius - Corner radius of controls, buttons and companion boxes (global; default: 0.25rem; text fields: NL Design System `--utrecht-textbox-border-radius`, else 0.25rem).
 * @cssproperty --bijeen-spacing - Base spacing; the field gap derives from it (global; default: 1rem).
 * @cssproperty --bijeen-link-color - Link colour (global; default: NL Design System `--utrecht-link-color`, else inherited).
 * @cssproperty --bijeen-focus-ring-color - Focus outline colour (global; default: NL Design System `--utrecht-focus-outline-color`, else currentColor).
 * @cssproperty --bijeen-focus-ring-width - Focus outline width (global; default: NL Design System `--utrecht-focus-outline-width`, else 3px).
 * @cssproperty --bijeen-registration-form-field-gap - Space between fields (default: 1.25 × the spacing).
 * @cssproperty --bijeen-registration-form-line-height - Line height (default: 1.5).
 * @cssproperty --bijeen-registration-form-input-background - Background of text fields (default: NL Design System `--utrecht-textbox-background-color`, else transparent). Their border width follows `--utrecht-textbox-border-width` (else 2px).
 * @cssproperty --bijeen-registration-form-button-background - Background of buttons (default: transparent).
 * @cssproperty --bijeen-registration-form-button-color - Text colour of buttons (default: inherited).
 * @cssproperty --bijeen-registration-form-submit-background - Background of the submit button (default: the button background, else NL Design System `--utrecht-button-primary-action-background-color`, else transparent).
 * @cssproperty --bijeen-registration-form-submit-color - Text colour of the submit button (default: the button colour, else NL Design System `--utrecht-button-primary-action-color`, else inherited).
 * @cssproperty --bijeen-registration-form-error-color - Accent bar of errors and the error summary (default: #d52b1e).
 * @cssproperty --bijeen-registration-form-error-text-color - Colour of error messages (default: inherited; they are bold).
 * @cssproperty --bijeen-registration-form-success-color - Accent bar of the confirmation (default: #2e7d32).
 * @event bijeen-load - The event data loaded and is valid.
 * @event bijeen-data-error - The event data could not be loaded or is invalid, an attribute is invalid, or the event has no way to register.
 * @event bijeen-submit - A valid registration is about to be sent; cancelable (`preventDefault()` sends nothing). `detail: { payload }`.
 * @event bijeen-registered - The endpoint accepted the registration (also "already registered"). `detail: { payload, response }`.
 * @event bijeen-registration-failed - The endpoint refused it or every attempt failed. `detail: { reason, status?, attempts }`.
 */
export class BijeenRegistrationForm extends EventSourceMixin(BijeenElement) {
  static override styles = [BijeenElement.styles, registrationFormStyles];

  // A static block instead of decorators, as in every element.
  static override properties = {
    endpoint: {},
    format: {},
    maxCompanions: { attribute: 'max-companions', type: Number },
    privacyUrl: { attribute: 'privacy-url' },
    timeout: { type: Number },
    retries: { type: Number },
    retryDelay: { attribute: 'retry-delay', type: Number },
    now: { attribute: false },
  };

  private readonly source = new EventSourceController(this);
  /** What is typed and the companion count, kept per event in `sessionStorage`. */
  private readonly drafts = new DraftController(this);
  private readonly focusing = new FocusController(this);
  private readonly submission = new SubmissionController(this, this.drafts, this.focusing, () =>
    this.current ? { event: this.current, fields: this.fields, settings: this.checked.send } : undefined,
  );
  private readonly companions = new CompanionsController(this.drafts, this.submission, this.focusing, () => ({
    max: this.registration.maxCompanions,
    wording: this.wording,
  }));

  /** Where to post; overrides `registration.endpoint`. https, http on localhost, or relative to the page. */
  declare endpoint?: string;

  /** `json` (default): JSON with an `Idempotency-Key` header. `form`: urlencoded with flattened keys, no CORS preflight. */
  format: 'json' | 'form' = 'json';

  /** Most companions (0–10); overrides `registration.maxCompanions`. */
  declare maxCompanions?: number;

  /** Privacy statement; overrides `registration.privacyUrl`. When set, consent is required. */
  declare privacyUrl?: string;

  /** Milliseconds one attempt may take before it counts as timed out. */
  timeout = 15000;

  /** Retries (0–10) after a network error, timeout, 408, 429 or 5xx; attempts = retries + 1. */
  retries = 3;

  /**
   * Base of the backoff between attempts in milliseconds (default 500): the wait before retry n
   * is between ½ and 1 × `retry-delay` · 2^(n−1), at most 8 s, and never shorter than the
   * endpoint's `Retry-After`.
   */
  retryDelay = 500;

  /** The clock for the closed states: a fixed moment (a Date or epoch milliseconds), for previews and tests. Default: the current time. */
  declare now?: Date | number;

  /** The loaded event, and the same with the attribute overrides applied. */
  private loaded?: EventData;
  private current?: EventData;
  /** The valid attributes (sending settings and overrides) and the issues of the invalid ones. */
  private checked!: FormSettings;
  /** Whether this update brought a new event or changed attributes: reported in `updated()`. */
  private reconfigured = false;

  // On the server too: Lit's server renderer calls willUpdate (and render), nothing else.
  protected override willUpdate(changed: PropertyValues) {
    // The event source has settled in super.willUpdate().
    super.willUpdate(changed);
    const event = this.source.event;
    this.reconfigured = event !== this.loaded || CONFIG.some((key) => changed.has(key));
    if (this.reconfigured) {
      this.checked = checkAttributes(this, pageBaseUrl(), this.text(formMessages).badValue);
      this.loaded = event;
      this.current = event && applyOverrides(event, this.checked.overrides);
    }
    if (event && this.drafts.load(event.id)) this.submission.reset();
  }

  /**
   * Once there is an event, invalid attributes (ignored) and an event without any way to register
   * are reported, once per new event or change of the attributes.
   */
  override updated() {
    if (!this.reconfigured || !this.current) return;
    const text = this.text(formMessages);
    reportBadAttributes(this, text.badAttributes, this.checked.issues);
    if (availability(this.current, 0) === 'none') this.reportDataError({ message: text.noRoute });
  }

  private get form() {
    return this.renderRoot.querySelector('form');
  }

  /** The registration settings of the event on screen (only asked for while the form shows). */
  private get registration() {
    return this.current!.registration!;
  }

  /** The fields of the form as it stands: the event's, with the companion blocks shown. */
  private get fields() {
    return registrationFields(this.registration, this.drafts.companions(this.registration.maxCompanions));
  }

  private onInput(event: Event) {
    const control = event.target as HTMLInputElement;
    if (control.name === HONEYPOT_FIELD) return;
    this.drafts.setValue(control.name, controlValue(control));
    this.submission.edited();
  }

  /** The form's words in the current language, for the event on screen. */
  private get wording() {
    return new FormWording(this.locale, this.registration);
  }

  /** Focuses the first field, or the message that stands in for the form (closed, confirmed). */
  override focus(options?: FocusOptions) {
    const target = (this.form?.elements.namedItem(controlName(['attendee', 'name'])) ??
      this.renderRoot.querySelector(FOCUS_TARGET.standIn)) as HTMLElement | null;
    if (target) target.focus(options);
    else super.focus(options);
  }

  /** `waitlist`: the event is full and keeps a waiting list. */
  private renderForm(event: EventData, waitlist: boolean) {
    const registration = this.registration;
    const { endpoint, maxCompanions, maxCompanionsPerOrganisation, privacyUrl } = registration;
    const { values } = this.drafts.draft;
    // Who answers "no" when the non-members' places are taken joins the waiting list, if there is one.
    const nonMemberWaits = registration.waitlist && values.member === 'false' && nonMemberPlacesLeft(registration) === 0;
    const joinsWaitlist = waitlist ? 'event' : nonMemberWaits ? 'non-member' : undefined;
    return renderForm({
      eventTitle: event.title,
      fields: this.fields,
      values,
      issues: this.submission.issues,
      wording: this.wording,
      waitlist: joinsWaitlist,
      mail: !endpoint,
      maxCompanions,
      maxCompanionsPerOrganisation,
      memberHint: waitlist ? undefined : this.wording.memberHint(registration),
      privacyUrl,
      sending: this.submission.outcome === 'sending',
      // None before the first render (and on the server, where there is no render root).
      form: this.hasUpdated ? this.form : null,
      onSubmit: (event) => this.submission.onSubmit(event),
      onInput: (event) => this.onInput(event),
      onAddCompanion: () => void this.companions.add(),
      onRemoveCompanion: (index) => void this.companions.remove(index),
    });
  }

  private renderMain(event: EventData) {
    if (this.submission.accepted) return nothing;
    const open = availability(event, +(this.now ?? Date.now()));
    if (open === 'open' || open === 'waitlist') return this.renderForm(event, open === 'waitlist');
    // Not open yet: the card's sentence.
    const sentence = open === 'not-open' ? opensAtSentence(event, this.locale) : this.text(formMessages).closed[open];
    return html`<p class="notice" tabindex="-1">${sentence}</p>`;
  }

  override render() {
    const event = this.current;
    return html`
      <slot ?hidden=${!!event}></slot>
      ${event
        ? html`
            <div part="base">
              ${this.renderMain(event)}
              ${renderStatus({
                outcome: this.submission.outcome,
                eventTitle: event.title,
                email: event.registration?.email,
                waitlist: event.registration?.waitlist,
                mailto: () =>
                  mailtoHref(this.registration.email!, this.fields, this.submission.payload!, this.wording.mail(event.title)),
                onRetry: () => this.submission.retry(),
                text: this.text(formMessages),
              })}
              <p class="visually-hidden" aria-live="polite">${this.focusing.announcement}</p>
            </div>
          `
        : nothing}
    `;
  }
}

if (!customElements.get('bijeen-registration-form')) {
  customElements.define('bijeen-registration-form', BijeenRegistrationForm);
}

declare global {
  interface HTMLElementTagNameMap {
    'bijeen-registration-form': BijeenRegistrationForm;
  }
}
