import * as z from 'zod/mini';
import type { Locale } from '../i18n/index.js';
import { schemaMessages } from '../i18n/schema.js';
import { answerKind, MAX_COMPANIONS, QUESTION_ID, RESERVED_IDS, type EventData, type EventQuestion } from './event.js';
import { formatIssues, isRecord, requiredFallback, type MessageKey, type DataIssue, type SchemaResult } from './issues.js';
import {
  atMost,
  filled,
  filledText,
  isEmail,
  isPlainText,
  issue,
  msg,
  objectRule,
  oneOf,
  rule,
  text,
  trim,
  withDefaults,
  type Report,
} from './rules.js';

/**
 * Name of the form's honeypot control, hidden from people and assistive technology. Not part of
 * `RegistrationPayload` (the schema drops it); a server discards any body where it is filled in.
 */
export const HONEYPOT_FIELD = 'website';

/** Whether a request body (parsed JSON object, `URLSearchParams` or `FormData`) has the honeypot filled in. */
export function isHoneypotFilled(body: unknown): boolean {
  let value: unknown;
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) value = body.get(HONEYPOT_FIELD);
  else if (typeof FormData !== 'undefined' && body instanceof FormData) value = body.get(HONEYPOT_FIELD);
  else if (isRecord(body)) value = body[HONEYPOT_FIELD];
  if (typeof value === 'string') return value.trim() !== '';
  return value !== undefined && value !== null && value !== false;
}

/** `Idempotency-Key` / `idempotencyKey`: a UUID version 4, as `crypto.randomUUID()` makes. */
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Digits, spaces and hyphens, optionally one leading +; 6 to 17 digits. */
const PHONE = /^\+?[0-9](?:[ -]?[0-9]){5,16}$/;


/** Most answers a body may carry (an event asks a few questions) and most options one answer may list. */
const MAX_ANSWERS = 100;
const MAX_OPTIONS = 50;

/** Most issues one validation reports: enough for any form, and all a hostile body gets. */
export const MAX_ISSUES = 20;

// Text fields are trimmed, so "   " counts as empty. Each check names its own message. A field may
// raise several issues (empty and malformed); validateRegistration keeps the first per path.

/* @__NO_SIDE_EFFECTS__ */
function requiredText(key: MessageKey, max: number) {
  return z.string(msg(key)).check(trim, filled(key), atMost(max, 'textTooLong'));
}

/* @__NO_SIDE_EFFECTS__ */
function optionalText(max: number) {
  return z.optional(z.string().check(trim, atMost(max, 'textTooLong')));
}

/* @__NO_SIDE_EFFECTS__ */
function emailAddress(key: MessageKey) {
  return z
    .string(msg(key))
    .check(trim, filled(key), atMost(254, 'textTooLong'), rule(isEmail, 'emailFormat'));
}

/** The attendee's fields; `registrationFields` reads which are required. */
export const AttendeeSchema = z.object({
  name: requiredText('attendeeName', 200),
  email: emailAddress('attendeeEmail'),
  organisation: requiredText('organisation', 200),
  role: optionalText(200),
  // PHONE allows 34 characters at most: no separate length limit needed.
  phone: z.optional(z.string(msg('phone')).check(trim, rule((value) => value === '' || PHONE.test(value), 'phone'))),
});

/** A companion's fields; `registrationFields` reads which are required. */
export const CompanionSchema = z.object({
  name: requiredText('companionName', 200),
  email: emailAddress('companionEmail'),
  organisation: optionalText(200),
});

/** Longest text answer, in characters. */
const MAX_ANSWER = 2_000;

/** One answer: a text, a list of texts (checkbox options) or a yes/no. */
export type Answer = string | string[] | boolean;
type Answers = Record<string, Answer>;

/**
 * Checks and trims each answer, keyed by question id: a key that is no question id is refused,
 * `__proto__` skipped. Written out rather than `z.record(id, z.union([…]))`, which would add both
 * kinds of schema to the CDN file; the outcome is the same.
 */
const checkAnswers: z.core.CheckFn<Record<string, unknown>> = (payload) => {
  const answers: Answers = {};
  const report = (key: MessageKey, path: PropertyKey[], limit?: number) => payload.issues.push(issue(key, path, limit));
  const checkText = (value: string, path: PropertyKey[]) => {
    const trimmed = value.trim();
    if (trimmed.length > MAX_ANSWER) report('textTooLong', path, MAX_ANSWER);
    return trimmed;
  };
  for (const [id, answer] of Object.entries(payload.value)) {
    if (id === '__proto__') continue;
    // Not an id at all: reported on `answers`, so a key of any length never becomes a path.
    if (!QUESTION_ID.test(id)) report('questionId', []);
    else if (RESERVED_IDS.has(id)) report('reservedId', [id]);
    else if (typeof answer === 'string') answers[id] = checkText(answer, [id]);
    // The length first: a list of thousands is refused without looking at its items.
    else if (Array.isArray(answer) && answer.length > MAX_OPTIONS) report('answerForm', [id]);
    else if (Array.isArray(answer) && answer.every((value) => typeof value === 'string')) {
      answers[id] = answer.map((value: string, index) => checkText(value, [id, index]));
    } else {
      if (typeof answer !== 'boolean') report('answerForm', [id]);
      // A wrong answer stays too, as zod keeps a value that failed: the event's rules look at it.
      answers[id] = answer as Answer;
    }
  }
  payload.value = answers;
};

/**
 * The registration request body (contract section 4), without any event's own rules: those come
 * from `registrationSchemaFor(event)` / `validateRegistration(payload, event)`. Unknown fields
 * (including the honeypot) are dropped.
 */
export const RegistrationSchema = withDefaults(
  z.object({
    // Control characters never match the event's id: `wrongEvent` refuses them.
    eventId: filledText(200),
    idempotencyKey: z.string().check(rule((key) => UUID_V4.test(key), 'format')),
    attendee: AttendeeSchema,
    member: z.optional(z.boolean(msg('member'))),
    companions: z.optional(z.array(CompanionSchema).check(atMost(MAX_COMPANIONS, 'companionsMax'))),
    // Any object: checkAnswers makes the answers of it.
    answers: z.optional(z.looseObject({}).check(checkAnswers) as unknown as z.ZodMiniType<Answers, Answers>),
    remarks: optionalText(2_000),
    consent: z.boolean(),
    locale: oneOf(['nl', 'en']),
    source: text(2_048),
  }),
  () => ({ companions: [], answers: {} }),
);

export type RegistrationPayload = z.output<typeof RegistrationSchema>;
export type RegistrationInput = z.input<typeof RegistrationSchema>;

function questionIssue(question: EventQuestion, answer: unknown): MessageKey | undefined {
  const options = question.options ?? [];
  switch (answerKind(question)) {
    case 'text': {
      if (answer === undefined) return question.required ? 'answerText' : undefined;
      if (typeof answer !== 'string') return 'answerText';
      return question.required && answer.trim() === '' ? 'answerText' : undefined;
    }
    case 'choice': {
      if (answer === undefined || answer === '') return question.required ? 'answerChoose' : undefined;
      return typeof answer === 'string' && options.includes(answer) ? undefined : 'answerOption';
    }
    case 'multiple': {
      if (answer === undefined) return question.required ? 'answerChooseSome' : undefined;
      if (!Array.isArray(answer)) return 'answerOption';
      if (answer.some((value) => typeof value !== 'string' || !options.includes(value))) return 'answerOption';
      return question.required && answer.length === 0 ? 'answerChooseSome' : undefined;
    }
    case 'confirm': {
      if (question.required && answer !== true) return 'answerConfirm';
      return answer === undefined || typeof answer === 'boolean' ? undefined : 'answerForm';
    }
  }
}

/**
 * The event's own rules for a registration. Runs on whatever zod made of the body so far (also
 * when other fields failed, so the form shows every problem at once), hence the defensive checks.
 */
function eventRules(value: Record<string, unknown>, event: EventData, report: Report) {
  const settings = event.registration;
  if (typeof value.eventId === 'string' && value.eventId !== event.id) {
    report('wrongEvent', ['eventId']);
  }
  const max = settings?.maxCompanions ?? 0;
  // More than MAX_COMPANIONS is the base schema's issue, on the same path.
  const companions = Array.isArray(value.companions) ? value.companions.length : 0;
  if (companions > max && companions <= MAX_COMPANIONS) {
    report('companionsMax', ['companions'], max);
  }
  // A member answer of the wrong type is already reported by the base schema.
  if (settings?.memberQuestion && value.member === undefined) report('member', ['member']);
  const answers = isRecord(value.answers) ? value.answers : {};
  for (const question of settings?.questions ?? []) {
    const key = questionIssue(question, Object.hasOwn(answers, question.id) ? answers[question.id] : undefined);
    if (key) report(key, ['answers', question.id]);
  }
  if (settings?.privacyUrl && value.consent !== true) report('consent', ['consent']);
}


const schemaCache = /* @__PURE__ */ new WeakMap<EventData, ReturnType<typeof buildSchemaFor>>();

function buildSchemaFor(event: EventData) {
  const asked = new Set((event.registration?.questions ?? []).map((question) => question.id));
  return RegistrationSchema.check(
    objectRule((value, report) => eventRules(value, event, report)),
    // Keeps only the answers to the event's own questions (runs when the body is sound so far).
    (payload) => {
      payload.value.answers = Object.fromEntries(Object.entries(payload.value.answers).filter(([id]) => asked.has(id)));
    },
  );
}

/**
 * `RegistrationSchema` plus the event's own rules: at most `maxCompanions` companions, `member`
 * answered when there is a member question, required questions answered, choices among the
 * options, `consent` true when there is a privacy URL, `eventId` equal to the event's id. Answers
 * to questions the event does not ask are dropped. To apply a form's attribute overrides
 * (`max-companions`, `privacy-url`), pass a copy of the event with those registration fields set.
 */
export function registrationSchemaFor(event: EventData) {
  let schema = schemaCache.get(event);
  if (!schema) {
    schema = buildSchemaFor(event);
    schemaCache.set(event, schema);
  }
  return schema;
}

/** Top-level payload fields in the order the form shows them. */
const FORM_ORDER = ['eventId', 'idempotencyKey', 'attendee', 'member', 'companions', 'answers', 'remarks', 'consent'];

/** Sort key of an issue path in form order: field, then companion index or question position. */
function formPosition(path: string, questionIds: string[]): [number, number] {
  const [head = '', sub] = path.split('.');
  const top = FORM_ORDER.indexOf(head);
  let within = 0;
  if (head === 'answers' && sub !== undefined) within = questionIds.indexOf(sub);
  else if (head === 'companions') within = sub === undefined ? -1 : Number(sub);
  return [top === -1 ? FORM_ORDER.length : top, within];
}

/**
 * Validates a registration body, with the event's rules when `event` is given. Never throws.
 * Issues carry the payload path (= form control name) and one human message per field, in form
 * order, in `locale`, else the payload's own `locale`, else Dutch. The form and the reference server both
 * call this.
 */
export function validateRegistration(
  payload: unknown,
  event?: EventData,
  locale?: Locale,
): SchemaResult<RegistrationPayload> {
  const schema = event ? registrationSchemaFor(event) : RegistrationSchema;
  const result = schema.safeParse(payload, { error: requiredFallback });
  if (result.success) return { success: true, data: result.data };
  const language = languageOf(payload, locale);
  // One message per field: the first is the one that matters to the person filling in the form.
  const seen = new Set<string>();
  const issues: DataIssue[] = [];
  for (const issue of formatIssues(result.error, language)) {
    if (seen.has(issue.path)) continue;
    seen.add(issue.path);
    issues.push(issue);
  }
  // zod reports field problems before the event's rules; the form and its summary want page order.
  const questionIds = (event?.registration?.questions ?? []).map((question) => question.id);
  issues.sort((a, b) => {
    const [topA, withinA] = formPosition(a.path, questionIds);
    const [topB, withinB] = formPosition(b.path, questionIds);
    return topA - topB || withinA - withinB;
  });
  issues.splice(MAX_ISSUES);
  return { success: false, message: schemaMessages[language].registrationInvalid(issues.length), issues };
}

function languageOf(payload: unknown, locale: Locale | undefined): Locale {
  return locale ?? (isRecord(payload) && payload.locale === 'en' ? 'en' : 'nl');
}

/**
 * For servers, before `validateRegistration`: refuses a body whose companions or answers are more
 * than any event allows by their count alone, before any item is looked at, so a body of thousands
 * of items costs no more than a normal one. `undefined` when the counts are fine. (Not used by the
 * form, which never sends such a body: it stays out of the CDN file.)
 */
export function refuseOversized(payload: unknown, event?: EventData, locale?: Locale): SchemaResult<never> | undefined {
  if (!isRecord(payload)) return undefined;
  const language = languageOf(payload, locale);
  const { field, registrationInvalid } = schemaMessages[language];
  const issues: DataIssue[] = [];
  if (Array.isArray(payload.companions) && payload.companions.length > MAX_COMPANIONS) {
    issues.push({ path: 'companions', message: field.companionsMax(event?.registration?.maxCompanions ?? MAX_COMPANIONS) });
  }
  if (isRecord(payload.answers) && Object.keys(payload.answers).length > MAX_ANSWERS) {
    issues.push({ path: 'answers', message: field.tooMany(MAX_ANSWERS) });
  }
  return issues.length > 0 ? { success: false, message: registrationInvalid(issues.length), issues } : undefined;
}

/**
 * For servers, after `validateRegistration` succeeded: refuses control characters and bidi
 * overrides in every free text (tab and line breaks allowed in remarks and text answers), each at
 * its field's path. Invisible, they hide or reorder what an organiser reads. E-mail addresses,
 * phone numbers, ids and choices have their own formats already. (Not used by the form: a text
 * box hardly produces them, and the form shows the server's 422 at the field.)
 */
export function refuseControlCharacters(data: RegistrationPayload, locale: Locale = data.locale): SchemaResult<never> | undefined {
  const texts: [path: string, value: string | undefined, multiLine?: boolean][] = [
    ['attendee.name', data.attendee.name],
    ['attendee.organisation', data.attendee.organisation],
    ['attendee.role', data.attendee.role],
    ...data.companions.flatMap((companion, index): [string, string | undefined][] => [
      [`companions.${index}.name`, companion.name],
      [`companions.${index}.organisation`, companion.organisation],
    ]),
    ...Object.entries(data.answers).map(([id, answer]): [string, string | undefined, boolean] => [
      `answers.${id}`,
      typeof answer === 'string' ? answer : undefined,
      true,
    ]),
    ['remarks', data.remarks, true],
  ];
  const { field, registrationInvalid } = schemaMessages[locale];
  const issues = texts
    .filter(([, value, multiLine]) => value !== undefined && !isPlainText(value, multiLine))
    .map(([path]) => ({ path, message: field.controlChars }));
  return issues.length > 0 ? { success: false, message: registrationInvalid(issues.length), issues } : undefined;
}
