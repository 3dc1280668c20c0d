/**
 * `JSON.stringify` that host pages cannot bend. Old pages still carry Prototype.js, whose
 * `Array.prototype.toJSON` turns every array into a string, which would garble request bodies,
 * drafts and JSON-LD. The override is set aside for the duration of the call only.
 */
export function toJson(value: unknown): string {
  const proto = Array.prototype as { toJSON?: unknown };
  if (!Object.hasOwn(proto, 'toJSON')) return JSON.stringify(value);
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'toJSON')!;
  delete proto.toJSON;
  try {
    return JSON.stringify(value);
  } finally {
    Object.defineProperty(proto, 'toJSON', descriptor);
  }
}
