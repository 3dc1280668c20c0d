import type * as z from 'zod/mini';
import { messagesFor, type Locale, type Messages } from '../i18n/index.js';

/** One validation problem: a dotted payload path (`registration.maxCompanions`, `companions.0.name`; `''` for the whole value) and a sentence in the requested language. */
export interface SchemaIssue {
  path: string;
  message: string;
}

/** The outcome of `parseEvent` and `validateRegistration`: never throws, always says what is wrong. */
export type SchemaResult<T> =
  | { success: true; data: T }
  | { success: false; message: string; issues: SchemaIssue[] };

type FieldMessages = Messages['schema']['field'];

/**
 * A message the schemas name by key; its text lives in the `schema.field` section of each
 * language's catalogue (`src/i18n/nl.ts`, `src/i18n/en.ts`). The key travels through zod as the
 * issue's `message` and `formatIssues` translates it, so the schema itself carries no language.
 */
export type MessageKey = keyof FieldMessages;

/**
 * zod params that name a catalogue message: `z.int(msg('companionsRange'))`. Deliberately no
 * `abort: true` anywhere: an aborted field would also stop the object-level rules (end >= start,
 * the event's registration rules), and the user should see every problem at once.
 */
export function msg(key: MessageKey): { error: MessageKey } {
  return { error: key };
}

/** A custom issue for `ctx.addIssue` in a `superRefine`; `limit` feeds messages that take a number. */
export function keyedIssue(key: MessageKey, path: PropertyKey[], limit?: number) {
  return {
    code: 'custom' as const,
    message: key,
    path,
    ...(limit === undefined ? {} : { params: { limit } }),
  };
}

/** Sentinel message for "the value is missing", set by `requiredFallback` while parsing. */
const REQUIRED = '~required';

/**
 * Parse-context error map: zod drops the input from finished issues, so "missing" and "wrong type"
 * would look the same afterwards. Pass it as `schema.safeParse(value, { error: requiredFallback })`.
 * Keys set on the schema itself take precedence.
 */
export const requiredFallback = (issue: { code?: string; input?: unknown }): string | undefined =>
  issue.code === 'invalid_type' && issue.input === undefined ? REQUIRED : undefined;

type AnyIssue = z.core.$ZodIssue;

function limitOf(issue: AnyIssue): number {
  if ('maximum' in issue) return Number(issue.maximum);
  if ('minimum' in issue) return Number(issue.minimum);
  const limit = (issue as { params?: { limit?: unknown } }).params?.limit;
  return typeof limit === 'number' ? limit : 0;
}

function translate(issue: AnyIssue, messages: Messages): string {
  const { field, generic } = messages.schema;
  const key = issue.message;
  if (Object.hasOwn(field, key)) {
    const entry = field[key as MessageKey];
    return typeof entry === 'function' ? entry(limitOf(issue)) : entry;
  }
  if (key === REQUIRED) return generic.required;

  switch (issue.code) {
    case 'invalid_type':
      switch (issue.expected) {
        case 'string':
          return generic.text;
        case 'number':
          return generic.number;
        case 'int':
          return generic.integer;
        case 'boolean':
          return generic.boolean;
        case 'array':
          return generic.list;
        case 'object':
        case 'record':
          return generic.object;
        default:
          return generic.invalid;
      }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? generic.notEmpty : generic.tooShort(min);
      if (issue.origin === 'array') return generic.tooFew(min);
      return issue.inclusive ? generic.atLeast(min) : generic.greaterThan(min);
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return generic.tooLong(max);
      if (issue.origin === 'array') return generic.tooMany(max);
      return issue.inclusive ? generic.atMost(max) : generic.lessThan(max);
    }
    case 'invalid_value':
      return generic.oneOf(issue.values.map(String).join(', '));
    case 'invalid_format':
      return generic.format;
    case 'invalid_key':
      return generic.key;
    default:
      return generic.invalid;
  }
}

/** Joins a zod path into the payload path a form control is named by: `['companions', 0, 'name']` → `companions.0.name`. */
export function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Turns zod's issues into `{ path, message }` in the requested language. Works on any zod error
 * from these schemas; never yields zod's bare "Invalid input". Identical path + message pairs are
 * reported once.
 */
export function formatIssues(
  error: { issues: readonly AnyIssue[] } | readonly AnyIssue[],
  locale: Locale = 'nl',
): SchemaIssue[] {
  const messages = messagesFor(locale);
  const list = 'issues' in error ? error.issues : error;
  const seen = new Set<string>();
  const out: SchemaIssue[] = [];
  for (const issue of list) {
    const formatted = { path: pathOf(issue.path), message: translate(issue, messages) };
    const id = `${formatted.path}\n${formatted.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(formatted);
  }
  return out;
}

/** `path: message`, or just the message for the value as a whole: how issues read in a log or a `bijeen-data-error`. */
export function issueText(issue: SchemaIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/**
 * `when` for object-level refinements: run also when a field inside already failed (so every
 * problem is reported at once), but only on an object. The refinement must read fields defensively.
 */
export const whenObject = (payload: { value: unknown }): boolean => isRecord(payload.value);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
