import { isRecord } from './issues.js';

/**
 * Paths into nested data: object keys and list indexes, `['companions', 0, 'name']`. Written with
 * dots they are the names issues carry (`companions.0.name`) and, for a registration, the names of
 * the form's controls and of the form-encoded fields.
 */
export type DataPath = readonly (string | number)[];

/** The dotted name of `path`: `['companions', 0, 'name']` → `companions.0.name`. */
export function dottedName(path: DataPath): string {
  return path.join('.');
}

/** The value at `path`, or `undefined` when any step on the way is missing. Reads own properties only. */
export function readPath(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const key of path) {
    if (!(isRecord(value) || Array.isArray(value)) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/**
 * Sets the value at `path`, making the objects (for a key) and lists (for an index) missing on the
 * way. The caller decides which keys are allowed: this never checks for `__proto__`.
 */
export function writePath(data: Record<string, unknown>, path: DataPath, value: unknown): void {
  let holder: Record<string | number, unknown> = data;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      holder[key] = value;
      return;
    }
    if (!Object.hasOwn(holder, key)) holder[key] = typeof path[index + 1] === 'number' ? [] : {};
    holder = holder[key] as Record<string | number, unknown>;
  });
}
