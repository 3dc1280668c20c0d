import type * as z from 'zod/mini';
import type { Locale } from '../i18n/index.js';
import { schemaMessages, type SchemaMessages } from '../i18n/schema.js';

/**
 * One problem in event data, a registration or an element's attributes: where (a dotted path
 * such as `registration.maxCompanions` or `companions.0.name`, an attribute name such as
 * `map-provider`, `''` for the whole value) and what, in plain words in the requested language.
 */
export interface DataIssue {
  path: string;
  message: string;
}

/** The outcome of `parseEvent` and `validateRegistration`: never throws, always says what is wrong. */
export type SchemaResult<T> =
  | { success: true; data: T }
  | { success: false; message: string; issues: DataIssue[] };

/**
 * A message the schemas name by key; its text lives in `field` of the schema messages
 * (`src/i18n/schema.ts`). The key travels through zod as the issue's `message` and
 * `formatIssues` translates it, so the schema itself carries no language.
 */
export type MessageKey = keyof SchemaMessages['field'];

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

/**
 * The schemas' rules name their message (see `rules.ts`); what is left are zod's own issues for a
 * missing value and a wrong type.
 */
function translate(issue: AnyIssue, { field, type, required, invalid }: SchemaMessages): string {
  const key = issue.message;
  if (Object.hasOwn(field, key)) {
    const entry: string | ((param: never) => string) = field[key as MessageKey];
    return typeof entry === 'function' ? entry((issue as { params?: { param?: never } }).params?.param as never) : entry;
  }
  if (key === REQUIRED) return required;
  return (issue.code === 'invalid_type' && type[issue.expected as keyof typeof type]) || invalid;
}

/**
 * Turns zod's issues into `{ path, message }` in the requested language. Works on any zod error
 * from these schemas; never yields zod's bare "Invalid input". Identical path + message pairs are
 * reported once.
 */
export function formatIssues(
  error: { issues: readonly AnyIssue[] } | readonly AnyIssue[],
  locale: Locale = 'nl',
): DataIssue[] {
  const messages = schemaMessages[locale];
  const seen = new Set<string>();
  const out: DataIssue[] = [];
  for (const issue of 'issues' in error ? error.issues : error) {
    // The payload path a form control is named by: `['companions', 0, 'name']` → `companions.0.name`.
    const formatted = { path: issue.path.map(String).join('.'), message: translate(issue, messages) };
    const id = `${formatted.path}\n${formatted.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(formatted);
  }
  return out;
}

/** `path: message`, or just the message for the value as a whole: how issues read in a log or a `bijeen-data-error`. */
export function issueText(issue: DataIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
