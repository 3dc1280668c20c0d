import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BijeenElement } from '../../internal/bijeen-element.js';
import { EventSourceController } from '../../internal/event-source.js';
import type { DataIssue, RegistrationFailureReason } from '../../internal/events.js';
import {
  answerKind,
  HONEYPOT_FIELD,
  MAX_COMPANIONS,
  resolveUrl,
  validateRegistration,
  type Answer,
  type EventData,
  type EventQuestion,
  type EventRegistration,
  type RegistrationPayload,
  type SchemaIssue,
} from '../../schema/index.js';
import { availability } from './availability.js';
import { clearDraft, readDraft, writeDraft, type FieldValue } from './draft.js';
import { checkField, choiceField, controlId, textField, type FieldContext } from './fields.js';
import { registrationFormStyles } from './registration-form.styles.js';
import { sendRegistration } from './submit.js';

/** What the status regions show. */
type Outcome =
  | { kind: 'sending' }
  | { kind: 'done'; status: 'confirmed' | 'waitlisted' | 'pending' | 'duplicate'; message?: string }
  | { kind: 'failed'; reason: RegistrationFailureReason; status?: number; message?: string; transient: boolean }
  | { kind: 'mail' };

interface Settings {
  format: 'json' | 'form';
  timeout: number;
  retries: number;
  retryDelay: number;
}

/** Stands in for the key while validating; the real key is chosen for the validated data. */
const PLACEHOLDER_KEY = '00000000-0000-4000-8000-000000000000';
const ATTENDEE = ['name', 'email', 'organisation', 'role', 'phone'] as const;
const CONFIG = ['endpoint', 'format', 'maxCompanions', 'privacyUrl', 'timeout', 'retries', 'retryDelay'];

/** A UUID v4; `crypto.randomUUID` exists only in secure contexts, so plain-http pages build one. */
function uuid(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 15) | 64;
  bytes[8] = (bytes[8] & 63) | 128;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

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
 * @cssproperty --bijeen-color - Text colour (default: inherited).
 * @cssproperty --bijeen-line-height - Line height (default: 1.5).
 * @cssproperty --bijeen-gap - Space between fields (default: 1.25em).
 * @cssproperty --bijeen-radius - Corner radius of controls (default: 4px).
 * @cssproperty --bijeen-border-color - Border of controls and buttons (default: currentColor).
 * @cssproperty --bijeen-input-background - Background of text fields (default: transparent).
 * @cssproperty --bijeen-accent-color - Checkbox and radio colour (default: the browser's).
 * @cssproperty --bijeen-button-background - Background of buttons (default: transparent).
 * @cssproperty --bijeen-button-color - Text colour of buttons (default: inherited).
 * @cssproperty --bijeen-submit-background - Background of the submit button (default: the button background).
 * @cssproperty --bijeen-submit-color - Text colour of the submit button (default: the button colour).
 * @cssproperty --bijeen-link-color - Link colour (default: inherited).
 * @cssproperty --bijeen-focus-ring-color - Focus outline colour (default: currentColor).
 * @cssproperty --bijeen-focus-ring-width - Focus outline width (default: 3px).
 * @cssproperty --bijeen-error-color - Accent bar of errors and the error summary (default: #d52b1e).
 * @cssproperty --bijeen-error-text-color - Colour of error messages (default: inherited; they are bold).
 * @cssproperty --bijeen-success-color - Accent bar of the confirmation (default: #2e7d32).
 * @event bijeen-load - The event data loaded and is valid.
 * @event bijeen-data-error - The event data could not be loaded or is invalid, an attribute is invalid, or the event has no way to register.
 * @event bijeen-submit - A valid registration is about to be sent; cancelable (`preventDefault()` sends nothing). `detail: { payload }`.
 * @event bijeen-registered - The endpoint accepted the registration (also "already registered"). `detail: { payload, response }`.
 * @event bijeen-registration-failed - The endpoint refused it or every attempt failed. `detail: { reason, status?, attempts }`.
 */
export class BijeenRegistrationForm extends BijeenElement {
  static override styles = [BijeenElement.styles, registrationFormStyles];

  private readonly source = new EventSourceController(this);

  @state() private values: Record<string, FieldValue> = {};
  @state() private companions = 0;
  @state() private issues: SchemaIssue[] = [];
  @state() private outcome?: Outcome;
  /** Read out by the polite live region: companions added or removed. */
  @state() private announcement = '';

  /** URL of the event JSON. */
  @property() src?: string;

  /** The event as an object (wins over `src` and an inline JSON script). */
  @property({ attribute: false }) event?: unknown;

  /** Where to post; overrides `registration.endpoint`. https, http on localhost, or relative to the page. */
  @property() endpoint?: string;

  /** `json` (default): JSON with an `Idempotency-Key` header. `form`: urlencoded with flattened keys, no CORS preflight. */
  @property() format: 'json' | 'form' = 'json';

  /** Most companions (0–10); overrides `registration.maxCompanions`. */
  @property({ attribute: 'max-companions', type: Number }) maxCompanions?: number;

  /** Privacy statement; overrides `registration.privacyUrl`. When set, consent is required. */
  @property({ attribute: 'privacy-url' }) privacyUrl?: string;

  /** Milliseconds one attempt may take before it counts as timed out. */
  @property({ type: Number }) timeout = 15000;

  /** Retries (0–10) after a network error, timeout, 408, 429 or 5xx; attempts = retries + 1. */
  @property({ type: Number }) retries = 3;

  /**
   * Base of the backoff between attempts in milliseconds (default 500): the wait before retry n
   * is between ½ and 1 × `retry-delay` · 2^(n−1), at most 8 s, and never shorter than the
   * endpoint's `Retry-After`.
   */
  @property({ attribute: 'retry-delay', type: Number }) retryDelay = 500;

  /** The clock for the closed states: a function returning the time (milliseconds or a Date); for previews and tests. */
  @property({ attribute: false }) now: () => number | Date = Date.now;

  /** The loaded event, and the same with the attribute overrides applied. */
  private loaded?: EventData;
  private current?: EventData;
  private settings: Settings = { format: 'json', timeout: 15000, retries: 3, retryDelay: 500 };
  private attributeIssues: DataIssue[] = [];
  private reportPending = false;
  /** Event id whose draft is loaded. */
  private draftFor?: string;
  /** The key of the submission in progress and the data it was made for (see `Draft`). */
  private key?: string;
  private sent?: string;
  /** The last validated payload (for the e-mail fallback). */
  private payload?: RegistrationPayload;

  override update(changed: PropertyValues) {
    // The event source settles in hostUpdate, which runs after willUpdate: hence here.
    const event = this.source.event;
    if (event !== this.loaded || CONFIG.some((key) => changed.has(key))) this.configure(event);
    if (event && event.id !== this.draftFor) {
      this.draftFor = event.id;
      const draft = readDraft(event.id);
      this.values = draft?.values ?? {};
      this.companions = draft?.companions ?? 0;
      this.key = draft?.key;
      this.sent = draft?.sent;
      this.issues = [];
      this.outcome = undefined;
    }
    super.update(changed);
  }

  override updated() {
    if (!this.reportPending || !this.current) return;
    this.reportPending = false;
    const text = this.messages.form;
    if (this.attributeIssues.length) this.reportDataError({ message: text.badAttributes, issues: this.attributeIssues });
    if (availability(this.current, 0) === 'none') this.reportDataError({ message: text.noRoute });
  }

  /** Checks the attributes (an invalid one is reported and ignored) and applies the overrides to a copy of the event. */
  private configure(event: EventData | undefined) {
    const issues: DataIssue[] = [];
    const check = <T>(path: string, value: T, ok: boolean, fallback?: T): T | undefined => {
      if (ok || value == null) return value ?? fallback;
      issues.push({ path, message: this.messages.form.badValue(String(value)) });
      return fallback;
    };
    const url = (path: string, value?: string) => {
      const resolved = value == null ? undefined : resolveUrl(value, document.baseURI);
      return check(path, value, !!resolved) && resolved;
    };
    const count = (path: string, value: number | undefined, max: number, fallback?: number) =>
      check(path, value, Number.isInteger(value) && value! >= 0 && value! <= max, fallback);
    const endpoint = url('endpoint', this.endpoint);
    const privacyUrl = url('privacy-url', this.privacyUrl);
    const maxCompanions = count('max-companions', this.maxCompanions, MAX_COMPANIONS);
    this.settings = {
      format: check('format', this.format, this.format === 'json' || this.format === 'form', 'json')!,
      timeout: count('timeout', this.timeout, 3_600_000, 15000)!,
      retries: count('retries', this.retries, 10, 3)!,
      retryDelay: count('retry-delay', this.retryDelay, 60_000, 500)!,
    };
    this.attributeIssues = issues;
    this.reportPending = true;
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
  }

  private get form() {
    return this.renderRoot.querySelector('form');
  }

  private save() {
    if (this.current) {
      writeDraft(this.current.id, { values: this.values, companions: this.companions, key: this.key, sent: this.sent });
    }
  }

  private onInput(event: Event) {
    const control = event.target as HTMLInputElement;
    const { name } = control;
    if (!name || name === HONEYPOT_FIELD) return;
    let value: FieldValue = control.value;
    if (control.type === 'checkbox') {
      // A group's boxes carry their option as value; a single yes box has none.
      value = control.hasAttribute('value')
        ? [...this.form!.querySelectorAll<HTMLInputElement>('input:checked')]
            .filter((box) => box.name === name)
            .map((box) => box.value)
        : control.checked;
    }
    this.values = { ...this.values, [name]: value };
    // The prepared e-mail would no longer match what is typed.
    if (this.outcome?.kind === 'mail') this.outcome = undefined;
    this.save();
  }

  private onSubmit(event: SubmitEvent) {
    event.preventDefault();
    void this.send();
  }

  /** Error summary links: move focus to the control (`#id` cannot reach into a shadow root). */
  private onSummaryClick(event: Event) {
    const href = (event.target as Element).closest('a')?.getAttribute('href');
    if (!href) return;
    event.preventDefault();
    this.focusControl(href.slice(3));
  }

  private async addCompanion() {
    const label = this.companionLabel();
    const max = this.current?.registration?.maxCompanions ?? 0;
    this.companions = Math.min(this.companions, max) + 1;
    this.announcement = this.messages.form.added(`${label} ${this.companions}`, this.companions, max);
    this.save();
    await this.updateComplete;
    this.focusControl(`companions.${this.companions - 1}.name`);
  }

  private async removeCompanion(index: number) {
    const values = { ...this.values };
    const count = this.companions;
    for (let i = index; i < count; i++) {
      for (const field of ['name', 'email', 'organisation']) {
        const next = values[`companions.${i + 1}.${field}`];
        if (next === undefined) delete values[`companions.${i}.${field}`];
        else values[`companions.${i}.${field}`] = next;
      }
    }
    this.values = values;
    this.companions = count - 1;
    // Messages of the removed or renumbered companions no longer fit.
    this.issues = this.issues.filter((issue) => !issue.path.startsWith('companions'));
    const max = this.current?.registration?.maxCompanions ?? 0;
    this.announcement = this.messages.form.removed(`${this.companionLabel()} ${index + 1}`, this.companions, max);
    this.save();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="add-companion"]')?.focus();
  }

  private focusControl(name: string) {
    const control = this.form?.elements.namedItem(name);
    ((control instanceof RadioNodeList ? control[0] : control) as HTMLElement | null)?.focus();
  }

  private async focusAfterRender(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private showIssues(issues: SchemaIssue[]) {
    this.issues = issues;
    void this.focusAfterRender('[part="error-summary"]');
  }

  /** The payload as typed: text fields left out when empty, answers shaped by their question. */
  private collect(event: EventData): Record<string, unknown> {
    const values = this.values;
    const settings = event.registration!;
    const text = (name: string) => {
      const value = values[name];
      return typeof value === 'string' && value.trim() ? value : undefined;
    };
    const fields = (prefix: string, names: readonly string[]) =>
      Object.fromEntries(names.map((name) => [name, text(`${prefix}.${name}`)]));
    const answers: Record<string, Answer> = {};
    for (const question of settings.questions ?? []) {
      const name = `answers.${question.id}`;
      const kind = answerKind(question);
      const value = kind === 'confirm' ? values[name] === true : kind === 'multiple' ? values[name] : text(name);
      if (value !== undefined) answers[question.id] = value;
    }
    return {
      eventId: event.id,
      idempotencyKey: PLACEHOLDER_KEY,
      attendee: fields('attendee', ATTENDEE),
      member: settings.memberQuestion && values.member !== undefined ? values.member === 'true' : undefined,
      companions: Array.from({ length: Math.min(this.companions, settings.maxCompanions) }, (_, i) =>
        fields(`companions.${i}`, ['name', 'email', 'organisation']),
      ),
      answers,
      remarks: text('remarks'),
      consent: values.consent === true,
      locale: this.locale,
      source: location.origin + location.pathname,
    };
  }

  /**
   * Validates, picks the idempotency key, fires `bijeen-submit` and sends. A second call while
   * sending does nothing: the submit button stays enabled (and focused), so the guard is here.
   */
  private async send() {
    const event = this.current;
    if (!event || this.outcome?.kind === 'sending') return;
    // A bot filled in the hidden field: send nothing and show nothing.
    const honeypot = this.form?.elements.namedItem(HONEYPOT_FIELD) as HTMLInputElement | null;
    if (honeypot?.value.trim()) return;

    const result = validateRegistration(this.collect(event), event, this.locale);
    if (!result.success) return this.showIssues(result.issues);
    this.issues = [];
    // Same data (without the key) as the unaccepted submission before: same key, so a retry or a
    // second click can never register twice. Changed data: a new submission, a new key.
    const sent = JSON.stringify({ ...result.data, idempotencyKey: undefined });
    if (sent !== this.sent || !this.key) {
      this.key = uuid();
      this.sent = sent;
      this.save();
    }
    // Through JSON, so the payload in the events is exactly the body sent (no undefined keys).
    const payload: RegistrationPayload = JSON.parse(JSON.stringify({ ...result.data, idempotencyKey: this.key }));
    this.payload = payload;
    if (!this.emit('bijeen-submit', { payload }, { cancelable: true })) return;

    const url = event.registration?.endpoint;
    if (!url) {
      this.outcome = { kind: 'mail' };
      return this.focusAfterRender('[part="status"] a');
    }
    this.outcome = { kind: 'sending' };
    const outcome = await sendRegistration({ url, payload, ...this.settings });
    const { attempts } = outcome;
    if (outcome.ok) {
      clearDraft(event.id);
      this.key = this.sent = undefined;
      this.outcome = { kind: 'done', status: outcome.status, message: outcome.message };
      await this.focusAfterRender('.done');
      this.emit('bijeen-registered', { payload, response: outcome.response });
      return;
    }
    const { reason, status, errors, message } = outcome;
    if (errors) {
      this.outcome = undefined;
      this.showIssues(errors);
    } else {
      const transient = reason !== 'rejected' && reason !== 'full';
      this.outcome = { kind: 'failed', reason, status, message, transient };
    }
    await this.updateComplete;
    this.emit('bijeen-registration-failed', { reason, status, attempts });
  }

  /** The retry button goes away while sending: focus moves to the submit button, which shows the progress. */
  private retry() {
    this.renderRoot.querySelector<HTMLElement>('[part="submit"]')?.focus();
    void this.send();
  }

  private companionLabel() {
    return capitalise(this.current?.registration?.companionLabel ?? this.messages.form.companion);
  }

  /** `mailto:` the registration address with the event title as subject and the typed data as body. */
  private mailto(event: EventData): string | undefined {
    const settings = event.registration;
    if (!settings?.email) return undefined;
    const text = this.messages.form;
    const payload = this.payload;
    const lines: string[] = [];
    const line = (label: string, value: unknown) => {
      if (value === undefined || value === '') return;
      const shown = value === true ? text.yes : value === false ? text.no : Array.isArray(value) ? value.join(', ') : value;
      lines.push(`${label}: ${shown}`);
    };
    if (payload) {
      ATTENDEE.forEach((field) => line(text[field], payload.attendee[field]));
      if (settings.memberQuestion) line(settings.memberQuestion, payload.member);
      payload.companions.forEach((companion, i) =>
        line(`${this.companionLabel()} ${i + 1}`, Object.values(companion).filter(Boolean).join(', ')),
      );
      settings.questions?.forEach((question) => line(question.label, payload.answers[question.id]));
      line(text.remarks, payload.remarks);
      if (settings.privacyUrl) line(text.consent, payload.consent);
    }
    const query = `subject=${encodeURIComponent(text.mailSubject(event.title))}&body=${encodeURIComponent(lines.join('\r\n'))}`;
    return `mailto:${settings.email}?${query}`;
  }

  /** Focuses the first field, or the message that stands in for the form (closed, confirmed). */
  override focus(options?: FocusOptions) {
    const target = (this.form?.elements.namedItem('attendee.name') ??
      this.renderRoot.querySelector('[tabindex="-1"]')) as HTMLElement | null;
    if (target) target.focus(options);
    else super.focus(options);
  }

  private renderQuestion(f: FieldContext, question: EventQuestion) {
    const name = `answers.${question.id}`;
    const { label, required, options, type } = question;
    if (type !== 'radio' && type !== 'checkbox') return textField(f, name, label, { required, type, options });
    return options?.length
      ? choiceField(f, name, label, options.map((option) => [option, option]), { required, multiple: type === 'checkbox' })
      : checkField(f, name, label, { required });
  }

  private renderSummary() {
    if (!this.issues.length) return nothing;
    const label = this.companionLabel();
    const names = new Set([...(this.form?.elements ?? [])].map((control) => (control as HTMLInputElement).name));
    const item = ({ path, message }: SchemaIssue) => {
      const companion = /^companions\.(\d+)\./.exec(path);
      const text = companion ? `${label} ${Number(companion[1]) + 1}: ${message}` : message;
      // A path that names no control (a server's `eventId`, say) stays plain text.
      return html`<li>${names.has(path) ? html`<a href="#${controlId(path)}">${text}</a>` : text}</li>`;
    };
    return html`<div part="error-summary" class="summary" tabindex="-1" aria-labelledby="summary" @click=${this.onSummaryClick}>
<p class="title" id="summary">${this.messages.schema.registrationInvalid(this.issues.length)}</p><ul>${this.issues.map(item)}</ul>
</div>`;
  }

  private renderCompanions(f: FieldContext, settings: EventRegistration) {
    const text = this.messages.form;
    const max = settings.maxCompanions;
    const count = Math.min(this.companions, max);
    const lower = settings.companionLabel ?? text.companion;
    const companion = (_: unknown, i: number) => html`<fieldset class="companion"><legend>${capitalise(lower)} ${i + 1}</legend>
<div class="grid">${textField(f, `companions.${i}.name`, text.name, { required: true })}${textField(f, `companions.${i}.email`, text.email, { required: true, type: 'email' })}${textField(f, `companions.${i}.organisation`, text.organisation)}</div>
<button type="button" part="remove-companion" class="button" @click=${() => this.removeCompanion(i)}>${text.remove(`${lower} ${i + 1}`)}</button>
</fieldset>`;
    return html`<p>${this.messages.schema.field.companionsMax(max)}</p>${Array.from({ length: count }, companion)}${count < max
      ? html`<button type="button" part="add-companion" class="button" @click=${this.addCompanion}>${text.add(lower)}</button>`
      : nothing}`;
  }

  private renderForm(event: EventData, waitlist: boolean) {
    const settings = event.registration!;
    const text = this.messages.form;
    const f: FieldContext = {
      values: this.values,
      errors: new Map(this.issues.map((issue) => [issue.path, issue.message])),
      text: this.messages,
    };
    const mail = !settings.endpoint;
    const consent = settings.privacyUrl
      ? checkField(f, 'consent', text.consent, {
          required: true,
          hint: [
            'privacy',
            html`<a href=${settings.privacyUrl} target="_blank" rel="noopener noreferrer">${text.privacy}<span class="visually-hidden"> ${this.messages.newWindow}</span></a>`,
          ],
        })
      : nothing;
    return html`<form part="form" novalidate aria-label=${text.label(event.title)} @submit=${this.onSubmit} @input=${this.onInput}>
${this.renderSummary()}${waitlist || mail ? html`<p class="notice">${waitlist ? text.waitlist : text.mailIntro}</p>` : nothing}
<div class="grid">${textField(f, 'attendee.name', text.name, { required: true, autocomplete: 'name' })}${textField(f, 'attendee.email', text.email, { required: true, type: 'email', autocomplete: 'email' })}${textField(f, 'attendee.organisation', text.organisation, { required: true, autocomplete: 'organization' })}${textField(f, 'attendee.role', text.role, { autocomplete: 'organization-title' })}${textField(f, 'attendee.phone', text.phone, { type: 'tel', autocomplete: 'tel' })}</div>
${settings.memberQuestion ? choiceField(f, 'member', settings.memberQuestion, [['true', text.yes], ['false', text.no]], { required: true }) : nothing}
${settings.maxCompanions ? this.renderCompanions(f, settings) : nothing}
${settings.questions?.map((question) => this.renderQuestion(f, question))}
${textField(f, 'remarks', text.remarks, { type: 'textarea' })}${consent}
<div class="hp" aria-hidden="true"><label>Website <input name=${HONEYPOT_FIELD} tabindex="-1" autocomplete="off" /></label></div>
<button part="submit" class="button" aria-busy=${this.outcome?.kind === 'sending'}>${mail ? text.submitMail : waitlist ? text.submitWaitlist : text.submit}</button>
</form>`;
  }

  /** Progress, confirmation or the prepared e-mail (polite), or the failure (alert). */
  private renderStatus(event: EventData) {
    const text = this.messages.form;
    const outcome = this.outcome;
    const email = event.registration?.email;
    const mailto = this.mailto(event);
    let polite: unknown = nothing;
    let alert: unknown = nothing;
    if (outcome?.kind === 'sending') {
      polite = html`<p class="progress">${text.sending}</p>`;
    } else if (outcome?.kind === 'done') {
      const [title, sentence] = text.done[outcome.status](event.title);
      polite = html`<div class="done" tabindex="-1"><p class="title">${title}</p><p>${sentence}</p>${outcome.message ? html`<p>${outcome.message}</p>` : nothing}</div>`;
    } else if (outcome?.kind === 'mail') {
      polite = html`<p>${text.mailReady}<a href=${mailto!}>${text.mailOpen}</a></p>`;
    } else if (outcome) {
      const { reason, status, message, transient } = outcome;
      const full = reason === 'full';
      const sentence = text.failed[full && event.registration?.waitlist ? 'fullWaitlist' : reason];
      alert = html`<div class="failure"><p>${sentence} ${text.kept}</p>${message ? html`<p>${message}</p>` : nothing}${status && !full ? html`<p>${text.code(status)}</p>` : nothing}
${transient ? html`<button type="button" part="retry" class="button" @click=${this.retry}>${text.retry}</button>` : nothing}
${email && !full ? html`<p>${text.mailOr}<a href=${mailto!}>${text.mailTo(email)}</a></p>` : nothing}</div>`;
    }
    return html`<div part="status" role="status">${polite}</div><div part="status" role="alert">${alert}</div>`;
  }

  private renderMain(event: EventData) {
    if (this.outcome?.kind === 'done') return nothing;
    const open = availability(event, +this.now());
    if (open === 'open' || open === 'waitlist') return this.renderForm(event, open === 'waitlist');
    const closed = this.messages.form.closed;
    const sentence =
      open === 'not-open'
        ? closed[open](
            new Intl.DateTimeFormat(this.locale === 'en' ? 'en-GB' : 'nl-NL', {
              dateStyle: 'full',
              timeStyle: 'short',
              timeZone: event.timeZone,
            }).format(new Date(event.registration!.opens!)),
          )
        : closed[open];
    return html`<p class="notice" tabindex="-1">${sentence}</p>`;
  }

  override render() {
    const event = this.current;
    return html`<slot ?hidden=${!!event}></slot>${event
      ? html`<div part="base" class="base">${this.renderMain(event)}${this.renderStatus(event)}<p class="visually-hidden" aria-live="polite">${this.announcement}</p></div>`
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
