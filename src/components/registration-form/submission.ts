import type { BijeenElement } from '../../internal/bijeen-element.js';
import { toJson } from '../../internal/json.js';
import {
  isHoneypotFilled,
  validateRegistration,
  type EventData,
  type RegistrationFields,
  type RegistrationPayload,
  type DataIssue,
} from '../../schema/index.js';
import type { DraftController } from './draft.js';
import { FOCUS_TARGET, type FocusController } from './focus.js';
import { collectPayload, idempotencyKey } from './payload.js';
import type { SendSettings } from './settings.js';
import { sendRegistration, type SendOutcome } from './submit.js';

/** What the status regions show: progress, the prepared e-mail, or how sending ended. */
export type Outcome = 'sending' | 'mail' | SendOutcome;

/** One submission: the event (attribute overrides applied), its fields and how to send. */
export interface SubmitRequest {
  event: EventData;
  fields: RegistrationFields;
  settings: SendSettings;
}

/**
 * A registration from submit to outcome, for the form: validates what is typed, keeps one
 * idempotency key per submission, fires `bijeen-submit` (cancelable), then takes the e-mail route
 * or sends (`sendRegistration`: timeout, retries, `Retry-After`), and fires `bijeen-registered` or
 * `bijeen-registration-failed`. The host renders `issues`, `outcome` and `payload`.
 */
export class SubmissionController {
  /** Validation messages on their fields: the form's own, or a 422's. */
  issues: DataIssue[] = [];
  outcome?: Outcome;
  /** The last validated payload, as sent (the e-mail route writes it out). */
  payload?: RegistrationPayload;

  constructor(
    private readonly host: BijeenElement,
    private readonly draft: DraftController,
    private readonly focus: FocusController,
    /** What to submit now; `undefined` while there is no event. */
    private readonly request: () => SubmitRequest | undefined,
  ) {}

  /** The form's `submit`: sends unless a bot filled in the honeypot (then nothing is sent and nothing shown). */
  onSubmit(event: SubmitEvent) {
    event.preventDefault();
    void this.submitUnlessBot();
  }

  /** The retry button goes away while sending: focus moves to the submit button, which shows the progress. */
  retry() {
    this.host.renderRoot.querySelector<HTMLElement>(FOCUS_TARGET.submit)?.focus();
    void this.submitUnlessBot();
  }

  private submitUnlessBot() {
    const form = this.host.renderRoot.querySelector('form');
    const request = this.request();
    if (!request || (form && isHoneypotFilled(new FormData(form)))) return;
    return this.submit(request);
  }

  /** Starts afresh: another event is on screen. */
  reset() {
    this.issues = [];
    this.outcome = undefined;
  }

  /** The registration went through: the form gives way to the confirmation. */
  get accepted(): boolean {
    return typeof this.outcome === 'object' && this.outcome.ok;
  }

  /** Drops messages that no longer fit what is on screen, such as a removed companion's. */
  dropIssues(unfit: (issue: DataIssue) => boolean) {
    this.issues = this.issues.filter((issue) => !unfit(issue));
    this.host.requestUpdate();
  }

  /** What is typed changed: a prepared e-mail would no longer match it. */
  edited() {
    if (this.outcome !== 'mail') return;
    this.outcome = undefined;
    this.host.requestUpdate();
  }

  /**
   * Validates and sends. A second call while sending does nothing: the submit button stays
   * enabled (and focused), so the guard is here.
   */
  async submit({ event, fields, settings }: SubmitRequest): Promise<void> {
    if (this.outcome === 'sending') return;
    const typed = collectPayload(fields, this.draft.draft.values, {
      eventId: event.id,
      idempotencyKey: idempotencyKey(),
      locale: this.host.locale,
      source: location.origin + location.pathname,
    });
    const result = validateRegistration(typed, event, this.host.locale);
    this.update({ issues: result.success ? [] : result.issues });
    if (!result.success) return this.focus.moveTo(FOCUS_TARGET.errorSummary);

    const payload = this.keyed(result.data);
    this.payload = payload;
    if (!this.host.emit('bijeen-submit', { payload }, { cancelable: true })) return;

    const url = event.registration!.endpoint;
    if (!url) {
      this.update({ outcome: 'mail' });
      return this.focus.moveTo(FOCUS_TARGET.mailLink);
    }
    this.update({ outcome: 'sending' });
    const outcome = await sendRegistration({ url, payload, ...settings });
    if (outcome.ok) {
      this.draft.clear();
      this.update({ outcome });
      await this.focus.moveTo(FOCUS_TARGET.confirmation);
      this.host.emit('bijeen-registered', { payload, response: outcome.response });
      return;
    }
    // A 422 with field messages: back to the form, with the messages on their fields.
    const { reason, status, errors = [], attempts } = outcome;
    this.update({ issues: errors, outcome: errors.length ? undefined : outcome });
    if (errors.length) await this.focus.moveTo(FOCUS_TARGET.errorSummary);
    else await this.host.updateComplete;
    this.host.emit('bijeen-registration-failed', { reason, status, attempts });
  }

  /**
   * The payload with the key of this submission. Same data (without the key) as the unaccepted
   * submission before: the same key, so a retry, a second click or a reload mid-send can never
   * register twice. Changed data: a new submission, a new key (the one `data` came with).
   */
  private keyed(data: RegistrationPayload): RegistrationPayload {
    const sent = toJson({ ...data, idempotencyKey: 0 });
    const { key, sent: before } = this.draft.draft;
    if (sent !== before || !key) this.draft.change({ key: data.idempotencyKey, sent });
    // Through JSON, so the payload in the events is exactly the body sent (no undefined keys).
    return JSON.parse(toJson({ ...data, idempotencyKey: this.draft.draft.key }));
  }

  private update(state: { issues?: DataIssue[]; outcome?: Outcome }) {
    Object.assign(this, state);
    this.host.requestUpdate();
  }
}
