/** Log lines a test captured, parsed. */
export interface CapturedLogs {
  /** Pass as `writeLog` (defineTrigger) or `write` (createLogger). */
  readonly write: (line: string) => void;
  /** Every line as written. */
  readonly raw: string[];
  /** Every line parsed as JSON; throws if a line is not exactly one JSON object. */
  lines(): Record<string, unknown>[];
  /** The lines with this `message`. */
  withMessage(message: string): Record<string, unknown>[];
}

/**
 * Collects log lines in memory.
 *
 * @example
 * const logs = captureLogs();
 * const handler = defineTrigger(postConfirmation, { service: 't', writeLog: logs.write }, work);
 * expect(logs.withMessage('invocation finished')).toHaveLength(1);
 */
export function captureLogs(): CapturedLogs {
  const raw: string[] = [];
  const lines = (): Record<string, unknown>[] =>
    raw.map((line, index) => {
      if (!line.endsWith('\n') || line.slice(0, -1).includes('\n')) {
        throw new Error(`log line ${index} is not exactly one line: ${line}`);
      }
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new Error(`log line ${index} is not a JSON object: ${line}`);
      }
      return parsed as Record<string, unknown>;
    });
  return {
    write: (line) => raw.push(line),
    raw,
    lines,
    withMessage: (message) => lines().filter((line) => line.message === message),
  };
}

// Independent of the scrubber it checks. Bounded repetition keeps it linear on megabyte output.
const EMAIL = /[^\s@"'<>(),;:[\]]{1,64}@[^\s@"'<>(),;:[\]]{1,253}\.[a-z]{2,63}/gi;
// The unusual forms: a letter or digit (or a quoted string's or comment's end) right before an
// at-sign, and a letter, digit, domain literal or comment right after it: "a b"@x, a(b)@x, a@[192.0.2.1], a@b.
const UNUSUAL_EMAIL = /[\p{L}\p{N}]["')]?(?:[@\uFF20\uFE6B]|%40)[\p{L}\p{N}[(]/gu;
const PHONE = /\+\d{7,15}\b/g;

/**
 * Finds personal data in log output: any e-mail address (unusual forms included: quoted local
 * parts, comments, domain literals, dotless domains) or E.164 phone number, and any of the given
 * known values (names, codes, passwords, tokens used by the test). Returns what leaked.
 *
 * @example
 * expect(findPersonalData(logs.raw.join(''), ['Jane', '123456'])).toEqual([]);
 */
export function findPersonalData(text: string, knownValues: readonly string[] = []): string[] {
  const leaks = new Set<string>();
  for (const match of text.matchAll(EMAIL)) leaks.add(match[0]);
  for (const match of text.matchAll(UNUSUAL_EMAIL)) leaks.add(match[0]);
  for (const match of text.matchAll(PHONE)) leaks.add(match[0]);
  for (const value of knownValues) if (value && text.includes(value)) leaks.add(value);
  return [...leaks];
}

/**
 * Captures what a handler writes to stdout (the logger's default destination) until `restore()`.
 * Lines that are not the logger's stay visible on the real stdout.
 *
 * @example
 * const logs = captureStdoutLogs();
 * try { await handler(event, fakeContext()); } finally { logs.restore(); }
 */
export function captureStdoutLogs(): CapturedLogs & { restore(): void } {
  const captured = captureLogs();
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.startsWith('{"level":')) {
      captured.write(text);
      return true;
    }
    return (original as (chunk: string | Uint8Array, ...args: unknown[]) => boolean)(chunk, ...rest);
  };
  return { ...captured, restore: () => (process.stdout.write = original) };
}
