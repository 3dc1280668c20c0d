import * as z from 'zod/mini';
import { messagesFor, type Locale } from '../i18n/index.js';
import {
  whenObject,
  formatIssues,
  isRecord,
  keyedIssue,
  msg,
  requiredFallback,
  type SchemaIssue,
  type SchemaResult,
} from './issues.js';
import { isDateTime, isTimeZone, parseDateTime } from './time.js';
import { isAllowedUrl, resolveUrl } from './url.js';

// Building blocks. Limits keep a hostile or broken feed from blowing up a page; they are far above
// anything a real event needs.

/* @__NO_SIDE_EFFECTS__ */
function text(max: number) {
  return z.string().check(z.maxLength(max));
}

/** Text that must not be empty. */
/* @__NO_SIDE_EFFECTS__ */
function filledText(max: number) {
  return z.string().check(z.minLength(1), z.maxLength(max));
}

/** https, http on localhost, or relative; `parseEvent` makes it absolute. */
const urlField = z.string().check(z.refine(isAllowedUrl, msg('url')));

const emailField = z.string().check(z.maxLength(254, msg('email')), z.email(msg('email')));

const dateTimeField = z.string().check(z.refine(isDateTime, msg('dateTime')));

const positiveInt = z.int(msg('positiveInteger')).check(z.gt(0));

const count = z.int(msg('count')).check(z.gte(0));

/** Question ids become payload paths (`answers.<id>`) and form control names. */
export const QUESTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Ids that would reach an object's prototype when used as a key. */
export const RESERVED_IDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['__proto__', 'constructor', 'prototype']);

export const QUESTION_TYPES = ['text', 'textarea', 'select', 'radio', 'checkbox'] as const;

export const SectionSchema = z.object({
  heading: z.optional(text(300)),
  paragraphs: z.optional(z.array(text(10_000)).check(z.maxLength(100))),
  items: z.optional(z.array(text(2_000)).check(z.maxLength(200))),
});

export const LocationSchema = z
  .object({
    name: z.optional(filledText(300)),
    street: z.optional(filledText(300)),
    postalCode: z.optional(filledText(20)),
    city: z.optional(filledText(200)),
    country: z._default(z.string().check(z.regex(/^[A-Z]{2}$/, msg('country'))), 'NL'),
    lat: z.optional(z.number(msg('latitude')).check(z.gte(-90), z.lte(90))),
    lon: z.optional(z.number(msg('longitude')).check(z.gte(-180), z.lte(180))),
    online: z.optional(urlField),
  })
  .check(
    z.superRefine((location, ctx) => {
      const has = (value: unknown) => typeof value === 'string' && value !== '';
      if (!has(location.name) && !has(location.street) && !has(location.city) && !has(location.online)) {
        ctx.addIssue(keyedIssue('place', []));
      }
      if (location.lat !== undefined && location.lon === undefined) ctx.addIssue(keyedIssue('latLonPair', ['lon']));
      if (location.lon !== undefined && location.lat === undefined) ctx.addIssue(keyedIssue('latLonPair', ['lat']));
    }, { when: whenObject }),
  );

export const ImageSchema = z.object({
  src: urlField,
  /** May be empty: the image is then decorative. */
  alt: text(1_000),
  width: z.optional(positiveInt),
  height: z.optional(positiveInt),
});

export const OrganizerSchema = z.object({
  name: filledText(300),
  url: z.optional(urlField),
  email: z.optional(emailField),
});

export const QuestionSchema = z
  .object({
    id: z
      .string()
      .check(z.regex(QUESTION_ID, msg('questionId')), z.refine((id) => !RESERVED_IDS.has(id), msg('reservedId'))),
    label: filledText(500),
    type: z.enum(QUESTION_TYPES),
    options: z.optional(z.array(filledText(200)).check(z.maxLength(50))),
    required: z._default(z.boolean(), false),
  })
  .check(
    z.superRefine((question, ctx) => {
      const needsOptions = question.type === 'select' || question.type === 'radio';
      if (needsOptions && !(Array.isArray(question.options) && question.options.length > 0)) {
        ctx.addIssue(keyedIssue('needsOptions', ['options']));
      }
    }, { when: whenObject }),
  );

export const RegistrationSettingsSchema = z
  .object({
    endpoint: z.optional(urlField),
    email: z.optional(emailField),
    opens: z.optional(dateTimeField),
    closes: z.optional(dateTimeField),
    capacity: z.optional(count),
    remaining: z.optional(count),
    waitlist: z._default(z.boolean(), false),
    maxCompanions: z._default(z.int(msg('companionsRange')).check(z.gte(0), z.lte(10)), 0),
    companionLabel: z.optional(filledText(100)),
    memberQuestion: z.optional(filledText(500)),
    questions: z.optional(z.array(QuestionSchema).check(z.maxLength(50))),
    privacyUrl: z.optional(urlField),
  })
  .check(
    z.superRefine((registration, ctx) => {
      if (isBefore(registration.closes, registration.opens)) ctx.addIssue(keyedIssue('closesBeforeOpens', ['closes']));
      const { capacity, remaining } = registration;
      // Only when both are valid counts: a broken one has its own issue already.
      if (isCount(capacity) && isCount(remaining) && remaining > capacity) {
        ctx.addIssue(keyedIssue('remainingOverCapacity', ['remaining']));
      }
      const seen = new Set<unknown>();
      const questions: unknown[] = Array.isArray(registration.questions) ? registration.questions : [];
      questions.forEach((question, index) => {
        const id = isRecord(question) ? question.id : undefined;
        if (typeof id !== 'string') return;
        if (seen.has(id)) ctx.addIssue(keyedIssue('duplicateId', ['questions', index, 'id']));
        seen.add(id);
      });
    }, { when: whenObject }),
  );

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

/** `a` lies strictly before `b` (both valid date-times). */
function isBefore(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const ta = parseDateTime(a);
  const tb = parseDateTime(b);
  return ta !== undefined && tb !== undefined && ta < tb;
}

/**
 * One event (contract section 2). Unknown fields are dropped (forward compatible). URL fields may
 * still be relative in this schema's output: use `parseEvent` to get them absolute.
 */
export const EventSchema = z
  .object({
    id: filledText(200),
    title: filledText(300),
    summary: z.optional(text(2_000)),
    sections: z.optional(z.array(SectionSchema).check(z.maxLength(50))),
    start: dateTimeField,
    end: z.optional(dateTimeField),
    timeZone: z._default(z.string().check(z.refine(isTimeZone, msg('timeZone'))), 'Europe/Amsterdam'),
    location: z.optional(LocationSchema),
    image: z.optional(ImageSchema),
    organizer: z.optional(OrganizerSchema),
    audience: z.optional(text(2_000)),
    url: z.optional(urlField),
    status: z._default(z.enum(['scheduled', 'cancelled', 'postponed']), 'scheduled'),
    registration: z.optional(RegistrationSettingsSchema),
  })
  .check(
    z.superRefine((event, ctx) => {
      if (isBefore(event.end, event.start)) ctx.addIssue(keyedIssue('endBeforeStart', ['end']));
    }, { when: whenObject }),
  );

/** A validated event, defaults filled in. */
export type EventData = z.output<typeof EventSchema>;
/** What a feed may send: defaulted fields optional. */
export type EventInput = z.input<typeof EventSchema>;
export type EventQuestion = z.output<typeof QuestionSchema>;
export type EventRegistration = z.output<typeof RegistrationSettingsSchema>;
export type EventLocation = z.output<typeof LocationSchema>;

/** How a question is answered in the payload. */
export type AnswerKind = 'text' | 'choice' | 'multiple' | 'confirm';

/**
 * `text` and `textarea` → `text` (a string); `select` and `radio` → `choice` (one of the options);
 * `checkbox` with options → `multiple` (a string[] of options); `checkbox` without options →
 * `confirm` (a single yes box, a boolean).
 */
export function answerKind(question: Pick<EventQuestion, 'type' | 'options'>): AnswerKind {
  switch (question.type) {
    case 'select':
    case 'radio':
      return 'choice';
    case 'checkbox':
      return question.options?.length ? 'multiple' : 'confirm';
    default:
      return 'text';
  }
}

export interface ParseEventOptions {
  /** Absolute URL of the document that gave the data (the `src` JSON's URL); relative URLs resolve against it. Default: the page's `location.href`, when there is one. */
  baseUrl?: string;
  /** Language of the messages. Default `nl`. */
  locale?: Locale;
}

type UrlHolder = Record<string, unknown> | undefined;

/** Makes every URL field absolute; returns the fields it could not resolve. */
function resolveEventUrls(event: EventData, base: string | undefined): SchemaIssue[] {
  const problems: SchemaIssue[] = [];
  const resolve = (holder: UrlHolder, key: string, path: string) => {
    const raw = holder?.[key];
    if (holder === undefined || typeof raw !== 'string') return;
    const absolute = resolveUrl(raw, base);
    if (absolute === undefined) problems.push({ path, message: 'urlBase' });
    else holder[key] = absolute;
  };
  resolve(event, 'url', 'url');
  resolve(event.image, 'src', 'image.src');
  resolve(event.organizer, 'url', 'organizer.url');
  resolve(event.location, 'online', 'location.online');
  resolve(event.registration, 'endpoint', 'registration.endpoint');
  resolve(event.registration, 'privacyUrl', 'registration.privacyUrl');
  return problems;
}

function pageUrl(): string | undefined {
  const href = (globalThis as { location?: { href?: unknown } }).location?.href;
  return typeof href === 'string' ? href : undefined;
}

/**
 * Validates event data and resolves its relative URLs, in one step. Never throws.
 * On success every URL field is absolute; on failure `issues` name each problem by its path.
 */
export function parseEvent(input: unknown, options: ParseEventOptions = {}): SchemaResult<EventData> {
  const locale = options.locale ?? 'nl';
  const messages = messagesFor(locale);
  const result = EventSchema.safeParse(input, { error: requiredFallback });
  let issues: SchemaIssue[];
  if (result.success) {
    // zod builds fresh objects for its output, so resolving in place touches nothing of the caller's.
    const unresolved = resolveEventUrls(result.data, options.baseUrl ?? pageUrl());
    if (unresolved.length === 0) return { success: true, data: result.data };
    issues = unresolved.map(({ path }) => ({ path, message: messages.schema.field.urlBase }));
  } else {
    issues = formatIssues(result.error, locale);
  }
  return { success: false, message: messages.schema.eventInvalid(issues.length), issues };
}
