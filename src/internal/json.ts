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

/**
 * JSON ready for the text of a `<script>` (JSON-LD, an element's inline JSON): built with `toJson`,
 * with every `<` written as `\u003c`, so no text in the data can end the script element.
 */
export const scriptJson = (value: unknown): string => toJson(value).replace(/</g, '\\u003c');

/**
 * The `<script type="application/json">` an element reads its data from (contract section 2), as
 * HTML, for a server that writes the element's children: a server-rendered element finds in it,
 * in the browser, the event it was rendered with.
 */
export const jsonScript = (data: unknown): string => `<script type="application/json">${scriptJson(data)}</script>`;
