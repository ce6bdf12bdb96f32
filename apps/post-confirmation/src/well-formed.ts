/**
 * A deep copy of `value` in which every string is well-formed UTF-16: each lone surrogate becomes
 * U+FFFD (`String.prototype.toWellFormed`, Node ≥ 20). Plain objects and arrays are copied, other
 * values kept as they are. The AWS SDK percent-encodes SES requests with `encodeURIComponent`,
 * which throws `URIError` on a lone surrogate, so every request is passed through this first.
 *
 * @example
 * wellFormed({ Subject: { Data: 'Hi Mallory \ud800' } }); // { Subject: { Data: 'Hi Mallory \ufffd' } }
 */
export function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.toWellFormed() as T;
  if (Array.isArray(value)) return value.map((item: unknown) => wellFormed(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, wellFormed(item)]),
    ) as T;
  }
  return value;
}
