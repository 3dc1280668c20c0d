import * as z from 'zod/mini';
import { isRecord, type MessageKey } from './issues.js';

/**
 * The building blocks of every schema here. The schemas use zod's plain types only (`string`,
 * `number`, `boolean`, `array`, `object`, `looseObject`, `optional`) and one kind of check, a
 * `rule`: a predicate that names its catalogue message. zod/mini's own checks, formats and
 * wrappers (`maxLength`, `int`, `email`, `regex`, `enum`, `_default`, `record`, `union`, `pipe` …)
 * each bring their own code into the CDN file, together some 40% of zod's share there; the
 * predicates do the same work in a few bytes each.
 */

type Check<T> = z.core.CheckFn<T>;

/** zod params that name a catalogue message: `z.string(msg('attendeeName'))`, for a wrong type or a missing value. */
export function msg(key: MessageKey): { error: MessageKey } {
  return { error: key };
}

/**
 * A raw zod issue that names a catalogue message; `param` feeds messages that take one (a rule's
 * limit, the allowed values). `continue: true`, as with zod's own checks: later checks and the
 * object-level rules still run, so the user sees every problem at once.
 */
export function issue(key: MessageKey, path: PropertyKey[] = [], param?: number | string): z.core.$ZodRawIssue {
  return { code: 'custom', message: key, path, params: { param }, input: undefined, continue: true };
}

/** A check that raises `key` when `test` fails. */
export function rule<T>(test: (value: T) => boolean, key: MessageKey, param?: number | string): Check<T> {
  return (payload) => {
    if (!test(payload.value)) payload.issues.push(issue(key, [], param));
  };
}

/** Text or a list of at most `max` characters or items. */
export function atMost(max: number, key: MessageKey = 'tooLong'): Check<{ length: number }> {
  return rule((value) => value.length <= max, key, max);
}

/** Trims the text; the checks after it see the trimmed text, and so does the output. */
export const trim: Check<string> = (payload) => {
  payload.value = payload.value.trim();
};

// Local part, `@`, a domain with at least one dot and a top-level domain of letters: the addresses
// people type, without the standard's rarities (quoted local parts, IP literals). Dots only between
// characters. Each repeated group ends on a dot, which it cannot contain otherwise: linear on any input.
const EMAIL = /^[\w'+-]+(?:\.[\w'+-]+)*@(?:[a-z\d][a-z\d-]*\.)+[a-z]{2,}$/i;

/** Whether `value` looks like an e-mail address (254 characters at most). */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

// C0 and C1 control characters and the bidi embeddings, overrides and isolates: invisible, they
// hide or reorder what an organiser reads (and what a spreadsheet runs). Tab and line breaks are
// allowed in multi-line text only.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/;

/** Whether `value` is free of control and bidi-override characters (`multiLine`: tab, CR and LF allowed). */
export function isPlainText(value: string, multiLine = false): boolean {
  return !CONTROL.test(value) && (multiLine || !/[\t\n\r]/.test(value));
}

/** Whether `value` is an absolute http(s) URL, without spaces or control characters. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(value) || !isPlainText(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Text of at most `max` characters. */
/* @__NO_SIDE_EFFECTS__ */
export function text(max: number) {
  return z.string().check(atMost(max));
}

/** Text with something in it besides white space. */
export const hasText = (value: unknown): boolean => typeof value === 'string' && /\S/.test(value);

/** Text that is not empty or only white space. */
export function filled(key: MessageKey = 'notEmpty'): Check<string> {
  return rule(hasText, key);
}

/** Text that must not be empty or only white space (a title of spaces would be a blank heading). */
/* @__NO_SIDE_EFFECTS__ */
export function filledText(max: number) {
  return z.string().check(filled(), atMost(max));
}

/**
 * One of `values`, typed as their union: what `z.enum` does, in less code. A missing value or one
 * of another type gets the usual "required" / "expected text".
 */
/* @__NO_SIDE_EFFECTS__ */
export function oneOf<const T extends readonly string[]>(values: T) {
  return z
    .string()
    .check(rule((value: string) => values.includes(value), 'oneOf', values.join(', '))) as unknown as z.ZodMiniType<T[number], T[number]>;
}

/** A list of at most `max` items. */
/* @__NO_SIDE_EFFECTS__ */
export function list<T extends z.core.SomeType>(item: T, max: number) {
  return z.array(item).check(atMost(max, 'tooMany'));
}

export type Report = (key: MessageKey, path: PropertyKey[], param?: number | string) => void;

/**
 * A rule over a whole object. It runs also when a field inside already failed (so every problem is
 * reported at once), but only on an object: it must read the fields defensively, hence `unknown`.
 */
export function objectRule(fn: (value: Record<string, unknown>, report: Report) => void) {
  return z.check<Record<string, unknown>>(
    (payload) => fn(payload.value, (key, path, param) => void payload.issues.push(issue(key, path, param))),
    { when: (payload) => isRecord(payload.value) },
  );
}

/** `T` with the fields `K` always present. */
type Filled<T, K extends keyof T> = { [P in keyof T]: T[P] } & { [P in K]-?: Exclude<T[P], undefined> };

/**
 * `schema` with `defaults()` filled in for each field the input leaves out or sets to `undefined`.
 * The output type says so (zod cannot infer what a check adds); the input type keeps the fields optional.
 */
/* @__NO_SIDE_EFFECTS__ */
export function withDefaults<S extends z.ZodMiniObject, K extends keyof z.output<S>>(
  schema: S,
  defaults: () => { [P in K]: z.output<S>[P] },
) {
  const fill: Check<Record<string, unknown>> = (payload) => {
    for (const [key, value] of Object.entries(defaults())) payload.value[key] ??= value;
  };
  return schema.check(fill as Check<z.output<S>>) as unknown as z.ZodMiniType<Filled<z.output<S>, K>, z.input<S>>;
}
