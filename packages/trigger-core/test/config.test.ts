import { describe, expect, it } from 'vitest';
import { loadConfig, logLevelFromEnvironment } from '../src/config';
import { ConfigurationError, envReader } from '../src/index';

describe('envReader', () => {
  it('reads booleans in the usual spellings and names the variable when one is wrong', () => {
    const env = envReader({ A: 'Yes', B: 'off', C: 'maybe' });
    expect(env.boolean('A', false)).toBe(true);
    expect(env.boolean('B', true)).toBe(false);
    expect(env.boolean('UNSET', true)).toBe(true);
    expect(() => env.boolean('C', true)).toThrow('C must be true or false (got "maybe")');
  });

  it('treats an empty or blank value as unset', () => {
    const env = envReader({ EMPTY: '  ' });
    expect(env.optional('EMPTY')).toBeUndefined();
    expect(() => env.required('EMPTY')).toThrow('EMPTY is required but is not set');
  });

  it('splits lists on commas and drops empty items', () => {
    expect(envReader({ L: ' a.com, ,b.com ,' }).list('L')).toEqual(['a.com', 'b.com']);
    expect(envReader({}).list('L')).toEqual([]);
  });

  it('checks a value against its allowed options', () => {
    const env = envReader({ MODE: 'Strict' });
    expect(env.oneOf('MODE', ['strict', 'lenient'], 'lenient')).toBe('strict');
    expect(() => envReader({ MODE: 'x' }).oneOf('MODE', ['strict'], 'strict')).toThrow(
      'MODE must be one of strict (got "x")',
    );
  });

  it('prefixes a parser failure with the variable name', () => {
    const env = envReader({ PORT: 'abc' });
    expect(() =>
      env.parsed('PORT', (raw) => {
        if (!/^\d+$/.test(raw)) throw new Error('must be a number');
        return Number(raw);
      }),
    ).toThrow('PORT must be a number');
  });
});

describe('loadConfig', () => {
  it('returns the configuration error instead of throwing it', () => {
    const result = loadConfig((env) => env.required('EMAIL_FROM'), {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBeInstanceOf(ConfigurationError);
      expect(result.error.variable).toBe('EMAIL_FROM');
    }
  });
});

describe('logLevelFromEnvironment', () => {
  it('prefers LOG_LEVEL, then AWS_LAMBDA_LOG_LEVEL, and reports an unknown name', () => {
    expect(logLevelFromEnvironment({ LOG_LEVEL: 'warn', AWS_LAMBDA_LOG_LEVEL: 'DEBUG' }).level).toBe('WARN');
    expect(logLevelFromEnvironment({ AWS_LAMBDA_LOG_LEVEL: 'DEBUG' }).level).toBe('DEBUG');
    const bad = logLevelFromEnvironment({ LOG_LEVEL: 'chatty' });
    expect(bad.level).toBe('INFO');
    expect(bad.problem?.message).toContain('LOG_LEVEL');
  });
});
