import { describeError, isSensitiveKey } from './redact';
import { scrubPersonalData } from './scrub';
import { writeLineToStdout } from './stdout';

/**
 * Log levels, lowest first. `TRACE` and `FATAL` (Lambda's own names) map to DEBUG and ERROR.
 *
 * @example
 * LOG_LEVELS.includes('WARN'); // true
 */
export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;

/**
 * One of {@link LOG_LEVELS}.
 *
 * @example
 * const level: LogLevel = 'WARN';
 */
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * A value a log line may carry. Strings are scrubbed of e-mail addresses and phone numbers.
 *
 * @example
 * const value: LogValue = { attempts: 2, reasons: ['throttled'] };
 */
export type LogValue =
  string | number | boolean | null | undefined | Error | readonly LogValue[] | { readonly [key: string]: LogValue };

/**
 * Named fields of a log line. Fields with a personal or secret name are written as `[redacted]`.
 *
 * @example
 * logger.info('e-mail sent', { emailKind: 'welcome', attempts: 1 } satisfies LogFields);
 */
export type LogFields = { readonly [key: string]: LogValue };

/**
 * A structured logger: one JSON object per line on stdout, no personal data.
 *
 * @example
 * logger.info('welcome e-mail sent', { messageId });
 */
export interface Logger {
  readonly level: LogLevel;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose every line also carries `fields`. */
  child(fields: LogFields): Logger;
}

/**
 * Options of {@link createLogger}.
 *
 * @example
 * createLogger({ service: 'welcome', level: 'DEBUG', context: { stage: 'prod' } });
 */
export interface LoggerOptions {
  /** The service name on every line, usually the app's name. */
  service: string;
  /** The lowest level written; defaults to INFO. */
  level?: LogLevel;
  /** Fields on every line. */
  context?: LogFields;
  /** Where lines go; defaults to stdout. Tests pass a collector. */
  write?: (line: string) => void;
}

const RANK: Record<LogLevel, number> = { DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40 };
const REDACTED = '[redacted]';
const MAX_DEPTH = 6;

function sanitize(value: LogValue, depth: number): unknown {
  if (typeof value === 'string') return scrubPersonalData(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (value instanceof Error) return describeError(value);
  if (Array.isArray(value)) return (value as readonly LogValue[]).map((item) => sanitize(item, depth + 1));
  return sanitizeFields(value as LogFields, depth + 1);
}

function sanitizeFields(fields: LogFields, depth: number): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value === undefined) continue;
    clean[key] = isSensitiveKey(key) ? REDACTED : sanitize(value, depth);
  }
  return clean;
}

/**
 * `"key":value,...` of sanitised fields, with a leading comma, or '' when there are none. Written
 * field by field, as `JSON.stringify` of the sanitised object would write it (same order, same
 * values, keys with no JSON value left out), without building that object first.
 *
 * @example
 * jsonFragment({ emailKind: 'welcome' }); // ',"emailKind":"welcome"'
 */
export function jsonFragment(fields: LogFields | undefined): string {
  if (!fields) return '';
  let json = '';
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value === undefined) continue;
    const field = fieldStart(key);
    if (field.redacted) {
      json += field.start + REDACTED_JSON;
      continue;
    }
    const valueJson = jsonValue(value);
    if (valueJson !== undefined) json += field.start + valueJson;
  }
  return json;
}

const REDACTED_JSON = JSON.stringify(REDACTED);

/** A field's value as JSON, sanitised; `undefined` for what JSON has no value for (a function). */
function jsonValue(value: LogValue): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(scrubPersonalData(value));
    case 'number':
      // What JSON.stringify writes for a number, without its general machinery.
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    default: {
      if (value === null) return 'null';
      // Typed as a string, but undefined for a value JSON cannot hold (a function, say).
      const json: string | undefined = JSON.stringify(sanitize(value, 0));
      return json;
    }
  }
}

// `,"key":` per field name, and whether its value is redacted: names come from code, so few.
const fieldStarts = new Map<string, { readonly start: string; readonly redacted: boolean }>();
function fieldStart(key: string): { readonly start: string; readonly redacted: boolean } {
  let field = fieldStarts.get(key);
  if (field === undefined) {
    field = { start: `,${JSON.stringify(key)}:`, redacted: isSensitiveKey(key) };
    // A safety net, as for the prefixes below.
    if (fieldStarts.size < 1_000) fieldStarts.set(key, field);
  }
  return field;
}

// A line's time, formatted once per millisecond: a warm invocation writes its lines within one.
let timestampMs = Number.NaN;
let timestampText = '';
function timestamp(): string {
  const now = Date.now();
  if (now !== timestampMs) {
    timestampMs = now;
    timestampText = new Date(now).toISOString();
  }
  return timestampText;
}

// `{"level":…,"message":…,"timestamp":"` per level and message: messages are few constant strings
// in code, so the scrubbed, serialised start of a line is built once (bounded, as a safety net).
// One map per level, keyed by the message itself: no key to build per line.
const prefixes: Record<LogLevel, Map<string, string>> = {
  DEBUG: new Map(),
  INFO: new Map(),
  WARN: new Map(),
  ERROR: new Map(),
};
let cachedPrefixes = 0;
function linePrefix(level: LogLevel, message: string): string {
  const byMessage = prefixes[level];
  let prefix = byMessage.get(message);
  if (prefix === undefined) {
    prefix = `{"level":"${level}","message":${JSON.stringify(scrubPersonalData(message))},"timestamp":"`;
    if (cachedPrefixes < 256 && message.length <= 200) {
      byMessage.set(message, prefix);
      cachedPrefixes += 1;
    }
  }
  return prefix;
}

/**
 * The logger `createLogger` makes. A class, not closures: a child logger is made on every
 * invocation, and one object with prototype methods is the cheapest thing to allocate on that path.
 *
 * @example
 * const logger = createJsonLinesLogger({ service: 's' });
 * logger.writePrepared('INFO', 'invocation finished', ',"outcome":"success"');
 */
export class JsonLinesLogger implements Logger {
  readonly level: LogLevel;
  private readonly threshold: number;
  private readonly write: (line: string) => void;
  private readonly parentJson: string;
  // A child's own fields are serialised on its first line, not when it is made: the wrapper makes
  // a child on every invocation, and at LOG_LEVEL=WARN or ERROR most invocations write nothing.
  private pending: LogFields | (() => string) | undefined;
  private contextJson: string | undefined;

  constructor(level: LogLevel, write: (line: string) => void, parentJson: string, fields?: LogFields | (() => string)) {
    this.level = level;
    this.threshold = RANK[level];
    this.write = write;
    this.parentJson = parentJson;
    this.pending = fields;
  }

  debug(message: string, fields?: LogFields): void {
    this.emit('DEBUG', message, fields);
  }

  info(message: string, fields?: LogFields): void {
    this.emit('INFO', message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.emit('WARN', message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.emit('ERROR', message, fields);
  }

  child(fields: LogFields): Logger {
    return new JsonLinesLogger(this.level, this.write, this.context(), fields);
  }

  /** A child whose context is `contextJson()`, a fragment as {@link jsonFragment} makes, called on its first line. */
  childWithContext(contextJson: () => string): JsonLinesLogger {
    return new JsonLinesLogger(this.level, this.write, this.context(), contextJson);
  }

  /** True when lines at `level` are written. */
  writes(level: LogLevel): boolean {
    return RANK[level] >= this.threshold;
  }

  /** Writes a line whose fields are already a sanitised fragment (see {@link jsonFragment}). */
  writePrepared(lineLevel: LogLevel, message: string, fragment: string): void {
    if (RANK[lineLevel] < this.threshold) return;
    this.write(`${linePrefix(lineLevel, message)}${timestamp()}"${this.context()}${fragment}}\n`);
  }

  private context(): string {
    if (this.contextJson === undefined) {
      const pending = this.pending;
      this.contextJson = this.parentJson + (typeof pending === 'function' ? pending() : jsonFragment(pending));
      this.pending = undefined;
    }
    return this.contextJson;
  }

  private emit(lineLevel: LogLevel, message: string, fields: LogFields | undefined): void {
    if (RANK[lineLevel] < this.threshold) return;
    // The context is serialised once per logger, so each line pays only for its own fields.
    this.write(`${linePrefix(lineLevel, message)}${timestamp()}"${this.context()}${jsonFragment(fields)}}\n`);
  }
}

/**
 * True when a logger at `threshold` writes lines at `level`: lets a caller skip building fields
 * for a line that would be dropped.
 *
 * @example
 * if (isLevelEnabled(logger.level, 'DEBUG')) logger.debug('decision', expensiveSummary());
 */
export function isLevelEnabled(threshold: LogLevel, level: LogLevel): boolean {
  return RANK[level] >= RANK[threshold];
}

/**
 * Creates a JSON-lines logger. Every string it writes, messages included, is scrubbed of e-mail
 * addresses and phone numbers; fields named like personal data or secrets are redacted. A line's
 * own fields come after the logger's context; a reader that meets a key twice keeps the last.
 *
 * @example
 * const logger = createLogger({ service: 'post-confirmation', level: 'DEBUG' });
 * logger.info('cold start');
 * // {"level":"INFO","message":"cold start","timestamp":"...","service":"post-confirmation"}
 */
export function createLogger(options: LoggerOptions): Logger {
  return createJsonLinesLogger(options);
}

/**
 * {@link createLogger}, typed as the class, for the wrapper's prepared summary line.
 *
 * @example
 * const logger = createJsonLinesLogger({ service: 'post-confirmation' });
 */
export function createJsonLinesLogger(options: LoggerOptions): JsonLinesLogger {
  return new JsonLinesLogger(
    options.level ?? 'INFO',
    options.write ?? writeLineToStdout,
    jsonFragment({ service: options.service, ...options.context }),
  );
}

/**
 * Turns a level name from the environment into a {@link LogLevel}; accepts Lambda's names
 * (TRACE, FATAL) and any case. Returns `undefined` for an unknown name, so the caller can say so.
 *
 * @example
 * parseLogLevel('warn'); // 'WARN'
 * parseLogLevel('TRACE'); // 'DEBUG'
 */
export function parseLogLevel(name: string): LogLevel | undefined {
  const upper = name.trim().toUpperCase();
  if (upper === 'TRACE') return 'DEBUG';
  if (upper === 'FATAL') return 'ERROR';
  return (LOG_LEVELS as readonly string[]).includes(upper) ? (upper as LogLevel) : undefined;
}
