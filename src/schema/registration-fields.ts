import * as z from 'zod/mini';
import { RESERVED_IDS, type EventQuestion, type EventRegistration } from './event.js';
import { dottedName, type DataPath } from './paths.js';
import { AttendeeSchema, CompanionSchema } from './registration.js';

/**
 * The fields of a registration as a form shows them, and the one mapping between control names
 * and payload paths. A control's `name` is its payload path written with dots
 * (`attendee.email`, `companions.0.name`, `answers.<id>`); the form-encoded body
 * (`format="form"`) uses the same names. The form, the endpoint's form parser (`unflattenForm`),
 * the prepared e-mail and the tests all read this module, so they cannot disagree.
 */

/**
 * How a field is entered; it decides the control and the shape of its value in the payload:
 * text for `text` to `radio`, a list of options for `checkboxes`, a boolean for `yes-no` (two
 * radio buttons) and `checkbox` (one box that means yes).
 */
export type FieldInput = 'text' | 'email' | 'tel' | 'textarea' | 'select' | 'radio' | 'checkboxes' | 'yes-no' | 'checkbox';

/** Labels the form's message catalogue holds, for fields whose label is not in the event data. */
export type FieldLabelKey = 'name' | 'email' | 'organisation' | 'role' | 'phone' | 'remarks' | 'consent';

export interface RegistrationField {
  /** Where the value goes in the payload. */
  path: DataPath;
  /** The control's name: `path` with dots. */
  name: string;
  input: FieldInput;
  /** The schema refuses the registration without it (the base schema or the event's rules). */
  required: boolean;
  /** The `autocomplete` token; only the attendee's own fields have one. */
  autocomplete?: string;
  /** The label: a key of the form's catalogue, or (questions, the member question) text from the event. */
  label: { key: FieldLabelKey } | { text: string };
  /** The options of `select`, `radio` and `checkboxes`. */
  options?: readonly string[];
}

/** One field of a person (the attendee, a companion): what the schema does not say. */
interface PersonFieldSpec {
  key: string;
  input: 'text' | 'email' | 'tel';
  autocomplete?: string;
}

/** The attendee's fields in form order. `required` comes from `AttendeeSchema`. */
const ATTENDEE_SPECS: readonly PersonFieldSpec[] = [
  { key: 'name', input: 'text', autocomplete: 'name' },
  { key: 'email', input: 'email', autocomplete: 'email' },
  { key: 'organisation', input: 'text', autocomplete: 'organization' },
  { key: 'role', input: 'text', autocomplete: 'organization-title' },
  { key: 'phone', input: 'tel', autocomplete: 'tel' },
];

/**
 * A companion's fields in form order; `required` comes from `CompanionSchema`. No `autocomplete`:
 * the browser would offer the visitor's own details.
 */
const COMPANION_SPECS: readonly PersonFieldSpec[] = [
  { key: 'name', input: 'text' },
  { key: 'email', input: 'email' },
  { key: 'organisation', input: 'text' },
];

/** Whether the schema refuses the field left empty (the form leaves empty text out of the payload). */
function refusesEmpty(schema: z.ZodMiniType): boolean {
  return !schema.safeParse(undefined).success;
}

function personFields(schema: z.ZodMiniObject, specs: readonly PersonFieldSpec[], prefix: DataPath): RegistrationField[] {
  return specs.map(({ key, input, autocomplete }) => {
    const path = [...prefix, key];
    return {
      path,
      name: dottedName(path),
      input,
      required: refusesEmpty(schema.shape[key] as z.ZodMiniType),
      autocomplete,
      label: { key: key as FieldLabelKey },
    };
  });
}

function questionInput({ type, options }: EventQuestion): FieldInput {
  if (type === 'checkbox') return options?.length ? 'checkboxes' : 'checkbox';
  return type;
}

function questionField(question: EventQuestion): RegistrationField {
  const path = ['answers', question.id];
  return {
    path,
    name: dottedName(path),
    input: questionInput(question),
    required: question.required === true,
    label: { text: question.label },
    options: question.options,
  };
}

/** The fields of one registration form, by the part of the form they stand in. */
export interface RegistrationFields {
  attendee: RegistrationField[];
  /** The member question (yes or no), when the event asks it. */
  member: RegistrationField[];
  /** One list per companion block shown. */
  companions: RegistrationField[][];
  /** The event's questions, the remarks, and the consent box when there is a privacy statement. */
  rest: RegistrationField[];
}

/**
 * The fields a registration for these settings has, in form order, with `companions` companion
 * blocks (at most `maxCompanions`). The event's rules in `registrationSchemaFor` make the same
 * fields required: the member question when it is asked, consent when there is a privacy
 * statement, the questions marked `required`.
 */
export function registrationFields(
  { memberQuestion, maxCompanions = 0, questions = [], privacyUrl }: Partial<EventRegistration>,
  companions = 0,
): RegistrationFields {
  const remarks: RegistrationField = { path: ['remarks'], name: 'remarks', input: 'textarea', required: false, label: { key: 'remarks' } };
  const consent: RegistrationField = { path: ['consent'], name: 'consent', input: 'checkbox', required: true, label: { key: 'consent' } };
  return {
    attendee: personFields(AttendeeSchema, ATTENDEE_SPECS, ['attendee']),
    member: memberQuestion
      ? [{ path: ['member'], name: 'member', input: 'yes-no', required: true, label: { text: memberQuestion } }]
      : [],
    companions: Array.from({ length: Math.min(companions, maxCompanions) }, (_, index) =>
      personFields(CompanionSchema, COMPANION_SPECS, ['companions', index]),
    ),
    rest: [...questions.map(questionField), remarks, ...(privacyUrl ? [consent] : [])],
  };
}

/** Every field in form order. */
export function allFields({ attendee, member, companions, rest }: RegistrationFields): RegistrationField[] {
  return [...attendee, ...member, ...companions.flat(), ...rest];
}

/** The control name of a payload path: `['companions', 0, 'name']` → `companions.0.name`. */
export function controlName(path: DataPath): string {
  return dottedName(path);
}

/** Top-level payload fields that travel as one value. */
const TOP_LEVEL = new Set(['eventId', 'idempotencyKey', 'member', 'remarks', 'consent', 'locale', 'source']);
/** Field names of the attendee and the companions: plain words only, never a prototype key. */
const PERSON_KEY = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
/** A companion index: two digits at most, room for the schema to report "too many" without building a huge list. */
const COMPANION_INDEX = /^\d{1,2}$/;

/**
 * The payload path a control name (or a form-encoded key) stands for, or `undefined` for a name
 * that is no payload field (the honeypot, unknown or malformed keys, prototype keys). The inverse
 * of `controlName`. Which fields the event has is for the schema to judge, not for this.
 */
export function payloadPath(name: string): DataPath | undefined {
  const parts = name.split('.');
  const [head, second, third] = parts;
  if (parts.length === 1 && TOP_LEVEL.has(head)) return [head];
  if (parts.length === 2 && head === 'attendee' && PERSON_KEY.test(second)) return [head, second];
  if (parts.length === 2 && head === 'answers' && !RESERVED_IDS.has(second)) return [head, second];
  if (parts.length === 3 && head === 'companions' && COMPANION_INDEX.test(second) && PERSON_KEY.test(third)) {
    return [head, Number(second), third];
  }
  return undefined;
}
