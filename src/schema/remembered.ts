/**
 * `read` with its results remembered by argument. Validating an agenda and showing it read the same
 * texts many times (each event's date-times some 14 times between validation and render; the same
 * registration and organizer URLs in every event of a feed). Emptied when it grows large, so a
 * long-lived page does not keep every value it ever saw.
 */
/* @__NO_SIDE_EFFECTS__ */
export function remembered<Result>(read: (text: string) => Result): (text: string) => Result {
  const results = new Map<string, Result>();
  return (text) => {
    if (results.has(text)) return results.get(text) as Result;
    if (results.size >= 1000) results.clear();
    const result = read(text);
    results.set(text, result);
    return result;
  };
}
