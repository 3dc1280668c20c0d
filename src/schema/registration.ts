import * as z from 'zod/mini';
import { messagesFor, type Locale } from '../i18n/index.js';
import { answerKind, QUESTION_ID, RESERVED_IDS, type EventData, type EventQuestion } from './event.js';
import {
  whenObject,
  formatIssues,
  isRecord,
  keyedIssue,
  msg,
  requiredFallback,
  type MessageKey,
  type SchemaIssue,
  type SchemaResult,
} from './issues.js';

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

/** Most companions any event allows (`registration.maxCompanions` is 0–10). */
export const MAX_COMPANIONS = 10;

// Text fields are trimmed, so "   " counts as empty. Each check names its own message: a check
// without one would inherit the key of the schema it sits on. A field may raise several issues
// (empty and malformed); validateRegistration keeps the first per path.

/* @__NO_SIDE_EFFECTS__ */
function requiredText(key: MessageKey, max: number) {
  return z
    .string(msg(key))
    .check(z.trim(), z.minLength(1, msg(key)), z.maxLength(max, msg('textTooLong')));
}

/* @__NO_SIDE_EFFECTS__ */
function optionalText(max: number) {
  return z.optional(z.string().check(z.trim(), z.maxLength(max, msg('textTooLong'))));
}

/* @__NO_SIDE_EFFECTS__ */
function emailAddress(key: MessageKey) {
  return z
    .string(msg(key))
    .check(
      z.trim(),
      z.minLength(1, msg(key)),
      z.maxLength(254, msg('textTooLong')),
      z.email(msg('emailFormat')),
    );
}

const AttendeeSchema = z.object({
  name: requiredText('attendeeName', 200),
  email: emailAddress('attendeeEmail'),
  organisation: requiredText('organisation', 200),
  role: optionalText(200),
  phone: z.optional(
    z
      .string(msg('phone'))
      .check(z.trim(), z.maxLength(40, msg('phone')), z.refine((v) => v === '' || PHONE.test(v), msg('phone'))),
  ),
});

const CompanionSchema = z.object({
  name: requiredText('companionName', 200),
  email: emailAddress('companionEmail'),
  organisation: optionalText(200),
});

const answerText = z.string().check(z.trim(), z.maxLength(2_000, msg('textTooLong')));

const AnswerSchema = z.union(
  [answerText, z.array(answerText).check(z.maxLength(50, msg('answerForm'))), z.boolean()],
  msg('answerForm'),
);

/** Matches question ids (`answers.<id>`), never a prototype key. */
const answerId = z.string().check(z.regex(QUESTION_ID), z.refine((id) => !RESERVED_IDS.has(id)));

/**
 * The registration request body (contract section 4), without any event's own rules: those come
 * from `registrationSchemaFor(event)` / `validateRegistration(payload, event)`. Unknown fields
 * (including the honeypot) are dropped.
 */
export const RegistrationSchema = z.object({
  eventId: z.string().check(z.minLength(1), z.maxLength(200)),
  idempotencyKey: z.string().check(z.regex(UUID_V4)),
  attendee: AttendeeSchema,
  member: z.optional(z.boolean(msg('member'))),
  companions: z._default(
    z.array(CompanionSchema).check(z.maxLength(MAX_COMPANIONS, msg('companionsMax'))),
    () => [],
  ),
  answers: z._default(z.record(answerId, AnswerSchema), () => ({})),
  remarks: optionalText(2_000),
  consent: z.boolean(),
  locale: z.enum(['nl', 'en']),
  source: z.string().check(z.maxLength(2_048)),
});

export type RegistrationPayload = z.output<typeof RegistrationSchema>;
export type RegistrationInput = z.input<typeof RegistrationSchema>;
export type Answer = RegistrationPayload['answers'][string];

type RuleIssue = ReturnType<typeof keyedIssue>;

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
function eventRuleIssues(value: unknown, event: EventData): RuleIssue[] {
  if (!isRecord(value)) return [];
  const issues: RuleIssue[] = [];
  const settings = event.registration;
  if (typeof value.eventId === 'string' && value.eventId !== event.id) {
    issues.push(keyedIssue('wrongEvent', ['eventId']));
  }
  const max = settings?.maxCompanions ?? 0;
  // More than MAX_COMPANIONS is the base schema's issue, on the same path.
  const companions = Array.isArray(value.companions) ? value.companions.length : 0;
  if (companions > max && companions <= MAX_COMPANIONS) {
    issues.push(keyedIssue('companionsMax', ['companions'], max));
  }
  // A member answer of the wrong type is already reported by the base schema.
  if (settings?.memberQuestion && value.member === undefined) issues.push(keyedIssue('member', ['member']));
  const answers = isRecord(value.answers) ? value.answers : {};
  for (const question of settings?.questions ?? []) {
    const key = questionIssue(question, Object.hasOwn(answers, question.id) ? answers[question.id] : undefined);
    if (key) issues.push(keyedIssue(key, ['answers', question.id]));
  }
  if (settings?.privacyUrl && value.consent !== true) issues.push(keyedIssue('consent', ['consent']));
  return issues;
}

/** Keeps only the answers to the event's own questions. */
function keepKnownAnswers(payload: RegistrationPayload, event: EventData): RegistrationPayload {
  const ids = new Set((event.registration?.questions ?? []).map((question) => question.id));
  const answers = Object.fromEntries(Object.entries(payload.answers).filter(([id]) => ids.has(id)));
  return { ...payload, answers };
}

const schemaCache = /* @__PURE__ */ new WeakMap<EventData, ReturnType<typeof buildSchemaFor>>();

function buildSchemaFor(event: EventData) {
  return z.pipe(
    RegistrationSchema.check(
      z.superRefine((value, ctx) => {
        for (const issue of eventRuleIssues(value, event)) ctx.addIssue(issue);
      }, { when: whenObject }),
    ),
    z.transform((payload: RegistrationPayload) => keepKnownAnswers(payload, event)),
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
  const language: Locale = locale ?? (isRecord(payload) && payload.locale === 'en' ? 'en' : 'nl');
  // One message per field: the first is the one that matters to the person filling in the form.
  const seen = new Set<string>();
  const issues: SchemaIssue[] = [];
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
  return { success: false, message: messagesFor(language).schema.registrationInvalid(issues.length), issues };
}
