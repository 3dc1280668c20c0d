import * as z from 'zod/mini';
import type { Locale } from '../i18n/index.js';
import { schemaMessages } from '../i18n/schema.js';
import { formatIssues, isRecord, requiredFallback, type MessageKey, type DataIssue, type SchemaResult } from './issues.js';
import { filledText, hasText, isEmail, list, msg, objectRule, oneOf, rule, text, withDefaults } from './rules.js';
import { DEFAULT_TIME_ZONE, isDateTime, isTimeZone, parseDateTime } from './time.js';
import { dottedName, readPath, writePath, type DataPath } from './paths.js';
import { isAllowedUrl, resolveUrl } from './url.js';

// Building blocks. Limits keep a hostile or broken feed from blowing up a page; they are far above
// anything a real event needs.

/** https, http on localhost, or relative; `parseEvent` makes it absolute. */
const urlField = z.string().check(rule(isAllowedUrl, 'url'));

/** The form's own message serves the feed's authors as well. */
const emailField = z.string().check(rule(isEmail, 'emailFormat'));

const dateTimeField = z.string().check(rule(isDateTime, 'dateTime'));

/** A number from `min` to `max`, whole if `whole`; `key` names every way it can be wrong. */
/* @__NO_SIDE_EFFECTS__ */
function numberIn(key: MessageKey, min: number, max: number, whole?: boolean) {
  return z.number(msg(key)).check(
    rule((value: number) => value >= min && value <= max && (!whole || Number.isSafeInteger(value)), key),
  );
}

const positiveInt = numberIn('positiveInteger', 1, Infinity, true);

const count = numberIn('count', 0, Infinity, true);

/** Most companions any event allows (`registration.maxCompanions` is 0–10). */
export const MAX_COMPANIONS = 10;

/** Question ids become payload paths (`answers.<id>`) and form control names. */
export const QUESTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Ids that would reach an object's prototype when used as a key. */
export const RESERVED_IDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['__proto__', 'constructor', 'prototype']);

export const QUESTION_TYPES = ['text', 'textarea', 'select', 'radio', 'checkbox'] as const;

export const SectionSchema = z.object({
  heading: z.optional(text(300)),
  paragraphs: z.optional(list(text(10_000), 100)),
  items: z.optional(list(text(2_000), 200)),
});

export const LocationSchema = withDefaults(
  z
    .object({
      name: z.optional(filledText(300)),
      street: z.optional(filledText(300)),
      postalCode: z.optional(filledText(20)),
      city: z.optional(filledText(200)),
      country: z.optional(z.string().check(rule((code: string) => /^[A-Z]{2}$/.test(code), 'country'))),
      lat: z.optional(numberIn('latitude', -90, 90)),
      lon: z.optional(numberIn('longitude', -180, 180)),
      online: z.optional(urlField),
    })
    .check(
      objectRule((location, report) => {
        if (![location.name, location.street, location.city, location.online].some(hasText)) {
          report('place', []);
        }
        if (location.lat !== undefined && location.lon === undefined) report('latLonPair', ['lon']);
        if (location.lon !== undefined && location.lat === undefined) report('latLonPair', ['lat']);
      }),
    ),
  () => ({ country: 'NL' }),
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

export const QuestionSchema = withDefaults(
  z
    .object({
      id: z
        .string()
        .check(rule((id: string) => QUESTION_ID.test(id), 'questionId'), rule((id: string) => !RESERVED_IDS.has(id), 'reservedId')),
      label: filledText(500),
      type: oneOf(QUESTION_TYPES),
      options: z.optional(list(filledText(200), 50)),
      required: z.optional(z.boolean()),
    })
    .check(
      objectRule((question, report) => {
        const needsOptions = question.type === 'select' || question.type === 'radio';
        if (needsOptions && !(Array.isArray(question.options) && question.options.length > 0)) {
          report('needsOptions', ['options']);
        }
      }),
    ),
  () => ({ required: false }),
);

export const RegistrationSettingsSchema = withDefaults(
  z
    .object({
      endpoint: z.optional(urlField),
      email: z.optional(emailField),
      opens: z.optional(dateTimeField),
      closes: z.optional(dateTimeField),
      capacity: z.optional(count),
      remaining: z.optional(count),
      waitlist: z.optional(z.boolean()),
      maxCompanions: z.optional(numberIn('companionsRange', 0, MAX_COMPANIONS, true)),
      /** Companions one organisation may bring over all its registrations (the reference endpoint counts them). */
      maxCompanionsPerOrganisation: z.optional(positiveInt),
      companionLabel: z.optional(filledText(100)),
      memberQuestion: z.optional(filledText(500)),
      /** Places (attendees and their companions) that registrations answering the member question "no" may take: a cap within `capacity`. */
      nonMemberPlaces: z.optional(count),
      /** Of those, how many are left, like `remaining`. */
      nonMemberRemaining: z.optional(count),
      questions: z.optional(list(QuestionSchema, 50)),
      privacyUrl: z.optional(urlField),
    })
    .check(
      objectRule((registration, report) => {
        if (isBefore(registration.closes, registration.opens)) report('closesBeforeOpens', ['closes']);
        const { capacity, remaining, nonMemberPlaces, nonMemberRemaining, maxCompanions, maxCompanionsPerOrganisation } = registration;
        // Each pair only when both are valid counts: a broken one has its own issue already.
        const notAbove = (field: string, value: unknown, limitField: string, limit: unknown) => {
          if (isCount(value) && isCount(limit) && value > limit) report('notAbove', [field], limitField);
        };
        notAbove('remaining', remaining, 'capacity', capacity);
        notAbove('nonMemberPlaces', nonMemberPlaces, 'capacity', capacity);
        notAbove('nonMemberRemaining', nonMemberRemaining, 'nonMemberPlaces', nonMemberPlaces);
        // A per-organisation limit below the per-registration one would refuse what the form offers.
        const validMax = isCount(maxCompanions) && maxCompanions <= MAX_COMPANIONS;
        if (isCount(maxCompanionsPerOrganisation) && validMax && maxCompanionsPerOrganisation < maxCompanions) {
          report('notBelow', ['maxCompanionsPerOrganisation'], 'maxCompanions');
        }
        // Non-members are those who answer the member question "no": without it nobody is one.
        if (!registration.memberQuestion) {
          if (nonMemberPlaces !== undefined) report('needsMemberQuestion', ['nonMemberPlaces']);
          if (nonMemberRemaining !== undefined) report('needsMemberQuestion', ['nonMemberRemaining']);
        }
        const seen = new Set<unknown>();
        const questions: unknown[] = Array.isArray(registration.questions) ? registration.questions : [];
        questions.forEach((question, index) => {
          const id = isRecord(question) ? question.id : undefined;
          if (typeof id !== 'string') return;
          if (seen.has(id)) report('duplicateId', ['questions', index, 'id']);
          seen.add(id);
        });
      }),
    ),
  () => ({ waitlist: false, maxCompanions: 0 }),
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
export const EventSchema = withDefaults(
  z
    .object({
      id: filledText(200),
      title: filledText(300),
      summary: z.optional(text(2_000)),
      sections: z.optional(list(SectionSchema, 50)),
      start: dateTimeField,
      end: z.optional(dateTimeField),
      timeZone: z.optional(z.string().check(rule(isTimeZone, 'timeZone'))),
      location: z.optional(LocationSchema),
      image: z.optional(ImageSchema),
      organizer: z.optional(OrganizerSchema),
      audience: z.optional(text(2_000)),
      url: z.optional(urlField),
      status: z.optional(oneOf(['scheduled', 'cancelled', 'postponed'])),
      registration: z.optional(RegistrationSettingsSchema),
      /** Themes (`wonen`, `zorg`) a list filters on. */
      tags: z.optional(list(filledText(100), 50)),
    })
    .check(
      objectRule((event, report) => {
        if (isBefore(event.end, event.start)) report('endBeforeStart', ['end']);
      }),
    ),
  () => ({ timeZone: DEFAULT_TIME_ZONE, status: 'scheduled' as const }),
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

/** The URL fields, by path. */
const URL_FIELDS: readonly DataPath[] = [
  ['url'],
  ['image', 'src'],
  ['organizer', 'url'],
  ['location', 'online'],
  ['registration', 'endpoint'],
  ['registration', 'privacyUrl'],
];

/** Makes every URL field absolute; returns the paths of those it could not resolve. */
function resolveEventUrls(event: EventData, base: string | undefined): string[] {
  const unresolved: string[] = [];
  for (const path of URL_FIELDS) {
    const raw = readPath(event, path);
    if (typeof raw !== 'string') continue;
    const absolute = resolveUrl(raw, base);
    if (absolute === undefined) unresolved.push(dottedName(path));
    else writePath(event, path, absolute);
  }
  return unresolved;
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
  const messages = schemaMessages[locale];
  const result = EventSchema.safeParse(input, { error: requiredFallback });
  let issues: DataIssue[];
  if (result.success) {
    // zod builds fresh objects for its output, so resolving in place touches nothing of the caller's.
    const unresolved = resolveEventUrls(result.data, options.baseUrl ?? pageUrl());
    if (unresolved.length === 0) return { success: true, data: result.data };
    issues = unresolved.map((path) => ({ path, message: messages.field.urlBase }));
  } else {
    issues = formatIssues(result.error, locale);
  }
  return { success: false, message: messages.eventInvalid(issues.length), issues };
}
