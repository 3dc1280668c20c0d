import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { BijeenElement } from '../../internal/bijeen-element.js';
import { cardMessages } from '../../i18n/card.js';
import { commonMessages } from '../../i18n/common.js';
import { formMessages } from '../../i18n/form.js';
import { schemaMessages } from '../../i18n/schema.js';
import { EventSourceController } from '../../internal/event-source.js';
import type { DataErrorDetail, DataIssue } from '../../internal/events.js';
import {
  HONEYPOT_FIELD,
  isHoneypotFilled,
  MAX_COMPANIONS,
  resolveUrl,
  validateRegistration,
  type EventData,
  type EventRegistration,
  type RegistrationPayload,
  type SchemaIssue,
} from '../../schema/index.js';
import { opensAtSentence } from '../../internal/format-date.js';
import { availability } from './availability.js';
import { storedDraft, type Draft } from './draft.js';
import { registrationFormStyles } from './registration-form.styles.js';
import { sendRegistration, type SendOptions, type SendOutcome } from './submit.js';
import { toJson } from '../../internal/json.js';

/** What the status regions show: progress, the prepared e-mail, or how sending ended. */
type Outcome = 'sending' | 'mail' | SendOutcome;

/** One control as `field()` renders it. */
interface Field {
  /** The payload path. */
  name: string;
  label: string;
  required?: boolean;
  /**
   * An `input` type (default `text`), `textarea` or `select`; `radio` or `checkbox` with
   * `options`: a group in a fieldset; `checkbox` without: one box that means yes.
   */
  type?: string;
  /** [value, label] pairs. */
  options?: [string, string][];
  autocomplete?: string;
  /** A description above the control (the privacy link above the consent box). */
  hint?: TemplateResult;
}

/** A payload under construction. */
type Tree = Record<string, unknown>;

const SUMMARY = '[part="error-summary"]';
/** The attendee's fields in form order; a companion has the first three. */
const ATTENDEE = ['name', 'email', 'organisation', 'role', 'phone'] as const;
/** Their `autocomplete` tokens (`email` and `tel` are also the input type). */
const AUTOCOMPLETE = ['name', 'email', 'organization', 'organization-title', 'tel'];
/** Properties that change the settings or the overrides of the event. */
const CONFIG = ['endpoint', 'format', 'maxCompanions', 'privacyUrl', 'timeout', 'retries', 'retryDelay'];

/**
 * A UUID v4 from 16 random bytes. Not `crypto.randomUUID`: it exists only in secure contexts, and
 * partner pages on plain http need a key too (one code path for both).
 */
function uuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 15) | 64;
  bytes[8] = (bytes[8] & 63) | 128;
  return [...bytes].map((byte, i) => (i > 3 && i < 11 && !(i % 2) ? '-' : '') + (byte + 256).toString(16).slice(1)).join('');
}

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
 * @cssproperty --bijeen-font-family - Font (global; default: inherited).
 * @cssproperty --bijeen-color - Text colour (global; default: inherited).
 * @cssproperty --bijeen-accent-color - Checkbox and radio colour (global; default: #0b5cad).
 * @cssproperty --bijeen-border-color - Border of controls and buttons (global; default: currentColor).
 * @cssproperty --bijeen-radius - Corner radius of controls, buttons and companion boxes (global; default: 0.25rem).
 * @cssproperty --bijeen-spacing - Base spacing; the field gap derives from it (global; default: 1rem).
 * @cssproperty --bijeen-link-color - Link colour (global; default: inherited).
 * @cssproperty --bijeen-focus-ring-color - Focus outline colour (global; default: currentColor).
 * @cssproperty --bijeen-focus-ring-width - Focus outline width (global; default: 3px).
 * @cssproperty --bijeen-registration-form-field-gap - Space between fields (default: 1.25 × the spacing).
 * @cssproperty --bijeen-registration-form-line-height - Line height (default: 1.5).
 * @cssproperty --bijeen-registration-form-input-background - Background of text fields (default: transparent).
 * @cssproperty --bijeen-registration-form-button-background - Background of buttons (default: transparent).
 * @cssproperty --bijeen-registration-form-button-color - Text colour of buttons (default: inherited).
 * @cssproperty --bijeen-registration-form-submit-background - Background of the submit button (default: the button background).
 * @cssproperty --bijeen-registration-form-submit-color - Text colour of the submit button (default: the button colour).
 * @cssproperty --bijeen-registration-form-error-color - Accent bar of errors and the error summary (default: #d52b1e).
 * @cssproperty --bijeen-registration-form-error-text-color - Colour of error messages (default: inherited; they are bold).
 * @cssproperty --bijeen-registration-form-success-color - Accent bar of the confirmation (default: #2e7d32).
 * @event bijeen-load - The event data loaded and is valid.
 * @event bijeen-data-error - The event data could not be loaded or is invalid, an attribute is invalid, or the event has no way to register.
 * @event bijeen-submit - A valid registration is about to be sent; cancelable (`preventDefault()` sends nothing). `detail: { payload }`.
 * @event bijeen-registered - The endpoint accepted the registration (also "already registered"). `detail: { payload, response }`.
 * @event bijeen-registration-failed - The endpoint refused it or every attempt failed. `detail: { reason, status?, attempts }`.
 */
export class BijeenRegistrationForm extends BijeenElement {
  static override styles = [BijeenElement.styles, registrationFormStyles];

  // A static block instead of decorators: the CDN file then needs neither Lit's decorator
  // module nor TypeScript's decorator helper. `attribute: false` on internal state is redundant
  // for Lit but keeps the manifest analyzer from listing it as attributes.
  static override properties = {
    draft: { state: true, attribute: false },
    issues: { state: true, attribute: false },
    outcome: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    src: {},
    event: { attribute: false },
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

  /** What is typed, the companion count and the pending key: saved on every change (see `Draft`). */
  private draft: Draft = { values: {}, companions: 0 };
  private issues: SchemaIssue[] = [];
  declare private outcome?: Outcome;
  /** Read out by the polite live region: companions added or removed. */
  private announcement = '';

  /** URL of the event JSON. */
  declare src?: string;

  /** The event as an object (wins over `src` and an inline JSON script). */
  declare event?: unknown;

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
  /** The sending settings, from valid attributes or the defaults. */
  private settings!: Omit<SendOptions, 'url' | 'payload'>;
  /** Event id whose draft is loaded. */
  private draftFor?: string;
  /** The last validated payload (for the e-mail route). */
  private payload?: RegistrationPayload;

  override update(changed: PropertyValues) {
    // The event source settles in hostUpdate, which runs after willUpdate: hence here.
    const event = this.source.event;
    if (event !== this.loaded || CONFIG.some((key) => changed.has(key))) this.configure(event);
    if (event && event.id !== this.draftFor) {
      this.draftFor = event.id;
      this.draft = storedDraft(event.id) ?? { values: {}, companions: 0 };
      this.issues = [];
      this.outcome = undefined;
    }
    super.update(changed);
  }

  /**
   * Checks the attributes and applies the overrides to a copy of the event. Once there is an
   * event, an invalid attribute (ignored) and an event without any way to register are reported.
   */
  private configure(event?: EventData) {
    const text = this.text(formMessages);
    const issues: DataIssue[] = [];
    /** Reports `value` unless it is absent or `ok`; returns `ok`. */
    const valid = <T>(path: string, value: unknown, ok: T) => {
      if (value != null && !ok) issues.push({ path, message: text.badValue(String(value)) });
      return ok;
    };
    const url = (path: string, value?: string) => valid(path, value, value == null ? undefined : resolveUrl(value, document.baseURI));
    const count = (path: string, value: number | undefined, max: number) =>
      valid(path, value, Number.isInteger(value) && value! >= 0 && value! <= max) ? value : undefined;
    const endpoint = url('endpoint', this.endpoint);
    const privacyUrl = url('privacy-url', this.privacyUrl);
    const maxCompanions = count('max-companions', this.maxCompanions, MAX_COMPANIONS);
    this.settings = {
      format: valid('format', this.format, /^(json|form)$/.test(this.format)) ? this.format : 'json',
      timeout: count('timeout', this.timeout, 3_600_000) ?? 15000,
      retries: count('retries', this.retries, 10) ?? 3,
      retryDelay: count('retry-delay', this.retryDelay, 60_000) ?? 500,
    };
    this.loaded = event;
    const registration = event?.registration ?? (endpoint ? { waitlist: false, maxCompanions: 0 } : undefined);
    this.current =
      event && registration
        ? {
            ...event,
            registration: {
              ...registration,
              ...(endpoint && { endpoint }),
              ...(privacyUrl && { privacyUrl }),
              ...(maxCompanions !== undefined && { maxCompanions }),
            },
          }
        : event;
    if (event) {
      const reports: DataErrorDetail[] = [];
      if (issues.length) reports.push({ message: text.badAttributes, issues });
      if (availability(this.current!, 0) === 'none') reports.push({ message: text.noRoute });
      // This runs inside an update: report after the render, as the event source does.
      if (reports.length) void this.updateComplete.then(() => reports.forEach((report) => this.reportDataError(report)));
    }
  }

  private get form() {
    return this.renderRoot.querySelector('form');
  }

  /** Changes the draft (which renders) and saves it. */
  private change(patch: Partial<Draft>) {
    this.draft = { ...this.draft, ...patch };
    storedDraft(this.current!.id, this.draft);
  }

  private onInput(event: Event) {
    const control = event.target as HTMLInputElement;
    const { name, type, value, checked } = control;
    if (name === HONEYPOT_FIELD) return;
    this.change({
      values: {
        ...this.draft.values,
        // A group's boxes carry their option as value; a single yes box has none.
        [name]:
          type !== 'checkbox'
            ? value
            : control.hasAttribute('value')
              ? [...this.renderRoot.querySelectorAll<HTMLInputElement>(`[name="${name}"]:checked`)].map((box) => box.value)
              : checked,
      },
    });
    // The prepared e-mail would no longer match what is typed.
    if (this.outcome === 'mail') this.outcome = undefined;
  }

  private onSubmit(event: SubmitEvent) {
    event.preventDefault();
    void this.send();
  }

  private get companionMax() {
    return this.current!.registration!.maxCompanions;
  }

  private addCompanion() {
    const count = Math.min(this.draft.companions, this.companionMax) + 1;
    this.change({ companions: count });
    this.announce(true, count, count, `[name="companions.${count - 1}.name"]`);
  }

  /** Removes companion `index`; the later ones move up a place with what was typed for them. */
  private removeCompanion(index: number) {
    const values = { ...this.draft.values };
    const count = Math.min(this.draft.companions, this.companionMax) - 1;
    for (let i = index; i <= count; i++) {
      for (const field of ATTENDEE.slice(0, 3)) values[`companions.${i}.${field}`] = values[`companions.${i + 1}.${field}`];
    }
    this.change({ values, companions: count });
    // Messages of the removed or renumbered companions no longer fit.
    this.issues = this.issues.filter((issue) => !issue.path.startsWith('companions'));
    this.announce(false, index + 1, count, '[part="add-companion"]');
  }

  /** Says in the polite live region how many companions there are now, and moves focus to `selector`. */
  private announce(added: boolean, number: number, count: number, selector: string) {
    this.announcement = this.text(formMessages).changed(`${this.companionLabel()} ${number}`, added, count, this.companionMax);
    void this.focusOn(selector);
  }

  /** Focuses the first match of `selector` once the pending render is done. */
  private async focusOn(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /**
   * The fields of the form in order, as `field()` renders them: the attendee, the member
   * question, the companions, then the questions, remarks and consent. Sending (`collect()`) and
   * the e-mail (`mailto()`) read the same list.
   */
  private fields({ memberQuestion, maxCompanions, questions = [], privacyUrl }: EventRegistration) {
    const text = this.text(formMessages);
    return {
      attendee: this.person('attendee.', 5, 3, true),
      member: memberQuestion
        ? [{ name: 'member', label: memberQuestion, required: true, type: 'radio', options: [['true', text.yes], ['false', text.no]] } as Field]
        : [],
      companions: Array.from({ length: Math.min(this.draft.companions, maxCompanions) }, (_, i) => this.person(`companions.${i}.`, 3, 2)),
      rest: [
        ...questions.map(
          ({ id, label, required, type, options }): Field => ({ name: `answers.${id}`, label, required, type, options: options?.map((o) => [o, o]) }),
        ),
        { name: 'remarks', label: text.remarks, type: 'textarea' },
        ...(privacyUrl
          ? [
              {
                name: 'consent',
                label: text.consent,
                required: true,
                type: 'checkbox',
                hint: html`<a href=${privacyUrl} target="_blank" rel="noopener noreferrer">${text.privacy}<span class="visually-hidden"> ${this.text(commonMessages).newWindow}</span></a>`,
              },
            ]
          : []),
      ],
    };
  }

  /** A person's fields: the attendee's five (with autocomplete), or a companion's three (name and e-mail required). */
  private person(prefix: string, count: number, required: number, autocomplete?: boolean): Field[] {
    return ATTENDEE.slice(0, count).map((field, i) => ({
      name: prefix + field,
      label: this.text(formMessages)[field],
      required: i < required,
      type: i === 1 ? 'email' : i === 4 ? 'tel' : 'text',
      autocomplete: autocomplete ? AUTOCOMPLETE[i] : undefined,
    }));
  }

  /**
   * The payload as typed, by the control names: text left out when empty, a single box true or
   * false, a group its chosen options, the member question a boolean.
   */
  private collect(event: EventData) {
    const { attendee, member, companions, rest } = this.fields(event.registration!);
    const payload: Tree = {
      eventId: event.id,
      idempotencyKey: uuid(),
      attendee: {},
      companions: companions.map(() => ({})),
      answers: {},
      consent: false,
      locale: this.locale,
      source: location.origin + location.pathname,
    };
    for (const { name, type, options } of [...attendee, ...member, ...companions.flat(), ...rest]) {
      const value = this.draft.values[name];
      const keys = name.split('.');
      const last = keys.pop()!;
      const shaped =
        type === 'checkbox' && !options?.length
          ? value === true
          : name === 'member'
            ? value && value === 'true'
            : Array.isArray(value) || (typeof value === 'string' && value.trim())
              ? value
              : undefined;
      if (shaped !== undefined && shaped !== '') keys.reduce((tree, key) => tree[key] as Tree, payload)[last] = shaped;
    }
    return payload;
  }

  /**
   * Validates, picks the idempotency key, fires `bijeen-submit` and sends. A second call while
   * sending does nothing: the submit button stays enabled (and focused), so the guard is here.
   */
  private async send() {
    const event = this.current;
    // A bot filled in the hidden field: send nothing and show nothing.
    if (!event || this.outcome === 'sending' || (this.form && isHoneypotFilled(new FormData(this.form)))) return;

    const result = validateRegistration(this.collect(event), event, this.locale);
    this.issues = result.success ? [] : result.issues;
    if (!result.success) return this.focusOn(SUMMARY);
    // Same data (without the key) as the unaccepted submission before: same key, so a retry or a
    // second click can never register twice. Changed data: a new submission, a new key.
    const sent = toJson({ ...result.data, idempotencyKey: 0 });
    if (sent !== this.draft.sent || !this.draft.key) this.change({ key: result.data.idempotencyKey, sent });
    // Through JSON, so the payload in the events is exactly the body sent (no undefined keys).
    const payload: RegistrationPayload = JSON.parse(toJson({ ...result.data, idempotencyKey: this.draft.key }));
    this.payload = payload;
    if (!this.emit('bijeen-submit', { payload }, { cancelable: true })) return;

    const url = event.registration!.endpoint;
    if (!url) {
      this.outcome = 'mail';
      return this.focusOn('[part="status"] a');
    }
    this.outcome = 'sending';
    const outcome = await sendRegistration({ url, payload, ...this.settings });
    if (outcome.ok) {
      storedDraft(event.id, null);
      this.outcome = outcome;
      await this.focusOn('.done');
      this.emit('bijeen-registered', { payload, response: outcome.response });
      return;
    }
    const { reason, status, errors = [], attempts } = outcome;
    // A 422 with field messages: back to the form, with the messages on their fields.
    this.issues = errors;
    this.outcome = errors.length ? undefined : outcome;
    await (errors.length ? this.focusOn(SUMMARY) : this.updateComplete);
    this.emit('bijeen-registration-failed', { reason, status, attempts });
  }

  /** The retry button goes away while sending: focus moves to the submit button, which shows the progress. */
  private retry() {
    this.renderRoot.querySelector<HTMLElement>('[part="submit"]')?.focus();
    void this.send();
  }

  /** What a companion is called, capitalised: "Extra deelnemer", or the event's `companionLabel`. */
  private companionLabel() {
    const label = this.current!.registration!.companionLabel ?? this.text(formMessages).companion;
    return label[0].toUpperCase() + label.slice(1);
  }

  /** `mailto:` the registration address with the event title as subject and the last validated payload as body. */
  private mailto(event: EventData): string {
    const text = this.text(formMessages);
    const { attendee, member, rest } = this.fields(event.registration!);
    const payload = this.payload!;
    const lines: string[] = [];
    const line = (label: string, value: unknown) => {
      if (value !== undefined) lines.push(`${label}: ${value === true ? text.yes : value === false ? text.no : [value].flat().join(', ')}`);
    };
    const field = ({ name, label }: Field) => line(label, name.split('.').reduce((tree, key) => (tree as Tree)[key], payload as unknown));
    [...attendee, ...member].forEach(field);
    payload.companions.forEach((companion, i) => line(`${this.companionLabel()} ${i + 1}`, Object.values(companion)));
    rest.forEach(field);
    return `mailto:${event.registration!.email}?subject=${encodeURIComponent(text.mailSubject(event.title))}&body=${encodeURIComponent(lines.join('\r\n'))}`;
  }

  /** Focuses the first field, or the message that stands in for the form (closed, confirmed). */
  override focus(options?: FocusOptions) {
    const target = (this.form?.elements.namedItem('attendee.name') ??
      this.renderRoot.querySelector('[tabindex="-1"]')) as HTMLElement | null;
    if (target) target.focus(options);
    else super.focus(options);
  }

  /**
   * One control under its label (or legend) with its message: its `name` is its payload path,
   * its id `c-<name>` (the error summary links to it), its message `e-<name>`, shown above the
   * control with a visually hidden "Invoerfout:" prefix. Everything from the data is rendered as
   * text. (Templates are kept free of indentation: it would ship in the CDN file.)
   */
  private field({ name, label, required, type = 'text', options, autocomplete, hint }: Field) {
    const value = this.draft.values[name];
    const message = this.issues.find((issue) => issue.path === name)?.message;
    const id = `c-${name}`;
    const cls = message ? 'invalid' : '';
    const invalid = message ? 'true' : nothing;
    const describedBy = [hint && `h-${name}`, message && `e-${name}`].filter(Boolean).join(' ') || nothing;
    const caption = html`${label}${required ? nothing : html` <span>${this.text(formMessages).optional}</span>`}`;
    const head = html`${hint ? html`<p id="h-${name}">${hint}</p>` : nothing}${message
      ? html`<p id="e-${name}" part="error"><span class="visually-hidden">${this.text(commonMessages).errorPrefix} </span>${message}</p>`
      : nothing}`;
    if (options?.length && (type === 'radio' || type === 'checkbox')) {
      return html`<fieldset part="field" class=${cls} id=${id} aria-describedby=${describedBy}><legend>${caption}</legend>${head}${options.map(
        ([option, text]) =>
          html`<label class="choice"><input type=${type} name=${name} value=${option} ?required=${required && type === 'radio'} aria-invalid=${invalid} .checked=${[value].flat().includes(option)} />${text}</label>`,
      )}</fieldset>`;
    }
    const control =
      type === 'checkbox'
        ? html`<label class="choice"><input id=${id} type="checkbox" name=${name} ?required=${required} aria-invalid=${invalid} aria-describedby=${describedBy} .checked=${value === true} />${caption}</label>`
        : type === 'textarea'
          ? html`<textarea id=${id} name=${name} rows="4" ?required=${required} aria-invalid=${invalid} aria-describedby=${describedBy} .value=${(value as string) ?? ''}></textarea>`
          : type === 'select'
            ? html`<select id=${id} name=${name} ?required=${required} aria-invalid=${invalid} aria-describedby=${describedBy}><option value="">${this.text(schemaMessages).field.answerChoose}</option>${options?.map(
                ([option, text]) => html`<option value=${option} .selected=${value === option}>${text}</option>`,
              )}</select>`
            : html`<input id=${id} name=${name} type=${type} autocomplete=${autocomplete ?? nothing} ?required=${required} aria-invalid=${invalid} aria-describedby=${describedBy} .value=${(value as string) ?? ''} />`;
    return html`<div part="field" class=${cls}>${type === 'checkbox' ? nothing : html`<label for=${id}>${caption}</label>`}${head}${control}</div>`;
  }

  private renderForm(event: EventData, waitlist: boolean) {
    const registration = event.registration!;
    const { attendee, member, companions, rest } = this.fields(registration);
    const text = this.text(formMessages);
    const card = this.text(cardMessages);
    const mail = !registration.endpoint;
    const max = registration.maxCompanions;
    const lower = registration.companionLabel ?? text.companion;
    const label = this.companionLabel();
    const summary = this.issues.map(({ path, message }) => {
      const companion = /^companions\.(\d+)\./.exec(path);
      const line = companion ? `${label} ${+companion[1] + 1}: ${message}` : message;
      // A path that names no control (a server's `eventId`, say) stays plain text. The link moves
      // focus itself: `#id` cannot reach into a shadow root.
      const control = this.form?.elements.namedItem(path);
      return html`<li>${control
        ? html`<a href="#c-${path}" @click=${(e: Event) => {
            e.preventDefault();
            ((control instanceof RadioNodeList ? control[0] : control) as HTMLElement).focus();
          }}>${line}</a>`
        : line}</li>`;
    });
    return html`<form part="form" novalidate aria-label=${text.label(event.title)} @submit=${this.onSubmit} @input=${this.onInput}>
${summary.length
  ? html`<div part="error-summary" tabindex="-1" aria-labelledby="summary"><p class="title" id="summary">${this.text(schemaMessages).registrationInvalid(summary.length)}</p><ul>${summary}</ul></div>`
  : nothing}${waitlist || mail ? html`<p class="notice">${waitlist ? text.waitlist : text.mailIntro}</p>` : nothing}
<div class="grid">${attendee.map((f) => this.field(f))}</div>
${member.map((f) => this.field(f))}
${max
  ? html`<p>${this.text(schemaMessages).field.companionsMax(max)}</p>${companions.map(
      (fields, i) => html`<fieldset class="companion"><legend>${label} ${i + 1}</legend><div class="grid">${fields.map((f) => this.field(f))}</div>
<button type="button" part="remove-companion" @click=${() => this.removeCompanion(i)}>${text.remove(`${lower} ${i + 1}`)}</button></fieldset>`,
    )}${companions.length < max ? html`<button type="button" part="add-companion" @click=${this.addCompanion}>${text.add(lower)}</button>` : nothing}`
  : nothing}
${rest.map((f) => this.field(f))}
<div class="hp" aria-hidden="true"><label>Website <input name=${HONEYPOT_FIELD} tabindex="-1" autocomplete="off" /></label></div>
<button part="submit" aria-busy=${this.outcome === 'sending'}>${mail ? text.submitMail : waitlist ? card.registerWaitlist : card.register}</button>
</form>`;
  }

  /** Progress, confirmation or the prepared e-mail (polite), or the failure (alert). */
  private renderStatus(event: EventData) {
    const text = this.text(formMessages);
    const email = event.registration?.email;
    const outcome = this.outcome;
    const ended = typeof outcome === 'object' ? outcome : undefined;
    let polite: unknown = nothing;
    let alert: unknown = nothing;
    if (outcome === 'sending') {
      polite = html`<p><progress aria-hidden="true"></progress> ${text.sending}</p>`;
    } else if (outcome === 'mail') {
      polite = html`<p>${text.mailReady}<a href=${this.mailto(event)}>${text.mailOpen}</a></p>`;
    } else if (ended?.ok) {
      const [title, sentence] = text.done[ended.status](event.title);
      polite = html`<div class="done" tabindex="-1"><p class="title">${title}</p><p>${sentence}</p>${ended.message ? html`<p>${ended.message}</p>` : nothing}</div>`;
    } else if (ended) {
      const { reason, status, message } = ended;
      const full = reason === 'full';
      alert = html`<div class="failure"><p>${text.failed[full && event.registration!.waitlist ? 'fullWaitlist' : reason]} ${text.kept}</p>${message ? html`<p>${message}</p>` : nothing}${status && !full ? html`<p>${text.code(status)}</p>` : nothing}
${full || reason === 'rejected' ? nothing : html`<button type="button" part="retry" @click=${this.retry}>${text.retry}</button>`}
${email && !full ? html`<p>${text.mailOr}<a href=${this.mailto(event)}>${text.mailTo(email)}</a></p>` : nothing}</div>`;
    }
    return html`<div part="status" role="status">${polite}</div><div part="status" role="alert">${alert}</div>`;
  }

  private renderMain(event: EventData) {
    if (typeof this.outcome === 'object' && this.outcome.ok) return nothing;
    const open = availability(event, +(this.now ?? Date.now()));
    if (open === 'open' || open === 'waitlist') return this.renderForm(event, open === 'waitlist');
    // Not open yet: the card's sentence.
    const sentence = open === 'not-open' ? opensAtSentence(event, this.locale) : this.text(formMessages).closed[open];
    return html`<p class="notice" tabindex="-1">${sentence}</p>`;
  }

  override render() {
    const event = this.current;
    return html`<slot ?hidden=${!!event}></slot>${event
      ? html`<div part="base">${this.renderMain(event)}${this.renderStatus(event)}<p class="visually-hidden" aria-live="polite">${this.announcement}</p></div>`
      : nothing}`;
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
