import { readPath, type RegistrationField, type RegistrationFields, type RegistrationPayload } from '../../schema/index.js';

/**
 * The e-mail route: a `mailto:` link to the registration address with the event title as
 * subject and the validated payload as body, one "Label: value" line per filled-in field in form
 * order, one line per companion.
 */

export interface MailText {
  /** The subject line. */
  subject: string;
  /** The visible label of a field. */
  label: (field: RegistrationField) => string;
  /** The heading of companion `number` (from 1): "Extra deelnemer 2". */
  companion: (number: number) => string;
  yes: string;
  no: string;
}

export function mailtoHref(address: string, fields: RegistrationFields, payload: RegistrationPayload, text: MailText): string {
  const lines: string[] = [];
  const addLine = (label: string, value: unknown) => {
    if (value === undefined) return;
    const shown = value === true ? text.yes : value === false ? text.no : [value].flat().join(', ');
    lines.push(`${label}: ${shown}`);
  };
  const addField = (field: RegistrationField) => addLine(text.label(field), readPath(payload, field.path));

  fields.attendee.forEach(addField);
  fields.member.forEach(addField);
  payload.companions.forEach((companion, index) => addLine(text.companion(index + 1), Object.values(companion)));
  fields.rest.forEach(addField);
  const subject = encodeURIComponent(text.subject);
  const body = encodeURIComponent(lines.join('\r\n'));
  return `mailto:${address}?subject=${subject}&body=${body}`;
}
