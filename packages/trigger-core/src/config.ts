import { ConfigurationError } from './errors';
import { parseLogLevel, type LogLevel } from './logger';

/**
 * The environment as a read-only map; tests pass their own.
 *
 * @example
 * loadConfig(readConfig, { EMAIL_FROM: 'hello@acme.example' } satisfies Environment);
 */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Typed readers of environment variables. Each one throws a {@link ConfigurationError} that names
 * the variable and says what is wrong with it. Empty values count as unset.
 *
 * @example
 * const config = loadConfig((env) => ({ from: env.required('EMAIL_FROM') }));
 */
export interface EnvReader {
  /** The trimmed value, or `fallback` when unset. */
  optional(name: string): string | undefined;
  optional(name: string, fallback: string): string;
  /** The trimmed value; unset is an error. */
  required(name: string): string;
  /** `true/false`, `1/0`, `yes/no`, `on/off` in any case; anything else is an error. */
  boolean(name: string, fallback: boolean): boolean;
  /** One of `options` (compared case-insensitively, returned as listed). */
  oneOf<T extends string>(name: string, options: readonly T[], fallback: T): T;
  /** A comma-separated list, trimmed, with empty items dropped. Unset gives `[]`. */
  list(name: string): string[];
  /** The value run through `parse`; whatever `parse` throws becomes an error naming the variable. */
  parsed<T>(name: string, parse: (raw: string) => T): T | undefined;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/**
 * Creates an {@link EnvReader} over `environment` (defaults to `process.env`: this module is the
 * only one in the repo that reads it).
 *
 * @example
 * const env = envReader({ APP_NAME: 'Acme' });
 * env.optional('APP_NAME', 'Our app'); // 'Acme'
 */
export function envReader(environment: Environment = process.env): EnvReader {
  const raw = (name: string): string | undefined => {
    const value = environment[name]?.trim();
    return value ? value : undefined;
  };
  function optional(name: string): string | undefined;
  function optional(name: string, fallback: string): string;
  function optional(name: string, fallback?: string): string | undefined {
    return raw(name) ?? fallback;
  }
  return {
    optional,
    required(name) {
      const value = raw(name);
      if (value === undefined) throw new ConfigurationError(name, 'is required but is not set');
      return value;
    },
    boolean(name, fallback) {
      const value = raw(name)?.toLowerCase();
      if (value === undefined) return fallback;
      if (TRUE_WORDS.has(value)) return true;
      if (FALSE_WORDS.has(value)) return false;
      throw new ConfigurationError(name, `must be true or false (got "${raw(name)}")`);
    },
    oneOf(name, options, fallback) {
      const value = raw(name);
      if (value === undefined) return fallback;
      const match = options.find((option) => option.toLowerCase() === value.toLowerCase());
      if (!match) throw new ConfigurationError(name, `must be one of ${options.join(', ')} (got "${value}")`);
      return match;
    },
    list(name) {
      return (raw(name) ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
    },
    parsed(name, parse) {
      const value = raw(name);
      if (value === undefined) return undefined;
      try {
        return parse(value);
      } catch (error) {
        if (error instanceof ConfigurationError) throw error;
        const problem = error instanceof Error ? error.message : String(error);
        throw new ConfigurationError(name, problem, { cause: error });
      }
    },
  };
}

/**
 * Reads an app's configuration once, at cold start. Returns the configuration, or the
 * {@link ConfigurationError} that names the bad variable (the wrapper logs it on every invocation
 * and applies the trigger's failure policy).
 *
 * @example
 * const result = loadConfig((env) => ({ appName: env.optional('APP_NAME', 'Our app') }));
 * if (result.ok) console.log(result.config.appName);
 */
export function loadConfig<T>(
  read: (env: EnvReader) => T,
  environment: Environment = process.env,
): { ok: true; config: T } | { ok: false; error: ConfigurationError } {
  try {
    return { ok: true, config: read(envReader(environment)) };
  } catch (error) {
    if (error instanceof ConfigurationError) return { ok: false, error };
    throw error;
  }
}

/**
 * The log level from `LOG_LEVEL`, else Lambda's `AWS_LAMBDA_LOG_LEVEL`, else INFO. An unknown name
 * is reported (as `problem`) rather than thrown: logging must never break a sign-up.
 *
 * @example
 * logLevelFromEnvironment({ LOG_LEVEL: 'debug' }); // { level: 'DEBUG' }
 */
export function logLevelFromEnvironment(environment: Environment = process.env): {
  level: LogLevel;
  problem?: ConfigurationError;
} {
  for (const name of ['LOG_LEVEL', 'AWS_LAMBDA_LOG_LEVEL']) {
    const value = environment[name]?.trim();
    if (!value) continue;
    const level = parseLogLevel(value);
    if (level) return { level };
    return {
      level: 'INFO',
      problem: new ConfigurationError(name, `must be one of DEBUG, INFO, WARN, ERROR (got "${value}"); using INFO`),
    };
  }
  return { level: 'INFO' };
}

/**
 * True inside AWS Lambda, whose runtime always sets `AWS_LAMBDA_FUNCTION_NAME`. Only there did a
 * cold start's init phase begin with the process, inside the 5 seconds Cognito waits; a test that
 * re-imports a handler to simulate a cold start runs in a process that started long before.
 *
 * @example
 * runsInLambda({ AWS_LAMBDA_FUNCTION_NAME: 'pre-sign-up' }); // true
 */
export function runsInLambda(environment: Environment = process.env): boolean {
  return Boolean(environment.AWS_LAMBDA_FUNCTION_NAME?.trim());
}

/**
 * True when Lambda made this environment for the request it is about to serve: inside Lambda,
 * `AWS_LAMBDA_INITIALIZATION_TYPE` is `on-demand` (or unset, as in older or emulated runtimes).
 * Provisioned concurrency (`provisioned-concurrency`), SnapStart (`snap-start`) and any other
 * kind initialise ahead of requests, so their init phase is not part of what Cognito waited for.
 *
 * @example
 * initialisedOnDemand({ AWS_LAMBDA_INITIALIZATION_TYPE: 'provisioned-concurrency' }); // false
 */
export function initialisedOnDemand(environment: Environment = process.env): boolean {
  const type = environment.AWS_LAMBDA_INITIALIZATION_TYPE?.trim();
  return !type || type === 'on-demand';
}
