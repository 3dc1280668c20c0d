import { allFields, writePath, type RegistrationField, type RegistrationFields } from '../../schema/index.js';
import type { FieldValue } from './draft.js';

/**
 * The registration payload from what is typed: each field's value, shaped as the schema expects,
 * at the field's payload path. Validation is the schema's job, not this module's.
 */

/**
 * A random UUID version 4, for the idempotency key. Not `crypto.randomUUID()`: that exists only
 * in secure contexts, and a partner page on plain http needs a key too; `getRandomValues` works
 * on both, so there is one code path.
 */
export function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // RFC 9562: the version (4) in the high nibble of byte 6, the variant (binary 10) in the top bits of byte 8.
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  // 8-4-4-4-12 hex digits.
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

/**
 * A field's value in the payload, from its control's value: a single box `true` or `false`, the
 * member question a boolean, a group its chosen options; text only when it holds more than
 * spaces. `undefined` leaves the field out.
 */
export function payloadValue(field: RegistrationField, value: FieldValue | undefined): FieldValue | undefined {
  switch (field.input) {
    case 'checkbox':
      return value === true;
    case 'yes-no':
      return value === 'true' ? true : value === 'false' ? false : undefined;
    case 'checkboxes':
      return Array.isArray(value) ? value : undefined;
    default:
      return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  }
}

/** What the payload carries besides the fields. */
export interface PayloadContext {
  eventId: string;
  idempotencyKey: string;
  locale: string;
  /** The page the registration was made on. */
  source: string;
}

/** The payload as typed (`values` by control name), before validation. */
export function collectPayload(
  fields: RegistrationFields,
  values: Record<string, FieldValue | undefined>,
  context: PayloadContext,
): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    eventId: context.eventId,
    idempotencyKey: context.idempotencyKey,
    attendee: {},
    // Every companion block shown is a companion, also when left empty (the schema then says what is missing).
    companions: fields.companions.map(() => ({})),
    answers: {},
    consent: false,
    locale: context.locale,
    source: context.source,
  };
  for (const field of allFields(fields)) {
    const value = payloadValue(field, values[field.name]);
    if (value !== undefined) writePath(payload, field.path, value);
  }
  return payload;
}
