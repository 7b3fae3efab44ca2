/**
 * The most characters of client input an error message quotes back: enough to recognise the value,
 * never a megabyte of it reflected into a response (or into a client's logs).
 */
export const MAX_ECHO_CHARS = 100;

/** `value` as text, cut to `max` characters with a trailing '…' when longer. */
export function echo(value: unknown, max = MAX_ECHO_CHARS): string {
  const text = String(value);
  if (text.length <= max) return text;
  // Never end on half of a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}
