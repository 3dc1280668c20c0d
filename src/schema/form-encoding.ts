import { answerKind, type EventData, type EventQuestion } from './event.js';
import { isRecord } from './issues.js';
import { writePath, type DataPath } from './paths.js';
import type { RegistrationInput, RegistrationPayload } from './registration.js';
import { controlName, payloadPath } from './registration-fields.js';

/**
 * `application/x-www-form-urlencoded` for registrations (`format="form"`, contract section 4):
 * keys are payload paths, the same names as the form controls (`controlName` / `payloadPath`).
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
  const add = (path: DataPath, value: unknown) => {
    if (value === undefined || value === null) return;
    entries.push([controlName(path), String(value)]);
  };
  const addFields = (prefix: DataPath, object: unknown) => {
    if (!isRecord(object)) return;
    for (const [key, value] of Object.entries(object)) add([...prefix, key], value);
  };

  for (const [key, value] of Object.entries(payload)) {
    if (key === 'attendee') {
      addFields(['attendee'], value);
    } else if (key === 'companions') {
      if (Array.isArray(value)) value.forEach((companion, index) => addFields(['companions', index], companion));
    } else if (key === 'answers') {
      if (!isRecord(value)) continue;
      for (const [id, answer] of Object.entries(value)) {
        const path = ['answers', id];
        if (!Array.isArray(answer)) add(path, answer);
        else if (answer.length === 0) add(path, '');
        else for (const choice of answer) add(path, choice);
      }
    } else if (!isRecord(value) && !Array.isArray(value)) {
      add([key], value);
    }
  }
  return entries;
}

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
 * Rebuilds a registration body from form fields: each key's payload path comes from
 * `payloadPath` (the control names of the form), so dotted keys become nested objects and
 * companion indexes a list (gaps closed); repeated keys become lists; `member` and `consent`
 * become booleans. With the event, each answer gets its question's shape: a multiple-choice
 * checkbox always a list (also for one value), a yes box a boolean. Unknown keys, including the
 * honeypot, are left out. The result still needs `validateRegistration`.
 */
export function unflattenForm(params: URLSearchParams, event?: EventData): Record<string, unknown> {
  const questions = new Map((event?.registration?.questions ?? []).map((question) => [question.id, question]));
  const body: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const path = payloadPath(key);
    if (!path) continue;
    const values = params.getAll(key);
    const value = values.length === 1 ? values[0] : values;
    const [head, id] = path;
    if (head === 'member' || head === 'consent') writePath(body, path, toBoolean(value));
    else if (head === 'answers') writePath(body, path, toAnswer(values, questions.get(id as string)));
    else writePath(body, path, value);
  }
  // Companions arrive by index, perhaps with gaps (`companions.3`, `companions.7`): close them.
  if (Array.isArray(body.companions)) body.companions = Object.values(body.companions);
  return body;
}
