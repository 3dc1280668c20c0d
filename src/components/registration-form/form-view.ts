import { html, nothing, type TemplateResult } from 'lit';
import { commonMessages } from '../../i18n/common.js';
import { schemaMessages } from '../../i18n/schema.js';
import { HONEYPOT_FIELD, type RegistrationField, type RegistrationFields, type DataIssue } from '../../schema/index.js';
import { renderCompanions } from './companions.js';
import type { Draft } from './draft.js';
import { renderErrorSummary } from './error-summary.js';
import { renderField } from './field.js';
import type { FormWording } from './wording.js';

/**
 * The `<form>`: the error summary, a notice (waiting list, e-mail route), the attendee's fields,
 * the member question, the companion blocks, the questions, remarks and consent, the honeypot and
 * the submit button. Everything it shows comes in `FormView`; what the user does goes out through
 * its callbacks.
 */
export interface FormView {
  eventTitle: string;
  fields: RegistrationFields;
  values: Draft['values'];
  issues: DataIssue[];
  wording: FormWording;
  /**
   * Registering puts the visitor on the waiting list: `event` when the event is full (said at the
   * top), `non-member` when they answer the member question "no" and the non-members' places are
   * taken (said at the question).
   */
  waitlist?: 'event' | 'non-member';
  /** No endpoint: the form prepares an e-mail. */
  mail: boolean;
  maxCompanions: number;
  /** Companions one organisation may bring over all its registrations, when the event limits them. */
  maxCompanionsPerOrganisation?: number;
  /** Under the member question: how many places non-members have left, and what "no" means when none. */
  memberHint?: string;
  privacyUrl?: string;
  sending: boolean;
  /** The form as rendered before, to link the summary's lines to their controls. */
  form: HTMLFormElement | null;
  onSubmit: (event: SubmitEvent) => void;
  onInput: (event: Event) => void;
  onAddCompanion: () => void;
  onRemoveCompanion: (index: number) => void;
}

/** The privacy statement above the consent box; it opens in a new window. */
function privacyLink(url: string, { wording }: FormView): TemplateResult {
  return html`
    <a href=${url} target="_blank" rel="noopener noreferrer">
      ${wording.text.privacy}<span class="visually-hidden"> ${commonMessages[wording.locale].newWindow}</span>
    </a>
  `;
}

/** The description above a field's control, if it has one. */
function hintOf(field: RegistrationField, view: FormView): TemplateResult | undefined {
  if (field.name === 'consent' && view.privacyUrl) return privacyLink(view.privacyUrl, view);
  if (field.name === 'member' && view.memberHint) return html`${view.memberHint}`;
  return undefined;
}

export function renderForm(view: FormView): TemplateResult {
  const { fields, wording, waitlist, mail, maxCompanions, maxCompanionsPerOrganisation } = view;
  const { text } = wording;
  const schemaText = schemaMessages[wording.locale];
  const messageAt = (path: string) => view.issues.find((issue) => issue.path === path)?.message;
  const field = (field: RegistrationField) =>
    renderField(
      field,
      { label: wording.label(field), value: view.values[field.name], message: messageAt(field.name), hint: hintOf(field, view) },
      wording.field,
    );
  // The maximum is a field message, without a full stop of its own.
  const perOrganisation = maxCompanionsPerOrganisation ? `. ${text.companionsPerOrganisation(maxCompanionsPerOrganisation)}` : '';
  const submit = mail ? text.submitMail : waitlist ? text.submitWaitlist : text.submit;
  return html`
    <form part="form" novalidate aria-label=${text.label(view.eventTitle)} @submit=${view.onSubmit} @input=${view.onInput}>
      ${renderErrorSummary({
        issues: view.issues,
        heading: schemaText.registrationInvalid,
        companionName: (number) => wording.companionName(number),
        form: view.form,
      })}
      ${waitlist === 'event' || mail ? html`<p class="notice">${waitlist === 'event' ? text.waitlist : text.mailIntro}</p>` : nothing}
      <div class="grid">${fields.attendee.map(field)}</div>
      ${fields.member.map(field)}
      ${maxCompanions
        ? renderCompanions({
            companions: fields.companions,
            max: maxCompanions,
            maxSentence: schemaText.field.companionsMax(maxCompanions) + perOrganisation,
            wording,
            renderField: field,
            messageAt,
            onAdd: view.onAddCompanion,
            onRemove: view.onRemoveCompanion,
          })
        : nothing}
      ${fields.rest.map(field)}
      <div class="hp" aria-hidden="true">
        <label>Website <input name=${HONEYPOT_FIELD} tabindex="-1" autocomplete="off" /></label>
      </div>
      <button part="submit" aria-busy=${view.sending}>${submit}</button>
    </form>
  `;
}
