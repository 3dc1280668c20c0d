import { answerKind, RESERVED_IDS, type EventData, type EventQuestion } from './event.js';
import { isRecord } from './issues.js';
import type { RegistrationInput, RegistrationPayload } from './registration.js';

/**
 * `application/x-www-form-urlencoded` for registrations (`format="form"`, contract section 4):
 * keys are payload paths, the same names as the form controls.
 *
 * - nested objects: `attendee.name`, `companions.0.email`;
 * - answers: `answers.<id>`; a string[] answer repeats the key once per value, an empty one sends
 *   the key once with an empty value;
 * - booleans: `true` / `false`.
 *
 * `unflattenForm(flattenPayload(p), event)` validates to `p` again. Without the event, answers stay
 * as sent (strings, or arrays for repeated keys), since only the question says what they mean.
 */
export function flattenPayload(payload: RegistrationPayload | RegistrationInput): [string, string][] {
  const entries: [string, string][] = [];
  const add = (key: string, value: unknown) => {
    if (value === undefined || value === null) return;
    entries.push([key, String(value)]);
  };
  const addFields = (prefix: string, object: unknown) => {
    if (!isRecord(object)) return;
    for (const [key, value] of Object.entries(object)) add(`${prefix}.${key}`, value);
  };

  for (const [key, value] of Object.entries(payload)) {
    if (key === 'attendee') {
      addFields('attendee', value);
    } else if (key === 'companions') {
      if (Array.isArray(value)) value.forEach((companion, index) => addFields(`companions.${index}`, companion));
    } else if (key === 'answers') {
      if (!isRecord(value)) continue;
      for (const [id, answer] of Object.entries(value)) {
        if (!Array.isArray(answer)) add(`answers.${id}`, answer);
        else if (answer.length === 0) add(`answers.${id}`, '');
        else for (const choice of answer) add(`answers.${id}`, choice);
      }
    } else if (!isRecord(value) && !Array.isArray(value)) {
      add(key, value);
    }
  }
  return entries;
}

/** Top-level fields that are plain strings. */
const STRING_FIELDS = new Set(['eventId', 'idempotencyKey', 'remarks', 'locale', 'source']);
const BOOLEAN_FIELDS = new Set(['member', 'consent']);
/** Sub-field names of attendee and companions: plain words only, never a prototype key. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
/** Companion index: two digits at most, room for the schema to report "too many" without building a huge array. */
const INDEX = /^\d{1,2}$/;

/** `true`/`on` (a checkbox without a value) → true, `false` → false; anything else stays as sent for the schema to reject. */
function toBoolean(value: string | string[]): boolean | string | string[] {
  if (value === 'true' || value === 'on') return true;
  if (value === 'false') return false;
  return value;
}

function toAnswer(values: string[], question: EventQuestion | undefined): unknown {
  const single = values.length === 1 ? values[0] : values;
  if (!question) return single;
  switch (answerKind(question)) {
    case 'multiple':
      // The empty value stands for "none chosen" (see flattenPayload); options are never empty.
      return values.filter((value) => value !== '');
    case 'confirm':
      return toBoolean(single);
    default:
      return single;
  }
}

/**
 * Rebuilds a registration body from form fields: dotted keys become nested objects, companion
 * indexes an array (gaps closed), repeated keys arrays; `member` and `consent` become booleans.
 * With the event, each answer gets its question's shape: a multiple-choice checkbox always an
 * array (also for one value), a yes box a boolean. Unknown keys, including the honeypot, are left
 * out. The result still needs `validateRegistration`.
 */
export function unflattenForm(params: URLSearchParams, event?: EventData): unknown {
  const questions = new Map((event?.registration?.questions ?? []).map((question) => [question.id, question]));
  const body: Record<string, unknown> = {};
  const attendee: Record<string, unknown> = {};
  const companions = new Map<number, Record<string, unknown>>();
  const answers: Record<string, unknown> = {};
  let hasAttendee = false;
  let hasAnswers = false;

  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    const value = values.length === 1 ? values[0] : values;
    const parts = key.split('.');
    const [head] = parts;
    if (parts.length === 1 && STRING_FIELDS.has(head)) {
      body[head] = value;
    } else if (parts.length === 1 && BOOLEAN_FIELDS.has(head)) {
      body[head] = toBoolean(value);
    } else if (head === 'attendee' && parts.length === 2 && FIELD_NAME.test(parts[1])) {
      attendee[parts[1]] = value;
      hasAttendee = true;
    } else if (head === 'companions' && parts.length === 3 && INDEX.test(parts[1]) && FIELD_NAME.test(parts[2])) {
      const index = Number(parts[1]);
      let companion = companions.get(index);
      if (!companion) companions.set(index, (companion = {}));
      companion[parts[2]] = value;
    } else if (head === 'answers' && parts.length === 2 && !RESERVED_IDS.has(parts[1])) {
      answers[parts[1]] = toAnswer(values, questions.get(parts[1]));
      hasAnswers = true;
    }
  }

  if (hasAttendee) body.attendee = attendee;
  if (companions.size > 0) {
    body.companions = [...companions.entries()].sort(([a], [b]) => a - b).map(([, companion]) => companion);
  }
  if (hasAnswers) body.answers = answers;
  return body;
}
